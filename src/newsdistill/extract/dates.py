"""Dates: every temporal expression, normalised relative to the publication date when known.

Candidates are the parser's DATE entities plus the named patterns of
:mod:`date_data`.  Common shapes (years, "October 11, 2015", "the end of
2017", weekdays) are normalised here; the rest go to dateparser (cached per
expression and anchor).  The anchor is ``doc.published`` only - never a
caption's date: a photo may come from another story.  Relative expressions
with no anchor are kept with ``relative: true`` and ``value: null``.

Each date: ``{span..., value, interval: {start, end} | null, granularity, relative, anchor}``;
``value`` is an ISO 8601 date (``2015-10-11``), month (``2015-10``), year (``2011``) or interval
(``2017-10-01/2017-12-31``, open: ``2011-01-01/..``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .. import timezones
from ..record import DateMention, Document
from . import date_data as data
from .nlp import ParsedStep, line_input_span, parse_extras, text_of

_YEAR = re.compile(r"^(?:the )?(?:year )?((?:1[5-9]|20)\d\d)$")
_DECADE = re.compile(r"^(?:the )?((?:1[5-9]|20)\d)0'?s$")
_MONTH_NAMES = "|".join(sorted(data.MONTHS, key=len, reverse=True))
_MDY = re.compile(rf"^(?:on )?({_MONTH_NAMES})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? ((?:19|20)\d\d))?$", re.I)
_DMY = re.compile(rf"^(?:on )?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_NAMES})\.?(?:,? ((?:19|20)\d\d))?$", re.I)
# a range of days in one month (rule date.day-range): "Dec. 18-19", "June 12–14, 2024", "18-19
# December", "March 3 to 5"; dateparser read "Dec. 18-19" as 18 December 1919
_MD_RANGE = re.compile(rf"^(?:on |from |between )?({_MONTH_NAMES})\.? (\d{{1,2}})(?:st|nd|rd|th)?"
                       rf" ?(?:-|\u2013|\u2014| to | and | through | until ) ?(\d{{1,2}})(?:st|nd|rd|th)?(?:,? ((?:19|20)\d\d))?$", re.I)
_DM_RANGE = re.compile(rf"^(?:on |from |between )?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? ?(?:-|\u2013|\u2014| to | and | until )"
                       rf" ?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_NAMES})\.?(?:,? ((?:19|20)\d\d))?$", re.I)
_YEAR_SPAN = re.compile(r"^(?:the )?(?:fiscal |financial year )?((?:19|20)\d\d)[-\u2013/]((?:19|20)?\d\d)"
                        r"(?: season| fiscal year| financial year| school year| academic year)?$")
_YEAR_SPAN_WORDS = re.compile(r"season|fiscal|financial|school|academic")
# two numbers alone ("1-2", "7/10"), with no year: no date read without the text saying the order
_BARE_NUMBERS = re.compile(r"^\d{1,2}[-\u2013/.]\d{1,2}$")
_MY = re.compile(rf"^(?:in )?(?:(last|this|next|early|mid|late|mid-) ?)?({_MONTH_NAMES})\.?(?:,? ((?:19|20)\d\d))?$", re.I)
_DAY = re.compile(r"^(?:late |early )?(last night|tonight|today|yesterday|tomorrow|this (?:morning|afternoon|evening))"
                  r"(?: (?:morning|afternoon|evening|night))?$", re.I)
_DAY_OFFSET = {"last night": -1, "yesterday": -1, "tomorrow": 1}
_PERIOD = re.compile(r"^(?:earlier |later |early |late )?(this|last|next) (week|month|year|weekend)$", re.I)
_SEASON = re.compile(r"^(?:in |during )?(?:the )?(last|this|next|past|coming) (spring|summer|autumn|fall|winter)$", re.I)
_ISO = re.compile(r"^((?:19|20)\d\d)-([01]\d)-([0-3]\d)$")
_PART = re.compile(r"^(?:at |by |in |until )?(?:the )?(" + "|".join(sorted(data.YEAR_PARTS, key=len, reverse=True))
                   + r")(?:-| of | )(?:the year )?((?:19|20)\d\d)$", re.I)
_WEEKDAY = re.compile(r"^(?:on |last |this |next |early |late )?(" + "|".join(data.WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?$", re.I)
_AGE = re.compile(data.AGE_DATE, re.I)
# a TIME entity naming a day ("Saturday night", "last night", "tonight") is a date too
_DAY_WORDS = re.compile(r"\b(?:" + "|".join(data.WEEKDAYS) + r"|tonight|yesterday|today|tomorrow|last night)\b", re.I)
_BARE_NUMBER = re.compile(r"\d{1,3}")  # "Rui Costa, 52," tagged DATE: an age, not a date (rule date.bare-number)
_PROBE_BASES = (dt.date(2001, 3, 14), dt.date(2013, 8, 27))


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_for(month: int, day: int, anchor: dt.date | None, direction: str | None = None) -> int | None:
    """The year of "October 11" said in an article published on ``anchor``: with a future verb the
    first on or after it ("will ban ... from September"), with a past verb the last on or before it,
    else the latest not far (31 days) after it."""
    if anchor is None:
        return None
    y = anchor.year
    try:
        if direction == "future":
            return y if dt.date(y, month, day) >= anchor else y + 1
        if direction == "past":
            return y if dt.date(y, month, day) <= anchor else y - 1
        if dt.date(y, month, day) > anchor + dt.timedelta(days=31):
            y -= 1
    except ValueError:
        return None
    return y


def _month_year_for(month: int, anchor: dt.date, direction: str | None) -> int:
    """The year of a bare month ("in September"): as :func:`_year_for`, by whole months."""
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    return _year_for(month, 1, anchor)


@lru_cache(maxsize=16384)
def normalise(expr: str, anchor: dt.date | None, direction: str | None = None) -> tuple[str | None, dict | None, str | None, bool, str]:
    """(value, interval, granularity, relative, rule) for one expression (without a since/until prefix).
    ``direction``: "future" or "past", the tense of the verb the expression modifies (:func:`direction`),
    which decides a month, day or weekday without a year or a "last"/"next"; the rule then ends in
    "+future" / "+past".  Cached: callers must not mutate the returned interval dict."""
    e = re.sub(r"\s+", " ", expr.strip().rstrip(".,")).replace("’", "'")
    e = re.sub(r"'s?$", "", e)  # "Monday's debate", "the 1990s'"
    low = e.lower()
    m = _YEAR.match(low)
    if m:
        y = int(m.group(1))
        return str(y), {"start": f"{y}-01-01", "end": f"{y}-12-31"}, "year", False, "date.year"
    m = _DECADE.match(low)
    if m:
        y = int(m.group(1)) * 10
        return f"{y}/{y + 9}", {"start": f"{y}-01-01", "end": f"{y + 9}-12-31"}, "decade", False, "date.decade"
    m = _ISO.match(low)
    if m:
        try:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return _iso(d), {"start": _iso(d), "end": _iso(d)}, "day", False, "date.iso"
        except ValueError:
            pass
    m = _MDY.match(e) or _DMY.match(e)
    if m:
        if m.re is _MDY:
            month, day = data.MONTHS[m.group(1).lower()], int(m.group(2))
        else:
            day, month = int(m.group(1)), data.MONTHS[m.group(2).lower()]
        year = int(m.group(3)) if m.group(3) else _year_for(month, day, anchor, direction)
        relative = not m.group(3)
        if year is None:
            return None, None, "day", True, "date.month-day"
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None, None, None, relative, "date.invalid"
        return _iso(d), {"start": _iso(d), "end": _iso(d)}, "day", relative, "date.month-day-year" + _way(relative, direction)
    m = _MD_RANGE.match(e) or _DM_RANGE.match(e)
    if m:
        if m.re is _MD_RANGE:
            month, first, last, written = data.MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3)), m.group(4)
        else:
            first, last, month, written = int(m.group(1)), int(m.group(2)), data.MONTHS[m.group(3).lower()], m.group(4)
        year = int(written) if written else _year_for(month, first, anchor, direction)
        relative = not written
        if year is None:
            return None, None, "day", True, "date.day-range"
        try:
            start, end = dt.date(year, month, first), dt.date(year, month, last)
        except ValueError:
            return None, None, None, relative, "date.invalid"
        if end < start:
            return None, None, None, relative, "date.invalid"
        return (f"{_iso(start)}/{_iso(end)}", {"start": _iso(start), "end": _iso(end)}, "day", relative,
                "date.day-range" + _way(relative, direction))
    m = _MY.match(e)
    if m:
        which = (m.group(1) or "").lower()
        month = data.MONTHS[m.group(2).lower()]
        year = int(m.group(3)) if m.group(3) else _year_for(month, 1, anchor)
        if year is None:
            return None, None, "month", True, "date.month"
        way = ""
        if not m.group(3) and anchor is not None and which.strip("-") not in ("last", "next", "this") and direction:
            year, way = _month_year_for(month, anchor, direction), _way(True, direction)
        elif not m.group(3) and anchor is not None:
            if which == "last" and (year, month) >= (anchor.year, anchor.month):
                year -= 1  # "last December" said in December or before: the one a year back
            elif which == "next" and (year, month) <= (anchor.year, anchor.month):
                year += 1
            elif which == "this":
                year = anchor.year
        v = f"{year}-{month:02d}"
        return v, {"start": f"{v}-01", "end": _iso(_month_end(year, month))}, "month", not m.group(3), "date.month-year" + way
    m = _DAY.match(e)
    if m:
        if anchor is None:
            return None, None, "day", True, "date.day-unanchored"
        d = anchor + dt.timedelta(days=_DAY_OFFSET.get(m.group(1).lower(), 0))
        return _iso(d), {"start": _iso(d), "end": _iso(d)}, "day", True, "date.day"
    m = _PERIOD.match(e)
    if m:
        if anchor is None:
            return None, None, m.group(2).lower().replace("weekend", "week"), True, "date.period-unanchored"
        step = {"this": 0, "last": -1, "next": 1}[m.group(1).lower()]
        unit = m.group(2).lower()
        if unit == "year":
            y = anchor.year + step
            return str(y), {"start": f"{y}-01-01", "end": f"{y}-12-31"}, "year", True, "date.period"
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
            v = f"{y}-{mo + 1:02d}"
            return v, {"start": f"{v}-01", "end": _iso(_month_end(y, mo + 1))}, "month", True, "date.period"
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        start, end = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if unit == "weekend" else \
            (monday, monday + dt.timedelta(days=6))
        return f"{_iso(start)}/{_iso(end)}", {"start": _iso(start), "end": _iso(end)}, "week", True, "date.period"
    m = _SEASON.match(e)
    if m:
        if anchor is None:
            return None, None, "part-of-year", True, "date.season-unanchored"
        first, last = data.YEAR_PARTS[m.group(2).lower()]
        y = anchor.year + {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m.group(1).lower(), 0)
        start, end = dt.date(y, first, 1), _month_end(y, last)
        return f"{_iso(start)}/{_iso(end)}", {"start": _iso(start), "end": _iso(end)}, "part-of-year", True, "date.season"
    m = _PART.match(e)
    if m:
        first, last = data.YEAR_PARTS[m.group(1).lower()]
        y = int(m.group(2))
        start, end = dt.date(y, first, 1), _month_end(y if last >= first else y + 1, last)
        return f"{_iso(start)}/{_iso(end)}", {"start": _iso(start), "end": _iso(end)}, "part-of-year", False, "date.part-of-year"
    m = _WEEKDAY.match(e)
    if m:
        if anchor is None:
            return None, None, "day", True, "date.weekday-unanchored"
        wd = data.WEEKDAYS[m.group(1).lower()]
        back = (anchor.weekday() - wd) % 7
        way = ""
        if low.startswith("next ") or (direction == "future" and not low.startswith(("last ", "this "))):
            # "we will have a plan by Friday": the coming Friday (a week on when published on a Friday)
            d = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
            way = "" if low.startswith("next ") else _way(True, direction)
        else:
            d = anchor - dt.timedelta(days=back or (7 if low.startswith("last ") else 0))
            way = "" if low.startswith("last ") else _way(True, direction)
        return _iso(d), {"start": _iso(d), "end": _iso(d)}, "day", True, "date.weekday" + way
    words = set(re.findall(r"[a-z]+", low))
    tokens = low.replace("-", " ").split()
    if tokens and tokens[-1] in data.DURATION_UNITS and not words & {"ago", "later", "earlier", "this"} \
            and all(t in data.DURATION_WORDS or t.replace(",", "").isdigit() for t in tokens[:-1]) \
            and not (len(tokens) == 2 and tokens[0] in ("last", "next")):
        return None, None, "duration", False, "date.duration"
    if words & data.NARRATIVE_WORDS and not words & {"this", "ago"}:
        # "two days later", "the day before": relative to the story's events, not to publication
        return None, None, None, True, "date.narrative-relative"
    return _dateparser(e, anchor, direction)


def _way(relative: bool, direction: str | None) -> str:
    """The rule suffix of a relative date read by its verb's tense."""
    return f"+{direction}" if relative and direction else ""


