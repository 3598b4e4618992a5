"""Clean-only speed through the CLI vs trafilatura in process (issue 17).

* newsdistill: ``newsdistill run PAGES --steps clean --workers 1 -o OUT.jsonl`` in a fresh
  process over the WCXB dev pages (``$NEWSDISTILL_SHARED/data/wcxb-dev-articles/html``, 711
  ``.html.gz``), wall time of the whole command: start-up, imports, reading and gunzip, HTML
  extraction, cleaning with captions, language, duplicates, JSON Lines writing;
* baseline: an in-process loop of trafilatura ``bare_extraction(html, with_metadata=True)`` (its
  defaults: text, title, author, date) over the same pages, already read and decompressed; the
  loop's import of trafilatura is not timed.

The two alternate ``--repeat`` times; the medians are compared.  Goal: newsdistill's pages/s
>= 0.9x the loop's.  Also printed: CPU seconds of each side (the cores here are shared, so the
wall-clock ratio moves with other people's load; the CPU ratio much less), and the CLI's
peak RSS.

    python bench/clean_only_speed.py [--repeat 3] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsdistill.eval.shared import shared_dir


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("newsdistill")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsdistill.cli"]


def run_cli(pages: Path, out: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MiB) of one CLI run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*cli_command(), "run", str(pages), "--steps", "clean", "--workers", "1", "-o", str(out),
                           "--no-progress"], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"newsdistill run failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def run_trafilatura(htmls: list[bytes]) -> tuple[float, float]:
    import trafilatura

    started, cpu = time.perf_counter(), time.process_time()
    for html in htmls:
        trafilatura.bare_extraction(html, with_metadata=True)
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--limit", type=int, help="only the first N pages (a quick look; the goal is on all 711)")
    args = ap.parse_args()
    folder = shared_dir() / "data" / "wcxb-dev-articles" / "html"
    if not folder.is_dir():
        sys.exit(f"no WCXB dev pages at {folder}: set NEWSDISTILL_SHARED")
    files = sorted(folder.glob("*.html.gz"))[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        if args.limit:  # the same files, linked into a folder of their own
            pages.mkdir()
            for f in files:
                os.symlink(f, pages / f.name)
        else:
            pages = folder
        htmls = [gzip.decompress(f.read_bytes()) for f in files]
        import trafilatura  # noqa: F401 - imported before the clock: the loop's import is not counted

        cli, traf = [], []
        for _ in range(args.repeat):
            cli.append(run_cli(pages, Path(tmp) / "out.jsonl"))
            traf.append(run_trafilatura(htmls))
        records = sum(1 for _ in open(Path(tmp) / "out.jsonl", encoding="utf-8"))  # noqa: SIM115
    n = len(files)
    cw, cc = statistics.median(c[0] for c in cli), statistics.median(c[1] for c in cli)
    tw, tc = statistics.median(t[0] for t in traf), statistics.median(t[1] for t in traf)
    print(f"{n} WCXB dev pages ({records} records), median of {args.repeat}; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    print(f"newsdistill run --steps clean --workers 1 (CLI, start-up included): {cw:7.2f}s wall {n / cw:6.1f} pages/s; "
          f"CPU {cc:.2f}s; peak RSS {max(c[2] for c in cli):.0f} MiB")
    print(f"trafilatura bare_extraction(with_metadata=True), in-process loop:      {tw:7.2f}s wall {n / tw:6.1f} pages/s; "
          f"CPU {tc:.2f}s")
    print(f"newsdistill / trafilatura pages/s: {tw / cw:.2f}x wall clock (goal >= 0.9x), {tc / cc:.2f}x CPU time")


if __name__ == "__main__":
    main()
