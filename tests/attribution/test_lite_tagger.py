"""The lite BiLSTM tagger (``--attribution-model lite``): numpy inference equals the torch model,
the seed golden holds exactly in lite mode, training runs end to end on a tiny input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdistill.attribution.models import lite_tagger as L
from newsdistill.attribution.models.span_model import Prediction

# the seed golden tests, collected again here with the seed distilled in lite mode (seed_doc below)
from support.seed_checks import (  # noqa: F401
    attributions,
    test_quotes_table_rows,
    test_seed_attribution,
    test_seed_figures_attributed_to_their_source,
    test_seed_has_no_other_sourced_attributions,
    test_seed_kinds_of_quoted_statements,
    test_seed_speakers_resolve_to_entities_and_documents,
)


@pytest.fixture(scope="module")
def seed_doc(seed_text: str):
    from newsdistill.engine.serial import process
    from newsdistill.pipeline import default_pipeline
    from newsdistill.record import Document

    return process(default_pipeline("lite"), Document(id="seed", input_text=seed_text))


@pytest.fixture(scope="module")
def nlp():
    from newsdistill.extract.nlp import load_model

    return load_model()


TEXT = ("The minister said that the talks would resume next week.\n\n"
        "\u201cWe are ready,\u201d she told reporters. According to officials, the deal is close.")


def _paragraphs(text):
    out, start = [], 0
    for part in text.split("\n\n"):
        out.append((start, start + len(part)))
        start += len(part) + 2
    return out


def test_features_mark_quotes_paragraphs_and_rule_candidates(nlp):
    from newsdistill.attribution.candidates import find_candidates

    sdoc = nlp(TEXT)
    paragraphs = _paragraphs(TEXT)
    cands = find_candidates(sdoc, TEXT, paragraphs)
    tensor, pos, dep, flags, offsets, para = L.token_features(sdoc, paragraphs, cands)
    assert tensor.shape == (len(sdoc), 96) and flags.shape == (len(sdoc), L.N_FLAGS)
    words = [t.text for t in sdoc]
    assert [offsets[k] for k in range(len(sdoc))] == [(t.idx, t.idx + len(t.text)) for t in sdoc]
    assert para[words.index("minister")] == 0 and para[words.index("ready")] == 1
    assert flags[words.index("\u201c"), 1] == 1 and flags[words.index("\u201d"), 2] == 1
    assert flags[words.index("ready"), 7] == 1 and flags[words.index("told"), 7] == 0  # inside the quote
    assert flags[words.index("The"), 6] == 1 and flags[words.index("\u201c"), 6] == 1  # paragraph starts
    assert flags[words.index("said"), 9] == 1  # a cue-verb lemma
    assert flags[words.index("said"), 12] == 1 and flags[words.index("minister"), 13] == 1  # rule cue / source
    assert flags[words.index("talks"), 10] == 1  # inside the rule content


def test_windows_pack_paragraphs_and_cut_long_ones():
    para = [0] * 5 + [1] * 4 + [2] * 12
    assert L.token_windows(para, 10) == [(0, 9), (9, 19), (19, 21)]
    assert L.token_windows([0] * 3, 10) == [(0, 3)]


def test_shipped_tagger_predicts_char_spans(nlp):
    from newsdistill.attribution.candidates import find_candidates

    sdoc = nlp(TEXT)
    paragraphs = _paragraphs(TEXT)
    pred = L.load().predict(sdoc, TEXT, paragraphs, find_candidates(sdoc, TEXT, paragraphs))
    assert isinstance(pred, Prediction)
    for s, e in pred.contents + pred.sources + pred.cues:
        assert 0 <= s < e <= len(TEXT) and TEXT[s:e] == TEXT[s:e].strip()
    assert "said" in [TEXT[s:e] for s, e in pred.cues]
    assert L.load().predict(nlp(""), "", []) == Prediction()


def _train_tiny(nlp, tmp_path, hidden=8):
    torch = pytest.importorskip("torch")
    from newsdistill.training import lite_tagger as T

    sdoc = nlp(TEXT)
    tensor, pos, dep, flags, offsets, para = L.token_features(sdoc, _paragraphs(TEXT))
    s = TEXT.index("the talks")
    ctags, rtags = L.gold_tags(offsets, [(s, TEXT.index("."))], [(4, 12)], [(13, 17)])
    row = {"n": 0, "heldout": False, "tensor": tensor.astype(np.float16), "pos": pos, "dep": dep, "flags": flags,
           "para": para, "ctags": ctags, "rtags": rtags}
    torch.set_num_threads(1)
    model = T.train([row, dict(row, heldout=True)], hidden, epochs=2, max_tokens=16, log=lambda m: None)
    out = tmp_path / "w.npz"
    T.export(model, out, 16)
    return T, model, row, out


def test_numpy_forward_equals_torch(nlp, tmp_path):
    T, model, row, out = _train_tiny(nlp, tmp_path)  # skips without torch (only training needs it)
    import torch

    # the torch model with the fp16-rounded weights the .npz holds
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    wins = L.token_windows(row["para"], 16)
    tensor, pos, dep, flags, lengths, _, _ = T.batch([(row, s, e) for s, e in wins])
    with torch.no_grad():
        c_ref, r_ref = model(tensor, pos, dep, flags, lengths)
    c_ref = np.concatenate([c_ref[j, :e - s].numpy() for j, (s, e) in enumerate(wins)])
    r_ref = np.concatenate([r_ref[j, :e - s].numpy() for j, (s, e) in enumerate(wins)])
    tagger = L.LiteTagger.load(out)
    assert tagger.max_tokens == 16
    c, r = tagger.logits(row["tensor"].astype(np.float32), row["pos"], row["dep"], row["flags"], wins)
    np.testing.assert_allclose(c, c_ref, atol=1e-4)
    np.testing.assert_allclose(r, r_ref, atol=1e-4)


def test_training_smoke_writes_loadable_weights(nlp, tmp_path):
    _, _, _, out = _train_tiny(nlp, tmp_path)
    assert out.stat().st_size < 100_000
    sdoc = nlp(TEXT)
    pred = L.LiteTagger.load(out).predict(sdoc, TEXT, _paragraphs(TEXT))
    assert isinstance(pred, Prediction)


def test_shipped_weights_are_small():
    assert L.WEIGHTS_PATH.stat().st_size < 5_000_000


def test_lite_mode_runs_the_tagger(seed_doc):
    from newsdistill.pipeline import default_pipeline

    step = default_pipeline("lite").steps[-1]
    assert step.name == "attribution" and step.lite_tagger is L.load()
    # the tagger's rule-support check is what drops or keeps candidates: rules alone find the same nine
    assert sum(a["source"] is not None for a in seed_doc.to_dict()["attributions"]) == 9


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([("O", "B", "I"), ("O", "B-S", "I-S", "B-C", "I-C")]),
       st.lists(st.lists(st.integers(-3, 0), min_size=5, max_size=5), max_size=12))
def test_fast_viterbi_equals_span_model_viterbi(tags, rows):
    from newsdistill.attribution.models import span_model as M

    lp = [[float(v) for v in row[:len(tags)]] for row in rows]  # small integers: many ties
    assert L.viterbi_bio(lp, tags) == M.viterbi(lp, tags)
