"""Writers: records -> files.  Each has ``write(doc)``, ``write_record(dict)`` and ``close()``."""

from __future__ import annotations

from .jsonl import JsonlWriter

FORMATS = ("jsonl", "jsonl.gz", "parquet")
# output name endings -> format, when no format is given; a name without a suffix is JSON Lines
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl.gz", ".ndjson.gz": "jsonl.gz", ".gz": "jsonl.gz",
            ".parquet": "parquet"}


def format_for(path: str | None, fmt: str | None) -> str:
    """The output format: ``fmt`` when given, else from the file suffix (:data:`SUFFIXES`; JSON Lines
    for stdout or a name without a suffix).  Any other suffix (``out.csv``, ``out.json``) is a
    :class:`~newsdistill.errors.Fatal` ``bad-option`` error rather than JSON Lines under a wrong name."""
    if fmt:
        return fmt
    if not path or path == "-":
        return "jsonl"
    name = path.rsplit("/", 1)[-1].lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return SUFFIXES[suffix]
    if "." not in name.lstrip("."):
        return "jsonl"
    from .. import errors
    from ..errors import Fatal

    known = ", ".join(s for s in SUFFIXES if s != ".gz")
    raise Fatal(errors.BAD_OPTION, f"cannot tell the output format of {path!r}: name it {known} "
                                   f"(or give --format {'|'.join(FORMATS)}); for CSV tables use --csv-dir")


def open_writer(path: str | None, fmt: str, storage=None):
    """A writer for one output file (``-`` is stdout, JSON Lines only; a URL through fsspec with
    ``storage``, the run's :class:`~newsdistill.read.storage.StorageOptions`)."""
    if fmt == "parquet":
        from .parquet import ParquetWriter

        return ParquetWriter(path, storage)
    if fmt == "jsonl.gz" and path not in (None, "-") and not path.endswith(".gz"):
        from .. import errors
        from ..errors import Fatal

        raise Fatal(errors.BAD_OPTION, f"--format jsonl.gz needs an output name ending in .gz, not {path!r}")
    return JsonlWriter(path, storage)  # compressed when the name ends with .gz


def read_records(path: str, storage=None):
    """The records of any file newsdistill wrote (JSON Lines, .gz, Parquet; a path or a URL)."""
    if path.endswith(".parquet"):
        from .parquet import read_records as read_parquet

        yield from read_parquet(path, storage)
        return
    import gzip
    import io
    import json

    from ..read import storage as store

    if store.is_url(path):
        raw = store.open_input(path, storage)
        binary = gzip.GzipFile(fileobj=raw) if path.endswith(".gz") else raw
        fh = io.TextIOWrapper(binary, encoding="utf-8")
    else:
        fh = (gzip.open if path.endswith(".gz") else open)(path, "rt", encoding="utf-8")
    with fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


__all__ = ["FORMATS", "JsonlWriter", "format_for", "open_writer", "read_records"]
