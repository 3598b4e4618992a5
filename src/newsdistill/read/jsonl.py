"""JSON Lines dumps (C4, RealNews, CC-News style): one object per line, one document each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..record import Document, Source
from .sources import ReadOptions, register
from .text import MAX_DOCUMENT_BYTES


def _field(obj: dict, name: str):
    """Field by name; dotted names reach into nested objects ("meta.url")."""
    value = obj
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


@register(".jsonl", ".json", ".ndjson")
def read_jsonl(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Document]:
    stem = "stdin" if path == "-" else Path(path).name.split(".")[0]
    src_path = None if path == "-" else path
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        source = Source(path=src_path, line=number)
        fallback_id = f"{stem}:{number}"
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield Document(id=fallback_id, source=source).fail(
                errors.TOO_LARGE, f"line {number}: {len(raw)} bytes, over {MAX_DOCUMENT_BYTES}")
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Document(id=fallback_id, source=source).fail(errors.BAD_JSON, f"line {number}: {exc}")
            continue
        if not isinstance(obj, dict):
            yield Document(id=fallback_id, source=source).fail(
                errors.NOT_OBJECT, f"line {number}: a JSON {type(obj).__name__}, not an object")
            continue
        doc_id = _field(obj, options.id_field)
        doc = Document(id=str(doc_id) if doc_id not in (None, "") else fallback_id, source=source, input_kind="text")
        url = _field(obj, options.url_field)
        source.url = str(url) if url else None
        title = _field(obj, options.title_field)
        doc.title = str(title) if isinstance(title, str) and title.strip() else None
        published = _field(obj, options.published_field) or _field(obj, "date") or _field(obj, "timestamp")
        doc.published = str(published) if published else None
        text = _field(obj, options.text_field)
        if not isinstance(text, str):
            yield doc.fail(errors.MISSING_FIELD, f"line {number}: no string field {options.text_field!r}")
            continue
        if not text.strip():
            yield doc.fail(errors.EMPTY, f"line {number}: field {options.text_field!r} is empty")
            continue
        if "\x00" in text:
            doc.warnings.append("nul-bytes-removed")
        doc.input_text = text
        yield doc
