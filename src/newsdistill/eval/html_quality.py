"""HTML mode vs trafilatura alone on the WCXB dev article pages: word P/R/F1, snippets, pages/s.

For every page of ``$NEWSDISTILL_SHARED/data/wcxb-dev-articles`` (``html/NNNN.html.gz`` against
``ground-truth/NNNN.json``; :func:`load_pages`, by halves of the sorted file numbers: options and
rules were chosen on the first, the second is held out) :func:`evaluate` runs, in this one
process, warm, in turn (the order rotating from page to page), on the same bytes: trafilatura +
metadata (:func:`trafilatura_with_metadata`, the speed baseline), trafilatura text only
(:func:`trafilatura_alone`) and HTML mode (:func:`html_mode`: the HTML reader, the ``html`` and
``clean`` steps), and scores each text against ``main_content`` with
:mod:`newsdistill.eval.wordmatch` (bag of words, micro and macro), the ``with``/``without``
snippets, the metadata fields and the CPU time of each call.  ``bench/html_quality.py`` prints it;
``tests/test_html_quality_floor.py`` pins a floor on a subset.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

from .shared import shared_dir
from .wordmatch import counts, snippets_present, summarise, tokens


class Aggregate:
    """Scores of one system over many pages (:mod:`newsdistill.eval.wordmatch`, shared with bench/clean_quality.py)."""

    def __init__(self) -> None:
        self.rows: list = []

    def add(self, predicted: str, reference: str, with_snippets=(), without_snippets=()) -> None:
        self.rows.append((counts(predicted, reference), snippets_present(predicted, with_snippets),
                          snippets_present(predicted, without_snippets)))

    def to_dict(self) -> dict:
        s = summarise(self.rows)
        out = {k: round(v, 4) for k, v in s.to_dict().items() if k not in ("pages", "with_kept", "without_gone")}
        # with_rate: share of `with` snippets kept (higher is better); without_rate: share of
        # `without` snippets left in the text (lower is better)
        return {"documents": s.pages, **out, "with_rate": round(s.with_kept, 4), "without_rate": round(1 - s.without_gone, 4)}


def load_pages(half: str = "all", limit: int | None = None, root: Path | None = None):
    """[(file id, html bytes, ground truth dict, url)] for the chosen half, sorted by id
    (pages without a reference text are left out); FileNotFoundError without the pages."""
    root = root or shared_dir() / "data" / "wcxb-dev-articles"
    if not (root / "html").is_dir():
        raise FileNotFoundError(f"WCXB dev articles not found at {root} (set NEWSDISTILL_SHARED)")
    ids = sorted(p.name.split(".")[0] for p in (root / "html").glob("*.html.gz"))
    mid = len(ids) // 2
    ids = {"first": ids[:mid], "second": ids[mid:], "all": ids}[half]
    if limit:
        ids = ids[:limit]
    pages = []
    for i in ids:
        gt = json.loads((root / "ground-truth" / f"{i}.json").read_text(encoding="utf-8"))
        if not (gt["ground_truth"].get("main_content") or "").strip():
            continue  # 2 of the 711 pages have no reference text: nothing to score against
        pages.append((i, gzip.decompress((root / "html" / f"{i}.html.gz").read_bytes()), gt["ground_truth"], gt.get("url")))
    return pages


def html_mode():
    """A function (bytes, url) -> (record, seconds in the html step, seconds in the clean step):
    newsdistill's input side for one page, timed per step (CPU time of this process)."""
    from newsdistill.clean import CleanText
    from newsdistill.errors import BadRecord
    from newsdistill.read.html import ExtractHtml, HtmlCaptions, html_document
    from newsdistill.record import Source

    extract, clean, captions = ExtractHtml(timeout=None), CleanText(), HtmlCaptions()

    def run(html: bytes, url: str | None):
        t0 = time.process_time()
        doc = html_document(html, "page", Source(url=url))
        try:
            doc = extract(doc)
        except BadRecord as exc:
            doc.fail(exc.code, exc.message)
        t1 = time.process_time()
        if doc.status == "ok":
            doc = captions(clean(doc))
        return doc, t1 - t0, time.process_time() - t1

    return run


