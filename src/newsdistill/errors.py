"""Error kinds.  Every input yields one record; errors say which kind they are.

* :class:`BadRecord` - one document is unusable (binary, empty, not an object);
  the run writes an error record for it and goes on.
* :class:`BadShard` - a whole input file is unusable or breaks mid-way
  (unreadable, truncated gzip); the run writes an error record carrying the
  path (and the line/offset reached) and goes on with the next file.
* :class:`Fatal` - the run itself cannot go on (bad arguments, missing model);
  raised to the caller, the CLI exits non-zero.
"""

from __future__ import annotations


class NewsdistillError(Exception):
    kind = "record"

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class BadRecord(NewsdistillError):
    kind = "record"


class BadShard(NewsdistillError):
    kind = "shard"

    def __init__(self, code: str, message: str, offset: int | None = None):
        super().__init__(code, message)
        self.offset = offset  # byte offset in the file where it broke, when known


class Fatal(NewsdistillError):
    kind = "fatal"


# error codes written into records (documented in docs/record-format.md)
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
