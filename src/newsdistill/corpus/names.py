"""The cross-document key of a name, shared by the store (which writes it into ``name_key`` /
``speaker_key`` columns) and the queries (which look names up by it).

A module of its own so that :mod:`.store` and :mod:`.queries` both depend on it and not on each
other the wrong way round: the store imports the queries (the overview it caches at finalize),
the queries never import the store.
"""

from __future__ import annotations

import re
import unicodedata


def name_key(name: str | None) -> str | None:
    """The cross-document key of an entity or speaker name: casefolded, accents and extra spaces dropped."""
    if not name:
        return None
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(ch))
    return " ".join(folded.split()) or None


_WORD = re.compile(r"\w+")


def name_words(name: str | None) -> list[str]:
    """The words of :func:`name_key` (letters and digits; hyphens and dots split: "Jean-Claude
    Juncker" -> jean, claude, juncker), distinct, in order: what ``speaker_words`` indexes."""
    return list(dict.fromkeys(_WORD.findall(name_key(name) or "")))
