"""Score the lite BiLSTM tagger (``newsdistill.attribution.models.lite_tagger``) with the rules on PolNeAR train's held-out tenth.

    NEWSDISTILL_SHARED=/work/shared python bench/tune_lite_combine.py --weights W.npz [--cache] [--rounds N]

As ``bench/tune_span_combine.py`` (same held-out articles, same objective: mean exact F1 of
source, cue, content and linked), with the numpy tagger instead of MiniLM: prints rules alone,
the tagger's spans alone, the combination under the current ``MODEL_COMBINE``, then a coordinate
ascent over its settings; with ``--seed-safe`` only settings under which the seed's nine
attributions stay exactly as the golden test wants are accepted.  Also times the tagger
(features + numpy forward + decoding) against the spaCy parse of the same texts (same run).
The tuning is :mod:`newsdistill.training.lite_combine` (and ``.combine``).
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from newsdistill.eval.shared import shared_dir
from newsdistill.training.combine import coordinate_ascent, own_span_f1
from newsdistill.training.data import heldout_base
from newsdistill.training.lite_combine import combination_objective, seed_checker, seed_guard, tagged_heldout

REPO = Path(__file__).resolve().parents[1]


def seed_golden():
    """The seed golden table (``tests/support/seed_golden.py``: ``GOLDEN``, ``COMPLEMENTIZERS``,
    ``FRAGMENTS``), loaded from its file."""
    spec = importlib.util.spec_from_file_location("seed_golden", REPO / "tests" / "support" / "seed_golden.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weights", type=Path, default=None, help="default: the shipped weights")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--decoding", choices=["viterbi", "argmax"], default="viterbi")
    ap.add_argument("--cache", action="store_true", help="keep/reuse the parsed held-out articles in $TMPDIR")
    ap.add_argument("--seed-safe", action="store_true", help="accept only settings that keep the seed golden")
    ap.add_argument("--no-tune", action="store_true")
    args = ap.parse_args()
    from newsdistill.attribution import tuned
    from newsdistill.attribution.models import cue_model
    from newsdistill.attribution.models.lite_tagger import WEIGHTS_PATH, LiteTagger

    cues = cue_model.load()
    tagger = LiteTagger.load(args.weights or WEIGHTS_PATH, decoding=args.decoding)
    arts, t_parse, t_tag, t_rules = tagged_heldout(tagger, heldout_base(args.cache), cues)
    print(f"{len(arts)} held-out articles; spaCy parse {t_parse:.2f}s, rules attribution {t_rules:.2f}s "
          f"({100 * t_rules / t_parse:.1f}%), lite tagger {t_tag:.2f}s ({100 * t_tag / t_parse:.1f}% of the parse)",
          flush=True)
    print("tagger spans alone, exact F1 (content vs all gold contents, nested ones too): " + own_span_f1(arts),
          flush=True)

    golden = seed_golden()
    check = seed_checker(golden.GOLDEN, golden.COMPLEMENTIZERS, golden.FRAGMENTS)
    seed_text = next((shared_dir() / "seed").glob("*.txt")).read_text(encoding="utf-8")
    seed_ok = seed_guard(tagger, cues, check, seed_text)

    def run(params, use_span=True):
        return combination_objective(arts, params, use_span)

    def show(name, obj, f, ok=None):
        print(f"{name:<40} obj {100 * obj:5.1f}  " + "  ".join(f"{k} {100 * v:5.1f}" for k, v in f.items())
              + ("" if ok is None else f"  seed {'ok' if ok else 'BROKEN'}"), flush=True)

    show("rules only", *run(None, use_span=False))
    best = dict(tuned.LITE_COMBINE)
    best_obj, f = run(best)
    show("current LITE_COMBINE", best_obj, f, seed_ok(best))
    if args.seed_safe and not seed_ok(best):
        best = dict(best, new_contents=False, drop_unsupported=False, content_snap=1.01)
        best_obj, f = run(best)
        show("conservative start", best_obj, f, seed_ok(best))
    if args.no_tune:
        return

    def accept(params):
        ok = seed_ok(params)
        return ok or not args.seed_safe, ok

    best, best_obj = coordinate_ascent(best, best_obj, run, show, args.rounds, accept)
    print(f"best (obj {100 * best_obj:.1f}, seed {'ok' if seed_ok(best) else 'BROKEN'}): {best}")


if __name__ == "__main__":
    main()
