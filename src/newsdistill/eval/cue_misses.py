"""The gold cues of a PolNeAR split that no predicted cue matches, grouped by why they were missed.

Groups (first that applies, :func:`why_missed`): ``not-in-body`` (no token starts there: the
cleaner removed the line or it is the title), ``cue-boundary`` (a predicted cue overlaps it),
``inside-quote`` (inside a closed quote: rule cue.not-inside-quote), ``pos-X`` (not a verb),
``model-reject`` (the learned cue model said no), ``no-subject(dep=D)``,
``subject-other-paragraph``, ``no-content``.  :func:`missed_cues` collects them over a split with
each case in context.  Used to find the rules of docs/attribution.md step 3d on *train*; never
run it on dev to tune.  The command line: ``bench/attribution_misses.py``.
"""

from __future__ import annotations

import collections

from ..attribution import candidates as Q
from ..attribution import tokens as T
from .polnear import input_span, overlap, prepared


def why_missed(ctx, tok, model, overlapping: bool) -> str:
    """The group of a missed gold cue starting at token ``tok`` (None: no token starts there)."""
    if tok is None:
        return "not-in-body"
    if overlapping:
        return "cue-boundary"
    if T.inside_closed_quote(ctx, tok):
        return "inside-quote"
    if tok.pos_ != "VERB":
        return f"pos-{tok.pos_}"
    if model is not None and not model.accepts(Q.cue_features(ctx, tok)):
        return "model-reject"
    subj = T.subject(tok)
    if subj is None:
        return f"no-subject(dep={tok.dep_})"
    if ctx.tok_para[subj.i] != ctx.tok_para[tok.i]:
        return "subject-other-paragraph"
    return "no-content"


def missed_cues(split: str, limit: int | None = None, every: int = 3) -> dict[str, list]:
    """Group -> ``[(article id, cue text lowercased, the cue in context)]`` of the gold cues of
    every ``every``-th article of ``split`` that the rules (and the shipped cue model) miss."""
    from ..attribution.document import attribute, paragraph_offsets
    from ..attribution.models import cue_model

    model = cue_model.load()
    groups: dict[str, list] = collections.defaultdict(list)
    for doc, sdoc, raw, gold_roles, _, _ in prepared(split, limit, every=every):
        attrs = attribute(doc, sdoc)
        pred = {input_span(a.cue) for a in attrs if a.cue is not None}
        paras = paragraph_offsets(doc)
        ctx = T.Ctx(sdoc, doc.text, paras, Q.find_quotes(doc.text, paras))
        at: dict[int, object] = {}
        for t in sdoc:
            at.setdefault(doc.span(t.idx, t.idx + len(t.text)).input_start, t)
        for g in sorted(gold_roles["Cue"] - pred):
            why = why_missed(ctx, at.get(g[0]), model, any(overlap(p, g) for p in pred))
            around = raw[max(0, g[0] - 100):g[0]] + "[[" + raw[g[0]:g[1]] + "]]" + raw[g[1]:g[1] + 60]
            groups[why].append((doc.id, raw[g[0]:g[1]].lower(), around.replace("\n", " / ")))
    return groups
