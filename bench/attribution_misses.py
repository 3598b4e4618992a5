"""The gold cues of a PolNeAR split that no predicted cue matches, grouped by why they were missed.

    NEWSDISTILL_SHARED=/work/shared python bench/attribution_misses.py --split train --every 3 [--show GROUP]

Groups (first that applies): ``not-in-body`` (no token starts there: the cleaner removed the line
or it is the title), ``cue-boundary`` (a predicted cue overlaps it), ``inside-quote`` (inside a
closed quote: rule cue.not-inside-quote), ``pos-X`` (not a verb), ``model-reject`` (the learned
cue model said no), ``no-subject(dep=D)``, ``subject-other-paragraph``, ``no-content``.  Prints
each group's size and its most frequent cue words; ``--show GROUP`` lists its cases in context.
Used to find the rules of docs/attribution.md step 3d on *train*; never run it on dev to tune.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attribution_eval as E  # noqa: E402


def why_missed(ctx, tok, model, overlapping: bool) -> str:
    from newsdistill.attribution import candidates as Q
    from newsdistill.attribution import tokens as T

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--every", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default=None, help="list this group's cases")
    ap.add_argument("-n", type=int, default=40, help="cases to list")
    args = ap.parse_args()
    from newsdistill.attribution import candidates as Q
    from newsdistill.attribution import tokens as T
    from newsdistill.attribution.document import attribute, paragraph_offsets
    from newsdistill.attribution.models import cue_model

    model = cue_model.load()
    groups: dict[str, list] = collections.defaultdict(list)
    for doc, sdoc, raw, gold_roles, _, _ in E.prepared(args.split, args.limit, every=args.every):
        attrs = attribute(doc, sdoc)
        pred = {E._in(a["cue"]) for a in attrs if a["cue"] is not None}
        paras = paragraph_offsets(doc)
        ctx = T.Ctx(sdoc, doc.text, paras, Q.find_quotes(doc.text, paras))
        at: dict[int, object] = {}
        for t in sdoc:
            at.setdefault(doc.span(t.idx, t.idx + len(t.text)).input_start, t)
        for g in sorted(gold_roles["Cue"] - pred):
            why = why_missed(ctx, at.get(g[0]), model, any(E.overlap(p, g) for p in pred))
            around = raw[max(0, g[0] - 100):g[0]] + "[[" + raw[g[0]:g[1]] + "]]" + raw[g[1]:g[1] + 60]
            groups[why].append((doc.id, raw[g[0]:g[1]].lower(), around.replace("\n", " / ")))
    for why, cases in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        common = collections.Counter(c[1] for c in cases).most_common(8)
        print(f"{why:<28}{len(cases):5}  " + ", ".join(f"{w!r} {n}" for w, n in common))
    for doc_id, _, around in groups.get(args.show, [])[:args.n]:
        print(doc_id, repr(around))


if __name__ == "__main__":
    main()
