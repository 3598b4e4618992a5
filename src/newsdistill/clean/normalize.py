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
from itertools import accumulate

import ftfy

Piece = tuple[str, int, int]

# whitespace runs other than one plain space, and invisible characters
_MESSY_SPACE = re.compile(r"[\s\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]{2,}|[^\S ]|[\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
# Python counts the separators U+001C-U+001F as whitespace, but ftfy drops them as control
# characters whenever it runs on a line: they vanish either way, so a line reads the same
# whether or not something else on it needed repair
_HAS_SPACE = re.compile(r"[^\S\x1c-\x1f]")
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
    if "  " not in chunk and chunk.isprintable():
        # fast path (C speed): every whitespace or invisible character other than a single
        # ASCII space is "not printable" in Python's sense, so there is nothing to collapse
        return [(chunk, base, len(chunk))] if chunk else []
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


# Characters without which ftfy (as configured) changes nothing.  UTF-8 mojibake read as
# Latin-1 / Windows-1252 always shows a lead character U+00C2-U+00F4 followed by a
# continuation (U+0080-U+00BF or its Windows-1252 stand-ins, or a space for a lost
# U+00A0): "Ã©", "â€™", "Â ".  Single accented letters ("été") are not mojibake.  The other
# fixes act on C1/control characters, ligatures, full-width forms, surrogates, invisible
# tags.  Text with none of these skips ftfy (mojibake through Cyrillic/Greek code pages,
# which ftfy could also undo, is not looked for: not seen in our inputs).
_W1252 = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MAY_NEED_FTFY = re.compile(
    f"[\\xc2-\\xf4][ \\x80-\\xbf{_W1252}]|"
    "[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f-\\x9f\\u206a-\\u206f\\ufb00-\\ufb06\\ufeff\\uff00-\\uffef"
    "\\ufff9-\\ufffc\\ud800-\\udfff\\U000e0000-\\U000e007f]")
CHUNK_CHARS = 8192  # a long line is repaired and aligned in chunks this size, so cost stays linear


def repair(raw: str) -> str:
    """ftfy's repair of one line (lines with nothing ftfy could fix are returned as they are)."""
    if raw.isascii() or not _MAY_NEED_FTFY.search(raw):
        return raw
    return ftfy.fix_text(raw, config=_FTFY_CONFIG)


def _chunks(raw: str) -> list[tuple[int, int]]:
    """(start, end) pieces of ``raw`` of about CHUNK_CHARS, each ending after a whitespace run
    (so no whitespace run is split in two), or at a hard cut where there is no whitespace."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(raw)
    while start < n:
        cut = start + CHUNK_CHARS
        if cut >= n:
            out.append((start, n))
            break
        m = _HAS_SPACE.search(raw, cut, min(n, cut + 1024))
        if m is None:
            end = cut
        else:
            end = m.start()
            while end < n and raw[end].isspace():
                end += 1
        out.append((start, end))
        start = end
    return out


def normalise(raw: str, base: int) -> list[Piece]:
    """Pieces for one stripped line ``raw`` found at input offset ``base``."""
    if len(raw) > CHUNK_CHARS:
        pieces: list[Piece] = []
        for s, e in _chunks(raw):
            pieces.extend(_normalise_chunk(raw[s:e], base + s))
        return pieces
    return _normalise_chunk(raw, base)


def _normalise_chunk(raw: str, base: int) -> list[Piece]:
    fixed = repair(raw)
    if fixed == raw:
        return collapse(raw, base)
    return _align(raw, fixed, base)


_ASCII_SPACES = re.compile(r"[ \t\r\n]+")  # the whitespace ftfy keeps


def _align(raw: str, fixed: str, base: int) -> list[Piece]:
    """Pieces mapping ftfy's repair back onto the input, in linear time.

    ftfy (as configured) repairs within words and leaves ASCII whitespace alone, so
    the two texts split into the same tokens between the same separators; a changed
    token becomes verbatim common prefix + one replaced stretch + verbatim common
    suffix, everything between changed tokens is verbatim.  (difflib's SequenceMatcher
    did this per character but is quadratic: 27 s on one repetitive 8 KB line.)  If the
    token structure differs, the whole stretch is one replaced piece: coarse, exact at its ends.
    \f and \v are not separators here: ftfy drops them as control characters."""
    raw_tokens, fixed_tokens = _ASCII_SPACES.split(raw), _ASCII_SPACES.split(fixed)
    seps = _ASCII_SPACES.findall(raw)
    if len(raw_tokens) != len(fixed_tokens) or seps != _ASCII_SPACES.findall(fixed):
        return [(collapse_text(fixed), base, len(raw))]
    changed = [i for i, (a, b) in enumerate(zip(raw_tokens, fixed_tokens)) if a != b]
    starts = [0, *accumulate(len(t) + len(sep) for t, sep in zip(raw_tokens, seps))]
    pieces: list[Piece] = []
    pos = 0
    for i in changed:
        a, b = raw_tokens[i], fixed_tokens[i]
        limit = min(len(a), len(b))
        p = 0
        while p < limit and a[p] == b[p]:
            p += 1
        q = 0
        while q < limit - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
            q += 1
        start = starts[i]
        pieces.extend(collapse(raw[pos:start + p], base + pos))
        pieces.extend(_align_middle(a[p:len(a) - q], b[p:len(b) - q], base + start + p))
        pos = start + len(a) - q
    pieces.extend(collapse(raw[pos:], base + pos))
    return _one_space(pieces)


def _one_space(pieces: list[Piece]) -> list[Piece]:
    """Pieces collapsed one by one can leave two spaces where a repaired character vanished
    between them (" \x08 " -> "  "); the whole line collapsed would have one."""
    out: list[Piece] = []
    last = ""
    for text, start, length in pieces:
        if last == " " and text.startswith(" "):
            text = text[1:]
        if text:
            last = text[-1]
        out.append((text, start, length))
    return out


ALIGN_EXACT_MAX = 256  # changed stretches up to this long are aligned per character (difflib, <= 256^2 steps)


def _align_middle(a: str, b: str, base: int) -> list[Piece]:
    """The changed middle of one token: per character when short (so kept characters map to
    themselves and dropped ones to nothing), else one replaced piece."""
    if len(a) > ALIGN_EXACT_MAX or len(b) > ALIGN_EXACT_MAX:
        return [(collapse_text(b), base, len(a))]
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.extend(collapse(a[i1:i2], base + i1))
        else:
            pieces.append((collapse_text(b[j1:j2]), base + i1, i2 - i1))
    return pieces
