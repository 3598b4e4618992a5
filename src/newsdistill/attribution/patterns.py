"""Named cue, source and content patterns for :func:`.candidates.find_candidates`
(docs/attribution.md, step 3d).

Found from the gold cues PolNeAR *train* has that no candidate covered, grouped by why they
were missed (``bench/attribution_misses.py``).  Each function is one named rule of
:mod:`.rules`; they share the token helpers of :mod:`.tokens`.
"""

from __future__ import annotations

import bisect

from . import rules as R
from . import tokens as T


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


def inverted_frame_source(ctx, tok):
    """Rule ``source.inverted-frame``: "“...,” said Rep. Ann Lund (D-Ore.)." with a parse that
    gave the cue neither subject nor object: the words after the cue are the source.  Returns
    ``(head token, source tokens)`` or None."""
    if tok.lemma_.lower() not in R.INVERTED_CUES or any(c.dep_ in R.SUBJECT_DEPS for c in tok.children):
        return None

    para = ctx.tok_para[tok.i]
    q = T.adjacent_quote_before(ctx, tok.idx, para)
    if q is None or _frame_end(ctx, q) not in R.FRAME_COMMA_PUNCT:
        return None
    doc, sent_end = tok.doc, tok.sent.end
    toks = []
    for t in doc[tok.i + 1:sent_end]:
        if ctx.tok_para[t.i] != para or t.text in (";", ":") or ctx.quote_at(t.idx) is not None:
            break
        toks.append(t)
    while toks and (toks[-1].is_space or ((toks[-1].is_punct or toks[-1].pos_ == "PUNCT") and toks[-1].text != ")")):
        toks.pop()
    if not toks or toks[0].pos_ not in R.INVERTED_FRAME_FIRST_POS or len(toks) > R.INVERTED_FRAME_MAX_TOKENS:
        return None
    if not any(t.text == "," for t in toks):  # no apposition: "said Lund on Tuesday" -> "Lund"
        for k, t in enumerate(toks):
            if k and ((t.pos_ == "ADP" and t.lower_ not in R.INVERTED_FRAME_KEEP_ADP)
                      or t.ent_type_ in R.INVERTED_FRAME_STOP_ENTS):
                toks = toks[:k]
                break
    head = _name_head(toks)
    return (head, toks) if head is not None else None


def _name_head(toks):
    """The head of a source's words for speaker resolution: its last noun or pronoun before an
    apposition or a parenthesis ("Ann Lund (D-Ore.), a ..." -> Lund), else its last one, or None."""
    nouns = [t for t in toks if t.pos_ in R.SOURCE_NOUN_POS or t.pos_ == "PRON"]
    name_end = next((t.i for t in toks if t.text in (",", "(")), toks[-1].i + 1) if toks else 0
    return ([t for t in nouns if t.i < name_end] or nouns or [None])[-1]


def frame_source_before_cue(ctx, tok):
    """Rule ``source.frame-before-cue``: "“Q,” Mr. Lund, now 81 and retired in Bergen, said" with a
    parse that gave the cue no subject: the words between the frame quote and the cue.  Returns
    ``(head token, source tokens)`` or None."""

    doc, para = tok.doc, ctx.tok_para[tok.i]
    k = tok.i - 1
    while k >= 0 and doc[k].dep_ in R.CUE_PREFIX_DEPS and doc[k].head.i == tok.i:
        k -= 1  # "has also said": the cue's own auxiliaries and adverbs
    end = k + 1
    start = end
    while start > 0 and ctx.quote_at(doc[start - 1].idx) is None and ctx.tok_para[start - 1] == para \
            and end - start < R.INVERTED_FRAME_MAX_TOKENS:
        start -= 1
    toks = [t for t in doc[start:end] if not t.is_space]
    if not toks or start == 0 or ctx.quote_at(doc[start - 1].idx) is None:
        return None
    q = T.adjacent_quote_before(ctx, toks[0].idx, para)
    if q is None or _frame_end(ctx, q) not in R.FRAME_COMMA_PUNCT:
        return None

    name = [t for t in toks if t.i < next((x.i for x in toks if x.text == ","), end)]
    if toks[0].pos_ not in R.INVERTED_FRAME_FIRST_POS or any(t.pos_ in R.VERB_PHRASE_NOT_POS for t in name) \
            or any(T.is_cue(t) for t in toks):  # "X, the city manager, said of the course, ... known as"
        return None
    head = _name_head(name)
    return (head, toks) if head is not None else None


