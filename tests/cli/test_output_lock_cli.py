"""`newsdistill run -o OUT/` while another run holds OUT: one error line naming the holder, exit 2."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ARTICLE = ("The harbour authority said on Monday that the strike had halted more than a thousand containers a day.\n\n"
           "Union leaders said they would meet the employers again at the end of the week to discuss the offer.\n")
HOLD = ("import sys, time; from newsdistill.engine.lock import OutputLock; lock = OutputLock(sys.argv[1]).acquire();"
        "print('held', flush=True); time.sleep(60)")


def _run(*args):
    return subprocess.run([sys.executable, "-m", "newsdistill.cli", "run", *args], capture_output=True, text=True,
                          timeout=120)


def test_second_run_into_a_held_folder_exits_2_naming_the_holder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = json.loads((out / ".newsdistill.lock").read_text())["started"]
        done = _run(str(tmp_path / "a.txt"), "-o", f"{out}/", "--steps", "clean", "--no-progress")
        assert done.returncode == 2
        errors = [line for line in done.stderr.splitlines() if line.startswith("Error")]
        assert len(errors) == 1 and "Traceback" not in done.stderr
        assert f"pid {holder.pid}" in errors[0] and socket.gethostname() in errors[0] and started in errors[0]
        assert sorted(p.name for p in out.iterdir()) == [".newsdistill.lock"]  # nothing written
    finally:
        holder.kill()
        holder.wait()
    # the holder died (SIGKILL left its file): the next run takes over, warns, and finishes
    done = _run(str(tmp_path / "a.txt"), "-o", f"{out}/", "--steps", "clean", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert "warning: taking over the lock" in done.stderr and f"pid {holder.pid}" in done.stderr
    assert not (out / ".newsdistill.lock").exists() and (out / "shard-00000.done").exists()


def test_sigkilled_run_leaves_a_lock_the_rerun_takes_over(tmp_path):
    """kill -9 of a real run, then the same command: it resumes (the resume workflow keeps working)."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"{i:03d}.txt").write_text(ARTICLE.replace("Monday", f"day {i}"), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "newsdistill.cli", "run", str(src), "-o", f"{out}/", "--steps", "clean",
           "--shard-size", "5", "--workers", "1", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    while not (out / "shard-00000.done").exists() and proc.poll() is None:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert Path(out / ".newsdistill.lock").exists() or (out / "shard-00007.done").exists()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(list(out.glob("shard-*.done"))) == 8 and not (out / ".newsdistill.lock").exists()
