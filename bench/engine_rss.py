"""Memory over a long generated stream: RSS of the parent and of each worker, sampled over time.

The documents are generated on the fly (newsdistill.eval.synthetic.news) and go through the local engine,
the duplicate finder and a JSON Lines writer (to /dev/null), as in ``newsdistill run``: the workers
send back serialised records and their duplicate signatures (engine/distilled.py), the parent
queries the duplicate index and writes.  The parent's growth from 25% of the run to the end,
per document, is the duplicate index's cost per distinct document (the rest stays flat).
Goal: worker RSS flat and < 1 GiB each.  The parent's duplicates index grows with the number
of distinct documents (about 0.6 KiB each); ``--no-dedup`` shows the parent without it.

    python bench/engine_rss.py -n 1000000 --workers 2      # the full run (hours on 2 cores)
    python bench/engine_rss.py -n 20000 --samples 10       # a short run
    python bench/engine_rss.py -n 1000000 --steps clean    # the engine, cleaner, dedup and writer
                                                           # at full scale, without the spaCy steps

The full analysis runs at about 15 documents/s on 2 cores (3-8 paragraph documents), so a
million documents take about 18 hours there; ``--steps clean`` runs the same engine, queues,
recycling, duplicate index and writer over a million documents in well under an hour.
"""

from __future__ import annotations

import argparse
import functools
import os
import time

from newsdistill.engine.distilled import Marker
from newsdistill.engine.local import LocalEngine
from newsdistill.engine.runner import RunOptions, worker_finish
from newsdistill.eval.synthetic.news import generate
from newsdistill.pipeline import PRESETS, configured_pipeline
from newsdistill.record import Document, Source
from newsdistill.summary import RunSummary
from newsdistill.write import JsonlWriter


def rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        return out
    return out + [g for c in out for g in children(c)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--samples", type=int, default=20, help="RSS samples over the run")
    ap.add_argument("--no-dedup", action="store_true")
    ap.add_argument("--steps", choices=("all", "clean"), default="all",
                    help="all: the full analysis; clean: html, clean and language only (no spaCy)")
    args = ap.parse_args()

    stream = (Document(id=d["id"], input_text=d["text"], source=Source(url=d["url"]))
              for d in generate(args.n, seed=13, paragraphs=(3, 8)))
    steps = PRESETS["clean"] if args.steps == "clean" else None
    options = RunOptions(steps=steps, dedup=not args.no_dedup)
    dedup = Marker(options.dedup, False, options.dedup_options)
    summary = RunSummary()
    every = max(1, args.n // args.samples)
    factory = functools.partial(configured_pipeline, None, "accurate", steps)
    me = os.getpid()
    print(f"{args.n} generated documents, {args.workers} workers, steps {args.steps}, dedup {'off' if args.no_dedup else 'on'} "
          "(child processes: the forkserver, the resource tracker and the workers)")
    print(f"{'docs':>9} {'secs':>7} {'docs/s':>7} {'parent MiB':>11} {'child processes MiB':>22}")
    started = time.perf_counter()
    curve = []
    with (LocalEngine(workers=args.workers, pipeline_factory=factory, finish=worker_finish(options, "out.jsonl"))
          as engine, JsonlWriter(os.devnull) as out):
        for i, item in enumerate(engine.map(stream), start=1):
            rule, _ = dedup(item)
            summary.count(item.ok, removed=item.removed, captions=item.captions, error=item.error, where=item.where,
                          duplicate=rule)
            out.write_line(item.line)
            if i % every == 0 or i == args.n:
                secs = time.perf_counter() - started
                workers = [rss_mib(p) for p in children(me)]
                workers = [w for w in workers if w > 0]
                curve.append((i, rss_mib(me), workers))
                print(f"{i:9d} {secs:7.0f} {i / secs:7.0f} {rss_mib(me):11.0f} "
                      f"{' '.join(f'{w:.0f}' for w in sorted(workers)):>22}", flush=True)
    print(summary.line())
    if len(curve) >= 4:
        q = curve[len(curve) // 4]
        last = curve[-1]
        worker_growth = max(last[2] or [0]) - max(q[2] or [0])
        print(f"worker RSS from 25% to the end: {max(q[2] or [0]):.0f} -> {max(last[2] or [0]):.0f} MiB "
              f"({worker_growth:+.0f}); parent {q[1]:.0f} -> {last[1]:.0f} MiB; "
              f"max worker {max(max(c[2] or [0]) for c in curve):.0f} MiB (goal < 1024, flat)")
        docs = last[0] - q[0]
        print(f"parent growth from 25% to the end: {(last[1] - q[1]) * 1024 * 1024 / docs:.0f} bytes per document "
              f"({'no duplicates index' if args.no_dedup else 'the duplicates index'})")


if __name__ == "__main__":
    main()