def trafilatura_alone(html: bytes, url: str | None) -> str:
    """trafilatura's text only, its defaults (comments appended)."""
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def trafilatura_with_metadata(html: bytes, url: str | None):
    """trafilatura's main text + metadata, its defaults: a Document (or None)."""
    import trafilatura

    return trafilatura.bare_extraction(html, url=url, with_metadata=True)


def _norm(value) -> str:
    return " ".join(str(value or "").lower().split())


_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*")
_BY = re.compile(r"^\s*(?:by|written by|words by|story by|author:?)\s+", re.IGNORECASE)


def byline_names(value) -> frozenset[str]:
    """A byline or author as a set of names, normalised: case, a leading "By", punctuation and the
    order of several names do not count ("By Jane Roe and John Doe" == "john doe; jane roe")."""
    text = _BY.sub("", str(value or ""))
    names = set()
    for part in _NAME_SPLIT.split(text.lower()):
        name = " ".join(re.sub(r"[^\w\s'-]", " ", part).split())
        if name:
            names.add(name)
    return frozenset(names)


def byline_matches(predicted, reference) -> bool:
    return bool(reference) and byline_names(predicted) == byline_names(reference)


def page_captions(html: bytes) -> list[str]:
    """The measure's expected captions of a page: unique ``<figcaption>`` texts (whitespace
    collapsed) of 20+ characters inside the article container (an ``<article>``, ``<main>`` or
    ``itemprop=articleBody`` ancestor).  Independent of how HTML mode picks its container."""
    from lxml.html import fromstring

    try:
        tree = fromstring(html)
    except (ValueError, TypeError):
        return []
    found: list[str] = []
    for fc in tree.iter("figcaption"):
        text = " ".join("".join(fc.itertext()).split())
        if len(text) < 20 or text in found:
            continue
        if any(a.tag in ("article", "main") or a.attrib.get("itemprop") == "articleBody" for a in fc.iterancestors()):
            found.append(text)
    return found


def _caption_found(expected: str, captions: list[str]) -> bool:
    return any(expected in c or (len(c) >= 20 and c in expected) for c in captions)


