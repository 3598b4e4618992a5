"""Sharded directory output that survives ``kill -9``: ``newsdistill run INPUTS -o OUTDIR/``.

The input stream is cut into shards *before* processing, by a rule that depends only on the
inputs (so a rerun cuts the same shards):

* a file that holds many documents (JSON Lines, WARC) starts a shard of its own;
* single-document files (.txt, .html) are grouped, consecutive files in one shard;
* a shard holds at most ``shard_size`` documents (a big file gives several shards).

Shard *k* is written to ``shard-0000k.part.<ext>``; once its last record is written the file is
closed, fsynced and renamed to ``shard-0000k.<ext>``, then the marker ``shard-0000k.done`` is
written the same way (temporary file, fsync, rename, fsync of the directory).  A shard is
complete exactly when its marker exists; the marker says where the shard ended (input file,
document number in it).  On restart the plan continues after the last completed shard (files
before it are not even opened), every other shard is redone from its first document, and its
old partial file is replaced: no record lost, none duplicated.

``manifest.json`` holds the inputs (and a hash of the file list they expand to), the options
that change records, and the format version; a rerun whose manifest differs is refused.

The directory may be a URL on object storage (``-o s3://bucket/out/``): the same names, through
:class:`~newsdistill.read.storage.RemoteFolder`.  There an object appears whole or not at all, so
the part object is uploaded when the shard's last record is written, copied to its final name,
deleted, and the marker object is put last: a shard killed half-way leaves no object (or a
``.part`` object that the next run redoes), never a marker.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import errors
from ..errors import Fatal
from ..read import storage as store
from ..read.sources import CONTAINERS, ReadOptions, read_files, split_suffix
from ..record import FORMAT_VERSION, Document

# files that hold many documents: each starts a shard of its own (the rest are grouped)
CONTAINER_SUFFIXES = CONTAINERS
DEFAULT_SHARD_SIZE = 10_000
EXTENSIONS = {"jsonl": "jsonl", "jsonl.gz": "jsonl.gz", "parquet": "parquet"}
MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class Planned:
    shard: int
    file_index: int
    file_doc: int  # the document's number in its file (0-based)
    doc: Document


@dataclass(frozen=True, slots=True)
class Start:
    """Where a resumed plan begins: shard ``shard`` starts after document ``after_doc`` of file ``file_index``."""

    shard: int = 0
    file_index: int = 0
    after_doc: int = -1


def is_container(path: str) -> bool:
    return path == "-" or split_suffix(path.split("?", 1)[0] if store.is_url(path) else path)[0] in CONTAINER_SUFFIXES


def plan(files: list[str], options: ReadOptions, shard_size: int = DEFAULT_SHARD_SIZE,
         start: Start | None = None) -> Iterator[Planned]:
    """Every input document with the shard it belongs to (deterministic for the same inputs).

    ``start`` resumes the plan where completed shards end: files before ``start.file_index``
    are not opened, the documents of that file up to ``start.after_doc`` are read and passed over.
    """
    start = start or Start()
    shard, in_shard, previous_container = start.shard, 0, False
    for index, path, docs in read_files(files, options, start.file_index):
        container = is_container(path)
        if in_shard and (container or previous_container):
            shard, in_shard = shard + 1, 0
        for number, doc in enumerate(docs):
            if index == start.file_index and number <= start.after_doc:
                continue  # written by an earlier run
            if in_shard >= shard_size:
                shard, in_shard = shard + 1, 0
            yield Planned(shard, index, number, doc)
            in_shard += 1
        previous_container = container


def files_digest(files: list[str]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update((f if store.is_url(f) else os.path.abspath(f)).encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()


def _fsync_path(path: str | Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either absent or complete."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_path(path.parent)


class LocalFolder:
    """A shard directory on this machine's disk: fsync before every rename, and of the directory after."""

    def __init__(self, directory: str):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.url = str(self.dir)

    def path(self, name: str) -> str:
        return str(self.dir / name)

    def exists(self, name: str) -> bool:
        return (self.dir / name).exists()

    def read_text(self, name: str) -> str:
        return (self.dir / name).read_text(encoding="utf-8")

    def write_text(self, name: str, text: str) -> None:
        write_atomic(self.dir / name, text)

    def names(self, pattern: str) -> list[str]:
        return sorted(p.name for p in self.dir.glob(pattern))

    def publish(self, part: str, final: str) -> None:
        _fsync_path(self.dir / part)
        os.replace(self.dir / part, self.dir / final)
        _fsync_path(self.dir)

    def remove(self, name: str) -> None:
        (self.dir / name).unlink()


def open_folder(directory: str, storage: store.StorageOptions | None = None):
    """A :class:`LocalFolder`, or a :class:`~newsdistill.read.storage.RemoteFolder` for a URL."""
    directory = store.local_path(directory)
    return store.RemoteFolder(directory, storage) if store.is_url(directory) else LocalFolder(directory)


