"""The one record that flows through newsdistill: :class:`Document`.

Everything found in the text is a stand-off span over the immutable clean
``text`` (and, for plain-text input, over the original input too).  The JSON
produced by :meth:`Document.to_dict` is the contract documented in
``docs/record-format.md``; bump :data:`FORMAT_VERSION` when it changes.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .offsets import OffsetMap

FORMAT_VERSION = "1.9"
METADATA_SPANS_DEPRECATED = "Document.metadata_spans is now Document.metadata_lines (the record's name); the old name goes in 0.2.0"


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
    # P(boilerplate) by the cleaner's line model where the model decided the line (rule
    # ``model.line``, or a soft phrase rule it confirmed); None where a rule alone decided
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "input_start": self.input_start,
            "input_end": self.input_end,
            "text": self.text,
            "reason": self.reason,
            "rule": self.rule,
            "score": self.score,
        }


@dataclass(slots=True)
class MetadataLine(Removed):
    """An input line (or a line's opening) kept as metadata: the title, a byline, a dateline
    (record field ``metadata_lines``).  A wire dateline ("PARIS (AFP) – " opening the first
    paragraph, rule ``meta.wire-dateline``) has its ``place`` and ``agency`` (None when it names
    none); both are None for every other metadata line."""

    place: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = Removed.to_dict(self)
        del d["score"]  # a metadata line is kept, never scored as boilerplate
        d["place"] = self.place
        d["agency"] = self.agency
        return d


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
    # the credit's person and its agency or outlet where the credit grammar names them
    # (clean/credit_rules.py: "Jane Doe/Getty Images" -> Jane Doe, Getty Images); None when it
    # names none (format 1.8)
    photographer: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "credit": self.credit,
            "photographer": self.photographer,
            "agency": self.agency,
            "restrictions": list(self.restrictions),
            "date": self.date,
            "place": self.place,
            "input_start": self.input_start,
            "input_end": self.input_end,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Speaker:
    """Who an attribution's source is: an entity of the record (``entity`` its id, or None when
    the name matched no entity), a person, organisation, ... (``type``), or a document with its
    ``author`` (``{"entity", "name"}``: "the report" of a ministry)."""

    entity: str | None
    name: str | None
    role: str | None
    type: str
    author: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"entity": self.entity, "name": self.name, "role": self.role, "type": self.type}
        if self.author is not None:
            d["author"] = dict(self.author)
        return d


@dataclass(slots=True)
class Attribution:
    """One attributed statement: who (``source``, resolved to ``speaker``) said (``cue``) what
    (``content``), and the named rule that found it.  A headline attribution (record field
    ``title_attributions``, ids ``T1 ...``) has ``metadata_line``, the index of its title line,
    and its span offsets point into that line's text; a body attribution (``attributions``, ids
    ``A1 ...``) has ``metadata_line`` None and offsets into ``text``."""

    id: str
    kind: str  # direct | indirect | mixed | according-to
    source: Span | None
    cue: Span | None
    content: Span
    complementizer: Span | None = None  # the "that" the content leaves out
    content_fragments: list[Span] | None = None  # a content around its own source/cue, in pieces
    speaker: Speaker | None = None
    rule: str = ""
    metadata_line: int | None = None

    @property
    def in_headline(self) -> bool:
        return self.metadata_line is not None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id}
        if self.metadata_line is not None:
            d["metadata_line"] = self.metadata_line
        d["kind"] = self.kind
        for key in ("source", "cue", "content", "complementizer"):
            span = getattr(self, key)
            d[key] = span.to_dict() if span is not None else None
        d["content_fragments"] = [f.to_dict() for f in self.content_fragments] if self.content_fragments else None
        d["speaker"] = self.speaker.to_dict() if self.speaker is not None else None
        d["rule"] = self.rule
        return d


@dataclass(slots=True)
class Mention:
    """One mention of an :class:`Entity`: a span of the clean text, of a caption (``caption``, its
    index in ``captions``) or of a title line (``metadata_line``, its index in ``metadata_lines``);
    ``kind`` says how it was found (name | alias | demonym | nominal)."""

    start: int  # offsets into the clean text, or into the caption text when ``caption`` is set
    end: int
    text: str
    label: str
    kind: str = "name"  # name | alias | demonym | nominal
    rule: str = "ner"
    caption: int | None = None  # index into ``captions`` for a caption mention
    tok_start: int = 0
    tok_end: int = 0
    key: Any = None
    input_start: int | None = None
    input_end: int | None = None
    gender: str | None = None  # from an honorific inside or before the name ("Mrs. Lopez")
    metadata_line: int | None = None  # index into ``metadata_lines`` for a title-line mention

    @property
    def in_body(self) -> bool:
        return self.caption is None and self.metadata_line is None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.in_body:
            d.update(start=self.start, end=self.end)
        d["text"] = self.text
        if self.input_start is not None:
            d.update(input_start=self.input_start, input_end=self.input_end)
        if self.caption is not None:
            d["caption"] = self.caption
        if self.metadata_line is not None:
            d["metadata_line"] = self.metadata_line
        d["kind"] = self.kind
        return d


@dataclass(slots=True)
class Entity:
    """One real-world entity of the document (record field ``entities``, ids ``E1 ...``): its
    canonical ``name``, ``label`` (PERSON, ORG, GPE, ...), aliases, roles and every mention."""

    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "label": self.label, "aliases": list(self.aliases),
                             "roles": list(self.roles)}
        if self.gender:
            d["gender"] = self.gender
        d["mentions"] = [m.to_dict() for m in self.mentions]
        return d

    @property
    def body_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.in_body]


@dataclass(slots=True)
class Figure:
    """A quantity (record field ``figures``, ids ``F1 ...``): its value, qualifier ("more than"),
    unit, the thing it counts, whose (``of``, an entity id) and where (entity ids), and the
    attribution whose content holds it (``attributed_to``)."""

    id: str
    value: float | int | None
    qualifier: str | None
    unit: str | None
    thing: str | None
    of: str | None
    where: list[str]
    kind: str
    span: Any
    attributed_to: str | None = None
    extra: dict = field(default_factory=dict)
    # money: the ISO 4217 code ("KES" for "3,000 Kenyan shillings", or for shillings in an article
    # placed in Kenya), null when the article does not tell which; ``unit`` holds the same code
    currency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "value": self.value, "qualifier": self.qualifier, "unit": self.unit, "thing": self.thing,
                "of": self.of, "where": list(self.where), "kind": self.kind, "currency": self.currency,
                "span": self.span.to_dict(), "attributed_to": self.attributed_to}


@dataclass(slots=True)
class DateMention:
    """A temporal expression (record field ``dates``) with its ISO 8601 ``value``, ``interval``
    and ``granularity``; ``relative`` ones are resolved against ``anchor`` (the publication date)."""

    start: int  # clean-text offsets, or caption-text offsets when ``caption`` is set
    end: int
    text: str
    value: str | None
    interval: dict | None
    granularity: str | None
    relative: bool
    anchor: str | None
    rule: str
    caption: int | None = None
    input_start: int | None = None
    input_end: int | None = None
    # the clock time said with a day ("Tuesday at 6:45 p.m. EDT"): ISO 8601, with the offset of an
    # unambiguous zone ("18:45:00-04:00"); an ambiguous zone (CST, IST) is kept as written in ``tz``
    time: str | None = None
    tz: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.caption is None:
            d.update(start=self.start, end=self.end)
        d["text"] = self.text
        if self.input_start is not None:
            d.update(input_start=self.input_start, input_end=self.input_end)
        if self.caption is not None:
            d["caption"] = self.caption
        d.update(value=self.value, interval=self.interval, granularity=self.granularity, relative=self.relative,
                 anchor=self.anchor, time=self.time, tz=self.tz)
        return d


def attributions_in_order(record: Document | dict[str, Any], tagged: bool = False) -> list:
    """The headline's attributions first (ids ``T1 ...``), then the body's (``A1 ...``): typed
    :class:`Attribution` objects of a :class:`Document`, plain dicts of a JSON record.
    ``tagged``: ``(in_headline, attribution)`` pairs, ``in_headline`` True for those of
    ``title_attributions`` (a hand-made record may leave out their ``metadata_line``)."""
    fields = record.extra if isinstance(record, Document) else record
    title, body = fields.get("title_attributions") or [], fields.get("attributions") or []
    if tagged:
        return [*((True, a) for a in title), *((False, a) for a in body)]
    return [*title, *body]


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


_T = TypeVar("_T")


class _Found(Generic[_T]):
    """A typed attribute of :class:`Document` for what a later step found (``doc.entities``):
    kept in ``doc.extra`` under the attribute's own name, which is the record's key, so a step
    never needs the Document's attributes and ``to_dict`` writes ``extra`` as it is; an empty
    list when the step did not run."""

    def __init__(self, doc: str | None = None) -> None:
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    def __get__(self, doc: Any, owner: type | None = None) -> _T:
        if doc is None:
            return self  # type: ignore[return-value]  (the class attribute: the descriptor itself)
        return doc.extra.get(self.key) or []

    def __set__(self, doc: Any, value: _T) -> None:
        doc.extra[self.key] = value


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
    site_name: str | None = None  # the publication: a title's suffix ("... | Metro Herald"), HTML's site name
    byline: str | None = None
    published: str | None = None
    # the publication time's zone when the input names an ambiguous one ("9 a.m. CST": US Central,
    # China or Cuba), as written; an unambiguous one is an offset in ``published`` instead
    published_tz: str | None = None
    text: str | None = None
    offset_map: OffsetMap | None = None
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    metadata_lines: list[MetadataLine] = field(default_factory=list)  # title/byline/dateline lines
    # filled by later steps: typed objects with ``to_dict`` (entities, figures, dates; the
    # attribution step's :class:`Attribution`), each serialised under its key; read them through
    # the typed properties below (``doc.entities``, ``doc.attributions``, ...)
    extra: dict[str, Any] = field(default_factory=dict)
    steps_run: list[str] = field(default_factory=list)
    # the spaCy Doc of ``text`` (extract/nlp.py ParseText), shared by the NLP steps; never serialised
    nlp_doc: Any = field(default=None, repr=False, compare=False)

    # ---- what the steps found, typed (:class:`_Found`: kept in ``extra`` under the record's keys) ----
    entities = _Found[list[Entity]]()
    figures = _Found[list[Figure]]()
    dates = _Found[list[DateMention]]()
    attributions = _Found[list[Attribution]](
        "The body's attributions (``A1 ...``), in text order; the headline's: ``title_attributions``.")
    title_attributions = _Found[list[Attribution]]()

    @property
    def metadata_spans(self) -> list[MetadataLine]:
        """Deprecated (0.1 name): ``metadata_lines``, as the record calls it; removed in 0.2.0."""
        warnings.warn(METADATA_SPANS_DEPRECATED, DeprecationWarning, stacklevel=2)
        return self.metadata_lines

    @metadata_spans.setter
    def metadata_spans(self, value: list[MetadataLine]) -> None:
        warnings.warn(METADATA_SPANS_DEPRECATED, DeprecationWarning, stacklevel=2)
        self.metadata_lines = value

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
        d["site_name"] = self.site_name
        d["byline"] = self.byline
        d["published"] = self.published
        d["published_tz"] = self.published_tz
        d["text"] = self.text
        d["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        d["removed"] = [r.to_dict() for r in self.removed]
        d["captions"] = [c.to_dict() for c in self.captions]
        d["metadata_lines"] = [m.to_dict() for m in self.metadata_lines]
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
