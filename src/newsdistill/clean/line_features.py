"""The features the learned line classifier (clean/line_model.py) reads, one row per line.

A row describes the line itself (length, punctuation, case, link-likeness), where it stands
(position in the document, inside the rules' main block or not, how much of the document's prose
lies above it), how often its text repeats in the document, the rules' own verdict on it (which
rule family decided what) and the same few facts about its neighbours two lines either way.
Everything here is cheap over the :class:`~newsdistill.clean.lines.Line` objects the rules already
built: no regex runs over a line longer than ``rules.MAX_RULE_LINE_CHARS``; a line's character
classes are counted on its class bytes (one ``bytes.translate``), and the position, verdict,
neighbour and cross columns are a few numpy calls per document (:func:`matrix`).  The numbers are
those of the plain per-character, per-row reading first written (tests/support/
line_features_reference.py; tests/clean/test_line_features_equal.py holds the two equal), at ~0.3x
its time (issue #15: the model's share of cleaning time).

Names and order are part of the shipped model (``data/line_model.json`` stores them): add a
feature only with a retrained model.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

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


# Each ASCII character's class as ``str`` itself judges it (isupper / isalpha / isdigit / isspace;
# the space class holds \x1c-\x1f too, as str.split does), so counting a line's class bytes equals
# testing its characters one by one.  The per-character predicate calls this replaces were ~60% of
# the feature rows' time (four passes at ~25 ns a character: 0.35 of a 200-word document's 0.55 ms).
_CLASS_BYTES = bytes(
    ord("u") if c.isupper() else ord("l") if c.isalpha() else ord("d") if c.isdigit() else ord("s") if c.isspace() else ord("p")
    for c in map(chr, range(128))
) + bytes(128)
_ASCII_RUNS = re.compile("[\x00-\x7f]+")
_LINKISH_ANY = re.compile("|".join(map(re.escape, _LINKISH)))
assert rules.GLUED.pattern == "[a-z][A-Z]" and not rules.GLUED.flags & re.IGNORECASE, "glued_share counts class pairs 'lu'"


def _own(line: Line, title_like: bool, repeated: bool, lowered: str) -> list:
    """The line's OWN features: numbers and bools (the array they go into holds bools as 0.0 /
    1.0).  ``lowered``: ``line.text.lower()``, or "" where the line is longer than the rule bound."""
    full = line.text
    text = full if len(full) <= rules.MAX_RULE_LINE_CHARS else full[:rules.MAX_RULE_LINE_CHARS]
    n = len(text) or 1
    # line.words is len(text.split()) for every line up to the caption bound (lines.py), so for
    # every untruncated one here
    n_words = line.words if text is full else len(text.split())
    if text.isascii():
        classes = text.encode("ascii").translate(_CLASS_BYTES)
        upper = classes.count(b"u")
        letters = upper + classes.count(b"l")
        digits = classes.count(b"d")
        spaces = classes.count(b"s")
        separators = text.count("|") + text.count("/")
        quoted = '"' in text
        plain = True
    else:
        # one "?" ("p") per other character keeps the ASCII neighbours apart, as they are in the text
        classes = text.encode("ascii", "replace").translate(_CLASS_BYTES)
        other = _ASCII_RUNS.sub("", text)
        upper = classes.count(b"u") + sum(map(str.isupper, other))
        letters = classes.count(b"u") + classes.count(b"l") + sum(map(str.isalpha, other))
        digits = classes.count(b"d") + sum(map(str.isdigit, other))
        spaces = classes.count(b"s") + sum(map(str.isspace, other))
        separators = sum(text.count(s) for s in _SEPARATORS)
        quoted = '"' in text or "\u201c" in text or "\u201d" in text
        # curly quotes, dashes, symbols: no letter or space among them, so they start or split no
        # word the class bytes would miss
        plain = not any(c.isalpha() or c.isspace() for c in other)
    if plain:
        # a word starts after a space (or at the start): its first character's class follows an "s"
        starts = b"s" + classes
        caps_words = starts.count(b"su")
        alpha_words = caps_words + starts.count(b"sl")
    else:
        initials = [w[0] for w in text.split() if w[0].isalpha()]
        alpha_words = len(initials)
        caps_words = sum(map(str.isupper, initials))
    punct = n - letters - digits - spaces if text else 0
    first = text[:1]
    per_word = n / (n_words or 1)
    glued = classes.count(b"lu") / (n_words or 1)  # rules.GLUED ([a-z][A-Z]): a lower-case letter's class byte, then an upper-case one's
    return [
        math.log1p(line.words), math.log1p(len(full)), line.sentence_end, line.good, title_like,
        caps_words / alpha_words if alpha_words else 0.0, upper / letters if letters else 0.0, digits / n, punct / n,
        text.endswith(":"), separators >= 2, _LINKISH_ANY.search(lowered or text.lower()) is not None,
        (per_word if per_word <= 15.0 else 15.0) / 15.0, repeated, first.islower(), first.isdigit(),
        quoted, glued if glued < 1.0 else 1.0,
    ]


def features(lines: list[Line], verdicts: list[str], title_like: list[bool], first: int, last: int) -> list[list[float]]:
    """One row of ``FEATURE_NAMES`` per line.  ``verdicts``: each line's rule verdict (one of
    ``VERDICTS``); ``first``/``last``: the rules' main block."""
    return matrix(lines, verdicts, title_like, first, last).tolist()


