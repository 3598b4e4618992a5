"""Attributions that are not statements: dropped, or repaired, before speakers are resolved.

Run by :func:`.document.attribute` on the candidates of every mode (the rules' and, in the lite
and accurate modes, after the models' spans are combined with them), so a model cannot bring back
what a rule dropped.  Each step is a named rule of :mod:`.rules` (docs/attribution.md, step 3e):

* ``cue.not-an-act``: a cue whose verb is an act, not a statement (``NON_SPEECH_ACTS``: "Belgium
  banned disposable vapes", "Delgado sided with the mayor") is no attribution;
* ``source.bare-number``: "two voted for a cut": a number alone is no source (it is one with a
  noun in its phrase: "two officials said", "two of them");
* ``source.relative-no-antecedent``: a relative pronoun source ("who") the parse gives no
  antecedent; one that has one is resolved through it (:mod:`.speakers`);
* ``content.no-wire-dateline`` / ``source.no-wire-dateline``: a content or source opening with a
  wire dateline ("PARIS (AFP) – ", the cleaner's rule ``meta.wire-dateline``) starts after it.
"""

from __future__ import annotations

from ..clean.dateline import wire_dateline
from . import rules as R
from .tokens import Candidate


def cue_verbs(sdoc, cand: Candidate) -> list:
    """The verbs of a candidate's cue: its cue token when the rules found it, else the verbs of its
    cue span (a model cue); none for a cue without a verb ("according to", a colon)."""
    if cand.cue_token is not None and cand.cue_token < len(sdoc):
        tok = sdoc[cand.cue_token]
        return [tok] if tok.pos_ == "VERB" else []
    if cand.cue is None:
        return []
    span = sdoc.char_span(cand.cue[0], cand.cue[1], alignment_mode="expand")
    return [t for t in span if t.pos_ == "VERB"] if span is not None else []


def is_act(sdoc, cand: Candidate) -> bool:
    """Rule ``cue.not-an-act``: the cue's (last) verb is in ``NON_SPEECH_ACTS``."""
    verbs = cue_verbs(sdoc, cand)
    return bool(verbs) and verbs[-1].lemma_.lower() in R.NON_SPEECH_ACTS


def source_tokens(sdoc, cand: Candidate) -> list:
    if cand.source is None:
        return []
    span = sdoc.char_span(cand.source[0], cand.source[1], alignment_mode="expand")
    return [t for t in span if not t.is_punct and not t.is_space] if span is not None else []


def bare_number(sdoc, cand: Candidate) -> bool:
    """Rule ``source.bare-number``: the source is a count alone ("two", "about 40"): a number
    (``like_num``: digits or a number word) with at most adverbs and conjunctions, no noun, pronoun or determiner ("the two", "all three" stand for people named before; PolNeAR
    marks them), no share ("4 in 10", rule ``source.survey-share``) and not the pronoun "one"
    ("no one", "one said")."""
    if R.RULE_SURVEY_SHARE in cand.rule:
        return False
    toks = source_tokens(sdoc, cand)
    numbers = [t for t in toks if t.like_num and t.lower_ not in R.NUMBER_PRONOUNS]
    return bool(numbers) and not any(t.pos_ in R.NUMBER_SOURCE_NOUN_POS and not t.like_num for t in toks) \
        and not any(t.pos_ in R.NUMBER_SOURCE_KEEP_POS or t.dep_ == "predet" for t in toks) \
        and all(t.like_num or t.pos_ in R.NUMBER_SOURCE_OTHER_POS for t in toks)


def relative_head(sdoc, cand: Candidate):
    """The source's relative pronoun ("who", "which"), when the source is one, else None."""
    toks = source_tokens(sdoc, cand)
    if len(toks) != 1 or toks[0].tag_ not in R.RELATIVE_SOURCE_TAGS:
        return None
    return toks[0]


def antecedent(tok):
    """The word a relative pronoun stands for, or None when there is none: the head the parse
    hangs its relative clause on, through coordinated clauses ("the president who authorized
    the raid ... and who hoped": president; "Weber, the party leader, who said": Weber), else
    the nearest noun before it in its sentence (a parse that missed the relative clause:
    "a website called Real News Right Now, which posts").  A free relative or question word
    ("what prompted it", "Who cares about ...?" opening its sentence) has none."""
    clause = tok.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ in R.RELATIVE_CLAUSE_DEPS and clause.head is not clause and clause.head.i < tok.i:
        ant = clause.head
        while ant.dep_ == "appos" and ant.head is not ant:
            ant = ant.head
        if ant.pos_ in R.ANTECEDENT_POS:
            return ant
    if tok.lower_ not in R.RELATIVE_ANTECEDENT_WORDS:
        return None
    for t in reversed(tok.doc[:tok.i]):  # back to the sentence's start (the parse may cut it at ", which")
        if t.text in R.SENTENCE_END_MARKS or "\n" in t.text:
            return None
        if t.pos_ in R.ANTECEDENT_POS and t.tag_ not in R.RELATIVE_SOURCE_TAGS:
            return t
    return None


def _trim_dateline(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    found = wire_dateline(text[span[0]:span[1]])
    if found is None or span[0] + found.body_start >= span[1]:
        return None
    return span[0] + found.body_start, span[1]


def filter_candidates(cands: list[Candidate], sdoc, text: str) -> list[Candidate]:
    """The candidates that are statements, their contents and sources off any wire dateline."""
    out = []
    for c in cands:
        if is_act(sdoc, c) or bare_number(sdoc, c):
            continue
        rel = relative_head(sdoc, c)
        if rel is not None and antecedent(rel) is None:
            continue  # rule source.relative-no-antecedent
        if (moved := _trim_dateline(text, c.content)) is not None:
            c.content = moved
            c.rule += "+" + R.RULE_CONTENT_NO_DATELINE
        if c.source is not None and (moved := _trim_dateline(text, c.source)) is not None:
            c.source = moved
            c.rule += "+" + R.RULE_SOURCE_NO_DATELINE
        out.append(c)
    return out
