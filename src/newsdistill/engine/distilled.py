"""What a worker sends back for one document, so the parent does as little as possible.

Profiled on a clean-only run with two workers (docs/benchmarks.md#engine-parent), the parent
spent ~2.5 ms of CPU per document: 40% computing the duplicate signatures (shingles and MinHash),
15% building and encoding the JSON record, the rest receiving the pickled Document (every span
an object), compressing and writing.  With two workers on two cores that CPU is taken from them.
So a worker finishes each document into a :class:`Distilled`:

* the counts the run summary needs (status, error code, removed-line reasons, captions);
* the two duplicate signatures of its clean text (:func:`newsdistill.corpus.dedup.signatures`);
* the record, serialised: one JSON line for JSON Lines output, else the record's dict (Parquet,
  CSV tables and the store take dicts).

The parent then only queries and updates the duplicate index (it must see every document in
input order), adds ``duplicate_of`` and ``cluster`` at the end of the record (where
``Document.to_dict`` puts them: the dedup fields are the last ``extra`` keys), and writes.
The bytes written are those of the old path: ``tests/engine/test_distilled.py`` compares them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..corpus.dedup import Deduplicator, DedupOptions, signatures
from ..record import Document
from ..summary import where_from
from .local import finished


def record_line(record: dict) -> str:
    """The JSON Lines form of a record (as ``write.jsonl``: compact separators, UTF-8 kept)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class Distilled:
    id: str
    ok: bool
    error: str | None  # error code of an error record
    where: str | None  # its input, for the summary line
    removed: list[str]  # removed-line reasons
    captions: int
    digest: bytes | None  # duplicate signatures (None: not an ok text, or --no-dedup)
    minhash: Any
    line: str | None  # the record as one JSON line, without the dedup fields (JSON Lines output)
    record: dict | None  # the record as a dict, without the dedup fields (other outputs)

    def add_dedup(self, duplicate_of: str | None, cluster: str | None) -> None:
        """The record's last two fields, as ``Deduplicator`` sets them on a Document."""
        if self.line is not None:
            self.line = (f'{self.line[:-1]},"duplicate_of":{json.dumps(duplicate_of, ensure_ascii=False)},'
                         f'"cluster":{json.dumps(cluster, ensure_ascii=False)}}}')
        else:
            self.record["duplicate_of"] = duplicate_of
            self.record["cluster"] = cluster

    def full_record(self) -> dict:
        return json.loads(self.line) if self.record is None else self.record


def distil(as_line: bool, dedup: DedupOptions | None, doc: Document) -> Distilled:
    """A processed Document -> :class:`Distilled` (the engine's ``finish``, run in the worker;
    ``functools.partial(distil, as_line, dedup)`` pickles)."""
    doc = finished(doc)
    ok = doc.status == "ok"
    digest = minhash = None
    if dedup is not None and ok and doc.text is not None:
        digest, minhash = signatures(doc.text, dedup)
    record = doc.to_dict()
    return Distilled(
        id=doc.id, ok=ok, error=None if ok else (doc.error.code if doc.error else "unknown"),
        where=None if ok else where_from(doc), removed=[r.reason for r in doc.removed] if ok else [],
        captions=len(doc.captions) if ok else 0, digest=digest, minhash=minhash,
        line=record_line(record) if as_line else None, record=None if as_line else record)


class Marker:
    """The parent's half of duplicate finding: ``marker(item) -> (rule, drop)``."""

    def __init__(self, enabled: bool, drop: bool, options: DedupOptions):
        self.dedup = Deduplicator(options) if enabled else None
        self.drop = drop

    def __call__(self, item: Distilled) -> tuple[str | None, bool]:
        if self.dedup is None:
            return None, False
        if item.digest is None:  # an error record (or no text): in no cluster
            item.add_dedup(None, None)
            return None, False
        first, rule = self.dedup.mark(item.id, item.digest, item.minhash)
        item.add_dedup(first, first or item.id)
        return rule, bool(rule and self.drop)
