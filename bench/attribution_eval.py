"""Attribution quality on PolNeAR (source / cue / content spans and linked attributions) and speed.

    NEWSDISTILL_SHARED=/work/shared python bench/attribution_eval.py --split dev [--limit N]

Runs newsdistill on the raw ``.txt`` of a split and compares the attributions' *input* offsets
(``input_start``/``input_end``) with the brat annotations.  Prints, per role, exact-match and
overlap precision/recall/F1, linked-attribution F1 (content matches and its source matches, the
content under the same convention as the column),
how many gold spans the cleaner removed from the body (annotations we can never find), and the
time of the attribution step vs the bare spaCy parse of the same texts (same run).

Contents are scored two ways.  PolNeAR's content spans include the leading complementizer
("said *that* X"); the record's ``content`` leaves it out and keeps it as the attribution's
``complementizer`` span.  ``exact`` / ``overlap`` (the main columns, and linked ``exact``) score a
content *as PolNeAR annotates it*: from its complementizer's start to the content's end
(:func:`polnear_content`).  ``exact-as-written`` / ``overlap-as-written`` score the record's
``content`` span as it is; ``exact-that`` is the older approximation: the content as written,
forgiving a gold content only its leading "that ".  Source and cue are the same under every
convention.  Gold discontinuous spans ("“A,” said X. “B.”") count one item per fragment; fragments separated
only by whitespace (a quote running over paragraphs) are joined.  A predicted content with
``content_fragments`` (around its own source and cue: "A, he adds, is B") is scored the same way,
one item per fragment, in every convention (PolNeAR's: the first fragment from the
complementizer's start); linked, an attribution counts once and its content matches when one of
its fragments matches one of the gold content's (as a gold attribution with fragments is
matched).  Articles with two annotators have two ``.ann`` files: the alphabetically first is used.
The reader and the scorer are :mod:`newsdistill.eval.polnear`.
"""

from __future__ import annotations

import argparse
import sys

from newsdistill.eval.polnear import MODES, evaluate
from newsdistill.eval.shared import shared_dir


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--start", type=int, default=0, help="skip the first N articles of the split")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--rules-only", action="store_true", help="ignore the learned cue model")
    ap.add_argument("--attribution-model", choices=["accurate", "fast", "lite", "minilm", "rules"], default="accurate",
                    help="accurate (the default): rules + cue model + the MiniLM span model with the lite tagger's vote; "
                         "fast: rules + cue model; lite: rules + cue model + the BiLSTM tagger; minilm, rules: old names")
    ap.add_argument("--heldout", action="store_true", help="train's held-out tenth only (not trained on; for tuning)")
    ap.add_argument("--every", type=int, default=1, help="only every N-th article (a fixed subset for quick iteration)")
    args = ap.parse_args()
    if not (shared_dir() / "data" / "polnear" / args.split).is_dir():
        sys.exit(f"PolNeAR not found under {shared_dir()} (set NEWSDISTILL_SHARED)")
    if args.heldout and args.split != "train":
        sys.exit("--heldout is a part of --split train")
    res = evaluate(args.split, args.limit, args.verbose, use_model=not args.rules_only, start=args.start,
                   attribution_model=args.attribution_model, heldout=args.heldout, every=args.every)
    from newsdistill.attribution import canonical_mode
    from newsdistill.attribution.models import cue_model

    system = "rules" if args.rules_only or cue_model.load() is None else "rules + learned cue model"
    if canonical_mode(args.attribution_model) == "accurate":
        system += " + MiniLM span model"
    elif args.attribution_model == "lite":
        system += " + lite BiLSTM tagger"
    if args.heldout:
        args.split = "train (held-out tenth)"
    print(f"PolNeAR {args.split}: {res['docs']} articles, {system}")
    print('contents: exact/overlap as PolNeAR annotates them (complementizer "that" + content); '
          '*-as-written: the record\'s content span; exact-that: as written, forgiving a gold leading "that"')
    print(f"{'role':<9}{'match':<20}{'P':>7}{'R':>7}{'F1':>7}")
    for (role, m), prf in res["scores"].items():
        if MODES[m] != "polnear" and role != "Content":
            continue  # source and cue are the same under every convention
        p, r, f = prf.prf()
        print(f"{role:<9}{m:<20}{100 * p:7.1f}{100 * r:7.1f}{100 * f:7.1f}")
    for m, prf in res["linked"].items():
        p, r, f = prf.prf()
        print(f"{'linked':<9}{m:<20}{100 * p:7.1f}{100 * r:7.1f}{100 * f:7.1f}")
    print("CofeNet (BERT, PolNeAR test) exact F1 source/cue/content: 83.2 / 75.3 / 72.9")
    lost = res["gold_lost"]
    print(f"gold spans outside the clean body (removed by the cleaner): {lost}/{res['gold_total']}"
          f" ({100 * lost / max(res['gold_total'], 1):.1f}%)")
    ratio = res["t_attr"] / max(res["t_parse"], 1e-9)
    print(f"speed: spaCy parse {res['t_parse']:.2f}s, attribution {res['t_attr']:.2f}s "
          f"-> attribution adds {100 * ratio:.1f}% over the parse (goal <= 15%)")


if __name__ == "__main__":
    main()
