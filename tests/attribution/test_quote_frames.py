"""Quote frames (rules ``cue.quote-frame-before`` / ``cue.quote-frame-after``) and a source the
parse hung on a date (``source.noun-before-cue``), on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsdistill.attribution import patterns as quote_cues
from newsdistill.attribution.candidates import find_candidates, find_quotes
from newsdistill.attribution.tokens import Ctx
from support.attribution_cases import attributions, only

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
    return doc, Ctx(doc, text, [(0, len(text))], find_quotes(text))


def test_a_name_the_parse_hung_on_a_date_is_the_source():
    doc, ctx = _broken_parse()
    said = doc[14]
    assert quote_cues.noun_before_cue(ctx, said).text == "Hale"


def test_a_name_hung_on_a_noun_that_is_no_date_or_place_still_climbs():
    doc, ctx = _broken_parse(date_ent=False)
    # up to the introductory phrase's head ("In"), which is no noun: no source, as before the rule
    assert quote_cues.noun_before_cue(ctx, doc[14]) is None


def _inverted(words, heads, deps, pos, ents=None):
    """A parse of '"We won," said ...' as en_core_web_sm gave a PolNeAR train sentence (words
    changed): the cue has no subject and no object."""
    n = len(words)
    spaces = [w not in ('"',) and words[k + 1] not in (",", ".", ")", '"', "-") and w not in ("(", "-")
              if k + 1 < n else False for k, w in enumerate(words)]
    spaces[0] = False
    spaces[3] = False  # ,"
    spaces[4] = True   # " said
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=["say" if w == "said" else w.lower() for w in words], ents=ents or ["O"] * n)
    return doc, Ctx(doc, doc.text, [(0, len(doc.text))], find_quotes(doc.text))


def test_after_a_quote_frame_the_words_after_a_subjectless_cue_are_the_source():
    words = ['"', "We", "won", ",", '"', "said", "Oversight", "ranking", "Democrat", "Ann", "Lund", "(", "D", "-",
             "Ore.", ")", "."]
    heads = [5, 2, 5, 5, 5, 5, 7, 5, 10, 10, 7, 10, 10, 12, 12, 10, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "nsubj", "ccomp", "compound", "compound", "dobj",
            "punct", "appos", "punct", "appos", "punct", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT",
           "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT"]
    doc, ctx = _inverted(words, heads, deps, pos)
    assert doc.text == '"We won," said Oversight ranking Democrat Ann Lund (D-Ore.).'
    head, toks = quote_cues.inverted_frame_source(ctx, doc[5])
    assert head.text == "Lund"
    assert doc[toks[0].i:toks[-1].i + 1].text == "Oversight ranking Democrat Ann Lund (D-Ore.)"
    cands = [c for c in find_candidates(doc, doc.text) if c.cue_token == 5]
    assert [(doc.text[c.source[0]:c.source[1]], doc.text[c.content[0]:c.content[1]]) for c in cands] == [
        ("Oversight ranking Democrat Ann Lund (D-Ore.)", '"We won,"')]
    assert cands[0].rule.endswith("+source.inverted-frame")


def test_an_inverted_frame_source_without_apposition_stops_at_a_date():
    words = ['"', "We", "won", ",", '"', "said", "Lund", "Tuesday", "."]
    heads = [5, 2, 5, 5, 5, 5, 7, 5, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"]
    doc, ctx = _inverted(words, heads, deps, pos, ents=["O"] * 7 + ["B-DATE", "O"])
    head, toks = quote_cues.inverted_frame_source(ctx, doc[5])
    assert [t.text for t in toks] == ["Lund"]


def test_no_quote_frame_no_inverted_frame_source():
    words = ['"', "We", "won", ".", '"', "said", "Lund", "Tuesday", "."]  # a full stop ends the quote
    heads = [5, 2, 5, 5, 5, 5, 7, 5, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"]
    doc, ctx = _inverted(words, heads, deps, pos)
    assert quote_cues.inverted_frame_source(ctx, doc[5]) is None


def test_a_quote_after_the_cues_own_phrase_is_its_content():
    a = only("Lund, who declared in the debate spin room, \u201cI am sending the signal that it is time to unite,\u201d "
             "won the vote.", cue="declared")
    assert (a["source"]["text"], a["content"]["text"]) == (
        "who", "\u201cI am sending the signal that it is time to unite,\u201d")
    assert a["rule"] == "cue.verb-phrase-then-quote"
    a = only("Clinton seemed ready to riff on the incident in Iowa, telling the crowd, \u201cSome people get a little "
             "carried away, have you noticed that?\u201d", cue="telling")
    assert a["source"]["text"] == "Clinton" and a["content"]["text"].startswith("\u201cSome people")


def _ctx_of(text: str):
    import newsdistill
    from newsdistill.attribution.document import paragraph_offsets, parsed

    doc = newsdistill.distill(text, attribution_model="fast")
    sdoc, paragraphs = parsed(doc), paragraph_offsets(doc)
    return sdoc, Ctx(sdoc, doc.text, paragraphs, find_quotes(doc.text, paragraphs))


@pytest.mark.parametrize("phrase, found", [("in the hall", True),
                                           ("in the hall where the angry voters had gathered", False)])
def test_the_cues_phrase_before_a_quote_holds_no_verb(phrase, found):
    sdoc, ctx = _ctx_of(f"Lund declared {phrase}, \u201cWe want change.\u201d")
    cue = next(t for t in sdoc if t.text == "declared")
    q = quote_cues.quote_after_cue_phrase(ctx, cue, cue.idx + len(cue.text), 0)
    assert (q is not None) == found


def test_after_a_quote_frame_the_words_before_a_cue_whose_subject_is_in_the_quote_are_its_source():
    """The parse makes "I" (inside the quote) the subject of "said" and Holm the subject of "retired"."""
    text = ("''If the minister had gone to Oslo, I would have been sitting in a cell for a long time,'' Mr. Holm, "
            "now 79 and retired in Bergen, Norway, said by telephone this week.")
    sdoc, ctx = _ctx_of(text)
    said = next(t for t in sdoc if t.text == "said")
    assert said.dep_ == "conj" and sdoc[said.head.i].text == "sitting"  # the parse this rule is for
    (cand,) = [c for c in find_candidates(sdoc, ctx.text) if c.cue_token == said.i]
    assert ctx.text[cand.source[0]:cand.source[1]] == "Mr. Holm, now 79 and retired in Bergen, Norway,"
    assert ctx.text[cand.content[0]:cand.content[1]].startswith("''If the minister")
    assert cand.rule == "cue.quote-then-verb+source.frame-before-cue"
    assert sdoc[cand.source_head].text == "Holm"


def test_no_frame_source_when_another_cue_lies_between():
    text = ("''It is over,'' Anna Lund, the city manager, said of the course, which was then known as the "
            "Old Links, announced yesterday.")
    sdoc, ctx = _ctx_of(text)
    announced = next(t for t in sdoc if t.text == "announced")
    assert quote_cues.frame_source_before_cue(ctx, announced) is None
