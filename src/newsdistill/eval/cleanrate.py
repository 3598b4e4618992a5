"""How much of already-clean news text the cleaner removes (it should remove almost nothing).

Used on PolNeAR's article texts: a title line, then body paragraphs.  Reports the
share of non-blank input lines, and of input words, that end up removed (title,
byline and dateline lines kept as metadata are not counted as removed).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .clean_articles import cleaned


@dataclass(slots=True)
class RemovalRate:
    docs: int = 0
    lines: int = 0
    removed_lines: int = 0
    words: int = 0
    removed_words: int = 0
    by_rule: Counter = field(default_factory=Counter)
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, rule, text)

    @property
    def line_share(self) -> float:
        return self.removed_lines / self.lines if self.lines else 0.0

    @property
    def word_share(self) -> float:
        return self.removed_words / self.words if self.words else 0.0


def removal_rate(paths: list[Path], max_examples: int = 50) -> RemovalRate:
    out = RemovalRate()
    for path, text, doc in cleaned(paths):
        out.docs += 1
        out.lines += sum(1 for line in text.splitlines() if line.strip())
        out.words += len(text.split())
        for r in doc.removed:
            out.removed_lines += 1
            out.removed_words += len(r.text.split())
            out.by_rule[r.rule] += 1
            if len(out.examples) < max_examples:
                out.examples.append((path.name, r.rule, r.text[:120]))
    return out
