"""Entity recall on PolNeAR dev sources, and the cost of entities + figures + dates vs the spaCy parse.

Quality: the share of annotated attribution **sources** that are named people or
organisations (the span is a name: a bare spaCy PERSON/ORG/GPE/NORP entity with exactly that
span, or every token a proper noun apart from "the"/"'s"/"."/"-"/"&") that newsdistill
recognises as an entity mention with the same input span (mention ``input_start/input_end``
over the raw .txt).  Also printed: the share once the source span is trimmed of a leading "the", title or honorific,
a trailing possessive and an "of <place/organisation>" after a person's name ("Attorney General Eric Schneiderman" -> "Eric Schneiderman": newsdistill
keeps titles as roles, not in the mention), and a lenient share (some mention ends where the
source ends).

Speed: seconds in the parse step (the bare spaCy parse of the clean text) vs seconds in the
entities, figures and dates steps, on the same documents in the same run; the ratio is the
extra cost of those steps (goal <= 10%).

    NEWSDISTILL_SHARED=/work/shared python bench/entities_eval.py [--limit N] [--split dev]
"""

from __future__ import annotations

import argparse
import sys

from newsdistill.eval.entities import evaluate, one_ann_per_article
from newsdistill.eval.shared import shared_dir


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args(argv)
    split_dir = shared_dir() / "data" / "polnear" / args.split
    if not split_dir.is_dir():
        print(f"PolNeAR not found at {split_dir} (set NEWSDISTILL_SHARED)", file=sys.stderr)
        return 1
    from newsdistill.extract.nlp import load_model

    nlp = load_model()
    pairs = one_ann_per_article(split_dir)
    named, hit, lenient, trim_hit, times, misses = evaluate(pairs, nlp, args.limit)
    n_docs = len(pairs[:args.limit])
    print(f"PolNeAR {args.split}: {n_docs} articles, {named} named sources")
    print(f"  named sources found as an entity mention with the same span: {hit}/{named} = {hit / max(named, 1):.3f}")
    print(f"  ... same span once the source's title/honorific/'the'/possessive is trimmed: {trim_hit}/{named} = {trim_hit / max(named, 1):.3f}")
    print(f"  ... a mention ending where the source ends (lenient): {lenient}/{named} = {lenient / max(named, 1):.3f}")
    parse = times.get("parse", 0.0)
    ours = sum(times.get(k, 0.0) for k in ("entities", "figures", "dates"))
    print(f"  spaCy parse {parse:.2f}s; entities {times.get('entities', 0):.2f}s + figures {times.get('figures', 0):.2f}s"
          f" + dates {times.get('dates', 0):.2f}s = {ours:.2f}s -> extra {ours / max(parse, 1e-9):.1%} of the parse")
    for m in misses[:args.show_misses]:
        print("  miss:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
