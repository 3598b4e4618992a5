"""Quote frames (rules ``cue.quote-frame-before`` / ``cue.quote-frame-after``) and a source the
parse hung on a date (``source.noun-before-cue``), on sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsdistill.extract import quote_cues
from newsdistill.extract.quotes import _Ctx, find_quotes
from test_attribution_rules import attributions, only

POTHOLES = ("''There are far too many potholes on this road, and I want the council to remember who pays for "
            "them,'' the former mayor told a crowd that organizers estimated at 2,000 people in the square.")


def test_a_comma_quote_before_the_source_is_the_content_over_the_parse_clause():
    a = only(POTHOLES, cue="told")
    assert a["content"]["text"].startswith("''There are far too many potholes")
    assert a["content"]["text"].endswith("them,''")
    assert a["source"]["text"] == "the former mayor"
    assert a["kind"] == "direct"
    assert a["rule"] == "cue.quote-frame-before"


def test_a_quote_right_after_said_comma_beats_a_clause_before_the_cue():
    text = "She said she had not read the report, and when asked whether she would resign over it, she said, ''I do not think so.''"
    found = [a for a in attributions(text) if a["rule"] == "cue.quote-frame-after"]
    assert [(a["source"]["text"], a["cue"]["text"], a["content"]["text"]) for a in found] == [
        ("she", "said", "''I do not think so.''")]


def test_a_quoted_fragment_inside_the_clause_is_not_a_frame():
    a = only("In the end, she \u201cmade a costly mistake,\u201d Berg said.", cue="said")
    assert a["content"]["text"] == "In the end, she \u201cmade a costly mistake,\u201d"
    assert "frame" not in a["rule"]


def test_an_exclamation_that_ends_the_sentence_before_is_not_a_frame():
    a = only("Her most famous line was \u201cStop this war now!\u201d Voters still praise her refusal to accept the deal.",
             cue="still praise")
    assert a["content"]["text"] == "her refusal to accept the deal"


def test_a_second_cue_after_the_frame_keeps_its_own_clause():
    found = attributions("\u201cWe have a very strong case,\u201d Mayor Lund said, adding that the city would appeal.")
    got = {a["cue"]["text"]: a["content"]["text"] for a in found if a["source"] and a["source"]["text"] == "Mayor Lund"}
    assert got == {"said": "\u201cWe have a very strong case,\u201d", "adding": "the city would appeal"}


def _broken_parse(date_ent: bool = True):
    """The parse en_core_web_sm gave a PolNeAR train sentence (words changed): the name is an
    apposition of the date, and the cue has no subject."""
    words = ["In", "a", "call", "on", "Dec.", "2", ",", "Col.", "Ann", "Hale", ",", "a", "spokeswoman", ",",
             "said", ",", "''", "No", ".", "''"]
    heads = [14, 2, 0, 2, 3, 4, 4, 9, 9, 4, 9, 12, 9, 14, 14, 14, 14, 14, 14, 14]
    deps = ["prep", "det", "pobj", "prep", "pobj", "nummod", "punct", "compound", "compound", "appos", "punct",
            "det", "appos", "punct", "ROOT", "punct", "punct", "ccomp", "punct", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "PROPN", "NUM", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "DET",
           "NOUN", "PUNCT", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"]
    spaces = [True, True, True, True, True, False, True, True, True, False, True, True, False, True, False, True,
              False, False, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=[w.lower() if w != "said" else "say" for w in words],
              ents=["O", "O", "O", "O", "B-DATE" if date_ent else "O", "I-DATE" if date_ent else "O"] + ["O"] * 14)
    text = doc.text
    return doc, _Ctx(doc, text, [(0, len(text))], find_quotes(text))


def test_a_name_the_parse_hung_on_a_date_is_the_source():
    doc, ctx = _broken_parse()
    said = doc[14]
    assert quote_cues.noun_before_cue(ctx, said).text == "Hale"


def test_a_name_hung_on_a_noun_that_is_no_date_or_place_still_climbs():
    doc, ctx = _broken_parse(date_ent=False)
    # up to the introductory phrase's head ("In"), which is no noun: no source, as before the rule
    assert quote_cues.noun_before_cue(ctx, doc[14]) is None
