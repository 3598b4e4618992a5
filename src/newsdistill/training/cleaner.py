"""Training of the plain-text line classifier (clean/line_model.py): ``make train-cleaner``.

Data (docs/cleaning.md has the protocol and the numbers):

* WCXB dev article pages rendered to keep-everything text (:func:`newsdistill.eval.wcxb.render`),
  first half of the sorted ids only (the second half is held out for the bench).  A line is
  article content when its words occur in ``main_content`` (:func:`label_lines`);
* PolNeAR train texts minus the held-out tenth (:func:`newsdistill.eval.polnear.heldout_index`):
  clean articles, every line content;
* our own cases (:mod:`newsdistill.training.cleaner_cases`).

Only the lines the certain rules leave open are training rows (classify.verdicts).  A logistic
regression (scikit-learn, lbfgs: deterministic) over standardised features, with rows weighted by
the square root of their words (the score is word F1; a one-word menu item still counts);
``C`` and the removal threshold are chosen by 5-fold cross-validation by page inside the first
half, on word F1 of the kept lines.  Gradient-boosted trees (scikit-learn's
HistGradientBoostingClassifier, seeded) are scored in the same folds for comparison.  The HTML
mode threshold is chosen on the first half's trafilatura text the same way.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..clean.classify import model_rows, rule_pass
from ..clean.line_features import FEATURE_NAMES
from ..clean.lines import split_lines
from ..eval import wcxb
from ..eval.polnear import heldout_index
from ..eval.shared import shared_dir
from ..eval.wordmatch import tokens

MODEL_PATH = Path(__file__).resolve().parents[1] / "clean" / "data" / "line_model.json"
SHORT_LINE_TOKENS = 6  # shorter lines are only content where they sit between their content neighbours in gold
SHINGLE = 4  # a long line is content when >= half of its 4-word shingles occur in gold
FOLDS = 5
C_GRID = (0.03, 0.3)  # CV F1 differed by < .0005 over 0.03-3 without bins
N_BINS = 6  # quantile bins per continuous feature
THRESHOLDS = tuple(round(0.30 + 0.025 * k, 3) for k in range(25))  # 0.30 .. 0.90
KEPT_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)  # to remove a line the rules kept
HTML_MIN_GAIN = 0.001  # word F1 the model must add in HTML mode on the first half to be used there
F1_TOLERANCE = 0.001  # word F1 this close to the best counts as a tie: then the higher recall wins
POLNEAR_WEIGHT = 4.0  # a clean article's line counts 4x: losing a lede is the worst mistake (2x: 30 lines lost per 100 held-out articles)
JUDGED_OUT = frozenset(("certain", "caption", "meta"))


@dataclass
class Doc:
    """One document's judged lines: feature rows, labels (1 = boilerplate), token counts, and its
    gold tokens (None for clean articles and cases: no word score)."""

    source: str
    group: str
    rows: list[list[float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    words: list[Counter] = field(default_factory=list)
    gold: Counter | None = None
    rule_kept: list[bool] = field(default_factory=list)  # the rules kept the line (verdict body.*)
    always: Counter = field(default_factory=Counter)  # rule-kept words the model does not judge (none today)


def label_lines(texts: list[str], gold: str) -> list[int]:
    """1 = boilerplate, 0 = content, for each line text, against ``gold`` (the page's main content).

    Lines of >= ``SHORT_LINE_TOKENS`` words are content when their word sequence, or half their
    4-word shingles, occur in gold.  Shorter lines ("Politics", a one-line heading) also occur in
    gold by chance, so they are content only when found in gold between the positions of the
    content lines around them."""
    hay = " " + " ".join(tokens(gold)) + " "
    toks = [tokens(t) for t in texts]
    labels = [1] * len(texts)
    anchors: dict[int, tuple[int, int]] = {}
    for i, tk in enumerate(toks):
        if len(tk) < SHORT_LINE_TOKENS:
            continue
        needle = " " + " ".join(tk) + " "
        at = hay.find(needle)
        if at >= 0:
            labels[i], anchors[i] = 0, (at, at + len(needle))
            continue
        shingles = [" " + " ".join(tk[k:k + SHINGLE]) + " " for k in range(len(tk) - SHINGLE + 1)]
        found = [hay.find(s) for s in shingles]
        hits = [f for f in found if f >= 0]
        if len(hits) * 2 >= len(shingles):
            labels[i], anchors[i] = 0, (min(hits), max(hits))
    keys = sorted(anchors)
    for i, tk in enumerate(toks):
        if not tk or len(tk) >= SHORT_LINE_TOKENS:
            continue
        before = [k for k in keys if k < i]
        after = [k for k in keys if k > i]
        lo = anchors[before[-1]][0] if before else 0
        hi = anchors[after[0]][1] if after else len(hay)
        if lo <= hi and hay.find(" " + " ".join(tk) + " ", max(0, lo - 1), hi + 1) >= 0:
            labels[i] = 0
    return labels


def doc_from_text(text: str, source: str, group: str, labels_of=None, gold: str | None = None,
                  layout: bool = True) -> Doc | None:
    """The judged lines of one text.  ``labels_of``: line texts -> labels (None: all content)."""
    lines = split_lines(text)
    state = rule_pass(lines, layout)
    if isinstance(state, list) or not lines:
        return None
    decisions, first, last = state
    kinds, rows = model_rows(lines, decisions, first, last)
    labels = labels_of([line.text for line in lines]) if labels_of else [0] * len(lines)
    doc = Doc(source, group, gold=Counter(tokens(gold)) if gold is not None else None)
    for line, kind, row, label in zip(lines, kinds, rows, labels):
        if kind in JUDGED_OUT:
            continue
        doc.rows.append(row)
        doc.rule_kept.append(kind.startswith("body."))
        doc.labels.append(label)
        doc.words.append(Counter(tokens(line.text[:100_000])))
    return doc


def wcxb_docs(ids: list[str], cache: Path | None = None) -> list[Doc]:
    root = shared_dir() / wcxb.DATASET
    docs = []
    for page_id in ids:
        html, truth = wcxb.load_page(root, page_id)
        gold = truth.get("main_content") or ""
        if not gold.strip():
            continue
        cached = cache / f"{page_id}.txt" if cache else None
        if cached is not None and cached.exists():
            text = cached.read_text(encoding="utf-8")
        else:
            text = wcxb.render(html)
            if cached is not None:
                cached.write_text(text, encoding="utf-8")
        doc = doc_from_text(text, "wcxb", f"wcxb:{page_id}", lambda ts, g=gold: label_lines(ts, g), gold)
        if doc is not None:
            docs.append(doc)
    return docs


def html_docs() -> list[Doc]:
    """The first half's pages through HTML mode's extraction (trafilatura, as
    ``eval.html_quality`` runs it), for the HTML threshold."""
    from ..errors import BadRecord
    from ..eval.html_quality import load_pages
    from ..read.html import ExtractHtml, html_document
    from ..record import Source

    extract = ExtractHtml(timeout=None)
    docs = []
    for page_id, html, truth, url in load_pages("first"):
        gold = truth.get("main_content") or ""
        try:
            rec = extract(html_document(html, "page", Source(url=url)))
        except BadRecord:
            continue
        if rec.status != "ok" or not rec.input_text:
            continue
        doc = doc_from_text(rec.input_text, "html", f"html:{page_id}", lambda ts, g=gold: label_lines(ts, g), gold,
                            layout=False)
        if doc is not None:
            docs.append(doc)
    return docs


def polnear_docs() -> list[Doc]:
    """PolNeAR train texts without the held-out tenth: clean articles."""
    texts = sorted((shared_dir() / "data" / "polnear" / "train" / "text").glob("*.txt"))
    docs = []
    for n, path in enumerate(texts):
        if heldout_index(n):
            continue
        doc = doc_from_text(path.read_text(encoding="utf-8"), "polnear", f"polnear:{path.stem}")
        if doc is not None:
            docs.append(doc)
    return docs


def case_docs() -> list[Doc]:
    from .cleaner_cases import CASES, parse_case

    docs = []
    for k, case in enumerate(CASES):
        text, boiler = parse_case(case)
        doc = doc_from_text(text, "cases", f"case:{k}", lambda ts, b=boiler: [int(t in b) for t in ts])
        if doc is not None:
            docs.append(doc)
    return docs


def _matrix(docs: list[Doc]):
    import numpy as np

    X = np.array([row for d in docs for row in d.rows], dtype=float)
    y = np.array([lab for d in docs for lab in d.labels], dtype=int)
    w = np.array([math.sqrt(max(1, sum(c.values()))) * (POLNEAR_WEIGHT if d.source == "polnear" else 1.0)
                  for d in docs for c in d.words], dtype=float)
    return X, y, w


def word_f1(docs: list[Doc], probs: list[list[float]], threshold: float, threshold_kept: float | None = None
            ) -> tuple[float, float, float]:
    """Micro word P/R/F1 of the kept lines over docs with gold: a line the rules removed is kept
    when P(boilerplate) < ``threshold``, one the rules kept when P < ``threshold_kept``."""
    tk = threshold if threshold_kept is None else threshold_kept
    overlap = pred = gold = 0
    for d, ps in zip(docs, probs):
        if d.gold is None:
            continue
        kept = Counter()
        for c, p, rk in zip(d.words, ps, d.rule_kept):
            if p < (tk if rk else threshold):
                kept.update(c)
        kept.update(d.always)
        overlap += sum((kept & d.gold).values())
        pred += sum(kept.values())
        gold += sum(d.gold.values())
    p = overlap / pred if pred else 0.0
    r = overlap / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def lost_lines(docs: list[Doc], probs: list[list[float]], threshold: float) -> int:
    return sum(1 for d, ps in zip(docs, probs) for lab, p in zip(d.labels, ps) if lab == 0 and p >= threshold)


def bin_edges(docs: list[Doc], n_bins: int = N_BINS) -> list[tuple[int, list[float]]]:
    """(feature index, inner quantile edges) of every feature with more than 3 distinct values."""
    import numpy as np

    X, _, _ = _matrix(docs)
    out = []
    for k in range(X.shape[1]):
        col = X[:, k]
        if len(np.unique(col)) <= 3:
            continue
        qs = np.quantile(col, [q / n_bins for q in range(1, n_bins)])
        edges = sorted({round(float(v), 6) for v in qs})
        out.append((k, edges))
    return out


class BinnedLogistic:
    """Logistic regression over the rows and their features' quantile-bin one-hots
    (:func:`newsdistill.clean.line_model.expand`, the same code the cleaner runs)."""

    def __init__(self, C: float, bins):
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        self.bins, self.scaler, self.lr = bins, StandardScaler(), LogisticRegression(C=C, max_iter=3000)

    def _expand(self, X):
        import numpy as np

        parts = [X]
        for k, edges in self.bins:
            idx = np.searchsorted(np.array(edges), X[:, k], side="right")
            onehot = np.zeros((X.shape[0], len(edges) + 1))
            onehot[np.arange(X.shape[0]), idx] = 1.0
            parts.append(onehot)
        return np.hstack(parts)

    def fit(self, X, y, sample_weight=None):
        Z = self.scaler.fit_transform(self._expand(X))
        self.lr.fit(Z, y, sample_weight=sample_weight)
        return self

    def predict_proba(self, X):
        return self.lr.predict_proba(self.scaler.transform(self._expand(X)))


def _trees():
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, max_leaf_nodes=31, random_state=0)


def _fit(model, docs: list[Doc]):
    X, y, w = _matrix(docs)
    model.fit(X, y, sample_weight=w)
    return model


def _predict(model, docs: list[Doc]) -> list[list[float]]:
    import numpy as np

    out = []
    for d in docs:
        out.append(model.predict_proba(np.array(d.rows, dtype=float))[:, 1].tolist() if d.rows else [])
    return out


def cross_validate(make, wcxb_first: list[Doc], extra: list[Doc], folds: int = FOLDS) -> list[list[float]]:
    """Out-of-fold P(boilerplate) for the first-half pages (folds by page, in id order); the
    clean articles and cases are in every training fold."""
    probs: list[list[float]] = [[] for _ in wcxb_first]
    for k in range(folds):
        test = [i for i in range(len(wcxb_first)) if i % folds == k]
        train = [d for i, d in enumerate(wcxb_first) if i % folds != k] + extra
        model = _fit(make(), train)
        for i, p in zip(test, _predict(model, [wcxb_first[i] for i in test])):
            probs[i] = p
    return probs


def best_threshold(docs: list[Doc], probs: list[list[float]]) -> tuple[float, tuple[float, float, float]]:
    """One threshold for every line (HTML mode): the best word F1."""
    scored = [(word_f1(docs, probs, t), t) for t in THRESHOLDS]
    (prf, t) = max(scored, key=lambda s: (round(s[0][2], 4), s[1]))
    return t, prf


def html_threshold(docs: list[Doc], probs: list[list[float]]):
    """HTML mode's threshold: the model only removes lines the rules kept (a soft rule's match
    stays removed), so the lines the rules removed count as removed at every threshold.
    Returns ``(threshold, prf at it, prf of the rules' kept lines)``."""
    keep_all = word_f1(docs, probs, -1.0, 2.0)
    scored = [(word_f1(docs, probs, -1.0, t), t) for t in THRESHOLDS + KEPT_THRESHOLDS]
    prf, t = max(scored, key=lambda s: (round(s[0][2], 4), s[1]))
    return t, prf, keep_all


def best_thresholds(docs: list[Doc], probs: list[list[float]]) -> tuple[float, float, tuple[float, float, float]]:
    """``(threshold, threshold_kept, prf)``: of the pairs within ``F1_TOLERANCE`` of the best
    word F1, the one that keeps the most article words (highest recall): losing content is the
    worse mistake, and on the first half's folds F1 is flat over a wide band of thresholds
    (.9359 at 0.4/0.475, .9351 at 0.4/0.7 with recall .960 -> .974)."""
    scored = [(word_f1(docs, probs, t, tk), t, tk) for t in THRESHOLDS[::2] for tk in KEPT_THRESHOLDS]
    best = max(s[0][2] for s in scored)
    prf, t, tk = max((s for s in scored if s[0][2] >= best - F1_TOLERANCE), key=lambda s: (s[0][1], s[1], s[2]))
    return t, tk, prf


def export(model, threshold: float, threshold_kept: float, threshold_html: float, info: dict) -> dict:
    scaler, lr = model.scaler, model.lr
    return {
        "name": "line-logreg-1",
        "kind": "logistic-regression over features and their quantile bins",
        "features": list(FEATURE_NAMES),
        "bins": [[k, edges] for k, edges in model.bins],
        "mean": [round(float(v), 8) for v in scaler.mean_],
        "scale": [round(float(v), 8) if v > 0 else 1.0 for v in scaler.scale_],
        "coef": [round(float(v), 8) for v in lr.coef_[0]],
        "intercept": round(float(lr.intercept_[0]), 8),
        "threshold": threshold,
        "threshold_kept": threshold_kept,
        "threshold_html": threshold_html,
        "training": info,
    }


def train(out: Path = MODEL_PATH, cache: Path | None = None, log=print, compare_trees: bool = True) -> dict:
    t0 = time.perf_counter()
    ids = wcxb.page_ids(shared_dir() / wcxb.DATASET)
    first, _second = wcxb.split_half(ids)
    log(f"WCXB first half: {len(first)} pages (ids {first[0]}-{first[-1]}); rendering and labelling ...")
    pages = wcxb_docs(first, cache)
    articles = polnear_docs()
    cases = case_docs()
    extra = articles + cases
    n_rows = sum(len(d.rows) for d in pages + extra)
    log(f"  {len(pages)} pages, {len(articles)} PolNeAR train articles (held-out tenth left out), {len(cases)} cases: "
        f"{n_rows} judged lines ({time.perf_counter() - t0:.0f} s)")
    bins = bin_edges(pages + extra)
    results = {}
    for C in C_GRID:
        probs = cross_validate(lambda C=C: BinnedLogistic(C, bins), pages, extra)
        t, tk, prf = best_thresholds(pages, probs)
        results[C] = (t, tk, prf)
        log(f"  logistic C={C:<5} CV word P {prf[0]:.4f} R {prf[1]:.4f} F1 {prf[2]:.4f} at thresholds {t} / {tk} (kept lines)")
    C = max(C_GRID, key=lambda c: (round(results[c][2][2], 4), -c))
    threshold, threshold_kept, prf = results[C]
    info: dict = {"C": C, "cv_word_prf": [round(v, 4) for v in prf], "pages": len(pages), "articles": len(articles),
                  "cases": len(cases), "rows": n_rows}
    if compare_trees:
        tprobs = cross_validate(_trees, pages, extra)
        tt, ttk, tprf = best_thresholds(pages, tprobs)
        info["trees_cv_word_prf"] = [round(v, 4) for v in tprf]
        log(f"  gradient-boosted trees  CV word P {tprf[0]:.4f} R {tprf[1]:.4f} F1 {tprf[2]:.4f} at thresholds {tt} / {ttk} "
            "(not shipped: see docs/cleaning.md)")
    model = _fit(BinnedLogistic(C, bins), pages + extra)
    log(f"chosen: logistic C={C}, thresholds {threshold} / {threshold_kept}")
    log("HTML mode: the first half through trafilatura ...")
    hdocs = html_docs()
    hprobs = _predict(model, hdocs)
    threshold_html, hprf, keep_all = html_threshold(hdocs, hprobs)
    if hprf[2] < keep_all[2] + HTML_MIN_GAIN:
        # not clearly better than keeping every line the rules keep: the model removes nothing there
        # (first half: +.0002 at 0.35, and the held-out half lost .0011 with it)
        threshold_html = 1.0
    info["html_first_half_prf"] = [round(v, 4) for v in hprf]
    info["html_first_half_keep_prf"] = [round(v, 4) for v in keep_all]
    log(f"  HTML first half word F1 {hprf[2]:.4f} at threshold {threshold_html} (rules' kept lines: {keep_all[2]:.4f})")
    data = export(model, threshold, threshold_kept, threshold_html, info)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {out} ({time.perf_counter() - t0:.0f} s)")
    return data
