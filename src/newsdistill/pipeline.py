"""Steps and the pipeline that runs them over one :class:`Document` at a time.

A step is any callable object with ``name``, ``needs`` and ``adds`` (tuples of
record field names) that takes a Document and returns it.  The pipeline
checks at construction that every step's needs are added by an earlier step
(or are inputs), so a mis-ordered pipeline fails before any document is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from . import errors
from .errors import BadRecord, Fatal
from .record import Document

INPUT_FIELDS = ("input_text", "source", "id")


class Step(Protocol):
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    def __init__(self, steps: Iterable[Step]):
        self.steps = list(steps)
        available = set(INPUT_FIELDS)
        for step in self.steps:
            missing = [n for n in step.needs if n not in available]
            if missing:
                raise Fatal(errors.BAD_PIPELINE, f"step {step.name!r} needs {missing} which no earlier step adds")
            available.update(step.adds)

    def __call__(self, doc: Document) -> Document:
        """Run every step; a step's BadRecord becomes an error record, never an exception."""
        if doc.status != "ok":
            return doc
        for step in self.steps:
            try:
                doc = step(doc)
            except BadRecord as exc:
                return _private_dropped(doc).fail(exc.code, exc.message)
            except (RecursionError, MemoryError) as exc:
                # pathological input (nesting bombs, huge documents): this record fails, the run goes on
                return _private_dropped(doc).fail(errors.INTERNAL, f"{step.name}: {type(exc).__name__}")
            doc.steps_run.append(step.name)
        return _private_dropped(doc)

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def _private_dropped(doc: Document) -> Document:
    """``doc`` without the ``extra`` entries whose key starts with "_": what one step hands a later
    one (the HTML step's captions for ``html-captions``), never part of a record."""
    if doc.extra and any(k.startswith("_") for k in doc.extra):
        for key in [k for k in doc.extra if k.startswith("_")]:
            del doc.extra[key]
    return doc


def cleaning_steps() -> list[Step]:
    """The steps before the spaCy parse: HTML extraction, cleaning, language (no model loads)."""
    from .clean import CleanText
    from .extract.language import DetectLanguage
    from .read.html import ExtractHtml, HtmlCaptions

    return [ExtractHtml(), CleanText(), HtmlCaptions(), DetectLanguage()]


def default_steps(attribution_model: str = "accurate") -> list[Step]:
    from .attribution import AttributionStep
    from .extract.dates import ExtractDates
    from .extract.entities import ExtractEntities
    from .extract.figures import ExtractFigures
    from .extract.nlp import ParseText

    return [*cleaning_steps(), ParseText(), ExtractEntities(), ExtractFigures(), ExtractDates(),
            AttributionStep(attribution_model)]


def attribution_mode(name: str) -> str:
    """The attribution mode ``name`` stands for (``minilm`` -> ``accurate``, ``rules`` -> ``fast``):
    what runs, for callers (the engines, the resume manifest) that must not know the step."""
    from .attribution import canonical_mode

    return canonical_mode(name)


_default: dict[str, Pipeline] = {}


def default_pipeline(attribution_model: str = "accurate") -> Pipeline:
    """The pipeline ``newsdistill run`` uses, built once per process (models load once);
    ``attribution_model``: ``accurate``, ``fast`` or ``lite`` (``--attribution-model``; the
    deprecated ``minilm`` and ``rules`` name the first two)."""
    attribution_model = attribution_mode(attribution_model)
    if attribution_model not in _default:
        _default[attribution_model] = Pipeline(default_steps(attribution_model))
    return _default[attribution_model]


def configured_pipeline(model: str | None = None, attribution_model: str = "accurate") -> Pipeline:
    """The default pipeline with the spaCy model chosen by ``--model`` and the attribution model
    of ``--attribution-model``: what an engine's workers build (``functools.partial(
    configured_pipeline, model, attribution_model)`` pickles, a process-global setting would not
    travel).  It lives here, not in the engines, because choosing the parse's model is a step's
    business: the engines only call the factory."""
    if model:
        from .extract.nlp import set_model

        set_model(model)
    return default_pipeline(attribution_model)
