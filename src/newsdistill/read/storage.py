"""Where inputs and outputs live: local paths, or URLs through fsspec (``newsdistill[remote]``).

One small module shared by the readers (:mod:`.sources`), the writers (:mod:`newsdistill.write`)
and the shard directory (:mod:`newsdistill.engine.shards`):

* :func:`is_url` tells a URL (``s3://``, ``gs://``, ``https://``, ``memory://`` ...) from a local
  path; ``file://`` URLs are turned into local paths (:func:`local_path`) so that local files keep
  one code path (fsync, atomic rename) whatever they are called.
* :class:`StorageOptions` holds ``--storage-option KEY=VALUE`` pairs and turns them into the
  keyword arguments of each protocol's filesystem (:data:`ALIASES`); its ``repr`` never shows a
  secret.  What the options leave out comes from the usual environment variables and config
  files, read by s3fs/botocore (``AWS_*``, ``~/.aws``) and gcsfs (``GOOGLE_APPLICATION_CREDENTIALS``,
  gcloud) themselves.
* :func:`redact` and :func:`scrub` keep credentials out of records, manifests and messages.
* :class:`Prefetcher` fetches small remote files ahead, a batch of them in one async call: one GET
  per file costs a round trip, so single-document inputs would otherwise be read one round trip at
  a time.
* :class:`RemoteFolder` is a shard directory on object storage (see ``engine/shards.py``).
"""

from __future__ import annotations

import asyncio
import functools
import os
import re
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from typing import Any

from .. import errors
from ..errors import Fatal

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
READ_ONLY = frozenset({"http", "https"})  # fsspec's HTTP filesystem reads; it cannot list or write
OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs"})
EXTRA_HINT = "pip install 'newsdistill[remote]'"

# --storage-option keys that mean the same thing everywhere, per protocol: (the filesystem's
# keyword, the value's type).  "region" is nested in s3fs's client_kwargs; gcsfs has no anon flag
# but takes token="anon".  Any other key goes to the filesystem as it is (dots nest:
# client_kwargs.verify=false), so every s3fs/gcsfs option can be given.
ALIASES: dict[str, dict[str, tuple[str, str]]] = {
    "s3": {"endpoint_url": ("endpoint_url", "str"), "region": ("client_kwargs.region_name", "str"),
           "anon": ("anon", "bool"), "key": ("key", "str"), "secret": ("secret", "str"), "token": ("token", "str"),
           "profile": ("profile", "str"), "requester_pays": ("requester_pays", "bool")},
    "gs": {"endpoint_url": ("endpoint_url", "str"), "anon": ("token", "anon"), "token": ("token", "str"),
           "project": ("project", "str"), "requester_pays": ("requester_pays", "bool")},
}
ALIASES["s3a"] = ALIASES["s3"]
ALIASES["gcs"] = ALIASES["gs"]

# keys whose values are credentials: never shown (repr, messages)
SECRET_KEYS = re.compile(r"secret|password|passwd|token|credential|key", re.IGNORECASE)
# environment variables holding credentials that s3fs/gcsfs read themselves: scrubbed from messages too
SECRET_ENV = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ACCESS_KEY_ID")
# query parameters of signed URLs (S3 presigned, GCS signed, Azure SAS): redacted wherever a URL is written
SIGNED_QUERY = re.compile(r"^(x-amz-(signature|credential|security-token)|x-goog-(signature|credential)|"
                          r"signature|sig|token|access_token|awsaccesskeyid|googleaccessid|se|sp|sv)$", re.IGNORECASE)
SHOWN_SECRET = "***"
_MIN_SCRUBBED = 4  # shorter values ("1", "us") are no credentials, and replacing them would garble messages


def protocol(path: str) -> str | None:
    """``'s3'`` for ``s3://bucket/key``; None for a local path (and stdin)."""
    m = _SCHEME.match(path)
    return m.group(1).lower() if m else None


def is_url(path: str) -> bool:
    """A path that fsspec opens (``file://`` is not: see :func:`local_path`)."""
    proto = protocol(path)
    return proto is not None and proto != "file"


def local_path(path: str) -> str:
    """``file:///tmp/x`` -> ``/tmp/x``; every other path as it is."""
    if protocol(path) == "file":
        return urllib.parse.unquote(urllib.parse.urlsplit(path).path) + ("/" if path.endswith("/") else "")
    return path


