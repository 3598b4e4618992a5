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
TOO_SLOW = "timeout"
INTERNAL = "internal-error"
