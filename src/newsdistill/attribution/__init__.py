"""Who said what: direct and reported quotes attributed to resolved speakers.

The public face of attribution:

* :class:`AttributionStep`: the pipeline step (``doc.extra["attributions"]`` and
  ``doc.extra["title_attributions"]``; figures inside a content get ``attributed_to``);
* :func:`attribute`: the attributions of one document, for callers outside a pipeline;
* :data:`MODES`, :data:`DEFAULT_MODE` and :func:`load_models`: the modes (``accurate``, the
  default; ``fast``; ``lite``) and the learned models each needs; :func:`canonical_mode` maps the
  deprecated names ``minilm`` and ``rules`` to them.

Everything else is the inside of the package (docs/architecture.md has its map).
"""

from __future__ import annotations

from .document import attribute
from .models import DEFAULT_MODE, DEPRECATED_MODES, MODELS, MODES, canonical_mode, deprecation, load_models
from .step import AttributionStep

__all__ = ["DEFAULT_MODE", "DEPRECATED_MODES", "MODELS", "MODES", "AttributionStep", "attribute", "canonical_mode",
           "deprecation", "load_models"]
