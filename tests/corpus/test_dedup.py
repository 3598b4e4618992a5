"""Exact and near duplicates: duplicate_of / cluster, deterministic, restorable on resume."""

from __future__ import annotations

import random

from newsdistill.corpus.dedup import Deduplicator, DedupOptions, normalise
from newsdistill.record import Document
from support.engine_corpus import gen_news


def _doc(doc_id, text, status="ok"):
    d = Document(id=doc_id, input_text=text)
    d.text = text
    if status != "ok":
        d.fail("empty-input", "x")
    return d


def _article(seed):
    return gen_news().article(random.Random(seed))[1]


def test_normalise_ignores_case_whitespace_and_punctuation():
    assert normalise("The  Minister SAID:\n\n\"No.\"") == normalise("the minister said no")


def test_exact_near_and_distinct():
    base = _article(1)
    words = base.split(" ")
    near = " ".join(w if i % 97 else "changed" for i, w in enumerate(words))
    dedup = Deduplicator()
    docs = [_doc("a", base), _doc("b", _article(2)), _doc("c", base.upper().replace("\n\n", "\n")),
            _doc("d", near), _doc("e", "Too short to shingle."), _doc("f", "too short  to SHINGLE"),
            _doc("g", "", status="error")]
    rules = [dedup(d) for d in docs]
    assert rules == [None, None, "exact-text", "near-text", None, "exact-text", None]
    assert [(d.extra["duplicate_of"], d.extra["cluster"]) for d in docs] == [
        (None, "a"), (None, "b"), ("a", "a"), ("a", "a"), (None, "e"), ("e", "e"), (None, None)]


def test_unrelated_articles_of_the_same_template_are_not_near_duplicates():
    dedup = Deduplicator()
    docs = [_doc(str(i), _article(100 + i)) for i in range(300)]
    assert sum(dedup(d) is not None for d in docs) == 0


def test_generated_duplicates_are_found():
    g = gen_news()
    items = list(g.generate(400, seed=5, dup_rate=0.1, near_rate=0.1))
    dedup = Deduplicator()
    found = {d["id"]: dedup(_doc(d["id"], d["text"])) for d in items}
    originals = {d["id"] for d in items if d["title"] is not None}  # copies have no title
    copies = [i for i in found if i not in originals]
    assert all(found[i] is None for i in originals)
    assert sum(found[i] is not None for i in copies) >= 0.95 * len(copies)


def test_restore_continues_exactly_like_one_pass():
    items = list(gen_news().generate(300, seed=9, dup_rate=0.1, near_rate=0.1))
    one = Deduplicator(DedupOptions(threshold=0.8))
    whole = []
    for d in items:
        doc = _doc(d["id"], d["text"])
        one(doc)
        whole.append((doc.extra["duplicate_of"], doc.extra["cluster"]))
    first = Deduplicator()
    written = []
    for d in items[:150]:
        doc = _doc(d["id"], d["text"])
        first(doc)
        written.append(doc.to_dict())
    resumed = Deduplicator()
    for record in written:
        resumed.restore(record)
    rest = []
    for d in items[150:]:
        doc = _doc(d["id"], d["text"])
        resumed(doc)
        rest.append((doc.extra["duplicate_of"], doc.extra["cluster"]))
    assert [(r["duplicate_of"], r["cluster"]) for r in written] + rest == whole
