"""The plain-text cleaning step: input text -> clean body, removed lines, captions, metadata."""

from __future__ import annotations

from ..record import Document
from .assemble import assemble
from .classify import classify
from .lines import split_lines


class CleanText:
    """Decide body / boilerplate / caption / metadata for every input line."""

    name = "clean"
    needs = ("input_text",)
    adds = ("text", "paragraphs", "removed", "captions", "title", "byline", "published")

    def __call__(self, doc: Document) -> Document:
        lines = split_lines(doc.input_text)
        # HTML/WARC input arrives as trafilatura's main content: no page layout left to judge by position
        decisions = classify(lines, layout=doc.input_kind == "text")
        result = assemble(lines, decisions)
        doc.text = result.text
        doc.offset_map = result.offset_map
        doc.paragraphs = result.paragraphs
        doc.removed = result.removed
        doc.captions = result.captions
        doc.metadata_spans = result.metadata
        doc.title = doc.title or result.title
        doc.byline = doc.byline or result.byline
        if doc.published is None and result.dateline:
            doc.published = _parse_dateline(result.dateline)
        return doc


def _parse_dateline(value: str) -> str | None:
    import dateparser  # imported on first use: ~0.3 s, and most plain texts have no dateline

    from .rules import DATELINE_LABEL

    parsed = dateparser.parse(DATELINE_LABEL.sub("", value), settings={"STRICT_PARSING": False, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    return parsed.date().isoformat() if parsed.hour == 0 and parsed.minute == 0 else parsed.isoformat()
