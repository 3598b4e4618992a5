"""Records of the bundled examples, the seed and PolNeAR dev, in every attribution mode, for a
byte-for-byte comparison across a refactor.

    NEWSDISTILL_SHARED=../shared python bench/record_snapshot.py OUT_DIR
    diff -r BEFORE_DIR AFTER_DIR      # no output: behaviour unchanged

Runs the ``newsdistill run`` command (one worker, so record order is input order) on
``examples/``, ``../shared/seed/`` and the raw ``.txt`` of PolNeAR dev (read in place), once per
attribution mode, writing ``OUT_DIR/{corpus}-{mode}.jsonl``.  It goes through the CLI only, so it
runs the same way on either side of a change to the package's insides.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODES = ("rules", "lite", "minilm")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--modes", default=",".join(MODES))
    args = ap.parse_args()
    shared = Path(os.environ.get("NEWSDISTILL_SHARED", REPO.parent / "shared")).resolve()
    corpora = {"examples": Path("examples"),  # relative: the same record paths from any checkout
               "seed": shared / "seed",
               "polnear-dev": shared / "data" / "polnear" / "dev" / "text"}
    args.out.mkdir(parents=True, exist_ok=True)
    cli = [sys.executable, "-m", "newsdistill.cli"]
    for mode in args.modes.split(","):
        for name, path in corpora.items():
            out = (args.out / f"{name}-{mode}.jsonl").resolve()
            cmd = cli + ["run", str(path), "-o", str(out), "--workers", "1", "--no-progress",
                         "--attribution-model", mode]
            subprocess.run(cmd, check=True, cwd=REPO)
            print(f"{out}: {sum(1 for _ in out.open(encoding='utf-8'))} records", flush=True)


if __name__ == "__main__":
    main()
