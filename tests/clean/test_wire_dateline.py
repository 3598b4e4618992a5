"""Wire datelines (rule meta.wire-dateline, clean/rules.py and clean/dateline.py): the opener of a
wire story's first paragraph becomes a ``dateline`` metadata line with its place and agency, the
body starting after it; the record (format 1.4) carries it through JSON, Parquet and the store."""

from __future__ import annotations

import sqlite3

import pytest

import newsdistill
from newsdistill.clean import rules
from newsdistill.clean.dateline import wire_dateline
from newsdistill.corpus.store import DATELINE_COLUMNS, SCHEMA_VERSION, Store, schema_sql
from newsdistill.record import FORMAT_VERSION
from newsdistill.write import read_records
from newsdistill.write.parquet import ParquetWriter

BODY = ("The council approved the budget after a long debate about fares, parking and the tram lines, "
        "and the mayor said the vote was a turning point for the city.")
SECOND = "Opposition members said they would keep pressing for cheaper tickets and more night buses across the region."


@pytest.mark.parametrize(("opener", "place", "agency"), [
    ("PARIS (AFP) \u2013 ", "PARIS", "AFP"),
    ("WASHINGTON (AP) \u2014 ", "WASHINGTON", "AP"),
    ("PORTLAND, Ore. \u2014 ", "PORTLAND, Ore.", None),
    ("SALT LAKE CITY -- ", "SALT LAKE CITY", None),
    ("LONDON, March 3 (Reuters) - ", "LONDON", "Reuters"),
    ("TRENTON, N.J. (AP) \u2014 ", "TRENTON, N.J.", "AP"),
    ("Mexico City (AFP) \u2013 ", "Mexico City", "AFP"),
    ("Nairobi (CNN)", "Nairobi", "CNN"),
    ("SEOUL, Dec. 8 (Yonhap) \u2014 ", "SEOUL", "Yonhap"),
])
def test_a_wire_dateline_is_split_off_the_first_paragraph(opener, place, agency):
    text = "Council Backs Cheaper Fares\n\n" + opener + BODY + "\n\n" + SECOND
    doc = newsdistill.distill(text)
    wires = [m for m in doc.metadata_lines if m.rule == rules.RULE_WIRE_DATELINE]
    assert len(wires) == 1
    m = wires[0]
    assert (m.reason, m.place, m.agency, m.text) == ("dateline", place, agency, opener.strip())
    assert text[m.input_start:m.input_end] == m.text
    assert doc.text.startswith("The council approved") and len(doc.paragraphs) == 2
    first = doc.paragraphs[0]
    assert text[first.input_start:first.input_end] == BODY  # stand-off: the input is untouched
    assert [x.reason for x in doc.metadata_lines] == ["title", "dateline"]  # in input order
    assert doc.title == "Council Backs Cheaper Fares"
    assert doc.published is None  # a wire dateline is no timestamp


@pytest.mark.parametrize("first", [
    "Obama \u2014 the former president \u2014 said the election would be close, and that turnout would decide it.",
    "The minister - who spoke to reporters on Monday - said the reform would go ahead despite the strikes.",
    "US - Mexico talks on border checks resumed on Monday after a pause of three weeks, officials said today.",
    "SIEGEL--Welcome back to the program, where we talk about the week's news with our panel of reporters.",
])
def test_no_dateline_where_there_is_none(first):
    doc = newsdistill.distill(first + "\n\n" + SECOND)
    assert not [m for m in doc.metadata_lines if m.rule == rules.RULE_WIRE_DATELINE]
    assert doc.text.startswith(first[:10])


def test_only_the_first_body_paragraph_is_looked_at():
    heading = "QUESTIONABLE CLAIMS \u2014 For years, critics have said the council promoted unproven schemes."
    doc = newsdistill.distill(BODY + "\n\n" + heading)
    assert not [m for m in doc.metadata_lines if m.rule == rules.RULE_WIRE_DATELINE]
    assert heading in doc.text


