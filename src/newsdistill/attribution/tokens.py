"""Shared helpers of candidate finding: the per-document context, token and span helpers, and
the :class:`Candidate` every finder returns.

Used by :mod:`.candidates` (the cue-verb walk), :mod:`.patterns` (the named cue, source and
content patterns) and :mod:`.models.combine` (the learned models' spans joined to the rules').
Offsets are character offsets into the clean text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from . import rules as R
from .marks import Quote


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


def paragraph_index(starts: list[int], char: int) -> int:
    """Index of the paragraph holding ``char``, given the paragraphs' sorted start offsets (0
    before the first); the one lookup of the candidate finders, the gate and the combiner."""
    return max(0, bisect.bisect_right(starts, char) - 1)


class Ctx:
    def __init__(self, sdoc, text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]):
        self.sdoc = sdoc
        self.text = text
        self.para_starts = [p[0] for p in paragraphs]
        self.quotes = quotes
        self.quote_starts = [q.start for q in quotes]
        self.tok_para = [self.para(t.idx) for t in sdoc]
        self.tok_starts = [t.idx for t in sdoc]

    def para(self, char: int) -> int:
        return paragraph_index(self.para_starts, char)

    def quote_at(self, char: int) -> Quote | None:
        """The quote holding ``char`` (quotes never overlap: bisect on their starts)."""
        k = bisect.bisect_right(self.quote_starts, char) - 1
        if k >= 0 and self.quotes[k].start <= char < self.quotes[k].end:
            return self.quotes[k]
        return None


def tok_end(t) -> int:
    return t.idx + len(t.text)


def is_quote_tok(t) -> bool:
    return all(ch in R.ALL_QUOTE_CHARS for ch in t.text)


def envelope(tokens) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    return min(t.idx for t in toks), max(tok_end(t) for t in toks)


def trim(ctx: Ctx, toks: list, drop_leading_that: bool = True, drop_connectives: bool = False) -> list:
    """Drop leading/trailing punctuation (keeping quote marks), a leading 'that', leading connectives."""
    toks = sorted((t for t in toks if not t.is_space), key=lambda t: t.i)
    while toks and (
        (toks[0].is_punct and not is_quote_tok(toks[0]))
        or (drop_leading_that and toks[0].lower_ in R.CONTENT_LEADING_DROP and toks[0].dep_ == "mark")
        or (drop_connectives and toks[0].dep_ in ("cc", "advmod") and len(toks) > 1 and toks[1].text == ",")
        or (drop_connectives and toks[0].dep_ == "cc")
    ):
        toks = toks[1:]
    while toks and toks[-1].is_punct and not is_quote_tok(toks[-1]) and not (
        toks[-1].text in R.KEEP_TRAILING_PUNCT or (toks[-1].text == ")" and any(t.text == "(" for t in toks))
    ):
        toks = toks[:-1]
    return toks


def same_para(ctx: Ctx, toks, para: int) -> list:
    return [t for t in toks if ctx.tok_para[t.i] == para]


def snap_to_quotes(ctx: Ctx, span: tuple[int, int], keep_out: tuple[int, int]) -> tuple[tuple[int, int], list[Quote]]:
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


def kind(ctx: Ctx, span: tuple[int, int], touched: list[Quote]) -> str:
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


def subject(tok):
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and not c.is_punct and not is_quote_tok(c):
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
        return subject(tok.head)
    return None


def is_cue(tok) -> bool:
    if tok.pos_ not in ("VERB",):
        return False
    lemma = tok.lemma_.lower()
    if lemma in R.CUE_VERBS or lemma in R.DOBJ_CUES or lemma in R.PREP_CUES:
        return True
    return any(c.dep_ == "prt" and (lemma, c.lower_) in R.PHRASAL_CUES for c in tok.children)


def adjacent_quote_before(ctx: Ctx, pos: int, para: int) -> Quote | None:
    best = None
    k = bisect.bisect_left(ctx.quote_starts, pos)
    for q in ctx.quotes[max(0, k - 3):k]:  # the quotes just before pos
        if q.end <= pos and ctx.para(q.start) <= para and ctx.para(q.end - 1) == para \
                and not ctx.text[q.end:pos].strip(" ,\u2014\u2013-"):
            best = q
    return best


def adjacent_quote_after(ctx: Ctx, pos: int, para: int) -> Quote | None:
    k = bisect.bisect_left(ctx.quote_starts, pos)
    for q in ctx.quotes[k:k + 1]:
        if q.start >= pos:
            gap = ctx.text[pos:q.start]
            if not gap.strip(" ,:\u2014\u2013-\n") and (ctx.para(q.start) == para or gap.strip(" \n").endswith(":") or
                                                        ctx.text[max(0, pos - 8):pos].rstrip().endswith(":")):
                return q
            return None
    return None


def inside_closed_quote(ctx: Ctx, tok) -> bool:
    """Cues inside a quote are the quoted speaker's words, not attributions; an unclosed quote
    (a missing closing mark) does not count: its cue usually ends the quote ("..., said X")."""
    q = ctx.quote_at(tok.idx)
    return q is not None and q.closed
