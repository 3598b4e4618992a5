"""Score the lite BiLSTM tagger (``newsdistill.attribution.models.lite_tagger``) with the rules on PolNeAR train's held-out tenth.

    NEWSDISTILL_SHARED=/work/shared python bench/tune_lite_combine.py --weights W.npz [--cache] [--rounds N]

As ``bench/tune_span_combine.py`` (same held-out articles, same objective: mean exact F1 of
source, cue, content and linked), with the numpy tagger instead of MiniLM: prints rules alone,
the tagger's spans alone, the combination under the current ``MODEL_COMBINE``, then a coordinate
ascent over its settings; with ``--seed-safe`` only settings under which the seed's nine
attributions stay exactly as the golden test wants are accepted.  Also times the tagger
(features + numpy forward + decoding) against the spaCy parse of the same texts (same run).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))


def seed_checker():
    """``check(attrs) -> bool``: the seed golden test's main conditions on a list of attributions."""
    spec = importlib.util.spec_from_file_location("seed_golden", REPO / "tests" / "test_attribution_seed.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)

    def check(attrs) -> bool:
        sourced = sorted((a["source"]["text"], a["cue"]["text"]) for a in attrs if a["source"] is not None)
        if sourced != sorted((g[2], g[1]) for g in mod.GOLDEN):
            return False
        for kind, cue, source, _, c_start, c_end in mod.GOLDEN:
            a = next(a for a in attrs if a["source"] and a["source"]["text"] == source and a["cue"]["text"] == cue)
            if kind is not None and a["kind"] != kind:
                return False
            if not (a["content"]["text"].startswith(c_start) and a["content"]["text"].endswith(c_end)):
                return False
            comp = a["complementizer"]
            want = mod.COMPLEMENTIZERS.get((cue, source))
            if (comp is None) != (want is None) or (want and (comp["start"], comp["end"]) != want[:2]):
                return False
            frags = a["content_fragments"]
            want = mod.FRAGMENTS.get((cue, source))
            if (frags is None) != (want is None) or (want and [(f["start"], f["end"]) for f in frags] != [w[:2] for w in want]):
                return False
        return True

    return check


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weights", type=Path, default=None, help="default: the shipped weights")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--decoding", choices=["viterbi", "argmax"], default="viterbi")
    ap.add_argument("--cache", action="store_true", help="keep/reuse the parsed held-out articles in $TMPDIR")
    ap.add_argument("--seed-safe", action="store_true", help="accept only settings that keep the seed golden")
    ap.add_argument("--no-tune", action="store_true")
    args = ap.parse_args()
    import newsdistill
    from attribution_eval import new_scores, score
    from newsdistill.attribution import tuned
    from newsdistill.attribution.candidates import find_candidates
    from newsdistill.attribution.document import attribute, paragraph_offsets
    from newsdistill.attribution.models import cue_model
    from newsdistill.attribution.models.lite_tagger import LiteTagger
    from newsdistill.extract.nlp import load_model
    from tune_span_combine import coordinate_ascent, heldout_base, objective, own_span_f1

    cues = cue_model.load()
    from newsdistill.attribution.models.lite_tagger import WEIGHTS_PATH

    tagger = LiteTagger.load(args.weights or WEIGHTS_PATH, decoding=args.decoding)
    base = heldout_base(args.cache)
    nlp = load_model()
    t_parse = t_tag = t_rules = 0.0
    arts = []
    for doc, sdoc, raw, roles, attrs in base:
        t0 = time.perf_counter()
        nlp(doc.text)
        tp = time.perf_counter()
        cands = find_candidates(sdoc, doc.text, paragraph_offsets(doc), cue_model=cues)  # attribute() has them
        t1 = time.perf_counter()
        pred = tagger.predict(sdoc, doc.text[:len(sdoc.text)], paragraph_offsets(doc), cands)
        t2 = time.perf_counter()
        attribute(doc, sdoc)
        t3 = time.perf_counter()
        t_parse += tp - t0
        t_tag += t2 - t1
        t_rules += t3 - t2
        arts.append((doc, sdoc, raw, roles, attrs, pred))
    print(f"{len(arts)} held-out articles; spaCy parse {t_parse:.2f}s, rules attribution {t_rules:.2f}s "
          f"({100 * t_rules / t_parse:.1f}%), lite tagger {t_tag:.2f}s ({100 * t_tag / t_parse:.1f}% of the parse)",
          flush=True)
    print("tagger spans alone, exact F1 (content vs all gold contents, nested ones too): " + own_span_f1(arts),
          flush=True)

    check = seed_checker()
    from attribution_eval import shared_dir

    seed_text = next((shared_dir() / "seed").glob("*.txt")).read_text(encoding="utf-8")
    seed = newsdistill.distill(seed_text, id="seed")
    seed_cands = find_candidates(seed.nlp_doc, seed.text, paragraph_offsets(seed), cue_model=cues)
    seed_pred = tagger.predict(seed.nlp_doc, seed.text[:len(seed.nlp_doc.text)], paragraph_offsets(seed), seed_cands)

    def seed_ok(params) -> bool:
        seed.extra["attributions"] = attribute(seed, seed.nlp_doc, prediction=seed_pred, combine_params=params)
        return check(seed.to_dict()["attributions"])

    def run(params, use_span=True):
        res = new_scores()
        for doc, sdoc, raw, roles, gold, pred in arts:
            out = attribute(doc, sdoc, prediction=pred if use_span else None, combine_params=params)
            score(out, raw, roles, gold, res)
        return objective(res)

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
