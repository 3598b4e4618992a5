"""Quote marks: every quoted stretch of a text, in every mark style.

:func:`find_quotes` scans the clean text for quoted stretches (straight, curly, single,
guillemets, low-9, doubled straight singles), joins quotes that run over several paragraphs
(a continuing paragraph re-opens the quote without the previous one closing it), and degrades
unbalanced marks to the best reading (an unclosed quote runs to its paragraph's end) -- it
never raises.  Mark pairs and rule names live in :mod:`.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rules as R


@dataclass(slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph end when unclosed)
    rule: str
    closed: bool = True



# ---------------------------------------------------------------------------------------------
# quotes
# ---------------------------------------------------------------------------------------------
_OPENERS: dict[str, tuple[str, str]] = {}
for _rule, (_opens, _closes) in R.QUOTE_PAIRS.items():
    for _o in _opens:
        _OPENERS.setdefault(_o, (_rule, _closes))


def _word_start(text: str, i: int, lo: int) -> bool:
    """Mark at ``i`` stands where a word may begin (an opening position)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-/:;,") and not after.isspace()


def _word_end(text: str, i: int, hi: int) -> bool:
    after = text[i + 1] if i + 1 < hi else " "
    return not after.isalnum()


def _scan_paragraph(text: str, lo: int, hi: int, carry: tuple[int, str, str] | None):
    """Quotes in ``text[lo:hi]``; ``carry`` is a quote left open by the previous paragraph.

    Returns (quotes, still_open) where still_open is (start, rule, closers) or None.
    """
    quotes: list[Quote] = []
    state = carry
    i = lo
    if state is not None:
        # a continuing paragraph re-opens the quote: skip its opening mark
        j = lo
        while j < hi and text[j].isspace():
            j += 1
        if state[1] == R.RULE_DOUBLED_SINGLE:
            if text.startswith(R.DOUBLED_SINGLE, j):
                i = j + 2
        elif j < hi and text[j] in _OPENERS and _OPENERS[text[j]][0] == state[1] or (
            j < hi and text[j] == R.STRAIGHT_DOUBLE and state[1] == "quote.straight-double"
        ):
            i = j + 1
    while i < hi:
        c = text[i]
        if state is None:
            if text.startswith(R.DOUBLED_SINGLE, i) and i + 2 < hi and not text[i + 2].isspace():
                state = (i, R.RULE_DOUBLED_SINGLE, R.DOUBLED_SINGLE)
                i += 2
                continue
            if c == R.STRAIGHT_DOUBLE:
                state = (i, "quote.straight-double", R.STRAIGHT_DOUBLE)
            elif c == R.STRAIGHT_SINGLE:
                if _word_start(text, i, lo):
                    state = (i, "quote.straight-single", R.STRAIGHT_SINGLE)
            elif c == "\u201d" and _word_start(text, i, lo):
                state = (i, "quote.curly-double-as-opener", "\u201d")  # ” used for both marks
            elif c in _OPENERS:
                rule, closers = _OPENERS[c]
                if c in "\u2018\u00bb\u201a" and not _word_start(text, i, lo):
                    pass  # ‘ » ‚ mid-word are not openers
                else:
                    state = (i, rule, closers)
        else:
            start, rule, closers = state
            if rule == R.RULE_DOUBLED_SINGLE:
                if text.startswith(R.DOUBLED_SINGLE, i):
                    end = i + 2
                    while end < hi and text[end] == R.STRAIGHT_SINGLE:  # a nested quote closing with it
                        end += 1
                    quotes.append(Quote(start, end, rule))
                    state = None
                    i = end
                    continue
            elif c in closers or (c in R.MIXED_DOUBLE_CLOSERS.get(rule, "") and _word_end(text, i, hi)
                                  and not text[i - 1].isspace()):  # rule quote.mixed-double
                single = rule in ("quote.straight-single", "quote.curly-single", "quote.low9-single")
                if not single or _word_end(text, i, hi):
                    quotes.append(Quote(start, i + 1, rule))
                    state = None
        i += 1
    return quotes, state


def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Every quoted stretch of ``text``; never raises, whatever the marks."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    quotes: list[Quote] = []
    state = None
    for n, (lo, hi) in enumerate(paragraphs):
        found, state = _scan_paragraph(text, lo, hi, state)
        quotes.extend(found)
        if state is not None:
            start, rule, closers = state
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            continues = False
            if nxt is not None:
                j = nxt[0]
                while j < nxt[1] and text[j].isspace():
                    j += 1
                if j < nxt[1]:
                    ch = text[j]
                    continues = (rule == R.RULE_DOUBLED_SINGLE and text.startswith(R.DOUBLED_SINGLE, j)) or (
                        rule != R.RULE_DOUBLED_SINGLE and ch in _OPENERS and _OPENERS[ch][0] == rule) or (
                        ch == R.STRAIGHT_DOUBLE and rule == "quote.straight-double"
                    )
            if not continues:
                # unbalanced: the quote runs to the paragraph's end (best reading)
                if rule not in ("quote.straight-single",):
                    end = hi
                    while end > start + 1 and text[end - 1].isspace():
                        end -= 1
                    quotes.append(Quote(start, end, rule, closed=False))
                state = None
    quotes.sort(key=lambda q: q.start)
    return quotes


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            out.append((pos, pos + len(part)))
        pos += len(part) + 2
    return out
