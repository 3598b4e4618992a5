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

# Floors per attribution mode, each measured with
#   NEWSDISTILL_SHARED=../shared python bench/attribution_eval.py --split dev --attribution-model MODE
#
# fast (rules + learned cue model): exact F1 source 73.9, cue 68.2, content 58.8 (51.1 as written,
# 58.6 exact-that), content overlap 78.1, linked exact 55.5 (47.9 as written, 55.2 exact-that);
# attribution 4.2% of the parse.
#
# accurate (the default: rules + cue model + the MiniLM span model on ONNX Runtime behind its gate,
# with the lite tagger's vote): exact F1 source 79.2, cue 72.7, content 67.8 as PolNeAR annotates
# contents (58.9 as written, 67.8 exact-that), content overlap 85.8, linked exact 61.1 (52.6 as
# written, 61.0 exact-that).  Before the gate (docs/attribution.md, "the gate"): 79.2 / 72.8 /
# 67.8 (58.9, 67.8) / 86.1 / 61.1 (52.5, 60.9); the must-reach is 78.7 / 72.5 / 67.5 /
# linked 60.6.  The span model alone (25-epoch weights, all six layers): 79.2 / 72.5 / 66.9
# (58.3, 66.8) / 86.3 / 59.8 (51.8, 59.8).
#
# lite (rules + the numpy BiLSTM tagger over spaCy features and the rules' candidates), weights
# retrained after the rules of the quote frames: exact F1 source 75.0, cue 69.5, content 61.1
# (52.6 as written, 60.9 exact-that), content overlap 81.3, linked exact 56.0 (48.3 as written,
# 55.7 exact-that).  Attribution 11.8-13.4% of the parse (not pinned: too close to the 15% goal
# for a timing test on shared CI cores).
FLOORS = {  # mode -> (role, match) -> minimum F1; match modes as in bench/attribution_eval.py MODES
    "fast": {
        ("Source", "exact"): 0.736,
        ("Cue", "exact"): 0.679,
        ("Content", "exact"): 0.585,  # PolNeAR's convention: complementizer + content
        ("Content", "exact-as-written"): 0.508,
        ("Content", "exact-that"): 0.583,
        ("Content", "overlap"): 0.778,
        ("Content", "overlap-as-written"): 0.778,
    },
    "accurate": {
        ("Source", "exact"): 0.789,
        ("Cue", "exact"): 0.725,
        ("Content", "exact"): 0.676,
        ("Content", "exact-as-written"): 0.587,
        ("Content", "exact-that"): 0.676,
        ("Content", "overlap"): 0.856,
        ("Content", "overlap-as-written"): 0.856,
    },
    "lite": {
        ("Source", "exact"): 0.744,
        ("Cue", "exact"): 0.691,
        ("Content", "exact"): 0.608,
        ("Content", "exact-as-written"): 0.521,
        ("Content", "exact-that"): 0.605,
        ("Content", "overlap"): 0.808,
        ("Content", "overlap-as-written"): 0.808,
    },
}
LINKED_FLOORS = {
    "fast": {"exact": 0.552, "exact-as-written": 0.476, "exact-that": 0.549},
    "accurate": {"exact": 0.609, "exact-as-written": 0.524, "exact-that": 0.608},
    "lite": {"exact": 0.557, "exact-as-written": 0.477, "exact-that": 0.554},
}
SLOW_MODES = {"accurate", "lite"}  # fast runs in a minute; the others in several


def dev_result(shared_dir, attribution_model: str) -> dict:
    """``newsdistill.eval.polnear.evaluate`` on PolNeAR dev in one mode (skips without the split)."""
    if not (shared_dir / "data" / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev split not found under the shared folder")
    return evaluate("dev", attribution_model=attribution_model)


_RESULTS: dict[str, dict] = {}


@pytest.fixture(scope="module")
def results(shared_dir):
    """Each mode's dev result, computed once for the module."""
    def get(mode: str) -> dict:
        if mode not in _RESULTS:
            _RESULTS[mode] = dev_result(shared_dir, mode)
        return _RESULTS[mode]
    return get


def _cases(table: dict) -> list:
    return [pytest.param(mode, key, id=f"{mode}-{key if isinstance(key, str) else '-'.join(key)}",
                         marks=[pytest.mark.slow] if mode in SLOW_MODES else [])
            for mode, floors in table.items() for key in floors]


@pytest.mark.parametrize(("mode", "key"), _cases(FLOORS))
def test_attribution_floor(results, mode, key):
    f1 = results(mode)["scores"][key].prf()[2]
    assert f1 >= FLOORS[mode][key], f"{mode} {key}: F1 {f1:.3f} below the floor {FLOORS[mode][key]}"


@pytest.mark.parametrize(("mode", "key"), _cases(LINKED_FLOORS))
def test_linked_floor(results, mode, key):
    f1 = results(mode)["linked"][key].prf()[2]
    assert f1 >= LINKED_FLOORS[mode][key], f"{mode} linked {key}: F1 {f1:.3f} below the floor {LINKED_FLOORS[mode][key]}"


def test_speed(results):
    result = results("fast")
    assert result["t_attr"] <= 0.15 * result["t_parse"]  # attribution adds <= 15% over the parse
