"""Plain-text files: one file, one document.  A .txt (or stdin) that is really an HTML
page (it starts with a doctype, <html>, <head> or <body>) is read as HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..record import Document, Source
from .sources import ReadOptions, document_from_bytes, register

# one document's limit: a long news article is ~100 KB of text; cleaning 50 MB takes ~50 s and
# ~600 MB here, which would stall a worker on input that is no article (a log, a dump): error record
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024


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