def gerund_phrase_subject(tok):
    """Rule ``source.gerund-in-phrase``: "Trump landed himself in hot water by saying that ...",
    "Rubio responded before adding that ...": a gerund cue inside a prepositional phrase has the
    subject of the clause the phrase modifies."""

    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in R.GERUND_CUE_PREPS \
            or prep.head.pos_ not in R.CLAUSE_POS:
        return None
    return T.subject(prep.head)


def agent_subject(tok):
    """Rule ``source.agent``: "As reported by Western Journalism, ...": a passive cue without a
    subject takes its agent as the source."""
    for a in (c for c in tok.children if c.dep_ == "agent"):
        for p in (c for c in a.children if c.dep_ == "pobj"):
            return p
    return None


def noun_before_cue(ctx, tok):
    """Rule ``source.noun-before-cue``: "Gene Sperling, a top outside Clinton adviser, said ...":
    the parse broke the long subject off the cue (a clause or apposition of something else); the
    noun phrase ending right before the cue (after an optional comma) is the source."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or tok.lemma_.lower() not in R.INVERTED_CUES:
        return None
    k = tok.i - 1
    while k >= 0 and doc[k].dep_ in R.CUE_PREFIX_DEPS and doc[k].head.i == tok.i:
        k -= 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or doc[k].pos_ not in R.SOURCE_NOUN_POS or ctx.tok_para[k] != ctx.tok_para[tok.i] or doc[k].sent != tok.sent:
        return None
    top = doc[k]
    while top.head.i < tok.i and top.head.i != top.i and top.head.pos_ not in R.CLAUSE_POS:
        if top.dep_ in ("conj", "appos") and top.pos_ == "PROPN" and top.head.dep_ == "pobj" \
                and top.head.ent_type_ in R.NOT_SPEAKER_HEAD_ENTS:
            break  # "On Dec. 2, Col. Steven H. Warren, a ... spokesman, said": the parse hung the name on the date
        top = top.head  # up to the noun phrase's head: "Gene Sperling, a top outside Clinton adviser"
    if top.pos_ not in R.SOURCE_NOUN_POS or top.dep_ in R.SOURCE_NOUN_NOT_DEPS \
            or ctx.quote_at(top.idx) is not None:
        return None
    return top


def _frame_end(ctx, q) -> str:
    """The last character of a closed quote's words ("," in “Q,” / ''Q,''), "" when unclosed."""
    inner = ctx.text[q.start:q.end].rstrip(" '\"\u201d\u2019\u00bb\u203a\u201c")
    return inner[-1] if q.closed and len(inner) > 1 else ""


def _opens_sentence(ctx, pos: int) -> bool:
    before = ctx.text[ctx.para_starts[ctx.para(pos)]:pos].rstrip()
    return not before or before[-1] in ".?!:\"\u201d'\u2019"


def _cue_between(tok, start: int) -> bool:
    """A cue among the words from character ``start`` to the cue token ``tok``."""

    k = tok.i - 1
    while k >= 0 and tok.doc[k].idx >= start:
        if T.is_cue(tok.doc[k]):
            return True
        k -= 1
    return False


