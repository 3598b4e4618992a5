"""Speed of newsdistill's plain-text cleaner vs datatrove's quality filters (issue #2).

On the same generated news-like texts (newsdistill.eval.synthetic.corpus, seeded), in the same run:

* newsdistill: the cleaning steps of ``newsdistill.distill`` (CleanText + language id,
  ``newsdistill.eval.cleanonly``) per text;
* datatrove 0.10: C4QualityFilter + GopherQualityFilter + GopherRepetitionFilter +
  FineWebQualityFilter chained with their defaults (C4BadWordsFilter is left out:
  it downloads its word list).

Prints docs/s of each and the ratio, for ~200-word and ~800-word texts, with the cleaner's
rules alone (no line model) beside it and the share of time the model adds, then the
time newsdistill takes on one 50 MB single-line input.  The three are timed interleaved, by
chunks of ``--chunk`` texts in turn (the order rotating), so that load from other processes
on a shared machine falls on all three alike (timed one after the other, the model's share
read 9% to 31% in three runs on the loaded 2-core machine; ``--chunk 0``: one after the other).

    python bench/clean_speed.py [-n 400] [--sizes 200,800] [--big-mb 50] [--chunk 20]
"""

from __future__ import annotations

import argparse
import sys
import time

from newsdistill.eval.cleanonly import clean
from newsdistill.eval.synthetic import corpus as gen_corpus


def datatrove_chain():
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    return [C4QualityFilter(), GopherQualityFilter(), GopherRepetitionFilter(), FineWebQualityFilter()]


# CPU time of this process: the machines this runs on are often shared, and other
# processes' load would otherwise leak into one side's wall time and not the other's.
_clock = time.process_time


def run_datatrove(steps, texts: list[str]) -> tuple[float, int]:
    from datatrove.data import Document

    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    t0 = _clock()
    stream = iter(docs)
    for step in steps:
        stream = step.run(stream)
    kept = sum(1 for _ in stream)
    return _clock() - t0, kept


def run_newsdistill(texts: list[str], model: bool = True) -> tuple[float, int]:
    t0 = _clock()
    ok = sum(clean(t, model=model).status == "ok" for t in texts)
    return _clock() - t0, ok


def interleaved(runners: dict, texts: list[str], chunk: int) -> dict[str, tuple[float, int]]:
    """CPU seconds and result count of each runner over ``texts``, run by chunks in turn."""
    totals = {name: (0.0, 0) for name in runners}
    chunk = chunk or len(texts)
    names = list(runners)
    for k, start in enumerate(range(0, len(texts), chunk)):
        part = texts[start:start + chunk]
        for name in names[k % len(names):] + names[:k % len(names)]:
            seconds, count = runners[name](part)
            totals[name] = (totals[name][0] + seconds, totals[name][1] + count)
    return totals


def big_line(mb: int) -> float:
    rng_words = " ".join(gen_corpus.document(__import__("random").Random(7), 800).split())
    text = (rng_words + " ") * (mb * 1_000_000 // (len(rng_words) + 1) + 1)
    text = text[: mb * 1_000_000]
    t0, c0 = time.perf_counter(), _clock()
    doc = clean(text)
    elapsed, cpu = time.perf_counter() - t0, _clock() - c0
    print(f"\n{mb} MB single line: {elapsed:.2f} s wall ({cpu:.2f} s CPU), status {doc.status}, {len(doc.text) / 1e6:.1f} MB of body text")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=400, help="documents per size")
    ap.add_argument("--sizes", default="200,800", help="body words per document")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--big-mb", type=int, default=50, help="size of the single-line input (0: skip)")
    ap.add_argument("--chunk", type=int, default=20, help="texts per turn of the interleaved timing (0: one after the other)")
    args = ap.parse_args(argv)

    try:
        steps = datatrove_chain()
    except ImportError as exc:
        print(f"datatrove not installed ({exc}): pip install 'newsdistill[bench]'", file=sys.stderr)
        return 2
    warm = list(gen_corpus.corpus(5, 200, seed=args.seed + 999))
    run_datatrove(steps, warm)  # loads spacy.blank tokenizer
    run_newsdistill(warm)  # loads langid model

    print("docs per CPU-second of this process (datatrove: C4 + Gopher quality + Gopher repetition + FineWeb, defaults)")
    print(f"{'words/doc':>9} {'docs':>5} {'newsdistill docs/s':>19} {'datatrove docs/s':>17} {'ratio':>7} "
          f"{'rules alone docs/s':>19} {'model adds':>11}   (datatrove kept / newsdistill ok)")
    run_newsdistill(warm, model=False)
    for size in (int(s) for s in args.sizes.split(",")):
        texts = list(gen_corpus.corpus(args.n, size, seed=args.seed + size))
        timed = interleaved({
            "datatrove": lambda part: run_datatrove(steps, part),
            "newsdistill": run_newsdistill,
            "rules": lambda part: run_newsdistill(part, model=False),  # the line model's cost: the same steps without it
        }, texts, args.chunk)
        (t_dt, kept), (t_nd, ok), (t_rules, _) = timed["datatrove"], timed["newsdistill"], timed["rules"]
        nd, dt, rl = len(texts) / t_nd, len(texts) / t_dt, len(texts) / t_rules
        print(f"{size:>9} {len(texts):>5} {nd:>19.0f} {dt:>17.0f} {nd / dt:>6.1f}x {rl:>19.0f} {t_nd / t_rules - 1:>10.1%}"
              f"   ({kept} / {ok})")
    if args.big_mb:
        big_line(args.big_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
