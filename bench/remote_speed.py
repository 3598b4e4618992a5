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


def timed_run(inputs: list[str], out: Path, workers: int, extra: list[str]) -> tuple[float, int]:
    cmd = [sys.executable, "-m", "newsdistill.cli", "run", *inputs, "-o", str(out), "--steps", "clean",
           "--workers", str(workers), "--no-progress", *extra]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **CREDENTIALS})
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"run failed ({done.returncode}): {done.stderr[-2000:]}")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    bad = [r["error"]["code"] for r in records if r["status"] != "ok"]
    if bad:
        sys.exit(f"the runs are not comparable: error records {bad[:5]}")
    return elapsed, len(records)


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
            started = time.perf_counter()
            got = fs.cat(sample, on_error="return", batch_size=batch, max_concurrency=1)
            assert all(isinstance(v, bytes) for v in got.values())
            print(f"server ceiling: {len(sample) / (time.perf_counter() - started):4.0f} GETs/s (s3fs alone, fs.cat of "
                  f"{len(sample)} paths, {batch} at once)")
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
            best_local = best_remote = float("inf")
            for _ in range(args.repeat):  # alternate, so both sides meet the same load
                t, n = timed_run(here, tmp / "local.jsonl", args.workers, [])
                best_local = min(best_local, t)
                t, m = timed_run(there, tmp / "remote.jsonl", args.workers, remote)
                best_remote = min(best_remote, t)
                assert n == m == args.n, (n, m)
            a, b = args.n / best_local, args.n / best_remote
            print(f"{name:8s} local disk {a:7.1f} docs/s ({best_local:5.1f} s)   S3 server {b:7.1f} docs/s "
                  f"({best_remote:5.1f} s)   ratio {b / a:.2f}x (goal >= 0.5x)")
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
