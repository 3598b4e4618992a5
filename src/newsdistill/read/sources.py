"""Turn paths (files, folders, globs, "-") into a stream of input Documents.

Every input yields exactly one Document: readable ones with ``input_text``,
the others already failed with an error code and where they came from.
Readers are registered per file suffix; compressed files (.gz, .zst) are
opened transparently (a reader registered with ``decompress=False`` gets the
gzip file as it is: fastwarc reads gzipped WARCs itself, so record offsets
are offsets into the file on disk).
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..errors import BadRecord, BadShard, Fatal
from ..record import Document, Source


@dataclass(frozen=True, slots=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    url_field: str = "url"
    title_field: str = "title"
    published_field: str = "published"


Reader = Callable[[BinaryIO, str, ReadOptions], Iterator[Document]]
READERS: dict[str, Reader] = {}
OWN_GZIP: set[str] = set()  # suffixes whose reader reads gzip itself
COMPRESSION = {".gz": "gzip", ".zst": "zstd"}


def register(*suffixes: str, decompress: bool = True) -> Callable[[Reader], Reader]:
    def deco(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
            if not decompress:
                OWN_GZIP.add(s)
        return fn

    return deco


def split_suffix(path: str) -> tuple[str, str | None]:
    """('.jsonl', 'gzip') for 'x.jsonl.gz'."""
    p = Path(path)
    suffixes = [s.lower() for s in p.suffixes]
    compression = COMPRESSION.get(suffixes[-1]) if suffixes else None
    if compression:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), compression


def open_binary(path: str, compression: str | None) -> BinaryIO:
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, closed there
    if compression == "gzip":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if compression == "zstd":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)  # type: ignore[return-value]
    return raw


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named, found in folders (sorted, recursively) or matched by globs; '-' is stdin."""
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if split_suffix(name)[0] in READERS and not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(path):
            yield path
        elif any(c in path for c in "*?["):
            matched = sorted(glob.glob(path, recursive=True))
            if not matched:
                raise Fatal(errors.NO_INPUT, f"no file matches {path!r}")
            yield from (m for m in matched if os.path.isfile(m))
        else:
            yield path  # becomes an unreadable-file error record


def read_path(path: str, options: ReadOptions) -> Iterator[Document]:
    """Documents of one file; any failure becomes an error record, never an exception."""
    if path == "-":
        yield from _read_stdin(options)
        return
    suffix, compression = split_suffix(path)
    reader = READERS.get(suffix, READERS[".txt"])
    produced = 0
    if compression == "gzip" and suffix in OWN_GZIP:
        compression = None
    try:
        with open_binary(path, compression) as stream:
            for doc in reader(stream, path, options):
                produced += 1
                yield doc
    except BadShard as exc:
        yield _shard_error(path, exc.code, exc.message, produced, exc.offset)
    except (OSError, EOFError, ValueError, *_stream_errors()) as exc:
        # OSError: unreadable file / bad gzip header; EOFError: truncated compressed stream
        truncated = isinstance(exc, EOFError) or produced > 0 or "truncat" in str(exc).lower()
        code = errors.TRUNCATED if truncated else errors.UNREADABLE
        yield _shard_error(path, code, f"{type(exc).__name__}: {exc}", produced)


def _stream_errors() -> tuple[type[Exception], ...]:
    try:
        import zstandard
    except ImportError:
        return ()
    return (zstandard.ZstdError,)


def _shard_error(path: str, code: str, message: str, produced: int, offset: int | None = None) -> Document:
    source = Source(path=path, line=produced + 1 if produced and offset is None else None, offset=offset)
    doc = Document(id=f"{Path(path).name}#error@{produced}", source=source)
    return doc.fail(code, message + (f" (after {produced} documents)" if produced else ""), kind="shard")


def _read_stdin(options: ReadOptions) -> Iterator[Document]:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:16]
    if head[:1] == b"{":
        suffix = ".jsonl"
    elif head.startswith(b"WARC/"):
        suffix = ".warc"
    else:
        suffix = ".txt"  # the text reader hands HTML on to the HTML reader (see read/text.py)
    yield from READERS[suffix](io.BytesIO(data), "-", options)


def iter_documents(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Document]:
    options = options or ReadOptions()
    for path in expand(paths):
        yield from read_path(path, options)


def document_from_bytes(data: bytes, doc_id: str, source: Source, kind: str = "text") -> Document:
    """A Document for one text's bytes; undecodable data gives an error record."""
    from .decode import decode

    doc = Document(id=doc_id, source=source, input_kind=kind)
    try:
        doc.input_text, doc.warnings = decode(data)
    except BadRecord as exc:
        doc.fail(exc.code, exc.message)
    return doc
