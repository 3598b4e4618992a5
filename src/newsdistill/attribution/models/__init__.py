"""The learned models of attribution and the modes that use them.

* :mod:`.cue_model`: which verbs are cues (logistic regression over parse features; every mode);
* :mod:`.lite_tagger`: a small BiLSTM tagger over the parse's features (numpy);
* :mod:`.span_model`: the MiniLM span model (ONNX Runtime);
* :mod:`.combine`: how their spans adjust and complete the rules' candidates.

Their weights are in ``data/`` (licences in ``data/NOTICE``).
"""

from __future__ import annotations

# accurate: rules + cue model + the span model with the lite tagger's vote (the default: the most
# accurate, PolNeAR dev in docs/benchmarks.md); fast: rules + cue model (the most throughput);
# lite: rules + cue model + the lite tagger
MODES = ("accurate", "fast", "lite")
DEFAULT_MODE = "accurate"
# the names of 0.1 (minilm, rules): accepted with a deprecation line until 0.2.0
DEPRECATED_MODES = {"minilm": "accurate", "rules": "fast"}
MODELS = MODES  # the name of 0.1's public face


def canonical_mode(mode: str) -> str:
    """``mode`` with a deprecated name replaced by its new one; ValueError for an unknown mode."""
    mode = DEPRECATED_MODES.get(mode, mode)
    if mode not in MODES:
        choices = ", ".join([*MODES, *DEPRECATED_MODES])
        raise ValueError(f"unknown attribution model {mode!r} (one of {choices})")
    return mode


def deprecation(mode: str) -> str | None:
    """The line to tell a user who named a deprecated mode, else None."""
    new = DEPRECATED_MODES.get(mode)
    if new is None:
        return None
    return f"--attribution-model {mode} is now called {new!r}; the old name goes in newsdistill 0.2.0"


def load_models(mode: str) -> tuple:
    """``(span_model, lite_tagger)`` of an attribution mode (either may be None): ``fast`` none,
    ``lite`` the lite tagger, ``accurate`` both (the lite tagger joins the span model's vote,
    :func:`.combine.ensemble_prediction`).  Raises ValueError for an unknown mode and
    :class:`.span_model.SpanModelError` (a Fatal) when the span model cannot load."""
    mode = canonical_mode(mode)
    span, lite = None, None
    if mode in ("lite", "accurate"):
        from . import lite_tagger

        lite = lite_tagger.load()
    if mode == "accurate":
        from . import span_model

        span = span_model.load()
    return span, lite
