"""Steps and the pipeline that runs them over one :class:`Document` at a time.

A step is any callable object with ``name``, ``needs`` and ``adds`` (tuples of
record field names) that takes a Document and returns it.  The pipeline
checks at construction that every step's needs are added by an earlier step
(or are inputs), so a mis-ordered pipeline fails before any document is read.
"""

from __future__ import annotations

import importlib
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
    def __init__(self, steps: Iterable[Step], not_selected: Iterable[str] = ()):
        """``not_selected``: names of steps a run left out on purpose (``--steps``); every ok record
        says so in ``skipped``, as the parse step does for text it does not parse."""
        self.steps = list(steps)
        check_chain(self.steps)
        self.not_selected = tuple(not_selected)

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
        if self.not_selected:
            reason = f"not selected (steps: {', '.join(self.selected_names())})"
            doc.extra.setdefault("skipped", []).extend({"step": name, "reason": reason} for name in self.not_selected)
        return _private_dropped(doc)

    def selected_names(self) -> list[str]:
        """The names of :data:`STEP_NAMES` this pipeline runs (``html-captions`` is part of ``clean``)."""
        return [s.name for s in self.steps if s.name in STEP_NAMES]

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def check_chain(steps: Iterable) -> None:
    """Every step's needs are added by an earlier step (or are input fields), else ``Fatal(bad-pipeline)``.
    Works on step classes too (``name``, ``needs``, ``adds`` are class attributes), so a ``--steps``
    list is checked before any model loads."""
    available = set(INPUT_FIELDS)
    for step in steps:
        missing = [n for n in step.needs if n not in available]
        if missing:
            adders = {n: c.name for name in STEP_NAMES for c in _step_classes(name) for n in c.adds}
            hint = sorted({adders[n] for n in missing if n in adders})
            add = f" (add {', '.join(hint)})" if hint else ""
            raise Fatal(errors.BAD_PIPELINE, f"step {step.name!r} needs {', '.join(missing)}, which no earlier step adds{add}")
        available.update(step.adds)


def _private_dropped(doc: Document) -> Document:
    """``doc`` without the ``extra`` entries whose key starts with "_": what one step hands a later
    one (the HTML step's captions for ``html-captions``), never part of a record."""
    if doc.extra and any(k.startswith("_") for k in doc.extra):
        for key in [k for k in doc.extra if k.startswith("_")]:
            del doc.extra[key]
    return doc


# ---- choosing steps (--steps) ------------------------------------------------------------------
# each step a run may select -> (module, class) of the steps it stands for, in pipeline order;
# imported only when chosen (:func:`_step_classes`: a clean-only run never imports spaCy); ``clean`` brings ``html-captions`` along (the
# page's captions and rights notices are part of cleaning)
STEP_CLASSES: dict[str, tuple[tuple[str, str], ...]] = {
    "html": ((".read.html", "ExtractHtml"),),
    "clean": ((".clean", "CleanText"), (".read.html", "HtmlCaptions")),
    "language": ((".extract.language", "DetectLanguage"),),
    "parse": ((".extract.nlp", "ParseText"),),
    "entities": ((".extract.entities", "ExtractEntities"),),
    "figures": ((".extract.figures", "ExtractFigures"),),
    "dates": ((".extract.dates", "ExtractDates"),),
    "attribution": ((".attribution", "AttributionStep"),),
}
# the names of the steps a run may select, in pipeline order
STEP_NAMES = tuple(STEP_CLASSES)
# names that stand for several steps: ``clean`` alone is the clean-only mode (no spaCy model loads)
PRESETS = {"clean": ("html", "clean", "language"), "all": STEP_NAMES}


