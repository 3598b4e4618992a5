"""Combining the span model's predictions (:mod:`.span_model`) with the rules' candidates.

The rules (:mod:`.candidates`) find who said what from the parse; the model marks Content, Source and
Cue spans on the wordpieces.  Combination, each step named on the attribution's ``rule``
(``cue.verb-clause+model.content-snap``), thresholds in ``tuned.MODEL_COMBINE``:

* ``model.content-snap`` / ``model.source-snap`` / ``model.cue-snap``: a rule span takes the
  model span it overlaps best when that overlap (shared characters / union) is large enough --
  the model's boundaries are better, the rules' linking is kept;
* without ``swallow_cue``, a rule content that does not hold its own cue never takes a model
  content around that cue (the model reads the cue as part of a larger statement: "the countries
  *he said* had sent ..."); only the model contents that leave the cue out support it;
* with ``content_hull``, a rule content around its own (parenthetical) cue takes all the model
  contents it overlaps, first to last ("Another troubling problem, he adds, is ...": one
  statement, whose ``content_fragments`` the attribution step then cuts around the cue);
* with ``drop_unsupported``, a rule attribution whose content no model content overlaps is left out;
* with ``trim_connective``, a model content loses a leading "However," (the writer's word);
* ``model.new-content``: a model content that no rule attribution overlaps becomes an attribution
  of its own, linked to the nearest model cue in its paragraph and the model source nearest
  to that cue in the cue's sentence; with ``new_stance_rule`` the cue obeys the rules'
  ``cue.stance-present`` ("have supported the Syrian army" is an act).

A content the model moved keeps as its ``complementizer`` the "that" the model's span opened with
(left out of the content, as the rules do), else the one the parse gives (rule
``content.complementizer``).  Speakers are then resolved by the rules' resolver as for any candidate.
"""

from __future__ import annotations

from .. import patterns as P
from .. import rules as R
from .. import tokens as T
from .. import tuned
from ..marks import find_quotes
from ..tokens import Candidate
from .gate import candidate_paragraphs


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _best(span: tuple[int, int], options: list[tuple[int, int]]) -> tuple[float, tuple[int, int] | None]:
    best: tuple[float, tuple[int, int] | None] = (0.0, None)
    for o in options:
        r = _overlap(span, o)
        if r > best[0]:
            best = (r, o)
    return best


def _snaps(old: tuple[int, int], new: tuple[int, int] | None, ratio: float, threshold: float, shared: bool) -> bool:
    """Move ``old`` to ``new``?  When the overlap reaches ``threshold`` and, with ``shared``, the two
    agree on one boundary (on held-out train the model is then right far more often than the
    rules: it moves only the boundary they disagree on)."""
    if new is None or new == old or ratio < threshold:
        return False
    return not shared or new[0] == old[0] or new[1] == old[1]


def _hull(content: tuple[int, int], options: list[tuple[int, int]], ratio: float,
          best: tuple[int, int] | None) -> tuple[float, tuple[int, int] | None]:
    """One rule content that overlaps several model contents (the model cut it around a
    parenthetical cue: "Another troubling problem, he adds, is ...") takes the span from the
    first to the last of them."""
    parts = [o for o in options if _overlap(content, o) > 0]
    if len(parts) < 2:
        return ratio, best
    hull = (min(s for s, _ in parts), max(e for _, e in parts))
    return _overlap(content, hull), hull


def _trim_connective(sdoc, span: tuple[int, int]) -> tuple[int, int]:
    """Without the writer's leading connective and its comma ("However, X" -> "X")."""
    sp = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or len(sp) < 4 or sp[0].pos_ not in R.CONNECTIVE_POS or sp[1].text != ",":
        return span
    return max(span[0], sp[2].idx), span[1]


