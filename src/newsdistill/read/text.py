"""Plain-text files: one file, one document.  A .txt (or stdin) that is really an HTML
page (it starts with a doctype, <html>, <head> or <body>) is read as HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..record import Document, Source
from .sources import ReadOptions, document_from_bytes, register

MAX_DOCUMENT_BYTES = 256 * 1024 * 1024  # refuse to hold more than this in memory for one document


@register(".txt", ".text", "")
def read_text(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Document]:
    from .html import html_document, looks_like_html

    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    doc_id = "stdin" if path == "-" else Path(path).name.split(".")[0]
    source = Source(path=None if path == "-" else path)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield Document(id=doc_id, source=source).fail(errors.TOO_LARGE, f"document over {MAX_DOCUMENT_BYTES} bytes")
        return
    if looks_like_html(data):
        yield html_document(data, doc_id, source)
        return
    yield document_from_bytes(data, doc_id, source)