def quote_frame(ctx, tok, keep_out: tuple[int, int], para: int, span: tuple[int, int], rule: str):
    """The quote a cue stands in the frame of, over the clause the parse gave it: rules
    ``cue.quote-frame-before`` ("“Q,” X told a crowd that ...") and ``cue.quote-frame-after``
    ("..., he said, “Q.”" where the parse took the words before the cue for its clause).
    Returns ``(content span, rule)``, unchanged when no frame applies."""

    q = T.adjacent_quote_before(ctx, keep_out[0], para)
    if q is not None and not (q.start <= span[0] and span[1] <= q.end):
        end = _frame_end(ctx, q)
        # a comma cannot end a sentence; "“Q?” X asked" needs the clause after a comma
        # ("Mr. Trump asked, repeating ...") where "“Q!” Conservatives still praise his refusal" has none
        comma_after = span[0] >= keep_out[1] and "," in ctx.text[keep_out[1]:span[0]]
        if (end in R.FRAME_COMMA_PUNCT or (end in R.FRAME_END_PUNCT and comma_after)) \
                and _opens_sentence(ctx, q.start) \
                and not _cue_between(tok, q.end):  # “Q,” X said, adding that ...: "adding" keeps its clause
            return (q.start, q.end), R.RULE_QUOTE_FRAME_BEFORE
        return span, rule
    if span[1] <= keep_out[0]:
        q = T.adjacent_quote_after(ctx, keep_out[1], para)
        if q is not None and q.closed and ctx.para(q.start) == para \
                and any(c in ctx.text[keep_out[1]:q.start] for c in ",:"):  # "said, “Q”", not 'told "Fox News"'
            return (q.start, q.end), R.RULE_QUOTE_FRAME_AFTER
    return span, rule


def quote_after_cue_phrase(ctx, tok, pos: int, para: int):
    """Rule ``cue.verb-phrase-then-quote``: the closed quote after the cue's own short phrase and a
    comma or colon ("declared in the debate spin room, “Q”"), or None."""
    k = bisect.bisect_left(ctx.quote_starts, pos)
    if k >= len(ctx.quotes):
        return None
    q = ctx.quotes[k]
    gap = ctx.text[pos:q.start]
    if not q.closed or ctx.para(q.start) != para or len(gap) > R.VERB_PHRASE_MAX_CHARS \
            or not gap.rstrip().endswith((",", ":")):
        return None
    words = [t for t in tok.doc[tok.i + 1:] if pos <= t.idx < q.start and not t.is_punct and not t.is_space]
    if not words or any(t.pos_ in R.VERB_PHRASE_NOT_POS or tok not in t.ancestors for t in words):
        return None
    return q


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

    first = min(tok.subtree, key=lambda t: t.i)
    if tok.dep_ != "advcl" or tok.head.pos_ not in R.CLAUSE_POS or first.lower_ not in R.AS_MARKS \
            or first.dep_ != "mark":  # not "as violent as he suggested"
        return None
    own = {t.i for t in tok.subtree}
    last = max(own)
    main = T.same_para(ctx, list(tok.head.subtree), para)
    after = [t for t in main if t.i > last]
    toks = after if after and len(after) > 2 else [t for t in main if t.i < first.i]
    return T.trim(ctx, toks, drop_connectives=True) or None


def sentence_before_cue(ctx, tok, para: int, src: tuple[int, int]):
    """Rule ``content.sentence-before-cue``: "Those who take on heavy debt struggle, he said.":
    the parse gave the cue no clause; a sentence that ends with ", SOURCE CUE." (nothing but
    adverbs, time or place phrases after the cue) has the words before the source as content."""

    sent = tok.sent
    before = T.same_para(ctx, [t for t in sent if t.idx + len(t.text) <= src[0]], para)
    after = [t for t in sent if t.i > tok.i and not t.is_punct]
    if not before or before[-1].text not in R.SENTENCE_CUE_SEPARATORS:
        return None
    if any(t.pos_ in R.CLAUSE_POS for t in after) or len(after) > R.SENTENCE_CUE_MAX_TAIL:
        return None
    toks = T.trim(ctx, before)
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    if any(t.dep_ in R.SENTENCE_CUE_NOT_CONTENT_DEPS or t.tag_ in R.SENTENCE_CUE_NOT_CONTENT_TAGS for t in roots) \
            or any(t.dep_ in R.SENTENCE_CUE_NOT_CONTENT_DEPS for t in toks[:1]):  # "While ..., 43 said the same"
        return None
    if len(toks) < R.SENTENCE_CUE_MIN_WORDS or not any(t.pos_ in R.CLAUSE_POS for t in toks):
        return None
    return toks


