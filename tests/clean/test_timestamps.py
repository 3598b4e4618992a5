"""Timestamps without a year (issue #14; clean/timestamps.py, rules in clean/rules.py): recognised
as dateline metadata lines under their own rule in plain-text and HTML mode; ``published`` from
them only against a known time (the WARC fetch date), never against the machine's clock."""

from __future__ import annotations

import pytest

from newsdistill.clean import rules
from newsdistill.clean.timestamps import resolve, timestamp_rule
from support.herders_article import PARAS

NO_YEAR, RELATIVE, TIME_ONLY = rules.RULE_TIMESTAMP_NO_YEAR, rules.RULE_TIMESTAMP_RELATIVE, rules.RULE_TIMESTAMP_TIME_ONLY
FETCHED = "2024-03-04T15:00:00Z"  # a Monday


@pytest.mark.parametrize(("line", "rule", "value"), [
    # month and day with a weekday, a time or a label (wire sites, local papers, blogs)
    ("Mon Mar 4, 9:12 AM ET", NO_YEAR, "2024-03-04T09:12:00"),
    ("Monday, March 4, 9:12 a.m. EST", NO_YEAR, "2024-03-04T09:12:00"),
    ("Sun, Mar 3 · 11:40 PM", NO_YEAR, "2024-03-03T23:40:00"),
    ("Updated Mar. 1, 4:05 p.m.", NO_YEAR, "2024-03-01T16:05:00"),
    ("Published: Feb 28 at 6 pm", NO_YEAR, "2024-02-28T18:00:00"),
    ("Posted on 2 March at 08:30", NO_YEAR, "2024-03-02T08:30:00"),
    ("Thursday 29th February 14:20 GMT", NO_YEAR, "2024-02-29T14:20:00"),
    ("Tue., Dec. 31, 10 a.m.", NO_YEAR, "2023-12-31T10:00:00"),  # after the fetch date: last year's
    ("Updated Sept 30", NO_YEAR, "2023-09-30"),
    ("Fri Mar 1", NO_YEAR, "2024-03-01"),
    # relative to the fetch time
    ("47 minutes ago", RELATIVE, "2024-03-04T14:13:00+00:00"),
    ("Updated 5 hours ago", RELATIVE, "2024-03-04T10:00:00+00:00"),
    ("2h ago", RELATIVE, "2024-03-04T13:00:00+00:00"),
    ("Published 3 days ago", RELATIVE, "2024-03-01"),
    ("an hour ago", RELATIVE, "2024-03-04T14:00:00+00:00"),
    ("1 week ago", RELATIVE, "2024-02-26"),
    ("2 months ago", RELATIVE, "2024-01-04"),
    ("30 secs ago", RELATIVE, "2024-03-04T14:59:30+00:00"),
    ("Just now", RELATIVE, "2024-03-04T15:00:00+00:00"),
    ("Yesterday at 5:30 p.m.", RELATIVE, "2024-03-03T17:30:00"),
    ("Updated today", RELATIVE, "2024-03-04"),
    # a clock time with a label, a.m./p.m. or a zone: the fetch day
    ("Updated 10:05 a.m.", TIME_ONLY, "2024-03-04T10:05:00"),
    ("Updated at 10:05 a.m. EDT", TIME_ONLY, "2024-03-04T10:05:00"),
    ("9:12 PM ET", TIME_ONLY, "2024-03-04T21:12:00"),
    ("Last updated: 14:07 GMT", TIME_ONLY, "2024-03-04T14:07:00"),
    ("Posted 7am", TIME_ONLY, "2024-03-04T07:00:00"),
])
def test_timestamp_forms(line, rule, value):
    assert timestamp_rule(line) == rule
    assert resolve(line, FETCHED) == value
    assert resolve(line, None) is None  # no anchor: no guess


