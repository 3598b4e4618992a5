"""Counting what a run did: in == out, ok / error by code, removed-line reasons, duplicates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .record import Document


@dataclass
class RunSummary:
    documents: int = 0
    ok: int = 0
    errors: Counter = field(default_factory=Counter)
    removed_reasons: Counter = field(default_factory=Counter)
    captions: int = 0
    duplicates: Counter = field(default_factory=Counter)  # by dedup rule: exact-text, near-text
    dropped: int = 0  # duplicates left out of the output (--drop-duplicates)
    seconds: float = 0.0
    resumed_documents: int = 0  # documents of shards a previous run completed (counted above too)
    shards: int = 0
    first_error: str | None = None  # the input (path, else id) of the first error record, for the summary line
    # seconds the run's parent process spent per stage (engine/runner.py _Stages); not in to_dict
    stages: dict = field(default_factory=dict)

    def add(self, doc: Document, duplicate: str | None = None, dropped: bool = False) -> None:
        if doc.status == "ok":
            self.count(True, removed=[r.reason for r in doc.removed], captions=len(doc.captions),
                       duplicate=duplicate, dropped=dropped)
        else:
            self.count(False, error=doc.error.code if doc.error else "unknown", where=where_from(doc),
                       duplicate=duplicate, dropped=dropped)

    def count(self, ok: bool, *, removed: list[str] = (), captions: int = 0, error: str | None = None,
              where: str | None = None, duplicate: str | None = None, dropped: bool = False) -> None:
        """Count one record from what a worker sent back (engine/distilled.py), without the Document."""
        self.documents += 1
        if ok:
            self.ok += 1
            self.removed_reasons.update(removed)
            self.captions += captions
        else:
            self.errors[error or "unknown"] += 1
            if self.first_error is None:
                self.first_error = where
        if duplicate:
            self.duplicates[duplicate] += 1
        if dropped:
            self.dropped += 1

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def written(self) -> int:
        return self.documents - self.dropped

    def merge(self, other: RunSummary) -> None:
        """Add another summary's counts (a shard's, on resume); time is not added."""
        self.documents += other.documents
        self.ok += other.ok
        self.errors.update(other.errors)
        self.removed_reasons.update(other.removed_reasons)
        self.captions += other.captions
        self.duplicates.update(other.duplicates)
        self.dropped += other.dropped
        self.first_error = self.first_error or other.first_error

    def line(self) -> str:
        """``3 documents: 2 ok, 1 error (unreadable-file: missing.txt); ...``: a single error names its input."""
        parts = [f"{plural(self.documents, 'document')}: {self.ok} ok, {plural(self.error_count, 'error')}"]
        if self.error_count == 1 and self.first_error:
            parts.append(f"({next(iter(self.errors))}: {self.first_error})")
        elif self.errors:
            parts.append("(" + ", ".join(f"{c} {n}" for c, n in self.errors.most_common()) + ")")
        if self.duplicates:
            dup = ", ".join(f"{n} {rule.removesuffix('-text')}" for rule, n in sorted(self.duplicates.items()))
            parts.append(f"; {plural(sum(self.duplicates.values()), 'duplicate')} ({dup})" + (f", {self.dropped} dropped" if self.dropped else ""))
        if self.resumed_documents:
            parts.append(f"; {self.resumed_documents} from completed shards of an earlier run")
        if self.seconds:
            fresh = self.documents - self.resumed_documents
            parts.append(f"; in {self.seconds:.1f}s" + (f" ({_rate(fresh / self.seconds)} docs/s)" if fresh else ""))
        return " ".join(parts).replace(" ;", ";")

    def details(self) -> list[str]:
        """Further lines for the end of a run: removed-line reasons."""
        if not self.removed_reasons:
            return []
        return ["removed lines: " + ", ".join(f"{n} {r}" for r, n in self.removed_reasons.most_common())]

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "ok": self.ok,
            "errors": dict(self.errors),
            "removed_reasons": dict(self.removed_reasons),
            "captions": self.captions,
            "duplicates": dict(self.duplicates),
            "dropped": self.dropped,
            "written": self.written,
            "resumed_documents": self.resumed_documents,
            "shards": self.shards,
            "seconds": round(self.seconds, 3),
        }

    @classmethod
    def from_dict(cls, d: dict) -> RunSummary:
        return cls(documents=d.get("documents", 0), ok=d.get("ok", 0), errors=Counter(d.get("errors", {})),
                   removed_reasons=Counter(d.get("removed_reasons", {})), captions=d.get("captions", 0),
                   duplicates=Counter(d.get("duplicates", {})), dropped=d.get("dropped", 0))


def where_from(doc: Document) -> str:
    """The input of a record for the summary line: ``path:line``, the path, else the id."""
    src = doc.source
    return (f"{src.path}:{src.line}" if src.path and src.line else src.path) or doc.id


def plural(n: int, word: str) -> str:
    """``1 document``, ``2 documents``, ``0 documents``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _rate(r: float) -> str:
    return f"{r:.0f}" if r >= 10 else f"{r:.2g}"
