"""The gold cues of a PolNeAR split that no predicted cue matches, grouped by why they were missed.

    NEWSDISTILL_SHARED=/work/shared python bench/attribution_misses.py --split train --every 3 [--show GROUP]

Groups (first that applies): ``not-in-body`` (no token starts there: the cleaner removed the line
or it is the title), ``cue-boundary`` (a predicted cue overlaps it), ``inside-quote`` (inside a
closed quote: rule cue.not-inside-quote), ``pos-X`` (not a verb), ``model-reject`` (the learned
cue model said no), ``no-subject(dep=D)``, ``subject-other-paragraph``, ``no-content``.  Prints
each group's size and its most frequent cue words; ``--show GROUP`` lists its cases in context.
Used to find the rules of docs/attribution.md step 3d on *train*; never run it on dev to tune.
"""

from __future__ import annotations

import argparse
import collections

from newsdistill.eval.cue_misses import missed_cues


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--every", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default=None, help="list this group's cases")
    ap.add_argument("-n", type=int, default=40, help="cases to list")
    args = ap.parse_args()
    groups = missed_cues(args.split, args.limit, every=args.every)
    for why, cases in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        common = collections.Counter(c[1] for c in cases).most_common(8)
        print(f"{why:<28}{len(cases):5}  " + ", ".join(f"{w!r} {n}" for w, n in common))
    for doc_id, _, around in groups.get(args.show, [])[:args.n]:
        print(doc_id, repr(around))


if __name__ == "__main__":
    main()