def test_a_dateline_on_a_line_of_its_own():
    doc = newsdistill.distill("WASHINGTON (AP) \u2014\n\n" + BODY + "\n\n" + SECOND)
    [m] = [m for m in doc.metadata_lines if m.rule == rules.RULE_WIRE_DATELINE]
    assert (m.text, m.place, m.agency) == ("WASHINGTON (AP) \u2014", "WASHINGTON", "AP")
    assert doc.text.startswith("The council approved") and len(doc.paragraphs) == 2


def test_timestamp_datelines_keep_their_rule_and_have_no_place():
    doc = newsdistill.distill("Published: March 3, 2024\n\n" + BODY + "\n\n" + SECOND)
    [m] = doc.metadata_lines
    assert (m.reason, m.rule, m.place, m.agency) == ("dateline", "meta.dateline", None, None)
    assert m.to_dict()["place"] is None and doc.published == "2024-03-03"


def test_html_input_keeps_the_dateline_in_the_body():
    html = f"<html><body><article><h1>Fares</h1><p>PARIS (AFP) \u2013 {BODY}</p><p>{SECOND}</p></article></body></html>"
    doc = newsdistill.distill_html(html)
    assert doc.status == "ok" and not [m for m in doc.metadata_lines if m.rule == rules.RULE_WIRE_DATELINE]
    # ... yet no attribution's content opens with it (attribution rule content.no-wire-dateline)
    assert all(wire_dateline(a.content.text) is None for a in doc.extra["attributions"])


def test_the_matcher_is_bounded():
    assert wire_dateline("A" * 10_000 + " \u2014 x") is None
    assert wire_dateline("PARIS (AFP) \u2013 x") is not None
    assert wire_dateline("") is None


def _wire_record() -> dict:
    return newsdistill.distill("Council Backs Cheaper Fares\n\nPARIS (AFP) \u2013 " + BODY + "\n\n" + SECOND).to_dict()


def test_record_json_carries_place_and_agency():
    r = _wire_record()
    assert r["format_version"] == FORMAT_VERSION == "1.9"
    lines = r["metadata_lines"]
    assert [(x["reason"], x["rule"], x["place"], x["agency"]) for x in lines] == [
        ("title", "meta.title-first-line", None, None), ("dateline", rules.RULE_WIRE_DATELINE, "PARIS", "AFP")]
    assert set(lines[1]) == {"input_start", "input_end", "text", "reason", "rule", "place", "agency"}
    assert "place" not in (r["removed"][0] if r["removed"] else {})  # removed lines are unchanged


def test_parquet_round_trip(tmp_path):
    r = _wire_record()
    with ParquetWriter(str(tmp_path / "w.parquet")) as writer:
        writer.write_record(r)
    assert list(read_records(str(tmp_path / "w.parquet"))) == [r]


def test_store_round_trip_and_migration_from_schema_3(tmp_path):
    r = _wire_record()
    with Store(tmp_path / "c.sqlite") as store:
        store.load([r])
        rows = store.conn.execute("SELECT idx, reason, rule, place, agency FROM removed WHERE kind = 'metadata' ORDER BY idx").fetchall()
    assert rows == [(0, "title", "meta.title-first-line", None, None), (1, "dateline", rules.RULE_WIRE_DATELINE, "PARIS", "AFP")]
    # a schema-3 store (no place/agency on removed) migrates when opened for writing
    old = tmp_path / "v3.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript(schema_sql().replace("    place TEXT, agency TEXT,\n", ""))
    assert "agency" not in {row[1] for row in conn.execute("PRAGMA table_info(removed)")}
    conn.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    conn.commit()
    conn.close()
    with Store(old) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION == "8"
        assert set(DATELINE_COLUMNS) <= {row[1] for row in store.conn.execute("PRAGMA table_info(removed)")}
        store.load([r])
        assert store.conn.execute("SELECT place, agency FROM removed WHERE rule = ?", (rules.RULE_WIRE_DATELINE,)).fetchall() == \
            [("PARIS", "AFP")]
