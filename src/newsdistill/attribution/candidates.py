"""Attribution candidates (source, cue, content) in a parsed article: the cue-verb walk.

:func:`find_candidates` walks the spaCy dependency parse for cue verbs ("said", "notes",
inverted "said X", "..., he adds, ..."), "according to X", "Asked ...", hedges and polls, takes
the source from the verb's subject and the content from its clause or the adjacent quote, and
snaps the content to any quote it touches (quotes of every mark style: :mod:`.marks`).  The
rarer shapes are the named patterns of :mod:`.patterns`; the shared helpers are in
:mod:`.tokens`.

Offsets are character offsets into the clean text; :mod:`.document` turns them into spans and
resolves speakers.  Word lists and rule names live in :mod:`.rules`.
"""

from __future__ import annotations

import bisect

from . import patterns as P
from . import rules as R
from . import tokens as T
from .marks import find_quotes, paragraph_spans
from .tokens import Candidate


def _stance_ok(tok) -> bool:
    """Rule cue.stance-present: "support"/"back" are cues only in the present or as "-ing"."""
    return tok.lemma_.lower() not in R.STANCE_VERBS or tok.tag_ in R.STANCE_TAGS


def _cue_span(tok) -> tuple[int, int]:
    """The verb with its auxiliaries/negation/adverbs right before it ("has also said") and a
    particle or colon right after it ("pointed out", "added:")."""
    s, e = tok.idx, T.tok_end(tok)
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].head.i == tok.i and doc[i].dep_ in R.CUE_PREFIX_DEPS:
        s = doc[i].idx
        i -= 1
    head = tok.head
    if tok.dep_ == "xcomp" and head.i < tok.i and (head.lemma_.lower(), tuple(
            c.lower_ for c in head.children if c.dep_ == "prt")) in R.CUE_LEAD_VERBS:
        s = _cue_span(head)[0]  # rule cue.went-on-to-say
    j = tok.i + 1
    if j < len(doc) and doc[j].dep_ == "prt" and doc[j].head.i == tok.i:
        e = T.tok_end(doc[j])
        j += 1
    if j < len(doc) and doc[j].text == ":":
        e = T.tok_end(doc[j])
    elif j < len(doc) and doc[j].head.i == tok.i and doc[j].dep_ == "prep" and doc[j].lower_ == R.CUE_PHRASE_PREP:
        objs = [c for c in doc[j].children if c.dep_ == "pobj" and c.lemma_.lower() in R.CUE_PHRASE_NOUNS]
        if objs and all(doc[k].head.i == objs[0].i for k in range(j + 1, objs[0].i)):  # rule cue.with-statement-phrase
            e = T.tok_end(objs[0])
    return s, e


def _source_tokens(ctx: T.Ctx, subj, para: int) -> list:
    """The subject's words: without relative clauses on its head ("Priebus, who has ..."), a
    relative pronoun replaced by its antecedent, a leading dateline ("CLEVELAND - ") dropped, a
    closing comma/parenthesis kept when the source opened one ("X, a strategist,")."""
    if subj.tag_ in R.RELATIVE_SOURCE_TAGS and subj.head.dep_ == "relcl":
        return [subj]  # rule source.relative-pronoun: "Barkley, who said ...": the source is "who"
    drop: set[int] = set()
    for c in subj.children:
        if c.dep_ in R.SOURCE_DROP_CHILD_DEPS and c.i > subj.i:
            drop.update(t.i for t in c.subtree)
    toks = [t for t in T.same_para(ctx, list(subj.subtree), para) if t.i not in drop]
    toks = T.trim(ctx, toks, drop_leading_that=False)
    while toks and T.is_quote_tok(toks[0]) and (q := ctx.quote_at(toks[0].idx)) is not None and q.end == T.tok_end(toks[0]):
        toks = toks[1:]  # rule source.no-closing-quote: the parse hung the closing mark of the quote on it
    for k, t in enumerate(toks[:6]):  # dateline: "CLEVELAND - Donald Trump"
        if t.text in ("-", "\u2014", "\u2013") and k > 0 and all(x.text.isupper() or x.is_punct for x in toks[:k]):
            toks = toks[k + 1:]
            break
    if toks:
        doc = toks[0].doc
        nxt = toks[-1].i + 1
        if nxt < len(doc) and doc[nxt].text == ")" and any(t.text == "(" for t in toks):
            toks = toks + [doc[nxt]]
            nxt += 1
        if nxt < len(doc) and doc[nxt].text == "," and any(t.text == "," for t in toks) and nxt not in drop:
            toks = toks + [doc[nxt]]
    return toks