def drop_leading_that(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """``(content, complementizer)``: the record's content has no complementizer ("notes that X"
    -> X), as the rules' contents; the word left out is kept as the complementizer (or None)."""
    s, e = span
    word = text[s:e].split(" ", 1)[0]
    if word.lower() in R.CONTENT_LEADING_DROP and e - s > len(word) + 1:
        return (s + len(word) + 1, e), (s, s + len(word))
    return (s, e), None


def _head(sdoc, span: tuple[int, int]) -> int | None:
    sp = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    return sp.root.i if sp is not None and len(sp) else None


def _sentence(sdoc, span: tuple[int, int]) -> tuple[int, int]:
    """Character range of the sentence holding ``span``'s start."""
    sp = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or not len(sp):
        return span
    sent = sp[0].sent
    return sent.start_char, sent.end_char


def _past_stance(sdoc, cue: tuple[int, int]) -> bool:
    """The rules' cue.stance-present for a model cue: "support"/"back" in the past ("Russian forces
    have supported the Syrian army") is an act, not a stance."""
    sp = sdoc.char_span(cue[0], cue[1], alignment_mode="expand")
    return sp is not None and any(t.lemma_ in R.STANCE_VERBS and t.tag_ not in R.STANCE_TAGS for t in sp)


def _touched(ctx: T.Ctx, span: tuple[int, int]) -> list:
    return [q for q in ctx.quotes if q.start < span[1] and span[0] < q.end]


def ensemble_prediction(span_model, lite_tagger, sdoc, text: str, paragraphs: list[tuple[int, int]], cands,
                        weights: tuple[float, float] | None = None, gate: bool = True):
    """The span model's prediction with the lite tagger's voice: per wordpiece, the weighted sum
    of both models' log-probabilities (``weights``: the lite tagger's share for content and
    role tags, default ``tuned.MODEL_LITE_WEIGHTS``), decoded as the span model
    decodes.  The lite tagger reads the parse and the rules' candidates, which the span model
    never sees (held-out train: docs/attribution.md).  ``gate``: the span model reads only the
    paragraphs that can hold an attribution (:mod:`.gate`)."""
    if not text.strip() or not paragraphs:
        return span_model.predict(text, paragraphs)
    keep = candidate_paragraphs(sdoc, text, paragraphs, cands) if gate else None
    p, c_lp, r_lp = span_model.logprobs(text, paragraphs, keep=keep)
    lite_lp = lite_tagger.piece_logprobs(sdoc, paragraphs, cands, [o[0] for o in p.offsets])
    return mixed_prediction(span_model, p, c_lp, r_lp, lite_lp, text, weights)


def mixed_prediction(span_model, p, c_lp, r_lp, lite_lp, text: str, weights: tuple[float, float] | None = None):
    """Decode the span model's wordpiece log-probabilities ``c_lp``/``r_lp`` of ``p`` mixed with
    the lite tagger's ``lite_lp`` (content, role; None: the span model alone) under ``weights``."""
    from .span_model import prediction

    if lite_lp is not None:
        w_content, w_role = weights if weights is not None else tuned.MODEL_LITE_WEIGHTS
        c_lp = (1 - w_content) * c_lp + w_content * lite_lp[0]
        r_lp = (1 - w_role) * r_lp + w_role * lite_lp[1]
    return prediction(p, *span_model.tags(c_lp, r_lp), text)


def combine(cands: list[Candidate], pred, sdoc, text: str, paragraphs: list[tuple[int, int]],
            params: dict | None = None) -> list[Candidate]:
    """The rules' candidates adjusted by and completed with the model's prediction ``pred``
    (a :class:`.span_model.Prediction`)."""
    p = dict(tuned.MODEL_COMBINE, **(params or {}))
    ctx = T.Ctx(sdoc, text, paragraphs, find_quotes(text, paragraphs))
    spans = [_trim_connective(sdoc, c) for c in pred.contents] if p["trim_connective"] else pred.contents
    dropped = [drop_leading_that(text, c) for c in spans]
    contents = [c for c, _ in dropped]
    model_comp = {c[0]: comp for c, comp in dropped if comp is not None}  # content start -> its "that"

    def complementizer(span: tuple[int, int]) -> tuple[int, int] | None:
        """The model's left-out "that" before a content starting there, else the rules' (parse)."""
        return model_comp.get(span[0]) or P.complementizer(ctx, span)

    out: list[Candidate] = []
    for c in cands:
        rules = [c.rule]
        options = contents
        if not p["swallow_cue"] and c.cue is not None and not (c.content[0] < c.cue[0] < c.content[1]):
            options = [o for o in contents if not (o[0] < c.cue[0] < o[1])]  # not one around its own cue
        ratio, span = _best(c.content, options)
        if p["content_hull"] and c.cue is not None and c.content[0] < c.cue[0] < c.content[1]:
            ratio, span = _hull(c.content, contents, ratio, span)  # only around a parenthetical cue
        if span is None and p["drop_unsupported"]:
            continue
        if span is not None and p["content_side"] != "both":  # take only the model's start or end
            span = (span[0], c.content[1]) if p["content_side"] == "start" else (c.content[0], span[1])
            span = span if span[0] < span[1] else None
        if _snaps(c.content, span, ratio, p["content_snap"], p["content_shared"]):
            c.content = span
            c.complementizer = complementizer(span)
            c.quotes = _touched(ctx, span)
            if c.kind != "according-to":
                c.kind = T.kind(ctx, span, c.quotes)
            rules.append(R.RULE_MODEL_CONTENT_SNAP)
        if c.source is not None:
            ratio, span = _best(c.source, pred.sources)
            if _snaps(c.source, span, ratio, p["source_snap"], p["source_shared"]):
                c.source = span
                c.source_head = _head(sdoc, span)
                rules.append(R.RULE_MODEL_SOURCE_SNAP)
        ratio, span = _best(c.cue, pred.cues)
        if _snaps(c.cue, span, ratio, p["cue_snap"], p["cue_shared"]):
            c.cue = span
            rules.append(R.RULE_MODEL_CUE_SNAP)
        c.rule = "+".join(rules)
        out.append(c)
    if p["new_contents"]:
        out.extend(_new(out, contents, pred, sdoc, text, ctx, paragraphs, p, complementizer))
    out.sort(key=lambda c: (c.content[0], c.cue[0] if c.cue else -1))
    return out


def _new(cands, contents, pred, sdoc, text, ctx, paragraphs, p, complementizer) -> list[Candidate]:
    para = ctx.para  # ctx is over the same paragraphs
    taken = [c.content for c in cands]
    new = []
    for span in contents:
        if any(_overlap(span, t) > 0 for t in taken) or len(text[span[0]:span[1]].split()) < p["new_min_words"]:
            continue
        k = para(span[0])
        cues = [q for q in pred.cues if para(q[0]) == k and not (span[0] <= q[0] < span[1])]
        gap = [(max(span[0] - q[1], q[0] - span[1], 0), q) for q in cues]
        gap = [g for g in gap if g[0] <= p["new_max_gap"]]
        if not gap and p["new_need_cue"]:
            continue
        cue = min(gap)[1] if gap else None
        source = None
        if cue is not None:  # a model source in the cue's sentence (not one a sentence away)
            sent = _sentence(sdoc, cue)
            near = [(min(abs(s[1] - cue[0]), abs(cue[1] - s[0])), s) for s in pred.sources
                    if sent[0] <= s[0] < sent[1] and not (span[0] <= s[0] < span[1])]
            source = min(near)[1] if near else None
        if source is None and p["new_need_source"]:
            continue
        if cue is not None and p["new_stance_rule"] and _past_stance(sdoc, cue):
            continue
        quotes = _touched(ctx, span)
        new.append(Candidate(T.kind(ctx, span, quotes), cue, span, source, R.RULE_MODEL_NEW,
                             source_head=_head(sdoc, source) if source else None, quotes=quotes,
                             complementizer=complementizer(span)))
        taken.append(span)
    return new
