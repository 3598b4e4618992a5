"""Where the span model runs: the paragraphs that can hold an attribution.

The span model costs about 60% of the accurate mode's time (ONNX Runtime, one thread, ~0.07 s per
window of 256 wordpieces), and its cost grows with the wordpieces it reads.  Most of what it adds
is tied to a cue: ``combine`` keeps a rule attribution only where the model found a content
(``drop_unsupported``) and adds a model content only with a model cue in the same paragraph
(``new_need_cue``).  So a paragraph with no rule candidate, no quote mark and no word that can be
a cue gives the model nothing to do, and it is not fed to it
(:data:`..rules.RULE_SPAN_GATE`): its pieces are tagged ``O``.

The kept paragraphs go in windows of consecutive kept paragraphs only (a skipped paragraph ends a
window), so every window is a run of the text as the model was trained on it.
"""

from __future__ import annotations

from functools import lru_cache

from .. import rules as R
from ..tokens import paragraph_index

# lemmas that can head a cue, beyond the rules' own cue verbs: nouns and verbs the span model
# tags as cues on PolNeAR train that the verb lists do not hold
_CUE_LEMMAS = frozenset(R.CUE_VERBS | R.DOBJ_CUES | R.STATEMENT_NOUNS | frozenset(R.PREP_CUES)
                        | frozenset(v for v, _ in R.PHRASAL_CUES) | R.SPAN_GATE_EXTRA_LEMMAS)


def candidate_paragraphs(sdoc, text: str, paragraphs: list[tuple[int, int]], cands) -> set[int]:
    """Indices of ``paragraphs`` that hold a rule candidate (any of its spans), a quote mark, or a
    token whose lemma (or lower-cased form) can be a cue; each with its
    :data:`..rules.SPAN_GATE_RADIUS` neighbours.  The token test runs on the parse's arrays
    (numpy), not token by token: a Python loop over the tokens cost more than the gate saved on
    PolNeAR (0.07 s per article against 0.03 s of model time)."""
    import numpy as np
    from spacy.attrs import IDX, LEMMA, LOWER

    starts = [s for s, _ in paragraphs]

    def para(pos: int) -> int:
        return paragraph_index(starts, pos)

    hit: set[int] = set()
    for c in cands:
        for span in (c.cue, c.content, c.source):
            if span is not None:
                hit.update(range(para(span[0]), para(max(span[0], span[1] - 1)) + 1))
    for k, (s, e) in enumerate(paragraphs):
        if k not in hit and any(ch in R.ALL_QUOTE_CHARS for ch in text[s:e]):
            hit.add(k)
    if len(sdoc):
        arr = sdoc.to_array([LEMMA, LOWER, IDX])
        cue = np.isin(arr[:, 0], _hashes()) | np.isin(arr[:, 1], _hashes())
        if cue.any():
            found = np.searchsorted(np.asarray(starts or [0]), arr[cue, 2].astype(np.int64), side="right") - 1
            hit.update(int(k) for k in np.unique(np.maximum(found, 0)))
    r = R.SPAN_GATE_RADIUS
    return {j for k in hit for j in range(k - r, k + r + 1) if 0 <= j < len(paragraphs)}


@lru_cache(maxsize=1)
def _hashes():
    """The cue words' string hashes (uint64, as the parse's arrays hold them; spaCy's hash of a
    string is the same in every vocabulary)."""
    import numpy as np
    from spacy.strings import hash_string

    return np.array(sorted(hash_string(w) for w in _CUE_LEMMAS), dtype=np.uint64)