def _verb_candidate(ctx: T.Ctx, tok, learned: bool = False) -> list[Candidate]:
    para = ctx.tok_para[tok.i]
    subj = T.subject(tok)
    src_rule = None
    if subj is not None and subj.i < tok.i and (sq := ctx.quote_at(subj.idx)) is not None and sq.closed \
            and sq.end <= tok.idx:  # "“Q, I said,” Mr. Lund, now 81, said": the parse took a word of the quote
        subj = None
    if subj is None:
        subj, src_rule = P.survey_share_subject(tok), R.RULE_SURVEY_SHARE
    if subj is None:
        subj, src_rule = P.inverted_object_source(ctx, tok), R.RULE_INVERTED_OBJECT
    if subj is None:
        subj, src_rule = P.gerund_phrase_subject(tok), R.RULE_GERUND_PHRASE
    if subj is None and tok.lemma_.lower() not in R.QUESTION_CUES:  # "Asked by X ..." is cue.asked's
        subj, src_rule = P.agent_subject(tok), R.RULE_AGENT
    if subj is None:
        subj, src_rule = P.noun_before_cue(ctx, tok), R.RULE_NOUN_BEFORE_CUE
    frame_src = None
    if subj is None and (frame_src := P.inverted_frame_source(ctx, tok)) is not None:
        subj, src_rule = frame_src[0], R.RULE_INVERTED_FRAME
    if subj is None and (frame_src := P.frame_source_before_cue(ctx, tok)) is not None:
        subj, src_rule = frame_src[0], R.RULE_FRAME_SOURCE
    if subj is None or ctx.tok_para[subj.i] != para:
        return []
    src_toks = frame_src[1] if frame_src is not None else _source_tokens(ctx, subj, para)
    if src_rule == R.RULE_NOUN_BEFORE_CUE:  # "“...,” Gene Sperling, a ... adviser, said": the parse hung
        quoted = [k for k, t in enumerate(src_toks) if ctx.quote_at(t.idx) is not None]  # the quote on it
        src_toks = src_toks[quoted[-1] + 1:] if quoted else src_toks
    src = T.envelope(src_toks)
    if src is None:
        return []
    cue = _cue_span(tok)
    lemma = tok.lemma_.lower()
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "prep" and nxt.lower_ in R.PREP_CUES.get(lemma, ()):
        cue = (cue[0], max(cue[1], T.tok_end(nxt)))  # rule cue.verb-preposition: "called on X to Y"
    keep_out = (min(cue[0], src[0]), max(cue[1], src[1]))
    content_toks: list = []
    rule = R.RULE_VERB_CLAUSE
    split_quote = T.adjacent_quote_before(ctx, keep_out[0], para)
    if tok.dep_ == "parataxis" and split_quote is not None and ctx.text[ctx.para_starts[para]:split_quote.start].strip() == "":
        pass  # “Q1,” he said, “Q2.”: the quotes on both sides, not the clause around the cue
    elif tok.dep_ == "parataxis" and ctx.tok_para[tok.head.i] == para:
        content_toks = T.same_para(ctx, list(tok.head.subtree), para)
        rule = R.RULE_PARATAXIS
        intro = [t for t in content_toks if T.tok_end(t) <= keep_out[0]]
        rest = [t for t in content_toks if t.idx >= keep_out[1]]
        if intro and rest and not any(t.i == tok.head.i or (t.head.i == tok.head.i and t.dep_ in R.INTRO_KEEP_DEPS)
                                      for t in intro):
            # "But, he said, X" / "If ..., he warned, X": the part before the cue holds no subject of
            # the clause (only an introduction): the content is what follows the cue
            content_toks = rest
            rule = R.RULE_PARATAXIS_AFTER_INTRO
    else:
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and ctx.tok_para[c.i] == para]
        if not clauses:
            clauses = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in R.CLAUSE_POS and ctx.tok_para[c.i] == para
                       and lemma not in R.CLAUSE_ONLY_CUES]
            if clauses:  # rule content.object-and-infinitive: "urged him to resign" -> "him to resign"
                clauses = [c for c in tok.children if c.dep_ in R.INFINITIVE_OBJECT_DEPS and tok.i < c.i < clauses[0].i
                           and ctx.tok_para[c.i] == para] + clauses
        if not clauses:  # "said in a statement that ..."
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in R.STATEMENT_NOUNS):
                    clauses = [c for c in pobj.children if c.dep_ in ("acl", "relcl") and ctx.tok_para[c.i] == para
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
                    rule = R.RULE_IN_STATEMENT if clauses else rule
        if not clauses and (clauses := P.that_clause_in_prep(ctx, tok, para) or []):
            rule = R.RULE_THAT_CLAUSE_IN_PREP
        generic = learned and lemma not in R.CUE_VERBS and lemma not in R.PREP_CUES
        evidence = lemma in R.EVIDENCE_CUES and subj.lemma_.lower() in R.EVIDENCE_SUBJECTS  # content.evidence-object
        if not clauses and (lemma in R.DOBJ_CUES or generic or evidence):
            objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i and ctx.tok_para[c.i] == para]
            if objs:
                clauses = [c for c in tok.children if c.i > tok.i and ctx.tok_para[c.i] == para and (
                    c.dep_ in R.DOBJ_CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ not in R.DOBJ_PREPS_NOT_CONTENT
                                                      and c.i > objs[0].i))]
        if not clauses and (lemma in R.PREP_CUES or generic):
            preps = [c for c in tok.children if c.dep_ in ("prep", "prt") and (generic or c.lower_ in R.PREP_CUES[lemma])
                     and c.i > tok.i and ctx.tok_para[c.i] == para]
            if preps:
                p = preps[0]
                cue = (cue[0], T.tok_end(p))
                clauses = [c for c in p.children if c.dep_ in ("pobj", "pcomp")] if p.dep_ == "prep" else [
                    c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > p.i]
                clauses += [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > p.i]
        for c in clauses:
            content_toks.extend(T.same_para(ctx, list(c.subtree), para))
        if clauses:
            last = max(c.i for c in clauses)
            for c in tok.children:  # "... “has generally ended,” but what remains is ..."
                if c.dep_ == "conj" and c.i > last and ctx.tok_para[c.i] == para and not T.is_cue(c) and any(
                    g.dep_ in R.SUBJECT_DEPS for g in c.children
                ) and any(g.dep_ == "cc" and g.lower_ in R.CONTENT_CONJ_WORDS and last < g.i < c.i for g in tok.children):
                    content_toks.extend(t for t in c.subtree if ctx.tok_para[t.i] == para)
                    content_toks.extend(g for g in tok.children if g.dep_ == "cc" and last < g.i < c.i)
    span = None
    # a trailing "..., according to X" is its own attribution, not part of this content
    for acc in [t for t in content_toks if t.lower_ == R.ACCORDING_TO[0]]:
        drop = {t.i for t in acc.subtree}
        content_toks = [t for t in content_toks if t.i not in drop]
    if content_toks:
        # never let the content swallow the source or the cue
        content_toks = [t for t in content_toks if not (keep_out[0] <= t.idx < keep_out[1])] if rule != R.RULE_PARATAXIS else content_toks
        content_toks = T.trim(ctx, _cut_trailing_relative(ctx, T.trim(ctx, content_toks)))
        span = T.envelope(content_toks)
        if span is not None and rule != R.RULE_PARATAXIS and span[0] < keep_out[0] < span[1]:
            # clause on both sides of the cue: keep the part before it
            before = [t for t in content_toks if T.tok_end(t) <= keep_out[0]]
            span = T.envelope(T.trim(ctx, before))
    if span is not None and tok.dep_ != "parataxis":
        span, rule = P.quote_frame(ctx, tok, keep_out, para, span, rule)
    if span is None:
        q = T.adjacent_quote_before(ctx, keep_out[0], para)
        rule = R.RULE_VERB_QUOTE_BEFORE
        if q is None:
            q = T.adjacent_quote_after(ctx, _sentence_cue_end(ctx, tok, keep_out[1]), para)
            rule = R.RULE_VERB_QUOTE_AFTER
        if q is None and (q := P.quote_after_cue_phrase(ctx, tok, keep_out[1], para)) is not None:
            rule = R.RULE_VERB_PHRASE_QUOTE
        if q is not None:
            span = (q.start, q.end)
        elif (toks := P.as_clause_content(ctx, tok, para, src)) is not None:
            span, rule = T.envelope(toks), R.RULE_AS_CLAUSE
        elif (toks := P.sentence_before_cue(ctx, tok, para, src)) is not None:
            span, rule = T.envelope(toks), R.RULE_SENTENCE_BEFORE_CUE
        elif (found := P.head_clause_content(ctx, tok, para, src)) is not None:
            span, rule = T.envelope(found[0]), found[1]
        if span is None:
            return []
    span, touched = T.snap_to_quotes(ctx, span, keep_out if rule != R.RULE_PARATAXIS else (cue[0], cue[0]))
    kind = T.kind(ctx, span, touched)
    if learned and lemma not in R.CUE_VERBS and lemma not in R.DOBJ_CUES and lemma not in R.PREP_CUES:
        rule = R.LEARNED_PREFIX + rule  # the learned cue model, not a word list, made this verb a cue
    if src_rule is not None:
        rule = f"{rule}+{src_rule}"
    cand = Candidate(kind, cue, span, src, rule, source_head=subj.i, cue_token=tok.i, quotes=touched)
    out = [cand]
    # “Q1,” said X. “Q2.”: the next quote right after the cue's sentence continues the statement
    if rule == R.RULE_VERB_QUOTE_BEFORE or (touched and span[1] <= keep_out[0]):
        sent_end = T.tok_end(tok.sent[-1]) if tok.sent[-1].i >= tok.i else keep_out[1]
        k = bisect.bisect_left(ctx.quote_starts, keep_out[1])
        nxt = ctx.quotes[k] if k < len(ctx.quotes) else None
        right_after = not ctx.text[keep_out[1]:nxt.start].strip(" ,:") if nxt is not None else False
        if nxt is not None and nxt.end - nxt.start > 2 and ctx.para(nxt.start) == para and (
                right_after or (nxt.start >= sent_end - 1 and not ctx.text[sent_end:nxt.start].strip())):
            out.append(Candidate("direct", cue, (nxt.start, nxt.end), src, R.RULE_QUOTE_CONTINUES,
                                 source_head=subj.i, cue_token=tok.i, quotes=[nxt]))
    return out


