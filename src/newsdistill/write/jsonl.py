"""JSON Lines output, one record per line (optionally gzip-compressed by suffix)."""

from __future__ import annotations

import gzip
import io
import json
import sys
from typing import IO

from ..record import Document

# gzip level of .jsonl.gz output.  gzip's default, 9, spends 1.5x the CPU of 6 for 1% smaller
# files on records (20 MB of clean-only records: 0.39 s vs 0.25 s, 8.60% vs 8.72% of the size;
# level 1: 0.08 s but 13.6%), and the compression runs in the run's single parent process, where
# it was most of the parent's CPU in a clean-only run (docs/benchmarks.md#clean-only-mode-and-scaling)
GZIP_LEVEL = 6


def dumps(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"))


class JsonlWriter:
    def __init__(self, path: str | None, storage=None):
        """``path``: a file, '-' / None for stdout, or a URL (``s3://...``: the object appears
        when the writer is closed; ``storage``: the run's :class:`~newsdistill.read.storage.StorageOptions`)."""
        from ..read import storage as store

        self.path = path
        self._fh: IO[str]
        self._raw = None  # the remote object's file, closed after the text and gzip layers
        if path not in (None, "-") and store.is_url(path):
            self._raw = store.open_output(path, storage)
            binary = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=GZIP_LEVEL) if path.endswith(".gz") else self._raw
            self._fh = io.TextIOWrapper(binary, encoding="utf-8")
        elif path in (None, "-"):
            self._fh = sys.stdout
        elif path.endswith(".gz"):
            self._fh = gzip.open(path, "wt", encoding="utf-8", compresslevel=GZIP_LEVEL)  # noqa: SIM115 - closed in close()
        else:
            self._fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.count = 0

    def write(self, doc: Document) -> None:
        self.write_record(doc.to_dict())

    def write_line(self, line: str) -> None:
        """A record already serialised (in a worker: engine/distilled.py), without its newline."""
        self._fh.write(line)
        self._fh.write("\n")
        self.count += 1

    def write_record(self, record: dict) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        self._fh.write("\n")
        self.count += 1

    def close(self) -> None:
        if self._fh is sys.stdout:
            self._fh.flush()
        else:
            self._fh.close()
            if self._raw is not None:
                self._raw.close()  # GzipFile leaves a file object it was given open: this uploads it

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
