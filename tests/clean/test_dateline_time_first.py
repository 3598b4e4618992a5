"""Datelines that put the clock time before the date (issue #16): "Published 6:45 p.m. CST June 12,
2024" is a dateline line (a metadata line, not body) and gives ``published`` with its time, and the
zone as an offset or, when ambiguous, as written in ``published_tz``."""

from __future__ import annotations

import pytest

from newsdistill import distill
from newsdistill.clean import rules
from support.herders_article import PARAS, TITLE


def _article(dateline: str) -> str:
    return "\n\n".join([TITLE, dateline, *PARAS]) + "\n"


@pytest.mark.parametrize(("dateline", "published", "tz"), [
    ("Published 6:45 p.m. CST June 12, 2024", "2024-06-12T18:45:00", "CST"),
    ("Updated 10:05 a.m. EDT, Wed June 12, 2024", "2024-06-12T10:05:00-04:00", None),
    ("14:30 GMT, 12 June 2024", "2024-06-12T14:30:00+00:00", None),
    ("9:15 AM PDT on Thursday, March 7, 2024", "2024-03-07T09:15:00-07:00", None),
    ("Posted: 11.20 am 3 Feb. 2023", "2023-02-03T11:20:00", None),
])
def test_time_first_datelines(dateline, published, tz):
    assert rules.DATELINE.fullmatch(dateline)
    doc = distill(_article(dateline), steps="clean")
    assert doc.status == "ok", doc.error
    assert (doc.published, doc.published_tz) == (published, tz)
    assert dateline not in doc.text
    assert [m.reason for m in doc.metadata_lines if doc.input_text[m.input_start:m.input_end] == dateline] == ["dateline"]


@pytest.mark.parametrize("line", [
    "At 6:45 p.m. on June 12, 2024 the council met to vote on the budget",  # a sentence, not a dateline
    "6:45 p.m. June 12, 2024 was when the first call came in to the station",
    "The 10:05 Tuesday, June 11, 2024",
])
def test_sentences_with_a_time_and_a_date_stay_text(line):
    assert not rules.DATELINE.fullmatch(line)
    doc = distill(_article(line), steps="clean")
    assert line in doc.text
