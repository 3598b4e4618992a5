"""Checks of the CLI's file options before any document is read (docs/cli.md "Paths").

Every output option (``-o``, ``--csv-dir``, ``--db``, ``--summary-json``) either works or stops
the command with one line and exit code 2 (:class:`PathError`): a missing parent folder is
created; a path under a regular file, a directory where a file is wanted (or the reverse), a
path that cannot be written (``/proc/...``, read-only) are refused.  Inputs that must exist
(``index FILE``, ``serve DB``, the corpus commands' ``--db``) are checked the same way.
"""

from __future__ import annotations

import os
import tempfile

import click

SQLITE_HEADER = b"SQLite format 3\x00"

# exit codes (docs/cli.md "Exit codes"; stated in the group's --help)
EXIT_OK = 0  # at least one document distilled, or the command did its job
EXIT_FAILED = 1  # nothing could be distilled, or a runtime failure
EXIT_USAGE = 2  # a usage error found before any document is processed


class PathError(click.ClickException):
    """A file option that cannot be used: one line ``Error: ...`` on stderr, exit code 2."""

    exit_code = EXIT_USAGE


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _file_in_the_way(path: str) -> str | None:
    """The first part of ``path`` that exists as something other than a folder."""
    parts = os.path.normpath(path).split(os.sep)
    for i in range(1, len(parts) + 1):
        head = os.sep.join(parts[:i]) or os.sep
        if os.path.exists(head) and not os.path.isdir(head):
            return head
    return None


def make_folder(path: str, option: str, shown: str | None = None) -> None:
    """Create ``path`` (and its parents) as a folder, or raise :class:`PathError` saying why not
    (about ``shown``, the option's value, when ``path`` is its parent folder)."""
    shown = shown or path
    if os.path.isdir(path):
        return
    if (blocker := _file_in_the_way(path)) is not None:
        raise PathError(f"{option} {shown}: {blocker} is a file, not a folder")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as exc:
        raise PathError(f"{option} {shown}: cannot create the folder {path} ({_reason(exc)})") from None


def writable_folder(path: str, option: str) -> None:
    """``path`` is (made) a folder that a file can be written into."""
    make_folder(path, option)
    try:
        with tempfile.NamedTemporaryFile(dir=path, prefix=".newsdistill-probe-"):
            pass
    except OSError as exc:
        raise PathError(f"{option} {path}: cannot write into this folder ({_reason(exc)})") from None


def writable_file(path: str, option: str) -> None:
    """``path`` can be written as a file: its parent folder is created when missing; an existing
    file is left as it is (opened for appending, then closed), a new one is created and removed."""
    if path == "-":
        return
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        raise PathError(f"{option} {path}: is a folder, a file is wanted here")
    parent = os.path.dirname(path)
    if parent:
        make_folder(parent, option, shown=path)
    existed = os.path.exists(path)
    try:
        with open(path, "ab"):
            pass
    except OSError as exc:
        raise PathError(f"{option} {path}: cannot write this file ({_reason(exc)})") from None
    if not existed:
        os.unlink(path)


def sqlite_file(path: str, option: str, *, must_exist: bool) -> None:
    """A corpus database path: an existing one must be a SQLite file; a new one must be creatable."""
    if must_exist or os.path.exists(path):
        if os.path.isdir(path):
            raise PathError(f"{option} {path}: is a folder, not a corpus database")
        if not os.path.exists(path):
            raise PathError(f"{option} {path}: no such file (create a corpus database with `newsdistill index out.jsonl --db {path}`)")
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise PathError(f"{option} {path}: cannot read this file ({_reason(exc)})") from None
        if head and head != SQLITE_HEADER:
            raise PathError(f"{option} {path}: not a corpus database (not a SQLite file)")
        _corpus_tables(path, option, empty_ok=not must_exist)
    if not must_exist:
        writable_file(path, option)


def _corpus_tables(path: str, option: str, *, empty_ok: bool) -> None:
    """An existing SQLite file is a corpus database only if it holds the store's
    ``meta.schema_version``; one without any table (an empty file included) is a new database,
    fine to write into (``empty_ok``) but nothing to read.  Another program's database is
    refused: the corpus commands would fail on its missing tables, and ``run --db`` would
    write corpus tables into it."""
    import sqlite3

    from .corpus.store import schema_version

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = schema_version(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise PathError(f"{option} {path}: not a corpus database ({exc})") from None
    if version is not None:
        return
    if not tables and empty_ok:
        return
    if not tables:
        raise PathError(f"{option} {path}: an empty database (create a corpus database with "
                        f"`newsdistill index out.jsonl --db {path}`)")
    raise PathError(f"{option} {path}: not a corpus database (a SQLite database of another program: "
                    f"no newsdistill schema_version)")


def input_file(path: str, what: str) -> None:
    """An input that must be an existing, readable file."""
    if os.path.isdir(path):
        raise PathError(f"{what} {path}: is a folder, a file is wanted here")
    if not os.path.exists(path):
        raise PathError(f"{what} {path}: no such file")
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise PathError(f"{what} {path}: cannot read this file ({_reason(exc)})") from None


def remote_output(url: str, option: str, storage, *, folder: bool) -> None:
    """``-o`` on object storage (``s3://bucket/out/``): a probe object is written and deleted in the
    folder (or beside the file) before any input is read; a missing bucket, refused credentials or
    an endpoint that does not answer stop the command here (exit 2)."""
    from .errors import Fatal
    from .read import storage as store

    if store.protocol(url) in store.READ_ONLY:
        raise PathError(f"{option} {store.redact(url)}: {store.protocol(url)}:// is for reading; write to s3:// or gs://")
    where = url if folder else url.rsplit("/", 1)[0]
    try:
        store.RemoteFolder(where, storage).check_writable()
    except Fatal as exc:
        raise PathError(f"{option} {store.redact(url)}: {exc.message}") from None
    except FileNotFoundError as exc:
        raise PathError(f"{option} {store.redact(url)}: no such bucket or location ({store.scrub(str(exc), storage)})") from None
    except PermissionError as exc:
        raise PathError(f"{option} {store.redact(url)}: not allowed to write there ({store.scrub(str(exc), storage)}; "
                        "check the credentials)") from None
    except OSError as exc:
        raise PathError(f"{option} {store.redact(url)}: cannot write there ({store.scrub(str(exc), storage)})") from None
