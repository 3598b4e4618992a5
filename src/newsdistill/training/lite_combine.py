"""Scoring the lite BiLSTM tagger with the rules (``tuned.LITE_COMBINE``) on PolNeAR train's held-out tenth.

As :mod:`.span_combine` (same held-out articles, same objective), with the numpy tagger instead of
MiniLM: :func:`tagged_heldout` runs the tagger on every held-out article once, timing it (features
+ numpy forward + decoding) and the rules against the spaCy parse of the same texts;
:func:`combination_objective` scores a setting on them; :func:`seed_guard` tells whether a
setting keeps the seed's attributions exactly as the golden test wants (:func:`seed_checker`).
The command line: ``bench/tune_lite_combine.py`` (``make train-lite-tagger``).
"""

from __future__ import annotations

import time

from ..attribution.candidates import find_candidates
from ..attribution.document import attribute, paragraph_offsets
from ..eval.polnear import new_scores, score
from .combine import objective


def tagged_heldout(tagger, base, cues) -> tuple[list, float, float, float]:
    """``(arts, parse seconds, tagger seconds, rules seconds)``: per held-out article of ``base``
    (:func:`newsdistill.training.data.heldout_base`) ``(doc, sdoc, raw, roles, attrs, prediction)``."""
    from ..extract.nlp import load_model

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
    return arts, t_parse, t_tag, t_rules


def combination_objective(arts, params, use_span: bool = True) -> tuple[float, dict]:
    """:func:`newsdistill.training.combine.objective` of the combination under ``params`` on the
    articles of :func:`tagged_heldout` (``use_span`` False: the rules alone)."""
    res = new_scores()
    for doc, sdoc, raw, roles, gold, pred in arts:
        out = attribute(doc, sdoc, prediction=pred if use_span else None, combine_params=params)
        score(out, raw, roles, gold, res)
    return objective(res)


def seed_checker(golden, complementizers, fragments):
    """``check(attrs) -> bool``: the seed golden test's main conditions on a list of attributions
    (record dicts, ``doc.to_dict()["attributions"]``); ``golden``, ``complementizers``,
    ``fragments``: that test's ``GOLDEN``, ``COMPLEMENTIZERS`` and ``FRAGMENTS``."""

    def check(attrs) -> bool:
        sourced = sorted((a["source"]["text"], a["cue"]["text"]) for a in attrs if a["source"] is not None)
        if sourced != sorted((g[2], g[1]) for g in golden):
            return False
        for kind, cue, source, _, c_start, c_end in golden:
            a = next(a for a in attrs if a["source"] and a["source"]["text"] == source and a["cue"]["text"] == cue)
            if kind is not None and a["kind"] != kind:
                return False
            if not (a["content"]["text"].startswith(c_start) and a["content"]["text"].endswith(c_end)):
                return False
            comp = a["complementizer"]
            want = complementizers.get((cue, source))
            if (comp is None) != (want is None) or (want and (comp["start"], comp["end"]) != want[:2]):
                return False
            frags = a["content_fragments"]
            want = fragments.get((cue, source))
            if (frags is None) != (want is None) or (want and [(f["start"], f["end"]) for f in frags] != [w[:2] for w in want]):
                return False
        return True

    return check


def seed_guard(tagger, cues, check, seed_text: str):
    """``seed_ok(params) -> bool``: whether the seed article, distilled once and attributed with
    the tagger's prediction under ``params``, passes ``check`` (:func:`seed_checker`)."""
    import newsdistill

    seed = newsdistill.distill(seed_text, id="seed")
    seed_cands = find_candidates(seed.nlp_doc, seed.text, paragraph_offsets(seed), cue_model=cues)
    seed_pred = tagger.predict(seed.nlp_doc, seed.text[:len(seed.nlp_doc.text)], paragraph_offsets(seed), seed_cands)

    def seed_ok(params) -> bool:
        seed.extra["attributions"] = attribute(seed, seed.nlp_doc, prediction=seed_pred, combine_params=params)
        return check(seed.to_dict()["attributions"])

    return seed_ok
