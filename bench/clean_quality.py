"""Plain-text cleaning quality on WCXB article pages (issue #2).

Every HTML page in ``$NEWSDISTILL_SHARED/data/wcxb-dev-articles`` is rendered to
plain text by a keep-everything converter (inscriptis, boilerplate included);
only newsdistill's plain-text cleaner sees that text.  Prints word-level
precision / recall / F1 (micro and macro) against ``ground_truth.main_content``,
the share of ``with`` snippets kept and of ``without`` snippets removed, for
newsdistill and for the keep-everything text itself.

    NEWSDISTILL_SHARED=/work/shared python bench/clean_quality.py [--limit N] [--split-half] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from newsdistill.eval import wcxb
from newsdistill.eval.shared import shared_dir
from newsdistill.eval.wordmatch import summarise


def _summaries(results: list[wcxb.PageResult]) -> dict[str, dict]:
    ours = summarise([(r.ours, r.with_ours, r.without_ours) for r in results])
    base = summarise([(r.baseline, r.with_base, r.without_base) for r in results])
    rules = summarise([(r.rules, r.with_rules, r.without_rules) for r in results])
    return {"newsdistill": ours.to_dict(), "rules alone": rules.to_dict(), "keep-everything": base.to_dict()}


def _print(title: str, s: dict[str, dict]) -> None:
    print(f"\n{title} ({s['newsdistill']['pages']} pages)")
    print(f"  {'':16} {'micro P':>8} {'micro R':>8} {'micro F1':>9} {'macro P':>8} {'macro R':>8} {'macro F1':>9} "
          f"{'with kept':>10} {'without gone':>13}")
    for name, v in s.items():
        print(f"  {name:16} {v['micro_p']:8.3f} {v['micro_r']:8.3f} {v['micro_f1']:9.3f} {v['macro_p']:8.3f} "
              f"{v['macro_r']:8.3f} {v['macro_f1']:9.3f} {v['with_kept']:10.3f} {v['without_gone']:13.3f}")


def _clean_articles() -> None:
    from newsdistill.eval.clean_articles import article_paths, check

    for which in ("dev", "heldout"):
        paths = article_paths(which)
        name = "PolNeAR dev" if which == "dev" else "PolNeAR train, held-out tenth"
        print(f"\n{name} ({len(paths)} clean articles)")
        print(f"  {'':16} {'title = first line':>19} {'removed lines not the title':>28} {'per 100':>8} {'overlap gold spans':>19}")
        results = {"newsdistill": check(paths), "rules alone": check(paths, model=False)}
        for label, r in results.items():
            print(f"  {label:16} {r.title_share:19.3f} {len(r.removed_outside_title):28d} {r.removed_per_100:8.2f} "
                  f"{len(r.gold_overlaps):19d}")
        removed = results["newsdistill"].removed_outside_title
        by_reason = Counter(reason for _, _, reason, _ in removed)
        print("    by reason: " + (", ".join(f"{r} {n}" for r, n in by_reason.most_common()) or "none"))
        for doc, rule, reason, text in removed:
            print(f"    removed: {doc}: {rule} ({reason}): {text!r}")
        for doc, rule, text in results["newsdistill"].gold_overlaps:
            print(f"    overlaps a gold span: {doc}: {rule}: {text!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    ap.add_argument("--every", type=int, default=1, help="only every k-th page")
    ap.add_argument("--split-half", action="store_true", help="also score the first (tuning) and second (held-out) half")
    ap.add_argument("--json", type=Path, help="write summaries and per-page scores here")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    ap.add_argument("--clean-articles", action="store_true",
                    help="also check PolNeAR dev and train's held-out tenth: clean articles must lose nothing")
    ap.add_argument("--no-wcxb", action="store_true", help="skip the WCXB pages")
    args = ap.parse_args(argv)
    if args.clean_articles:
        _clean_articles()
    if args.no_wcxb:
        return 0

    root = shared_dir() / wcxb.DATASET
    if not root.is_dir():
        print(f"WCXB dev articles not found at {root} (set NEWSDISTILL_SHARED)", file=sys.stderr)
        return 2
    ids = wcxb.page_ids(root)[:: args.every]
    if args.limit:
        ids = ids[: args.limit]
    t0 = time.perf_counter()
    results = wcxb.evaluate(root, ids, workers=args.workers)
    elapsed = time.perf_counter() - t0
    report: dict = {"all": _summaries(results)}
    _print("all pages", report["all"])
    if args.split_half:
        first, second = wcxb.split_half(ids)
        by_id = {r.id: r for r in results}
        report["first-half"] = _summaries([by_id[i] for i in first])
        report["second-half"] = _summaries([by_id[i] for i in second])
        _print(f"first half, tuning (ids {first[0]}-{first[-1]})", report["first-half"])
        _print(f"second half, held out (ids {second[0]}-{second[-1]})", report["second-half"])
    if args.worst:
        print(f"\nworst {args.worst} pages by F1 (id: P R F1)")
        for r in sorted(results, key=lambda r: r.ours.f1)[: args.worst]:
            print(f"  {r.id}: {r.ours.precision:.2f} {r.ours.recall:.2f} {r.ours.f1:.2f}  (keep-everything P {r.baseline.precision:.2f})")
    print(f"\n{len(ids)} pages in {elapsed:.1f} s with {args.workers} worker(s)")
    if args.json:
        report["pages"] = [{"id": r.id, "p": r.ours.precision, "r": r.ours.recall, "f1": r.ours.f1,
                            "base_p": r.baseline.precision, "base_r": r.baseline.recall} for r in results]
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
