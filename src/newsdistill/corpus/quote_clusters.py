"""Quote clusters: the same statement reported by many outlets is one cluster.

Outlets trim quotes, cut them into parts, change quote marks and punctuation.  We match
quote *content* after normalisation (:func:`normalize`: casefold, quote marks and
punctuation dropped, whitespace collapsed) with word shingles and **containment**:

    containment(a, b) = |shingles(a) & shingles(b)| / min(|shingles(a)|, |shingles(b)|)

so a quote that is a trimmed or partial copy of a longer one scores ~1 against it while a
different statement that merely shares a phrase scores low.  Variants are processed longest
first; each joins the cluster of its best-matching earlier variant when the score reaches
:data:`RULES` ``containment`` (rule ``quote.containment``), else it starts a new cluster.
Quotes too short for shingles (< ``min_words``) only join by equal normalised text
(rule ``quote.exact``).  Candidate variants come from an inverted shingle index, so the
cost grows with the number of shared shingles, not with the square of the corpus
(shingles carried by more than ``max_posting`` variants are ignored for candidate generation).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# the rules' knobs live here, apart from the logic, each named
RULES = {
    "shingle": 3,  # words per shingle
    "min_words": 4,  # shorter quotes only cluster by equal normalised text
    "containment": 0.7,  # quote.containment: join when this share of the shorter quote's shingles is in the longer
    "min_shared": 2,  # ... and at least this many shingles are shared
    "max_posting": 5000,  # shingles this common do not generate candidates
}

_QUOTES = dict.fromkeys(map(ord, "\"'`´‘’‚‛“”„‟«»‹›「」『』"), " ")
_NON_WORD = re.compile(r"[^\w]+")


def normalize(text: str) -> str:
    """Casefolded words of ``text`` without quote marks, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def shingles(norm: str, size: int | None = None) -> frozenset[int]:
    size = size or RULES["shingle"]
    words = norm.split()
    if len(words) < size:
        return frozenset()
    return frozenset(hash(" ".join(words[i : i + size])) for i in range(len(words) - size + 1))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(slots=True)
class Assignment:
    cluster: int  # cluster number, 0..n-1, in order of the clusters' longest variants
    rule: str  # quote.new | quote.containment | quote.exact


def cluster_quotes(contents: Iterable[str]) -> list[Assignment]:
    """One :class:`Assignment` per content (same order): the cluster each quote belongs to."""
    contents = list(contents)
    norms = [normalize(c) for c in contents]
    distinct = sorted(set(norms), key=lambda n: (-len(n.split()), n))  # longest first, deterministic
    min_words = RULES["min_words"]
    of_variant: dict[str, Assignment] = {}
    variant_shingles: list[frozenset[int]] = []
    variant_cluster: list[int] = []
    postings: dict[int, list[int]] = defaultdict(list)
    n_clusters = 0
    for norm in distinct:
        sh = shingles(norm) if len(norm.split()) >= min_words else frozenset()
        best, best_score, best_shared = -1, 0.0, 0
        if sh:
            shared: Counter[int] = Counter()
            for s in sh:
                posting = postings.get(s)
                if posting and len(posting) <= RULES["max_posting"]:
                    shared.update(posting)
            for v, n_shared in shared.most_common(50):
                # a repetitive quote ("no, no, no, no") may have fewer distinct shingles than that
                if n_shared < min(RULES["min_shared"], len(sh)):
                    break
                score = n_shared / min(len(sh), len(variant_shingles[v]))
                if score > best_score or (score == best_score and n_shared > best_shared):
                    best, best_score, best_shared = v, score, n_shared
        if best >= 0 and best_score >= RULES["containment"]:
            cluster, rule = variant_cluster[best], "quote.containment"
        else:
            cluster, rule = n_clusters, "quote.new"
            n_clusters += 1
        index = len(variant_shingles)
        variant_shingles.append(sh)
        variant_cluster.append(cluster)
        for s in sh:
            postings[s].append(index)
        of_variant[norm] = Assignment(cluster, rule)
    out = []
    seen: set[str] = set()
    for norm in norms:
        a = of_variant[norm]
        # a repeated short quote joins by equal text
        if norm in seen and a.rule == "quote.new" and len(norm.split()) < min_words:
            out.append(Assignment(a.cluster, "quote.exact"))
        else:
            out.append(a)
        seen.add(norm)
    return out
