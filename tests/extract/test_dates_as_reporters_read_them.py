"""Dates read the way a reporter reads them (#16), each class over several small articles.

* Tense decides which way a date without a year points: a future verb ("will ban ... from
  September", "is expected to", "plans to") takes the next one, a past verb the last one.
* A weekday with a future verb is the coming one ("a plan by Friday"); with a past verb the last.
* A number inside a name is no date ("Local 1190", "Route 2019", "Flight 1549"); years stay years.
* Time zones are kept: an unambiguous abbreviation becomes an ISO 8601 offset (in ``published``
  and in a date's ``time``), an ambiguous one (CST, IST) is kept as written in ``published_tz`` /
  the date's ``tz``.
"""

from __future__ import annotations

from functools import cache

import pytest

import newsdistill
from newsdistill import timezones


@cache
def dates_of(text: str, published: str | None) -> dict[str, tuple]:
    doc = newsdistill.distill(text, published=published, attribution_model="fast")
    assert doc.status == "ok", doc.error
    return {d.text: (d.value, d.rule, d.time, d.tz) for d in doc.dates}


def value_of(text: str, published: str, expr: str) -> str | None:
    found = dates_of(text, published)
    assert expr in found, f"{expr!r} not found as a date in {text!r}: {found}"
    return found[expr][0]


# (article, published, expression, value)
TENSE_MONTHS = [
    ("France will ban disposable vapes from September, the health minister said.", "2024-05-07", "September",
     "2024-09-01/.."),
    ("The ministry said the new terminal is expected to open in August, after two years of delays.", "2024-05-07",
     "August", "2024-08"),
    ("The council plans to raise bus fares in January, officials said on Tuesday.", "2024-11-20", "January",
     "2025-01"),
    ("Parliament will vote on the budget on March 3, the speaker said.", "2024-05-07", "March 3", "2025-03-03"),
    ("The factory closed on May 20 after a fire, the company said.", "2024-05-07", "May 20", "2023-05-20"),
    ("Inflation had fallen to 3% in June, the central bank said in its report.", "2024-05-07", "June", "2023-06"),
    # a gerund or infinitive complement takes the tense of the verb it completes
    ("The company will start charging for the service in October, its chief executive said.", "2024-05-07",
     "October", "2024-10"),
    ("The airline will begin flying to Lagos in February, it said.", "2024-05-07", "February", "2025-02"),
    ("The carrier had stopped flying the route in June, the regulator said.", "2024-05-07", "June", "2023-06"),
]


# a timetable in the present tense points ahead; other present verbs keep the default reading
PRESENT_TIMETABLE = [
    ("The ban takes effect in September, the ministry said.", "2024-05-07", "September", "2024-09"),
    ("The offer expires in June, the union said.", "2024-07-20", "June", "2025-06"),
    ("The festival opens on May 30 in Cannes, organisers said.", "2024-07-01", "May 30", "2025-05-30"),
    ("The minister visits Kenya on Thursday, her office said.", "2024-05-07", "Thursday", "2024-05-09"),
]


@pytest.mark.parametrize(("text", "published", "expr", "value"), PRESENT_TIMETABLE)
def test_a_timetable_in_the_present_points_ahead(text, published, expr, value):
    assert value_of(text, published, expr) == value


@pytest.mark.parametrize(("text", "published", "expr", "value"), TENSE_MONTHS)
def test_tense_decides_the_year_of_a_month_or_day(text, published, expr, value):
    assert value_of(text, published, expr) == value


# published on Tuesday 2024-05-07
WEEKDAYS = [
    ('"We will have a plan by Friday," the mayor told reporters.', "Friday", "../2024-05-10"),
    ("The union will meet again on Tuesday to decide on the offer, its leader said.", "Tuesday", "2024-05-14"),
    ("The commission is due to publish its findings on Thursday, a spokesman said.", "Thursday", "2024-05-09"),
    ("The minister said on Saturday that the talks had stalled.", "Saturday", "2024-05-04"),
    ("Most of the residents had left by Friday, the police said.", "Friday", "../2024-05-03"),
    # an infinitive under a verb that points ahead, inside a quote
    ('"We expect most customers to have power back by Thursday," a spokeswoman said.', "Thursday", "../2024-05-09"),
    # the future of a past report: "said ... would" points to the coming day
    ("The mayor said schools would stay closed on Friday.", "Friday", "2024-05-10"),
    ("Officials said the bridge would reopen on Monday after repairs.", "Monday", "2024-05-13"),
    # a past report of the past stays in the past
    ("The mayor said schools had stayed closed on Friday.", "Friday", "2024-05-03"),
    # a timetable passive, and a clock time with its zone before the day
    ("The launch is set for 6:45 p.m. EDT on Thursday, NASA said.", "Thursday", "2024-05-09"),
    ("The hearing is scheduled for Friday, court officials said.", "Friday", "2024-05-10"),
    ("The hearing was set for Monday but was delayed.", "Monday", "2024-05-06"),
    ("A second launch window opens at 9 a.m. IST on Friday.", "Friday", "2024-05-10"),  # IST parsed as a verb
]


@pytest.mark.parametrize(("text", "expr", "value"), WEEKDAYS)
def test_tense_decides_which_weekday(text, expr, value):
    assert value_of(text, "2024-05-07", expr) == value


NAME_NUMBERS = [
    ("Members of Amalgamated Transit Union Local 1190 voted to strike on Monday, the union said.", "1190"),
    ("Buses on Route 2019 were diverted after the crash, the transit authority said.", "2019"),
    ("Flight 1549 landed safely in the river, the airline said in a statement.", "1549"),
    ("The grant went to Teamsters Local 2010, which represents university workers.", "2010"),
]


