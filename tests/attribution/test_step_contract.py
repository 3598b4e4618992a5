"""The attribution step declares what it needs and adds, and the pipeline enforces it."""

from __future__ import annotations

import re

import pytest

from newsdistill.attribution import AttributionStep
from newsdistill.errors import BAD_PIPELINE, Fatal
from newsdistill.pipeline import Pipeline, cleaning_steps, default_steps


def _steps():
    from newsdistill.extract.dates import ExtractDates
    from newsdistill.extract.entities import ExtractEntities
    from newsdistill.extract.figures import ExtractFigures
    from newsdistill.extract.nlp import ParseText

    return {"parse": ParseText(), "entities": ExtractEntities(), "figures": ExtractFigures(), "dates": ExtractDates()}


def test_the_step_needs_the_parse_entities_and_figures_and_adds_what_it_fills():
    step = AttributionStep()
    assert set(step.needs) == {"text", "nlp_doc", "entities", "figures"}
    assert set(step.adds) == {"attributions", "title_attributions", "figures.attributed_to"}


class _Adds:
    """A step that only declares it adds ``fields`` (the check runs before any document)."""

    name = "stand-in"
    needs = ()

    def __init__(self, fields):
        self.adds = tuple(fields)

    def __call__(self, doc):
        return doc


@pytest.mark.parametrize("left_out", ["text", "nlp_doc", "entities", "figures"])
def test_a_pipeline_without_what_attribution_needs_fails_before_any_document(left_out):
    given = [f for f in ("text", "nlp_doc", "entities", "figures") if f != left_out]
    Pipeline([_Adds([*given, left_out]), AttributionStep()])  # all there: fine
    with pytest.raises(Fatal) as exc:
        Pipeline([_Adds(given), AttributionStep()])
    assert exc.value.code == BAD_PIPELINE
    assert "'attribution'" in exc.value.message
    assert re.search(rf"needs .*\b{left_out}\b", exc.value.message), exc.value.message  # names what is missing


@pytest.mark.parametrize("late", ["entities", "figures"])
def test_attribution_before_a_step_it_needs_is_a_misordering(late):
    steps = _steps()
    early = [s for name, s in steps.items() if name != late and not (late == "entities" and name == "figures")]
    rest = [steps[late]] + ([steps["figures"]] if late == "entities" else [])
    with pytest.raises(Fatal) as exc:
        Pipeline([*cleaning_steps(), *early, AttributionStep(), *rest])
    assert exc.value.code == BAD_PIPELINE and "'attribution'" in exc.value.message


def test_the_default_order_passes_the_check():
    steps = default_steps()
    assert [s.name for s in steps][-1] == "attribution"
    Pipeline(steps)


def test_accurate_is_the_default_everywhere_and_old_names_still_work():
    import inspect

    import newsdistill
    from newsdistill.attribution import DEFAULT_MODE, canonical_mode, deprecation
    from newsdistill.cli_corpus import attribution_model_option
    from newsdistill.engine.runner import RunOptions

    assert DEFAULT_MODE == "accurate"
    for fn in (newsdistill.distill, newsdistill.distill_html):
        assert inspect.signature(fn).parameters["attribution_model"].default == "accurate"
    assert RunOptions().attribution_model == "accurate"

    @attribution_model_option
    def probe(attribution_model):
        return attribution_model

    assert probe.__click_params__[0].default == "accurate"
    assert (canonical_mode("minilm"), canonical_mode("rules"), canonical_mode("lite")) == ("accurate", "fast", "lite")
    assert "accurate" in deprecation("minilm") and deprecation("accurate") is None
    with pytest.raises(ValueError, match="unknown attribution model"):
        canonical_mode("bert")
