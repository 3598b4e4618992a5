"""--engine ray gives exactly the records of the local engine (one small local Ray cluster)."""

from __future__ import annotations

import json

import pytest

from newsdistill.engine.runner import RunOptions, run_corpus
from support.engine_corpus import make_corpus

pytest.importorskip("ray.data", reason="Ray is an extra: pip install 'newsdistill[ray]'")


@pytest.mark.ray
@pytest.mark.slow
def test_ray_and_local_engines_write_identical_records(tmp_path):
    paths, _ = make_corpus(tmp_path / "c", n=24)
    local = run_corpus(paths, str(tmp_path / "local.jsonl"), RunOptions(workers=1))
    ray = run_corpus(paths, str(tmp_path / "ray.jsonl"), RunOptions(engine="ray", workers=2, batch_size=4))
    read = lambda p: [json.loads(line) for line in open(p, encoding="utf-8")]  # noqa: E731, SIM115
    assert read(tmp_path / "ray.jsonl") == read(tmp_path / "local.jsonl")
    assert ray.to_dict() | {"seconds": 0} == local.to_dict() | {"seconds": 0}
    assert local.error_count > 0 and local.ok > 20
