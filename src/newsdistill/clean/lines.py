"""Split the input into lines with offsets, and the features the classifier reads."""

from __future__ import annotations

from dataclasses import dataclass

from . import rules
from .normalize import content_bounds


@dataclass(slots=True)
class Line:
    index: int  # 0-based line number in the input
    start: int  # input offset of the content (whitespace stripped)
    end: int
    text: str  # the content as it is in the input
    block: int  # lines without a blank line between them share a block
    words: int
    sentence_end: bool
    ignorable: bool = False  # too long for any line pattern (caption included): always content

    @property
    def good(self) -> bool:
        """Looks like a body paragraph by itself (jusText's 'good')."""
        return self.words >= rules.GOOD_MIN_WORDS and len(self.text) >= rules.GOOD_MIN_CHARS and (
            self.sentence_end or self.words >= 2 * rules.GOOD_MIN_WORDS
        )


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text``; "\\n" is the only line break (\\r is whitespace)."""
    lines: list[Line] = []
    block = 0
    pos = 0
    n = len(text)
    index = 0
    blank_before = False
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        s, e = content_bounds(text[pos:stop]) if stop - pos < 4096 else _bounds_long(text, pos, stop)
        if e > s:
            prev = lines[-1] if lines else None
            if prev is not None and not blank_before and _wraps_into(prev, text[pos + s:pos + e]):
                # a hard-wrapped paragraph: one logical line across input lines
                lines[-1] = _line(text, prev.index, prev.start, pos + e, prev.block)
            else:
                if blank_before and lines:
                    block += 1
                lines.append(_line(text, index, pos + s, pos + e, block))
            blank_before = False
        else:
            blank_before = True
        if nl < 0:
            break
        pos = nl + 1
        index += 1
    return lines


WRAP_MIN_WORDS = 5  # a prose line wrapped mid-sentence has several words; menus of single words do not join


def _wraps_into(prev: Line, nxt: str) -> bool:
    return (not prev.sentence_end and prev.words >= WRAP_MIN_WORDS and nxt[:1].islower()
            and len(prev.text) + len(nxt) <= rules.MAX_CAPTION_CHARS * 4)


def _line(text: str, index: int, start: int, end: int, block: int) -> Line:
    content = text[start:end]
    long = len(content) > rules.MAX_CAPTION_CHARS
    words = content.count(" ") + content.count("\n") + 1 if long else len(content.split())
    return Line(index, start, end, content, block, words, bool(rules.SENTENCE_END.search(content[-8:])), long)


def _bounds_long(text: str, pos: int, stop: int) -> tuple[int, int]:
    # a huge line: strip by looking at its ends only, never copying it twice
    head = content_bounds(text[pos:pos + 4096])[0]
    tail_start = max(pos, stop - 4096)
    tail = text[tail_start:stop]
    end = tail_start - pos + content_bounds(tail)[1] if tail.strip() else head
    return head, max(head, end)