def _cut_trailing_relative(ctx: T.Ctx, toks: list) -> list:
    """Rule ``content.no-trailing-relative``: a comma-set relative clause closing the content
    ("... the final bill, which includes ...") describes its last noun; the statement ends before it."""
    if len(toks) < 4 or any(T.is_quote_tok(t) for t in toks):
        return toks
    doc = toks[0].doc
    last = toks[-1].i
    for k, t in enumerate(toks[1:], 1):
        if t.lower_ in R.TRAILING_RELATIVE_WORDS and doc[t.i - 1].text == "," and t.head.dep_ == "relcl" \
                and max(x.i for x in t.head.subtree) >= last and t.head.head.i < t.i:
            return toks[:k]
        # rule content.no-trailing-apposition: "... jobs, a mass layoff rivaling ..."
        if t.dep_ == "det" and t.lower_ in R.TRAILING_APPOSITION_DETS and doc[t.i - 1].text == "," \
                and t.head.dep_ == "appos" and t.head.head.i < t.i and max(x.i for x in t.head.subtree) >= last:
            return toks[:k]
    return toks


def _asked_candidate(ctx: T.Ctx, tok) -> Candidate | None:
    """Rule ``cue.asked``: "Asked (by X) whether/what ..., he said": the question is a content
    whose source is the asker (the passive's agent) or nobody."""
    if tok.lemma_.lower() not in R.QUESTION_CUES or tok.tag_ != "VBN":
        return None
    aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i < tok.i]  # "he was asked about X"
    if T.subject(tok) is not None and not aux:
        return None
    para = ctx.tok_para[tok.i]
    cue = ((aux[0] if aux else tok).idx, T.tok_end(tok))
    clauses = [c for c in tok.children if c.dep_ in R.QUESTION_CONTENT_DEPS and c.i > tok.i and ctx.tok_para[c.i] == para]
    about = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in R.QUESTION_PREPS and c.i == tok.i + 1]
    if not clauses and about:  # rule cue.asked-about: "Asked about X" -> cue "Asked about", content X
        clauses = [c for c in about[0].children if c.dep_ in ("pobj", "pcomp")]
        cue = (cue[0], T.tok_end(about[0]))
    if not clauses:
        return None
    content = T.envelope(T.trim(ctx, [t for c in clauses for t in c.subtree if ctx.tok_para[t.i] == para],
                              drop_leading_that=False))
    if content is None:
        return None
    src, head = None, None
    for a in (c for c in tok.children if c.dep_ == "agent"):
        for p in (c for c in a.children if c.dep_ == "pobj"):
            src, head = T.envelope(T.same_para(ctx, list(p.subtree), para)), p.i
    content, touched = T.snap_to_quotes(ctx, content, cue)
    return Candidate(T.kind(ctx, content, touched), cue, content, src, R.RULE_ASKED, source_head=head,
                     cue_token=tok.i, quotes=touched)


