"""Plain-text files: one file, one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..record import Document, Source
from .sources import ReadOptions, document_from_bytes, register

MAX_DOCUMENT_BYTES = 256 * 1024 * 1024  # refuse to hold more than this in memory for one document


@register(".txt", ".text", "")
def read_text(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Document]:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    doc_id = "stdin" if path == "-" else Path(path).name.split(".")[0]
    if len(data) > MAX_DOCUMENT_BYTES:
        doc = Document(id=doc_id, source=Source(path=path))
        yield doc.fail("too-large", f"document over {MAX_DOCUMENT_BYTES} bytes")
        return
    yield document_from_bytes(data, doc_id, Source(path=None if path == "-" else path))
