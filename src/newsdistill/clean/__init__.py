"""Plain-text cleaning: which lines are the article, which are boilerplate (and why)."""

from .step import CleanText

__all__ = ["CleanText"]
