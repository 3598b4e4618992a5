"""Error kinds.  Every input yields one record; errors say which kind they are.

* :class:`BadRecord` - one document is unusable (binary, empty, not an object);
  the run writes an error record for it and goes on.
* :class:`BadShard` - a whole input file is unusable or breaks mid-way
  (unreadable, truncated gzip); the run writes an error record carrying the
  path (and the line/offset reached) and goes on with the next file.
* :class:`Fatal` - the run itself cannot go on (bad arguments, missing model);
  raised to the caller, the CLI exits non-zero.  Its codes are the second block
  of constants below.
"""

from __future__ import annotations


class NewsdistillError(Exception):
    kind = "record"

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def __reduce__(self):
        # rebuilt from code and message: a worker process's error reaches the parent as itself
        # (Exception's default pickling passes only the one formatted string to __init__)
        return _rebuild, (type(self), self.__dict__)


def _rebuild(cls, state: dict):
    exc = cls.__new__(cls)
    NewsdistillError.__init__(exc, state["code"], state["message"])
    exc.__dict__.update(state)
    return exc


class BadRecord(NewsdistillError):
    kind = "record"


class BadShard(NewsdistillError):
    kind = "shard"

    def __init__(self, code: str, message: str, offset: int | None = None):
        super().__init__(code, message)
        self.offset = offset  # byte offset in the file where it broke, when known


class Fatal(NewsdistillError):
    kind = "fatal"


# ---- record codes: written into error records (kind record/shard; docs/record-format.md "Error codes")
EMPTY = "empty-input"
BINARY = "binary-input"
NOT_TEXT = "not-text"
BAD_JSON = "bad-json"
NOT_OBJECT = "not-an-object"
MISSING_FIELD = "missing-text-field"
UNREADABLE = "unreadable-file"
TRUNCATED = "truncated-file"
TOO_LARGE = "too-large"
NOT_HTML = "not-html"  # a WARC response whose content is not an HTML page (image, PDF, JSON, ...)
HTTP_STATUS = "http-status"  # a WARC response with a non-2xx HTTP status (redirect, error page)
NO_CONTENT = "no-content"  # an HTML page in which the extractor finds no main text
TOO_DEEP = "nested-too-deep"  # an HTML page nested deeper than the parser builds (nesting bomb)
TOO_SLOW = "timeout"
INTERNAL = "internal-error"

# ---- fatal codes: carried by Fatal, which stops the run; never written into a record
# (docs/record-format.md "Fatal errors").  INTERNAL above is also a Fatal code, for a broken
# invariant of the run itself (a shard completed twice, Ray returning documents out of order).
BAD_OPTION = "bad-option"  # an option or option combination the run cannot honour
RESUME_MISMATCH = "resume-mismatch"  # a shard directory from another command, or shards without a manifest
WORKER_DIED = "worker-died"  # worker processes keep dying: more than engine.local.MAX_CONSECUTIVE_DEATHS in a row
NO_DATABASE = "no-database"  # no corpus database given, or none at the path
OLD_DATABASE = "old-database"  # a corpus database whose store schema this version cannot migrate to its own
MODEL_UNAVAILABLE = "model-unavailable"  # the spaCy pipeline is not installed (nothing downloads)
SPAN_MODEL_UNAVAILABLE = "span-model-unavailable"  # the MiniLM span model or its extra is missing
MISSING_EXTRA = "missing-extra"  # an optional dependency (extra) is not installed, e.g. Ray
RAY_UNAVAILABLE = "ray-unavailable"  # the Ray cluster cannot be started or joined
NO_INPUT = "no-input"  # an input glob that matches no file
OUTPUT_LOCKED = "output-locked"  # another run holds the output folder's lock (engine/lock.py)
STORAGE_UNAVAILABLE = "storage-unavailable"  # a storage endpoint (S3, GCS, HTTP) that cannot be reached
STORAGE_DENIED = "storage-denied"  # the storage refuses the credentials for listing inputs
BAD_PIPELINE = "bad-pipeline"  # a step needs a field that no earlier step adds
