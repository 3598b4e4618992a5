"""Quote styles, unbalanced marks, multi-paragraph quotes, reported speech and speaker
resolution on small articles written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdistill
from newsdistill.attribution.candidates import find_quotes
from support.attribution_cases import LEAD, attributions, only

# ---- quote marks ------------------------------------------------------------------------------
STYLES = {
    "straight": ('"', '"'),
    "curly": ("\u201c", "\u201d"),
    "curly-single": ("\u2018", "\u2019"),
    "straight-single": ("'", "'"),
    "guillemets": ("\u00ab", "\u00bb"),
    "guillemets-reversed": ("\u00bb", "\u00ab"),
    "low-9": ("\u201e", "\u201c"),
}


@pytest.mark.parametrize("style", STYLES)
def test_find_quotes_every_style(style):
    o, c = STYLES[style]
    text = f"The minister said {o}we will win this fight, and we don't give up{c} on Tuesday."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert text[q.start:q.end] == f"{o}we will win this fight, and we don't give up{c}" and q.closed


@pytest.mark.parametrize("style", STYLES)
def test_direct_quote_every_style(style):
    o, c = STYLES[style]
    body = (f"{o}We will not raise taxes on working families this year or next year,{c} the finance "
            f"minister Anna Berg said on Tuesday at a press conference in the capital.")
    a = only(body, cue="said")
    assert a["kind"] == "direct"
    assert a["content"]["text"] == f"{o}We will not raise taxes on working families this year or next year,{c}"
    assert a["source"]["text"] == "the finance minister Anna Berg"
    assert a["speaker"]["name"] == "Anna Berg"


def test_apostrophes_are_not_quotes():
    assert find_quotes("The party\u2019s leader didn't say it, and the 1990's rock bands' fans won\u2019t either.") == []


def test_nested_quote_of_other_style_stays_inside():
    text = "He said \u201cthe sign read \u2018stop here\u2019 and we stopped\u201d before noon."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["\u201cthe sign read \u2018stop here\u2019 and we stopped\u201d"]


def test_multi_paragraph_quote_is_one_quote():
    body = ("The minister Anna Berg said at the meeting with reporters on Tuesday:\n\n"
            "\u201cWe will not raise taxes on working families this year, and we will not cut pensions either.\n\n"
            "\u201cThe budget is balanced, the reserves are large and the economy is growing again this year.\u201d")
    quotes = find_quotes(body, None)
    assert len(quotes) == 1 and quotes[0].closed
    assert body[quotes[0].start:quotes[0].end].startswith("\u201cWe will not")
    assert body[quotes[0].start:quotes[0].end].endswith("growing again this year.\u201d")
    a = only(body, cue="said at the meeting with reporters on Tuesday:") if False else only(body, source="The minister Anna Berg")
    assert a["kind"] == "direct"
    assert a["content"]["text"].startswith("\u201cWe will not raise taxes")
    assert a["content"]["text"].endswith("growing again this year.\u201d")


def test_unclosed_quote_runs_to_paragraph_end():
    text = "Berg said \u201cwe will win this fight and the next one\n\nThe markets rose."
    quotes = find_quotes(text)
    assert len(quotes) == 1 and not quotes[0].closed
    assert text[quotes[0].start:quotes[0].end] == "\u201cwe will win this fight and the next one"


MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list(MARKS)), st.sampled_from(["word", " ", "\n\n", ",", ".", "said"])), max_size=60))
def test_find_quotes_never_raises_and_stays_in_bounds(parts):
    text = "".join(parts)
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list(MARKS)), st.sampled_from(
    ["The minister", " said", " that", " we will win", ",", ".", " he told reporters", "\n\n", " according to",
     " officials", ", he adds,", " is"])), min_size=1, max_size=40))
def test_attribution_never_raises_on_random_quote_marks(parts):
    text = LEAD + " " + "".join(parts)
    doc = newsdistill.distill(text, attribution_model="fast")
    assert doc.status == "ok"
    for a in doc.to_dict()["attributions"]:
        spans = [a["content"], a["source"], a["cue"], a["complementizer"], *(a["content_fragments"] or [])]
        for sp in filter(None, spans):  # every span is its clean text and lies inside the input
            assert sp["text"] == doc.text[sp["start"]:sp["end"]] and sp["start"] < sp["end"]
            assert 0 <= sp["input_start"] < sp["input_end"] <= len(text)
        c = a["content"]
        if a["complementizer"]:
            assert a["complementizer"]["end"] <= c["start"]
        frags = a["content_fragments"] or []
        assert all(c["start"] <= f["start"] < f["end"] <= c["end"] for f in frags)
        assert all(x["end"] <= y["start"] for x, y in zip(frags, frags[1:]))  # in order, apart


# ---- reported speech ------------------------------------------------------------------------
def test_mixed_quote_fragments_in_reported_speech():
    a = only("The opposition leader Karl Weber said the budget was \u201cdead on arrival\u201d and would "
             "fail in parliament before the summer recess, according to his aides.", cue="said")
    assert a["kind"] == "mixed"
    assert a["content"]["text"] == "the budget was \u201cdead on arrival\u201d and would fail in parliament before the summer recess"


@pytest.mark.parametrize("body, source, cue, content", [
    ("The opposition leader Karl Weber said that the budget would fail in parliament before the summer recess.",
     "The opposition leader Karl Weber", "said", "the budget would fail in parliament before the summer recess"),
    ("The budget would fail in parliament before the summer recess, the opposition leader Karl Weber said.",
     "the opposition leader Karl Weber", "said", "The budget would fail in parliament before the summer recess"),
    ("\u201cThe budget will fail in parliament before the summer recess,\u201d said Karl Weber, the opposition leader.",
     "Karl Weber, the opposition leader", "said", "\u201cThe budget will fail in parliament before the summer recess,\u201d"),
    ("The budget will fail in parliament before the summer recess, according to the opposition leader Karl Weber.",
     "the opposition leader Karl Weber", "according to", "The budget will fail in parliament before the summer recess"),
    ("The opposition leader Karl Weber said in a statement that the budget would fail in parliament this summer.",
     "The opposition leader Karl Weber", "said in a statement", "the budget would fail in parliament this summer"),
    ("The opposition leader Karl Weber told reporters that the budget would fail in parliament this summer.",
     "The opposition leader Karl Weber", "told", "the budget would fail in parliament this summer"),
    ("The opposition leader Karl Weber notes that the budget would fail in parliament this summer.",
     "The opposition leader Karl Weber", "notes", "the budget would fail in parliament this summer"),
])
def test_reported_speech_patterns(body, source, cue, content):
    a = only(body, cue=cue)
    assert a["source"]["text"] == source
    assert a["content"]["text"] == content
    assert a["speaker"]["name"] == "Karl Weber"
    assert a["kind"] in ("indirect", "according-to", "direct")


def test_quote_continues_after_the_cue():
    found = [a for a in attributions(
        "\u201cThe budget will fail in parliament,\u201d said Karl Weber, the opposition leader. "
        "\u201cNobody in this house will vote for it before the summer recess.\u201d")]
    contents = [a["content"]["text"] for a in found if a["source"] and a["source"]["text"].startswith("Karl Weber")]
    assert contents == ["\u201cThe budget will fail in parliament,\u201d",
                        "\u201cNobody in this house will vote for it before the summer recess.\u201d"]


# ---- speakers -----------------------------------------------------------------------------------
SMITHS = """Mary Smith, the mayor of Springfield, said on Monday that her budget would pass the council vote without any trouble this year. John Smith, a local banker, said his bank would help the city with a loan if the council asked for one.

