"""Content-boundary rules found on PolNeAR train: doubled straight singles as a quote mark,
parenthetical cues after an introduction, trailing relative clauses, object contents."""

from __future__ import annotations

from newsdistill.attribution.candidates import find_quotes
from support.attribution_cases import attributions, only


def test_doubled_single_marks_are_one_quote():
    text = "The minister said ''we will win this fight, and we don't give up'' on Tuesday."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["''we will win this fight, and we don't give up''"]
    assert quotes[0].rule == "quote.doubled-single" and quotes[0].closed


def test_doubled_single_quote_closing_a_nested_single():
    text = "He said ''the sign read 'stop here.''' and left."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["''the sign read 'stop here.'''"]


def test_doubled_single_direct_quote_is_the_whole_quote():
    a = only("''We will not raise taxes on working families this year or next year,'' the finance "
             "minister Anna Berg said on Tuesday at a press conference in the capital.", cue="said")
    assert a["kind"] == "direct"
    assert a["content"]["text"] == "''We will not raise taxes on working families this year or next year,''"


def test_parenthetical_cue_after_an_introduction_takes_what_follows():
    a = only("But, the opposition leader Karl Weber said, the budget would fail in parliament before the summer.",
             cue="said")
    assert a["content"]["text"] == "the budget would fail in parliament before the summer"
    assert a["rule"].endswith("cue.parenthetical-after-intro")


def test_parenthetical_cue_after_a_subject_spans_both_sides():
    a = only("The budget, the opposition leader Karl Weber said, would fail in parliament before the summer.",
             cue="said")
    assert a["content"]["text"] == "The budget, the opposition leader Karl Weber said, would fail in parliament before the summer"


def test_trailing_relative_clause_is_not_content():
    a = only("The opposition leader Karl Weber said he supports the final budget bill, which includes new "
             "money for schools and roads.", cue="said")
    assert a["content"]["text"] == "he supports the final budget bill"


def test_relative_pronoun_is_the_source_and_resolves_to_its_antecedent():
    a = only("The voters met Karl Weber, the opposition leader, who said the budget would fail in parliament "
             "before the summer recess.", cue="said")
    assert a["source"]["text"] == "who"
    assert a["content"]["text"] == "the budget would fail in parliament before the summer recess"
    assert a["speaker"]["name"] == "Karl Weber"


def test_asked_question_is_a_sourceless_attribution():
    found = [a for a in attributions(
        "Asked whether the budget would pass before the summer, the opposition leader Karl Weber said no.")
        if a["cue"]["text"] == "Asked"]
    assert len(found) == 1
    assert found[0]["source"] is None and found[0]["rule"] == "cue.asked"
    assert found[0]["content"]["text"] == "whether the budget would pass before the summer"


def test_according_to_in_mid_clause_takes_the_part_before():
    a = only("The budget failed in parliament, according to the opposition leader Karl Weber, although the "
             "government disputes the vote.", cue="according to")
    assert a["content"]["text"] == "The budget failed in parliament"
    assert a["rule"] == "cue.according-to-midclause"


def test_trailing_apposition_is_not_content():
    a = only("The opposition leader Karl Weber said the plan would cut up to 30,000 public jobs, a layoff "
             "bigger than any in the last decade.", cue="said")
    assert a["content"]["text"] == "the plan would cut up to 30,000 public jobs"


def test_object_before_an_infinitive_belongs_to_the_content():
    a = only("The opposition leader Karl Weber urged the finance minister to resign before the summer recess.",
             cue="urged")
    assert a["content"]["text"] == "the finance minister to resign before the summer recess"


def test_clause_coordinated_by_and_with_the_cue_is_narration():
    a = only("The opposition leader Karl Weber said that the budget would fail in parliament, and the markets "
             "fell sharply on the news.", cue="said")
    assert a["content"]["text"] == "the budget would fail in parliament"


def test_percent_sign_stays_on_the_content():
    a = only("The opposition leader Karl Weber said unemployment would rise to 9%.", cue="said")
    assert a["content"]["text"] == "unemployment would rise to 9%"
