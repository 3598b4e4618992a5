"""Workers send back serialised records and duplicate signatures (engine/distilled.py, issue 17):
the bytes written are those of the plain path (pipeline -> Deduplicator -> to_dict -> JSON)."""

from __future__ import annotations

import gzip
import json

import pytest

from newsdistill.corpus.dedup import Deduplicator, DedupOptions
from newsdistill.engine import distilled
from newsdistill.engine.distilled import Marker, distil, record_line
from newsdistill.engine.runner import RunOptions, run_corpus
from newsdistill.pipeline import PRESETS, default_pipeline
from newsdistill.read.sources import ReadOptions, expand, read_path
from support.engine_corpus import make_corpus

CLEAN = PRESETS["clean"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("distilled")
    paths, _ = make_corpus(root / "c", n=30)
    dup = root / "c" / "dup"
    dup.mkdir()
    texts = sorted((root / "c" / "txt").glob("*.txt"))[:4]
    for i, p in enumerate(texts):  # exact copies, and copies with one character changed (near duplicates)
        text = p.read_text(encoding="utf-8")
        (dup / f"d{i}.txt").write_text(text if i % 2 else text.replace(".", "!", 1), encoding="utf-8")
    return [*paths, str(dup)]


def _reference(paths, dedup=True, drop=False) -> list[str]:
    """The plain path: every Document through the pipeline, the Deduplicator on Documents, to_dict."""
    pipeline, dedup_ = default_pipeline("fast", CLEAN), Deduplicator() if dedup else None
    lines = []
    for path in expand(paths):
        for doc in read_path(path, ReadOptions()):
            doc = pipeline(doc)
            rule = dedup_(doc) if dedup_ else None
            if not (drop and rule):
                lines.append(record_line(doc.to_dict()))
    return lines


def _lines(path) -> list[str]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


@pytest.mark.parametrize("workers, dedup, drop, name", [
    (1, True, False, "o.jsonl"), (2, True, False, "o.jsonl"), (2, False, False, "o.jsonl"), (2, True, True, "o.jsonl.gz"),
])
def test_written_bytes_are_the_plain_paths(corpus, tmp_path, workers, dedup, drop, name):
    out = tmp_path / name
    summary = run_corpus(corpus, str(out), RunOptions(workers=workers, batch_size=4, steps=CLEAN, dedup=dedup,
                                                      drop_duplicates=drop))
    expected = _reference(corpus, dedup, drop)
    assert _lines(out) == expected
    assert summary.duplicates if dedup else not summary.duplicates
    assert summary.written == len(expected)
    assert set(summary.stages) == {"read", "engine", "dedup", "write"} and all(v >= 0 for v in summary.stages.values())


def test_sharded_and_dict_outputs_hold_the_same_records(corpus, tmp_path):
    from newsdistill.write import read_records

    expected = [json.loads(line) for line in _reference(corpus)]
    run_corpus(corpus, str(tmp_path / "sh") + "/", RunOptions(workers=2, batch_size=4, steps=CLEAN, shard_size=7))
    sharded = [r for p in sorted((tmp_path / "sh").glob("shard-*.jsonl.gz")) for r in read_records(str(p))]
    assert sharded == expected
    run_corpus(corpus, str(tmp_path / "p.parquet"), RunOptions(workers=2, batch_size=4, steps=CLEAN))
    assert [r["id"] for r in read_records(str(tmp_path / "p.parquet"))] == [r["id"] for r in expected]
    run_corpus(corpus, str(tmp_path / "c.jsonl"), RunOptions(workers=2, batch_size=4, steps=CLEAN,
                                                            csv_dir=str(tmp_path / "csv")))  # records as dicts
    assert [json.loads(line) for line in _lines(tmp_path / "c.jsonl")] == expected


def test_the_parent_computes_no_signatures_with_a_pool(corpus, tmp_path, monkeypatch):
    calls = []
    real = distilled.signatures
    monkeypatch.setattr(distilled, "signatures", lambda text, options: calls.append(1) or real(text, options))
    summary = run_corpus(corpus, str(tmp_path / "o.jsonl"), RunOptions(workers=2, batch_size=4, steps=CLEAN))
    assert calls == [] and sum(summary.duplicates.values()) >= 2  # found, from the workers' signatures
    run_corpus(corpus, str(tmp_path / "o1.jsonl"), RunOptions(workers=1, steps=CLEAN))
    assert calls  # one worker: this process is the worker


def test_marker_keeps_error_records_out_of_clusters():
    from newsdistill.record import Document

    marker = Marker(True, False, DedupOptions())
    bad = distil(True, DedupOptions(), Document(id="b").fail("binary-input", "binary"))
    assert marker(bad) == (None, False)
    assert json.loads(bad.line)["cluster"] is None and bad.where == "b" and bad.error == "binary-input"
    text = "The council voted on Monday to close the old bridge for repairs, the mayor said. " * 3
    one = distil(False, DedupOptions(), default_pipeline("fast", CLEAN)(Document(id="a", input_text=text)))
    two = distil(True, DedupOptions(), default_pipeline("fast", CLEAN)(Document(id="a2", input_text=text)))
    assert marker(one) == (None, False) and one.record["cluster"] == "a" and one.record["duplicate_of"] is None
    assert marker(two) == ("exact-text", False) and json.loads(two.line)["duplicate_of"] == "a"
    assert list(json.loads(two.line))[-2:] == ["duplicate_of", "cluster"]


def test_a_run_on_a_started_engine_leaves_it_open(corpus, tmp_path):
    """run_corpus(engine=...): the bench's warm engine, used for two runs, gives the plain path's bytes."""
    import functools

    from newsdistill.engine.local import LocalEngine
    from newsdistill.engine.runner import worker_finish
    from newsdistill.pipeline import configured_pipeline

    options = RunOptions(workers=2, batch_size=4, steps=CLEAN)
    out = tmp_path / "o.jsonl"
    engine = LocalEngine(workers=2, batch_size=4, finish=worker_finish(options, str(out)),
                         pipeline_factory=functools.partial(configured_pipeline, None, "fast", CLEAN))
    try:
        run_corpus(corpus, str(out), options, engine=engine)
        run_corpus(corpus, str(tmp_path / "sh") + "/", options, engine=engine)
    finally:
        engine.close()
    assert _lines(out) == _reference(corpus)
    sharded = [line for p in sorted((tmp_path / "sh").glob("shard-*.jsonl.gz")) for line in _lines(p)]
    assert sharded == _reference(corpus)
