"""The local engine: same records in the same order whatever the workers; in == out with bad inputs."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

import pytest

from newsdistill.engine import make_engine
from newsdistill.engine.local import LocalEngine
from newsdistill.engine.runner import RunOptions, run_corpus
from newsdistill.errors import Fatal
from newsdistill.pipeline import Pipeline
from newsdistill.read import iter_documents
from newsdistill.record import Document
from support.engine_corpus import make_corpus


def _records(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"))[0]


def test_in_equals_out_and_workers_do_not_change_records(corpus, tmp_path):
    inputs = [d.id for d in iter_documents(corpus)]
    one = run_corpus(corpus, str(tmp_path / "one.jsonl"), RunOptions(workers=1))
    two = run_corpus(corpus, str(tmp_path / "two.jsonl"), RunOptions(workers=2, batch_size=3))
    r1, r2 = _records(tmp_path / "one.jsonl"), _records(tmp_path / "two.jsonl")
    assert [r["id"] for r in r1] == inputs  # one record per input document, in input order
    assert r1 == r2
    assert one.documents == two.documents == len(inputs)
    codes = Counter(r["error"]["code"] for r in r1 if r["status"] == "error")
    assert codes == one.errors
    for code in ("empty-input", "binary-input", "bad-json", "not-an-object", "missing-text-field",
                 "unreadable-file", "truncated-file"):
        assert codes[code] >= 1, code
    assert one.ok == len(inputs) - sum(codes.values())


def test_pool_streams_in_order_with_small_in_flight_window():
    docs = [Document(id=f"d{i}", input_text=f"Paragraph number {i} of a test about the pool.\n") for i in range(50)]
    with LocalEngine(workers=2, batch_size=2, max_in_flight=2) as engine:
        out = list(engine.map(iter(docs)))
    assert [d.id for d in out] == [f"d{i}" for i in range(50)]
    assert all(d.status == "ok" and d.text for d in out)


class _Slow:
    name, needs, adds = "slow", (), ()

    def __call__(self, doc):
        if "slow" in doc.input_text:
            time.sleep(5)
        return doc


class _Buggy:
    name, needs, adds = "buggy", (), ()

    def __call__(self, doc):
        if "bug" in doc.input_text:
            raise KeyError("oops")
        return doc


def test_time_bound_and_step_bugs_become_error_records():
    engine = LocalEngine(workers=1, timeout=0.3, pipeline_factory=lambda: Pipeline([_Slow(), _Buggy()]))
    docs = [Document(id="a", input_text="fine"), Document(id="b", input_text="slow one"),
            Document(id="c", input_text="a bug"), Document(id="d", input_text="fine too")]
    started = time.perf_counter()
    out = list(engine.map(docs))
    assert time.perf_counter() - started < 3
    assert [(d.id, d.status, d.error.code if d.error else None) for d in out] == [
        ("a", "ok", None), ("b", "error", "timeout"), ("c", "error", "internal-error"), ("d", "ok", None)]


class _Crash:
    name, needs, adds = "crash", (), ()

    def __call__(self, doc):
        if "crash" in doc.input_text:
            import os

            os._exit(3)  # a worker dying in native code / killed by the OOM killer looks like this
        doc.text = doc.input_text
        return doc


def crashing_pipeline():
    return Pipeline([_Crash()])


def test_a_document_that_kills_its_worker_gets_an_error_record_and_the_run_goes_on():
    docs = [Document(id=f"d{i}", input_text="crash" if i == 7 else f"fine {i}") for i in range(20)]
    with LocalEngine(workers=2, batch_size=3, pipeline_factory=crashing_pipeline) as engine:
        out = list(engine.map(docs))
    assert [d.id for d in out] == [f"d{i}" for i in range(20)]
    errors_seen = [(d.id, d.error.message) for d in out if d.status == "error"]
    assert [i for i, _ in errors_seen] == ["d7"], errors_seen
    assert out[7].error.code == "internal-error" and "worker process died" in out[7].error.message
    assert all(d.text == f"fine {i}" for i, d in enumerate(out) if i != 7)


class _Pid:
    name, needs, adds = "pid", (), ()

    def __call__(self, doc):
        import os

        doc.extra["pid"] = os.getpid()
        return doc


def pid_pipeline():
    return Pipeline([_Crash(), _Pid()])


def test_workers_are_recycled_and_results_stay_in_order():
    docs = [Document(id=f"d{i}", input_text=f"fine {i}") for i in range(30)]
    with LocalEngine(workers=2, batch_size=2, pipeline_factory=pid_pipeline, recycle_after=4) as engine:
        out = list(engine.map(docs))  # the pool is replaced after every 8 documents
    assert [d.text for d in out] == [f"fine {i}" for i in range(30)]
    assert len({d.extra["pid"] for d in out}) >= 4  # 4 pools (8 documents each), each with fresh processes


def test_engine_ray_without_ray_installed_is_a_clear_fatal_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(Fatal, match=r"pip install 'newsdistill\[ray\]'"):
        make_engine("ray", workers=1)
    with pytest.raises(Fatal, match="--address is for --engine ray"):
        make_engine("local", address="10.0.0.1:6379")


def test_a_pool_that_breaks_before_a_submit_loses_nothing(monkeypatch):
    """On busy cores a dead worker can break the pool before the futures in flight report it: then
    ``submit`` itself raises BrokenProcessPool (seen as a flaky failure of the test above)."""
    from concurrent.futures.process import BrokenProcessPool

    engine = LocalEngine(workers=2, batch_size=2, pipeline_factory=pid_pipeline)
    real_start = engine._start
    calls = {"submit": 0}

    class OnceBroken:
        def __init__(self, pool):
            self.pool = pool

        def submit(self, *args):
            calls["submit"] += 1
            if calls["submit"] == 3:
                raise BrokenProcessPool("a worker died before this submit")
            return self.pool.submit(*args)

    monkeypatch.setattr(engine, "_start", lambda: OnceBroken(real_start()))
    docs = [Document(id=f"d{i}", input_text=f"fine {i}") for i in range(12)]
    with engine:
        out = list(engine.map(docs))
    assert calls["submit"] > 3
    assert [d.text for d in out] == [f"fine {i}" for i in range(12)] and all(d.status == "ok" for d in out)
