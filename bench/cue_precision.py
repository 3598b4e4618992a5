"""Precision per cue lemma on PolNeAR: which cue verbs make attributions that are not statements.

    NEWSDISTILL_SHARED=../shared python bench/cue_precision.py --split dev [--attribution-model fast] \
        [--save after.json] [--before before.json] [--min 3] [--gold-rates]

Per cue lemma of the predicted attributions: how many (n), the share whose cue overlaps a gold
cue (P overlap: PolNeAR marks a statement there at all), matches one exactly (P exact) and is
linked-exact (P linked: content as PolNeAR annotates it, and source).  ``--before FILE`` (a
``--save`` of an earlier run, e.g. before a change) prints both side by side, with the F1 per role
of each run.  ``--gold-rates`` adds, per lemma, the verbs of the text and the share of them inside
a gold cue (what the annotators make of that verb anywhere).  ``--heldout``: train's held-out tenth
(tune there); ``--train-part``: train without it (read word lists off it); dev: measure only.
The tallies are :mod:`newsdistill.eval.cue_precision`.
"""

from __future__ import annotations

import argparse
import sys

from newsdistill.eval.cue_precision import cue_precision, f1_table, from_json, to_json
from newsdistill.eval.shared import shared_dir


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--heldout", action="store_true", help="train's held-out tenth only")
    ap.add_argument("--train-part", action="store_true", help="train without its held-out tenth")
    ap.add_argument("--attribution-model", choices=["accurate", "fast", "lite", "minilm", "rules"], default="accurate",
                    help="as bench/attribution_eval.py (minilm, rules: the old names of accurate, fast)")
    ap.add_argument("--rules-only", action="store_true", help="ignore the learned cue model")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--gold-rates", action="store_true", help="also count each lemma's verbs inside gold cues")
    ap.add_argument("--save", default=None, help="write this run's tallies (JSON) here")
    ap.add_argument("--before", default=None, help="a saved earlier run to compare with")
    ap.add_argument("--load", default=None, help="print a saved run instead of running")
    ap.add_argument("--min", type=int, default=3, help="lemmas with at least this many attributions (either run)")
    args = ap.parse_args()
    if (args.heldout or args.train_part) and args.split != "train":
        sys.exit("--heldout / --train-part are parts of --split train")
    if args.load:
        after = from_json(args.load)
    else:
        if not (shared_dir() / "data" / "polnear" / args.split).is_dir():
            sys.exit(f"PolNeAR not found under {shared_dir()} (set NEWSDISTILL_SHARED)")
        res = cue_precision(args.split, heldout=args.heldout, attribution_model=args.attribution_model,
                            use_model=not args.rules_only, every=args.every, limit=args.limit,
                            gold_rates=args.gold_rates, train_part=args.train_part)
        text = to_json(res)
        if args.save:
            with open(args.save, "w", encoding="utf-8") as f:
                f.write(text)
        after = {"docs": res["docs"], "f1": f1_table(res), "per_lemma": res["per_lemma"]}
    before = from_json(args.before) if args.before else None
    split = "train (held-out tenth)" if args.heldout else "train (without the held-out tenth)" if args.train_part else args.split
    print(f"PolNeAR {split}: {after['docs']} articles, mode {args.attribution_model}")
    runs = [("before", before), ("after", after)] if before else [("", after)]
    head = f"{'cue lemma':<22}" + "".join(f"{name + ' n':>10}{'P ovl':>7}{'P ex':>7}{'P lnk':>7}" for name, _ in runs)
    if args.gold_rates:
        head += f"{'verbs':>8}{'in gold':>8}"
    print(head)
    lemmas = set().union(*(r["per_lemma"] for _, r in runs))

    def n_of(lemma: str) -> int:
        return max(r["per_lemma"][lemma].n if lemma in r["per_lemma"] else 0 for _, r in runs)

    for lemma in sorted(lemmas, key=lambda k: (-n_of(k), k)):
        if n_of(lemma) < args.min:
            continue
        line = f"{lemma[:21]:<22}"
        for _, r in runs:
            t = r["per_lemma"].get(lemma)
            if t is None or not t.n:
                line += f"{0:>10}{'-':>7}{'-':>7}{'-':>7}"
            else:
                line += f"{t.n:>10}{_pct(t.precision('cue_overlap')):>7}{_pct(t.precision('cue_exact')):>7}" \
                        f"{_pct(t.precision('linked')):>7}"
        if args.gold_rates:
            t = after["per_lemma"].get(lemma)
            if t is not None and t.verbs:
                line += f"{t.verbs:>8}{_pct(t.verbs_in_gold / t.verbs):>8}"
        print(line)
    print()
    print(f"{'F1':<26}" + "".join(f"{name or 'F1':>10}" for name, _ in runs))
    for key in ("Source exact", "Cue exact", "Content exact", "Content exact-as-written", "Content overlap",
                "linked exact"):
        print(f"{key:<26}" + "".join(f"{100 * r['f1'].get(key, 0.0):10.1f}" for _, r in runs))


if __name__ == "__main__":
    main()
