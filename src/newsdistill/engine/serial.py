"""Run the pipeline in this process, one document after another."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator

from .. import errors
from ..pipeline import Pipeline
from ..record import Document

log = logging.getLogger(__name__)


def process(pipeline: Pipeline, doc: Document) -> Document:
    """One document through the pipeline; a bug in a step gives an error record, not a crash."""
    try:
        return pipeline(doc)
    except errors.Fatal:
        raise
    except Exception as exc:  # a bug of ours met by this input: report it on the record, keep going
        log.error("internal error on %s:\n%s", doc.id, traceback.format_exc())
        return doc.fail(errors.INTERNAL, f"{type(exc).__name__}: {exc}")


def run_serial(pipeline: Pipeline, docs: Iterable[Document]) -> Iterator[Document]:
    for doc in docs:
        yield process(pipeline, doc)