class ShardDir:
    """An output directory of shards, their completion markers and the run's manifest (a local
    folder or a prefix on object storage)."""

    def __init__(self, directory: str, fmt: str, manifest: dict[str, Any], storage: store.StorageOptions | None = None):
        if fmt not in EXTENSIONS:
            raise Fatal(errors.BAD_OPTION, f"unknown output format {fmt!r} (one of {', '.join(EXTENSIONS)})")
        self.storage = storage
        self.folder = open_folder(directory, storage)
        self.dir = self.folder.dir if isinstance(self.folder, LocalFolder) else self.folder.url
        self.fmt = fmt
        self.ext = EXTENSIONS[fmt]
        self._check_manifest(manifest)
        self.done: dict[int, dict[str, Any]] = {}
        names = set(self.folder.names("shard-*"))
        for marker in sorted(n for n in names if n.endswith(".done")):
            info = json.loads(self.folder.read_text(marker))
            if info["file"] in names:
                self.done[int(info["shard"])] = info
        self._writer = None
        self._current: int | None = None

    def _check_manifest(self, manifest: dict[str, Any]) -> None:
        path = self.folder.path(MANIFEST)
        if self.folder.exists(MANIFEST):
            old = json.loads(self.folder.read_text(MANIFEST))
            changed = sorted(k for k in set(old) | set(manifest) if k != "newsdistill" and old.get(k) != manifest.get(k))
            if changed:
                raise Fatal(errors.RESUME_MISMATCH,
                            f"{self.dir} holds the output of a run with other {', '.join(changed)} "
                            f"(see {path}); rerun with the same inputs and options to resume, or use another directory")
        else:
            if self.folder.names("shard-*"):
                raise Fatal(errors.RESUME_MISMATCH, f"{self.dir} holds shard files but no {MANIFEST}: use an empty directory")
            self.folder.write_text(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")

    # ---- names -----------------------------------------------------------------------------
    def data_name(self, shard: int) -> str:
        return f"shard-{shard:05d}.{self.ext}"

    def part_name(self, shard: int) -> str:
        return f"shard-{shard:05d}.part.{self.ext}"

    def data_path(self, shard: int):
        """The shard's file: a Path on disk, a URL string on object storage."""
        return self._where(self.data_name(shard))

    def part_path(self, shard: int):
        return self._where(self.part_name(shard))

    def marker_path(self, shard: int):
        return self._where(f"shard-{shard:05d}.done")

    def _where(self, name: str):
        return self.dir / name if isinstance(self.folder, LocalFolder) else self.folder.path(name)

    # ---- writing -----------------------------------------------------------------------------
    def open(self, shard: int):
        from ..write import open_writer

        if shard in self.done:
            raise Fatal(errors.INTERNAL, f"shard {shard} is already complete")
        self.abort()
        self._current = shard
        self._writer = open_writer(str(self.part_path(shard)), self.fmt, self.storage)
        return self._writer

    def resume_point(self) -> Start:
        """Where the plan continues: after the last document of the completed shards 0..k."""
        k = 0
        while k in self.done:
            k += 1
        if k == 0 or not self.done[k - 1].get("end"):
            return Start()
        file_index, file_doc = self.done[k - 1]["end"]
        return Start(k, file_index, file_doc)

    def complete(self, shard: int, summary: dict[str, Any], first_id: str | None, last_id: str | None,
                 end: tuple[int, int] | None = None) -> None:
        """Close shard ``shard`` and mark it complete (data durable before the marker exists)."""
        assert self._current == shard and self._writer is not None
        self._writer.close()  # on object storage: the part object is uploaded now, whole
        final = self.data_name(shard)
        self.folder.publish(self.part_name(shard), final)
        info = {"shard": shard, "file": final, "documents": summary["documents"], "written": summary["written"],
                "first_id": first_id, "last_id": last_id, "end": list(end) if end else None, "summary": summary}
        self.folder.write_text(f"shard-{shard:05d}.done", json.dumps(info, ensure_ascii=False) + "\n")
        self.done[shard] = info
        self._writer, self._current = None, None

    def abort(self) -> None:
        """Leave the shard being written incomplete (its part file is redone on the next run)."""
        if self._writer is not None:
            with contextlib.suppress(Exception):  # a half-written part file is redone anyway
                self._writer.close()
            self._writer, self._current = None, None

    def records(self, shard: int) -> Iterator[dict[str, Any]]:
        from ..write import read_records

        yield from read_records(str(self.data_path(shard)), self.storage)

    def completed_files(self) -> list:
        return [self.data_path(k) for k in sorted(self.done)]

    def remove_stale(self) -> None:
        """Delete what a killed run left: part files of unfinished shards, temporary files."""
        for name in self.folder.names("shard-*.part.*") + self.folder.names("*.tmp"):
            self.folder.remove(name)


def manifest_for(paths: list[str], files: list[str], options: dict[str, Any]) -> dict[str, Any]:
    from .. import __version__

    # inputs as the user gave them, less any credential in a URL (the file list's hash covers the rest)
    return {"format_version": FORMAT_VERSION, "newsdistill": __version__, "inputs": [store.redact(p) for p in paths],
            "files": {"count": len(files), "sha256": files_digest(files)}, "options": options}
