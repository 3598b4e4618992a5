"""Finding quotes and attribution candidates (source, cue, content) in a parsed article.

Two layers:

* :func:`find_quotes` (:mod:`.quote_marks`) finds quoted stretches in every mark style.
* :func:`find_candidates` walks the spaCy dependency parse for cue verbs ("said", "notes",
  inverted "said X", "..., he adds, ...") and "according to X", takes the source from the
  verb's subject and the content from its clause or the adjacent quote, and snaps the content
  to any quote it touches.

Offsets are character offsets into the clean text; ``attribution.py`` turns them into spans
and resolves speakers.  Word lists and rule names live in :mod:`.attribution_rules`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from . import attribution_rules as R
from . import quote_cues as M  # more cue patterns (step 3d); it imports this module's helpers lazily
from .quote_marks import Quote, _paragraphs, find_quotes  # noqa: F401 (re-exported)


@dataclass(slots=True)
class Candidate:
    kind: str
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    rule: str
    source_head: int | None = None  # token index of the source's head (for speaker resolution)
    cue_token: int | None = None
    quotes: list[Quote] = field(default_factory=list)
    complementizer: tuple[int, int] | None = None  # the "that" left out of the content (rule content.complementizer)


# ---------------------------------------------------------------------------------------------
# candidates from the parse
# ---------------------------------------------------------------------------------------------
class _Ctx:
    def __init__(self, sdoc, text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]):
        self.sdoc = sdoc
        self.text = text
        self.para_starts = [p[0] for p in paragraphs]
        self.quotes = quotes
        self.quote_starts = [q.start for q in quotes]
        self.tok_para = [self.para(t.idx) for t in sdoc]
        self.tok_starts = [t.idx for t in sdoc]

    def para(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def quote_at(self, char: int) -> Quote | None:
        """The quote holding ``char`` (quotes never overlap: bisect on their starts)."""
        k = bisect.bisect_right(self.quote_starts, char) - 1
        if k >= 0 and self.quotes[k].start <= char < self.quotes[k].end:
            return self.quotes[k]
        return None


def _tok_end(t) -> int:
    return t.idx + len(t.text)


def _is_quote_tok(t) -> bool:
    return all(ch in R.ALL_QUOTE_CHARS for ch in t.text)


def _envelope(tokens) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    return min(t.idx for t in toks), max(_tok_end(t) for t in toks)


def _trim(ctx: _Ctx, toks: list, drop_leading_that: bool = True, drop_connectives: bool = False) -> list:
    """Drop leading/trailing punctuation (keeping quote marks), a leading 'that', leading connectives."""
    toks = sorted((t for t in toks if not t.is_space), key=lambda t: t.i)
    while toks and (
        (toks[0].is_punct and not _is_quote_tok(toks[0]))
        or (drop_leading_that and toks[0].lower_ in R.CONTENT_LEADING_DROP and toks[0].dep_ == "mark")
        or (drop_connectives and toks[0].dep_ in ("cc", "advmod") and len(toks) > 1 and toks[1].text == ",")
        or (drop_connectives and toks[0].dep_ == "cc")
    ):
        toks = toks[1:]
    while toks and toks[-1].is_punct and not _is_quote_tok(toks[-1]) and not (
        toks[-1].text in R.KEEP_TRAILING_PUNCT or (toks[-1].text == ")" and any(t.text == "(" for t in toks))
    ):
        toks = toks[:-1]
    return toks


def _same_para(ctx: _Ctx, toks, para: int) -> list:
    return [t for t in toks if ctx.tok_para[t.i] == para]


def _snap_to_quotes(ctx: _Ctx, span: tuple[int, int], keep_out: tuple[int, int]) -> tuple[tuple[int, int], list[Quote]]:
    """Grow ``span`` to cover every quote it touches, except a quote holding ``keep_out`` (cue/source)."""
    s, e = span
    touched: list[Quote] = []
    changed = True
    while changed:
        changed = False
        lo = max(0, bisect.bisect_right(ctx.quote_starts, s) - 1)
        hi = bisect.bisect_left(ctx.quote_starts, e)
        for q in ctx.quotes[lo:hi]:
            if q.end <= s or q.start >= e or q in touched:
                continue
            if q.start <= keep_out[0] < q.end or q.start < keep_out[1] <= q.end:
                continue
            touched.append(q)
            if q.start < s or q.end > e:
                s, e = min(s, q.start), max(e, q.end)
                changed = True
    return (s, e), touched


def _kind(ctx: _Ctx, span: tuple[int, int], touched: list[Quote]) -> str:
    if not touched:
        return "indirect"
    s, e = span
    pos = s
    for q in sorted(touched, key=lambda q: q.start):
        gap = ctx.text[pos:q.start]
        if gap.strip(" ,;:\u2014\u2013-\n"):
            return "mixed"
        pos = max(pos, q.end)
    return "direct" if not ctx.text[pos:e].strip(" ,.;:\n") else "mixed"


def _subject(tok):
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and not c.is_punct and not _is_quote_tok(c):
            return c
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            for a in c.head.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            return p
            return None
    # shared subject: "... and said", "..., saying"
    if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
        if tok.dep_ == "advcl" and tok.tag_ != "VBG":
            return None
        return _subject(tok.head)
    return None


def _is_cue(tok) -> bool:
    if tok.pos_ not in ("VERB",):
        return False
    lemma = tok.lemma_.lower()
    if lemma in R.CUE_VERBS or lemma in R.DOBJ_CUES or lemma in R.PREP_CUES:
        return True
    return any(c.dep_ == "prt" and (lemma, c.lower_) in R.PHRASAL_CUES for c in tok.children)


def _stance_ok(tok) -> bool:
    """Rule cue.stance-present: "support"/"back" are cues only in the present or as "-ing"."""
    return tok.lemma_.lower() not in R.STANCE_VERBS or tok.tag_ in R.STANCE_TAGS


def _cue_span(tok) -> tuple[int, int]:
    """The verb with its auxiliaries/negation/adverbs right before it ("has also said") and a
    particle or colon right after it ("pointed out", "added:")."""
    s, e = tok.idx, _tok_end(tok)
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
        e = _tok_end(doc[j])
        j += 1
    if j < len(doc) and doc[j].text == ":":
        e = _tok_end(doc[j])
    elif j < len(doc) and doc[j].head.i == tok.i and doc[j].dep_ == "prep" and doc[j].lower_ == R.CUE_PHRASE_PREP:
        objs = [c for c in doc[j].children if c.dep_ == "pobj" and c.lemma_.lower() in R.CUE_PHRASE_NOUNS]
        if objs and all(doc[k].head.i == objs[0].i for k in range(j + 1, objs[0].i)):  # rule cue.with-statement-phrase
            e = _tok_end(objs[0])
    return s, e


def _source_tokens(ctx: _Ctx, subj, para: int) -> list:
    """The subject's words: without relative clauses on its head ("Priebus, who has ..."), a
    relative pronoun replaced by its antecedent, a leading dateline ("CLEVELAND - ") dropped, a
    closing comma/parenthesis kept when the source opened one ("X, a strategist,")."""
    if subj.tag_ in R.RELATIVE_SOURCE_TAGS and subj.head.dep_ == "relcl":
        return [subj]  # rule source.relative-pronoun: "Barkley, who said ...": the source is "who"
    drop: set[int] = set()
    for c in subj.children:
        if c.dep_ in R.SOURCE_DROP_CHILD_DEPS and c.i > subj.i:
            drop.update(t.i for t in c.subtree)
    toks = [t for t in _same_para(ctx, list(subj.subtree), para) if t.i not in drop]
    toks = _trim(ctx, toks, drop_leading_that=False)
    while toks and _is_quote_tok(toks[0]) and (q := ctx.quote_at(toks[0].idx)) is not None and q.end == _tok_end(toks[0]):
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


def _adjacent_quote_before(ctx: _Ctx, pos: int, para: int) -> Quote | None:
    best = None
    k = bisect.bisect_left(ctx.quote_starts, pos)
    for q in ctx.quotes[max(0, k - 3):k]:  # the quotes just before pos
        if q.end <= pos and ctx.para(q.start) <= para and ctx.para(q.end - 1) == para \
                and not ctx.text[q.end:pos].strip(" ,\u2014\u2013-"):
            best = q
    return best


def _adjacent_quote_after(ctx: _Ctx, pos: int, para: int) -> Quote | None:
    k = bisect.bisect_left(ctx.quote_starts, pos)
    for q in ctx.quotes[k:k + 1]:
        if q.start >= pos:
            gap = ctx.text[pos:q.start]
            if not gap.strip(" ,:\u2014\u2013-\n") and (ctx.para(q.start) == para or gap.strip(" \n").endswith(":") or
                                                        ctx.text[max(0, pos - 8):pos].rstrip().endswith(":")):
                return q
            return None
    return None


def _verb_candidate(ctx: _Ctx, tok, learned: bool = False) -> list[Candidate]:
    para = ctx.tok_para[tok.i]
    subj = _subject(tok)
    src_rule = None
    if subj is not None and subj.i < tok.i and (sq := ctx.quote_at(subj.idx)) is not None and sq.closed \
            and sq.end <= tok.idx:  # "“Q, I said,” Mr. Lund, now 81, said": the parse took a word of the quote
        subj = None
    if subj is None:
        subj, src_rule = M.survey_share_subject(tok), R.RULE_SURVEY_SHARE
    if subj is None:
        subj, src_rule = M.inverted_object_source(ctx, tok), R.RULE_INVERTED_OBJECT
    if subj is None:
        subj, src_rule = M.gerund_phrase_subject(tok), R.RULE_GERUND_PHRASE
    if subj is None and tok.lemma_.lower() not in R.QUESTION_CUES:  # "Asked by X ..." is cue.asked's
        subj, src_rule = M.agent_subject(tok), R.RULE_AGENT
    if subj is None:
        subj, src_rule = M.noun_before_cue(ctx, tok), R.RULE_NOUN_BEFORE_CUE
    frame_src = None
    if subj is None and (frame_src := M.inverted_frame_source(ctx, tok)) is not None:
        subj, src_rule = frame_src[0], R.RULE_INVERTED_FRAME
    if subj is None and (frame_src := M.frame_source_before_cue(ctx, tok)) is not None:
        subj, src_rule = frame_src[0], R.RULE_FRAME_SOURCE
    if subj is None or ctx.tok_para[subj.i] != para:
        return []
    src_toks = frame_src[1] if frame_src is not None else _source_tokens(ctx, subj, para)
    if src_rule == R.RULE_NOUN_BEFORE_CUE:  # "“...,” Gene Sperling, a ... adviser, said": the parse hung
        quoted = [k for k, t in enumerate(src_toks) if ctx.quote_at(t.idx) is not None]  # the quote on it
        src_toks = src_toks[quoted[-1] + 1:] if quoted else src_toks
    src = _envelope(src_toks)
    if src is None:
        return []
    cue = _cue_span(tok)
    lemma = tok.lemma_.lower()
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "prep" and nxt.lower_ in R.PREP_CUES.get(lemma, ()):
        cue = (cue[0], max(cue[1], _tok_end(nxt)))  # rule cue.verb-preposition: "called on X to Y"
    keep_out = (min(cue[0], src[0]), max(cue[1], src[1]))
    content_toks: list = []
    rule = R.RULE_VERB_CLAUSE
    split_quote = _adjacent_quote_before(ctx, keep_out[0], para)
    if tok.dep_ == "parataxis" and split_quote is not None and ctx.text[ctx.para_starts[para]:split_quote.start].strip() == "":
        pass  # “Q1,” he said, “Q2.”: the quotes on both sides, not the clause around the cue
    elif tok.dep_ == "parataxis" and ctx.tok_para[tok.head.i] == para:
        content_toks = _same_para(ctx, list(tok.head.subtree), para)
        rule = R.RULE_PARATAXIS
        intro = [t for t in content_toks if _tok_end(t) <= keep_out[0]]
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
        if not clauses and (clauses := M.that_clause_in_prep(ctx, tok, para) or []):
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
                cue = (cue[0], _tok_end(p))
                clauses = [c for c in p.children if c.dep_ in ("pobj", "pcomp")] if p.dep_ == "prep" else [
                    c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > p.i]
                clauses += [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > p.i]
        for c in clauses:
            content_toks.extend(_same_para(ctx, list(c.subtree), para))
        if clauses:
            last = max(c.i for c in clauses)
            for c in tok.children:  # "... “has generally ended,” but what remains is ..."
                if c.dep_ == "conj" and c.i > last and ctx.tok_para[c.i] == para and not _is_cue(c) and any(
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
        content_toks = _trim(ctx, _cut_trailing_relative(ctx, _trim(ctx, content_toks)))
        span = _envelope(content_toks)
        if span is not None and rule != R.RULE_PARATAXIS and span[0] < keep_out[0] < span[1]:
            # clause on both sides of the cue: keep the part before it
            before = [t for t in content_toks if _tok_end(t) <= keep_out[0]]
            span = _envelope(_trim(ctx, before))
    if span is not None and tok.dep_ != "parataxis":
        span, rule = M.quote_frame(ctx, tok, keep_out, para, span, rule)
    if span is None:
        q = _adjacent_quote_before(ctx, keep_out[0], para)
        rule = R.RULE_VERB_QUOTE_BEFORE
        if q is None:
            q = _adjacent_quote_after(ctx, _sentence_cue_end(ctx, tok, keep_out[1]), para)
            rule = R.RULE_VERB_QUOTE_AFTER
        if q is None and (q := M.quote_after_cue_phrase(ctx, tok, keep_out[1], para)) is not None:
            rule = R.RULE_VERB_PHRASE_QUOTE
        if q is not None:
            span = (q.start, q.end)
        elif (toks := M.as_clause_content(ctx, tok, para, src)) is not None:
            span, rule = _envelope(toks), R.RULE_AS_CLAUSE
        elif (toks := M.sentence_before_cue(ctx, tok, para, src)) is not None:
            span, rule = _envelope(toks), R.RULE_SENTENCE_BEFORE_CUE
        elif (found := M.head_clause_content(ctx, tok, para, src)) is not None:
            span, rule = _envelope(found[0]), found[1]
        if span is None:
            return []
    span, touched = _snap_to_quotes(ctx, span, keep_out if rule != R.RULE_PARATAXIS else (cue[0], cue[0]))
    kind = _kind(ctx, span, touched)
    if learned and lemma not in R.CUE_VERBS and lemma not in R.DOBJ_CUES and lemma not in R.PREP_CUES:
        rule = R.LEARNED_PREFIX + rule  # the learned cue model, not a word list, made this verb a cue
    if src_rule is not None:
        rule = f"{rule}+{src_rule}"
    cand = Candidate(kind, cue, span, src, rule, source_head=subj.i, cue_token=tok.i, quotes=touched)
    out = [cand]
    # “Q1,” said X. “Q2.”: the next quote right after the cue's sentence continues the statement
    if rule == R.RULE_VERB_QUOTE_BEFORE or (touched and span[1] <= keep_out[0]):
        sent_end = _tok_end(tok.sent[-1]) if tok.sent[-1].i >= tok.i else keep_out[1]
        k = bisect.bisect_left(ctx.quote_starts, keep_out[1])
        nxt = ctx.quotes[k] if k < len(ctx.quotes) else None
        right_after = not ctx.text[keep_out[1]:nxt.start].strip(" ,:") if nxt is not None else False
        if nxt is not None and nxt.end - nxt.start > 2 and ctx.para(nxt.start) == para and (
                right_after or (nxt.start >= sent_end - 1 and not ctx.text[sent_end:nxt.start].strip())):
            out.append(Candidate("direct", cue, (nxt.start, nxt.end), src, R.RULE_QUOTE_CONTINUES,
                                 source_head=subj.i, cue_token=tok.i, quotes=[nxt]))
    return out


def _cut_trailing_relative(ctx: _Ctx, toks: list) -> list:
    """Rule ``content.no-trailing-relative``: a comma-set relative clause closing the content
    ("... the final bill, which includes ...") describes its last noun; the statement ends before it."""
    if len(toks) < 4 or any(_is_quote_tok(t) for t in toks):
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


def _asked_candidate(ctx: _Ctx, tok) -> Candidate | None:
    """Rule ``cue.asked``: "Asked (by X) whether/what ..., he said": the question is a content
    whose source is the asker (the passive's agent) or nobody."""
    if tok.lemma_.lower() not in R.QUESTION_CUES or tok.tag_ != "VBN":
        return None
    aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i < tok.i]  # "he was asked about X"
    if _subject(tok) is not None and not aux:
        return None
    para = ctx.tok_para[tok.i]
    cue = ((aux[0] if aux else tok).idx, _tok_end(tok))
    clauses = [c for c in tok.children if c.dep_ in R.QUESTION_CONTENT_DEPS and c.i > tok.i and ctx.tok_para[c.i] == para]
    about = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in R.QUESTION_PREPS and c.i == tok.i + 1]
    if not clauses and about:  # rule cue.asked-about: "Asked about X" -> cue "Asked about", content X
        clauses = [c for c in about[0].children if c.dep_ in ("pobj", "pcomp")]
        cue = (cue[0], _tok_end(about[0]))
    if not clauses:
        return None
    content = _envelope(_trim(ctx, [t for c in clauses for t in c.subtree if ctx.tok_para[t.i] == para],
                              drop_leading_that=False))
    if content is None:
        return None
    src, head = None, None
    for a in (c for c in tok.children if c.dep_ == "agent"):
        for p in (c for c in a.children if c.dep_ == "pobj"):
            src, head = _envelope(_same_para(ctx, list(p.subtree), para)), p.i
    content, touched = _snap_to_quotes(ctx, content, cue)
    return Candidate(_kind(ctx, content, touched), cue, content, src, R.RULE_ASKED, source_head=head,
                     cue_token=tok.i, quotes=touched)


