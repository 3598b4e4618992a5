"""Unicode repair (ftfy) and whitespace normalisation that keep an exact offset map.

A line of input becomes a list of *pieces* ``(clean_text, input_start, input_len)``.
Untouched stretches are verbatim pieces (equal lengths, exact mapping);
whitespace runs become one space; control and zero-width characters vanish;
a stretch ftfy repaired is one piece mapped to the exact input stretch it
replaced (found by aligning the repaired line with the original).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import ftfy

Piece = tuple[str, int, int]

# whitespace runs other than one plain space, and invisible characters
_MESSY_SPACE = re.compile(r"[\s\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]{2,}|[^\S ]|[\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_HAS_SPACE = re.compile(r"\s")
_EDGE = re.compile(r"^[\s\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]+|[\s\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]+$")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # plain text: "&amp;" is what the page said, and HTML input is unescaped by its reader
    uncurl_quotes=False,
    fix_line_breaks=False,  # lines are already split; keep offsets simple
    normalization=None,  # NFC would silently change lengths of many characters
    explain=False,
)


def content_bounds(line: str) -> tuple[int, int]:
    """Start/end of a line's content, without surrounding whitespace or invisibles."""
    start, end = 0, len(line)
    m = _EDGE.match(line)
    if m:
        start = m.end()
    if start < end:
        m = _EDGE.search(line, start)
        if m and m.end() == end:
            end = m.start()
    return start, end


def collapse(chunk: str, base: int) -> list[Piece]:
    """Pieces for a verbatim chunk: whitespace runs -> " ", invisibles dropped."""
    pieces: list[Piece] = []
    pos = 0
    for m in _MESSY_SPACE.finditer(chunk):
        if m.start() > pos:
            pieces.append((chunk[pos:m.start()], base + pos, m.start() - pos))
        replacement = " " if _HAS_SPACE.search(m.group()) else ""
        pieces.append((replacement, base + m.start(), m.end() - m.start()))
        pos = m.end()
    if pos < len(chunk):
        pieces.append((chunk[pos:], base + pos, len(chunk) - pos))
    return pieces


def collapse_text(chunk: str) -> str:
    return "".join(p[0] for p in collapse(chunk, 0))


def repair(raw: str) -> str:
    """ftfy's repair of one line (ASCII lines are returned as they are: nothing to fix)."""
    if raw.isascii():
        return raw
    return ftfy.fix_text(raw, config=_FTFY_CONFIG)


def normalise(raw: str, base: int) -> list[Piece]:
    """Pieces for one stripped line ``raw`` found at input offset ``base``."""
    fixed = repair(raw)
    if fixed == raw:
        return collapse(raw, base)
    pieces: list[Piece] = []
    matcher = SequenceMatcher(None, raw, fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.extend(collapse(raw[i1:i2], base + i1))
        else:
            pieces.append((collapse_text(fixed[j1:j2]), base + i1, i2 - i1))
    return pieces
