"""Turn line decisions into the clean text, its offset map and the record's spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..offsets import OffsetMap, OffsetMapBuilder
from ..record import Caption, Removed, Span
from . import rules
from .captions import parse_caption
from .classify import BODY, BYLINE, CAPTION, DATELINE, REMOVED, TITLE, Decision
from .lines import Line
from .normalize import collapse_text, normalise, repair


@dataclass(slots=True)
class Assembled:
    text: str
    offset_map: OffsetMap
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    metadata: list[Removed] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None


def _clean_line(text: str) -> str:
    return collapse_text(repair(text))


def assemble(lines: list[Line], decisions: list[Decision]) -> Assembled:
    out = OffsetMapBuilder()
    result = Assembled("", OffsetMap([]))
    body = [(line, d) for line, d in zip(lines, decisions) if d.kind == BODY]
    para_start: int | None = None
    prev: Line | None = None
    for line, _d in body:
        if prev is not None:
            result.paragraphs.append(Span(para_start, out.length, ""))
            out.add("\n\n", prev.end, line.start - prev.end)
            para_start = None
        if para_start is None:
            para_start = out.length
        for piece in normalise(line.text, line.start):
            out.add(*piece)
        prev = line
    if para_start is not None:
        result.paragraphs.append(Span(para_start, out.length, ""))
    result.text, result.offset_map = out.build()
    for span in result.paragraphs:
        span.text = result.text[span.start:span.end]
        span.input_start, span.input_end = result.offset_map.span(span.start, span.end)

    for line, d in zip(lines, decisions):
        if d.kind == REMOVED:
            result.removed.append(Removed(line.start, line.end, line.text, d.reason or "other", d.rule))
        elif d.kind == CAPTION:
            parsed = parse_caption(line.text, d.rule)
            result.captions.append(Caption(line.start, line.end, line.text, parsed.credit, parsed.restrictions,
                                           parsed.date, parsed.place, d.rule))
        elif d.kind in (TITLE, BYLINE, DATELINE):
            result.metadata.append(Removed(line.start, line.end, line.text, d.kind, d.rule))
            value = _clean_line(line.text)
            if d.kind == TITLE and result.title is None:
                result.title = value
            elif d.kind == BYLINE and result.byline is None:
                m = rules.BYLINE.fullmatch(value)
                result.byline = m.group("name") if m else value
            elif d.kind == DATELINE and result.dateline is None:
                result.dateline = value
    return result