def evaluate(pages, show_removed: bool = False, log=print) -> dict:
    """Scores and speeds of HTML mode, trafilatura text only and trafilatura + metadata on ``pages``
    (from :func:`load_pages`), as bench/html_quality.py prints them; ``show_removed``: also ``log``
    each removed line that is mostly reference words, and the removed words in the reference by rule."""
    run = html_mode()
    ours, base, base_meta = Aggregate(), Aggregate(), Aggregate()
    t_extract = t_clean = t_base = t_meta = 0.0
    errors: Counter = Counter()
    removed_good: Counter = Counter()  # rule -> removed words that are in the reference
    removed_all: Counter = Counter()
    meta_hits: Counter = Counter()  # field -> pages where the record's value equals the reference
    meta_total: Counter = Counter()
    meta_hits_base: Counter = Counter()  # the same for trafilatura + metadata
    caps = Counter()  # expected, found (in captions), in_body (left in text)
    caps_pages: dict = {}  # page id -> "found/expected (in body)" for pages with expected captions
    bylines = Counter()  # pages with a reference author, ours / trafilatura's matching it (normalised)
    for k, (_fid, html, gt, url) in enumerate(pages):
        # rotate which runs first, so none profits from warm caches more
        for who in (k % 3, (k + 1) % 3, (k + 2) % 3):
            if who == 0:
                doc, te, tc = run(html, url)
                t_extract += te
                t_clean += tc
            elif who == 1:
                t = time.process_time()
                base_text = trafilatura_alone(html, url)
                t_base += time.process_time() - t
            else:
                t = time.process_time()
                found = trafilatura_with_metadata(html, url)
                t_meta += time.process_time() - t
        ref = gt["main_content"]
        with_s, without_s = gt.get("with") or [], gt.get("without") or []
        if doc.status != "ok":
            errors[doc.error.code] += 1
        ours.add(doc.text or "", ref, with_s, without_s)
        for field, value, theirs, want in (
                ("title", doc.title, getattr(found, "title", None), gt.get("title")),
                ("author", doc.byline, getattr(found, "author", None), gt.get("author")),
                ("date", (doc.published or "")[:10], (getattr(found, "date", None) or "")[:10], (gt.get("publish_date") or "")[:10])):
            if want:
                meta_total[field] += 1
                meta_hits[field] += _norm(value) == _norm(want)
                meta_hits_base[field] += _norm(theirs) == _norm(want)
        expected = page_captions(html)
        if expected:
            texts = [c.text for c in doc.captions]
            body = " ".join((doc.text or "").split())
            hit = sum(_caption_found(e, texts) for e in expected)
            left = sum(e in body for e in expected)
            caps.update(expected=len(expected), found=hit, in_body=left, pages=1)
            caps_pages[_fid] = f"{hit}/{len(expected)}" + (f" ({left} in body)" if left else "")
        if gt.get("author"):
            bylines["pages"] += 1
            bylines["ours"] += byline_matches(doc.byline, gt["author"])
            bylines["trafilatura"] += byline_matches(getattr(found, "author", None), gt["author"])
        base.add(base_text, ref, with_s, without_s)
        base_meta.add((getattr(found, "text", None) or ""), ref, with_s, without_s)
        if show_removed:
            ref_bag = Counter(tokens(ref))
            for r in doc.removed + doc.metadata_lines:
                words = tokens(r.text)
                removed_all[r.rule] += len(words)
                removed_good[r.rule] += sum(1 for w in words if ref_bag[w] > 0)
                if sum(1 for w in words if ref_bag[w] > 0) > 0.5 * len(words):
                    log(f"  {_fid} {r.rule:28} {r.text[:110]!r}")
    n = len(pages)
    t_ours = t_extract + t_clean
    result = {
        "pages": n,
        "html_mode": ours.to_dict() | {"pages_per_s": round(n / t_ours, 1), "errors": dict(errors)},
        "trafilatura": base.to_dict() | {"pages_per_s": round(n / t_base, 1)},
        "trafilatura_metadata": base_meta.to_dict() | {"pages_per_s": round(n / t_meta, 1)},
    }
    result["captions"] = {"pages": caps["pages"], "expected": caps["expected"], "found": caps["found"],
                          "in_body": caps["in_body"],
                          "found_rate": round(caps["found"] / caps["expected"], 4) if caps["expected"] else None,
                          "in_body_rate": round(caps["in_body"] / caps["expected"], 4) if caps["expected"] else None,
                          "per_page": caps_pages}
    result["bylines"] = {"pages": bylines["pages"], "ours": bylines["ours"], "trafilatura": bylines["trafilatura"]}
    result["html_mode"]["metadata_exact"] = {f: f"{meta_hits[f]}/{meta_total[f]}" for f in meta_total}
    result["trafilatura_metadata"]["metadata_exact"] = {f: f"{meta_hits_base[f]}/{meta_total[f]}" for f in meta_total}
    # the goal's ratio: HTML mode pages/s over trafilatura + metadata pages/s (same outputs)
    result["speed_ratio"] = round(t_meta / t_ours, 3)
    result["speed_ratio_text_only"] = round(t_base / t_ours, 3)
    result["html_step_pages_per_s"] = round(n / t_extract, 1)
    result["html_step_speed_ratio"] = round(t_meta / t_extract, 3)
    result["html_step_speed_ratio_text_only"] = round(t_base / t_extract, 3)
    result["ms_per_page"] = {"html_step": round(1000 * t_extract / n, 2), "clean_step": round(1000 * t_clean / n, 2),
                             "trafilatura_text_only": round(1000 * t_base / n, 2),
                             "trafilatura_metadata": round(1000 * t_meta / n, 2)}
    result["f1_delta_micro"] = round(result["html_mode"]["micro_f1"] - result["trafilatura"]["micro_f1"], 4)
    result["f1_delta_macro"] = round(result["html_mode"]["macro_f1"] - result["trafilatura"]["macro_f1"], 4)
    if show_removed:
        result["removed_words_in_reference_by_rule"] = {r: f"{removed_good[r]}/{removed_all[r]}" for r in removed_all}
    return result
