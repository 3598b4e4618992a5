"""A content that holds its own source and cue ("X, he said, is Y"): recorded as
``content_fragments`` without them (rule content.fragments), and scored fragment by fragment by
newsdistill.eval.polnear, as PolNeAR annotates such contents."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

import newsdistill
from newsdistill.attribution.document import attribute
from newsdistill.attribution.patterns import content_fragments
from newsdistill.eval import polnear as E
from support.attribution_cases import LEAD, only


def _at(text: str, words: str) -> tuple[int, int]:
    """The first place ``words`` occur as whole words."""
    m = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text)
    return m.start(), m.end()


# ---- the pure rule ----------------------------------------------------------------------------------
def test_parenthetical_cue_splits_the_content():
    text = "The plan, he said, is a failure."
    content = (0, text.index("."))
    frags = content_fragments(text, content, [_at(text, "he"), _at(text, "said")])
    assert [text[s:e] for s, e in frags] == ["The plan", "is a failure"]


def test_quote_keeps_its_marks_and_comma():
    text = "\u201cWe won,\u201d Weber said. \u201cThey lost.\u201d"
    frags = content_fragments(text, (0, len(text)), [_at(text, "Weber"), _at(text, "said")])
    assert [text[s:e] for s, e in frags] == ["\u201cWe won,\u201d", "\u201cThey lost.\u201d"]


def test_dashes_and_parentheses_around_the_cue_are_dropped():
    text = "The plan \u2014 Weber said \u2014 is a failure"
    assert [text[s:e] for s, e in content_fragments(text, (0, len(text)), [_at(text, "Weber"), _at(text, "said")])] \
        == ["The plan", "is a failure"]
    text = "The plan (he said) is a failure"
    assert [text[s:e] for s, e in content_fragments(text, (0, len(text)), [None, _at(text, "he said")])] \
        == ["The plan", "is a failure"]


def test_continuous_content_has_none():
    text = "Weber said the plan is a failure."
    content = _at(text, "the plan is a failure")
    assert content_fragments(text, content, [_at(text, "Weber"), _at(text, "said")]) is None
    assert content_fragments(text, content, [None, None]) is None
    # a cue at the content's edge (the model's content swallowed it) does not split it
    assert content_fragments(text, (0, content[1]), [_at(text, "Weber"), _at(text, "said")]) is None
    # a side without a word is no fragment
    text = "\u201c\u201d he said, the plan fails"
    assert content_fragments(text, (0, len(text)), [_at(text, "he"), _at(text, "said")]) is None


@given(st.text(alphabet="ab ,.\u201c\u201d", min_size=0, max_size=12), st.text(alphabet="ab ,.\u201c\u201d", max_size=12))
def test_fragments_lie_inside_the_content_around_the_cue(before, after):
    text = before + "he said" + after
    cue = (len(before), len(before) + len("he said"))
    frags = content_fragments(text, (0, len(text)), [None, cue])
    if frags is None:
        return
    (s1, e1), (s2, e2) = frags
    assert 0 == s1 < e1 <= cue[0] and cue[1] <= s2 < e2 == len(text)
    assert not text[e1:cue[0]].strip(" ,.") and not text[cue[1]:s2].strip(" ,.")


# ---- the step ---------------------------------------------------------------------------------------
def test_parenthetical_cue_gets_fragments_in_the_record():
    body = "The new budget, the opposition leader Karl Weber said, is a failure for the whole country."
    a = only(body, cue="said")
    assert a["rule"].startswith("cue.parenthetical")
    assert a["content"]["text"] == "The new budget, the opposition leader Karl Weber said, is a failure for the whole country"
    frags = a["content_fragments"]
    assert [f["text"] for f in frags] == ["The new budget", "is a failure for the whole country"]
    assert (frags[0]["start"], frags[-1]["end"]) == (a["content"]["start"], a["content"]["end"])
    doc = newsdistill.distill(LEAD + "\n\n" + body, attribution_model="fast")
    for f in frags:
        assert doc.input_text[f["input_start"]:f["input_end"]] == f["text"]


def test_reported_clause_has_no_fragments():
    a = only("The opposition leader Karl Weber said that the budget would fail in parliament.", cue="said")
    assert a["content_fragments"] is None


def test_model_hull_content_gets_the_same_fragments():
    """With the span model, a parenthetical cue's content takes the hull of the model's parts
    (model_attribution._hull); the fragments come from the same rule."""
    body = "The new budget, the opposition leader Karl Weber said, is a failure for the whole country."
    doc = newsdistill.distill(LEAD + "\n\n" + body, attribution_model="fast")
    t = doc.text
    parts = [_at(t, "The new budget"), _at(t, "is a failure for the whole country")]
    pred = SimpleNamespace(contents=parts, sources=[], cues=[])
    params = {"content_snap": 0.0, "content_shared": False, "new_contents": False, "content_hull": True}
    (a,) = [a for a in attribute(doc, prediction=pred, combine_params=params) if a.cue.text == "said"]
    assert [(f.start, f.end) for f in a.content_fragments] == parts


# ---- the eval ---------------------------------------------------------------------------------------
def _span(s, e):
    return {"input_start": s, "input_end": e}


def test_score_counts_predicted_fragments_as_gold_ones():
    raw = "The plan, he said, is a failure."
    plan, he, said, rest = _at(raw, "The plan"), _at(raw, "he"), _at(raw, "said"), _at(raw, "is a failure")
    gold_roles = {"Source": {he}, "Cue": {said}, "Content": {plan, rest}}
    gold_attrs = [E.GoldAttr([plan, rest], [he], [said])]
    hull = {"source": _span(*he), "cue": _span(*said), "content": _span(plan[0], rest[1]), "complementizer": None}
    res = E.new_scores()
    E.score([hull], raw, gold_roles, gold_attrs, res)
    assert all(res["scores"]["Content", m].prf()[2] == 0.0 for m in ("exact", "exact-as-written", "exact-that"))
    assert res["linked"]["exact"].prf()[2] == 0.0

    fragmented = dict(hull, content_fragments=[_span(*plan), _span(*rest)])
    res = E.new_scores()
    E.score([fragmented], raw, gold_roles, gold_attrs, res)
    for m in E.MODES:
        assert res["scores"]["Content", m].prf() == (1.0, 1.0, 1.0), m
        # linked: one attribution on each side, matched through a fragment
        assert (res["linked"][m].n_p, res["linked"][m].n_g) == (1, 1)
        assert res["linked"][m].prf()[2] == 1.0, m

    # one fragment right, one wrong: half the content items, the attribution still linked
    half = dict(hull, content_fragments=[_span(*plan), _span(rest[0], rest[1] - 3)])
    res = E.new_scores()
    E.score([half], raw, gold_roles, gold_attrs, res)
    assert res["scores"]["Content", "exact"].prf() == (0.5, 0.5, 0.5)
    assert res["linked"]["exact"].prf()[2] == 1.0


def test_polnear_convention_starts_the_first_fragment_at_the_complementizer():
    raw = "He noted that the plan, he said, is a failure."
    that, plan, rest = _at(raw, "that"), _at(raw, "the plan"), _at(raw, "is a failure")
    a = {"source": None, "cue": None, "content": _span(plan[0], rest[1]), "complementizer": _span(*that),
         "content_fragments": [_span(*plan), _span(*rest)]}
    assert E.content_items(a, "polnear") == [(that[0], plan[1]), rest]
    assert E.content_items(a, "written") == [plan, rest]
    assert E.content_items(dict(a, content_fragments=None), "written") == [(plan[0], rest[1])]


def test_model_content_around_the_rules_own_cue_does_not_support_it():
    """MODEL_COMBINE swallow_cue=False: a rule content beside its cue neither takes nor is
    supported by a model content that holds that cue; it keeps one that leaves the cue out."""
    body = "The opposition leader Karl Weber said on Tuesday that the budget would fail in parliament."
    doc = newsdistill.distill(LEAD + "\n\n" + body, attribution_model="fast")
    t = doc.text
    around = (t.index("Karl Weber"), t.index(" in parliament."))
    beside = (t.index("the budget"), t.index(" in parliament."))
    params = {"content_snap": 0.0, "content_shared": False, "new_contents": False, "drop_unsupported": True}

    def said(contents, **extra):
        pred = SimpleNamespace(contents=contents, sources=[], cues=[])
        return [a for a in attribute(doc, prediction=pred, combine_params=dict(params, **extra))
                if a.cue is not None and a.cue.text == "said"]

    assert said([around], swallow_cue=False) == []
    (a,) = said([around], swallow_cue=True)
    assert a.content.start == around[0]
    assert a.content_fragments is None  # the source starts before the content: no clean split
    (a,) = said([around, beside], swallow_cue=False)
    assert (a.content.start, a.content.end) == beside and a.content_fragments is None
