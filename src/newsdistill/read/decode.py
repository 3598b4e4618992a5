"""Bytes -> text, deciding what is text at all.

Text is UTF-8 (or UTF-16 with a BOM, or cp1252 when UTF-8 fails badly and
cp1252 reads cleanly); a few invalid bytes are replaced and flagged; data
with NUL bytes, many control characters or a binary file signature is not
text and becomes a ``binary-input`` error.
"""

from __future__ import annotations

from .. import errors
from ..errors import BadRecord

BINARY_SIGNATURES = (
    b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff", b"BZh", b"\x7fELF",
    b"(\xb5/\xfd", b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3",
)
CONTROL_SHARE_BINARY = 0.05  # > 5% control bytes in the first 64 KiB: not text (text has ~0)
BAD_UTF8_SHARE = 0.02  # up to 2% undecodable bytes: repaired and flagged; more: try cp1252
SNIFF_BYTES = 65536
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 13, 12)) + b"\x7f"


def check_not_binary(data: bytes) -> None:
    """Raise BadRecord for empty data or data that is not text (signature, control bytes).
    UTF-16 (with a BOM) passes: its NUL bytes are not a sign of binary data."""
    if not data or data.isspace():  # (not data.strip(), without copying the data)
        raise BadRecord(errors.EMPTY, "input is empty" if not data else "input holds only whitespace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return
    head = data[:SNIFF_BYTES]
    if head.startswith(BINARY_SIGNATURES):
        raise BadRecord(errors.BINARY, f"binary file signature {head[:4]!r}")
    controls = len(head) - len(head.translate(None, _CONTROL))  # one pass, not one per control byte
    if controls > CONTROL_SHARE_BINARY * len(head):
        raise BadRecord(errors.BINARY, f"{controls} control/NUL bytes in the first {len(head)} bytes")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decoded text and warnings; raises BadRecord for empty or binary data."""
    check_not_binary(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded-utf16"]
        except UnicodeDecodeError as exc:
            raise BadRecord(errors.NOT_TEXT, f"UTF-16 BOM but undecodable: {exc}") from None
    warnings: list[str] = []
    if b"\x00" in data:
        warnings.append("nul-bytes-removed")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= BAD_UTF8_SHARE * len(data):
        return text, warnings + [f"invalid-utf8-repaired:{bad}"]
    try:
        return data.decode("cp1252"), warnings + ["decoded-cp1252"]
    except UnicodeDecodeError:
        raise BadRecord(errors.NOT_TEXT, f"{bad} undecodable bytes in {len(data)}: not UTF-8 or cp1252 text") from None
