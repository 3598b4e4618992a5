"""Train the plain-text line classifier (``newsdistill.clean.line_model``): ``make train-cleaner``.

    NEWSDISTILL_SHARED=/work/shared python bench/train_cleaner.py [--out MODEL.json] [--cache DIR] [--no-trees]

WCXB dev's first half rendered to keep-everything text, PolNeAR train minus its held-out tenth and
the hand-written cases (``newsdistill.training.cleaner_cases``); cross-validation by page inside the
first half picks ``C`` and the threshold; deterministic (lbfgs, fixed folds), CPU, ~8 minutes on
one core.  Default output: the shipped ``clean/data/line_model.json``.  ``--cache DIR`` keeps the
rendered pages between runs.  Then ``bench/clean_quality.py --split-half`` measures the held-out
half.  The training is :mod:`newsdistill.training.cleaner`; protocol and numbers in docs/cleaning.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdistill.training import cleaner


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=cleaner.MODEL_PATH)
    ap.add_argument("--cache", type=Path, help="folder for the rendered pages (created)")
    ap.add_argument("--no-trees", action="store_true", help="skip the gradient-boosted trees comparison")
    args = ap.parse_args(argv)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    cleaner.train(args.out, cache=args.cache, compare_trees=not args.no_trees, log=lambda m: print(m, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
