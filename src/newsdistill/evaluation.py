"""Word-level scoring of extracted text against a reference (used by the benchmarks and floor tests).

* **Bag of words with counts**: both texts are lower-cased and split into
  ``\\w+`` tokens; the overlap of two bags is the sum over words of the
  smaller count.  Precision = overlap / predicted words, recall = overlap /
  reference words, F1 their harmonic mean (the usual content-extraction
  metric, as in the article-extraction benchmarks).
* **micro** sums overlaps and lengths over all documents before dividing;
  **macro** averages the per-document scores.
* **snippets**: a snippet "is in" a text when its token sequence occurs
  there contiguously (so punctuation, case and whitespace do not matter).
  WCXB-style ``with`` snippets must be kept (rate: higher is better),
  ``without`` snippets must be dropped (rate: lower is better).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(slots=True)
class WordScore:
    overlap: int
    predicted: int
    reference: int

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else (1.0 if not self.reference else 0.0)

    @property
    def recall(self) -> float:
        return self.overlap / self.reference if self.reference else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def word_score(predicted: str, reference: str) -> WordScore:
    pred, ref = Counter(tokens(predicted)), Counter(tokens(reference))
    overlap = sum((pred & ref).values())
    return WordScore(overlap, sum(pred.values()), sum(ref.values()))


def contains_snippet(text_tokens: str, snippet: str) -> bool:
    """``text_tokens`` is ``" " + " ".join(tokens(text)) + " "`` (see :func:`token_string`)."""
    toks = tokens(snippet)
    return bool(toks) and (" " + " ".join(toks) + " ") in text_tokens


def token_string(text: str) -> str:
    return " " + " ".join(tokens(text)) + " "


@dataclass
class Aggregate:
    """Scores over many documents: micro and macro P/R/F1, snippet rates."""

    scores: list[WordScore] = field(default_factory=list)
    with_found: int = 0
    with_total: int = 0
    without_found: int = 0
    without_total: int = 0

    def add(self, predicted: str, reference: str, with_snippets=(), without_snippets=()) -> WordScore:
        score = word_score(predicted, reference)
        self.scores.append(score)
        ts = token_string(predicted)
        for s in with_snippets:
            if tokens(s):
                self.with_total += 1
                self.with_found += contains_snippet(ts, s)
        for s in without_snippets:
            if tokens(s):
                self.without_total += 1
                self.without_found += contains_snippet(ts, s)
        return score

    def micro(self) -> WordScore:
        return WordScore(sum(s.overlap for s in self.scores), sum(s.predicted for s in self.scores),
                         sum(s.reference for s in self.scores))

    def macro(self) -> tuple[float, float, float]:
        n = len(self.scores) or 1
        return (sum(s.precision for s in self.scores) / n, sum(s.recall for s in self.scores) / n,
                sum(s.f1 for s in self.scores) / n)

    @property
    def with_rate(self) -> float:
        return self.with_found / self.with_total if self.with_total else 1.0

    @property
    def without_rate(self) -> float:
        return self.without_found / self.without_total if self.without_total else 0.0

    def to_dict(self) -> dict[str, float]:
        micro = self.micro()
        mp, mr, mf = self.macro()
        return {
            "documents": len(self.scores),
            "micro_p": round(micro.precision, 4), "micro_r": round(micro.recall, 4), "micro_f1": round(micro.f1, 4),
            "macro_p": round(mp, 4), "macro_r": round(mr, 4), "macro_f1": round(mf, 4),
            "with_rate": round(self.with_rate, 4), "without_rate": round(self.without_rate, 4),
        }