def join(base: str, key: str) -> str:
    """``--base-url`` + one line of a path list (``crawl-data/CC-NEWS/...``, also with a leading
    '/'); lines that are URLs themselves stay as they are."""
    if protocol(key):
        return key
    return base.rstrip("/") + "/" + key.lstrip("/")


# ---- options and credentials -----------------------------------------------------------------
class StorageOptions(Mapping):
    """``--storage-option`` pairs (immutable, hashable); ``repr`` shows ``***`` for secrets."""

    __slots__ = ("_pairs",)

    def __init__(self, pairs: Iterable[tuple[str, str]] | Mapping[str, str] = ()):
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        self._pairs = tuple((str(k), str(v)) for k, v in items)

    @classmethod
    def parse(cls, items: Iterable[str]) -> StorageOptions:
        pairs = []
        for item in items:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise Fatal(errors.BAD_OPTION, f"--storage-option wants KEY=VALUE, not {_masked_item(item)!r}")
            pairs.append((key.strip(), value))
        return cls(pairs)

    def __getitem__(self, key: str) -> str:
        for k, v in reversed(self._pairs):
            if k == key:
                return v
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self._pairs))

    def __len__(self) -> int:
        return len(dict(self._pairs))

    def __hash__(self) -> int:
        return hash(self._pairs)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StorageOptions) and self._pairs == other._pairs

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={SHOWN_SECRET if SECRET_KEYS.search(k) else v!r}" for k, v in self._pairs)
        return f"StorageOptions({shown})"

    def __reduce__(self):  # pickles as its pairs (workers, Ray) - never through repr
        return StorageOptions, (self._pairs,)

    def secrets(self) -> list[str]:
        return [v for k, v in self._pairs if SECRET_KEYS.search(k) and len(v) >= _MIN_SCRUBBED]

    def for_protocol(self, proto: str) -> dict[str, Any]:
        """Keyword arguments of ``proto``'s fsspec filesystem.  ``PROTO:KEY`` applies to that protocol
        only; a plain KEY to every object store (s3, gs) and to other fsspec protocols, never to
        http(s), whose keyword arguments go to every request."""
        kwargs: dict[str, Any] = {}
        aliases = ALIASES.get(proto, {})
        for key, value in self._pairs:
            scope, sep, name = key.rpartition(":")
            if sep and scope.lower() != proto:
                continue
            if not sep and proto in READ_ONLY:
                continue
            target, kind = aliases.get(name, (name, "auto"))
            _nest(kwargs, target, _typed(value, kind, name))
        return kwargs


def _masked_item(item: str) -> str:
    key, _, value = item.partition("=")
    return f"{key}={SHOWN_SECRET}" if value and SECRET_KEYS.search(key) else item


def _typed(value: str, kind: str, name: str) -> Any:
    if kind == "str":
        return value
    if kind == "anon":  # gcsfs: anonymous access is token="anon"
        return "anon" if _bool(value, name) else None
    if kind == "bool" or value.lower() in ("true", "false"):
        return _bool(value, name)
    if re.fullmatch(r"-?\d+", value):  # retries=2, max_concurrency=16 (credentials are typed "str" above)
        return int(value)
    return value


def _bool(value: str, name: str) -> bool:
    low = value.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off", ""):
        return False
    raise Fatal(errors.BAD_OPTION, f"--storage-option {name}= wants true or false, not {value!r}")


