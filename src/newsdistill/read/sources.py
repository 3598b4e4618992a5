"""Turn paths (files, folders, globs, "-") into a stream of input Documents.

Every input yields exactly one Document: readable ones with ``input_text``,
the others already failed with an error code and where they came from.
Readers are registered per file suffix; compressed files (.gz, .zst) are
opened transparently (a reader registered with ``decompress=False`` gets the
gzip file as it is: fastwarc reads gzipped WARCs itself, so record offsets
are offsets into the file on disk, or into the remote object).

Paths may be URLs (``s3://``, ``gs://``, ``https://``, ``file://``; :mod:`.storage`):
globs and folders (``s3://bucket/prefix/``) are listed through fsspec, and
single-document remote files are fetched ahead in batches (:func:`read_files`).
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..errors import BadRecord, BadShard, Fatal
from ..record import Document, Source
from . import storage as store
from .storage import StorageOptions


@dataclass(frozen=True, slots=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    url_field: str = "url"
    title_field: str = "title"
    published_field: str = "published"
    # --storage-option pairs for URL inputs (and outputs); never part of a manifest or a repr
    storage: StorageOptions | None = field(default=None, repr=False)


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


def open_binary(path: str, compression: str | None, storage: StorageOptions | None = None,
                data: bytes | None = None) -> BinaryIO:
    """``path`` opened for reading (``data``: its bytes, already fetched), decompressed."""
    if data is not None:
        raw = io.BytesIO(data)
    elif store.is_url(path):
        raw = store.open_input(path, storage)
    else:
        raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, closed there
    if compression == "gzip":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if compression == "zstd":
        import zstandard

        return zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)  # type: ignore[return-value]
    return raw


def expand(paths: Iterable[str], storage: StorageOptions | None = None) -> Iterator[str]:
    """Files named, found in folders (sorted, recursively) or matched by globs; '-' is stdin.
    URLs are listed through fsspec (a folder is a URL ending in '/'); ``file://`` is a local path."""
    for path in paths:
        path = store.local_path(path)
        if store.is_url(path):
            yield from store.expand_url(path, storage, lambda name: split_suffix(name)[0] in READERS
                                        and not name.startswith("."))
        elif path == "-":
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


def read_path(path: str, options: ReadOptions, fetched: bytes | BaseException | None = None) -> Iterator[Document]:
    """Documents of one file; any failure becomes an error record, never an exception (but an
    unreachable storage endpoint is a Fatal: every other remote file would wait out the same
    retries, about 8 s each with s3fs's defaults).  ``fetched``: the file's bytes, or the
    exception fetching them raised (:class:`.storage.Prefetcher`)."""
    if path == "-":
        yield from _read_stdin(options)
        return
    remote = store.is_url(path)
    shown = store.redact(path) if remote else path  # what records say: never a signed URL's credentials
    suffix, compression = split_suffix(path.split("?", 1)[0] if remote else path)
    reader = READERS.get(suffix, READERS[".txt"])
    produced = 0
    if compression == "gzip" and suffix in OWN_GZIP:
        compression = None
    try:
        if isinstance(fetched, BaseException):
            raise fetched
        with open_binary(path, compression, options.storage, fetched) as stream:
            for doc in reader(stream, shown, options):
                produced += 1
                yield doc
    except BadShard as exc:
        yield _shard_error(shown, exc.code, exc.message, produced, exc.offset)
    except (OSError, EOFError, ValueError, *_stream_errors()) as exc:
        if remote and store.unreachable(exc):
            raise store.unreachable_fatal(exc, path, options.storage) from None
        # OSError: unreadable file / bad gzip header / missing or denied object; EOFError: truncated compressed stream
        truncated = isinstance(exc, EOFError) or produced > 0 or "truncat" in str(exc).lower()
        code = errors.TRUNCATED if truncated else errors.UNREADABLE
        message = f"{type(exc).__name__}: {exc}"
        yield _shard_error(shown, code, store.scrub(message, options.storage) if remote else message, produced)
    except Fatal:
        raise
    except Exception as exc:
        if remote and store.unreachable(exc):
            raise store.unreachable_fatal(exc, path, options.storage) from None
        if not remote:
            raise
        if isinstance(exc, TypeError):
            raise store.option_fatal(exc, path, options.storage) from None
        # any other failure of a filesystem library on this object: this file's error record
        yield _shard_error(shown, errors.UNREADABLE, store.scrub(f"{type(exc).__name__}: {exc}", options.storage), produced)


def read_files(files: list[str], options: ReadOptions, start: int = 0) -> Iterator[tuple[int, str, Iterator[Document]]]:
    """``(index, path, documents)`` for ``files[start:]``, in order.  Remote files that hold one
    document (.txt, .html: not JSONL or WARC, which are streamed) are fetched ahead in batches,
    one async call a batch (:class:`.storage.Prefetcher`), so reading many small objects is not one
    round trip after another."""
    fetcher = store.Prefetcher(files, lambda i: store.is_url(files[i]) and not _holds_many(files[i]),
                               options.storage, start)
    try:
        for index in range(start, len(files)):
            path = files[index]
            fetched = fetcher.take(index) if store.is_url(path) else None
            yield index, path, read_path(path, options, fetched)
    finally:
        fetcher.close()


def _holds_many(path: str) -> bool:
    return split_suffix(path.split("?", 1)[0])[0] in CONTAINERS


# files that hold many documents (JSON Lines, WARC): streamed, never fetched whole ahead
CONTAINERS = frozenset({".jsonl", ".json", ".ndjson", ".warc"})


def paths_from(list_file: str, base_url: str | None = None, storage: StorageOptions | None = None) -> list[str]:
    """The inputs listed in ``list_file`` (local or a URL; .gz/.zst too), one a line; blank lines
    and lines starting with '#' are skipped; ``base_url`` is put before relative lines (Common
    Crawl's ``warc.paths.gz`` lists keys such as ``crawl-data/CC-NEWS/2024/01/....warc.gz``)."""
    list_file = store.local_path(list_file)
    compression = COMPRESSION.get(Path(list_file.split("?", 1)[0]).suffix.lower())
    try:
        with open_binary(list_file, compression, storage) as fh:
            lines = fh.read().decode("utf-8").splitlines()
    except Fatal:
        raise
    except Exception as exc:
        if store.unreachable(exc):
            raise store.unreachable_fatal(exc, list_file, storage) from None
        message = store.scrub(f"{type(exc).__name__}: {exc}", storage)
        raise Fatal(errors.BAD_OPTION, f"--paths-from {store.redact(list_file)}: cannot read this list ({message})") from None
    found = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            found.append(store.join(base_url, line) if base_url else line)
    return found


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
    for _, _, docs in read_files(list(expand(paths, options.storage)), options):
        yield from docs


def document_from_bytes(data: bytes, doc_id: str, source: Source, kind: str = "text") -> Document:
    """A Document for one text's bytes; undecodable data gives an error record."""
    from .decode import decode

    doc = Document(id=doc_id, source=source, input_kind=kind)
    try:
        doc.input_text, doc.warnings = decode(data)
    except BadRecord as exc:
        doc.fail(exc.code, exc.message)
    return doc
