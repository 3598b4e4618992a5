"""Step 3d cue patterns (docs/attribution.md) on small sentences written for these tests."""

from __future__ import annotations

from newsdistill.attribution.candidates import find_quotes
from support.attribution_cases import attributions, only


def test_mixed_double_quote_closes_at_the_other_style():
    text = '"We will not raise taxes this year,\u201d Weber said. \u201cNever,\u201c he added.'
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ['"We will not raise taxes this year,\u201d',
                                                     "\u201cNever,\u201c"]
    assert all(q.closed for q in quotes)


def test_cue_after_mixed_quote_is_found():
    a = only('"The budget is a disgrace for the whole country and for every family,\u201d Karl Weber said.', cue="said")
    assert a["source"]["text"] == "Karl Weber"
    assert a["kind"] == "direct"


def test_as_x_said_takes_the_main_clause():
    a = only("As Karl Weber noted, the budget will leave the schools without enough teachers next year.", cue="noted")
    assert a["source"]["text"] == "Karl Weber"
    assert a["content"]["text"] == "the budget will leave the schools without enough teachers next year"
    assert "content.as-x-said" in a["rule"]


def test_as_comparison_is_not_a_cue_clause():
    found = attributions("The budget cuts were not as deep as the opposition leader Karl Weber had feared.")
    assert not [a for a in found if "content.as-x-said" in a["rule"]]


def test_gerund_in_phrase_takes_the_clause_subject():
    a = only("Karl Weber angered the unions on Monday by saying that the budget would cut teachers' pay.",
             cue="saying")
    assert a["source"]["text"] == "Karl Weber"
    assert a["content"]["text"] == "the budget would cut teachers' pay"
    assert "source.gerund-in-phrase" in a["rule"]


def test_went_on_to_say_is_one_cue():
    found = attributions("Karl Weber went on to say that the budget was too timid for the economy.")
    assert [a["cue"]["text"] for a in found if a["cue"] and "say" in a["cue"]["text"]] == ["went on to say"]
