"""Exact and near-duplicate documents, found as the stream goes by.

Corpus-level, so it runs in the parent process after any engine, one document at a time:
query the index, then insert.  Only cluster *representatives* (the first document of each
cluster) go into the index, so the result for a document depends only on the documents
before it in input order: deterministic, and restorable on resume by re-adding the
representatives already written (:meth:`Deduplicator.restore`).

* exact: a hash of the normalised clean text (:func:`normalised_words`: case-folded, NFKC,
  punctuation and whitespace runs one separator), rule ``exact-text``;
* near: MinHash over word shingles (rensa ``RMinHash``) and an LSH index (``RMinHashLSH``),
  candidates confirmed by their estimated Jaccard similarity >= ``threshold``, rule ``near-text``.

Each ok document gets ``cluster`` (the id of the first document of its cluster; its own id
when it is the first) and ``duplicate_of`` (that first document's id, or null).  Error
records get both null.  Texts with fewer than ``min_words`` words are only matched exactly
(too short for shingles to judge).
"""

from __future__ import annotations

import hashlib
import string
import unicodedata
from dataclasses import dataclass

import numpy as np

from ..record import Document

DIGEST_BLOCK = 16_384  # MinHash digests per block (8 MiB at 128 permutations)


@dataclass(frozen=True)
class DedupOptions:
    threshold: float = 0.8  # estimated Jaccard similarity of word shingles to call two texts near-duplicates
    num_perm: int = 128
    num_bands: int = 16  # 16 bands x 8 rows: candidates from about J = 0.7 upwards, confirmed at threshold
    shingle: int = 3  # words per shingle
    min_words: int = 20  # shorter texts are only matched exactly
    seed: int = 42
    near: bool = True

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "num_perm": self.num_perm, "num_bands": self.num_bands,
                "shingle": self.shingle, "min_words": self.min_words, "seed": self.seed, "near": self.near}


# typographic punctuation treated like ASCII punctuation (a copy that "smartened" its quotes is the same text)
TYPOGRAPHIC = "\u201c\u201d\u201e\u2018\u2019\u201a\u2032\u2033\u00ab\u00bb\u2013\u2014\u2026\u00a0\u00b7"
_ASCII_PUNCT = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))


def normalised_words(text: str) -> list[bytes]:
    """The words of ``text`` as UTF-8: case-folded, NFKC, punctuation (ASCII and :data:`TYPOGRAPHIC`) a separator."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        for ch in TYPOGRAPHIC:
            if ch in text:
                text = text.replace(ch, " ")
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_PUNCT).split()


def normalise(text: str) -> str:
    return b" ".join(normalised_words(text)).decode("utf-8", "surrogatepass")


def shingles(words: list[bytes], n: int) -> list[bytes]:
    if len(words) <= n:
        return [b" ".join(words)]
    return [b" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]


def signatures(text: str, options: DedupOptions):
    """The two signatures of ``text``: the 16-byte hash of its normalised words, and its MinHash
    (``None`` for near-duplicate detection off or a text under ``min_words``).  A function of the
    text alone, so a run computes it in its worker processes and the parent only queries the index
    (the shingles and MinHash were 40% of the parent's CPU time in a clean-only run: docs/benchmarks.md)."""
    from rensa import RMinHash

    words = normalised_words(text)
    digest = hashlib.blake2b(b" ".join(words), digest_size=16).digest()
    if not options.near or len(words) < options.min_words:
        return digest, None
    mh = RMinHash(options.num_perm, options.seed)
    mh.update(shingles(words, options.shingle))
    return digest, mh


class Deduplicator:
    """``dedup(doc)`` sets ``duplicate_of`` / ``cluster`` in ``doc.extra`` and says whether it is a duplicate."""

    def __init__(self, options: DedupOptions | None = None):
        from rensa import RMinHashLSH

        self.options = options or DedupOptions()
        o = self.options
        self._exact: dict[bytes, str] = {}  # text hash -> representative id
        self._lsh = RMinHashLSH(o.threshold, o.num_perm, o.num_bands) if o.near else None
        self._ids: list[str] = []  # LSH key -> representative id
        # LSH key -> MinHash digest, in fixed blocks: growing one array by doubling would need 3x
        # its size for a moment (1.5 GiB at a million representatives of 512 bytes each)
        self._digest_blocks: list[np.ndarray] = []

    # ---- the two signatures ----------------------------------------------------------------
    def _signatures(self, text: str):
        return signatures(text, self.options)

    def _near(self, mh) -> int | None:
        """LSH key of the earliest representative similar enough to ``mh``."""
        best = None
        candidates = self._lsh.query(mh)
        if not candidates:
            return None
        mine = np.asarray(mh.digest(), dtype=np.uint32)
        for key in sorted(candidates):
            stored = self._digest_blocks[key // DIGEST_BLOCK][key % DIGEST_BLOCK]
            similarity = float(np.count_nonzero(stored == mine)) / self.options.num_perm
            if similarity >= self.options.threshold:
                best = key
                break
        return best

    def _insert(self, doc_id: str, digest: bytes, mh) -> None:
        self._exact.setdefault(digest, doc_id)
        if mh is None:
            return
        key = len(self._ids)
        if key // DIGEST_BLOCK >= len(self._digest_blocks):
            self._digest_blocks.append(np.zeros((DIGEST_BLOCK, self.options.num_perm), dtype=np.uint32))
        self._digest_blocks[key // DIGEST_BLOCK][key % DIGEST_BLOCK] = mh.digest()
        self._ids.append(doc_id)
        self._lsh.insert(key, mh)

    # ---- API -----------------------------------------------------------------------------
    def __call__(self, doc: Document) -> str | None:
        """Mark ``doc``; the rule (``exact-text`` / ``near-text``) when it duplicates an earlier document."""
        if doc.status != "ok" or doc.text is None:
            doc.extra["duplicate_of"] = None
            doc.extra["cluster"] = None
            return None
        first, rule = self.mark(doc.id, *self._signatures(doc.text))
        doc.extra["duplicate_of"] = first
        doc.extra["cluster"] = first or doc.id
        return rule

    def mark(self, doc_id: str, digest: bytes, mh) -> tuple[str | None, str | None]:
        """(id of the earlier document it duplicates, rule), or (None, None) for a new cluster, from
        the :func:`signatures` of an ok document's text (computed here or in a worker)."""
        first = self._exact.get(digest)
        rule = "exact-text" if first is not None else None
        if first is None and mh is not None:
            key = self._near(mh)
            if key is not None:
                first, rule = self._ids[key], "near-text"
        if first is None:
            self._insert(doc_id, digest, mh)
            return None, None
        return first, rule

    def restore(self, record: dict) -> None:
        """Re-add a record written by an earlier, interrupted run (resume): representatives only."""
        if record.get("status") != "ok" or record.get("text") is None:
            return
        if record.get("duplicate_of") is not None:
            return
        digest, mh = self._signatures(record["text"])
        self._insert(record["id"], digest, mh)

    @property
    def representatives(self) -> int:
        return len(self._exact)
