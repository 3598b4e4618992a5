"""The features the learned line classifier (clean/line_model.py) reads, one row per line.

A row describes the line itself (length, punctuation, case, link-likeness), where it stands
(position in the document, inside the rules' main block or not, how much of the document's prose
lies above it), how often its text repeats in the document, the rules' own verdict on it (which
rule family decided what) and the same few facts about its neighbours two lines either way.
Everything here is cheap over the :class:`~newsdistill.clean.lines.Line` objects the rules already
built: no regex runs over a line longer than ``rules.MAX_RULE_LINE_CHARS``; a line's character
classes are counted on its class bytes (one ``bytes.translate``), and the classifier asks only for
the rows of the lines it judges (:func:`judged_rows`).  The numbers are those of the plain
per-character, per-row reading first written (tests/support/line_features_reference.py;
tests/clean/test_line_features_equal.py holds the two equal), at ~0.3x its time (issue #15: the
model's share of cleaning time; docs/benchmarks.md).

Names and order are part of the shipped model (``data/line_model.json`` stores them): add a
feature only with a retrained model.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import accumulate, compress, repeat

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
) + b"x" * 128  # the UTF-8 bytes of other characters: a run of "x", judged apart
_ASCII_RUNS = re.compile("[\x00-\x7f]+")
_ASCII_SEPARATORS = tuple(s for s in _SEPARATORS if s.isascii())
_OTHER_SEPARATORS = tuple(s for s in _SEPARATORS if not s.isascii())
_QUOTES = ('"', "\u201c", "\u201d")
_OTHER_QUOTES = tuple(q for q in _QUOTES if not q.isascii())
assert all(len(s) == 1 for s in _SEPARATORS + _QUOTES) and _QUOTES[0] == '"'
assert rules.GLUED.pattern == "[a-z][A-Z]" and not rules.GLUED.flags & re.IGNORECASE, "glued_share counts class pairs 'lu'"


def _own(line: Line, title_like: bool, repeated: bool, lowered: str) -> list:
    """The line's OWN features: numbers and bools (the array they go into holds bools as 0.0 /
    1.0).  ``lowered``: ``line.text.lower()``, or "" where the line is longer than the rule bound."""
    full = line.text
    text = full if len(full) <= rules.MAX_RULE_LINE_CHARS else full[:rules.MAX_RULE_LINE_CHARS]
    n = len(text) or 1
    # one class byte per ASCII character, a run of "x" per other one: ASCII neighbours stay apart
    # where another character stands between them, as in the text
    classes = text.encode("utf-8", "surrogatepass").translate(_CLASS_BYTES)
    upper = classes.count(b"u")
    letters = upper + classes.count(b"l")
    digits = classes.count(b"d")
    spaces = classes.count(b"s")
    separators = sum(map(text.count, _ASCII_SEPARATORS))
    quoted = '"' in text
    plain = True
    if not text.isascii():
        other = _ASCII_RUNS.sub("", text)
        other_letters = sum(map(str.isalpha, other))
        other_spaces = sum(map(str.isspace, other))
        upper += sum(map(str.isupper, other))
        letters += other_letters
        digits += sum(map(str.isdigit, other))
        spaces += other_spaces
        separators += sum(map(other.count, _OTHER_SEPARATORS))
        quoted = quoted or any(map(other.__contains__, _OTHER_QUOTES))
        # curly quotes, dashes, symbols: no letter or space among them, so they start or split no
        # word the class bytes would miss
        plain = not other_letters and not other_spaces
    if plain:
        # a word starts after a space (or at the start): its first character's class follows an "s"
        starts = b"s" + classes
        caps_words = starts.count(b"su")
        alpha_words = caps_words + starts.count(b"sl")
        # line.words is len(text.split()) for every line up to the caption bound (lines.py), so
        # for every untruncated one here
        n_words = line.words if text is full else \
            alpha_words + starts.count(b"sd") + starts.count(b"sp") + starts.count(b"sx")
    else:
        words = text.split()
        initials = [w[0] for w in words if w[0].isalpha()]
        alpha_words = len(initials)
        caps_words = sum(map(str.isupper, initials))
        n_words = len(words)
    punct = n - letters - digits - spaces if text else 0
    first = text[:1]
    per_word = n / (n_words or 1)
    glued = classes.count(b"lu") / (n_words or 1)  # rules.GLUED ([a-z][A-Z]): a lower-case letter's class byte, then an upper-case one's
    return [
        math.log1p(line.words), math.log1p(len(full)), line.sentence_end, line.good, title_like,
        caps_words / alpha_words if alpha_words else 0.0, upper / letters if letters else 0.0, digits / n, punct / n,
        text.endswith(":"), separators >= 2, any(map((lowered or text.lower()).__contains__, _LINKISH)),
        (per_word if per_word <= 15.0 else 15.0) / 15.0, repeated, first.islower(), first.isdigit(),
        quoted, glued if glued < 1.0 else 1.0,
    ]


def features(lines: list[Line], verdicts: list[str], title_like: list[bool], first: int, last: int) -> list[list[float]]:
    """One row of ``FEATURE_NAMES`` per line.  ``verdicts``: each line's rule verdict (one of
    ``VERDICTS``); ``first``/``last``: the rules' main block."""
    return matrix(lines, verdicts, title_like, first, last).tolist()


