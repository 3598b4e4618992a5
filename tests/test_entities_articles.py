"""Entities, roles, figures and dates on articles written for these tests (tests/data/entities/)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdistill

DATA = Path(__file__).parent / "data" / "entities"


@pytest.fixture(scope="module")
def harbour():
    doc = newsdistill.distill((DATA / "harbour_council.txt").read_text(encoding="utf-8"), published="2024-03-06")
    assert doc.status == "ok"
    return doc.to_dict()


def _ent(rec, name):
    found = [e for e in rec["entities"] if e["name"] == name]
    assert len(found) == 1, (name, [e["name"] for e in rec["entities"]])
    return found[0]


def test_acronym_then_full_name(harbour):
    e = _ent(harbour, "National Transport Authority")
    assert e["label"] == "ORG" and e["aliases"] == ["NTA"]
    assert [m["kind"] for m in e["mentions"]] == ["alias", "name"]
    assert not any(x["name"] == "NTA" for x in harbour["entities"])


def test_women_speakers_and_titles_before_names(harbour):
    okafor = _ent(harbour, "Helen Okafor")
    assert okafor["roles"] == ["Mayor"] and okafor["gender"] == "female"
    berg = _ent(harbour, "Tomas Berg")
    assert berg["roles"] == ["Deputy Finance Minister"]
    assert [m["text"] for m in berg["mentions"]] == ["Tomas Berg", "Berg"]


def test_titles_after_names_and_shared_surname(harbour):
    jane = _ent(harbour, "Jane Whitfield")
    mark = _ent(harbour, "Mark Whitfield")
    assert jane["roles"] == ["spokeswoman for the ferry operator"] and jane["gender"] == "female"
    assert mark["roles"] == ["operator's chief engineer"] and mark["gender"] == "male"
    # "Ms. Whitfield" after Mark was introduced still goes to Jane; "Mr. Whitfield" to Mark
    text = harbour["text"]
    ms = text.index("Ms. Whitfield") + 4
    mr = text.index("Mr. Whitfield") + 4
    assert ms in [m["start"] for m in jane["mentions"]]
    assert mr in [m["start"] for m in mark["mentions"]]


def test_currencies_and_percentages(harbour):
    figs = {f["span"]["text"]: f for f in harbour["figures"]}
    assert figs["$12.5 million"]["value"] == 12_500_000 and figs["$12.5 million"]["unit"] == "USD"
    assert figs["$12.5 million"]["kind"] == "money"
    assert figs["about 40 percent"]["value"] == 40 and figs["about 40 percent"]["qualifier"] == "about"
    assert figs["about 40 percent"]["unit"] == "%" and figs["about 40 percent"]["kind"] == "percent"
    assert figs["8%"]["value"] == 8 and figs["8%"]["thing"] == "customers"
    euros = [f for f in harbour["figures"] if f["unit"] == "EUR"]
    assert len(euros) == 1 and euros[0]["value"] == 3 and euros[0]["kind"] == "money"
    passengers = figs["more than 1,200"]
    assert (passengers["value"], passengers["qualifier"], passengers["thing"]) == (1200, "more than", "passengers")


def test_absolute_and_relative_dates(harbour):
    dates = {d["text"]: d for d in harbour["dates"]}
    assert dates["Tuesday"]["value"] == "2024-03-05" and dates["Tuesday"]["relative"] is True
    assert dates["Tuesday"]["anchor"] == "2024-03-06"
    assert dates["March 3, 2024"]["value"] == "2024-03-03" and dates["March 3, 2024"]["relative"] is False
    assert dates["2019"]["interval"] == {"start": "2019-01-01", "end": None}
    assert dates["last year"]["value"] == "2023" and dates["last year"]["granularity"] == "year"
    assert dates["the end of 2025"]["interval"] == {"start": "2025-10-01", "end": "2025-12-31"}


@pytest.mark.parametrize(("expr", "anchor", "value", "granularity"), [
    ("12 May 2023", None, "2023-05-12", "day"),
    ("May 2023", None, "2023-05", "month"),
    ("the 1990s", None, "1990/1999", "decade"),
    ("mid-2025", None, "2025-05-01/2025-08-31", "part-of-year"),
    ("2024-02-29", None, "2024-02-29", "day"),
    ("yesterday", "2024-05-08", "2024-05-07", "day"),
    ("last Saturday", "2024-05-04", "2024-04-27", "day"),
    ("Saturday", "2024-05-04", "2024-05-04", "day"),
    ("December 30", "2024-01-02", "2023-12-30", "day"),
    ("three weeks", None, None, "duration"),
    ("Friday", None, None, "day"),
])
def test_normalise(expr, anchor, value, granularity):
    import datetime as dt

    from newsdistill.extract.dates import normalise

    got = normalise(expr, dt.date.fromisoformat(anchor) if anchor else None)
    assert (got[0], got[2]) == (value, granularity)


@pytest.mark.parametrize(("text", "value"), [
    ("20,000", 20000), ("4.5 million", 4_500_000), ("three", 3), ("$1.2bn", 1_200_000_000), ("a dozen", 12),
    ("12%", 12), ("two hundred", 200), ("1,5", 1.5),
])
def test_parse_number(text, value):
    from newsdistill.extract.figures import parse_number

    assert parse_number(text) == value
