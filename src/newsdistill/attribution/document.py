"""Who said what in one document: :func:`attribute`.

Candidates (source/cue/content offsets) come from :mod:`.candidates`; in the ``lite`` and
``minilm`` modes the learned models' spans adjust and complete them (:mod:`.models.combine`);
:mod:`.speakers` resolves each source to a speaker.  A content around its own source/cue gets
its ``content_fragments`` (rule ``content.fragments``, whichever mode made the candidates).
Candidates that are no statements are dropped, or repaired, in every mode (:mod:`.filters`).
Figures (``doc.extra["figures"]``) inside a content get ``attributed_to``.
"""

from __future__ import annotations

from ..record import Attribution, Document, Speaker
from . import tuned
from .candidates import find_candidates
from .filters import filter_candidates
from .models import cue_model
from .patterns import content_fragments
from .speakers import Resolver, entity_mentions, fallback_mentions
from .tokens import Candidate


def parsed(doc: Document):
    """The spaCy parse of ``doc.text``: the parse step's (``doc.nlp_doc``) or our own.

    None when the text is not English (the parse step skipped it)."""
    sdoc = getattr(doc, "nlp_doc", None)
    if sdoc is not None and (doc.text or "").startswith(sdoc.text):
        return sdoc
    if doc.language is not None and doc.language != "en":
        return None
    from ..extract.nlp import load_model, parse_limit

    text = doc.text or ""
    return load_model()(text[:parse_limit(text)])


def paragraph_offsets(doc: Document) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    return [(0, len(doc.text or ""))]


def attribute(doc: Document, sdoc=None, use_model: bool = True, span_model=None, prediction=None,
              combine_params: dict | None = None, headline: bool = False, lite_tagger=None) -> list[Attribution]:
    """The attributions of ``doc`` (:class:`newsdistill.record.Attribution`, ids ``A1 ...``).

    ``use_model``: let the shipped learned cue model (if any) pick the cue verbs; False: the
    rules' word lists alone.  ``span_model`` (a :class:`.span_model.SpanModel`, opt-in): its
    content/source/cue spans adjust and complete the rules' (:mod:`.models.combine`);
    ``prediction`` its precomputed output, ``combine_params`` overrides of
    ``tuned.MODEL_COMBINE`` (tuning); ``headline``: ``doc`` is a title line
    (:mod:`.headline`).  ``lite_tagger`` (a :class:`.lite_tagger.LiteTagger`, opt-in,
    numpy only): its spans over the parse's features and the rules' candidates, combined under
    ``tuned.LITE_COMBINE``; with ``span_model`` too, both vote on the wordpieces
    (:func:`.models.combine.ensemble_prediction`) and the result combines as the span
    model's under ``MODEL_COMBINE``."""
    if not doc.text:
        return []
    sdoc = sdoc if sdoc is not None else parsed(doc)
    if sdoc is None:
        return []
    model = cue_model.load() if use_model else None
    paragraphs = paragraph_offsets(doc)
    cands = find_candidates(sdoc, doc.text, paragraphs, cue_model=model, headline=headline)
    if lite_tagger is not None and span_model is None and prediction is None:
        from .models.combine import combine

        lite = lite_tagger.predict(sdoc, doc.text[:len(sdoc.text)], paragraphs, cands)
        cands = combine(cands, lite, sdoc, doc.text, paragraphs, combine_params or tuned.LITE_COMBINE)
    elif span_model is not None or prediction is not None:
        from .models.combine import combine, ensemble_prediction

        if prediction is None and lite_tagger is not None:  # both models: one prediction
            prediction = ensemble_prediction(span_model, lite_tagger, sdoc, doc.text[:len(sdoc.text)], paragraphs, cands)
        elif prediction is None:
            prediction = span_model.predict(doc.text[:len(sdoc.text)], paragraphs)
        cands = combine(cands, prediction, sdoc, doc.text, paragraphs, combine_params)
    cands = filter_candidates(cands, sdoc, doc.text)  # what is no statement, in every mode (filters.py)
    entities = doc.extra.get("entities")
    mentions = entity_mentions(entities) if entities else fallback_mentions(sdoc)
    resolver = Resolver(doc, sdoc, mentions, cands)
    out: list[Attribution] = []
    for n, cand in enumerate(cands, 1):
        speaker = resolver.resolve(cand)
        out.append(Attribution(
            id=f"A{n}",
            kind=cand.kind,
            source=doc.span(*cand.source) if cand.source else None,
            cue=doc.span(*cand.cue) if cand.cue else None,
            content=doc.span(*cand.content),
            complementizer=doc.span(*cand.complementizer) if cand.complementizer else None,
            content_fragments=_fragments(doc, cand),
            speaker=Speaker(**{k: v for k, v in speaker.items() if not k.startswith("_")}) if speaker is not None else None,
            rule=cand.rule + "".join(f"+{r}" for r in resolver.rules_of(cand)),
        ))
    _attribute_figures(doc, out)
    return out


def _fragments(doc: Document, cand: Candidate) -> list | None:
    frags = content_fragments(doc.text, cand.content, [cand.source, cand.cue])
    return [doc.span(s, e) for s, e in frags] if frags else None


def _attribute_figures(doc: Document, attributions: list[Attribution]) -> None:
    """A figure (:class:`newsdistill.extract.figures.Figure`) inside a content is attributed to the
    innermost such attribution."""
    for fig in doc.extra.get("figures") or []:
        if fig.span is None:
            continue
        s, e = fig.span.start, fig.span.end
        inner = [a for a in attributions if a.content.start <= s and e <= a.content.end]
        if inner:
            fig.attributed_to = min(inner, key=lambda a: a.content.end - a.content.start).id
