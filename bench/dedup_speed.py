"""Near-duplicate detection over generated documents: newsdistill's Deduplicator vs bare rensa.

Both do the same work on the same texts: word 3-gram shingles, RMinHash(128), RMinHashLSH
(threshold 0.8, 16 bands), query then insert.  newsdistill adds the normalisation, the exact
hash, candidate confirmation and the records' fields.  Goal: within 1.5x of bare rensa.

    python bench/dedup_speed.py [-n 100000]
"""

from __future__ import annotations

import argparse
import time

from newsdistill.corpus.dedup import Deduplicator, DedupOptions
from newsdistill.eval.synthetic.news import generate
from newsdistill.record import Document


def bare_rensa(texts: list[str], o: DedupOptions) -> tuple[float, int]:
    from rensa import RMinHash, RMinHashLSH

    started = time.perf_counter()
    lsh = RMinHashLSH(o.threshold, o.num_perm, o.num_bands)
    found = 0
    for key, text in enumerate(texts):
        words = text.lower().encode().split()
        mh = RMinHash(o.num_perm, o.seed)
        mh.update([b" ".join(words[i:i + o.shingle]) for i in range(len(words) - o.shingle + 1)])
        if lsh.query(mh):
            found += 1
        else:
            lsh.insert(key, mh)
    return time.perf_counter() - started, found


def ours(texts: list[str], o: DedupOptions) -> tuple[float, int]:
    docs = []
    for i, t in enumerate(texts):
        d = Document(id=str(i))
        d.text = t
        docs.append(d)
    started = time.perf_counter()
    dedup = Deduplicator(o)
    found = sum(dedup(d) is not None for d in docs)
    return time.perf_counter() - started, found


def _rss_mib() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    texts = [d["text"] for d in generate(args.n, seed=args.seed, paragraphs=(3, 8))]
    words = sum(len(t.split()) for t in texts)
    o = DedupOptions()
    before = _rss_mib()
    t_ours, f_ours = ours(texts, o)  # first: the RSS growth is then its own
    index_mib = _rss_mib() - before
    t_bare, f_bare = bare_rensa(texts, o)
    print(f"{args.n} documents, {words / args.n:.0f} words each on average")
    print(f"bare rensa:  {t_bare:7.2f}s  {args.n / t_bare:8.0f} docs/s  {f_bare} with an LSH candidate (unconfirmed)")
    print(f"newsdistill: {t_ours:7.2f}s  {args.n / t_ours:8.0f} docs/s  {f_ours} duplicates (exact + near, confirmed)")
    print(f"RSS growth while newsdistill's index filled: {index_mib:.0f} MiB "
          f"({index_mib * 1024 * 1024 / max(1, args.n - f_ours):.0f} bytes per distinct document)")
    print(f"time ratio newsdistill / bare rensa: {t_ours / t_bare:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