She added that property taxes would not rise next year, even if the state cut its grants to the city, because the reserves were large enough.

He noted that interest rates were low and that the bank had lent money to several other towns in the county over the past decade.

"We will not raise taxes on working families while I am mayor of this city," Ms. Smith told reporters after the meeting at city hall.

Mr. Smith said in a statement that the bank was ready to sign the loan agreement as soon as the council approved it next week."""


@pytest.fixture(scope="module")
def smiths():
    doc = newsdistill.distill(SMITHS, attribution_model="fast")
    d = doc.to_dict()
    return {(a["source"]["text"], a["cue"]["text"]): a for a in d["attributions"] if a["source"]}, d["entities"]


def test_woman_speaker_pronoun_skips_the_nearer_man(smiths):
    by, _ = smiths
    assert by[("She", "added")]["speaker"]["name"] == "Mary Smith"
    assert by[("He", "noted")]["speaker"]["name"] == "John Smith"


def test_shared_surname_resolves_by_honorific(smiths):
    by, entities = smiths
    mary = by[("Ms. Smith", "told")]["speaker"]
    john = by[("Mr. Smith", "said in a statement")]["speaker"]
    assert mary["name"] == "Mary Smith" and john["name"] == "John Smith"
    assert mary["entity"] != john["entity"]
    assert {e["id"] for e in entities} >= {mary["entity"], john["entity"]}
    assert mary["role"] == "mayor of Springfield" and john["role"] == "local banker"


def test_pronoun_prefers_speaker_over_person_talked_about():
    found = attributions(
        "The senator Laura Hill said that Governor Tom Reed had misled the voters about the budget this year.\n\n"
        "She added that the state would need new taxes before the end of the next fiscal year.")
    she = [a for a in found if a["source"] and a["source"]["text"] == "She"][0]
    assert she["speaker"]["name"] == "Laura Hill"


def test_document_source_resolves_to_earlier_report_and_author():
    found = attributions(
        "The auditor general Peter Lang presented his report on the state pension fund to parliament on Monday.\n\n"
        "The report says that the fund will run out of money within a decade unless contributions rise sharply.")
    a = [a for a in found if a["source"] and a["source"]["text"] == "The report"][0]
    assert a["speaker"]["type"] == "document"
    assert a["speaker"]["author"]["name"] == "Peter Lang"
    assert "report on the state pension fund" in a["speaker"]["name"]


def test_attribution_cost_stays_linear_on_a_dense_article():
    """A long article where every sentence is an attribution: the step stays well under the parse."""
    import time

    from newsdistill.attribution.document import attribute
    from newsdistill.extract.nlp import load_model

    names = [f"{a} {b}" for a in ("John", "Mary", "Ali", "Olga") for b in ("Smith", "Lopez", "Novak", "Berg")]
    text = "\n\n".join(
        f"\u201cThe council will vote on the budget next week, and we expect it to pass,\u201d {names[i % 16]} said on "
        f"Monday. He added that the reserves were large, according to the report, and she noted that \u201ctaxes "
        f"will not rise.\u201d" for i in range(200))
    doc = newsdistill.distill(text, attribution_model="fast")
    assert len(doc.extra["attributions"]) >= 600
    nlp = load_model()
    t0 = time.perf_counter()
    sdoc = nlp(doc.text)
    t1 = time.perf_counter()
    attribute(doc, sdoc)
    t2 = time.perf_counter()
    assert t2 - t1 < 0.5 * (t1 - t0), (t2 - t1, t1 - t0)


def test_transcript_label_colon():
    a = only("BENENSON: Senator Weber does not get to decide when we debate in this campaign, and he knows it.",
             cue=":")
    assert a["source"]["text"] == "BENENSON"
    assert a["rule"] == "cue.label-colon"
    assert a["content"]["text"] == "Senator Weber does not get to decide when we debate in this campaign, and he knows it"


def test_topic_label_colon_is_not_a_source():
    found = attributions("At issue: a proposal that would change how the convention picks its nominee this summer.")
    assert not [a for a in found if a["cue"] and a["cue"]["text"] == ":"]


def test_hedge_is_a_sourceless_attribution():
    a = only("The opposition leader Karl Weber is expected to vote against the budget in parliament next week.",
             cue="is expected")
    assert a["source"] is None
    assert a["rule"] == "cue.hedge"
    assert a["content"]["text"] == "to vote against the budget in parliament next week"


def test_in_poll_sources_the_clause():
    a = only("In the latest Springfield Gazette poll, most voters backed the opposition leader Karl Weber on the budget.",
             cue="In")
    assert a["rule"] == "cue.in-poll"
    assert a["source"]["text"] == "the latest Springfield Gazette poll"
    assert a["content"]["text"] == "most voters backed the opposition leader Karl Weber on the budget"
