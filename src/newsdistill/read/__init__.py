"""Readers: paths -> input Documents (one per input document, errors included)."""

from . import html, jsonl, text, warc  # noqa: F401 - register the readers
from .sources import READERS, ReadOptions, iter_documents, read_path, register

__all__ = ["READERS", "ReadOptions", "iter_documents", "read_path", "register"]
