"""Directory output survives kill -9: the same command continues, no record lost, none duplicated."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdistill.engine.runner import RunOptions, run_corpus
from newsdistill.engine.shards import ShardDir
from newsdistill.errors import Fatal
from support.engine_corpus import gen_news, write_jsonl

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _cmd(inputs, out, *extra):
    return [sys.executable, "-m", "newsdistill.cli", "run", *inputs, "-o", out, "--shard-size", "10",
            "--no-progress", *extra]


def _env():
    return {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _shard_records(out: Path):
    records = []
    for path in sorted(out.glob("shard-*.jsonl.gz")):
        assert ".part." not in path.name
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh]
    return records


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("resume")
    docs = list(gen_news().generate(120, seed=3, paragraphs=(1, 3)))
    write_jsonl(root / "a.jsonl", docs[:80])
    write_jsonl(root / "b.jsonl.gz", docs[80:], gz=True)
    return [str(root / "a.jsonl"), str(root / "b.jsonl.gz")], [d["id"] for d in docs]


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_loses_and_duplicates_nothing(inputs, tmp_path):
    paths, ids = inputs
    out = tmp_path / "out"
    proc = subprocess.Popen(_cmd(paths, str(out) + "/", "--workers", "2"), env=_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while len(list(out.glob("shard-*.done"))) < 3 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the run, its forkserver and its workers
    proc.wait()
    done_at_kill = len(list(out.glob("shard-*.done")))
    assert 3 <= done_at_kill < 12, "the kill must land mid-run"

    rerun = subprocess.run(_cmd(paths, str(out) + "/", "--workers", "2", "--summary-json", str(tmp_path / "s.json")),
                           env=_env(), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "from completed shards of an earlier run" in rerun.stderr
    records = _shard_records(out)
    assert [r["id"] for r in records] == ids  # complete, in input order, no duplicates
    assert json.loads((tmp_path / "s.json").read_text())["documents"] == len(ids)
    assert not list(out.glob("*.part.*")) and not list(out.glob("*.tmp"))

    # the same as a run that was never interrupted (duplicates index restored on resume too)
    clean = tmp_path / "clean"
    run_corpus(paths, str(clean) + "/", RunOptions(workers=1, shard_size=10))
    assert records == _shard_records(clean)
    assert any(r["duplicate_of"] for r in records)


def test_rerun_with_other_options_is_refused(inputs, tmp_path):
    paths, ids = inputs
    out = str(tmp_path / "o") + "/"
    summary = run_corpus(paths[:1], out, RunOptions(workers=1, shard_size=30))
    assert summary.shards == 3
    again = run_corpus(paths[:1], out, RunOptions(workers=1, shard_size=30))
    assert again.resumed_documents == again.documents == 80
    with pytest.raises(Fatal, match="options"):
        run_corpus(paths[:1], out, RunOptions(workers=1, shard_size=20))
    with pytest.raises(Fatal, match="inputs"):
        run_corpus(paths, out, RunOptions(workers=1, shard_size=30))


def test_a_part_file_without_marker_is_redone_and_done_files_are_not_reopened(inputs, tmp_path):
    paths, ids = inputs
    paths = [shutil.copy(p, tmp_path / Path(p).name) for p in paths]  # a.jsonl: shards 0-2, b.jsonl.gz: 3-4
    out = tmp_path / "o"
    run_corpus(paths, str(out) + "/", RunOptions(workers=1, shard_size=30))
    (out / "shard-00003.done").unlink()  # as if killed between the rename and the marker
    (out / "shard-00004.done").unlink()
    (out / "shard-00004.jsonl.gz").rename(out / "shard-00004.part.jsonl.gz")
    shards = ShardDir(str(out), "jsonl.gz", json.loads((out / "manifest.json").read_text()))
    assert sorted(shards.done) == [0, 1, 2]
    Path(paths[0]).write_text("garbage that would give error records if it were read again\n")
    summary = run_corpus(paths, str(out) + "/", RunOptions(workers=1, shard_size=30))
    assert summary.resumed_documents == 80 and summary.documents == 120 and summary.error_count == 0
    assert [r["id"] for r in _shard_records(out)] == ids


def _session_members(sid: int) -> list[int]:
    """Live processes of session ``sid`` (field 6 of /proc/PID/stat)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_and_forkserver_end_when_the_run_is_killed_alone(inputs, tmp_path):
    """kill -9 of the run process only (not its group): its workers must not live on as orphans."""
    paths, _ = inputs
    out = tmp_path / "out"
    proc = subprocess.Popen(_cmd(paths, str(out) + "/", "--workers", "2"), env=_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while len(_session_members(proc.pid)) < 4 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)  # the run, the forkserver and two workers
    assert len(_session_members(proc.pid)) >= 4, "the pool never started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 15
    while _session_members(proc.pid) and time.time() < deadline:
        time.sleep(0.1)
    left = _session_members(proc.pid)
    for pid in left:  # do not leave them behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left after the run was killed: {left}"
