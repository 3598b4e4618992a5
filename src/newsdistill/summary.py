"""Counting what a run did: in == out, ok / error by code, removed-line reasons."""

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
    seconds: float = 0.0

    def add(self, doc: Document) -> None:
        self.documents += 1
        if doc.status == "ok":
            self.ok += 1
            self.removed_reasons.update(r.reason for r in doc.removed)
            self.captions += len(doc.captions)
        else:
            self.errors[doc.error.code if doc.error else "unknown"] += 1

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def line(self) -> str:
        parts = [f"{self.documents} documents: {self.ok} ok, {self.error_count} error"]
        if self.errors:
            parts.append("(" + ", ".join(f"{c} {n}" for c, n in self.errors.most_common()) + ")")
        if self.seconds:
            parts.append(f"in {self.seconds:.1f}s ({self.documents / self.seconds:.0f} docs/s)")
        return " ".join(parts)

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "ok": self.ok,
            "errors": dict(self.errors),
            "removed_reasons": dict(self.removed_reasons),
            "captions": self.captions,
            "seconds": round(self.seconds, 3),
        }