_ZERO_VERDICTS = (0.0,) * len(VERDICTS)
_NO_NEIGHBOUR = (0.0,) * len(NEIGHBOUR)
assert NEIGHBOUR == ("good", "log_words", "sentence_end", "certain", "title_like", "context")


def matrix(lines: list[Line], verdicts: list[str], title_like: list[bool], first: int, last: int,
           brief: frozenset[str] = frozenset()) -> np.ndarray:
    """:func:`features` as a float64 array (lines x ``FEATURE_NAMES``).  ``brief``: verdicts of
    lines whose row nobody scores (the classifier's certain rules, captions, metadata: 59% of the
    lines of a 200-word synthetic page): their rows are left zero, and only the few facts their
    neighbours read are computed for them.  The same floats as the row-by-row reading first
    written (tests/clean/test_line_features_equal.py): the same expressions, per scored line."""
    n = len(lines)
    X = np.zeros((n, len(FEATURE_NAMES)))
    if n == 0:
        return X
    folded = [line.text.lower() if len(line.text) <= rules.MAX_RULE_LINE_CHARS else "" for line in lines]
    repeated = _repeated(folded)
    certain = [v == "certain" for v in verdicts]
    good = [v == "body.good" for v in verdicts]
    context = [v in _CTX_VERDICTS for v in verdicts]
    # what a neighbour reads of each line: good, log_words, sentence_end, certain, title_like, context
    near = [(float(line.good), math.log1p(line.words), float(line.sentence_end), float(certain[i]), float(title_like[i]),
             float(context[i])) for i, line in enumerate(lines)]
    block_size = Counter(line.block for line in lines)
    total_good = sum(line.words for line, g in zip(lines, good) if g) or 1
    doc_words = math.log1p(sum(min(line.words, 10_000) for line in lines))
    doc_good, doc_certain, doc_context = sum(good) / n, sum(certain) / n, sum(context) / n
    doc_lines, first_title = math.log1p(n), float(title_like[0])
    last_i = max(1, n - 1)
    judged, rows = [], []
    before = 0
    for i, line in enumerate(lines):
        v = verdicts[i]
        if v not in brief:
            lo, hi = max(0, i - 3), min(n, i + 4)
            span = hi - lo
            inside = first <= i <= last
            dist = 0 if inside else (first - i if i < first else i - last)
            low = folded[i]
            f = _own(line, title_like[i], repeated[i], low)
            onehot = list(_ZERO_VERDICTS)
            onehot[_VERDICT_INDEX[v]] = 1.0
            g = f[3]  # line.good, a bool
            rows.append([
                *f,
                i / last_i, before / total_good, inside, math.log1p(dist), i == 0, i == n - 1,
                math.log1p(block_size[line.block]), i == 0 or lines[i - 1].block != line.block,
                doc_words, doc_good, sum(good[lo:hi]) / span, sum(certain[lo:hi]) / span,
                doc_certain, doc_context, doc_lines, first_title,
                *onehot,
                *(near[i - 2] if i >= 2 else _NO_NEIGHBOUR), *(near[i - 1] if i >= 1 else _NO_NEIGHBOUR),
                *(near[i + 1] if i + 1 < n else _NO_NEIGHBOUR), *(near[i + 2] if i + 2 < n else _NO_NEIGHBOUR),
                g and inside, not g and not inside, g and not inside, f[4] and i == 0,
            ])
            judged.append(i)
        if good[i]:
            before += line.words
    if rows:
        X[judged] = rows
    return X


def _repeated(folded: list[str]) -> list[bool]:
    """Whether each (non-empty) folded line occurs more than once in the document."""
    if len(set(folded)) == len(folded):
        return [False] * len(folded)
    seen = Counter(folded)
    return [bool(t) and seen[t] > 1 for t in folded]
