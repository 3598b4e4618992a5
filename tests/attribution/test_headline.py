"""Who said what in the headline (extract/title_attribution.py, rule cue.headline-colon)."""

from __future__ import annotations

import pytest

import newsdistill
from newsdistill.attribution.headline import title_attributions

BODY = ("\n\nRepublican presidential candidate Sen. Lindsey Graham (R-SC) called out his rival Donald Trump "
        "on Sunday, saying the rhetoric would cost the party the election.\n\n"
        "Graham told CNN that the party needed a new direction before the convention in July.\n")


def record(title: str) -> dict:
    d = newsdistill.distill(title + BODY, attribution_model="fast").to_dict()
    assert [m["reason"] for m in d["metadata_lines"]] == ["title"], d["metadata_lines"]
    return d


def test_headline_label_colon_resolves_to_the_body_entity():
    title = "Graham: Trump's 'Incredibly Hateful Rhetoric' Destroying GOP's Chance to Win Presidency."
    d = record(title)
    (a,) = d["title_attributions"]
    assert a["id"] == "T1" and a["metadata_line"] == 0
    assert a["rule"] == "cue.headline-colon+parse.headline-sentence-case"  # a Title Case headline
    assert (a["source"]["text"], a["cue"]["text"]) == ("Graham", ":")
    assert a["content"]["text"] == "Trump's 'Incredibly Hateful Rhetoric' Destroying GOP's Chance to Win Presidency"
    assert a["speaker"]["name"] == "Lindsey Graham" and a["speaker"]["entity"].startswith("E")
    line = d["metadata_lines"][0]
    text = title + BODY
    for key in ("source", "cue", "content"):  # offsets into the line, and into the input
        sp = a[key]
        assert line["text"][sp["start"]:sp["end"]] == sp["text"] == text[sp["input_start"]:sp["input_end"]]
    assert not any(x["id"].startswith("T") for x in d["attributions"])  # the body's stay apart


@pytest.mark.parametrize("title", ["The Latest: Cruz to give away engraved shotgun in Iowa.",
                                   "Breaking: Heavy snow in the Alps for a third day running."])
def test_kicker_labels_are_not_sources(title):
    assert record(title)["title_attributions"] == []


def test_headline_with_a_speech_verb():
    d = record("Graham says Trump is destroying the party's chance to win.")
    (a,) = d["title_attributions"]
    assert a["cue"]["text"] == "says" and a["source"]["text"] == "Graham"
    assert a["content"]["text"].startswith("Trump is destroying")


def test_no_title_no_title_attributions(seed_text):
    doc = newsdistill.distill(seed_text, attribution_model="fast")
    assert doc.to_dict()["title_attributions"] == [] and title_attributions(doc) == []


def test_quotes_lists_the_headline_first(tmp_path):
    import json

    from click.testing import CliRunner

    from newsdistill.cli import main

    path = tmp_path / "a.txt"
    path.write_text("Graham: Trump's 'Incredibly Hateful Rhetoric' Destroying GOP's Chance to Win Presidency." + BODY,
                    encoding="utf-8")
    r = CliRunner().invoke(main, ["quotes", str(path), "--format", "json"], env={"NEWSDISTILL_DB": ""})
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows[0]["speaker"] == "Lindsey Graham" and rows[0]["cue"] == ":" and len(rows) >= 2
    r = CliRunner().invoke(main, ["quotes", str(path)], env={"NEWSDISTILL_DB": "", "COLUMNS": "200"})
    assert r.exit_code == 0 and "T1" in r.output and "A1" in r.output


def test_csv_rows_hold_the_headline(tmp_path):
    from newsdistill.write.csv_tables import attribution_rows

    rec = record("Graham: Trump's 'Incredibly Hateful Rhetoric' Destroying GOP's Chance to Win Presidency.")
    rows = attribution_rows(rec)
    assert rows[0]["attribution"] == "T1" and rows[0]["speaker"] == "Lindsey Graham"
    assert rows[0]["content_start"] is None and rows[0]["content"].startswith("Trump's")
    assert [r["attribution"] for r in rows[1:]] == [a["id"] for a in rec["attributions"]]


def test_corpus_store_finds_headline_quotes(tmp_path):
    """`quotes --speaker` on a corpus finds a headline's attribution; the viewer's document page
    marks it in the title (its offsets are the title line's; tests/web/test_viewer_headline.py has more)."""
    import sqlite3

    from newsdistill.corpus.store import index_records

    rec = record("Graham: Trump's 'Incredibly Hateful Rhetoric' Destroying GOP's Chance to Win Presidency.")
    db = tmp_path / "c.sqlite"
    index_records([rec], db)
    rows = sqlite3.connect(db).execute(
        "SELECT aid, speaker_name, content_start, content, content_input_start FROM attributions ORDER BY aid").fetchall()
    head = [r for r in rows if r[0] == "T1"]
    assert head and head[0][1] == "Lindsey Graham" and head[0][2] is None and head[0][3].startswith("Trump's")
    assert head[0][4] == 8  # input offsets kept
    assert len(rows) == 1 + len(rec["attributions"])
    from starlette.testclient import TestClient

    from newsdistill.web.app import create_app

    page = TestClient(create_app(db)).get(f"/doc?id={rec['id']}")
    assert page.status_code == 200 and "Lindsey Graham" in page.text
    heading = page.text.split('<h1 id="doc-title">', 1)[1].split("</h1>", 1)[0]
    assert '<span class="cue">:</span>' in heading and 'data-aid="T1"' in heading


def test_title_case_headline_is_parsed_in_sentence_case():
    from newsdistill.extract.nlp import sentence_cased

    body = "Lindsey Graham told CNN that Donald Trump and the GOP needed a new direction."
    assert sentence_cased("Graham Blasts Trump for Skipping the GOP Debate in Iowa", body) == \
        "Graham blasts Trump for skipping the GOP debate in iowa"
    # a label before a colon, "I", acronyms and the first word keep their case
    assert sentence_cased("CNN Poll: I Think Voters Want Change", body) == "CNN Poll: I think voters want change"
    assert sentence_cased("Graham blasts Trump for skipping the debate", body) is None  # not Title Case


def test_title_case_headline_verb_is_a_cue():
    d = record("Graham Blasts Trump For Skipping The Debate In Iowa.")
    (a,) = d["title_attributions"]
    assert (a["source"]["text"], a["cue"]["text"]) == ("Graham", "Blasts")
    assert a["content"]["text"] == "Trump For Skipping The Debate In Iowa"
    assert a["rule"].endswith("+parse.headline-sentence-case")
    assert a["speaker"]["name"] == "Lindsey Graham"


def test_sentence_casing_keeps_every_offset():
    """Whatever the title and body, the parse's text has the title's length and letters (hypothesis)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newsdistill.extract.nlp import sentence_cased

    words = st.sampled_from(["Graham", "Blasts", "GOP", "I", "I’m", "İstanbul", "ΟΔΟΣ", "Straße", "ǅemal", ":", "’s",
                             "Trump", "For", "a", "x1", "\u0130", "ﬁnal", "Σ", "-", " "])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(words, max_size=12).map(" ".join), st.lists(words, max_size=12).map(" ".join))
    def check(title, body):
        cased = sentence_cased(title, body)
        if cased is not None:
            assert len(cased) == len(title) and cased != title
            assert all(a == b or a == b.lower() for a, b in zip(cased, title))

    check()