_ONEHOT = {v: tuple(float(u == v) for u in VERDICTS) for v in VERDICTS}
# each verdict's (good, certain, context): body.good, a certain rule, a positional pass
_FLAGS = {v: (v == "body.good", v == "certain", v in _CTX_VERDICTS) for v in VERDICTS}
_NO_NEIGHBOUR = (0.0,) * len(NEIGHBOUR)
assert NEIGHBOUR == ("good", "log_words", "sentence_end", "certain", "title_like", "context")


def matrix(lines: list[Line], verdicts: list[str], title_like: list[bool], first: int, last: int) -> np.ndarray:
    """:func:`features` as a float64 array (lines x ``FEATURE_NAMES``)."""
    X = np.zeros((len(lines), len(FEATURE_NAMES)))
    judged, rows = judged_rows(lines, verdicts, title_like, first, last)
    if judged:
        X[judged] = rows
    return X


def judged_rows(lines: list[Line], verdicts: list[str], title_like: list[bool], first: int, last: int,
                brief: frozenset[str] = frozenset()) -> tuple[list[int], np.ndarray]:
    """The rows of the lines whose verdict is not in ``brief`` (the classifier leaves out the
    lines it does not judge: certain rules, captions, metadata, 59% of the lines of a 200-word
    synthetic page), and their line numbers.  Of the others only the few facts their neighbours
    read are computed.  The rows are a float64 array (judged lines x ``FEATURE_NAMES``): the same
    values, by the same expressions, as the row-by-row reading first written
    (tests/clean/test_line_features_equal.py)."""
    n = len(lines)
    if n == 0:
        return [], np.zeros((0, len(FEATURE_NAMES)))
    folded = [line.text.lower() if len(line.text) <= rules.MAX_RULE_LINE_CHARS else "" for line in lines]
    repeated = _repeated(folded)
    good, certain, context = zip(*map(_FLAGS.__getitem__, verdicts))
    words = [line.words for line in lines]
    # what a neighbour reads of each line: good, log_words, sentence_end, certain, title_like, context
    near = list(zip([line.good for line in lines], map(math.log1p, words), [line.sentence_end for line in lines],
                    certain, title_like, context))
    good_upto, certain_upto = list(accumulate(good, initial=0)), list(accumulate(certain, initial=0))  # lines before i
    block_size = Counter([line.block for line in lines])
    total_good = sum(compress(words, good)) or 1
    doc_words = math.log1p(sum(map(min, words, repeat(10_000))))
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
            g = f[3]  # line.good, a bool
            rows += (
                *f,
                i / last_i, before / total_good, inside, math.log1p(dist), i == 0, i == n - 1,
                math.log1p(block_size[line.block]), i == 0 or lines[i - 1].block != line.block,
                doc_words, doc_good, (good_upto[hi] - good_upto[lo]) / span, (certain_upto[hi] - certain_upto[lo]) / span,
                doc_certain, doc_context, doc_lines, first_title,
                *_ONEHOT[v],
                *(near[i - 2] if i >= 2 else _NO_NEIGHBOUR), *(near[i - 1] if i >= 1 else _NO_NEIGHBOUR),
                *(near[i + 1] if i + 1 < n else _NO_NEIGHBOUR), *(near[i + 2] if i + 2 < n else _NO_NEIGHBOUR),
                g and inside, not g and not inside, g and not inside, f[4] and i == 0,
            )
            judged.append(i)
        if good[i]:
            before += line.words
    # one conversion of the flat list: ~20% less than of a list of rows
    return judged, np.array(rows, dtype=float).reshape(len(judged), len(FEATURE_NAMES))


def _repeated(folded: list[str]) -> list[bool]:
    """Whether each (non-empty) folded line occurs more than once in the document."""
    if len(set(folded)) == len(folded):
        return [False] * len(folded)
    seen = Counter(folded)
    return [bool(t) and seen[t] > 1 for t in folded]
