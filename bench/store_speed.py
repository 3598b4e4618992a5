"""Corpus store speed: load a generated corpus, then time the viewer's search and speaker pages.

    PYTHONPATH=src python bench/store_speed.py                 # 100,000 documents (goal: pages < 100 ms)
    PYTHONPATH=src python bench/store_speed.py --docs 10000    # quicker

Records are synthetic but shaped like real ones (seeded, newsdistill.eval.synthetic.store): ~250 words in 5 paragraphs from a
Zipf-distributed vocabulary of pseudo-words, 6 entities and 3 attributions per document;
speakers and statements are drawn Zipf-like from pools, so popular statements are carried by
many documents, some trimmed (the quote-cluster case).  Prints load time, finalize (quote
clusters) time, database size and p50/p95/max latency of /search and /speaker through the
Starlette app (TestClient: full request, routing, SQL and template rendering).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from newsdistill.eval.synthetic.store import Generator


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def timed(client, urls: list[str]) -> list[float]:
    out = []
    for u in urls:
        t = time.perf_counter()
        r = client.get(u)
        out.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (u, r.status_code)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--db", help="database path (default: a temporary file); reused if it exists")
    ap.add_argument("--queries", type=int, default=60)
    args = ap.parse_args()

    from starlette.testclient import TestClient

    from newsdistill.corpus.store import Store
    from newsdistill.web.app import create_app

    db = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench.sqlite"
    gen = Generator()
    if not db.exists():
        t0 = time.perf_counter()
        with Store(db) as store:
            n = store.load_all(gen.record(i) for i in range(args.docs))
            t1 = time.perf_counter()
            fin = store.finalize()
            t2 = time.perf_counter()
        print(f"load: {n} documents in {t1 - t0:.1f}s ({n / (t1 - t0):.0f} docs/s, generation included); "
              f"finalize (quote clusters + speakers): {t2 - t1:.1f}s; {fin}")
    print(f"database: {db} {db.stat().st_size / 1e6:.0f} MB")

    client = TestClient(create_app(db))
    conn = __import__("sqlite3").connect(db)
    rng = random.Random(1)
    # search: single common/medium/rare words, two-word AND queries, a phrase
    terms = [gen.vocab[i] for i in (0, 3, 10, 50, 200, 1000, 5000, 15000)]
    searches = [f"/search?q={rng.choice(terms)}" for _ in range(args.queries // 2)]
    searches += [f"/search?q={rng.choice(terms)}+{rng.choice(terms)}" for _ in range(args.queries // 2 - 5)]
    searches += [f"/search?q=%22{gen.vocab[0]}+{gen.vocab[1]}%22" for _ in range(5)]
    keys = [r[0] for r in conn.execute("SELECT speaker_key FROM speakers ORDER BY n_attributions DESC")]
    speakers = [f"/speaker?name={k.replace(' ', '+')}" for k in keys[:10]]  # the most quoted (heaviest pages)
    speakers += [f"/speaker?name={rng.choice(keys).replace(' ', '+')}" for _ in range(args.queries - 10)]
    timed(client, searches[:3] + speakers[:3])  # warm the page cache
    for name, urls in (("search", searches), ("speaker", speakers), ("speaker (top 10)", speakers[:10])):
        ms = timed(client, urls)
        print(f"{name:17s} n={len(ms):3d}  p50 {statistics.median(ms):6.1f} ms  p95 {percentile(ms, 95):6.1f} ms  max {max(ms):6.1f} ms"
              f"  goal < 100 ms: {'ok' if percentile(ms, 95) < 100 else 'MISSED'}")
    top = conn.execute("SELECT name, n_attributions, n_documents, n_clusters FROM speakers ORDER BY n_attributions DESC LIMIT 1").fetchone()
    print(f"most quoted speaker: {top[0]} ({top[1]} attributions, {top[2]} documents, {top[3]} clusters)")
    ms = timed(client, ["/"] * 3)
    print(f"overview          n=  3  p50 {statistics.median(ms):6.1f} ms")


if __name__ == "__main__":
    main()
