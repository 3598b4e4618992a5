"""Plain-text cleaning: which lines are the article, which are boilerplate (and why)."""

from ..record import Document
from .step import CleanText

__all__ = ["CleanText", "clean"]


def clean(text: str, id: str = "text", model: bool = True) -> Document:
    """The cleaner alone on one text (no language id, parsing or extraction): for evaluations.
    ``model=False``: the rules alone (the baseline of the learned line classifier)."""
    return CleanText(model=model)(Document(id=id, input_text=text))
