"""Exact mapping from offsets in the clean ``text`` back to offsets in the input.

The clean text is assembled from pieces of the input.  Each piece is a
:class:`Segment`: ``clean_len`` characters of clean text that stand for
``input_len`` characters of input.  Where the two lengths are equal the piece
is a verbatim (or 1:1 substituted) copy and every offset inside maps exactly;
where they differ (a run of whitespace collapsed to one space, a mojibake
sequence repaired by ftfy, the blank lines between two paragraphs) an offset
inside the piece maps to the piece's start or end, never to a guessed middle.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    clean_start: int
    clean_len: int
    input_start: int
    input_len: int


class OffsetMap:
    """Piecewise map clean offset -> input offset, built once by the cleaner."""

    __slots__ = ("_segments", "_starts")

    def __init__(self, segments: list[Segment]):
        self._segments = segments
        self._starts = [s.clean_start for s in segments]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([Segment(0, length, 0, length)]) if length else cls([])

    @property
    def segments(self) -> list[Segment]:
        return list(self._segments)

    def _find(self, offset: int, *, prefer_left: bool) -> Segment | None:
        if not self._segments:
            return None
        i = bisect_right(self._starts, offset) - 1
        if prefer_left and i > 0 and self._segments[i].clean_start == offset:
            # an end offset exactly on a boundary belongs to the piece before it
            i -= 1
        return self._segments[max(i, 0)]

    def start(self, offset: int) -> int:
        """Input offset for a span *start* at ``offset`` of the clean text."""
        seg = self._find(offset, prefer_left=False)
        if seg is None:
            return 0
        delta = offset - seg.clean_start
        if delta >= seg.clean_len:
            return seg.input_start + seg.input_len
        if seg.clean_len == seg.input_len:
            return seg.input_start + delta
        return seg.input_start

    def end(self, offset: int) -> int:
        """Input offset for a span *end* at ``offset`` of the clean text."""
        seg = self._find(offset, prefer_left=True)
        if seg is None:
            return 0
        delta = offset - seg.clean_start
        if delta <= 0:
            return seg.input_start
        if seg.clean_len == seg.input_len and delta < seg.clean_len:
            return seg.input_start + delta
        return seg.input_start + seg.input_len

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)


class OffsetMapBuilder:
    """Accumulates segments while the cleaner writes the clean text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def add(self, clean: str, input_start: int, input_len: int) -> None:
        if not clean:
            # dropped input (NUL bytes, removed lines) needs no segment: the next
            # piece carries its own input_start, so offsets map around the gap
            return
        prev = self.segments[-1] if self.segments else None
        n = len(clean)
        # merge adjacent verbatim pieces to keep the map small
        if (
            prev is not None
            and prev.clean_len == prev.input_len
            and n == input_len
            and prev.input_start + prev.input_len == input_start
            and prev.clean_start + prev.clean_len == self.length
        ):
            self.segments[-1] = Segment(prev.clean_start, prev.clean_len + n, prev.input_start, prev.input_len + n)
        else:
            self.segments.append(Segment(self.length, n, input_start, input_len))
        self.parts.append(clean)
        self.length += n

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(self.segments)
