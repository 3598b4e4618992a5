"""ISO 8601 times as inputs write them, read one way for every reader (HTML metadata, JSONL
fields, WARC fetch dates, the cleaner's anchors): "Z" is UTC, fractions of a second are dropped
on output, and a naive midnight is a day without a time (what a CMS writes when it has none)."""

from __future__ import annotations

import datetime as dt


def parse(value: str) -> dt.datetime | None:
    """``value`` as a datetime ("2024-06-12T18:45:00Z", "2024-06-12 18:45", "2024-06-12",
    "...+0200"), None when it is no ISO 8601 date."""
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def is_day_only(stamp: dt.datetime) -> bool:
    """No time was given: a naive midnight (with an offset, midnight is a time)."""
    return stamp.tzinfo is None and stamp.time() == dt.time()


def text(stamp: dt.datetime) -> str:
    """``stamp`` as "YYYY-MM-DDTHH:MM:SS" with its offset, whole seconds; the day alone when
    :func:`is_day_only`."""
    return stamp.date().isoformat() if is_day_only(stamp) else stamp.replace(microsecond=0).isoformat()
