"""Word-level bag-of-words scores, as the usual article-extraction evaluations compute them.

Tokens are lower-cased ``\\w+`` words.  Precision = overlap / predicted tokens,
recall = overlap / gold tokens, where overlap counts each word at most as often
as it occurs on both sides (multiset intersection).  Snippet checks compare
token sequences, so whitespace and punctuation differences do not matter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(slots=True)
class Counts:
    overlap: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.overlap / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def counts(predicted: str, gold: str) -> Counts:
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    overlap = sum((pred & ref).values())
    return Counts(overlap, sum(pred.values()), sum(ref.values()))


def _joined(text: str) -> str:
    return " " + " ".join(tokens(text)) + " "


def snippets_present(text: str, snippets: Iterable[str]) -> list[bool]:
    """For each snippet: does its word sequence occur in ``text``?  (empty snippets are skipped)"""
    hay = _joined(text)
    return [_joined(s) in hay for s in snippets if tokens(s)]


@dataclass(slots=True)
class Summary:
    pages: int
    micro_p: float
    micro_r: float
    micro_f1: float
    macro_p: float
    macro_r: float
    macro_f1: float
    with_kept: float  # share of "with" snippets found in the text
    without_gone: float  # share of "without" snippets absent from the text

    def to_dict(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in self.__slots__}


def summarise(rows: list[tuple[Counts, list[bool], list[bool]]]) -> Summary:
    """rows: (counts, with-snippet found flags, without-snippet found flags) per page."""
    n = len(rows)
    if not n:
        return Summary(0, 0, 0, 0, 0, 0, 0, 0, 0)
    total = Counts(sum(c.overlap for c, _, _ in rows), sum(c.predicted for c, _, _ in rows), sum(c.gold for c, _, _ in rows))
    with_flags = [f for _, w, _ in rows for f in w]
    without_flags = [f for _, _, wo in rows for f in wo]
    return Summary(
        pages=n,
        micro_p=total.precision, micro_r=total.recall, micro_f1=total.f1,
        macro_p=sum(c.precision for c, _, _ in rows) / n,
        macro_r=sum(c.recall for c, _, _ in rows) / n,
        macro_f1=sum(c.f1 for c, _, _ in rows) / n,
        with_kept=sum(with_flags) / len(with_flags) if with_flags else 1.0,
        without_gone=1 - sum(without_flags) / len(without_flags) if without_flags else 1.0,
    )
