"""Resumable shard output on object storage: kill -9 of a run writing to a real S3-compatible server
(moto's, on 127.0.0.1, through s3fs over HTTP), then the same command again: nothing lost, nothing
duplicated, no half-written shard ever marked complete (engine/shards.py, read/storage.RemoteFolder)."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdistill.engine.runner import RunOptions, run_corpus
from newsdistill.read import storage
from newsdistill.read.sources import ReadOptions
from newsdistill.read.storage import StorageOptions
from support.engine_corpus import gen_news
from support.s3_server import s3_server

SRC = str(Path(__file__).resolve().parents[2] / "src")
SHARD_SIZE = 4


@pytest.fixture(scope="module")
def s3():
    with s3_server() as server:
        server.bucket("news")
        docs = list(gen_news().generate(100, seed=11, paragraphs=(1, 2)))
        for d in docs[:60]:  # single-document objects: grouped SHARD_SIZE to a shard
            server.put(f"news/in/a/{d['id']}.txt", d["text"].encode())
        lines = b"".join(json.dumps(d).encode() + b"\n" for d in docs[60:])
        server.put("news/in/b/dump.jsonl.gz", gzip.compress(lines))
        yield server


def _cmd(s3, out):
    return [sys.executable, "-m", "newsdistill.cli", "run", "s3://news/in/", "-o", out, "--shard-size", str(SHARD_SIZE),
            "--steps", "clean", "--workers", "1", "--no-progress", *s3.options()]


def _env(s3):
    return {**os.environ, **s3.env(), "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _records(s3, prefix):
    records = []
    for key in sorted(k for k in s3.fs.find(prefix) if k.endswith(".jsonl.gz")):
        assert ".part." not in key, key
        records += [json.loads(line) for line in gzip.decompress(s3.fs.cat_file(key)).decode().splitlines()]
    return records


def _markers_have_data(s3, prefix):
    names = set(s3.keys(prefix))
    for name in (n for n in names if n.endswith(".done")):
        info = json.loads(s3.fs.cat_file(f"{prefix}/{name}"))
        assert info["file"] in names, f"{name} marks {info['file']}, which is not there"
    return sum(n.endswith(".done") for n in names)


@pytest.mark.slow
def test_kill_9_writing_to_s3_then_rerun_loses_and_duplicates_nothing(s3):
    proc = subprocess.Popen(_cmd(s3, "s3://news/out/"), env=_env(s3), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 180
    while proc.poll() is None and time.time() < deadline:
        if sum(n.endswith(".done") for n in s3.keys("news/out")) >= 3:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_at_kill = _markers_have_data(s3, "news/out")
    total = 60 // SHARD_SIZE + -(-40 // SHARD_SIZE)  # 15 shards of .txt objects, 10 of the dump
    assert 3 <= done_at_kill < total, f"the kill must land mid-run ({done_at_kill} of {total})"

    rerun = subprocess.run(_cmd(s3, "s3://news/out/"), env=_env(s3), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "from completed shards of an earlier run" in rerun.stderr
    assert _markers_have_data(s3, "news/out") == total
    assert not [k for k in s3.keys("news/out") if ".part." in k or k.endswith(".tmp")]

    storage._filesystem.cache_clear()
    clean = run_corpus(["s3://news/in/"], "s3://news/clean/",
                       RunOptions(read=ReadOptions(storage=StorageOptions({"endpoint_url": s3.endpoint})), workers=1,
                                  shard_size=SHARD_SIZE, steps=("html", "clean", "language")))
    assert clean.documents == 100
    records = _records(s3, "news/out")
    assert [r["id"] for r in records] == [r["id"] for r in _records(s3, "news/clean")]
    assert records == _records(s3, "news/clean")  # the same records as a run never interrupted
    assert len({r["id"] for r in records}) == 100


def test_a_part_object_without_marker_is_redone(s3):
    storage._filesystem.cache_clear()
    options = RunOptions(read=ReadOptions(storage=StorageOptions({"endpoint_url": s3.endpoint})), workers=1,
                         shard_size=SHARD_SIZE, steps=("html", "clean", "language"))
    first = run_corpus(["s3://news/in/a/"], "s3://news/part/", options)
    expected = _records(s3, "news/part")
    # killed between the upload of shard 5 and its marker; shard 6 half-uploaded (a .part object)
    s3.fs.rm_file("news/part/shard-00005.done")
    s3.fs.rm_file("news/part/shard-00006.done")
    s3.fs.mv("news/part/shard-00006.jsonl.gz", "news/part/shard-00006.part.jsonl.gz")
    for k in range(7, first.shards):
        s3.fs.rm_file(f"news/part/shard-{k:05d}.done")
        s3.fs.rm_file(f"news/part/shard-{k:05d}.jsonl.gz")
    storage._filesystem.cache_clear()
    again = run_corpus(["s3://news/in/a/"], "s3://news/part/", options)
    assert again.resumed_documents == 5 * SHARD_SIZE and again.documents == 60
    assert _records(s3, "news/part") == expected
    assert not [k for k in s3.keys("news/part") if ".part." in k]
