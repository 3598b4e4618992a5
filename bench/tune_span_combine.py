"""Choose the rules + span-model combination thresholds on PolNeAR train's held-out tenth.

    NEWSDISTILL_SHARED=/work/shared python bench/tune_span_combine.py [--weights PATH] [--limit N]
        [--no-lite] [--lite-weights 0.3,0.3 0.5,0.5 ...]

The span model's wordpiece log-probabilities are mixed with the lite tagger's
(``tuned.MODEL_LITE_WEIGHTS``, as ``--attribution-model minilm`` runs; ``--no-lite``:
the span model alone); ``--lite-weights`` scores other mixes first.

The held-out tenth (``newsdistill.eval.polnear.heldout_index``) is never trained on by
``bench/train_span_model.py``; dev is never used here.  Each article is cleaned, parsed and run
through the span model once; then every setting of ``tuned.MODEL_COMBINE`` tried is
scored (coordinate ascent, one parameter at a time, objective: the mean of exact F1 of source,
cue, content and linked exact, contents as PolNeAR annotates them: ``newsdistill.eval.polnear`` "exact").  Prints the scores of each setting and the best one, to copy
into ``MODEL_COMBINE``.  The tuning is :mod:`newsdistill.training.span_combine` (and ``.combine``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsdistill.training.combine import coordinate_ascent, own_span_f1
from newsdistill.training.data import heldout_base
from newsdistill.training.span_combine import combination_objective, mixed_predictions, span_votes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weights", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--decoding", choices=["viterbi", "argmax"], default="viterbi")
    ap.add_argument("--cache", action="store_true", help="keep/reuse the parsed held-out articles in $TMPDIR")
    ap.add_argument("--no-lite", action="store_true", help="the span model alone, without the lite tagger's vote")
    ap.add_argument("--lite-weights", nargs="*", default=None, metavar="C,R",
                    help="score these lite-tagger shares (content,role) of the vote before the ascent")
    args = ap.parse_args()
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    from newsdistill.attribution import tuned
    from newsdistill.attribution.models import cue_model, lite_tagger
    from newsdistill.attribution.models import span_model as M
    from newsdistill.training import span_encoder

    t0 = time.perf_counter()
    # the shipped ONNX model (what runs), or the torch model of freshly trained --weights
    model = M.load() if args.weights is None else span_encoder.load(args.weights)
    model.decoding = args.decoding
    lite = None if args.no_lite else lite_tagger.load()
    cues = cue_model.load()
    votes = span_votes(model, lite, cues, heldout_base(args.cache, args.limit))
    arts = mixed_predictions(model, votes, tuned.MODEL_LITE_WEIGHTS)
    print(f"{len(arts)} held-out train articles prepared in {time.perf_counter() - t0:.0f}s", flush=True)
    print("model spans alone, exact F1 (content vs all gold contents, nested ones too): " + own_span_f1(arts),
          flush=True)

    def run(params, use_span=True):
        return combination_objective(arts, params, model, use_span)

    def show(name, obj, f, _note=None):
        print(f"{name:<40} obj {100 * obj:5.1f}  " + "  ".join(f"{k} {100 * v:5.1f}" for k, v in f.items()), flush=True)

    show("rules only", *run(None, use_span=False))
    for w in args.lite_weights or ():
        weights = tuple(float(x) for x in w.split(","))
        arts = mixed_predictions(model, votes, weights)
        show(f"lite weights {weights}", *run(None))
    arts = mixed_predictions(model, votes, tuned.MODEL_LITE_WEIGHTS)
    best = dict(tuned.MODEL_COMBINE)
    best_obj, f = run(best)
    show("current MODEL_COMBINE", best_obj, f)
    best, best_obj = coordinate_ascent(best, best_obj, run, show, args.rounds)
    print(f"best (obj {100 * best_obj:.1f}): {best}")


if __name__ == "__main__":
    main()
