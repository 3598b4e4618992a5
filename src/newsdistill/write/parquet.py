"""Parquet output (pyarrow): one row per record, a fixed schema.

Layout (documented in docs/record-format.md, "Parquet"):

* scalar fields are typed columns (``id``, ``status``, ``language``, ``text``, ``duplicate_of``, ...);
* ``source`` and ``error`` are structs, ``warnings`` a list of strings;
* the span lists of the foundation (``paragraphs``, ``removed``, ``captions``, ``metadata_lines``)
  are lists of structs with the documented keys (queryable: ``UNNEST(removed)`` in DuckDB);
* the fields later steps add (``entities``, ``attributions``, ``figures``, ``dates``, ``skipped``)
  are JSON strings in a column of the same name: their shapes are deep and still growing, and a
  JSON column keeps every file readable with one schema; any field not named here goes into
  the ``extra`` column (a JSON object of them);
* ``duplicate_of`` / ``cluster`` are string columns; the file's metadata key
  ``newsdistill.dedup`` (``1``/``0``) says whether duplicates were looked for (null vs absent).

:func:`read_records` turns the rows back into the exact JSON records (a round trip).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..record import Document

_SPAN_OFFSETS = [("input_start", pa.int64()), ("input_end", pa.int64())]
PARAGRAPH = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), *_SPAN_OFFSETS])
# a removed line; ``score`` (format 1.7 on): the line model's P(boilerplate), null where a rule decided
REMOVED = pa.struct([*_SPAN_OFFSETS, ("text", pa.string()), ("reason", pa.string()), ("rule", pa.string()),
                     ("score", pa.float64())])
# a metadata line: a removed line's keys plus a wire dateline's place and agency (format 1.4)
METADATA_LINE = pa.struct([*_SPAN_OFFSETS, ("text", pa.string()), ("reason", pa.string()), ("rule", pa.string()),
                           ("place", pa.string()), ("agency", pa.string())])
# a caption; ``photographer`` and ``agency`` (format 1.8 on): the credit's person and agency
CAPTION = pa.struct([("text", pa.string()), ("credit", pa.string()), ("photographer", pa.string()),
                     ("agency", pa.string()), ("restrictions", pa.list_(pa.string())),
                     ("date", pa.string()), ("place", pa.string()), *_SPAN_OFFSETS, ("rule", pa.string())])
SOURCE = pa.struct([("path", pa.string()), ("line", pa.int64()), ("offset", pa.int64()), ("url", pa.string()),
                    ("fetched", pa.string())])
ERROR = pa.struct([("code", pa.string()), ("message", pa.string()), ("kind", pa.string())])

# (field, type, how it is stored): "value" as is, "json" as a JSON string
COLUMNS: list[tuple[str, pa.DataType]] = [
    ("id", pa.string()), ("format_version", pa.string()), ("status", pa.string()), ("error", ERROR),
    ("source", SOURCE), ("input_kind", pa.string()), ("warnings", pa.list_(pa.string())),
    ("language", pa.string()), ("title", pa.string()), ("site_name", pa.string()), ("byline", pa.string()), ("published", pa.string()),
    ("published_tz", pa.string()), ("text", pa.string()), ("paragraphs", pa.list_(PARAGRAPH)), ("removed", pa.list_(REMOVED)),
    ("captions", pa.list_(CAPTION)), ("metadata_lines", pa.list_(METADATA_LINE)),
    ("duplicate_of", pa.string()), ("cluster", pa.string()),
    ("entities", pa.string()), ("attributions", pa.string()), ("title_attributions", pa.string()),
    ("figures", pa.string()), ("dates", pa.string()), ("skipped", pa.string()),
    ("extra", pa.string()),  # any other field a later step adds: a JSON object of them
]
JSON_COLUMNS = {"entities", "attributions", "title_attributions", "figures", "dates", "skipped"}
DEDUP_COLUMNS = ("duplicate_of", "cluster")  # null or absent: the file metadata says whether dedup ran
OPTIONAL = {"error", "warnings", *DEDUP_COLUMNS, *JSON_COLUMNS}  # absent from a record when null
SCHEMA = pa.schema([pa.field(name, typ) for name, typ in COLUMNS],
                   metadata={"newsdistill.layout": "record-format.md#parquet"})
_KNOWN = {name for name, _ in COLUMNS} - {"extra"}

ROW_GROUP = 2000  # records buffered per row group


_STRUCTS = {"source": SOURCE, "error": ERROR, "paragraphs": PARAGRAPH, "removed": REMOVED, "captions": CAPTION,
            "metadata_lines": METADATA_LINE}
_STRUCT_KEYS = {name: {typ.field(i).name for i in range(typ.num_fields)} for name, typ in _STRUCTS.items()}


def _check_shapes(record: dict[str, Any]) -> None:
    """A struct column would drop keys it does not know: refuse instead of losing data silently."""
    for name, keys in _STRUCT_KEYS.items():
        value = record.get(name)
        sample = value[0] if isinstance(value, list) and value else value
        if isinstance(sample, dict) and not keys.issuperset(sample):
            from .. import errors
            from ..errors import Fatal

            raise Fatal(errors.INTERNAL, f"the Parquet schema has no column for {name}.{sorted(set(sample) - keys)}: "
                                         "add it to write/parquet.py")


def to_row(record: dict[str, Any]) -> dict[str, Any]:
    _check_shapes(record)
    row = {name: record.get(name) for name, _ in COLUMNS if name not in JSON_COLUMNS and name != "extra"}
    for name in JSON_COLUMNS:
        row[name] = json.dumps(record[name], ensure_ascii=False) if name in record else None
    others = {k: v for k, v in record.items() if k not in _KNOWN}
    row["extra"] = json.dumps(others, ensure_ascii=False) if others else None
    return row


def from_row(row: dict[str, Any], dedup: bool = False) -> dict[str, Any]:
    """The JSON record a row came from (keys in the order ``Document.to_dict`` writes them)."""
    record: dict[str, Any] = {}
    for name, _ in COLUMNS:
        value = row.get(name)
        if dedup and name in DEDUP_COLUMNS:
            record[name] = value
            continue
        if name == "extra":
            if value is not None:
                record.update(json.loads(value))
            continue
        if name in JSON_COLUMNS:
            if value is not None:
                record[name] = json.loads(value)
            continue
        if name in OPTIONAL and (value is None or (name == "warnings" and not value)):
            continue
        if name == "source":
            value = {k: v for k, v in (value or {}).items() if v is not None}
        elif name in ("paragraphs", "removed", "metadata_lines", "captions"):
            value = [_drop_null_offsets(item) for item in value or []]
        record[name] = value
    return record


def _drop_null_offsets(item: dict) -> dict:
    if item.get("input_start") is None and "start" in item:
        return {k: v for k, v in item.items() if k not in ("input_start", "input_end")}
    return item


class ParquetWriter:
    def __init__(self, path: str, storage=None):
        if path in (None, "-"):
            from .. import errors
            from ..errors import Fatal

            raise Fatal(errors.BAD_OPTION, "Parquet cannot go to stdout: give -o FILE.parquet or a directory")
        self.path = path
        self.storage = storage  # a URL path is written through fsspec (read/storage.py)
        self._raw = None
        self._writer: pq.ParquetWriter | None = None  # opened at the first row group: its records say whether dedup ran
        self._rows: list[dict] = []
        self.count = 0

    def write(self, doc: Document) -> None:
        self.write_record(doc.to_dict())

    def write_record(self, record: dict[str, Any]) -> None:
        if self._writer is None and not self._rows:
            self._dedup = "cluster" in record
        self._rows.append(to_row(record))
        self.count += 1
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def _open(self, dedup: bool) -> pq.ParquetWriter:
        schema = SCHEMA.with_metadata({**SCHEMA.metadata, b"newsdistill.dedup": b"1" if dedup else b"0"})
        from ..read import storage as store

        where = self.path
        if store.is_url(self.path):
            where = self._raw = store.open_output(self.path, self.storage)
        self._writer = pq.ParquetWriter(where, schema, compression="zstd")
        return self._writer

    def _flush(self) -> None:
        if self._rows:
            writer = self._writer or self._open(dedup=self._dedup)
            writer.write_table(pa.Table.from_pylist(self._rows, schema=writer.schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        (self._writer or self._open(dedup=False)).close()
        if self._raw is not None:
            self._raw.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_records(path: str, storage=None) -> Iterator[dict[str, Any]]:
    """The records of a newsdistill Parquet file (a path or a URL), as the JSON objects ``run`` writes."""
    from ..read import storage as store

    parquet = pq.ParquetFile(store.open_input(path, storage) if store.is_url(path) else path)
    dedup = (parquet.schema_arrow.metadata or {}).get(b"newsdistill.dedup") == b"1"
    for batch in parquet.iter_batches(batch_size=ROW_GROUP):
        for row in batch.to_pylist():
            yield from_row(row, dedup)