@pytest.mark.parametrize("line", [
    "March 4",  # a heading, or the start of a list: no label, weekday or time
    "10:05",  # a score, a verse, a time in a table
    "The council met on March 4 at 9 a.m. to vote on the budget.",
    "Mar 4, 2024, 9:12 AM ET",  # has a year: rules.DATELINE's
    "Chapter 5 ago",
    "Top 10 ago",
    "",
    "By Jane Roe",
    "Updated",
    "Feb 30, 10 a.m.",  # recognised but impossible: resolves to nothing
])
def test_not_timestamps_or_impossible(line):
    if line == "Feb 30, 10 a.m.":
        assert timestamp_rule(line) == NO_YEAR and resolve(line, FETCHED) is None
    else:
        assert timestamp_rule(line) is None


def test_the_weekday_picks_the_year():
    assert resolve("Tue Mar 4", "2025-03-10") == "2025-03-04"  # a Tuesday in 2025
    assert resolve("Mon Mar 4", "2025-03-10") == "2024-03-04"  # a Monday in 2024
    assert resolve("Sat Dec 30, 8:00 PM", "2024-01-05T09:00:00Z") == "2023-12-30T20:00:00"
    assert resolve("Dec 30", "2024-01-05") is None  # no label, weekday or time: not a timestamp
    assert resolve("Updated Dec 30", "2024-01-05") == "2023-12-30"  # never after the fetch date
    assert resolve("Updated Jan 6", "2024-01-05") == "2024-01-06"  # a day's slack (time zones)
    assert resolve("Wed Mar 4", "2025-03-10") == "2025-03-04"  # fits neither year: the latest day
    assert resolve("Updated Feb 29", "2025-03-10") == "2024-02-29"  # only last year has one


ARTICLE = PARAS[:3]


def _clean(text: str, fetched: str | None = None):
    from newsdistill.clean import CleanText
    from newsdistill.record import Document, Source

    return CleanText()(Document(id="t", source=Source(fetched=fetched), input_kind="text", input_text=text))


@pytest.mark.parametrize(("stamp", "rule", "published"), [
    ("Mon Mar 4, 9:12 AM ET", NO_YEAR, "2024-03-04T09:12:00"),
    ("47 minutes ago", RELATIVE, "2024-03-04T14:13:00+00:00"),
    ("Updated 10:05 a.m.", TIME_ONLY, "2024-03-04T10:05:00"),
])
def test_plain_text_mode(stamp, rule, published):
    text = "Drought hits herders\n\n" + stamp + "\n\n" + "\n\n".join(ARTICLE)
    doc = _clean(text, FETCHED)
    line = [m for m in doc.metadata_lines if m.text == stamp]
    assert line and (line[0].reason, line[0].rule) == ("dateline", rule)
    assert doc.input_text[line[0].input_start:line[0].input_end] == stamp
    assert stamp not in doc.text
    assert doc.published is not None and doc.published.startswith(published)
    # the same text with no fetch time: labelled the same, no published guessed
    doc = _clean(text)
    assert [m.rule for m in doc.metadata_lines if m.text == stamp] == [rule]
    assert doc.published is None


def test_html_mode_labels_a_timestamp_trafilatura_keeps():
    from newsdistill.pipeline import Pipeline, cleaning_steps
    from newsdistill.read.html import html_document
    from newsdistill.record import Source

    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    page = (f"<!DOCTYPE html><html><head><title>Drought hits herders</title></head><body><main><article>"
            f"<h1>Drought hits herders</h1><p>47 minutes ago</p>{body}</article></main></body></html>").encode()
    doc = Pipeline(cleaning_steps())(html_document(page, "p", Source(fetched=FETCHED)))
    assert doc.status == "ok", doc.error
    assert "47 minutes ago" not in doc.text
    stamps = [m for m in doc.metadata_lines if m.text == "47 minutes ago"]
    assert [m.rule for m in stamps] == [RELATIVE]
    assert doc.published == "2024-03-04T14:13:00+00:00"
