"""HTML mode vs trafilatura alone on the WCXB dev article pages: word P/R/F1, snippets, pages/s.

    NEWSDISTILL_SHARED=/work/shared python bench/html_quality.py [--half first|second|all] [--limit N]

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
counts, micro and macro; see :mod:`newsdistill.eval.wordmatch`; the runs and scores are
:mod:`newsdistill.eval.html_quality`), the share of ``with``
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
import json
import sys

from newsdistill.eval.html_quality import evaluate, load_pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("first", "second", "all", "both"), default="both")
    ap.add_argument("--limit", type=int, help="only the first N pages of each half")
    ap.add_argument("--removed", action="store_true", help="list removed lines that are mostly reference words")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()
    halves = ("first", "second") if args.half == "both" else (args.half,)
    results = {}
    try:
        for half in halves:
            results[half] = evaluate(load_pages(half, args.limit), args.removed)
    except FileNotFoundError as exc:
        sys.exit(str(exc))
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
        c, b = r["captions"], r["bylines"]
        print(f"captions (unique figcaptions of 20+ chars in the article container): {c['found']}/{c['expected']} "
              f"in captions ({c['found_rate']}), {c['in_body']} left in the body ({c['in_body_rate']}), on {c['pages']} pages")
        print("  per page (found/expected):", " ".join(f"{k}:{v}" for k, v in c["per_page"].items()))
        print(f"bylines matching the reference author (normalised: case, By, punctuation, name order): "
              f"html mode {b['ours']}/{b['pages']}, trafilatura + metadata {b['trafilatura']}/{b['pages']}")
        if "removed_words_in_reference_by_rule" in r:
            print("removed words also in the reference, by rule:", r["removed_words_in_reference_by_rule"])


if __name__ == "__main__":
    main()