def head_clause_content(ctx, tok, para: int, src: tuple[int, int]):
    """Rule ``content.head-clause-after-cue``: the parse hung the cue on the reported clause
    instead of the reverse: "Instead, Trump told CNN, his policy would ..." (the cue a clause of
    "be").  The head's clause after the comma that closes the cue's words is the content.  (The
    mirror case, "Facebook created the tool ..., a spokeswoman said", found no exact gold content
    on train: left out.)"""

    head = tok.head
    if head is tok or head.pos_ not in R.CLAUSE_POS or tok.dep_ not in R.HEAD_CLAUSE_CUE_DEPS \
            or tok.tag_ == "VBG":  # "X did Y, saying Z": Y is not what X said
        return None
    if any(c.dep_ in ("cc", "mark") for c in tok.children if c.i < tok.i) or any(
            c.dep_ == "cc" and min(head.i, tok.i) < c.i < max(head.i, tok.i) for c in head.children):
        return None  # "... and said", "because she said": not a reported clause
    own = {t.i for t in tok.subtree}
    last = max(own)
    doc = tok.doc
    main = [t for t in T.same_para(ctx, list(head.subtree), para) if t.i not in own]
    if head.i > last and last + 1 < len(doc) and doc[last + 1].text == ",":
        toks, rule = [t for t in main if t.i > last], R.RULE_HEAD_CLAUSE_AFTER
    else:
        return None
    toks = T.trim(ctx, toks, drop_connectives=True)
    if len(toks) < R.SENTENCE_CUE_MIN_WORDS or not any(t.pos_ in R.CLAUSE_POS for t in toks):
        return None
    return toks, rule


def that_clause_in_prep(ctx, tok, para: int):
    """Rule ``content.that-clause-in-prep``: "Adelson said earlier on Friday during a news
    conference that he may wait ...": the that-clause hangs off a noun of a phrase on the cue."""
    if tok.lemma_.lower() not in R.INVERTED_CUES:  # say-verbs: others' content is their object
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i):
        for t in prep.subtree:
            if t.dep_ in R.NOUN_CLAUSE_DEPS and ctx.tok_para[t.i] == para and t.head.pos_ in ("NOUN", "PROPN") and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == min(x.i for x in t.subtree) for m in t.children):
                return [t]
    return None


def _headline_label(label) -> bool:
    """Rule ``cue.headline-colon``: in a title line, a label of capitalised words (or connectors:
    "Clinton camp", "Former AG Mukasey at RNC") without a verb or a kicker word ("The Latest",
    "Breaking"); spaCy's entities and tags are unreliable on title case, so no entity is needed."""
    words = [t for t in label if not t.is_punct or t.text in R.HEADLINE_LABEL_PUNCT]
    if len(words) != len(label) or not label[0].text[:1].isupper():
        return False
    if " ".join(t.lower_ for t in label) in R.HEADLINE_KICKERS or any(t.lower_ in R.HEADLINE_KICKERS for t in label):
        return False
    return all(t.text[:1].isupper() or t.lower_ in R.HEADLINE_LABEL_LOWER or t.text in R.HEADLINE_LABEL_PUNCT
               or t.text[:1] in R.HEADLINE_LABEL_PUNCT for t in label) and not any(t.pos_ == "VERB" for t in label)


