"""Attributions that are not statements (docs/attribution.md, step 3e): the dev set of hard
negatives and positives in data/not_statements.json, written for newsdistill (not from any
corpus), checked in the fast mode (rules + cue model) and, where the span model loads, the accurate mode;
and the filters' named rules one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdistill.attribution import filters
from newsdistill.attribution import rules as R
from newsdistill.attribution.document import attribute, parsed
from newsdistill.attribution.filters import filter_candidates
from newsdistill.attribution.models import load_models
from newsdistill.attribution.tokens import Candidate
from newsdistill.clean.dateline import wire_dateline
from newsdistill.engine.serial import process
from newsdistill.offsets import OffsetMap
from newsdistill.pipeline import default_pipeline
from newsdistill.record import Document

CASES = json.loads((Path(__file__).with_name("data") / "not_statements.json").read_text(encoding="utf-8"))["cases"]


def _span_model_loads() -> bool:
    try:
        load_models("accurate")
    except Exception:  # the span model's runtime or its weights are missing: the accurate mode cannot run
        return False
    return True


MODES = ["fast", pytest.param("accurate", marks=[
    pytest.mark.slow, pytest.mark.skipif(not _span_model_loads(), reason="the span model cannot load here")])]


def _distill(text: str, mode: str) -> Document:
    return process(default_pipeline(mode), Document(id="case", input_text=text))


def _fields(a) -> dict:
    return {"cue": a.cue.text if a.cue else None, "source": a.source.text if a.source else None,
            "speaker": a.speaker.name if a.speaker else None}


def _matches(a, pattern: dict) -> bool:
    got = _fields(a)
    return all((got[k] or "").casefold() == (v or "").casefold() if v is not None else got[k] is None
               for k, v in pattern.items())


def _show(doc: Document) -> list:
    return [(_fields(a), a.rule) for a in doc.extra["attributions"]]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{c['class']}" for n, c in enumerate(CASES)])
def test_dev_set_case(case, mode):
    doc = _distill(case["text"], mode)
    attrs = doc.extra["attributions"]
    for pattern in case.get("present", []):
        assert any(_matches(a, pattern) for a in attrs), f"missing {pattern}: {_show(doc)}"
    for pattern in case.get("absent", []):
        assert not any(_matches(a, pattern) for a in attrs), f"unwanted {pattern}: {_show(doc)}"
    for a in attrs:  # a content never opens with a wire dateline
        assert wire_dateline(a.content.text) is None, a.content.text
    if "dateline" in case:
        wires = [m for m in doc.metadata_lines if m.rule == "meta.wire-dateline"]
        if case["dateline"] is None:
            assert not wires
        else:
            assert [(m.reason, m.text, m.place, m.agency) for m in wires] == [
                ("dateline", case["dateline"]["text"], case["dateline"]["place"], case["dateline"]["agency"])]
            m = wires[0]
            assert doc.input_text[m.input_start:m.input_end] == m.text
    if "body_starts" in case:
        assert doc.text.startswith(case["body_starts"])


def test_the_dev_set_holds_every_class_more_than_once():
    classes = [c["class"] for c in CASES]
    assert all(classes.count(k) >= 2 for k in classes)


# ---- the rules one by one ------------------------------------------------------------------
def _doc(text: str) -> Document:
    """A document whose clean text is ``text`` as given (no cleaner: a dateline stays in the body)."""
    doc = Document(id="t", input_text=text, text=text, offset_map=OffsetMap.identity(len(text)))
    doc.paragraphs = [doc.span(0, len(text))]
    return doc


def test_a_content_starts_after_a_wire_dateline_left_in_the_body():
    text = "BERLIN (dpa) - The coalition will survive the budget dispute, the chancellor said on Monday."
    doc = _doc(text)
    sdoc = parsed(doc)
    said = next(t for t in sdoc if t.text == "said")
    source = (text.index("the chancellor"), text.index("the chancellor") + len("the chancellor"))
    cand = Candidate("indirect", (said.idx, said.idx + 4), (0, text.index(",")), source, "content.sentence-before-cue",
                     cue_token=said.i)
    [kept] = filter_candidates([cand], sdoc, text)
    assert text[kept.content[0]:kept.content[1]] == "The coalition will survive the budget dispute"
    assert kept.rule == "content.sentence-before-cue+" + R.RULE_CONTENT_NO_DATELINE
    # through attribute() too: whatever the parse made of it, no content opens with the dateline
    assert all(wire_dateline(a.content.text) is None for a in attribute(doc, use_model=False))


def test_a_source_starts_after_a_wire_dateline_left_in_the_body():
    text = "ATHENS (Reuters) - Greece's finance minister said on Friday that the bailout talks had stalled."
    sdoc = parsed(_doc(text))
    said = next(t for t in sdoc if t.text == "said")
    cand = Candidate("indirect", (said.idx, said.idx + 4), (text.index("the bailout"), len(text) - 1),
                     (0, said.idx - 1), "cue.verb-clause", cue_token=said.i)
    [kept] = filter_candidates([cand], sdoc, text)
    assert text[kept.source[0]:kept.source[1]] == "Greece's finance minister"
    assert kept.rule == "cue.verb-clause+" + R.RULE_SOURCE_NO_DATELINE


@pytest.mark.parametrize(("text", "acts"), [
    ("Soldiers detained the protesters and deported three of them on Sunday.", {"detained", "deported"}),
    ("The charity used the grant to build a school, and the mayor started a petition.", {"used", "started"}),
])
def test_acts_are_not_cues(text, acts):
    assert not {a.cue.text for a in attribute(_doc(text)) if a.cue} & acts


def test_act_list_keeps_the_verbs_polnear_counts():
    # statements of support, votes and decrees are attributions in PolNeAR's guidelines and train split
    assert not R.NON_SPEECH_ACTS & {"vote", "side", "approve", "ban", "impose", "rule", "order", "support", "oppose",
                                   "back", "endorse", "elect", "fight", "say", "announce"}


@pytest.mark.parametrize(("text", "kept"), [
    ("Of the nine judges, four wrote that the law was unconstitutional.", False),
    ("Of the nine judges, the four wrote that the law was unconstitutional.", True),  # the four named before
    ("About 4 in 10 say the economy is getting worse.", True),                        # a share
    ("No one said the plan would be cheap.", True),                                   # the pronoun "one"
    ("Four judges wrote that the law was unconstitutional.", True),                   # a number with its noun
])
def test_bare_number_sources(text, kept):
    sources = [a.source.text.lower() for a in attribute(_doc(text), use_model=False) if a.source]
    assert bool(sources) == kept, sources


def test_relative_pronoun_resolves_to_its_antecedent_words():
    attrs = attribute(_doc("The new rules were criticised by a local shopkeeper, who said they would drive customers away."))
    who = [a for a in attrs if a.source and a.source.text == "who"]
    assert who and who[0].speaker is not None and who[0].speaker.name == "a local shopkeeper"
    assert who[0].speaker.entity is None and who[0].speaker.type == "person"
    assert R.RULE_RELATIVE_ANTECEDENT in who[0].rule


def test_relative_pronoun_without_antecedent_is_dropped():
    doc = _doc("Who said the bridge was safe? Nobody knows.")
    assert not [a for a in attribute(doc, use_model=False) if a.source and a.source.text.lower() == "who"]


def test_place_inside_a_source_is_its_speaker_only_as_head_possessor_or_after_for():
    attrs = attribute(_doc("Teachers in Lyon said the reform was rushed. Spain's foreign minister said she would listen."))
    by_source = {a.source.text: a for a in attrs if a.source}
    assert by_source["Teachers in Lyon"].speaker is None
    assert R.RULE_PLACE_MODIFIER in by_source["Teachers in Lyon"].rule
    assert by_source["Spain's foreign minister"].speaker.name == "Spain"


def test_filters_name_their_rules_in_rules_py():
    for name in (R.RULE_NOT_AN_ACT, R.RULE_BARE_NUMBER, R.RULE_RELATIVE_NO_ANTECEDENT, R.RULE_RELATIVE_ANTECEDENT,
                 R.RULE_PLACE_MODIFIER, R.RULE_CONTENT_NO_DATELINE, R.RULE_SOURCE_NO_DATELINE):
        assert name.count(".") == 1 and name in (filters.__doc__ or "") + (R.__doc__ or "") + _rules_source()


def _rules_source() -> str:
    return Path(R.__file__).read_text(encoding="utf-8")