def _nest(kwargs: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        kwargs = kwargs.setdefault(part, {})
    if value is None:
        kwargs.pop(last, None)
    else:
        kwargs[last] = value


def secret_values(storage: StorageOptions | None = None) -> list[str]:
    found = list(storage.secrets()) if storage else []
    found += [v for name in SECRET_ENV if len(v := os.environ.get(name, "")) >= _MIN_SCRUBBED]
    return found


def scrub(text: str, storage: StorageOptions | None = None) -> str:
    """``text`` (an error message) without any credential value and with URLs redacted."""
    for value in sorted(set(secret_values(storage)), key=len, reverse=True):
        text = text.replace(value, SHOWN_SECRET)
    return re.sub(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'\"]+", lambda m: redact(m.group(0)), text)


def redact(url: str) -> str:
    """``url`` without the user:password part and without the values of signing query parameters
    (a presigned URL is a credential for as long as it is valid)."""
    if not is_url(url):
        return url
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc.rpartition("@")[2] if "@" in parts.netloc else parts.netloc
    query = parts.query
    if query:
        pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
        if any(SIGNED_QUERY.match(k) for k, _ in pairs):
            query = "&".join(f"{k}={SHOWN_SECRET}" if SIGNED_QUERY.match(k) else f"{k}={v}" for k, v in pairs)
    if netloc == parts.netloc and query == parts.query:
        return url
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


# ---- errors ------------------------------------------------------------------------------------
# exceptions that mean "no connection to the endpoint" (botocore, aiohttp, sockets), by class name
# so that neither botocore nor aiohttp has to be imported to recognise them
_UNREACHABLE = frozenset({"EndpointConnectionError", "ConnectTimeoutError", "ConnectionClosedError",
                          "ClientConnectorError", "ClientConnectionError", "ServerDisconnectedError",
                          "ConnectionRefusedError", "FSTimeoutError", "ProxyConnectionError"})


def unreachable(exc: BaseException) -> bool:
    """True when ``exc`` says the storage endpoint cannot be reached (not: a missing or denied object)."""
    seen = 0
    while exc is not None and seen < 5:
        if any(cls.__name__ in _UNREACHABLE for cls in type(exc).__mro__):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def option_fatal(exc: TypeError, what: str, storage: StorageOptions | None = None) -> Fatal:
    """s3fs/gcsfs take their options lazily: an option they do not know fails at the first request."""
    return Fatal(errors.BAD_OPTION, f"a --storage-option is not accepted for {redact(what)}: {scrub(str(exc), storage)}")


def unreachable_fatal(exc: BaseException, what: str, storage: StorageOptions | None = None) -> Fatal:
    return Fatal(errors.STORAGE_UNAVAILABLE,
                 f"cannot reach the storage of {redact(what)}: {scrub(str(exc), storage)} "
                 "(check the endpoint, --storage-option endpoint_url=..., the network)")


# ---- filesystems -----------------------------------------------------------------------------
@functools.lru_cache(maxsize=32)
def _filesystem(proto: str, storage: StorageOptions):
    try:
        import fsspec
    except ImportError:
        raise Fatal(errors.MISSING_EXTRA, f"reading or writing {proto}:// URLs needs fsspec: {EXTRA_HINT}") from None
    try:
        # skip_instance_cache: our own cache is keyed by the options; fsspec's would also keep
        # filesystems made with other credentials alive in this process
        return fsspec.filesystem(proto, skip_instance_cache=True, **storage.for_protocol(proto))
    except ImportError as exc:
        raise Fatal(errors.MISSING_EXTRA, f"{proto}:// URLs need {exc.name or 'a package'}: {EXTRA_HINT}") from None
    except ValueError as exc:  # fsspec: "Protocol not known"
        raise Fatal(errors.BAD_OPTION, f"unknown storage protocol {proto}:// ({scrub(str(exc), storage)})") from None
    except TypeError as exc:  # an option the filesystem does not take
        raise Fatal(errors.BAD_OPTION, f"--storage-option not accepted by {proto}://: {scrub(str(exc), storage)}") from None


def filesystem(url: str, storage: StorageOptions | None = None):
    """The fsspec filesystem for ``url`` (one per protocol and options, reused)."""
    return _filesystem(protocol(url) or "file", storage or StorageOptions())


def _fs_url(fs, path: str, proto: str) -> str:
    """A path fsspec returned (``bucket/key``) as a URL again, with the protocol the user wrote."""
    return path if protocol(path) else f"{proto}://{path.lstrip('/')}"


def expand_url(url: str, storage: StorageOptions | None, wanted: Callable[[str], bool]) -> list[str]:
    """The files a URL names: a glob's matches, a folder's (``.../``) files that ``wanted``
    accepts (sorted, recursive), else the URL itself (a missing object becomes an error record
    when it is read)."""
    proto = protocol(url) or "file"
    fs = filesystem(url, storage)
    try:
        if any(c in url.split("://", 1)[1] for c in "*?[") and proto not in READ_ONLY:
            # as in a local folder or glob.glob: names starting with "." are left out
            found = sorted(p for p, info in fs.glob(url, detail=True).items() if info.get("type") != "directory"
                           and not p.rsplit("/", 1)[-1].startswith("."))
            if not found:
                raise Fatal(errors.NO_INPUT, f"no file matches {redact(url)!r}")
            return [_fs_url(fs, p, proto) for p in found]
        if url.endswith("/") and proto not in READ_ONLY:
            found = sorted(fs.find(url))
            names = [_fs_url(fs, p, proto) for p in found]
            return [n for n in names if wanted(n.rsplit("/", 1)[-1])]
    except Fatal:
        raise
    except FileNotFoundError as exc:
        raise Fatal(errors.NO_INPUT, f"no file matches {redact(url)!r} ({scrub(str(exc), storage)})") from None
    except PermissionError as exc:
        raise Fatal(errors.STORAGE_DENIED, f"not allowed to list {redact(url)}: {scrub(str(exc), storage)} "
                                           "(check the credentials: --storage-option key=/secret=, AWS_* variables)") from None
    except TypeError as exc:
        raise option_fatal(exc, url, storage) from None
    except Exception as exc:
        if unreachable(exc):
            raise unreachable_fatal(exc, url, storage) from None
        raise
    return [url]


def open_input(url: str, storage: StorageOptions | None = None):
    """A seekable binary file of the remote object (ranged reads: a WARC's record offsets are
    offsets in the object)."""
    return filesystem(url, storage).open(url, "rb")


def open_output(url: str, storage: StorageOptions | None = None):
    """A binary file that becomes the object ``url`` when closed (S3/GCS uploads are all or nothing:
    a run killed before ``close`` leaves no object, at most an unfinished multipart upload)."""
    proto = protocol(url)
    if proto in READ_ONLY:
        raise Fatal(errors.BAD_OPTION, f"{proto}:// is for reading; write to a local path or s3:// / gs://")
    return filesystem(url, storage).open(url, "wb")


# ---- reading ahead ---------------------------------------------------------------------------
# Small remote files are fetched in batches, each batch ONE coroutine on the filesystem's event loop
# that gathers the async ``_cat_file`` of its files (what fsspec's ``fs.cat(paths)`` does, without
# its sorting, de-duplicating and glob expansion of the paths).  The threads of the first version
# all funnelled into fsspec's single event loop anyway, and competed with the cleaning for the GIL.
# 16 x 2 in flight, plus the batch being read: at most 48 files held (each at most a document's
# size, 16 MiB), and none fetched more than 32 files past the one being read (local files between
# count: a mixed list does not fetch remote files thousands of positions ahead);
# more GETs at once gain nothing: botocore's pool opens at most 10 connections (max_pool_connections).
# Against the local S3 test server, batches used ~5% less client CPU than the 8 threads (6.1-6.6 s vs
# 6.7-6.9 s for 1,000 objects, docs/benchmarks.md "Remote storage"); the wall time is the machine's CPU.
FETCH_BATCH = 16  # files per batch: one async call
FETCH_AHEAD = 2  # batches in flight ahead of the file being read: the next one arrives while one is read


def _cat_options(url: str) -> dict[str, Any]:
    """One GET per object on S3: s3fs's default first asks the size (a HEAD) to split big objects
    into concurrent ranges, which doubles the requests for a small document (and halved the
    files/s read from the local S3 test server)."""
    return {"max_concurrency": 1} if protocol(url) in ("s3", "s3a") else {}


def read_bytes(url: str, storage: StorageOptions | None = None) -> bytes:
    """The whole object, in one GET on S3 (:func:`_cat_options`)."""
    return filesystem(url, storage).cat_file(url, **_cat_options(url))


async def _gather(fetch: Callable[[str], Any], urls: list[str]) -> list:
    # the coroutines are made here, in the loop: a batch cancelled before it starts leaves none unawaited
    done = await asyncio.gather(*(fetch(url) for url in urls), return_exceptions=True)
    # a fetch cancelled (a BaseException) is that file's failure, not the run's
    return [OSError(f"fetch cancelled: {r!r}") if isinstance(r, BaseException) and not isinstance(r, Exception) else r
            for r in done]


def fetch_batch(fs, urls: list[str]) -> Future:
    """A future of ``[bytes or the exception fetching it raised, ...]`` for ``urls`` (all on ``fs``),
    in their order: one coroutine on ``fs``'s event loop.  A filesystem without an async
    implementation (memory://) reads in the threads of fsspec's loop."""
    if getattr(fs, "async_impl", False):
        return asyncio.run_coroutine_threadsafe(_gather(lambda url: fs._cat_file(url, **_cat_options(url)), urls), fs.loop)
    import fsspec.asyn

    return asyncio.run_coroutine_threadsafe(_gather(lambda url: asyncio.to_thread(fs.cat_file, url), urls),
                                            fsspec.asyn.get_loop())


class Prefetcher:
    """Fetch ``files[i]`` for every ``i`` that ``wanted(i)`` accepts ahead of the reader, in batches
    of :data:`FETCH_BATCH` files of one filesystem (:func:`fetch_batch`), :data:`FETCH_AHEAD`
    batches in flight.  ``take(i)`` (``i`` rising) returns its bytes, or the exception its fetch
    raised (the reader makes it that file's error record, or a Fatal), or None for a file not
    fetched ahead."""

    def __init__(self, files: list[str], wanted: Callable[[int], bool], storage: StorageOptions | None,
                 start: int = 0):
        self.files, self.wanted, self.storage = files, wanted, storage
        self.next = start  # the first file not yet looked at
        self.reading = start  # the file the reader asked for last
        self.pending: deque[tuple[list[int], Future]] = deque()
        self.ready: dict[int, bytes | BaseException] = {}

    def _fill(self) -> None:
        end = min(len(self.files), self.reading + 1 + FETCH_AHEAD * FETCH_BATCH)
        while len(self.pending) < FETCH_AHEAD and self.next < end:
            batch: list[int] = []
            fs = None
            while self.next < end and len(batch) < FETCH_BATCH:
                i = self.next
                if self.wanted(i):
                    try:
                        here = filesystem(self.files[i], self.storage)
                    except Fatal as exc:  # raised when file i is read, as it would be when opened there
                        self.ready[i] = exc
                        self.next += 1
                        continue
                    if fs is not None and here is not fs:
                        break  # one filesystem (and one event loop) a batch
                    fs = here
                    batch.append(i)
                self.next += 1
            if batch:
                self.pending.append((batch, fetch_batch(fs, [self.files[i] for i in batch])))

    def take(self, index: int) -> bytes | BaseException | None:
        self.reading = index
        self.next = max(self.next, index)
        self._fill()
        while self.pending and self.pending[0][0][0] <= index:
            batch, future = self.pending.popleft()
            try:
                got = future.result()
            except Exception as exc:  # the batch as a whole failed (the loop is gone): every file's error
                got = [exc] * len(batch)
            self.ready.update(zip(batch, got))
        found = self.ready.pop(index, None)
        self._fill()
        return found

    def close(self) -> None:
        for _, future in self.pending:
            future.cancel()  # no GETs left running after a Fatal or an early stop
        self.pending.clear()
        self.ready.clear()


# ---- a folder of shards on object storage ----------------------------------------------------
class RemoteFolder:
    """The operations ``engine/shards.py`` needs, on an object store.

    An object is written by one PUT (or a multipart upload completed at close), so it appears
    whole or not at all, and S3 and GCS read and list consistently after a write.  "Rename" is a
    server-side copy followed by a delete: the copy is whole too.  Completion markers are objects
    written last, so a shard is complete exactly when its marker is listed."""

    def __init__(self, url: str, storage: StorageOptions | None = None):
        self.url = url.rstrip("/")
        self.storage = storage
        self.fs = filesystem(url, storage)

    def path(self, name: str) -> str:
        return f"{self.url}/{name}"

    def _call(self, what: str, fn, *args):
        try:
            return fn(*args)
        except TypeError as exc:
            raise option_fatal(exc, self.url, self.storage) from None
        except Exception as exc:
            if unreachable(exc):
                raise unreachable_fatal(exc, self.url, self.storage) from None
            raise

    def exists(self, name: str) -> bool:
        return self._call("exists", self.fs.exists, self.path(name))

    def read_text(self, name: str) -> str:
        return self._call("read", self.fs.cat_file, self.path(name)).decode("utf-8")

    def write_text(self, name: str, text: str) -> None:
        self._call("write", self.fs.pipe_file, self.path(name), text.encode("utf-8"))

    def names(self, pattern: str) -> list[str]:
        self.fs.invalidate_cache(self.url)  # listings are cached per filesystem: read them fresh
        found = self._call("list", self.fs.glob, f"{self.url}/{pattern}")
        return sorted(p.rstrip("/").rsplit("/", 1)[-1] for p in found)

    def publish(self, part: str, final: str) -> None:
        self._call("copy", self.fs.copy, self.path(part), self.path(final))
        self._call("delete", self.fs.rm_file, self.path(part))

    def remove(self, name: str) -> None:
        self._call("delete", self.fs.rm_file, self.path(name))

    def check_writable(self) -> None:
        """Write and delete a probe object (before any input is read)."""
        probe = f".newsdistill-probe-{os.getpid()}"
        self.write_text(probe, "")
        self.remove(probe)