def select_steps(spec: str | Iterable[str] | None) -> tuple[str, ...]:
    """The step names ``spec`` stands for, in pipeline order: ``None``/``"all"`` every step,
    ``"clean"`` html, clean and language, else a comma list (or a list) of :data:`STEP_NAMES`.
    ``html`` is always kept: it does nothing to text input and is what turns an HTML page into
    text (without it every page would end as an empty record).  An unknown name or a list the
    needs/adds check rejects (``entities`` without ``parse``) is ``Fatal(bad-option / bad-pipeline)``,
    found before any model loads."""
    if spec is None:
        return STEP_NAMES
    names = [n.strip().lower() for n in (spec.split(",") if isinstance(spec, str) else spec)]
    names = [n for n in names if n]
    if len(names) == 1 and names[0] in PRESETS:
        return PRESETS[names[0]]
    unknown = [n for n in names if n not in STEP_NAMES]
    if unknown or not names:
        raise Fatal(errors.BAD_OPTION, f"unknown step {', '.join(map(repr, unknown)) or '(none given)'}: "
                                       f"give clean, all, or a comma list of {', '.join(STEP_NAMES)}")
    chosen = tuple(n for n in STEP_NAMES if n in names or n == "html")
    check_chain(c for n in chosen for c in _step_classes(n))
    return chosen


def _step_classes(name: str) -> list[type]:
    """The step classes behind one of :data:`STEP_NAMES` (imported here, built by :func:`build_steps`)."""
    if name not in STEP_CLASSES:
        raise Fatal(errors.BAD_OPTION, f"unknown step {name!r}")
    return [getattr(importlib.import_module(module, __package__), cls) for module, cls in STEP_CLASSES[name]]


def build_steps(names: Iterable[str], attribution_model: str = "accurate") -> list[Step]:
    """The step objects of ``names`` (from :func:`select_steps`): only those are imported and built,
    so a clean-only run never imports spaCy."""
    steps: list[Step] = []
    for name in names:
        for cls in _step_classes(name):
            steps.append(cls(attribution_model) if name == "attribution" else cls())
    return steps


def cleaning_steps() -> list[Step]:
    """The steps before the spaCy parse: HTML extraction, cleaning, language (no model loads)."""
    return build_steps(PRESETS["clean"])


def default_steps(attribution_model: str = "accurate") -> list[Step]:
    return build_steps(STEP_NAMES, attribution_model)


def attribution_mode(name: str) -> str:
    """The attribution mode ``name`` stands for (``minilm`` -> ``accurate``, ``rules`` -> ``fast``):
    what runs, for callers (the engines, the resume manifest) that must not know the step."""
    from .attribution import canonical_mode

    return canonical_mode(name)


_default: dict[tuple[str, tuple[str, ...]], Pipeline] = {}


def default_pipeline(attribution_model: str = "accurate", steps: str | Iterable[str] | None = None) -> Pipeline:
    """The pipeline ``newsdistill run`` uses, built once per process (models load once);
    ``attribution_model``: ``accurate``, ``fast`` or ``lite`` (``--attribution-model``; the
    deprecated ``minilm`` and ``rules`` name the first two); ``steps``: as :func:`select_steps`
    (``--steps``; None: every step)."""
    names = select_steps(steps)
    attribution_model = attribution_mode(attribution_model) if "attribution" in names else "-"
    key = (attribution_model, names)
    if key not in _default:
        if names == STEP_NAMES:
            _default[key] = Pipeline(default_steps(attribution_model))
        else:
            _default[key] = Pipeline(build_steps(names, attribution_model),
                                     not_selected=[n for n in STEP_NAMES if n not in names])
    return _default[key]


def configured_pipeline(model: str | None = None, attribution_model: str = "accurate",
                        steps: str | Iterable[str] | None = None) -> Pipeline:
    """The default pipeline with the spaCy model chosen by ``--model`` and the attribution model
    of ``--attribution-model``: what an engine's workers build (``functools.partial(
    configured_pipeline, model, attribution_model)`` pickles, a process-global setting would not
    travel).  It lives here, not in the engines, because choosing the parse's model is a step's
    business: the engines only call the factory."""
    if model and (steps is None or "parse" in select_steps(steps)):
        from .extract.nlp import set_model

        set_model(model)
    return default_pipeline(attribution_model, steps)
