"""Who said what in the headline: attributions of the title metadata line.

Headlines attribute as much as body sentences do, in a style of their own: "Graham: Trump's
'Incredibly Hateful Rhetoric' Destroying GOP's Chance to Win Presidency", "Hillary Clinton calls
on U.S. to lead, step up fight against Islamic State".  The cleaner keeps a title as a metadata
line, not body text, so the body's ``attributions`` cannot hold it; PolNeAR annotates headlines
like any sentence (2.4% of the gold attributions of held-out train are in the headline).

Each title line (``metadata_lines`` entry with reason ``title``) is parsed on its own (the entity
step's parse of it, cached in :func:`newsdistill.extract.nlp.parse_extras`) and run through the same rules as the
body (:func:`.document.attribute`; in minilm mode also the span model, see
``tuned.TITLE_SPAN_MODEL``).  Record field ``title_attributions``: the same shape as
``attributions``, ids ``T1, T2, ...``, plus ``metadata_line`` (the line's index); span
``start``/``end`` are offsets into that line's ``text``, ``input_start``/``input_end`` into the
input as everywhere.  Speakers resolve to the body's entities: the entity step joins a headline
mention to its body entity ("Graham" -> Lindsey Graham, with his role).
"""

from __future__ import annotations

from ..extract.nlp import line_input_span, parse_extra, sentence_cased
from ..offsets import OffsetMap
from ..record import Attribution, Document, Span, Speaker
from . import rules as R
from . import tuned
from .document import attribute


def _line_doc(doc: Document, text: str) -> Document:
    """The title line as a one-paragraph document of its own (offsets into the line)."""
    sub = Document(id=doc.id, input_text=text, language=doc.language, text=text,
                   offset_map=OffsetMap.identity(len(text)))
    start = len(text) - len(text.lstrip())
    sub.paragraphs = [sub.span(start, len(text.rstrip()))]
    return sub


def _moved(doc: Document, line, span: Span | None) -> Span | None:
    """A span of the line document, with input offsets into ``doc``'s input."""
    if span is None:
        return None
    where = line_input_span(doc, line, span.start, span.end, span.text)
    return Span(span.start, span.end, span.text, *(where or (None, None)))


def _body_speaker(doc: Document, index: int, source: Span | None) -> Speaker | None:
    """The body entity whose headline mention lies in ``source`` (the entity step joins headline
    mentions only to entities of the body or captions)."""
    if source is None or source.input_start is None:
        return None
    for e in doc.extra.get("entities") or []:
        e = e.to_dict() if hasattr(e, "to_dict") else e
        for m in e.get("mentions") or []:
            if m.get("metadata_line") == index and m.get("input_start") is not None \
                    and source.input_start <= m["input_start"] and m["input_end"] <= source.input_end:
                roles = e.get("roles") or []
                return Speaker(entity=e["id"], name=e.get("name"), role=roles[0] if roles else None,
                               type=R.LABEL_TYPE.get(e.get("label") or "", "other"))
    return None


def title_attributions(doc: Document, span_model=None, use_model: bool = True) -> list[Attribution]:
    """The attributions of ``doc``'s title lines (ids ``T1 ...``, with ``metadata_line``); ``span_model`` and
    ``use_model`` as for :func:`.document.attribute`."""
    out: list[Attribution] = []
    for index, line in enumerate(doc.metadata_lines):
        if line.reason != "title" or not line.text.strip():
            continue
        sub = _line_doc(doc, line.text)
        cased = sentence_cased(line.text, doc.text or "")
        sdoc = parse_extra(cased or line.text)  # same length: the parse's offsets are the line's
        for a in attribute(sub, sdoc, use_model=use_model, span_model=span_model if tuned.TITLE_SPAN_MODEL else None,
                           headline=True):
            source = _moved(doc, line, a.source)
            out.append(Attribution(
                id=f"T{len(out) + 1}", metadata_line=index, kind=a.kind, source=source,
                cue=_moved(doc, line, a.cue), content=_moved(doc, line, a.content),
                complementizer=_moved(doc, line, a.complementizer),
                content_fragments=[_moved(doc, line, f) for f in a.content_fragments] if a.content_fragments else None,
                speaker=_body_speaker(doc, index, source) or a.speaker,
                rule=a.rule + "+" + R.RULE_HEADLINE_SENTENCE_CASE if cased is not None else a.rule,
            ))
    return out
