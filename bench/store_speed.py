"""Corpus store speed: load a generated corpus, then time the viewer's search and speaker pages.

    PYTHONPATH=src python bench/store_speed.py                 # 100,000 documents (goal: pages < 100 ms)
    PYTHONPATH=src python bench/store_speed.py --docs 10000    # quicker

Records are synthetic but shaped like real ones (seeded): ~250 words in 5 paragraphs from a
Zipf-distributed vocabulary of pseudo-words, 6 entities and 3 attributions per document;
speakers and statements are drawn Zipf-like from pools, so popular statements are carried by
many documents, some trimmed (the quote-cluster case).  Prints load time, finalize (quote
clusters) time, database size and p50/p95/max latency of /search and /speaker through the
Starlette app (TestClient: full request, routing, SQL and template rendering).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "di", "fu", "ga", "ho", "ja", "ke", "lu", "ma",
             "no", "pe", "qui", "ra", "se", "to", "ur", "ve", "wa", "xi", "yo", "zu"]
OUTLETS = [f"outlet{i}.example" for i in range(300)]
ROLES = ["minister of finance", "UN Secretary-General", "spokesperson", "ambassador", "president", "senator", "CEO", "professor"]


def zipf_weights(n: int, s: float = 1.05) -> list[float]:
    return list(itertools.accumulate(1 / (i + 1) ** s for i in range(n)))


class Generator:
    def __init__(self, seed: int = 7, vocab: int = 20_000, people: int = 5_000, statements: int = 40_000):
        self.rng = random.Random(seed)
        rng = self.rng
        words = set()
        while len(words) < vocab:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.vocab = sorted(words)
        rng.shuffle(self.vocab)
        self.vocab_w = zipf_weights(vocab)
        self.people = [(f"{w1.title()} {w2.title()}", rng.choice(ROLES)) for w1, w2 in zip(rng.sample(self.vocab, people), rng.sample(self.vocab, people))]
        self.people_w = zipf_weights(people)
        self.statements = [self.words(rng.randint(10, 28)) for _ in range(statements)]
        self.statements_w = zipf_weights(statements, 0.9)
        self.speaker_of = [rng.randrange(people) for _ in range(statements)]

    def words(self, n: int) -> str:
        return " ".join(self.rng.choices(self.vocab, cum_weights=self.vocab_w, k=n))

    def record(self, i: int) -> dict:
        rng = self.rng
        text, paras, atts, mentions = "", [], [], {}
        people = [self.people[k] for k in rng.choices(range(len(self.people)), cum_weights=self.people_w, k=4)]

        def add(par: str, quote: tuple[int, int, dict] | None = None) -> None:
            nonlocal text
            start = len(text) + (2 if text else 0)
            text = text + "\n\n" + par if text else par
            paras.append({"start": start, "end": start + len(par), "text": par})
            if quote:
                qs, qe, att = quote
                att["content"] = {"start": start + qs, "end": start + qe, "text": par[qs:qe]}
                atts.append(att)

        for p in range(5):
            body = self.words(rng.randint(30, 55)).capitalize() + "."
            if p in (1, 2, 4):
                k = rng.choices(range(len(self.statements)), cum_weights=self.statements_w)[0]
                quote = self.statements[k]
                if rng.random() < 0.3:  # trimmed by this outlet
                    ws = quote.split()
                    quote = " ".join(ws[rng.randint(0, 3): len(ws) - rng.randint(0, 3)])
                name, role = self.people[self.speaker_of[k]] if rng.random() < 0.8 else people[p % 4]
                lead = f"{body} "
                par = f"{lead}“{quote},” {name} said."
                qs = len(lead) + 1
                eid = mentions.setdefault(name, (f"E{len(mentions) + 1}", role))[0]
                add(par, (qs, qs + len(quote), {"id": f"A{len(atts) + 1}", "kind": "direct", "source": None, "cue": None,
                                               "speaker": {"entity": eid, "name": name, "role": role, "type": "person"}}))
            else:
                add(body)
        for name, role in people:
            mentions.setdefault(name, (f"E{len(mentions) + 1}", role))
        entities = []
        for name, (eid, role) in mentions.items():
            ms = []
            at = 0
            while (j := text.find(name, at)) >= 0:
                ms.append({"start": j, "end": j + len(name), "text": name, "kind": "name"})
                at = j + len(name)
            entities.append({"id": eid, "name": name, "label": "PERSON", "aliases": [], "roles": [role], "mentions": ms})
        entities.append({"id": f"E{len(entities) + 1}", "name": self.vocab[i % 500].title(), "label": "GPE", "aliases": [], "roles": [],
                         "mentions": []})
        day = 1 + i % 700
        return {"id": f"doc{i:07d}", "format_version": "1.0", "status": "ok" if i % 97 else "error",
                "error": None if i % 97 else {"code": "bad-json", "message": "synthetic", "kind": "record"},
                "source": {"url": f"https://{OUTLETS[rng.randrange(len(OUTLETS))]}/a/{i}"}, "input_kind": "jsonl", "language": "en",
                "title": self.words(8).capitalize(), "byline": None,
                "published": f"{2023 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}",
                "text": text, "paragraphs": paras,
                "removed": [{"input_start": None, "input_end": None, "text": "- Advertisement -", "reason": "ad-marker", "rule": "ad.marker"}],
                "captions": [], "metadata_lines": [], "entities": entities, "attributions": atts}


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
