"""HTML mode vs trafilatura alone on the WCXB dev article pages: word P/R/F1, snippets, pages/s.

    NEWSDISTILL_SHARED=/work/shared PYTHONPATH=src python bench/html_quality.py [--half first|second|all] [--limit N]

For every page of ``$NEWSDISTILL_SHARED/data/wcxb-dev-articles`` (``html/NNNN.html.gz``
against ``ground-truth/NNNN.json``) it runs, in this one process, warm, in turn (the order
rotating from page to page so none profits from warm caches more), on the same bytes:

* **trafilatura + metadata** (the speed baseline): ``trafilatura.bare_extraction(html, url=url,
  with_metadata=True)`` with its defaults: what a user calls to get what HTML mode gives,
  text + title + author + date (``.text`` is the main text; comments, extracted by default,
  are apart in ``.comments``);
* **trafilatura text only**: ``trafilatura.extract(html, url=url)`` with its defaults (the
  text, comments appended; no metadata): less work than HTML mode does, shown for reference;
* **HTML mode**: newsdistill's input side: the HTML reader's checks, the ``html`` step
  (trafilatura with our options + metadata) and the ``clean`` step (residual boilerplate
  lines, captions, credits); the record's ``text`` is scored.

and prints word-level precision/recall/F1 of each against ``main_content`` (bag of words with
counts, micro and macro; see :mod:`newsdistill.eval.wordmatch`), the share of ``with``
snippets kept and of ``without`` snippets left in, pages/s of each (CPU time of this process
spent in that call, so other load on the machine does not skew the ratios; page decompression
and scoring are outside the timed calls; so are language id and the analysis steps, which run
the same whatever the input kind) and the ratios to both baselines (``speed_ratio``: HTML mode
over trafilatura + metadata, the goal's ratio).
Pages are split in two halves by file number: options and rules were chosen on the
first half; the second is reported as held out.  ``--removed`` lists what the clean step
removed from trafilatura's text, scored: removed words that are in the reference are
mistakes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsdistill.eval.wordmatch import counts, snippets_present, summarise, tokens  # noqa: E402


class Aggregate:
    """Scores of one system over many pages (newsdistill.eval.wordmatch, shared with bench/clean_quality.py)."""

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


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSDISTILL_SHARED", REPO.parent / "shared")).resolve()


def load_pages(half: str = "all", limit: int | None = None, root: Path | None = None):
    """[(file id, html bytes, ground truth dict, url)] for the chosen half, sorted by id
    (pages without a reference text are left out)."""
    root = root or shared_dir() / "data" / "wcxb-dev-articles"
    if not (root / "html").is_dir():
        raise SystemExit(f"WCXB dev articles not found at {root} (set NEWSDISTILL_SHARED)")
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
    from newsdistill.read.html import ExtractHtml, html_document
    from newsdistill.record import Source

    extract, clean = ExtractHtml(timeout=None), CleanText()

    def run(html: bytes, url: str | None):
        t0 = time.process_time()
        doc = html_document(html, "page", Source(url=url))
        try:
            doc = extract(doc)
        except BadRecord as exc:
            doc.fail(exc.code, exc.message)
        t1 = time.process_time()
        if doc.status == "ok":
            doc = clean(doc)
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


def evaluate(pages, show_removed: bool = False) -> dict:
    run = html_mode()
    ours, base, base_meta = Aggregate(), Aggregate(), Aggregate()
    t_extract = t_clean = t_base = t_meta = 0.0
    errors: Counter = Counter()
    removed_good: Counter = Counter()  # rule -> removed words that are in the reference
    removed_all: Counter = Counter()
    meta_hits: Counter = Counter()  # field -> pages where the record's value equals the reference
    meta_total: Counter = Counter()
    meta_hits_base: Counter = Counter()  # the same for trafilatura + metadata
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
        base.add(base_text, ref, with_s, without_s)
        base_meta.add((getattr(found, "text", None) or ""), ref, with_s, without_s)
        if show_removed:
            ref_bag = Counter(tokens(ref))
            for r in doc.removed + doc.metadata_spans:
                words = tokens(r.text)
                removed_all[r.rule] += len(words)
                removed_good[r.rule] += sum(1 for w in words if ref_bag[w] > 0)
                if sum(1 for w in words if ref_bag[w] > 0) > 0.5 * len(words):
                    print(f"  {_fid} {r.rule:28} {r.text[:110]!r}")
    n = len(pages)
    t_ours = t_extract + t_clean
    result = {
        "pages": n,
        "html_mode": ours.to_dict() | {"pages_per_s": round(n / t_ours, 1), "errors": dict(errors)},
        "trafilatura": base.to_dict() | {"pages_per_s": round(n / t_base, 1)},
        "trafilatura_metadata": base_meta.to_dict() | {"pages_per_s": round(n / t_meta, 1)},
    }
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("first", "second", "all", "both"), default="both")
    ap.add_argument("--limit", type=int, help="only the first N pages of each half")
    ap.add_argument("--removed", action="store_true", help="list removed lines that are mostly reference words")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()
    halves = ("first", "second") if args.half == "both" else (args.half,)
    results = {}
    for half in halves:
        results[half] = evaluate(load_pages(half, args.limit), args.removed)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for half, r in results.items():
        print(f"\n== {half} half: {r['pages']} pages")
        print(f"{'':14}{'microP':>8}{'microR':>8}{'microF1':>8}{'macroF1':>8}{'with':>8}{'without':>9}{'pages/s':>9}")
        for name, label in (("trafilatura", "traf. text"), ("trafilatura_metadata", "traf. +meta"), ("html_mode", "html_mode")):
            s = r[name]
            print(f"{label:14}{s['micro_p']:8.4f}{s['micro_r']:8.4f}{s['micro_f1']:8.4f}{s['macro_f1']:8.4f}"
                  f"{s['with_rate']:8.4f}{s['without_rate']:9.4f}{s['pages_per_s']:9.1f}")
        m = r["trafilatura_metadata"]
        print(f"F1 delta (html mode - trafilatura text only): micro {r['f1_delta_micro']:+.4f}, macro {r['f1_delta_macro']:+.4f}; "
              f"vs trafilatura + metadata (.text, comments apart): micro {r['html_mode']['micro_f1'] - m['micro_f1']:+.4f}, "
              f"macro {r['html_mode']['macro_f1'] - m['macro_f1']:+.4f}; html-mode errors {r['html_mode']['errors']}")
        print(f"metadata equal to the reference (case/space-insensitive): html mode {r['html_mode']['metadata_exact']}, "
              f"trafilatura + metadata {m['metadata_exact']}")
        print(f"speed (CPU time, one process, warm): html mode (html step + clean step) {r['speed_ratio']:.2f}x "
              f"trafilatura + metadata, {r['speed_ratio_text_only']:.2f}x trafilatura text only; "
              f"html step alone {r['html_step_pages_per_s']} pages/s = {r['html_step_speed_ratio']:.2f}x / "
              f"{r['html_step_speed_ratio_text_only']:.2f}x; ms/page {r['ms_per_page']}")
        if "removed_words_in_reference_by_rule" in r:
            print("removed words also in the reference, by rule:", r["removed_words_in_reference_by_rule"])


if __name__ == "__main__":
    main()
