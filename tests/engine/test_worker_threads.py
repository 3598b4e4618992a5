"""Workers tell compute-heavy steps how many threads they may use (cores / workers)."""

from __future__ import annotations

import signal

from newsdistill.engine import local
from newsdistill.pipeline import Pipeline


def _empty_pipeline() -> Pipeline:
    return Pipeline([])


def test_worker_initialiser_sets_threads_unless_the_user_did(monkeypatch):
    previous = signal.getsignal(signal.SIGINT)
    try:
        monkeypatch.setenv(local.THREADS_ENV, "")  # recorded, so teardown restores the real state
        monkeypatch.delenv(local.THREADS_ENV)
        local._init_worker(_empty_pipeline, None, None, 3)
        assert local.os.environ[local.THREADS_ENV] == "3"
        monkeypatch.setenv(local.THREADS_ENV, "5")  # the user's own setting wins
        local._init_worker(_empty_pipeline, None, None, 2)
        assert local.os.environ[local.THREADS_ENV] == "5"
    finally:
        signal.signal(signal.SIGINT, previous)


def test_span_model_uses_the_thread_count(monkeypatch):
    from newsdistill.attribution.models import span_model

    for threads in ("1", "3"):
        monkeypatch.setenv(span_model.THREADS_ENV, threads)
        options = span_model.session(span_model.ONNX_PATH).get_session_options()
        assert (options.intra_op_num_threads, options.inter_op_num_threads) == (int(threads), 1)
    monkeypatch.delenv(span_model.THREADS_ENV)
    assert span_model.session(span_model.ONNX_PATH).get_session_options().intra_op_num_threads == 1  # one per worker
