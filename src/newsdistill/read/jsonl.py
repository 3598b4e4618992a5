"""JSON Lines dumps (C4, RealNews, CC-News style): one object per line, one document each."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .. import errors, isotime
from ..record import Document, Source
from . import jsonl_fields as fields
from .sources import ReadOptions, register
from .text import MAX_DOCUMENT_BYTES

_DEFAULTS = ReadOptions()


def _field(obj: dict, name: str):
    """Field by name; dotted names reach into nested objects ("meta.url")."""
    value = obj
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _first(obj: dict, option: str, default: str, names: tuple[str, ...], text: bool = False):
    """(name, value) of the field ``option`` names; with the option at its default, of the
    first of ``names`` the object has with a value (:mod:`.jsonl_fields`); ``text``: only a
    string with more than whitespace counts as one (``{"content": {...}, "body": "..."}``)."""
    if option != default:
        return option, _field(obj, option)
    for name in names:
        value = obj.get(name)
        if (isinstance(value, str) and value.strip()) if text else value not in (None, "", []):
            return name, value
    present = next((name for name in names if name in obj), None)  # only empty ones: that one, empty
    return (present, obj[present]) if present is not None else (option, None)


def _byline(value) -> str | None:
    """"Jane Roe", ["Jane Roe", "John Doe"] or [{"name": "Jane Roe"}] as "Jane Roe; John Doe"."""
    items = value if isinstance(value, list) else [value]
    names = [str(v.get("name")) if isinstance(v, dict) else str(v) for v in items
             if (v.get("name") if isinstance(v, dict) else v) not in (None, "")]
    names = [n.strip() for n in names if n.strip()]
    return "; ".join(names) if names else None


def published_value(value) -> str | None:
    """A dump's publication time as ISO 8601, at the precision written: "2024-02-11 09:30:00" ->
    "2024-02-11T09:30:00", "...Z" -> "+00:00", an epoch number or digit string (seconds or
    milliseconds) in UTC, "Feb 11, 2024" -> "2024-02-11", "Feb 2024" -> "2024-02", "2024" ->
    "2024"; midnight without an offset is the day alone; None for what is no date (a string
    with no four-digit year is never completed from today's date, nor a day or month invented)."""
    import datetime as dt

    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) >= 9:
        value = int(value.strip())  # "1707643800": an epoch written as a string
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if value <= 0:  # 0: a dump's placeholder for "unknown", not 1 January 1970
            return None
        seconds = value / 1000 if value > fields.EPOCH_MS_ABOVE else value
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).replace(microsecond=0).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    stamp = isotime.parse(text)
    known = "time" if len(text) > 10 else "day"
    if stamp is None:
        if not re.search(r"\b(?:1[5-9]|20)\d\d\b", text):
            return None
        from dateutil import parser as dateparser  # dateparser's own dependency

        try:  # parsed against two different defaults: what differs was not written
            stamp = dateparser.parse(text, default=dt.datetime(1, 1, 1, 0, 0))
            other = dateparser.parse(text, default=dt.datetime(2, 2, 2, 1, 1))
        except (ValueError, OverflowError):
            return None
        if stamp.year != other.year:
            return None
        if stamp.month != other.month:
            return f"{stamp.year:04d}"
        if stamp.day != other.day:
            return f"{stamp.year:04d}-{stamp.month:02d}"
        known = "day" if (stamp.hour, stamp.minute) != (other.hour, other.minute) else "time"
    return stamp.date().isoformat() if known == "day" else isotime.text(stamp)


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
        _, url = _first(obj, options.url_field, _DEFAULTS.url_field, fields.URL_FIELDS)
        source.url = str(url) if url else None
        _, title = _first(obj, options.title_field, _DEFAULTS.title_field, fields.TITLE_FIELDS, text=True)
        doc.title = title.strip() if isinstance(title, str) and title.strip() else None
        _, published = _first(obj, options.published_field, _DEFAULTS.published_field, fields.PUBLISHED_FIELDS)
        doc.published = published_value(published)
        if published not in (None, "") and doc.published is None:
            doc.warnings.append("published-not-a-date")
        doc.byline = next((b for name in fields.BYLINE_FIELDS if (b := _byline(obj.get(name)))), None)
        text_name, text = _first(obj, options.text_field, _DEFAULTS.text_field, fields.TEXT_FIELDS, text=True)
        if not isinstance(text, str):
            have = ", ".join(list(obj)[:12])
            looked = (options.text_field if options.text_field != _DEFAULTS.text_field
                      else ", ".join(fields.TEXT_FIELDS))
            yield doc.fail(errors.MISSING_FIELD, f"line {number}: no string field {looked} (the object has: "
                                                 f"{have or 'no fields'}; name the text's field with --text-field)")
            continue
        if not text.strip():
            yield doc.fail(errors.EMPTY, f"line {number}: field {text_name!r} is empty")
            continue
        if "\x00" in text:
            doc.warnings.append("nul-bytes-removed")
        doc.input_text = text
        yield doc