@lru_cache(maxsize=4096)
def _dateparser(expr: str, anchor: dt.date | None, direction: str | None = None) -> tuple[str | None, dict | None, str | None, bool, str]:
    low = expr.lower()
    words = set(re.findall(r"[a-z]+", low))
    relative = bool(words & (data.RELATIVE_WORDS | set(data.WEEKDAYS)))
    if not (re.search(r"\d", low) or words & (set(data.MONTHS) | set(data.WEEKDAYS) | data.RELATIVE_WORDS)):
        return None, None, None, relative, "date.unparsed"
    m = _YEAR_SPAN.match(low)
    if m:  # "2024-25", "the 2024/25 season", "1999-00": a season or a fiscal year across two years
        y1 = int(m.group(1))
        y2 = int(m.group(2)) if len(m.group(2)) == 4 else (y1 // 100) * 100 + int(m.group(2))
        if len(m.group(2)) == 2 and y2 < y1:
            y2 += 100  # "1999-00": the next century
        # a bare "2024-12" with a month number is December 2024 (below), not a span, unless the
        # text says season / fiscal or writes the slash
        month_like = len(m.group(2)) == 2 and "-" in low and 1 <= int(m.group(2)) <= 12 and not _YEAR_SPAN_WORDS.search(low)
        if y2 == y1 + 1 and not month_like:
            return f"{y1}/{y2}", {"start": f"{y1}-01-01", "end": f"{y2}-12-31"}, "year", False, "date.year-span"
    if _BARE_NUMBERS.match(low):
        # "1-2", "7/10": a score, a ratio or a day and month in an order the text does not say;
        # dateparser made "1-2" January 2
        return None, None, None, relative, "date.unparsed"
    if relative and anchor is None:
        return None, None, None, True, "date.relative-unanchored"
    import dateparser  # imported only when a date needs it

    def parse(base: dt.date):
        settings = {"PREFER_DATES_FROM": "future" if direction == "future" else "past", "RETURN_TIME_AS_PERIOD": False, "STRICT_PARSING": False,
                    "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12))}
        try:
            return dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(expr)
        except (ValueError, OverflowError, TypeError):
            return None

    # dateparser fills what an expression leaves open ("the 13th", "this fall") from its base date,
    # by default today: parse against two unrelated bases too, and call the expression relative when
    # they disagree - it is then resolved against the publication date only, never against today
    res = parse(anchor or _PROBE_BASES[0])
    if res is None or res.date_obj is None:
        return None, None, None, relative, "date.unparsed"
    probes = [res if anchor is None else parse(_PROBE_BASES[0]), parse(_PROBE_BASES[1])]
    if any(p is None or p.date_obj is None or p.date_obj.date() != probes[0].date_obj.date() for p in probes):
        relative = True
        if anchor is None:
            return None, None, None, True, "date.relative-unanchored"
    d = res.date_obj.date()
    period = res.period or "day"
    if period == "year":
        return str(d.year), {"start": f"{d.year}-01-01", "end": f"{d.year}-12-31"}, "year", relative, "date.dateparser" + _way(relative and direction == "future", direction)
    if period == "month":
        v = f"{d.year}-{d.month:02d}"
        return v, {"start": f"{v}-01", "end": _iso(_month_end(d.year, d.month))}, "month", relative, "date.dateparser" + _way(relative and direction == "future", direction)
    if period == "week":
        start = d - dt.timedelta(days=d.weekday())
        end = start + dt.timedelta(days=6)
        return f"{_iso(start)}/{_iso(end)}", {"start": _iso(start), "end": _iso(end)}, "week", relative, "date.dateparser" + _way(relative and direction == "future", direction)
    return _iso(d), {"start": _iso(d), "end": _iso(d)}, "day", relative, "date.dateparser" + _way(relative and direction == "future", direction)


def _anchor(doc: Document) -> dt.date | None:
    if not doc.published:
        return None
    try:
        return dt.date.fromisoformat(doc.published[:10])
    except ValueError:
        return None


_NAME_LABELS = {"ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART"}
_NUMBER = re.compile(r"\d{3,5}")
_WORD_NUMBER = re.compile(r"([A-Za-z][A-Za-z.]*) \d{1,5}[A-Za-z]?")


def name_number(sdoc, ent) -> bool:
    """A DATE entity that is a number inside a name (rule date.name-number): "Local 1190", "Flight
    1549", "Route 2019", "Boeing 7478" - after a word of ``NAME_NUMBER_WORDS`` or right after (or
    inside) an organisation, facility, product, law or work's name; never after a month, season or
    a word of ``YEAR_NAME_WORDS`` ("Christmas 2019", "fiscal 2024")."""
    m = _WORD_NUMBER.fullmatch(ent.text)
    if m is not None:
        return m.group(1).lower() in data.NAME_NUMBER_WORDS
    if not _NUMBER.fullmatch(ent.text) or ent.start == 0:
        return False
    prev = sdoc[ent.start - 1]
    low = prev.lower_
    if low in data.YEAR_NAME_WORDS or low in data.MONTHS or low in data.WEEKDAYS:
        return False
    return low in data.NAME_NUMBER_WORDS or (prev.ent_type_ in _NAME_LABELS and prev.idx + len(prev) + 1 >= ent.start_char)


def direction(sdoc, start: int, end: int) -> str | None:
    """Which way the verb that a date at ``[start, end)`` modifies points: "future" ("will ban ...
    from September", "plans to open on Friday", "is due by March"), "past" ("said on Saturday",
    "had left by Friday") or None (present tense, no verb: the default reading)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    for _ in range(8):  # up through prepositions and nouns to the clause's verb
        if verb.pos_ in ("VERB", "AUX") and not _zone_as_verb(verb) or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_direction(verb)


def _zone_as_verb(tok) -> bool:
    """A time-zone abbreviation the parser took for a verb ("opens at 9 a.m. IST on Friday": IST
    tagged VBN, with "on Friday" under it): the walk goes on up to the real verb."""
    return tok.text.isupper() and timezones.ZONE.fullmatch(tok.text) is not None


def _verb_direction(verb, depth: int = 0) -> str | None:
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in data.FUTURE_AUX for c in kids):
        return "future"
    # "plans to ban", "is expected to open", "is set to", "going to": an infinitive under a verb that points ahead
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in data.FUTURE_GOVERNORS:
        return _tense_of(verb.head) or "future"
    if any(c.dep_ in ("acomp", "xcomp", "oprd") and c.lemma_.lower() in data.FUTURE_GOVERNORS for c in kids) \
            or verb.lemma_.lower() in data.PASSIVE_SCHEDULERS and any(c.dep_ == "auxpass" for c in kids):
        return _tense_of(verb) if _tense_of(verb) == "past" else "future"
    own = _tense_of(verb)
    if own is None and verb.dep_ == "ccomp" and verb.head.tag_ == "VBD" \
            and any(c.dep_ == "aux" and c.lower_ in data.REPORTED_FUTURE_AUX for c in kids):
        # "the mayor said schools would stay closed on Tuesday": the future of a past report, which
        # news prints within days of it (published Monday: the coming Tuesday, not the last one)
        return "future"
    # "will start charging in October", "had stopped flying in May", "we expect customers to have
    # power back by Wednesday": a gerund or infinitive complement has no tense of its own; the
    # verb it completes has (a governor that points ahead: future)
    if own is None and depth < 3 and verb.head.pos_ in ("VERB", "AUX") and (
            verb.dep_ == "xcomp" and verb.tag_ in ("VBG", "VB")
            or verb.dep_ == "ccomp" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)):
        if verb.head.lemma_.lower() in data.FUTURE_GOVERNORS:
            return _tense_of(verb.head) if _tense_of(verb.head) == "past" else "future"
        return _verb_direction(verb.head, depth + 1)
    return own


def _tense_of(verb) -> str | None:
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in data.FUTURE_AUX for c in kids):
        return "future"
    if verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in data.PAST_AUX for c in kids):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in data.SCHEDULE_VERBS \
            and not any(c.dep_ in ("aux", "auxpass") for c in kids):
        return "future"  # "the ban takes effect in September": a timetable in the present tense
    return None


def _time_after(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(time, tz) of a clock time right after (or right before) a date: "Tuesday at 6:45 p.m. EDT"
    -> ("18:45:00-04:00", None), "... 9 a.m. CST" -> ("09:00:00", "CST") (ambiguous: kept as
    written, the time without an offset), no zone -> ("18:45:00", None); (None, None) when no time."""
    m = _TIME_AFTER.match(text, end)
    if m is None:
        m = _TIME_BEFORE.search(text, max(0, start - 32), start)
    if m is None:
        return None, None
    return clock(m["h"], m["m"], m["ap"], m["tz"])


def clock(h: str, minute: str | None, ap: str | None, zone: str | None) -> tuple[str | None, str | None]:
    """An ISO 8601 time of day (with the offset of an unambiguous zone) and the ambiguous zone."""
    hour, mins = int(h), int(minute or 0)
    if ap:
        if hour > 12:
            return None, None
        hour = hour % 12 + (12 if ap.lower() == "p" else 0)
    if hour > 23 or mins > 59:
        return None, None
    offset, ambiguous = timezones.zone(zone)
    return f"{hour:02d}:{mins:02d}:00{offset or ''}", ambiguous


_CLOCK = r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?:(?P<ap>[aApP])\.?\s?[mM]\b\.?)?"
_ZONE = r"(?:\s*\(?(?P<tz>" + "|".join(sorted([*timezones.TZ_OFFSETS, *timezones.TZ_AMBIGUOUS], key=len, reverse=True)) + r")\b\)?)?"
# "Tuesday at 6:45 p.m. EDT", "May 7, 2024, 18:45 GMT"; a bare number needs a.m./p.m. or a colon
_TIME_AFTER = re.compile(r",?\s*(?:at\s+|,\s*)?(?=\d{1,2}(?:[:.]\d{2}|\s*[aApP]\.?\s?[mM]\b))" + _CLOCK + _ZONE)
_TIME_BEFORE = re.compile(r"\b(?=\d{1,2}(?:[:.]\d{2}|\s*[aApP]\.?\s?[mM]\b))" + _CLOCK + _ZONE + r",?\s+(?:on\s+)?\Z")


def _candidates(sdoc, text: str) -> list[tuple[int, int, str]]:
    """(char start, char end, rule) of date expressions: parser DATE entities + named patterns."""
    out: list[tuple[int, int, str]] = []
    for rule, pat in data.PATTERNS.items():  # the full forms first: "12 May 2023" where the model saw "May 2023"
        for m in re.finditer(pat, text):
            if not any(s < m.end() and m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), rule))
    for ent in sdoc.ents:
        is_date = ent.label_ == "DATE" or (ent.label_ == "TIME" and _DAY_WORDS.search(ent.text) is not None)
        if is_date and not _AGE.fullmatch(ent.text) and not _BARE_NUMBER.fullmatch(ent.text) \
                and not name_number(sdoc, ent) \
                and not any(s < ent.end_char and ent.start_char < e for s, e, _ in out):
            out.append((ent.start_char, ent.end_char, "ner"))
    out.sort()
    return out


