"""The learned models of attribution and the modes that use them.

* :mod:`.cue_model`: which verbs are cues (logistic regression over parse features; every mode);
* :mod:`.lite_tagger`: a small BiLSTM tagger over the parse's features (``lite``, numpy only);
* :mod:`.span_model`: the MiniLM span model (``minilm``, the ``newsdistill[model]`` extra);
* :mod:`.combine`: how their spans adjust and complete the rules' candidates.

Their weights are in ``data/``.
"""

from __future__ import annotations

MODELS = ("rules", "lite", "minilm")


def load_models(model: str) -> tuple:
    """``(span_model, lite_tagger)`` of an attribution mode (either may be None): ``rules`` none,
    ``lite`` the lite tagger, ``minilm`` both (the lite tagger joins the span model's vote,
    :func:`.combine.ensemble_prediction`)."""
    if model not in MODELS:
        raise ValueError(f"unknown attribution model {model!r} (one of {', '.join(MODELS)})")
    span, lite = None, None
    if model in ("lite", "minilm"):
        from . import lite_tagger

        lite = lite_tagger.load()
    if model == "minilm":
        from . import span_model

        span = span_model.load()
    return span, lite
