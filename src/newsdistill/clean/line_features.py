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
from functools import lru_cache

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
_LOG1P = tuple(math.log1p(k) for k in range(4096))  # math.log1p of small counts, looked up (the same floats)


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


_N_OWN, _N_NEIGH = len(OWN), len(NEIGHBOUR)
_AT_VERDICT = _N_OWN + len(POSITION)
_AT_NEIGH = _AT_VERDICT + len(VERDICTS)
_AT_CROSS = _AT_NEIGH + len(OFFSETS) * _N_NEIGH
assert len(FEATURE_NAMES) == _AT_CROSS + len(CROSS)
_POS = {name: _N_OWN + k for k, name in enumerate(POSITION)}
# document-wide columns side by side in POSITION: assigned a pair at a time
_DOC_A = _POS["doc_log_words"]  # doc_log_words, doc_good_share
_DOC_B = _POS["doc_certain_share"]  # doc_certain_share, doc_context_share
assert [_POS["doc_good_share"], _POS["doc_context_share"]] == [_DOC_A + 1, _DOC_B + 1]
assert _POS["win_certain"] == _POS["win_good"] + 1
# each verdict's flags, as columns: good, certain, context
_FLAGS = np.array([(v == "body.good", v == "certain", v in _CTX_VERDICTS) for v in VERDICTS], dtype=np.int64)
_LOG1P_ARRAY = np.array(_LOG1P)
# a neighbour's facts: columns of its own row (good, log_words, sentence_end, title_like) or its flags
_NEAR_OWN = ([k for k, name in enumerate(NEIGHBOUR) if name in OWN], [OWN.index(name) for name in NEIGHBOUR if name in OWN])
_NEAR_FLAG = ([k for k, name in enumerate(NEIGHBOUR) if name not in OWN],
              [("good", "certain", "context").index(name) for name in NEIGHBOUR if name not in OWN])
_GOOD, _TITLE = OWN.index("good"), OWN.index("title_like")
assert OWN[:5] == ("log_words", "log_chars", "sentence_end", "good", "title_like")
_BRIEF_TAIL = (0.0,) * (_N_OWN - 5)  # a brief row's OWN columns after its first five
assert CROSS[:3] == ("good_x_in_block", "short_x_outside", "good_x_outside")
_CROSS = np.array([[g * i, (1.0 - g) * (not i), g * (not i)] for g in (0.0, 1.0) for i in (False, True)])


