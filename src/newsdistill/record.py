"""The one record that flows through newsdistill: :class:`Document`.

Everything found in the text is a stand-off span over the immutable clean
``text`` (and, for plain-text input, over the original input too).  The JSON
produced by :meth:`Document.to_dict` is the contract documented in
``docs/record-format.md``; bump :data:`FORMAT_VERSION` when it changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .offsets import OffsetMap

FORMAT_VERSION = "1.3"


@dataclass(slots=True)
class Span:
    """A stretch of the clean text; ``input_*`` are set for plain-text input."""

    start: int
    end: int
    text: str
    input_start: int | None = None
    input_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.input_start is not None:
            d["input_start"] = self.input_start
            d["input_end"] = self.input_end
        return d


@dataclass(slots=True)
class Removed:
    """A stretch of the *input* that is not article body, with the rule that removed it."""

    input_start: int
    input_end: int
    text: str
    reason: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "input_start": self.input_start,
            "input_end": self.input_end,
            "text": self.text,
            "reason": self.reason,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Caption:
    """A photo caption found in the input, with what it says about the picture."""

    input_start: int
    input_end: int
    text: str
    credit: str | None = None
    restrictions: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "credit": self.credit,
            "restrictions": list(self.restrictions),
            "date": self.date,
            "place": self.place,
            "input_start": self.input_start,
            "input_end": self.input_end,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Source:
    path: str | None = None
    line: int | None = None
    url: str | None = None
    offset: int | None = None
    fetched: str | None = None  # when the page was fetched (WARC-Date), ISO 8601

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in (("path", self.path), ("line", self.line), ("offset", self.offset), ("url", self.url),
                                  ("fetched", self.fetched)) if v is not None}


@dataclass(slots=True)
class ErrorInfo:
    code: str
    message: str
    kind: str = "record"  # record | shard | fatal: see newsdistill.errors

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "kind": self.kind}


@dataclass(slots=True)
class Document:
    """One input document and everything newsdistill found in it."""

    id: str
    input_text: str = ""
    # undecoded input for kinds that need a conversion step first (HTML: the page's
    # bytes, turned into ``input_text`` by read.html.ExtractHtml); never serialised
    raw: bytes | None = None
    input_kind: str = "text"  # text | html | jsonl | warc: how ``input_text`` came to be
    source: Source = field(default_factory=Source)
    status: str = "ok"
    error: ErrorInfo | None = None
    warnings: list[str] = field(default_factory=list)
    language: str | None = None
    language_score: float | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    text: str | None = None
    offset_map: OffsetMap | None = None
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    metadata_spans: list[Removed] = field(default_factory=list)  # title/byline/dateline lines
    # filled by later steps (entities, attribution, corpus); kept as plain dicts
    # so those steps own their own shapes without touching this module
    extra: dict[str, Any] = field(default_factory=dict)
    steps_run: list[str] = field(default_factory=list)
    # the spaCy Doc of ``text`` (extract/nlp.py ParseText), shared by the NLP steps; never serialised
    nlp_doc: Any = field(default=None, repr=False, compare=False)

    # ---- offsets -------------------------------------------------------
    @property
    def maps_to_input(self) -> bool:
        return self.offset_map is not None

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of the clean-text span ``[start, end)``."""
        if self.offset_map is None:
            raise ValueError("this document has no input offset map (not plain-text input)")
        return self.offset_map.span(start, end)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` over the clean text, with input offsets where known."""
        if self.text is None:
            raise ValueError("document has no clean text yet")
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        istart = iend = None
        if self.offset_map is not None:
            istart, iend = self.offset_map.span(start, end)
        return Span(start, end, self.text[start:end], istart, iend)

    # ---- errors --------------------------------------------------------
    def fail(self, code: str, message: str, kind: str = "record") -> Document:
        self.status = "error"
        self.error = ErrorInfo(code, message, kind)
        return self

    # ---- serialisation -------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "format_version": FORMAT_VERSION,
            "status": self.status,
        }
        if self.error is not None:
            d["error"] = self.error.to_dict()
        d["source"] = self.source.to_dict()
        d["input_kind"] = self.input_kind
        if self.warnings:
            d["warnings"] = list(self.warnings)
        d["language"] = self.language
        d["title"] = self.title
        d["byline"] = self.byline
        d["published"] = self.published
        d["text"] = self.text
        d["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        d["removed"] = [r.to_dict() for r in self.removed]
        d["captions"] = [c.to_dict() for c in self.captions]
        d["metadata_lines"] = [m.to_dict() for m in self.metadata_spans]
        for key, value in self.extra.items():
            d[key] = _plain(value)
        return d


def _plain(value: Any) -> Any:
    """Objects a later step stored in ``extra`` -> JSON-ready values (via their ``to_dict``)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
