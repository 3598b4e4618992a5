"""One run at a time per output folder: ``OUT/.newsdistill.lock``.

A run into a directory (``-o OUT/``) takes the lock before it reads the manifest and holds it
until its last shard, database row and CSV line are written.  Two runs in one folder would
otherwise both write ``shard-00000.part.*`` and rename each other's files away (the second one
ended in a ``FileNotFoundError`` traceback while the first kept writing).

How, on a local (or NFS) folder:

* the lock file is opened (created if missing) and locked with ``flock(LOCK_EX | LOCK_NB)``;
  the kernel drops that lock when its process dies, whatever the way (``kill -9``, out of memory);
* the holder writes ``{pid, host, started, command}`` into it, so a second run can say who holds
  the folder: ``Fatal(output-locked)``, exit 2;
* a lock file left by a holder that died on this host (its flock is gone, its pid is not
  running) is taken over with a warning; one that names another host is refused, as that run's
  state cannot be checked from here (the message says to delete the file once it is gone);
* the holder removes the file when the run ends (normally or by an exception).

On object storage (``s3://``, ``gs://``) there is no flock and no atomic create-if-absent that
every backend offers, so no lock is taken: :func:`lock_output` warns once and returns a lock that
holds nothing.  Two runs into the same prefix are then not detected: each writes whole objects
only (a shard's marker last), so neither sees half a shard, but both redo and overwrite the same
shards.  Give each run its own prefix.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

from .. import errors
from ..errors import Fatal

LOCK_NAME = ".newsdistill.lock"
log = logging.getLogger(__name__)

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: O_EXCL creation only (no stale detection by flock)
    fcntl = None  # type: ignore[assignment]


def is_remote(path: str) -> bool:
    """A URL of object storage or HTTP (anything fsspec opens; ``file://`` is a local path)."""
    from ..read.storage import is_url

    return is_url(str(path))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process holds that pid
        return True
    return True


def _describe(holder: dict[str, Any]) -> str:
    return (f"pid {holder.get('pid', '?')} on host {holder.get('host', '?')}, started "
            f"{holder.get('started', '?')}")


class OutputLock:
    """``with OutputLock(folder): ...``: the folder is this process's until the block ends."""

    def __init__(self, folder: str | os.PathLike, warn=None):
        self.path = Path(folder) / LOCK_NAME
        self._fd: int | None = None
        self._warn = warn or _warn

    # ---- taking it -------------------------------------------------------------------------
    def acquire(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(10):  # another run may remove or replace the file between open and flock
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                if fcntl is not None:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except OSError as exc:
                        if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                            raise
                        raise Fatal(errors.OUTPUT_LOCKED, self._held_message(self._read(fd))) from None
                if not self._same_file(fd):
                    os.close(fd)  # the holder removed this file after our open: lock the new one
                    continue
                self._take_over(self._read(fd))
                self._write(fd)
                self._fd = fd
                return self
            except BaseException:
                if self._fd != fd:
                    os.close(fd)
                raise
        raise Fatal(errors.OUTPUT_LOCKED, f"{self.path} keeps changing: another run is starting in {self.path.parent}")

    def _same_file(self, fd: int) -> bool:
        try:
            return os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            return False

    def _held_message(self, holder: dict[str, Any] | None) -> str:
        who = _describe(holder) if holder else "a run that has not written its name yet"
        return (f"{self.path.parent} is in use by another newsdistill run ({who}); wait for it to end, "
                f"or write to another folder")

    def _take_over(self, holder: dict[str, Any] | None) -> None:
        """We hold the flock: a name in the file is a holder that did not clean up (it died)."""
        if not holder:
            return
        here = socket.gethostname()
        pid = holder.get("pid")
        if holder.get("host") != here:
            # flock over NFS is not trusted across hosts: that run may still be writing
            raise Fatal(errors.OUTPUT_LOCKED,
                        f"{self.path.parent} is locked by a run on another host ({_describe(holder)}); "
                        f"if that run is gone, delete {self.path} and rerun")
        if fcntl is None and isinstance(pid, int) and _alive(pid):  # no flock to tell: trust the pid
            raise Fatal(errors.OUTPUT_LOCKED, self._held_message(holder))
        # holding the flock, a pid that still runs is a reused one: the holder it named is gone
        self._warn(f"taking over the lock of a run that is no longer running ({_describe(holder)}): "
                   f"its unfinished shard is redone")

    @staticmethod
    def _read(fd: int) -> dict[str, Any] | None:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 65536)
        try:
            holder = json.loads(data) if data.strip() else None
        except ValueError:
            # half a name: a holder that died while writing it (it is a few dozen bytes, one write)
            return {"pid": "?", "host": socket.gethostname(), "started": "? (unreadable lock file)"}
        return holder if isinstance(holder, dict) else None

    def _write(self, fd: int) -> None:
        info = {"pid": os.getpid(), "host": socket.gethostname(),
                "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "command": " ".join(sys.argv)[:500]}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, (json.dumps(info) + "\n").encode())
        os.fsync(fd)

    # ---- giving it back ------------------------------------------------------------------------
    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if self._same_file(fd):
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()  # removed while still locked: no run can lock this inode after us
        finally:
            os.close(fd)

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


class NoLock:
    """What :func:`lock_output` gives on object storage: nothing is held (see the module's doc)."""

    def __enter__(self) -> NoLock:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def release(self) -> None:
        pass


def _warn(message: str) -> None:
    print(f"newsdistill: warning: {message}", file=sys.stderr)


def lock_output(folder: str, warn=None) -> OutputLock | NoLock:
    """The lock of output folder ``folder`` (a local path, or a URL: then nothing is locked)."""
    if is_remote(folder):
        (warn or _warn)(f"{folder} is on object storage, where newsdistill cannot lock a folder: "
                        f"make sure no other run writes there")
        return NoLock()
    from ..read.storage import local_path

    return OutputLock(local_path(str(folder)), warn)