def _dates_in(sdoc, anchor: dt.date | None, caption: int | None) -> list[DateMention]:
    found = []
    text = text_of(sdoc)  # spaCy builds Doc.text from the tokens on every access
    for start, end, _rule in _candidates(sdoc, text):
        expr = text[start:end]
        value, interval, gran, relative, rule = normalise(expr, anchor)
        if relative and anchor is not None and value is not None:
            # only a relative date needs its verb's tense (the parse walk and a second, cached, read)
            way = direction(sdoc, start, end)
            if way is not None:
                value, interval, gran, relative, rule = normalise(expr, anchor, way)
        # "since 2011": one end of an open interval
        before = text[max(0, start - 12):start].lower().split()
        prep = before[-1] if before else ""
        interval = dict(interval) if interval is not None else None  # the cached result stays untouched
        if rule.startswith("date.day-range"):
            pass  # "from 3 to 5 March": the range closes itself, the preposition opens nothing
        elif interval is not None and prep in data.OPEN_START:
            interval = {"start": interval["start"], "end": None}
            value = f"{interval['start']}/.."
            rule += "+since"
        elif interval is not None and prep in data.OPEN_END and prep != "to":
            interval = {"start": None, "end": interval["end"]}
            value = f"../{interval['end']}"
            rule += "+until"
        used = _iso(anchor) if (relative and anchor is not None and value is not None) else None
        time, tz = _time_after(text, start, end) if gran == "day" else (None, None)
        found.append(DateMention(start, end, expr, value, interval, gran, relative, used, rule, caption, time=time, tz=tz))
    return found


def build_dates(doc: Document) -> list[DateMention]:
    anchor = _anchor(doc)  # the publication date only, never a caption's date
    dates = _dates_in(doc.nlp_doc, anchor, None)
    for d in dates:
        if doc.offset_map is not None:
            d.input_start, d.input_end = doc.to_input(d.start, d.end)
    captions = [(i, cap) for i, cap in enumerate(doc.captions) if cap.text.strip()]
    parses = parse_extras([cap.text for _, cap in captions]) if captions else []
    for (i, cap), view in zip(captions, parses):
        for d in _dates_in(view, anchor, i):
            found = line_input_span(doc, cap, d.start, d.end, d.text)
            if found is not None:
                d.input_start, d.input_end = found
            dates.append(d)
    return dates


class ExtractDates(ParsedStep):
    name = "dates"
    needs = ("nlp_doc",)
    adds = ("dates",)

    def build(self, doc: Document) -> list:
        return build_dates(doc)
