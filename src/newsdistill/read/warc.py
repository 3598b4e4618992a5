"""WARC files (``.warc``, ``.warc.gz``; ``.warc.zst`` via our decompressor) with fastwarc 2.x.

Every ``response`` record is one input: an HTML page becomes a Document with
``input_kind="warc"`` whose page goes through :class:`~newsdistill.read.html.ExtractHtml`
like an HTML file; any other response is an error record (``not-html`` for
images, PDFs, JSON...; ``http-status`` for redirects and error pages), so
counting records in and out works.  Other record types (warcinfo, request,
metadata, revisit) are not documents and are skipped.

Provenance: ``source.path``, ``source.offset`` (byte offset of the record in
the file on disk: for ``.warc.gz`` the offset of its gzip member, as in a
Common Crawl index), ``source.url`` (``WARC-Target-URI``), ``source.fetched``
(``WARC-Date``).  The record id is the ``WARC-Record-ID`` uuid.

fastwarc silently stops at a cut-off record or gzip member, so after the last
record the reader checks the rest of the file itself: a truncated or corrupt
tail becomes a shard error record (``truncated-file``) whose
``source.offset`` says where readable data ended; the documents before it are
kept and the run goes on.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..errors import BadShard
from ..record import Document, Source
from .html import MAX_HTML_BYTES, html_document, looks_like_html
from .sources import ReadOptions, register

HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml", "application/vnd.wap.xhtml+xml")
SNIFFED_TYPES = ("", "text/plain", "application/octet-stream", "unknown/unknown")  # content types that may hide HTML
TAIL_CHUNK = 1 << 20


@register(".warc", decompress=False)
def read_warc(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Document]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    name = "stdin" if path == "-" else Path(path).name
    src_path = None if path == "-" else path
    last_pos: int | None = None
    for record in ArchiveIterator(stream, parse_http=True):
        last_pos = record.stream_pos
        if record.record_type != WarcRecordType.response:
            continue
        yield _response(record, name, src_path)
    _check_tail(stream, last_pos)


def _response(record, name: str, path: str | None) -> Document:
    offset = record.stream_pos
    headers = record.headers
    if headers.get("Content-Length") is None:
        raise BadShard(errors.TRUNCATED, f"WARC record at byte {offset} is cut off (no Content-Length)", offset=offset)
    rid = (headers.get("WARC-Record-ID") or "").strip("<>")
    doc_id = rid.removeprefix("urn:uuid:") or f"{name}@{offset}"
    source = Source(path=path, offset=offset, url=headers.get("WARC-Target-URI"), fetched=headers.get("WARC-Date"))
    expected = record.content_length
    if expected > MAX_HTML_BYTES:
        return Document(id=doc_id, source=source, input_kind="warc").fail(
            errors.TOO_LARGE, f"WARC record payload of {expected} bytes, over {MAX_HTML_BYTES}")
    body = record.reader.read()
    if len(body) < expected:
        raise BadShard(errors.TRUNCATED, f"WARC record at byte {offset} is cut off: {len(body)} of {expected} payload bytes",
                       offset=offset)
    doc = Document(id=doc_id, source=source, input_kind="warc")
    http = record.http_headers if record.is_http else None
    if http is None:
        return doc.fail(errors.NOT_HTML, f"WARC response record at byte {offset} is not an HTTP response")
    status = http.status_code
    if not 200 <= status < 300:
        return doc.fail(errors.HTTP_STATUS, f"HTTP status {status} (not a page)")
    ctype = (http.get("Content-Type") or "").split(";")[0].strip().lower()
    body = _decode_transfer(body, http)
    if ctype not in HTML_TYPES and not (ctype in SNIFFED_TYPES and looks_like_html(body)):
        return doc.fail(errors.NOT_HTML, f"content type {ctype or 'missing'!r} is not HTML")
    page = html_document(body, doc_id, source)
    page.input_kind = "warc"
    return page


def _decode_transfer(body: bytes, http) -> bytes:
    """Undo chunked transfer and gzip/deflate content encoding where the crawler kept them."""
    if "chunked" in (http.get("Transfer-Encoding") or "").lower():
        body = _dechunk(body)
    encoding = (http.get("Content-Encoding") or "").strip().lower()
    try:
        if encoding in ("gzip", "x-gzip") and body[:2] == b"\x1f\x8b":
            return gzip.decompress(body)
        if encoding == "deflate" and not looks_like_html(body):
            return zlib.decompress(body, -zlib.MAX_WBITS if body[:1] != b"\x78" else zlib.MAX_WBITS)
    except (OSError, EOFError, zlib.error):
        return body  # stored already decoded despite the header, or broken: the HTML checks decide
    return body


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            return body  # not chunked after all (crawlers often store the decoded payload)
        try:
            size = int(body[pos:eol].split(b";")[0], 16)
        except ValueError:
            return body
        if size == 0:
            return bytes(out)
        out += body[eol + 2:eol + 2 + size]
        pos = eol + 2 + size + 2


def _check_tail(stream: BinaryIO, last_pos: int | None) -> None:
    """Raise BadShard if the file goes on past what fastwarc read (a cut-off or corrupt tail)."""
    start = last_pos or 0
    try:
        stream.seek(start)
        head = stream.read(2)
        stream.seek(start)
    except (OSError, AttributeError, ValueError):
        return  # not seekable (zstd stream, pipe): the decompressor reports truncation itself
    if last_pos is None:
        if not head:
            raise BadShard(errors.EMPTY, "WARC file is empty")
        if not (head == b"\x1f\x8b" or stream.read(5) == b"WARC/"):
            raise BadShard(errors.UNREADABLE, "not a WARC file: no WARC record at its start", offset=0)
        stream.seek(start)
    end = _gzip_member_end(stream, start) if head == b"\x1f\x8b" else _plain_record_end(stream, start)
    if end is None:
        raise BadShard(errors.TRUNCATED, f"WARC record at byte {start} is cut off", offset=start)
    stream.seek(end)
    rest = stream.read(TAIL_CHUNK)
    if rest.strip(b"\x00\r\n\t "):
        raise BadShard(errors.TRUNCATED, f"unreadable WARC data from byte {end} on (cut off or corrupt)", offset=end)


def _gzip_member_end(stream: BinaryIO, start: int) -> int | None:
    """File offset just after the gzip member starting at ``start``; None if it is cut off."""
    d = zlib.decompressobj(31)
    fed = 0
    while not d.eof:
        chunk = stream.read(TAIL_CHUNK)
        if not chunk:
            return None
        fed += len(chunk)
        try:
            while chunk and not d.eof:
                d.decompress(chunk, TAIL_CHUNK)
                chunk = d.unconsumed_tail
        except zlib.error:
            return None
    return start + fed - len(d.unused_data)


def _plain_record_end(stream: BinaryIO, start: int) -> int | None:
    """File offset just after the uncompressed record at ``start``; None if it is cut off."""
    header = b""
    while b"\r\n\r\n" not in header:
        chunk = stream.read(65536)
        if not chunk or len(header) > 1 << 20:
            return None
        header += chunk
    head_end = header.index(b"\r\n\r\n") + 4
    length = None
    for line in header[:head_end].split(b"\r\n"):
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return None
    if length is None:
        return None
    end = start + head_end + length
    stream.seek(0, 2)
    if stream.tell() < end:
        return None
    return end
