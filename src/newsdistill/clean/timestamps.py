"""Timestamps without a year (issue #14): "Mon Mar 4, 9:12 AM ET", "47 minutes ago", "Updated 10:05 a.m.".

News pages print when a story went up in forms the dateline rule (``rules.DATELINE``, which
needs a year) does not take.  :func:`timestamp_rule` names the rule a whole line matches
(``rules.RULE_TIMESTAMP_NO_YEAR``, ``..._RELATIVE``, ``..._TIME_ONLY``; the cleaner makes it a
metadata line of kind ``dateline`` under that rule, in plain-text and HTML mode alike), and
:func:`resolve` turns it into an ISO 8601 value against a known time, the anchor: the WARC fetch
date (``source.fetched``) or another time the record already has.  Without an anchor it gives
None: a year or a day is never guessed from the clock of the machine that runs the cleaner.
"""

from __future__ import annotations

import datetime as dt

from .. import isotime
from . import rules

_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"))} | {"sept": 9}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# a date without a year is taken in the anchor's year unless that puts it more than this many
# days after the anchor (a page fetched on 2 January that says "Dec 31" means last year's)
FUTURE_SLACK_DAYS = 2


def timestamp_rule(text: str) -> str | None:
    """The rule whose timestamp form the whole of ``text`` is, or None.  A month and day alone
    ("March 4") count only with a label, a weekday or a time ("Updated March 4", "Mon Mar 4",
    "Mar 4, 9:12 AM"); a clock time alone only with a label, a.m./p.m. or a zone ("Updated
    10:05", "10:05 a.m.", "10:05 ET"), so a lone "10:05" or a heading "March 4" stays text."""
    text = " ".join(text.split()).strip(" |\u00b7-")
    if not text or len(text) > rules.TIMESTAMP_MAX_CHARS or not any(c.isdigit() for c in text) and "ago" not in text.lower() \
            and not any(w in text.lower() for w in ("just now", "yesterday", "today")):
        return None
    m = rules.TIMESTAMP_RELATIVE.fullmatch(text)
    if m and (m["n"] or m["label"] or m["word"] not in ("today", "yesterday") or m["hour"] or m["hour24"]):
        return rules.RULE_TIMESTAMP_RELATIVE
    m = rules.TIMESTAMP_NO_YEAR.fullmatch(text)
    if m and (m["label"] or m["weekday"] or m["hour"] or m["hour24"]):
        return rules.RULE_TIMESTAMP_NO_YEAR
    m = rules.TIMESTAMP_TIME_ONLY.fullmatch(text)
    if m and (m["label"] or m["ampm"] or m["zone"]):
        return rules.RULE_TIMESTAMP_TIME_ONLY
    return None


def _anchor(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    return isotime.parse(value) or isotime.parse(value.strip()[:10])


def _clock(m) -> tuple[int, int] | None:
    if m["hour"]:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ampm"].lower() == "p" else 0)
    elif m["hour24"]:
        hour, minute = int(m["hour24"]), int(m["minute24"])
    else:
        return None
    return (hour, minute) if hour <= 23 and minute <= 59 else None


def _iso(day: dt.date, clock: tuple[int, int] | None) -> str:
    return day.isoformat() if clock is None else f"{day.isoformat()}T{clock[0]:02d}:{clock[1]:02d}:00"


def resolve(text: str, anchor) -> str | None:
    """``text`` (a line :func:`timestamp_rule` accepts) as ISO 8601 against ``anchor`` (an ISO
    string or a datetime: when the page was fetched); None without an anchor or when the
    timestamp names an impossible date.  Relative ones count back from the anchor and keep its
    UTC offset ("47 minutes ago" fetched at 2024-03-04T15:00:00Z -> 2024-03-04T14:13:00+00:00);
    a day count gives a date; a clock time is the local time the page prints (no offset)."""
    when = _anchor(anchor)
    rule = timestamp_rule(text)
    if when is None or rule is None:
        return None
    text = " ".join(text.split()).strip(" |\u00b7-")
    if rule == rules.RULE_TIMESTAMP_RELATIVE:
        m = rules.TIMESTAMP_RELATIVE.fullmatch(text)
        if m["word"]:
            word = m["word"].lower()
            if word.startswith(("just", "moment")):
                return when.isoformat(timespec="seconds")
            day = when.date() - dt.timedelta(days=1 if word == "yesterday" else 0)
            return _iso(day, _clock(m))
        n = 1 if m["n"].lower() in ("a", "an", "one") else int(m["n"])
        unit = m["unit"].lower()
        if unit.startswith("mo"):
            month = when.month - 1 - n
            year, month = when.year + month // 12, month % 12 + 1
            day = min(when.day, 28)  # a month back lands in a shorter month: the 28th at most
            return dt.date(year, month, day).isoformat()
        delta = dt.timedelta(**{_UNITS[unit[0]]: n})
        if unit[0] in "dw":
            return (when.date() - delta).isoformat()
        return (when - delta).replace(microsecond=0).isoformat(timespec="seconds")
    if rule == rules.RULE_TIMESTAMP_TIME_ONLY:
        return _iso(when.date(), _clock(rules.TIMESTAMP_TIME_ONLY.fullmatch(text)))
    m = rules.TIMESTAMP_NO_YEAR.fullmatch(text)
    month = _MONTHS[(m["month"] or m["month2"]).lower()[:4] if (m["month"] or m["month2"]).lower()[:4] == "sept"
                    else (m["month"] or m["month2"]).lower()[:3]]
    day = int(m["day"] or m["day2"])
    weekday = _WEEKDAYS.get((m["weekday"] or "").lower()[:3])
    limit = when.date() + dt.timedelta(days=FUTURE_SLACK_DAYS)
    candidates = []  # this year's and last year's, never one after the anchor (a timestamp is past)
    for year in (when.year, when.year - 1):
        try:
            day_ = dt.date(year, month, day)
        except ValueError:
            continue
        if day_ <= limit:
            candidates.append(day_)
    if not candidates:
        return None
    # the weekday picks between the two ("Mon Mar 4" fetched in March 2025: 2024's); when
    # neither fits, it is a misprint and the latest day stands
    fitting = [c for c in candidates if weekday is not None and c.weekday() == weekday]
    chosen = (fitting or candidates)[0]
    return _iso(chosen, _clock(m))
