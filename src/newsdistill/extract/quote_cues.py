"""More cue patterns for :func:`.quotes.find_candidates` (docs/attribution.md, step 3d).

Found from the gold cues PolNeAR *train* has that no candidate covered, grouped by why they
were missed (``bench/attribution_misses.py``).  Each function is one named rule of
:mod:`.attribution_rules`; they use the helpers of :mod:`.quotes` (imported lazily there).
"""

from __future__ import annotations

from . import attribution_rules as R


def inverted_object_source(ctx, tok):
    """Rule ``source.inverted-object``: "“...,” added another New Hampshire Republican": the
    parse makes the speaker after the verb its object; with the verb's clause or a quote right
    before it, that object is the source."""
    if tok.lemma_.lower() not in R.INVERTED_CUES:
        return None
    obj = next((c for c in tok.children if c.dep_ in R.INVERTED_OBJECT_DEPS and c.i > tok.i), None)
    if obj is None or any(c.dep_ in R.SUBJECT_DEPS for c in tok.children):
        return None
    para = ctx.tok_para[tok.i]
    before = any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)
    if not before:
        k = tok.i - 1
        while k >= 0 and tok.doc[k].is_punct and ctx.tok_para[k] == para:
            k -= 1
        before = k < tok.i - 1 and any(ctx.quote_at(tok.doc[j].idx) is not None for j in range(k + 1, tok.i))
    if not before or ctx.tok_para[obj.i] != para:
        return None
    return obj


def survey_share_subject(tok):
    """Rule ``source.survey-share``: "85% of Democrats said ...", "About 4 in 10 say ...": the
    parse leaves the share as a '%' subject (punctuation) or a number modifier of the verb."""
    for c in tok.children:
        if c.i < tok.i and ((c.dep_ == "nsubj" and c.text in R.SHARE_SUBJECT_WORDS) or c.dep_ == "nummod"):
            return c
    return None


def as_clause_content(ctx, tok, para: int, src: tuple[int, int]):
    """Rule ``content.as-x-said``: "As Clyburn noted, those voters will ...": the cue's clause
    is a comment on the main clause, which is the content."""
    from .quotes import _same_para, _trim

    first = min(tok.subtree, key=lambda t: t.i)
    if tok.dep_ != "advcl" or tok.head.pos_ not in R.CLAUSE_POS or first.lower_ not in R.AS_MARKS \
            or first.dep_ != "mark":  # not "as violent as he suggested"
        return None
    own = {t.i for t in tok.subtree}
    last = max(own)
    main = _same_para(ctx, list(tok.head.subtree), para)
    after = [t for t in main if t.i > last]
    toks = after if after and len(after) > 2 else [t for t in main if t.i < first.i]
    return _trim(ctx, toks, drop_connectives=True) or None


def sentence_before_cue(ctx, tok, para: int, src: tuple[int, int]):
    """Rule ``content.sentence-before-cue``: "Those who take on heavy debt struggle, he said.":
    the parse gave the cue no clause; a sentence that ends with ", SOURCE CUE." (nothing but
    adverbs, time or place phrases after the cue) has the words before the source as content."""
    from .quotes import _same_para, _trim

    sent = tok.sent
    before = _same_para(ctx, [t for t in sent if t.idx + len(t.text) <= src[0]], para)
    after = [t for t in sent if t.i > tok.i and not t.is_punct]
    if not before or before[-1].text not in R.SENTENCE_CUE_SEPARATORS:
        return None
    if any(t.pos_ in R.CLAUSE_POS for t in after) or len(after) > R.SENTENCE_CUE_MAX_TAIL:
        return None
    toks = _trim(ctx, before)
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    if any(t.dep_ in R.SENTENCE_CUE_NOT_CONTENT_DEPS or t.tag_ in R.SENTENCE_CUE_NOT_CONTENT_TAGS for t in roots) \
            or any(t.dep_ in R.SENTENCE_CUE_NOT_CONTENT_DEPS for t in toks[:1]):  # "While ..., 43 said the same"
        return None
    if len(toks) < R.SENTENCE_CUE_MIN_WORDS or not any(t.pos_ in R.CLAUSE_POS for t in toks):
        return None
    return toks
