"""The line classifier's feature rows and scores as first written (issue #15, commit 0d4517f): a
plain per-character, per-line Python reading of each feature.  The shipped code
(clean/line_features.py, clean/line_model.py) computes the same numbers in bulk; the tests of
tests/clean/test_line_features_equal.py hold it to this one, value for value, so the shipped
model's weights keep meaning what they were trained on.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter

from newsdistill.clean import line_features, rules

VERDICTS = line_features.VERDICTS
_VERDICT_INDEX = {v: i for i, v in enumerate(VERDICTS)}
_SEPARATORS = ("|", "\u2022", "\u00b7", "\u00bb", "\u203a", "/")
_LINKISH = ("http", "www.", ".com", ".org", ".net", ".co.uk", "@", "#")
_CTX_VERDICTS = frozenset(("context.outside", "context.prose-outside", "context.menu-run", "context.minor-cluster"))
OFFSETS = (-2, -1, 1, 2)


def own(line, title_like: bool, repeated: bool) -> list[float]:
    text = line.text if len(line.text) <= rules.MAX_RULE_LINE_CHARS else line.text[:rules.MAX_RULE_LINE_CHARS]
    n = len(text) or 1
    letters = sum(map(str.isalpha, text))
    upper = sum(map(str.isupper, text))
    digits = sum(map(str.isdigit, text))
    punct = n - letters - digits - sum(map(str.isspace, text)) if text else 0
    words = text.split()
    alpha_words = [w for w in words if w[:1].isalpha()]
    caps = sum(w[0].isupper() for w in alpha_words) / len(alpha_words) if alpha_words else 0.0
    lowered = text.lower()
    first = text[:1]
    return [
        math.log1p(line.words), math.log1p(len(line.text)), float(line.sentence_end), float(line.good), float(title_like),
        caps, upper / letters if letters else 0.0, digits / n, punct / n, float(text.endswith(":")),
        float(sum(text.count(s) for s in _SEPARATORS) >= 2), float(any(s in lowered for s in _LINKISH)),
        min(n / max(1, len(words)), 15.0) / 15.0, float(repeated), float(first.islower()), float(first.isdigit()),
        float(any(q in text for q in ('"', "\u201c", "\u201d"))),
        min(1.0, len(rules.GLUED.findall(text)) / max(1, len(words))),
    ]


def features(lines, verdicts: list[str], title_like: list[bool], first: int, last: int) -> list[list[float]]:
    n = len(lines)
    folded = [line.text.lower() if len(line.text) <= rules.MAX_RULE_LINE_CHARS else "" for line in lines]
    seen = Counter(folded)
    own_rows = [own(line, title_like[i], bool(folded[i]) and seen[folded[i]] > 1) for i, line in enumerate(lines)]
    good_words = [line.words if verdicts[i] == "body.good" else 0 for i, line in enumerate(lines)]
    total_good = sum(good_words) or 1
    doc_words = sum(min(line.words, 10_000) for line in lines)
    doc_good = sum(1 for v in verdicts if v == "body.good") / n if n else 0.0
    block_size = Counter(line.block for line in lines)
    certain = [v == "certain" for v in verdicts]
    good = [v == "body.good" for v in verdicts]
    context = [v in _CTX_VERDICTS for v in verdicts]
    doc_certain = sum(certain) / n if n else 0.0
    doc_context = sum(context) / n if n else 0.0
    first_title = float(bool(title_like) and title_like[0])
    rows = []
    before = 0
    for i, line in enumerate(lines):
        lo, hi = max(0, i - 3), min(n, i + 4)
        span = hi - lo
        inside = first <= i <= last
        dist = 0 if inside else (first - i if i < first else i - last)
        pos = [
            i / max(1, n - 1), before / total_good, float(inside), math.log1p(dist), float(i == 0), float(i == n - 1),
            math.log1p(block_size[line.block]), float(i == 0 or lines[i - 1].block != line.block),
            math.log1p(doc_words), doc_good, sum(good[lo:hi]) / span, sum(certain[lo:hi]) / span,
            doc_certain, doc_context, math.log1p(n), first_title,
        ]
        before += good_words[i]
        onehot = [0.0] * len(VERDICTS)
        onehot[_VERDICT_INDEX[verdicts[i]]] = 1.0
        neigh: list[float] = []
        for o in OFFSETS:
            j = i + o
            if 0 <= j < n:
                f = own_rows[j]
                neigh += [f[3], f[0], f[2], float(certain[j]), f[4], float(context[j])]
            else:
                neigh += [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        f = own_rows[i]
        short = 1.0 - f[3]
        cross = [f[3] * inside, short * (not inside), f[3] * (not inside), f[4] * (i == 0)]
        rows.append(f + pos + onehot + neigh + cross)
    return rows


def scores(model, rows: list[list[float]]) -> list[float]:
    """P(boilerplate) of each row: a dot product and a bin look-up per row, in plain Python."""
    w, b, n = model.weights, model.bias, len(line_features.FEATURE_NAMES)
    out = []
    for row in rows:
        z = b + sum(x * c for x, c in zip(row, w))
        at = n
        for k, edges in model.bins:
            z += w[at + bisect_right(edges, row[k])]
            at += len(edges) + 1
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0)
    return out
