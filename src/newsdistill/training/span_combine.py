"""Tuning of the rules + span-model combination (``tuned.MODEL_COMBINE``) on PolNeAR train's held-out tenth.

The span model's wordpiece log-probabilities are mixed with the lite tagger's
(``tuned.MODEL_LITE_WEIGHTS``, as ``--attribution-model minilm`` runs; without the lite tagger:
the span model alone).  Each held-out article is cleaned, parsed and run through both taggers once
(:func:`span_votes`); the votes are mixed under given weights (:func:`mixed_predictions`), and a
setting of ``tuned.MODEL_COMBINE`` is scored on them, headlines included
(:func:`combination_objective`; the search: :func:`newsdistill.training.combine.coordinate_ascent`).
The command line: ``bench/tune_span_combine.py`` (``make train-span-model``).
"""

from __future__ import annotations

from ..attribution.candidates import find_candidates
from ..attribution.document import attribute, paragraph_offsets
from ..attribution.headline import title_attributions
from ..attribution.models.combine import mixed_prediction
from ..eval.polnear import new_scores, score
from .combine import objective


def span_votes(model, lite, cues, base) -> list:
    """Per held-out article of ``base`` (:func:`newsdistill.training.data.heldout_base`):
    ``(doc, sdoc, raw, roles, attrs, pieces, span-model content and role log-probabilities,
    lite-tagger log-probabilities per piece or None without ``lite``)``."""
    votes = []  # per article: wordpieces, span-model and lite-tagger log-probabilities
    for doc, sdoc, raw, roles, attrs in base:
        text, paragraphs = doc.text[:len(sdoc.text)], paragraph_offsets(doc)
        p, c_lp, r_lp = model.logprobs(text, paragraphs)
        lite_lp = None
        if lite is not None:
            cands = find_candidates(sdoc, doc.text, paragraphs, cue_model=cues)
            lite_lp = lite.piece_logprobs(sdoc, paragraphs, cands, [o[0] for o in p.offsets])
        votes.append((doc, sdoc, raw, roles, attrs, p, c_lp, r_lp, lite_lp))
    return votes


def mixed_predictions(model, votes, weights) -> list:
    """``(doc, sdoc, raw, roles, attrs, prediction)`` per article, the votes mixed under the lite
    tagger's ``weights`` (as ``combine.ensemble_prediction``, from the cached votes)."""
    return [(doc, sdoc, raw, roles, attrs, mixed_prediction(model, p, c_lp, r_lp, lite_lp, doc.text[:len(sdoc.text)], weights))
            for doc, sdoc, raw, roles, attrs, p, c_lp, r_lp, lite_lp in votes]


def combination_objective(arts, params, model, use_span: bool = True) -> tuple[float, dict]:
    """:func:`newsdistill.training.combine.objective` of the combination under ``params`` on the
    articles of :func:`mixed_predictions` (``use_span`` False: the rules alone), headlines included."""
    res = new_scores()
    for doc, sdoc, raw, roles, gold, pred in arts:
        out = attribute(doc, sdoc, prediction=pred if use_span else None, combine_params=params)
        out += title_attributions(doc, span_model=model if use_span else None)  # the model per TITLE_SPAN_MODEL
        score(out, raw, roles, gold, res)
    return objective(res)
