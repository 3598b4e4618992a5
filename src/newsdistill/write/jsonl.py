"""JSON Lines output, one record per line (optionally gzip-compressed by suffix)."""

from __future__ import annotations

import gzip
import json
import sys
from typing import IO

from ..record import Document


def dumps(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"))


class JsonlWriter:
    def __init__(self, path: str | None):
        self.path = path
        self._fh: IO[str]
        if path in (None, "-"):
            self._fh = sys.stdout
        elif path.endswith(".gz"):
            self._fh = gzip.open(path, "wt", encoding="utf-8")  # noqa: SIM115 - closed in close()
        else:
            self._fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.count = 0

    def write(self, doc: Document) -> None:
        self._fh.write(dumps(doc))
        self._fh.write("\n")
        self.count += 1

    def close(self) -> None:
        if self._fh is sys.stdout:
            self._fh.flush()
        else:
            self._fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
