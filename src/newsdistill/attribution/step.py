"""The ``attribution`` pipeline step."""

from __future__ import annotations

from ..record import Document
from .document import attribute
from .headline import title_attributions
from .models import DEFAULT_MODE, canonical_mode, load_models


class AttributionStep:
    """Pipeline step: ``doc.extra["attributions"]`` and ``doc.extra["title_attributions"]``
    (:class:`newsdistill.record.Attribution` objects), and ``attributed_to`` on the figures.

    ``model``: ``accurate`` (the default: rules + the learned cue model + the MiniLM span model,
    :mod:`.models.span_model`, with the lite tagger's vote), ``fast`` (rules + the learned cue
    model) or ``lite`` (rules + cue model + the small BiLSTM tagger over the parse's features,
    :mod:`.models.lite_tagger`); the deprecated ``minilm`` and ``rules`` name ``accurate`` and
    ``fast``.  The models load here, so a missing or broken model file fails before any document."""

    name = "attribution"
    # the parse step's spaCy doc, the entity clusters the speakers resolve to, and the figures
    # a content may hold; ``figures.attributed_to`` is the field this step fills on each figure
    needs = ("text", "nlp_doc", "entities", "figures")
    adds = ("attributions", "title_attributions", "figures.attributed_to")

    def __init__(self, model: str = DEFAULT_MODE):
        self.model = canonical_mode(model)  # raises ValueError for an unknown mode
        self.span_model, self.lite_tagger = load_models(self.model)

    def __call__(self, doc: Document) -> Document:
        doc.extra["attributions"] = attribute(doc, span_model=self.span_model, lite_tagger=self.lite_tagger)
        # the lite tagger learned body paragraphs: a headline keeps the rules (or the span model)
        doc.extra["title_attributions"] = title_attributions(doc, span_model=self.span_model)
        return doc
