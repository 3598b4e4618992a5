"""Golden figures and dates on the seed article (issue #3)."""

from __future__ import annotations


def _ids(doc):
    return {e["name"]: e["id"] for e in doc.to_dict()["entities"]}


def test_seed_figures(seed_doc):
    ids = _ids(seed_doc)
    figs = seed_doc.to_dict()["figures"]
    members = [f for f in figs if f["thing"] == "members"]
    assert len(members) == 2
    for f in members:
        assert f["value"] == 20000
        assert f["qualifier"] == "more than"
        assert f["kind"] == "count"
        assert f["span"]["text"] == "more than 20,000"
        assert f["of"] == ids["ISIS"]
        assert f["where"] == [ids["Iraq"], ids["Syria"]]
        # the attribution step (issue #4) credits each figure to the statement holding it
        assert f["attributed_to"] in {a["id"] for a in seed_doc.to_dict().get("attributions", [])}
        assert seed_doc.input_text[f["span"]["input_start"]:f["span"]["input_end"]] == "more than 20,000"
    assert [f["id"] for f in figs] == [f"F{i}" for i in range(1, len(figs) + 1)]


def test_seed_dates(seed_doc):
    dates = seed_doc.to_dict()["dates"]
    by_text = {d["text"]: d for d in dates}
    cap = by_text["October 11, 2015"]
    assert cap["value"] == "2015-10-11" and cap["caption"] == 0 and cap["granularity"] == "day"
    assert seed_doc.input_text[cap["input_start"]:cap["input_end"]] == "October 11, 2015"
    assert by_text["2011"]["interval"] == {"start": "2011-01-01", "end": None}  # "since 2011"
    assert by_text["2011"]["granularity"] == "year"
    assert by_text["2015"]["interval"] == {"start": "2015-01-01", "end": None}  # "Since 2015"
    end2017 = by_text["the end of 2017"]
    assert end2017["granularity"] == "part-of-year"
    assert end2017["interval"] == {"start": "2017-10-01", "end": "2017-12-31"}
    sat = by_text["Saturday"]
    # the seed has no publication date: kept relative, never anchored to the caption's 2015 date
    assert sat["relative"] is True and sat["value"] is None and sat["anchor"] is None
    assert seed_doc.published is None


def test_seed_saturday_with_publication_date(seed_text):
    import newsdistill

    doc = newsdistill.distill(seed_text, published="2019-07-02", attribution_model="fast")  # a Tuesday
    sat = next(d for d in doc.to_dict()["dates"] if d["text"] == "Saturday")
    assert sat["value"] == "2019-06-29" and sat["anchor"] == "2019-07-02"
    cap = next(d for d in doc.to_dict()["dates"] if d.get("caption") == 0)
    assert cap["value"] == "2015-10-11" and cap["anchor"] is None