@pytest.mark.parametrize(("text", "number"), NAME_NUMBERS)
def test_numbers_inside_names_are_not_dates(text, number):
    found = dates_of(text, "2024-05-07")
    assert not [t for t in found if number in t], found


YEARS = [
    ("The bridge was built in 1890 and closed in 2019, the city said.", "1890", "1890"),
    ("Sales fell over Christmas 2019, the retailer said.", "Christmas 2019", None),
    ("Turnout in the US 2020 election was the highest in a century, researchers said.", "2020", "2020"),
]


@pytest.mark.parametrize(("text", "expr", "value"), YEARS)
def test_years_stay_years(text, expr, value):
    found = dates_of(text, "2024-05-07")
    assert any(expr in t for t in found), found
    if value is not None:
        assert found[expr][0] == value


PUBLISHED = [
    ("Published May 7, 2024 6:45 p.m. EDT", "2024-05-07T18:45:00-04:00", None),
    ("Updated: 7 May 2024 18:45 GMT", "2024-05-07T18:45:00+00:00", None),
    ("May 7, 2024 at 9:10 a.m. PDT", "2024-05-07T09:10:00-07:00", None),
    ("May 7, 2024 at 9:10 a.m. CST", "2024-05-07T09:10:00", "CST"),
    ("May 7, 2024 6:45 PM IST", "2024-05-07T18:45:00", "IST"),
    ("May 7, 2024 6:45 p.m.", "2024-05-07T18:45:00", None),
]


@pytest.mark.parametrize(("line", "published", "tz"), PUBLISHED)
def test_the_datelines_time_zone_is_kept(line, published, tz):
    text = f"Port strike enters second day\n{line}\n\nDock workers walked off the job on Monday, the harbour authority said."
    doc = newsdistill.distill(text, attribution_model="fast")
    assert (doc.published, doc.published_tz) == (published, tz)
    record = doc.to_dict()
    assert (record["published"], record["published_tz"]) == (published, tz)


TIMES = [
    ("The council will vote on Thursday at 6:45 p.m. EDT, the clerk said.", "Thursday", "18:45:00-04:00", None),
    ("The meeting ended on Monday at 9 a.m. CST, she said.", "Monday", "09:00:00", "CST"),
    ("Polls closed at 8 p.m. BST on Thursday, the commission said.", "Thursday", "20:00:00", "BST"),
    ("The summit opens on Wednesday at 14:30 CET, diplomats said.", "Wednesday", "14:30:00+01:00", None),
    ("The vote is on Friday, the clerk said.", "Friday", None, None),
]


@pytest.mark.parametrize(("text", "expr", "time", "tz"), TIMES)
def test_a_dates_clock_time_keeps_its_zone(text, expr, time, tz):
    found = dates_of(text, "2024-05-07")
    assert expr in found, found
    assert found[expr][2:] == (time, tz)


def test_zone_table():
    assert timezones.zone("EDT") == ("-04:00", None)
    assert timezones.zone("edt") == ("-04:00", None)
    assert timezones.zone("IST") == (None, "IST")
    assert timezones.zone("XYZ") == (None, None) and timezones.zone(None) == (None, None)
    assert not set(timezones.TZ_OFFSETS) & timezones.TZ_AMBIGUOUS


# a range of days in one month: an interval of days, never a two-digit year ("Dec. 18-19" was 1919-12-18)
DAY_RANGES = [
    ("The bank's next policy meeting is on Dec. 18-19, a spokesman said.", "2024-11-19", "Dec. 18-19",
     "2024-12-18/2024-12-19"),
    ("The summit will be held Feb. 12\u201314 in Geneva, organisers said.", "2024-05-07", "Feb. 12\u201314",
     "2025-02-12/2025-02-14"),
    ("Talks ran from 3 to 5 March, the ministry said.", "2024-05-07", "3 to 5 March", "2024-03-03/2024-03-05"),
    ("The festival ran Aug. 9-11, 2019, in the old town.", "2024-05-07", "Aug. 9-11, 2019", "2019-08-09/2019-08-11"),
]


@pytest.mark.parametrize(("text", "published", "expr", "value"), DAY_RANGES)
def test_a_range_of_days_is_an_interval(text, published, expr, value):
    found = dates_of(text, published)
    hits = [k for k in found if expr in k or k in expr]
    assert hits, found
    assert found[hits[0]][0] == value


def test_a_range_of_days_without_a_publication_date_stays_unfixed():
    from newsdistill.extract.dates import normalise

    assert normalise("Dec. 18-19", None)[:3] == (None, None, "day")


@pytest.mark.parametrize(("expr", "value", "rule"), [
    ("2024-25", "2024/2025", "date.year-span"),  # was 2024-11-25
    ("the 2023/24 season", "2023/2024", "date.year-span"),
    ("2019-2020", "2019/2020", "date.year-span"),
    ("1999-00", "1999/2000", "date.year-span"),  # across the century
    ("2024-12", "2024-12", "date.dateparser"),  # a month number: December 2024, not a span
    ("the 2011-12 season", "2011/2012", "date.year-span"),
    ("1-2", None, "date.unparsed"),  # a score, not January 2
    ("7/10", None, "date.unparsed"),
    ("10/7/2023", "2023-10-07", "date.dateparser"),
])
def test_numbers_that_only_look_like_days(expr, value, rule):
    import datetime as dt

    from newsdistill.extract.dates import normalise

    got = normalise(expr, dt.date(2024, 11, 19))
    assert (got[0], got[4]) == (value, rule)
