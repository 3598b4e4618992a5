"""The learned line classifier's shipped weights (``data/line_model.json``) and its scoring.

A logistic regression over :data:`newsdistill.clean.line_features.FEATURE_NAMES` plus, for each
continuous feature, a one-hot of its quantile bin (a piecewise-constant term per feature: on the
first half's cross-validation word F1 .930 plain, .937 binned, .941 for gradient-boosted trees
that cost ~100x more per line in plain Python), standardised with the training set's mean and
scale, trained by ``make train-cleaner``
(:mod:`newsdistill.training.cleaner`; protocol and numbers in docs/cleaning.md).  Scoring is a
few numpy calls per document over all its lines (:meth:`LineModel.scores`), giving the same floats
as the dot product per line in plain Python it replaced at about a third of its cost per document
(the cleaner's speed goal: the model adds <= 20% to cleaning time; docs/benchmarks.md).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

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
    _arrays: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(FEATURE_NAMES)
        at = np.cumsum([n] + [len(edges) + 1 for _, edges in self.bins])[:-1]
        width = max((len(edges) for _, edges in self.bins), default=0)
        # each binned feature's edges, padded with +inf (never <= a feature: features are finite)
        edges = np.full((len(self.bins), width), np.inf)
        for j, (_, e) in enumerate(self.bins):
            edges[j, :len(e)] = e
            if list(e) != sorted(e):
                raise ValueError("line model: bin edges out of order")
        object.__setattr__(self, "_arrays", (
            np.array(self.weights[:n]), np.array(self.weights), np.array([k for k, _ in self.bins], dtype=np.intp),
            edges, at))

    def scores(self, rows) -> list[float]:
        """P(boilerplate) of each row (a list of rows or :func:`line_features.matrix`'s array).
        The same floats as a dot product and a bisect per row in plain Python: one ``cumsum`` per
        row (it adds one term after the other, where ``dot`` would pair them up) over the row's
        products in row order, the bias, then each bin's weight in bin order (a bin is the number
        of its edges <= the value: ``bisect_right``).  ~3x faster per document (issue #15)."""
        X = np.asarray(rows, dtype=float)
        n = X.shape[0]
        if n == 0:
            return []
        row_w, w, binned, edges, at = self._arrays
        terms = np.empty((n, len(row_w) + 1 + len(binned)))
        np.multiply(X, row_w, out=terms[:, :len(row_w)])
        terms[:, len(row_w)] = self.bias  # b + sum == sum + b: IEEE addition commutes
        terms[:, len(row_w) + 1:] = w[at + (edges <= X[:, binned, None]).sum(axis=2)]
        z = np.cumsum(terms, axis=1)[:, -1]
        return [1.0 / (1.0 + math.exp(-v)) if v > -500 else 0.0 for v in z.tolist()]


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
