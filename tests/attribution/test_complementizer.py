"""The complementizer a reported clause opens with ("said *that* X"): left out of the content,
kept as the attribution's ``complementizer`` span (rule content.complementizer), and the
PolNeAR convention of newsdistill.eval.polnear that scores it with the content."""

from __future__ import annotations

from types import SimpleNamespace

import newsdistill
from newsdistill.attribution.document import attribute
from newsdistill.eval import polnear as E
from support.attribution_cases import LEAD, only


def test_said_that_gives_complementizer_and_content():
    a = only("The opposition leader Karl Weber said that the budget would fail in parliament.", cue="said")
    assert a["content"]["text"] == "the budget would fail in parliament"
    assert a["complementizer"]["text"] == "that"
    assert a["complementizer"]["end"] + 1 == a["content"]["start"]
    assert a["complementizer"]["input_end"] + 1 == a["content"]["input_start"]


def test_complementizer_offsets_point_at_the_input():
    body = "The opposition leader Karl Weber said that the budget would fail in parliament."
    doc = newsdistill.distill(LEAD + "\n\n" + body, attribution_model="fast")
    (a,) = [a for a in doc.to_dict()["attributions"] if a["cue"]["text"] == "said"]
    comp = a["complementizer"]
    assert doc.text[comp["start"]:comp["end"]] == "that"
    assert doc.input_text[comp["input_start"]:comp["input_end"]] == "that"
    assert doc.input_text.index("that the budget") == comp["input_start"]


def test_no_complementizer_without_that():
    a = only("The opposition leader Karl Weber said the budget would fail in parliament.", cue="said")
    assert a["content"]["text"] == "the budget would fail in parliament"
    assert a["complementizer"] is None


def test_quoted_content_after_that():
    a = only("The opposition leader Karl Weber said that \u201cthe budget would fail in parliament.\u201d", cue="said")
    assert a["content"]["text"] == "\u201cthe budget would fail in parliament.\u201d"
    assert a["complementizer"]["text"] == "that"


def test_direct_quote_before_the_cue_has_none():
    a = only("\u201cThe budget would fail in parliament,\u201d the opposition leader Karl Weber said.", cue="said")
    assert a["complementizer"] is None


def test_modeldrop_leading_that_keeps_the_word():
    from newsdistill.attribution.models.combine import drop_leading_that

    text = "He said that the plan works."
    assert drop_leading_that(text, (8, 27)) == ((13, 27), (8, 12))
    assert drop_leading_that(text, (13, 27)) == ((13, 27), None)


def test_model_content_snap_takes_the_models_complementizer():
    body = "The opposition leader Karl Weber said on Tuesday that the budget would fail in parliament before the summer."
    doc = newsdistill.distill(LEAD + "\n\n" + body, attribution_model="fast")
    s = doc.text.index("that the budget")
    e = doc.text.index(" before the summer")
    pred = SimpleNamespace(contents=[(s, e)], sources=[], cues=[])
    params = {"content_snap": 0.0, "content_shared": False, "new_contents": False}
    (a,) = [a for a in attribute(doc, prediction=pred, combine_params=params) if a.cue.text == "said"]
    assert a.content.text == "the budget would fail in parliament"
    assert "model.content-snap" in a.rule
    assert (a.complementizer.start, a.complementizer.end) == (s, s + 4)


# ---- the eval's PolNeAR convention ------------------------------------------------------------------
def _span(s, e):
    return {"start": s, "end": e, "input_start": s + 100, "input_end": e + 100}


def test_polnear_content_joins_complementizer_and_content():
    with_that = {"content": _span(13, 27), "complementizer": _span(8, 12)}
    assert E.polnear_content(with_that) == (108, 127)
    assert E.polnear_content({"content": _span(13, 27), "complementizer": None}) == (113, 127)
    assert E.polnear_content({"content": _span(13, 27)}) == (113, 127)  # records before format 1.1


def test_score_counts_a_that_content_exact_only_under_polnear_convention():
    raw = "He said that the plan works."
    s_that, s_plan, end = raw.index("that"), raw.index("the plan"), raw.index(".")
    span = lambda s, e: {"input_start": s, "input_end": e}  # noqa: E731
    pred = [{"source": span(0, 2), "cue": span(3, 7), "content": span(s_plan, end),
             "complementizer": span(s_that, s_that + 4)}]
    gold_roles = {"Source": {(0, 2)}, "Cue": {(3, 7)}, "Content": {(s_that, end)}}
    gold_attrs = [E.GoldAttr([(s_that, end)], [(0, 2)], [(3, 7)])]
    res = E.new_scores()
    E.score(pred, raw, gold_roles, gold_attrs, res)
    f1 = {m: res["scores"]["Content", m].prf()[2] for m in E.MODES}
    assert f1 == {"exact": 1.0, "overlap": 1.0, "exact-as-written": 0.0, "overlap-as-written": 1.0, "exact-that": 1.0}
    linked = {m: res["linked"][m].prf()[2] for m in E.MODES}
    assert linked["exact"] == 1.0 and linked["exact-as-written"] == 0.0
    assert res["scores"]["Source", "exact"].prf()[2] == 1.0

    # a complementizer the gold content does not include is a boundary error under PolNeAR's convention
    res = E.new_scores()
    E.score(pred, raw, dict(gold_roles, Content={(s_plan, end)}), [E.GoldAttr([(s_plan, end)], [(0, 2)])], res)
    assert res["scores"]["Content", "exact"].prf()[2] == 0.0
    assert res["scores"]["Content", "exact-as-written"].prf()[2] == 1.0
