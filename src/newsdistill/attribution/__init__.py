"""Who said what: direct and reported quotes attributed to resolved speakers.

The public face of attribution:

* :class:`AttributionStep`: the pipeline step (``doc.extra["attributions"]`` and
  ``doc.extra["title_attributions"]``; figures inside a content get ``attributed_to``);
* :func:`attribute`: the attributions of one document, for callers outside a pipeline;
* :data:`MODELS` and :func:`load_models`: the modes (``rules``, ``lite``, ``minilm``) and the
  learned models each needs.

Everything else is the inside of the package (docs/architecture.md has its map).
"""

from __future__ import annotations

from .document import attribute
from .models import MODELS, load_models
from .step import AttributionStep

__all__ = ["MODELS", "AttributionStep", "attribute", "load_models"]
