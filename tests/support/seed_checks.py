"""The seed golden checks (the ``attributions`` fixture and the tests), collected by every test
module that imports them, on the ``seed_doc`` fixture that module sees: the default mode
(tests/attribution/test_seed_attributions.py, conftest's ``seed_doc``) and lite mode
(tests/attribution/test_lite_tagger.py)."""

from __future__ import annotations

import pytest

from support.seed_golden import COMPLEMENTIZERS, FRAGMENTS, GOLDEN


@pytest.fixture(scope="module")
def attributions(seed_doc):
    assert seed_doc.status == "ok"
    return [a for a in seed_doc.to_dict()["attributions"]]


@pytest.mark.parametrize("gold", GOLDEN, ids=[f"{g[1]}:{g[2][:20]}" for g in GOLDEN])
def test_seed_attribution(attributions, seed_doc, gold):
    kind, cue, source, speaker, c_start, c_end = gold
    found = [a for a in attributions if a["source"] and a["source"]["text"] == source and a["cue"]["text"] == cue]
    assert len(found) == 1, [(a["source"], a["cue"]["text"]) for a in attributions]
    a = found[0]
    if kind is not None:
        assert a["kind"] == kind
    assert a["content"]["text"].startswith(c_start)
    assert a["content"]["text"].endswith(c_end)
    assert a["speaker"]["name"] == speaker
    # spans carry input offsets that point at the same words in the raw seed
    raw = seed_doc.input_text
    for role in ("source", "cue", "content"):
        span = a[role]
        assert raw[span["input_start"]:span["input_end"]] == span["text"]
    comp = a["complementizer"]
    want = COMPLEMENTIZERS.get((cue, source))
    if want is None:
        assert comp is None
    else:
        assert (comp["start"], comp["end"], comp["input_start"], comp["input_end"]) == want
        assert comp["text"] == "that" == raw[comp["input_start"]:comp["input_end"]]
        assert seed_doc.text[comp["end"]:a["content"]["start"]] == " "
    frags = a["content_fragments"]
    want = FRAGMENTS.get((cue, source))
    if want is None:
        assert frags is None
    else:
        assert [(f["start"], f["end"], f["input_start"], f["input_end"]) for f in frags] == want
        assert [f["text"] for f in frags] == ["Another troubling problem", c_end]
        for f in frags:
            assert raw[f["input_start"]:f["input_end"]] == f["text"] == seed_doc.text[f["start"]:f["end"]]
        assert (frags[0]["start"], frags[-1]["end"]) == (a["content"]["start"], a["content"]["end"])


def test_seed_has_no_other_sourced_attributions(attributions):
    sourced = [(a["source"]["text"], a["cue"]["text"]) for a in attributions if a["source"] is not None]
    assert sorted(sourced) == sorted((g[2], g[1]) for g in GOLDEN)


def test_seed_speakers_resolve_to_entities_and_documents(attributions, seed_doc):
    entities = {e["id"]: e for e in seed_doc.to_dict()["entities"]}
    by_cue = {(a["source"]["text"], a["cue"]["text"]): a for a in attributions if a["source"]}
    haddad = by_cue[("Haddad", "said")]["speaker"]
    assert entities[haddad["entity"]]["name"] == "Riyad Haddad"
    assert haddad["role"] == "Syrian ambassador to Russia" and haddad["type"] == "person"
    he = by_cue[("He", "notes")]["speaker"]
    assert entities[he["entity"]]["name"] == "Antonio Guterres"
    for key in (("The text", "states"), ("the document", "says"), ("The report", "notes")):
        sp = by_cue[key]["speaker"]
        assert sp["type"] == "document"
        assert sp["author"]["name"] == "Antonio Guterres" and sp["author"]["entity"] == he["entity"]
    un = by_cue[("UN estimates", "According to")]["speaker"]
    assert un["type"] == "organization" and entities[un["entity"]]["name"] == "United Nations"


def test_seed_kinds_of_quoted_statements(attributions):
    kinds = {a["cue"]["text"] + ":" + a["source"]["text"]: a["kind"] for a in attributions if a["source"]}
    assert kinds["states:The text"] == "direct"
    assert kinds["says:the document"] == "direct"
    assert kinds["adds:he"] == "mixed"
    assert kinds["notes:The report"] == "mixed"


def test_seed_figures_attributed_to_their_source(seed_doc):
    d = seed_doc.to_dict()
    by_id = {a["id"]: a for a in d["attributions"]}
    figures = [f for f in d["figures"] if f["span"]["text"] == "more than 20,000"]
    assert len(figures) == 2
    sources = [by_id[f["attributed_to"]]["source"]["text"] for f in figures]
    assert sources == ["UN Secretary-General Antonio Guterres in his report on the ISIS threat", "UN estimates"]


def test_quotes_table_rows(seed_doc):
    from newsdistill.quotes_table import rows

    table = rows(seed_doc)
    assert len(table) == len(GOLDEN)
    assert ("Riyad Haddad", "Syrian ambassador to Russia", "direct", "said") in [r[1:5] for r in table]
