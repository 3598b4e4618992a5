"""Remote reads: end-to-end docs/s of `newsdistill run --steps clean` reading small documents from
a local S3-compatible server vs the same documents from local disk, in the same run (#17, goal >= 0.5x).

The server is moto's standalone server (``moto[server]``) in a process of its own on 127.0.0.1,
reached by the run through s3fs over HTTP.  Two layouts of the same ``-n`` generated news texts:

* ``objects``: one object (one local file) per document: one GET each, fetched ahead in batches,
  one async call a batch (read/storage.Prefetcher);
* ``jsonl``: one JSON Lines object (file) holding them all: one streamed GET.

Each run is the CLI in a fresh process, wall time including start-up; the best of ``--repeat``
runs per side (the machine is shared).  The server's own ceiling is printed too: s3fs GETs/s of
300 of the objects one at a time, on 8 threads, and gathered in one async call (no newsdistill),
and the docs/s of newsdistill's reader alone over all the objects (no cleaning).

    python bench/remote_speed.py [-n 1000] [--repeat 3] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from newsdistill.eval.synthetic.news import generate
from newsdistill.read.sources import ReadOptions, iter_documents
from newsdistill.read.storage import FETCH_AHEAD, FETCH_BATCH, StorageOptions

SERVER = """
import logging, sys, time
logging.getLogger("werkzeug").setLevel(logging.ERROR)
from moto.server import ThreadedMotoServer
ThreadedMotoServer(ip_address="127.0.0.1", port=int(sys.argv[1]), verbose=False).start()
while True:
    time.sleep(60)
"""
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench-secret", "AWS_DEFAULT_REGION": "us-east-1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server() -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(port)])
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"http://127.0.0.1:{port}"
        time.sleep(0.1)
    proc.kill()
    sys.exit("the S3 server did not start")


def cpu_seconds(pid: int) -> float:
    """user + system CPU seconds of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_run(inputs: list[str], out: Path, workers: int, extra: list[str], server: int) -> tuple[float, int, float, float]:
    """Wall seconds, records, CPU seconds of the run's process (with --workers 2 or more the workers are
    the forkserver's children and not counted), of the server meanwhile."""
    cmd = [sys.executable, "-m", "newsdistill.cli", "run", *inputs, "-o", str(out), "--steps", "clean",
           "--workers", str(workers), "--no-progress", *extra]
    children, served = resource.getrusage(resource.RUSAGE_CHILDREN), cpu_seconds(server)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **CREDENTIALS})
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    if done.returncode != 0:
        sys.exit(f"run failed ({done.returncode}): {done.stderr[-2000:]}")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    bad = [r["error"]["code"] for r in records if r["status"] != "ok"]
    if bad:
        sys.exit(f"the runs are not comparable: error records {bad[:5]}")
    return elapsed, len(records), cpu, cpu_seconds(server) - served


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    os.environ.update(CREDENTIALS)
    import s3fs

    tmp = Path(tempfile.mkdtemp(prefix="remote-speed-"))
    server, endpoint = start_server()
    try:
        fs = s3fs.S3FileSystem(endpoint_url=endpoint, skip_instance_cache=True)
        fs.mkdir("bench")
        docs = list(generate(args.n, seed=17, dup_rate=0, near_rate=0, paragraphs=(2, 5)))
        local = tmp / "docs"
        local.mkdir()
        lines = []
        for d in docs:
            (local / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
            lines.append(json.dumps({"id": d["id"], "text": d["text"]}))
        (tmp / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        fs.put(str(local) + "/", "bench/docs/", recursive=True)
        fs.put_file(str(tmp / "all.jsonl"), "bench/all.jsonl")
        keys = sorted(fs.find("bench/docs/"))
        words = sum(len(d["text"].split()) for d in docs)
        print(f"{args.n} generated news texts ({words} words, {words // args.n} a document); --steps clean, "
              f"--workers {args.workers}; best of {args.repeat} runs, wall time with start-up")

        sample = keys[:300]
        started = time.perf_counter()
        for k in sample:  # one GET at a time, no read-ahead
            fs.cat_file(k, max_concurrency=1)
        print(f"server ceiling: {len(sample) / (time.perf_counter() - started):4.0f} GETs/s (s3fs alone, one at a time)")
        with ThreadPoolExecutor(8) as pool:  # the reader's first version: 8 threads, each a blocking cat_file
            started = time.perf_counter()
            list(pool.map(lambda k: fs.cat_file(k, max_concurrency=1), sample))
        print(f"server ceiling: {len(sample) / (time.perf_counter() - started):4.0f} GETs/s (s3fs alone, 8 threads)")
        for batch in (FETCH_BATCH, len(sample)):  # one async call: fs.cat of a list, the GETs gathered
            served, used, started = cpu_seconds(server.pid), time.process_time(), time.perf_counter()
            got = fs.cat(sample, on_error="return", batch_size=batch, max_concurrency=1)
            wall = time.perf_counter() - started
            assert all(isinstance(v, bytes) for v in got.values())
            print(f"server ceiling: {len(sample) / wall:4.0f} GETs/s (s3fs alone, fs.cat of {len(sample)} paths, "
                  f"{batch} at once; CPU a GET: server {(cpu_seconds(server.pid) - served) / len(sample) * 1e3:.1f} ms, "
                  f"s3fs {(time.process_time() - used) / len(sample) * 1e3:.1f} ms)")
        urls = [f"s3://{k}" for k in keys]
        read = ReadOptions(storage=StorageOptions({"endpoint_url": endpoint}))
        started = time.perf_counter()
        n_read = sum(1 for _ in iter_documents(urls, read))  # the reader's batches (read/storage.Prefetcher), no cleaning
        print(f"reading alone: {n_read / (time.perf_counter() - started):4.0f} docs/s (newsdistill's reader, "
              f"{args.n} objects, batches of {FETCH_BATCH}, {FETCH_AHEAD} ahead; no cleaning)")

        remote = ["--storage-option", f"endpoint_url={endpoint}"]
        layouts = {"objects": ([str(local) + "/"], ["s3://bench/docs/"]),
                   "jsonl": ([str(tmp / "all.jsonl")], ["s3://bench/all.jsonl"])}
        for name, (here, there) in layouts.items():
            best_local = best_remote = (float("inf"), 0.0, 0.0)
            for _ in range(args.repeat):  # alternate, so both sides meet the same load
                t, n, cpu, _ = timed_run(here, tmp / "local.jsonl", args.workers, [], server.pid)
                best_local = min(best_local, (t, cpu, 0.0))
                t, m, cpu, served = timed_run(there, tmp / "remote.jsonl", args.workers, remote, server.pid)
                best_remote = min(best_remote, (t, cpu, served))
                assert n == m == args.n, (n, m)
            a, b = args.n / best_local[0], args.n / best_remote[0]
            print(f"{name:8s} local disk {a:7.1f} docs/s ({best_local[0]:5.1f} s)   S3 server {b:7.1f} docs/s "
                  f"({best_remote[0]:5.1f} s)   ratio {b / a:.2f}x (goal >= 0.5x)")
            print(f"{'':8s} CPU of the best runs' own processes: local run {best_local[1]:.1f} s; S3 run {best_remote[1]:.1f} s "
                  f"+ server {best_remote[2]:.1f} s; load average {os.getloadavg()[0]:.1f}")
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
