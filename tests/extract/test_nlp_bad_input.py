"""Bad input for the NLP steps: no exception, bounded time, a recorded reason when skipped."""

from __future__ import annotations

import random
import time
from pathlib import Path

import newsdistill

DATA = Path(__file__).parent / "data" / "entities"


def test_no_entities():
    doc = newsdistill.distill((DATA / "empty_of_names.txt").read_text(encoding="utf-8"), attribution_model="fast")
    rec = doc.to_dict()
    assert rec["status"] == "ok"
    assert rec["entities"] == [] and rec["figures"] == [] and rec["dates"] == []


def test_non_english_is_skipped_with_reason():
    doc = newsdistill.distill((DATA / "german.txt").read_text(encoding="utf-8"), attribution_model="fast")
    rec = doc.to_dict()
    assert rec["status"] == "ok" and rec["language"] == "de"
    assert "entities" not in rec and "figures" not in rec and "dates" not in rec
    assert rec["skipped"] == [{"step": "parse", "reason": "language is 'de', not English: no entities, figures or dates"}]
    assert doc.nlp_doc is None


def _fake_names(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    syl = ["ka", "lo", "mi", "ran", "tes", "vor", "dal", "bri", "sen", "tor", "ul", "mar", "nek", "pi", "zo"]
    return [" ".join("".join(rng.choice(syl) for _ in range(rng.randint(2, 3))).title() for _ in range(2)) for _ in range(n)]


def test_five_thousand_entities_bounded():
    names = _fake_names(5000)
    sentences = [f"{a} met {b} in Paris on Monday and paid $5." for a, b in zip(names[::2], names[1::2])]
    text = "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))
    from newsdistill.pipeline import default_pipeline
    from newsdistill.record import Document

    newsdistill.distill("Warm up with Anna Berg in Paris on Monday.", attribution_model="fast")
    doc = Document(id="many", input_text=text)
    took, per_step = 0.0, {}
    for step in default_pipeline().steps:
        started = time.perf_counter()
        doc = step(doc)
        per_step[step.name] = time.perf_counter() - started
        took += per_step[step.name]
    assert doc.status == "ok"
    # entities, figures and dates stay a fraction of the parse even with 5,000 names
    assert per_step["entities"] + per_step["figures"] + per_step["dates"] < 0.5 * per_step["parse"], per_step
    ents = doc.to_dict()["entities"]
    assert len(ents) > 1000
    assert any(e["name"] == "Paris" and len(e["mentions"]) > 1000 for e in ents)
    assert took < 120, took


def test_extremely_long_sentence_bounded():
    text = "The committee met " + " and then the committee met again with Anna Berg of the Harbour Board" * 3000 + "."
    started = time.perf_counter()
    doc = newsdistill.distill(text, attribution_model="fast")
    assert doc.status == "ok"
    rec = doc.to_dict()
    assert any(e["name"] == "Anna Berg" for e in rec["entities"])
    assert time.perf_counter() - started < 120


def test_caption_only_and_tiny_inputs():
    for text in ("Hi.", "Paris", "123 456", "“”", "the the the"):
        rec = newsdistill.distill(text, attribution_model="fast").to_dict()
        assert rec["status"] in ("ok", "error")
        for e in rec.get("entities", []):
            for m in e["mentions"]:
                assert rec["text"][m["start"]:m["end"]] == m["text"]
