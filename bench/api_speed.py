"""JSON API speed: one server process, 4 concurrent clients, a named query mix (issue #18's goals).

    PYTHONPATH=src python bench/api_speed.py                      # 100,000 generated documents
    PYTHONPATH=src python bench/api_speed.py --db /tmp/api.sqlite  # reuse a store built before
    PYTHONPATH=src python bench/api_speed.py --docs 5000 -n 200    # quicker

Builds the store from newsdistill.eval.synthetic.store (seeded records shaped like distilled
ones: 3 attributions, ~6 entities, ~250 words each; the build is skipped when --db exists),
starts `uvicorn` with the app in ONE server process on 127.0.0.1, and sends bounded request
loops from --clients client threads (keep-alive httpx clients; a request is timed from send to
the last byte).  The query mix is printed: speakers by one word of their name (the most quoted
first, then a seeded sample), record ids, and search terms from the most common words to rare
ones, single words, pairs and a phrase.  Prints p50/p95/max and requests/s per endpoint
(then the same queries' cost alone: in this process, one at a time, no HTTP) against the goals: /api/quotes?speaker= p95 < 50 ms and >= 100 req/s, /api/document?id= p95 <
20 ms, /api/search?q= (safe syntax) p95 < 150 ms.
"""

from __future__ import annotations

import argparse
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from newsdistill.eval.synthetic.store import Generator

GOALS = {"quotes": (50.0, 100.0), "document": (20.0, None), "search": (150.0, None)}  # p95 ms, req/s


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def build(db: Path, docs: int) -> None:
    from newsdistill.corpus.store import Store

    gen = Generator()
    t0 = time.perf_counter()
    with Store(db) as store:
        n = store.load_all((gen.record(i) for i in range(docs)), batch=2000)
        t1 = time.perf_counter()
        store.finalize()
        t2 = time.perf_counter()
    print(f"build: {n} documents loaded in {t1 - t0:.0f}s (generation included), finalize {t2 - t1:.0f}s;"
          f" {db.stat().st_size / 1e6:.0f} MB")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, port: int) -> subprocess.Popen:
    code = ("import uvicorn, sys; from newsdistill.web.app import create_app;"
            f" uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)])
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def query_mix(db: Path, gen: Generator, n: int, seed: int = 1) -> dict[str, list[tuple[str, dict]]]:
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    keys = [r[0] for r in conn.execute("SELECT speaker_key FROM speakers ORDER BY n_attributions DESC")]
    named = keys[:5] + rng.sample(keys[5:], 15)  # the 5 most quoted (the heaviest lists), then a sample
    speakers = [k.split()[-1] for k in named]  # one word of the name: "Guterres" finds Antonio Guterres
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY random() LIMIT ?", (200,))]
    conn.close()
    words = [gen.vocab[i] for i in (0, 3, 10, 50, 200, 1000, 5000, 15000)]
    terms = words + [f"{a} {b}" for a, b in zip(words, words[3:] + words[:3])] + [f'"{gen.vocab[0]} {gen.vocab[1]}"']
    print("speakers:", ", ".join(speakers))
    print("search terms (most common word first):", ", ".join(terms))
    print(f"documents: {len(ids)} random ids, e.g. {', '.join(ids[:3])}")
    return {
        "quotes": [("/api/quotes", {"speaker": speakers[i % len(speakers)]}) for i in range(n)],
        "document": [("/api/document", {"id": ids[i % len(ids)]}) for i in range(n)],
        "search": [("/api/search", {"q": terms[i % len(terms)]}) for i in range(n)],
    }


def run(base: str, requests: list[tuple[str, dict]], clients: int) -> tuple[list[float], float]:
    """Send ``requests`` from ``clients`` threads (each takes the next one); latencies (ms) and wall time (s)."""
    lat: list[float] = []
    lock = threading.Lock()
    todo = iter(requests)
    failures: list[str] = []

    def worker():
        with httpx.Client(base_url=base, timeout=30) as c:
            while True:
                with lock:
                    job = next(todo, None)
                if job is None:
                    return
                t = time.perf_counter()
                r = c.get(job[0], params=job[1])
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    lat.append(ms)
                    if r.status_code != 200:
                        failures.append(f"{job} -> {r.status_code}")

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if failures:
        raise SystemExit(f"{len(failures)} failed requests, e.g. {failures[:3]}")
    return lat, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--db", help="store path (default: a temporary file); built when missing, reused when it exists")
    ap.add_argument("-n", "--requests", type=int, default=600, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=4)
    args = ap.parse_args()

    db = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "api.sqlite"
    if not db.exists():
        build(db, args.docs)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    docs, atts = (conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "attributions"))
    conn.close()
    print(f"store: {db} ({docs} documents, {atts} attributions, {db.stat().st_size / 1e6:.0f} MB)")
    mix = query_mix(db, Generator(), args.requests)
    port = free_port()
    server = serve(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        for reqs in mix.values():  # warm: the page cache and every server thread's connection
            run(base, reqs[:40], args.clients)
        print(f"one server process (uvicorn), {args.clients} concurrent clients, {args.requests} requests per endpoint")
        for name, reqs in mix.items():
            lat, wall = run(base, reqs, args.clients)
            p95, rps = percentile(lat, 95), len(lat) / wall
            goal_ms, goal_rps = GOALS[name]
            ok = p95 < goal_ms and (goal_rps is None or rps >= goal_rps)
            goal = f"p95 < {goal_ms:.0f} ms" + (f", >= {goal_rps:.0f} req/s" if goal_rps else "")
            print(f"/api/{name:9s} p50 {statistics.median(lat):6.1f} ms  p95 {p95:6.1f} ms  max {max(lat):6.1f} ms"
                  f"  {rps:6.0f} req/s   goal {goal}: {'ok' if ok else 'MISSED'}")
        lat, wall = run(base, [r for trio in zip(*mix.values()) for r in trio], args.clients)
        print(f"mixed      p50 {statistics.median(lat):6.1f} ms  p95 {percentile(lat, 95):6.1f} ms  max {max(lat):6.1f} ms"
              f"  {len(lat) / wall:6.0f} req/s")
    finally:
        server.terminate()
        server.wait(10)
    # the same requests' queries in this process, one at a time, no HTTP: what the store costs
    from newsdistill.corpus import paged, queries

    conn = queries.connect_ro(db)
    calls = {"quotes": lambda p: paged.quotes(conn, speaker=p["speaker"]),
             "document": lambda p: paged.record(conn, p["id"]),
             "search": lambda p: paged.search(conn, p["q"])}
    for name, reqs in mix.items():
        lat = []
        for _, params in reqs[:200]:
            t = time.perf_counter()
            calls[name](params)
            lat.append((time.perf_counter() - t) * 1000)
        print(f"{name:9s} query only (in process, 1 thread, {len(lat)} calls): p50 {statistics.median(lat):6.1f} ms"
              f"  p95 {percentile(lat, 95):6.1f} ms")


if __name__ == "__main__":
    main()
