"""engine/lock.py: one run per output folder; a dead holder's lock is taken over (issue 17)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from newsdistill.engine.lock import LOCK_NAME, NoLock, OutputLock, is_remote, lock_output
from newsdistill.engine.runner import RunOptions, run_corpus
from newsdistill.errors import Fatal
from support.engine_corpus import make_corpus

HOLD = ("import sys, time; from newsdistill.engine.lock import OutputLock; lock = OutputLock(sys.argv[1]).acquire();"
        "print('held', flush=True); time.sleep(float(sys.argv[2])); lock.release()")


def _holder(folder, seconds=60.0):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_second_lock_names_the_holder(tmp_path):
    with OutputLock(tmp_path):
        holder = json.loads((tmp_path / LOCK_NAME).read_text())
        assert holder["pid"] == os.getpid() and holder["host"] == socket.gethostname() and holder["started"]
        with pytest.raises(Fatal) as info:
            OutputLock(tmp_path).acquire()  # another open file: refused even in the same process
        assert info.value.code == "output-locked"
        assert f"pid {os.getpid()}" in info.value.message and socket.gethostname() in info.value.message
        assert holder["started"] in info.value.message
    assert not (tmp_path / LOCK_NAME).exists()  # released: the file goes
    with OutputLock(tmp_path):  # and the folder can be locked again
        pass


def test_another_process_holding_the_folder_refuses_the_run(tmp_path):
    proc = _holder(tmp_path)
    try:
        with pytest.raises(Fatal) as info:
            OutputLock(tmp_path).acquire()
        assert f"pid {proc.pid}" in info.value.message
    finally:
        proc.kill()
        proc.wait()


def test_a_holder_killed_with_sigkill_is_taken_over_with_a_warning(tmp_path):
    proc = _holder(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert json.loads((tmp_path / LOCK_NAME).read_text())["pid"] == proc.pid  # left behind
    warnings = []
    with OutputLock(tmp_path, warn=warnings.append):
        assert json.loads((tmp_path / LOCK_NAME).read_text())["pid"] == os.getpid()
    assert len(warnings) == 1 and f"pid {proc.pid}" in warnings[0] and "no longer running" in warnings[0]


@pytest.mark.parametrize("content", [
    lambda: {"pid": _dead_pid(), "host": socket.gethostname(), "started": "2026-01-01T00:00:00+0000"},
    lambda: "not json {",
])
def test_a_stale_lock_file_on_this_host_is_taken_over(tmp_path, content):
    value = content()
    (tmp_path / LOCK_NAME).write_text(value if isinstance(value, str) else json.dumps(value))
    warnings = []
    with OutputLock(tmp_path, warn=warnings.append):
        pass
    assert len(warnings) == 1 and "taking over" in warnings[0]


def test_an_empty_lock_file_is_taken_without_a_word(tmp_path):
    (tmp_path / LOCK_NAME).write_text("")  # a holder that died between creating and naming itself
    warnings = []
    with OutputLock(tmp_path, warn=warnings.append):
        pass
    assert warnings == []


def test_a_lock_of_another_host_is_refused_with_what_to_do(tmp_path):
    (tmp_path / LOCK_NAME).write_text(json.dumps({"pid": 4242, "host": "other-host.example", "started": "T"}))
    with pytest.raises(Fatal) as info:
        OutputLock(tmp_path).acquire()
    assert "other-host.example" in info.value.message and "pid 4242" in info.value.message
    assert f"delete {tmp_path / LOCK_NAME}" in info.value.message
    assert (tmp_path / LOCK_NAME).exists()  # not ours to remove


def test_processes_racing_for_one_folder_get_it_once(tmp_path):
    code = ("import sys, time; from newsdistill.engine.lock import OutputLock; from newsdistill.errors import Fatal\n"
            "time.sleep(max(0, float(sys.argv[2]) - time.time()))\n"
            "try:\n    lock = OutputLock(sys.argv[1]).acquire()\nexcept Fatal:\n    print('refused')\n"
            "else:\n    print('got'); sys.stdout.flush(); time.sleep(1.0); lock.release()\n")
    at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path), str(at)], stdout=subprocess.PIPE, text=True)
             for _ in range(4)]
    outcomes = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    assert outcomes == ["got", "refused", "refused", "refused"]


def test_object_storage_is_not_locked_and_says_so():
    warnings = []
    assert isinstance(lock_output("s3://bucket/out/", warn=warnings.append), NoLock)
    assert len(warnings) == 1 and "object storage" in warnings[0]
    assert is_remote("gs://b/p/") and is_remote("s3://b/") and not is_remote("file:///tmp/x")
    assert not is_remote("/tmp/s3://odd") and not is_remote("out/")
    assert isinstance(lock_output("file:///tmp/x/"), OutputLock)


def test_a_directory_run_holds_the_lock_and_gives_it_back(tmp_path):
    paths, _ = make_corpus(tmp_path / "c", n=6, bad=False)
    out = tmp_path / "out"
    with OutputLock(out):
        with pytest.raises(Fatal) as info:
            run_corpus(paths, str(out) + "/", RunOptions(workers=1, steps=("html", "clean", "language")))
        assert info.value.code == "output-locked"
        assert not (out / "manifest.json").exists()  # refused before anything was written
    summary = run_corpus(paths, str(out) + "/", RunOptions(workers=1, steps=("html", "clean", "language")))
    assert summary.documents == 6 and not (out / LOCK_NAME).exists()
    with pytest.raises(Fatal):  # a run that fails (another manifest) gives the lock back too
        run_corpus(paths[:1], str(out) + "/", RunOptions(workers=1, steps=("html", "clean", "language")))
    assert not (out / LOCK_NAME).exists()