def _hedge_candidate(ctx: T.Ctx, tok) -> Candidate | None:
    """Rule ``cue.hedge``: "X seemed ready to ...", "X is expected to ...": sourceless; the content
    is the complement after the verb."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return None
    cue = (tok.idx, T.tok_end(tok))
    if lemma in R.HEDGE_PASSIVE_CUES:
        aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i < tok.i]
        if tok.tag_ != "VBN" or not aux:
            return None
        cue = (aux[0].idx, cue[1])
    elif lemma not in R.HEDGE_CUES:
        return None
    para = ctx.tok_para[tok.i]
    comps = [c for c in tok.children if c.i > tok.i and ctx.tok_para[c.i] == para and (
        c.dep_ in R.HEDGE_COMPLEMENT_DEPS or (c.dep_ == "prep" and c.lower_ == "like"))]
    if not comps or (lemma in R.HEDGE_PASSIVE_CUES and comps[0].dep_ != "xcomp"):
        return None
    toks = T.trim(ctx, [t for c in comps[:1] for t in c.subtree if ctx.tok_para[t.i] == para], drop_leading_that=False)
    toks = _cut_trailing_relative(ctx, toks)
    content = T.envelope(toks)
    if content is None:
        return None
    content, touched = T.snap_to_quotes(ctx, content, cue)
    return Candidate(T.kind(ctx, content, touched), cue, content, None, R.RULE_HEDGE, cue_token=tok.i, quotes=touched)


def _sentence_cue_end(ctx: T.Ctx, tok, pos: int) -> int:
    """End of the cue phrase: 'said:' / 'said Saturday:' up to the colon when there is one."""
    for t in tok.sent:
        if t.i > tok.i and t.text == ":":
            return T.tok_end(t)
    return pos


def _according_candidate(ctx: T.Ctx, tok) -> Candidate | None:
    nxt = tok.nbor(1) if tok.i + 1 < len(ctx.sdoc) else None
    if nxt is None or nxt.lower_ != R.ACCORDING_TO[1]:
        return None
    para = ctx.tok_para[tok.i]
    phrase = T.same_para(ctx, list(tok.subtree), para)
    src_toks = T.trim(ctx, [t for t in phrase if t.i > nxt.i], drop_leading_that=False)
    src = T.envelope(src_toks)
    if src is None:
        return None
    head = tok.head
    if head is tok:
        return None
    # the clause the phrase modifies, without the phrase itself
    phrase_ids = {t.i for t in phrase}
    clause = [t for t in head.sent if t.i not in phrase_ids and ctx.tok_para[t.i] == para] if head.dep_ == "ROOT" else [
        t for t in head.subtree if t.i not in phrase_ids and ctx.tok_para[t.i] == para
    ]
    clause = T.trim(ctx, clause, drop_connectives=True)
    rule = R.RULE_ACCORDING_TO
    if any(t.i < tok.i for t in clause) and any(t.i > tok.i for t in clause) and \
            (before := T.trim(ctx, [t for t in clause if t.i < tok.i])) and any(t.pos_ in R.CLAUSE_POS for t in before):
        clause = before  # "X did Y, according to Z, although ...": the part before the phrase
        rule = R.RULE_ACCORDING_TO_MIDCLAUSE
    content = T.envelope(clause)
    if content is None:
        return None
    cue = (tok.idx, T.tok_end(nxt))
    prev = ctx.sdoc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in R.ACCORDING_TO_COPULA and prev.idx + len(prev.text) == tok.idx - 1:
        cue = (prev.idx, cue[1])  # rule cue.according-to-copula: "That's according to X"
    content, touched = T.snap_to_quotes(ctx, content, (cue[0], src[1]))
    head_tok = src_toks[-1].head if src_toks else None
    # the source's syntactic head: the pobj of "to"
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), head_tok)
    return Candidate("according-to", cue, content, src, rule,
                     source_head=pobj.i if pobj is not None else None, cue_token=tok.i, quotes=touched)


def _in_poll_candidate(ctx: T.Ctx, tok) -> Candidate | None:
    """Rule ``cue.in-poll``: "In the latest CNN poll, 31% of Republicans said ...": cue "In", the
    poll is the source and the clause it opens the content."""
    head = tok.head
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if tok.dep_ != "prep" or pobj is None or pobj.lemma_.lower() not in R.POLL_NOUNS or head.pos_ not in R.CLAUSE_POS \
            or head.i < tok.i or T.is_cue(head):  # "In a study, X found ...": the verb's own attribution
        return None
    para = ctx.tok_para[tok.i]
    phrase = {t.i for t in tok.subtree}
    clause = T.trim(ctx, [t for t in head.subtree if t.i not in phrase and t.i > tok.i and ctx.tok_para[t.i] == para],
                   drop_connectives=True)
    src, content = T.envelope(T.same_para(ctx, list(pobj.subtree), para)), T.envelope(clause)
    if src is None or content is None:
        return None
    cue = (tok.idx, T.tok_end(tok))
    content, touched = T.snap_to_quotes(ctx, content, (cue[0], src[1]))
    return Candidate(T.kind(ctx, content, touched), cue, content, src, R.RULE_IN_POLL, source_head=pobj.i,
                     cue_token=tok.i, quotes=touched)


def cue_features(ctx: T.Ctx, tok) -> list[str]:
    """Features of ``tok`` for the learned cue model (see :mod:`.cue_model`)."""
    from .models.cue_model import token_features

    doc = ctx.sdoc
    before = any(T.is_quote_tok(doc[j]) for j in range(max(0, tok.i - 4), tok.i))
    after = any(T.is_quote_tok(doc[j]) for j in range(tok.i + 1, min(len(doc), tok.i + 4)))
    return token_features(tok, ctx.quote_at(tok.idx) is not None, before, after)


def find_candidates(sdoc, text: str, paragraphs: list[tuple[int, int]] | None = None, cue_model=None,
                    headline: bool = False) -> list[Candidate]:
    """Attribution candidates in document order (one per cue; never raises on odd text).

    With ``cue_model`` (a :class:`.cue_model.CueModel`) the model decides which verbs are cues
    (rule ``cue.learned``); without it the word lists of :mod:`.rules` do.
    ``headline``: ``text`` is a title line (``cue.headline-colon``)."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    ctx = T.Ctx(sdoc, text, paragraphs, find_quotes(text, paragraphs))
    out: list[Candidate] = []
    for tok in sdoc:
        if tok.lower_ == R.ACCORDING_TO[0]:
            cand = _according_candidate(ctx, tok)
            if cand is not None:
                out.append(cand)
        elif T.inside_closed_quote(ctx, tok):  # rule cue.not-inside-quote
            continue
        elif (asked := _asked_candidate(ctx, tok)) is not None:
            out.append(asked)
        elif tok.lower_ == R.POLL_PREP and (in_poll := _in_poll_candidate(ctx, tok)) is not None:
            out.append(in_poll)
        elif (hedge := _hedge_candidate(ctx, tok)) is not None:
            out.append(hedge)
        elif cue_model is not None:
            if tok.pos_ == "VERB" and tok.lemma_.lower() not in R.NEVER_CUES and _stance_ok(tok) and cue_model.accepts(cue_features(ctx, tok)):
                out.extend(_verb_candidate(ctx, tok, learned=True))
        elif T.is_cue(tok):
            out.extend(_verb_candidate(ctx, tok))
    out.extend(P.label_colon_candidates(ctx, paragraphs, headline))
    for cand in out:
        cand.complementizer = P.complementizer(ctx, cand.content)
    return _dedupe(out)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen: set[tuple] = set()
    out = []
    for c in sorted(cands, key=lambda c: (c.content[0], c.cue[0])):
        key = (c.content, c.cue)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
