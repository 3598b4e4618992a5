"""Clean articles must lose nothing: the cleaner on PolNeAR dev and train's held-out tenth.

PolNeAR's texts are clean news: a headline line, then the article.  For each article,
:func:`check` counts what the cleaner removed that it should not have: removed lines that overlap
a gold attribution span (source, cue or content), removed lines other than the first line, and
whether the first line became the title.  ``bench/clean_quality.py --clean-articles`` prints it
for the cleaner with its line model and for the rules alone, and lists every removed line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..record import Document
from .polnear import heldout_index, pick_ann, read_ann
from .shared import shared_dir


@dataclass(slots=True)
class CleanArticles:
    articles: int = 0
    title_first: int = 0  # the first line is the record's title line
    removed_outside_title: list[tuple[str, str, str, str]] = field(default_factory=list)  # (doc, rule, reason, text)
    gold_overlaps: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, rule, text)

    @property
    def title_share(self) -> float:
        return self.title_first / self.articles if self.articles else 0.0

    @property
    def removed_per_100(self) -> float:
        return 100 * len(self.removed_outside_title) / self.articles if self.articles else 0.0


def article_paths(which: str) -> list[Path]:
    """``dev``: PolNeAR dev; ``heldout``: train's held-out tenth."""
    split = "dev" if which == "dev" else "train"
    texts = sorted((shared_dir() / "data" / "polnear" / split / "text").glob("*.txt"))
    return texts if which == "dev" else [t for n, t in enumerate(texts) if heldout_index(n)]


def cleaned(paths: list[Path], model: bool = True) -> Iterator[tuple[Path, str, Document]]:
    """(path, text, cleaned document) for each clean-article text file (this module's and
    :mod:`.cleanrate`'s one loop over the cleaner)."""
    from ..clean import clean

    for path in paths:
        text = path.read_text(encoding="utf-8")
        yield path, text, clean(text, id=path.stem, model=model)


def check(paths: list[Path], model: bool = True) -> CleanArticles:
    out = CleanArticles()
    for path, text, doc in cleaned(paths, model):
        out.articles += 1
        first = next((i for i, ch in enumerate(text) if not ch.isspace()), 0)
        titles = [m for m in doc.metadata_lines if m.reason == "title"]
        if any(m.input_start == first for m in titles):
            out.title_first += 1
        ann = pick_ann(path.parent.parent, path.stem)
        spans = []
        if ann is not None:
            roles, _ = read_ann(ann, text)
            spans = [s for frags in roles.values() for s in frags]
        for r in doc.removed:
            if r.input_start != first:
                out.removed_outside_title.append((path.stem, r.rule, r.reason, r.text[:160]))
            if any(r.input_start < e and s < r.input_end for s, e in spans):
                out.gold_overlaps.append((path.stem, r.rule, r.text[:160]))
    return out
