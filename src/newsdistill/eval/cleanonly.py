"""The cleaning part of the pipeline alone (CleanText + language id), for benches and floors
that measure the cleaner without the later extraction steps."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from ..engine.serial import process
from ..pipeline import Pipeline
from ..record import Document, Source


@lru_cache(maxsize=2)
def clean_pipeline(model: bool = True) -> Pipeline:
    from ..clean import CleanText
    from ..extract.language import DetectLanguage

    return Pipeline([CleanText(model=model), DetectLanguage()])


def clean(text: str, *, url: str | None = None, model: bool = True) -> Document:
    """Like :func:`newsdistill.distill` but running only the cleaning steps (``model=False``: the
    cleaner's rules without its line model, the speed bench's baseline of the model's cost)."""
    doc = Document(id=hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16], input_text=text,
                   source=Source(url=url))
    if not text.strip():
        return doc.fail("empty-input", "input holds only whitespace" if text else "input is empty")
    return process(clean_pipeline(model), doc)