def label_colon_candidates(ctx, paragraphs: list[tuple[int, int]], headline: bool = False) -> list:
    """Rule ``cue.label-colon``: "BOULDUAN: Why not debate?" / "Sanders: Brexit's message ...":
    a short label (no verb) opening a paragraph and a colon; the content is the rest of it.
    ``headline`` (a title line): the label test of :func:`_headline_label` (rule ``cue.headline-colon``)."""

    out = []
    doc = ctx.sdoc
    for ps, pe in paragraphs:
        i = bisect.bisect_left(ctx.tok_starts, ps)
        label = []
        while i < len(doc) and doc[i].idx < pe and doc[i].text != ":" and len(label) <= R.LABEL_COLON_MAX_WORDS:
            label.append(doc[i])
            i += 1
        if not label or i >= len(doc) or doc[i].text != ":" or len(label) > R.LABEL_COLON_MAX_WORDS:
            continue
        colon = doc[i]
        if headline:
            if not _headline_label(label) or any(t.lower_ in R.LABEL_COLON_NOT_SOURCES for t in label):
                continue
        elif not label[0].text[:1].isupper() or any(t.pos_ in R.CLAUSE_POS or t.is_punct or t.like_num for t in label) \
                or any(t.lower_ in R.LABEL_COLON_NOT_SOURCES for t in label) \
                or len(label[-1].text) < 2 or not (all(t.text.isupper() for t in label) or (
                    all(t.pos_ == "PROPN" for t in label) and any(t.ent_type_ in R.LABEL_COLON_ENTS for t in label))):
            continue
        rest = T.trim(ctx, [t for t in doc[i + 1:] if t.idx < pe], drop_leading_that=False)
        least = R.HEADLINE_COLON_MIN_CONTENT_WORDS if headline else R.LABEL_COLON_MIN_CONTENT_WORDS
        if len([t for t in rest if not t.is_punct]) < least:
            continue
        src = T.envelope(label)
        cue = (colon.idx, T.tok_end(colon))
        content, touched = T.snap_to_quotes(ctx, T.envelope(rest), (src[0], cue[1]))
        out.append(T.Candidate(T.kind(ctx, content, touched), cue, content, src,
                             R.RULE_HEADLINE_COLON if headline else R.RULE_LABEL_COLON,
                             source_head=label[-1].i, cue_token=colon.i, quotes=touched))
    return out


def complementizer(ctx, span: tuple[int, int]) -> tuple[int, int] | None:
    """Rule ``content.complementizer``: the complementizer a content's clause opens with and the
    content leaves out ("notes that X" -> content X, complementizer "that"; PolNeAR's contents
    include it): the word right before the content (punctuation between them allowed, as
    :func:`.tokens.trim` drops it) when it is in ``CONTENT_LEADING_DROP``, the parse makes it a
    ``mark`` and its clause's head lies inside the content."""

    doc = ctx.sdoc
    s, e = span
    i = bisect.bisect_left(ctx.tok_starts, s) - 1
    while i >= 0 and (doc[i].is_space or (doc[i].is_punct and not T.is_quote_tok(doc[i]))):
        i -= 1
    if i < 0:
        return None
    t = doc[i]
    if t.lower_ in R.CONTENT_LEADING_DROP and t.dep_ == "mark" and T.tok_end(t) <= s and s <= t.head.idx < e \
            and ctx.tok_para[t.i] == ctx.para(s):
        return t.idx, T.tok_end(t)
    return None


def content_fragments(text: str, content: tuple[int, int],
                      inside: list[tuple[int, int] | None]) -> list[tuple[int, int]] | None:
    """Rule ``content.fragments``: the pieces of a content that holds its own source/cue
    ("Another troubling problem, he adds, is “the return ...”" -> "Another troubling problem" and
    "is “the return ...”"), as PolNeAR annotates such contents (one discontinuous span).

    ``inside``: the attribution's source and cue spans (None where absent).  The gap runs from
    the first to the last of them that overlaps the content, widened over whitespace and
    ``CONTENT_FRAGMENT_GAP_PUNCT`` (a quote's own marks stay in its fragment).  None when the
    content is continuous: no source/cue overlaps it, one reaches its start or end, or a side
    keeps no word."""
    s, e = content
    pieces = [p for p in inside if p is not None and p[0] < e and s < p[1]]
    if not pieces or any(p[0] <= s or p[1] >= e for p in pieces):
        return None
    a, b = min(p[0] for p in pieces), max(p[1] for p in pieces)
    while a > s and (text[a - 1].isspace() or text[a - 1] in R.CONTENT_FRAGMENT_GAP_PUNCT):
        a -= 1
    while b < e and (text[b].isspace() or text[b] in R.CONTENT_FRAGMENT_GAP_PUNCT):
        b += 1
    frags = [(s, a), (b, e)]
    if any(not any(ch.isalnum() for ch in text[x:y]) for x, y in frags):
        return None
    return frags
