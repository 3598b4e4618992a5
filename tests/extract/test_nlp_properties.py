"""Properties of the NLP steps on generated text: spans always match the text, ids resolve, no exceptions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdistill

WORDS = ["Anna", "Berg", "said", "the", "UN", "Daesh", "in", "Syria", "Mr.", "Ms.", "Lopez", "$5", "million", "20%",
         "on", "Saturday", "since", "2011", ",", ".", "“", "”", "(", ")", "NTA", "President", "of", "more", "than",
         "3,000", "people", "he", "she", "\n\n", "Syrian", "ambassador", "to", "Russia", "PENCE:", "last", "week"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=80), st.sampled_from([None, "2020-02-29"]))
def test_spans_and_ids_consistent(words, published):
    text = " ".join(words)
    doc = newsdistill.distill(text, published=published, attribution_model="fast")
    rec = doc.to_dict()
    if rec["status"] != "ok" or "entities" not in rec:
        return
    ids = {e["id"] for e in rec["entities"]}
    assert len(ids) == len(rec["entities"])
    for e in rec["entities"]:
        assert e["mentions"]
        for m in e["mentions"]:
            assert rec["text"][m["start"]:m["end"]] == m["text"]
            assert doc.input_text[m["input_start"]:m["input_end"]] == m["text"]
    for f in rec["figures"]:
        assert rec["text"][f["span"]["start"]:f["span"]["end"]] == f["span"]["text"]
        assert f["of"] is None or f["of"] in ids
        assert all(w in ids for w in f["where"])
    for d in rec["dates"]:
        assert rec["text"][d["start"]:d["end"]] == d["text"]
        if d["relative"] and published is None:
            assert d["value"] is None and d["anchor"] is None
