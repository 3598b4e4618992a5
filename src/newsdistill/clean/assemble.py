"""Turn line decisions into the clean text, its offset map and the record's spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..offsets import OffsetMap, OffsetMapBuilder
from ..record import Caption, MetadataLine, Removed, Span
from . import rules
from .captions import parse_caption
from .classify import BODY, BYLINE, CAPTION, DATELINE, REMOVED, TITLE, Decision
from .dateline import wire_dateline
from .lines import Line
from .normalize import collapse_text, normalise, repair
from .titles import split_site


@dataclass(slots=True)
class Assembled:
    text: str
    offset_map: OffsetMap
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    metadata: list[MetadataLine] = field(default_factory=list)
    title: str | None = None
    site_name: str | None = None  # split off the title line ("... | Metro Herald")
    byline: str | None = None
    dateline: str | None = None


def _clean_line(text: str) -> str:
    return collapse_text(repair(text))


def _split_wire_dateline(lines: list[Line], decisions: list[Decision]) -> tuple[list[Line], list[Decision], dict]:
    """Rule ``meta.wire-dateline``: the first body line's wire dateline ("PARIS (AFP) – The
    minister said ...") becomes a metadata line of its own (reason ``dateline``); the body line
    starts after it.  A line right before the body that is a dateline and nothing else (taken for
    a title or page chrome) becomes one too.  The input is not touched: both are stand-off.  Returns the lines, their
    decisions and ``{input start of the dateline: (place, agency)}``."""
    first = next((i for i, d in enumerate(decisions) if d.kind == BODY), None)
    if first is None:
        return lines, decisions, {}
    wire = Decision(DATELINE, rules.RULE_WIRE_DATELINE, rules.WIRE_DATELINE_REASON)
    if first > 0 and decisions[first - 1].kind != BODY:  # "WASHINGTON (AP) —" on a line of its own
        before = lines[first - 1]
        found = wire_dateline(before.text)
        if found is not None and found.body_start == len(before.text):
            return lines, [*decisions[:first - 1], wire, *decisions[first:]], {before.start: (found.place, found.agency)}
    line = lines[first]
    found = wire_dateline(line.text)
    if found is None:
        return lines, decisions, {}
    head = Line(line.index, line.start, line.start + found.end, line.text[:found.end], line.block, len(line.text[:found.end].split()),
                False)
    rest = line.text[found.body_start:]
    new_lines, new_decisions = [*lines[:first], head], [*decisions[:first], wire]
    if rest.strip():
        body = Line(line.index, line.start + found.body_start, line.end, rest, line.block, len(rest.split()), line.sentence_end,
                    line.ignorable)
        new_lines.append(body)
        new_decisions.append(decisions[first])
    return new_lines + lines[first + 1:], new_decisions + decisions[first + 1:], {head.start: (found.place, found.agency)}


def assemble(lines: list[Line], decisions: list[Decision], wire_datelines: bool = True) -> Assembled:
    """The clean text and the record's spans from the line decisions.  ``wire_datelines``: split a
    wire dateline off the first body line (rule ``meta.wire-dateline``; plain-text input)."""
    out = OffsetMapBuilder()
    result = Assembled("", OffsetMap([]))
    places: dict[int, tuple[str, str | None]] = {}  # input start of a wire dateline -> (place, agency)
    if wire_datelines:
        lines, decisions, places = _split_wire_dateline(lines, decisions)
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

    credit_names: str | None = None
    for line, d in zip(lines, decisions):
        if d.kind == REMOVED:
            result.removed.append(Removed(line.start, line.end, line.text, d.reason or "other", d.rule, d.score))
            if d.reason == rules.WIRE_CREDITS_REASON and credit_names is None:
                m = rules.WIRE_CREDIT_REPORTERS.search(_clean_line(line.text))
                credit_names = m.group("names").strip(" ,.") if m else None
        elif d.kind == CAPTION:
            parsed = parse_caption(line.text, d.rule)
            result.captions.append(Caption(line.start, line.end, line.text, parsed.credit, parsed.restrictions,
                                           parsed.date, parsed.place, d.rule, parsed.photographer, parsed.agency))
        elif d.kind in (TITLE, BYLINE, DATELINE) and d.rule == rules.RULE_WIRE_DATELINE:
            place, agency = places.get(line.start, (None, None))
            result.metadata.append(MetadataLine(line.start, line.end, line.text, DATELINE, d.rule, place=place, agency=agency))
        elif d.kind in (TITLE, BYLINE, DATELINE):
            result.metadata.append(MetadataLine(line.start, line.end, line.text, d.kind, d.rule))
            value = _clean_line(line.text)
            if d.kind == TITLE and result.title is None:
                result.title, result.site_name = split_site(value)
            elif d.kind == BYLINE and result.byline is None:
                m = rules.BYLINE.fullmatch(value)
                # "By Jane Roe, AP Business Writer": the names without the desk or agency after them
                result.byline = rules.BYLINE_TITLE_TAIL.sub("", m.group("name") if m else value) or value
            elif d.kind == DATELINE and result.dateline is None:
                result.dateline = value
    if result.byline is None and credit_names:
        result.byline = credit_names  # "Reporting by Tom Ellis; Editing by ...": the reporters
    return result