def _hedge_candidate(ctx: _Ctx, tok) -> Candidate | None:
    """Rule ``cue.hedge``: "X seemed ready to ...", "X is expected to ...": sourceless; the content
    is the complement after the verb."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return None
    cue = (tok.idx, _tok_end(tok))
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
    toks = _trim(ctx, [t for c in comps[:1] for t in c.subtree if ctx.tok_para[t.i] == para], drop_leading_that=False)
    toks = _cut_trailing_relative(ctx, toks)
    content = _envelope(toks)
    if content is None:
        return None
    content, touched = _snap_to_quotes(ctx, content, cue)
    return Candidate(_kind(ctx, content, touched), cue, content, None, R.RULE_HEDGE, cue_token=tok.i, quotes=touched)


def _sentence_cue_end(ctx: _Ctx, tok, pos: int) -> int:
    """End of the cue phrase: 'said:' / 'said Saturday:' up to the colon when there is one."""
    for t in tok.sent:
        if t.i > tok.i and t.text == ":":
            return _tok_end(t)
    return pos


def _according_candidate(ctx: _Ctx, tok) -> Candidate | None:
    nxt = tok.nbor(1) if tok.i + 1 < len(ctx.sdoc) else None
    if nxt is None or nxt.lower_ != R.ACCORDING_TO[1]:
        return None
    para = ctx.tok_para[tok.i]
    phrase = _same_para(ctx, list(tok.subtree), para)
    src_toks = _trim(ctx, [t for t in phrase if t.i > nxt.i], drop_leading_that=False)
    src = _envelope(src_toks)
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
    clause = _trim(ctx, clause, drop_connectives=True)
    rule = R.RULE_ACCORDING_TO
    if any(t.i < tok.i for t in clause) and any(t.i > tok.i for t in clause) and \
            (before := _trim(ctx, [t for t in clause if t.i < tok.i])) and any(t.pos_ in R.CLAUSE_POS for t in before):
        clause = before  # "X did Y, according to Z, although ...": the part before the phrase
        rule = R.RULE_ACCORDING_TO_MIDCLAUSE
    content = _envelope(clause)
    if content is None:
        return None
    cue = (tok.idx, _tok_end(nxt))
    prev = ctx.sdoc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in R.ACCORDING_TO_COPULA and prev.idx + len(prev.text) == tok.idx - 1:
        cue = (prev.idx, cue[1])  # rule cue.according-to-copula: "That's according to X"
    content, touched = _snap_to_quotes(ctx, content, (cue[0], src[1]))
    head_tok = src_toks[-1].head if src_toks else None
    # the source's syntactic head: the pobj of "to"
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), head_tok)
    return Candidate("according-to", cue, content, src, rule,
                     source_head=pobj.i if pobj is not None else None, cue_token=tok.i, quotes=touched)


def _in_poll_candidate(ctx: _Ctx, tok) -> Candidate | None:
    """Rule ``cue.in-poll``: "In the latest CNN poll, 31% of Republicans said ...": cue "In", the
    poll is the source and the clause it opens the content."""
    head = tok.head
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if tok.dep_ != "prep" or pobj is None or pobj.lemma_.lower() not in R.POLL_NOUNS or head.pos_ not in R.CLAUSE_POS \
            or head.i < tok.i or _is_cue(head):  # "In a study, X found ...": the verb's own attribution
        return None
    para = ctx.tok_para[tok.i]
    phrase = {t.i for t in tok.subtree}
    clause = _trim(ctx, [t for t in head.subtree if t.i not in phrase and t.i > tok.i and ctx.tok_para[t.i] == para],
                   drop_connectives=True)
    src, content = _envelope(_same_para(ctx, list(pobj.subtree), para)), _envelope(clause)
    if src is None or content is None:
        return None
    cue = (tok.idx, _tok_end(tok))
    content, touched = _snap_to_quotes(ctx, content, (cue[0], src[1]))
    return Candidate(_kind(ctx, content, touched), cue, content, src, R.RULE_IN_POLL, source_head=pobj.i,
                     cue_token=tok.i, quotes=touched)


def cue_features(ctx: _Ctx, tok) -> list[str]:
    """Features of ``tok`` for the learned cue model (see :mod:`.cue_model`)."""
    from .cue_model import token_features

    doc = ctx.sdoc
    before = any(_is_quote_tok(doc[j]) for j in range(max(0, tok.i - 4), tok.i))
    after = any(_is_quote_tok(doc[j]) for j in range(tok.i + 1, min(len(doc), tok.i + 4)))
    return token_features(tok, ctx.quote_at(tok.idx) is not None, before, after)


def _inside_closed_quote(ctx: _Ctx, tok) -> bool:
    """Cues inside a quote are the quoted speaker's words, not attributions; an unclosed quote
    (a missing closing mark) does not count: its cue usually ends the quote ("..., said X")."""
    q = ctx.quote_at(tok.idx)
    return q is not None and q.closed


def find_candidates(sdoc, text: str, paragraphs: list[tuple[int, int]] | None = None, cue_model=None,
                    headline: bool = False) -> list[Candidate]:
    """Attribution candidates in document order (one per cue; never raises on odd text).

    With ``cue_model`` (a :class:`.cue_model.CueModel`) the model decides which verbs are cues
    (rule ``cue.learned``); without it the word lists of :mod:`.attribution_rules` do.
    ``headline``: ``text`` is a title line (``cue.headline-colon``)."""
    if paragraphs is None:
        paragraphs = _paragraphs(text)
    ctx = _Ctx(sdoc, text, paragraphs, find_quotes(text, paragraphs))
    out: list[Candidate] = []
    for tok in sdoc:
        if tok.lower_ == R.ACCORDING_TO[0]:
            cand = _according_candidate(ctx, tok)
            if cand is not None:
                out.append(cand)
        elif _inside_closed_quote(ctx, tok):  # rule cue.not-inside-quote
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
        elif _is_cue(tok):
            out.extend(_verb_candidate(ctx, tok))
    out.extend(M.label_colon_candidates(ctx, paragraphs, headline))
    for cand in out:
        cand.complementizer = M.complementizer(ctx, cand.content)
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
