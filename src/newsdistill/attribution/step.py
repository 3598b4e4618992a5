"""The ``attribution`` pipeline step."""

from __future__ import annotations

from ..record import Document
from .document import attribute
from .headline import title_attributions
from .models import load_models


class AttributionStep:
    """Pipeline step: ``doc.extra["attributions"]``.

    ``model``: ``rules`` (default: rules + the learned cue model), ``lite`` (also the small
    BiLSTM tagger over the parse's features, :mod:`.lite_tagger`, numpy only) or ``minilm`` (also
    the MiniLM span model, :mod:`.span_model`, with the lite tagger's vote; needs the
    ``newsdistill[model]`` extra, loaded here so a missing extra fails before any document)."""

    name = "attribution"
    needs = ("text",)
    adds = ("attributions", "title_attributions")

    def __init__(self, model: str = "rules"):
        self.span_model, self.lite_tagger = load_models(model)  # raises ValueError for an unknown mode
        self.model = model

    def __call__(self, doc: Document) -> Document:
        doc.extra["attributions"] = attribute(doc, span_model=self.span_model, lite_tagger=self.lite_tagger)
        # the lite tagger learned body paragraphs: a headline keeps the rules (or the span model)
        doc.extra["title_attributions"] = title_attributions(doc, span_model=self.span_model)
        return doc
