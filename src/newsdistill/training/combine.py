"""What both combination tuners share: the settings tried, the held-out objective, the coordinate ascent.

The rules and a tagger's spans are combined under the settings of ``tuned.MODEL_COMBINE`` (the
span model) or ``tuned.LITE_COMBINE`` (the lite tagger); :data:`GRID` lists the values tried for
each, :func:`objective` scores a setting on train's held-out tenth (the mean of exact F1 of
source, cue, content and linked exact, contents as PolNeAR annotates them: ``eval.polnear``
"exact"), :func:`coordinate_ascent` searches one parameter at a time, :func:`own_span_f1` gives a
tagger's own spans' F1 without the rules.  Dev is never used.
"""

from __future__ import annotations

from ..eval.polnear import PRF, exact

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
    """``(objective, F1 by name)`` of :func:`newsdistill.eval.polnear.score` tallies: the objective
    is the mean of exact F1 of source, cue, content and linked (contents as PolNeAR annotates them)."""
    f = {f"{r} exact": res["scores"][r, "exact"].prf()[2] for r in ("Source", "Cue", "Content")}
    f["Content exact-as-written"] = res["scores"]["Content", "exact-as-written"].prf()[2]
    f["Content overlap"] = res["scores"]["Content", "overlap"].prf()[2]
    f["linked exact"] = res["linked"]["exact"].prf()[2]
    f["linked exact-as-written"] = res["linked"]["exact-as-written"].prf()[2]
    keys = ("Source exact", "Cue exact", "Content exact", "linked exact")
    return sum(f[k] for k in keys) / len(keys), f


def own_span_f1(arts) -> str:
    """Exact F1 of a tagger's own content/source/cue spans (``arts[i][5]``, a Prediction) against
    all the gold spans of each role (nested contents too), no rules."""
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
