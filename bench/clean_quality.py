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
from pathlib import Path

from newsdistill.eval import wcxb
from newsdistill.eval.shared import shared_dir
from newsdistill.eval.wordmatch import summarise


def _summaries(results: list[wcxb.PageResult]) -> dict[str, dict]:
    ours = summarise([(r.ours, r.with_ours, r.without_ours) for r in results])
    base = summarise([(r.baseline, r.with_base, r.without_base) for r in results])
    return {"newsdistill": ours.to_dict(), "keep-everything": base.to_dict()}


def _print(title: str, s: dict[str, dict]) -> None:
    print(f"\n{title} ({s['newsdistill']['pages']} pages)")
    print(f"  {'':16} {'micro P':>8} {'micro R':>8} {'micro F1':>9} {'macro P':>8} {'macro R':>8} {'macro F1':>9} "
          f"{'with kept':>10} {'without gone':>13}")
    for name, v in s.items():
        print(f"  {name:16} {v['micro_p']:8.3f} {v['micro_r']:8.3f} {v['micro_f1']:9.3f} {v['macro_p']:8.3f} "
              f"{v['macro_r']:8.3f} {v['macro_f1']:9.3f} {v['with_kept']:10.3f} {v['without_gone']:13.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    ap.add_argument("--every", type=int, default=1, help="only every k-th page")
    ap.add_argument("--split-half", action="store_true", help="also score the first (tuning) and second (held-out) half")
    ap.add_argument("--json", type=Path, help="write summaries and per-page scores here")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args(argv)

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
