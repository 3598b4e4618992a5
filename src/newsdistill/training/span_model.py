"""Fine-tuning of the MiniLM-L6 span tagger (:mod:`newsdistill.attribution.models.span_model`) on PolNeAR train.

Every train article is cleaned as newsdistill cleans it, the gold Source/Cue/Content spans are
mapped onto the clean text, and each wordpiece gets a content tag (outermost contents, O/B/I) and
a role tag (O/B-S/I-S/B-C/I-C) (:func:`examples`).  One article in ten (index % 10 == 9,
:func:`newsdistill.eval.polnear.heldout_index`) is held out of training: the combination with the
rules is chosen on it (:mod:`.span_combine`), never on dev, and the model's wordpiece-span F1 on
it is logged every ``eval_every`` epochs (:func:`heldout_f1`).  :func:`train`: embeddings and the
lowest ``frozen`` layers stay frozen, AdamW with linear warm-up/decay, weights written every
``save_every`` steps and at the end.  :func:`prepare` writes the windows and a cut-down fp16 base
encoder for training on a machine without PolNeAR, spaCy or the base package (:func:`load_prepared`).
The command line: ``bench/train_span_model.py`` (``make train-span-model``).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from ..attribution.models import span_model as M
from ..eval.polnear import cleaned_articles
from . import span_encoder as E
from .data import clean_offsets
from .runs import add_runs, new_run_tally, run_f1


def examples(split: str = "train", limit: int | None = None, heldout: bool = False, start: int = 0,
             max_pieces: int | None = None):
    """Training windows ``(article index, piece ids, content tag ids, role tag ids)`` of the
    split's articles (training part, or the held-out part with ``heldout``)."""
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


def prepare(folder: Path, limit: int | None = None, max_pieces: int | None = None, log=print) -> None:
    """Write ``folder/data.pt`` (windows of train and held-out, base checksum, special ids) and
    ``folder/base/`` (config and fp16 weights, word embeddings cut to the used wordpieces, ids
    renumbered to match) for training where neither PolNeAR nor the base package is."""
    import json

    import torch
    from safetensors.torch import load_file, save_file

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
                "base": E.base_info(), "vocab_used": len(used),
                "max_pieces": max_pieces}, folder / "data.pt")
    cfg = json.loads((E.base_dir() / "config.json").read_text())
    cfg["vocab_size"] = len(used)
    (folder / "base" / "config.json").write_text(json.dumps(cfg, indent=1))
    state = load_file(str(E.base_dir() / "model.safetensors"))
    key = next(k for k in state if k.endswith("word_embeddings.weight"))
    state[key] = state[key][torch.tensor(used)]
    save_file({k: v.to(torch.float16).contiguous() for k, v in state.items()}, str(folder / "base" / "model.safetensors"))
    log(f"{len(train)} train and {len(heldout)} held-out windows, {len(used)} wordpieces used -> {folder}")


def heldout_f1(model, rows, special, device, batch: int = 64) -> dict[str, float]:
    """Exact F1 of content, source and cue wordpiece runs on held-out windows (argmax tags; the
    product decodes with Viterbi over whole articles, so this is a quick proxy for choosing)."""
    import torch

    tally = new_run_tally()
    model.eval()
    with torch.inference_mode(), _autocast(device):
        for k in range(0, len(rows), batch):
            group = rows[k:k + batch]
            ids, mask = E.batch_tensors([r[1] for r in group], special)
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
    """Tag-id rows as a padded label tensor (-100 where ignored: [CLS], [SEP], padding)."""
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

    random.seed(seed)
    torch.manual_seed(seed)
    model = E.build_model(frozen, base)
    if init is not None:
        model.load_state_dict(E.load(init).model.state_dict())
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
            ids, mask = E.batch_tensors([r[1] for r in rows], special)
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
                E.save(model, out, dict(meta, steps=step, epochs_done=round(step / per_epoch, 3),
                                        train_seconds=round(elapsed)), base_info)
                model.train()
                log(f"saved {out} at step {step}")
            if out_of_time:
                log("time limit reached")
                return model
    model.eval()
    return model


def load_prepared(path: Path) -> tuple[list, list, tuple, dict, int]:
    """``(train windows, held-out windows, special ids, base checksum, max pieces)`` written by :func:`prepare`."""
    import torch

    blob = torch.load(path, weights_only=True)
    return blob["train"], blob["heldout"], tuple(blob["special"]), blob["base"], blob.get("max_pieces", 254)


def continued_stages(init: Path) -> list[dict]:
    """The training stages (``from_step``, learning rates) of the weights ``init``, the last one
    closed at the step they were written: the history a continued run carries on."""
    prev = E.load(init).meta
    stages = prev.get("stages") or [{"from_step": 0, "lr": prev.get("lr"), "head_lr": prev.get("head_lr")}]
    stages[-1]["to_step"] = prev.get("steps")
    return stages
