"""The plain-text cleaning step: input text -> clean body, removed lines, captions, metadata."""

from __future__ import annotations

import datetime as dt
import re

from .. import timezones
from ..record import Document
from .assemble import assemble
from .captions import find_date
from .classify import classify
from .lines import split_lines
from .timestamps import resolve as resolve_timestamp
from .timestamps import timestamp_rule


class CleanText:
    """Decide body / boilerplate / caption / metadata for every input line."""

    name = "clean"
    needs = ("input_text",)
    adds = ("text", "paragraphs", "removed", "captions", "title", "byline", "published")

    def __init__(self, model: bool = True) -> None:
        self.model = model  # False: the rules alone, without the learned line classifier (benches' baseline)

    def __call__(self, doc: Document) -> Document:
        lines = split_lines(doc.input_text)
        # HTML/WARC input arrives as trafilatura's main content: no page layout left to judge by position
        decisions = classify(lines, layout=doc.input_kind == "text", model=self.model)
        # a wire dateline is split off plain text only (HTML: a later change, with the same rule)
        result = assemble(lines, decisions, wire_datelines=doc.input_kind == "text")
        doc.text = result.text
        doc.offset_map = result.offset_map
        doc.paragraphs = result.paragraphs
        doc.removed = result.removed
        doc.captions = result.captions
        doc.metadata_lines = result.metadata
        doc.title = doc.title or result.title
        if doc.site_name is None and result.title is not None and doc.title == result.title:
            doc.site_name = result.site_name  # the suffix split off the title line this step set
        doc.byline = doc.byline or result.byline
        if result.dateline and (doc.published is None or _DAY_ONLY.fullmatch(doc.published)):
            self._dateline_published(doc, result.dateline)
        return doc

    @staticmethod
    def _dateline_published(doc: Document, dateline: str) -> None:
        """``published`` from the visible dateline: where none is set, or where the page's metadata
        gave the day alone and the dateline names the same day with its time ("Published 6:45
        p.m. EDT June 12, 2024" under htmldate's "2024-06-12")."""
        value = _parse_dateline(dateline, doc.source.fetched)
        if value is None or doc.published is not None and not (value[:10] == doc.published and "T" in value):
            return
        doc.published = value
        if "T" in value:
            offset, ambiguous = dateline_zone(dateline)
            if offset is not None and not _OFFSET.search(value):
                doc.published += offset  # "6:45 p.m. EDT" -> ...T18:45:00-04:00
            doc.published_tz = ambiguous  # "9 a.m. CST": kept as written, the time without an offset


_TIME = re.compile(r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ap>[ap])?\.?m?\.?", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>\d{2})-(?P<d>\d{2})\b")
_OFFSET = re.compile(r"(?:[+-]\d\d:\d\d|Z)$")
_DAY_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def dateline_zone(value: str) -> tuple[str | None, str | None]:
    """``(offset, ambiguous)`` of the time-zone abbreviation right after the dateline's clock time
    (:func:`newsdistill.timezones.zone`); (None, None) when it names none."""
    t = _TIME.search(value)
    if t is None:
        return None, None
    m = timezones.ZONE.match(value, t.end() + len(value[t.end():]) - len(value[t.end():].lstrip()))
    return timezones.zone(m.group(1)) if m else (None, None)


def _fast_dateline(value: str) -> str | None:
    """The common dateline shapes ("June 3, 2021 at 4:05 pm", "3 June 2021", "2021-06-03")
    without dateparser, which tries ~200 locales per call (~130 ms)."""
    date = find_date(value)
    if date is None:
        m = _ISO.search(value)
        if m is None:
            return None
        try:
            date = dt.date(int(m["y"]), int(m["mo"]), int(m["d"])).isoformat()
        except ValueError:
            return None
    t = _TIME.search(value)
    if t is None:
        return date
    hour, minute = int(t["h"]), int(t["m"])
    if t["ap"]:
        hour = hour % 12 + (12 if t["ap"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return date
    if hour == 0 and minute == 0:
        return date
    return f"{date}T{hour:02d}:{minute:02d}:00"


def _parse_dateline(value: str, anchor: str | None = None) -> str | None:
    if timestamp_rule(value) is not None:  # no year: only against a known time (the fetch date), never today
        return resolve_timestamp(value, anchor)
    fast = _fast_dateline(value)
    if fast is not None:
        return fast
    import dateparser  # imported on first use: ~0.3 s, and most plain texts have no dateline

    from .rules import DATELINE_LABEL

    parsed = dateparser.parse(DATELINE_LABEL.sub("", value), languages=["en"],
                              settings={"STRICT_PARSING": False, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    return parsed.date().isoformat() if parsed.hour == 0 and parsed.minute == 0 else parsed.isoformat()
