"""Train the learned cue detector on PolNeAR *train* (never dev), CPU only, reproducibly.

    NEWSDISTILL_SHARED=/work/shared python bench/train_attribution.py [--limit N] [--out PATH]

(`make train-attribution`).  Every verb of the clean text is an example, labelled positive when
it lies inside a gold Cue span.  Logistic regression (numpy, full-batch Adam, L2, fixed number
of epochs: deterministic); the acceptance threshold is chosen on a held-out fifth of the train
articles, then the model is refit on all of train and written to
``src/newsdistill/extract/data/cue_model.json``.  The training is :mod:`newsdistill.training.cue_model`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from newsdistill.eval.shared import REPO
from newsdistill.training.cue_model import cached_examples, choose_threshold, refit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="train on the first N train articles only (smoke runs)")
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--cache", action="store_true", help="keep/reuse the parsed examples in $TMPDIR (faster reruns)")
    args = ap.parse_args()
    from newsdistill.attribution.models.cue_model import MODEL_PATH

    started = time.perf_counter()
    data = cached_examples(args.limit, args.cache)
    print(f"{len(data)} verbs, {sum(d[2] for d in data)} cues, from "
          f"{len({d[0] for d in data})} train articles ({time.perf_counter() - started:.0f}s)")
    f1, threshold = choose_threshold(data, args.epochs)
    print(f"held-out (train fifth) verb-level cue F1 {100 * f1:.1f} at threshold {threshold}")
    model = refit(data, threshold, f1, args.epochs)
    out = args.out or MODEL_PATH
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB) in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    if not os.environ.get("NEWSDISTILL_SHARED") and not (REPO.parent / "shared").is_dir():
        sys.exit("PolNeAR not found: set NEWSDISTILL_SHARED")
    main()
