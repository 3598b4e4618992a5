"""Choose the rules + span-model combination thresholds on PolNeAR train's held-out tenth.

    NEWSDISTILL_SHARED=/work/shared python bench/tune_span_combine.py [--weights PATH] [--limit N]
        [--no-lite] [--lite-weights 0.3,0.3 0.5,0.5 ...]

The span model's wordpiece log-probabilities are mixed with the lite tagger's
(``tuned.MODEL_LITE_WEIGHTS``, as ``--attribution-model minilm`` runs; ``--no-lite``:
the span model alone); ``--lite-weights`` scores other mixes first.

The held-out tenth (``attribution_eval.heldout_index``) is never trained on by
``bench/train_span_model.py``; dev is never used here.  Each article is cleaned, parsed and run
through the span model once; then every setting of ``tuned.MODEL_COMBINE`` tried is
scored (coordinate ascent, one parameter at a time, objective: the mean of exact F1 of source,
cue, content and linked exact, contents as PolNeAR annotates them: ``attribution_eval`` "exact").  Prints the scores of each setting and the best one, to copy
into ``MODEL_COMBINE``.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

GRID = {
    "content_shared": [True, False],
    "content_snap": [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 1.01],
    "content_side": ["both", "start", "end"],
    "source_shared": [True, False],
    "source_snap": [0.0, 0.3, 0.5, 0.7, 1.01],
    "cue_shared": [True, False],
    "cue_snap": [0.0, 0.3, 0.5, 0.7, 1.01],
    "new_contents": [False, True],
    "new_min_words": [2, 3, 5, 8],
    "new_max_gap": [50, 120, 250, 1000],
    "new_need_cue": [True, False],
    "new_need_source": [False, True],
    "drop_unsupported": [False, True],
    "content_hull": [True, False],
    "swallow_cue": [False, True],
    "new_stance_rule": [True, False],
    "trim_connective": [True, False],
}


def objective(res) -> tuple[float, dict]:
    f = {f"{r} exact": res["scores"][r, "exact"].prf()[2] for r in ("Source", "Cue", "Content")}
    f["Content exact-as-written"] = res["scores"]["Content", "exact-as-written"].prf()[2]
    f["Content overlap"] = res["scores"]["Content", "overlap"].prf()[2]
    f["linked exact"] = res["linked"]["exact"].prf()[2]
    f["linked exact-as-written"] = res["linked"]["exact-as-written"].prf()[2]
    keys = ("Source exact", "Cue exact", "Content exact", "linked exact")
    return sum(f[k] for k in keys) / len(keys), f


def heldout_base(cache: bool, limit: int | None = None) -> list:
    """The held-out train articles, cleaned, parsed, entities run: ``(doc, sdoc, raw, gold_roles,
    gold_attrs)``; with ``cache`` kept in / read from ``$TMPDIR`` (parsing is most of the time)."""
    from attribution_eval import prepared

    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"newsdistill-heldout-{limit or 'all'}.pkl"
    if cache and path.is_file():
        return pickle.loads(path.read_bytes())
    base = [a[:5] for a in prepared("train", limit, heldout=True)]
    if cache:
        path.write_bytes(pickle.dumps(base))
    return base


def own_span_f1(arts) -> str:
    """Exact F1 of a tagger's own content/source/cue spans (``arts[i][5]``, a Prediction) against
    all the gold spans of each role (nested contents too), no rules."""
    from attribution_eval import PRF, exact

    tallies = {r: PRF() for r in ("Content", "Source", "Cue")}
    for doc, _, _, roles, _, pred in arts:
        for role, spans in (("Content", pred.contents), ("Source", pred.sources), ("Cue", pred.cues)):
            tallies[role].add({doc.to_input(s, e) for s, e in spans}, roles[role], exact)
    return "  ".join(f"{r} {100 * t.prf()[2]:.1f}" for r, t in tallies.items())


def coordinate_ascent(best: dict, best_obj: float, run, show, rounds: int, accept=lambda params: (True, None)):
    """Try each value of :data:`GRID` one parameter at a time, keeping a change that raises the
    objective (and that ``accept(params) -> (ok, note)`` allows); ``rounds`` passes at most."""
    for _ in range(rounds):
        changed = False
        for key, values in GRID.items():
            for v in values:
                if v == best[key]:
                    continue
                trial = dict(best, **{key: v})
                obj, f = run(trial)
                ok, note = accept(trial)
                show(f"{key}={v}", obj, f, note)
                if obj > best_obj + 1e-4 and ok:
                    best, best_obj, changed = trial, obj, True
        if not changed:
            break
    return best, best_obj


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
    from attribution_eval import new_scores, score
    from newsdistill.attribution import tuned
    from newsdistill.attribution.candidates import find_candidates
    from newsdistill.attribution.document import attribute, paragraph_offsets
    from newsdistill.attribution.headline import title_attributions
    from newsdistill.attribution.models import cue_model, lite_tagger
    from newsdistill.attribution.models import span_model as M
    from newsdistill.attribution.models.combine import mixed_prediction

    t0 = time.perf_counter()
    model = M.load(args.weights)
    model.decoding = args.decoding
    lite = None if args.no_lite else lite_tagger.load()
    cues = cue_model.load()
    votes = []  # per article: wordpieces, span-model and lite-tagger log-probabilities
    for doc, sdoc, raw, roles, attrs in heldout_base(args.cache, args.limit):
        text, paragraphs = doc.text[:len(sdoc.text)], paragraph_offsets(doc)
        p, c_lp, r_lp = model.logprobs(text, paragraphs)
        lite_lp = None
        if lite is not None:
            cands = find_candidates(sdoc, doc.text, paragraphs, cue_model=cues)
            lite_lp = lite.piece_logprobs(sdoc, paragraphs, cands, [o[0] for o in p.offsets])
        votes.append((doc, sdoc, raw, roles, attrs, p, c_lp, r_lp, lite_lp))

    def predictions(weights) -> list:  # as combine.ensemble_prediction, from the cached votes
        return [(doc, sdoc, raw, roles, attrs, mixed_prediction(model, p, c_lp, r_lp, lite_lp, doc.text[:len(sdoc.text)], weights))
                for doc, sdoc, raw, roles, attrs, p, c_lp, r_lp, lite_lp in votes]

    arts = predictions(tuned.MODEL_LITE_WEIGHTS)
    print(f"{len(arts)} held-out train articles prepared in {time.perf_counter() - t0:.0f}s", flush=True)
    print("model spans alone, exact F1 (content vs all gold contents, nested ones too): " + own_span_f1(arts),
          flush=True)

    def run(params, use_span=True):
        res = new_scores()
        for doc, sdoc, raw, roles, gold, pred in arts:
            out = attribute(doc, sdoc, prediction=pred if use_span else None, combine_params=params)
            out += title_attributions(doc, span_model=model if use_span else None)  # the model per TITLE_SPAN_MODEL
            score(out, raw, roles, gold, res)
        return objective(res)

    def show(name, obj, f, _note=None):
        print(f"{name:<40} obj {100 * obj:5.1f}  " + "  ".join(f"{k} {100 * v:5.1f}" for k, v in f.items()), flush=True)

    show("rules only", *run(None, use_span=False))
    for w in args.lite_weights or ():
        weights = tuple(float(x) for x in w.split(","))
        arts = predictions(weights)
        show(f"lite weights {weights}", *run(None))
    arts = predictions(tuned.MODEL_LITE_WEIGHTS)
    best = dict(tuned.MODEL_COMBINE)
    best_obj, f = run(best)
    show("current MODEL_COMBINE", best_obj, f)
    best, best_obj = coordinate_ascent(best, best_obj, run, show, args.rounds)
    print(f"best (obj {100 * best_obj:.1f}): {best}")


if __name__ == "__main__":
    main()
