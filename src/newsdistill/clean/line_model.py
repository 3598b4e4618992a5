"""The learned line classifier's shipped weights (``data/line_model.json``) and its scoring.

A logistic regression over :data:`newsdistill.clean.line_features.FEATURE_NAMES` plus, for each
continuous feature, a one-hot of its quantile bin (a piecewise-constant term per feature: on the
first half's cross-validation word F1 .930 plain, .937 binned, .941 for gradient-boosted trees
that cost ~100x more per line in plain Python), standardised with the training set's mean and
scale, trained by ``make train-cleaner``
(:mod:`newsdistill.training.cleaner`; protocol and numbers in docs/cleaning.md).  Scoring is a
dot product per line in plain Python: no numpy call per document, so the model costs a few
microseconds a line (the cleaner's speed goal: the model adds <= 20% to cleaning time).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .line_features import FEATURE_NAMES

MODEL_FILE = "line_model.json"
RULE = "model.line"  # the rule name of a line the model removed that no phrase rule matched


@dataclass(frozen=True, slots=True)
class LineModel:
    name: str
    bins: tuple[tuple[int, tuple[float, ...]], ...]  # (feature index, inner bin edges), in row order
    weights: tuple[float, ...]  # already divided by the feature scale: the row, then each binned one-hot
    bias: float  # intercept, minus the weighted feature means
    threshold: float  # P(boilerplate) at or above which a plain-text line the rules removed stays removed
    threshold_kept: float  # ... and a plain-text line the rules kept is removed
    threshold_html: float  # ... and a line of HTML mode's extracted text is removed

    def scores(self, rows: list[list[float]]) -> list[float]:
        """P(boilerplate) of each row."""
        w, b, n = self.weights, self.bias, len(FEATURE_NAMES)
        out = []
        for row in rows:
            z = b + sum(x * c for x, c in zip(row, w))
            at = n
            for k, edges in self.bins:
                z += w[at + bisect_right(edges, row[k])]
                at += len(edges) + 1
            out.append(1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0)
        return out


def from_dict(data: dict) -> LineModel:
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ValueError("line model was trained on other features: run make train-cleaner")
    coef, mean, scale = data["coef"], data["mean"], data["scale"]
    bins = tuple((int(k), tuple(edges)) for k, edges in data["bins"])
    if len(coef) != len(FEATURE_NAMES) + sum(len(e) + 1 for _, e in bins):
        raise ValueError("line model: coefficients do not match its features and bins")
    weights = tuple(c / s for c, s in zip(coef, scale))
    bias = data["intercept"] - sum(w * m for w, m in zip(weights, mean))
    return LineModel(data["name"], bins, weights, bias, data["threshold"], data["threshold_kept"], data["threshold_html"])


def expand(row: list[float], bins) -> list[float]:
    """``row`` with each binned feature's one-hot appended (what the weights are over)."""
    out = list(row)
    for k, edges in bins:
        onehot = [0.0] * (len(edges) + 1)
        onehot[bisect_right(edges, row[k])] = 1.0
        out += onehot
    return out


@lru_cache(maxsize=1)
def shipped() -> LineModel:
    """The model in the package (``make train-cleaner`` writes it; the package always ships one)."""
    text = resources.files("newsdistill.clean").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return from_dict(json.loads(text))
