"""The features the learned line classifier (clean/line_model.py) reads, one row per line.

A row describes the line itself (length, punctuation, case, link-likeness), where it stands
(position in the document, inside the rules' main block or not, how much of the document's prose
lies above it), how often its text repeats in the document, the rules' own verdict on it (which
rule family decided what) and the same few facts about its neighbours two lines either way.
Everything here is cheap Python over the :class:`~newsdistill.clean.lines.Line` objects the rules
already built: no regex runs over a line longer than ``rules.MAX_RULE_LINE_CHARS``.

Names and order are part of the shipped model (``data/line_model.json`` stores them): add a
feature only with a retrained model.
"""

from __future__ import annotations

import math
from collections import Counter

from . import rules
from .lines import Line

# the rules' verdict on a line, as the model sees it (classify._verdict maps a decision to one)
VERDICTS = (
    "body.good",          # undecided prose: the rules would keep it
    "body.short",         # undecided short line inside the main block: kept by the rules
    "context.outside",    # short line before / after the main block: removed by position
    "context.prose-outside",  # prose outside the main block
    "context.menu-run",
    "context.minor-cluster",
    "soft.read-more",     # phrase rules whose matches are content often enough to let the model judge
    "soft.author",
    "soft.credit",
    "soft.related",
    "soft.glued",
    "soft.other",
    "certain",            # removed by a certain rule (ads, counters, exact boilerplate phrases)
    "caption",
    "meta",               # title / byline / dateline by the rules
)
_VERDICT_INDEX = {v: i for i, v in enumerate(VERDICTS)}

_SEPARATORS = ("|", "•", "·", "»", "›", "/")
_LINKISH = ("http", "www.", ".com", ".org", ".net", ".co.uk", "@", "#")
_CTX_VERDICTS = frozenset(("context.outside", "context.prose-outside", "context.menu-run", "context.minor-cluster"))

OWN = (
    "log_words", "log_chars", "sentence_end", "good", "title_like", "cap_share", "upper_share",
    "digit_share", "punct_share", "ends_colon", "separators", "linkish", "mean_word_len", "repeated",
    "starts_lower", "starts_digit", "has_quote", "glued_share",
)
POSITION = (
    "rel_pos", "prose_before", "in_block", "log_dist_block", "first_line", "last_line",
    "log_block_lines", "block_start", "doc_log_words", "doc_good_share", "win_good", "win_certain",
    # how much of the document the certain rules and the positional passes removed: near nothing
    # in a clean article (PolNeAR), most lines in a page's keep-everything text
    "doc_certain_share", "doc_context_share", "doc_log_lines", "first_is_title_like",
)
NEIGHBOUR = ("good", "log_words", "sentence_end", "certain", "title_like", "context")
OFFSETS = (-2, -1, 1, 2)
CROSS = ("good_x_in_block", "short_x_outside", "good_x_outside", "title_like_x_first")

FEATURE_NAMES: tuple[str, ...] = (
    *OWN, *POSITION, *(f"verdict={v}" for v in VERDICTS),
    *(f"n{o:+d}.{n}" for o in OFFSETS for n in NEIGHBOUR), *CROSS,
)


def _own(line: Line, title_like: bool, repeated: bool) -> list[float]:
    text = line.text if len(line.text) <= rules.MAX_RULE_LINE_CHARS else line.text[:rules.MAX_RULE_LINE_CHARS]
    n = len(text) or 1
    # counted by C-level map calls: a Python loop over the characters cost ~30% of the cleaning time
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


def features(lines: list[Line], verdicts: list[str], title_like: list[bool], first: int, last: int) -> list[list[float]]:
    """One row of ``FEATURE_NAMES`` per line.  ``verdicts``: each line's rule verdict (one of
    ``VERDICTS``); ``first``/``last``: the rules' main block."""
    n = len(lines)
    folded = [line.text.lower() if len(line.text) <= rules.MAX_RULE_LINE_CHARS else "" for line in lines]
    seen = Counter(folded)
    own = [_own(line, title_like[i], bool(folded[i]) and seen[folded[i]] > 1) for i, line in enumerate(lines)]
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
                f = own[j]
                neigh += [f[3], f[0], f[2], float(certain[j]), f[4], float(context[j])]
            else:
                neigh += [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        f = own[i]
        short = 1.0 - f[3]
        cross = [f[3] * inside, short * (not inside), f[3] * (not inside), f[4] * (i == 0)]
        rows.append(f + pos + onehot + neigh + cross)
    return rows
