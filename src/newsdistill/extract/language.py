"""Language identification with langid's bundled model (no download)."""

from __future__ import annotations

from functools import lru_cache

from ..record import Document

SAMPLE_CHARS = 4000  # langid is confident well before this; bounds the cost on huge documents
MIN_CHARS = 20  # below this langid guesses; we say "unknown" instead


@lru_cache(maxsize=1)
def _identifier():
    from langid.langid import LanguageIdentifier, model

    return LanguageIdentifier.from_modelstring(model, norm_probs=True)


class DetectLanguage:
    name = "language"
    needs = ("text",)
    adds = ("language",)

    def __call__(self, doc: Document) -> Document:
        sample = (doc.text or "")[:SAMPLE_CHARS]
        if len(sample.strip()) < MIN_CHARS:
            doc.language = None
            return doc
        lang, prob = _identifier().classify(sample)
        doc.language = lang
        doc.language_score = round(float(prob), 4)
        return doc