def matrix(lines: list[Line], verdicts: list[str], title_like: list[bool], first: int, last: int,
           brief: frozenset[str] = frozenset()) -> np.ndarray:
    """:func:`features` as a float64 array (lines x ``FEATURE_NAMES``): each line's own facts in
    Python, the position, verdict, neighbour and cross columns for the whole document at once
    (the same floats as the row-by-row reading it replaced, tests/clean/test_line_features_equal.py).
    ``brief``: verdicts of lines whose own row nobody scores (the classifier's certain rules,
    captions, metadata): their OWN columns hold only what a neighbour reads (good, log_words,
    sentence_end, title_like) and zeros; half the lines of a 200-word synthetic page."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    template, idx, lo, hi, span = _frame(n)
    X = template.copy()
    folded = [line.text.lower() if len(line.text) <= rules.MAX_RULE_LINE_CHARS else "" for line in lines]
    seen = Counter(folded)
    # each line's OWN columns, then its verdict's index, words and block (exact as floats: < 2**53)
    own: list = []
    for i, line in enumerate(lines):
        v = verdicts[i]
        if v in brief:
            own += (math.log1p(line.words), 0.0, line.sentence_end, line.good, title_like[i])
            own += _BRIEF_TAIL
        else:
            low = folded[i]
            own += _own(line, title_like[i], bool(low) and seen[low] > 1, low)
        own += (_VERDICT_INDEX[v], line.words, line.block)
    rows = np.array(own, dtype=float).reshape(n, _N_OWN + 3)
    X[:, :_N_OWN] = rows[:, :_N_OWN]
    kind, blocks = rows[:, _N_OWN].astype(np.intp), rows[:, _N_OWN + 2].astype(np.intp)
    words = rows[:, _N_OWN + 1]
    flags = _FLAGS[kind]
    # running counts of good / certain / context lines, and of good lines' words, before each line
    counts = np.zeros((n + 1, 4))
    counts[1:, :3] = flags
    counts[1:, 3] = words * flags[:, 0]
    counts = np.cumsum(counts, axis=0)
    total_good = int(counts[n, 3]) or 1
    inside = (idx >= first) & (idx <= last)
    # lines from the block: max(first - i, i - last, 0) where the block is a block (first <= last)
    dist = np.maximum(np.maximum(first - idx, idx - last), 0) if first <= last else \
        np.where(inside, 0, np.where(idx < first, first - idx, idx - last))
    block_start = np.ones(n, dtype=bool)
    block_start[1:] = blocks[1:] != blocks[:-1]

    X[:, _POS["prose_before"]] = counts[:n, 3] / total_good
    X[:, _POS["in_block"]] = inside
    X[:, _POS["log_dist_block"]] = _log1p_array(dist, n)
    X[:, _POS["log_block_lines"]] = _log1p_array(np.bincount(blocks)[blocks], n)
    X[:, _POS["block_start"]] = block_start
    X[:, _DOC_A:_DOC_A + 2] = (math.log1p(int(np.minimum(words, 10_000).sum())), int(counts[n, 0]) / n)
    X[:, _POS["win_good"]:_POS["win_good"] + 2] = (counts[hi, :2] - counts[lo, :2]) / span
    X[:, _DOC_B:_DOC_B + 2] = (int(counts[n, 1]) / n, int(counts[n, 2]) / n)
    X[:, _POS["first_is_title_like"]] = float(title_like[0])
    X[idx, _AT_VERDICT + kind] = 1.0

    near = np.empty((n, _N_NEIGH))
    near[:, _NEAR_OWN[0]] = X[:, _NEAR_OWN[1]]
    near[:, _NEAR_FLAG[0]] = flags[:, _NEAR_FLAG[1]]
    for k, o in enumerate(OFFSETS):
        at = _AT_NEIGH + k * _N_NEIGH
        if o < 0:
            X[-o:, at:at + _N_NEIGH] = near[:n + o]
        else:
            X[:n - o, at:at + _N_NEIGH] = near[o:]
    # good_x_in_block, short_x_outside, good_x_outside: one row of _CROSS per (good, inside)
    X[:, _AT_CROSS:_AT_CROSS + 3] = _CROSS[(2 * X[:, _GOOD] + inside).astype(np.intp)]
    X[0, _AT_CROSS + 3] = X[0, _TITLE]
    return X


@lru_cache(maxsize=512)
def _frame(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What depends only on the number of lines: the zero matrix with rel_pos, first_line,
    last_line and doc_log_lines filled, the line numbers, and each line's window of 3 either way
    (its first line, its end, its length as a column)."""
    X = np.zeros((n, len(FEATURE_NAMES)))
    idx = np.arange(n)
    X[:, _POS["rel_pos"]] = idx / max(1, n - 1)
    X[0, _POS["first_line"]] = 1.0
    X[n - 1, _POS["last_line"]] = 1.0
    X[:, _POS["doc_log_lines"]] = math.log1p(n)
    lo, hi = np.maximum(idx - 3, 0), np.minimum(idx + 4, n)
    for a in (X, idx, lo, hi):
        a.flags.writeable = False
    span = (hi - lo)[:, None]
    span.flags.writeable = False
    return X, idx, lo, hi, span


def _log1p_array(counts: np.ndarray, bound: int) -> np.ndarray:
    """math.log1p of each count (not numpy's log1p: its vectorised loops may round differently);
    ``bound``: no count is larger."""
    if bound < len(_LOG1P) or int(counts.max()) < len(_LOG1P):
        return _LOG1P_ARRAY[counts]
    return np.array([math.log1p(k) for k in counts.tolist()])
