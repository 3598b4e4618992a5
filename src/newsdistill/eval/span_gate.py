"""What the span model's gate (:mod:`newsdistill.attribution.models.gate`) leaves out: the share of
wordpieces the model reads, on PolNeAR articles and on the main text of WCXB dev pages.
``bench/span_gate.py`` prints it."""

from __future__ import annotations

import ast
import json

from .shared import shared_dir


def polnear_texts(split: str = "dev", n: int = 40) -> list[str]:
    folder = shared_dir() / "data" / "polnear" / split / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:n]]


def wcxb_texts(n: int = 80, min_words: int = 150) -> list[str]:
    """Title and main content (WCXB's ground truth) of the first ``n`` dev pages with at least
    ``min_words`` words of it."""
    out = []
    for p in sorted((shared_dir() / "data" / "wcxb-dev-articles" / "ground-truth").glob("*.json")):
        gt = json.loads(p.read_text(encoding="utf-8"))["ground_truth"]
        gt = ast.literal_eval(gt) if isinstance(gt, str) else gt
        body = gt.get("main_content") or ""
        if len(body.split()) >= min_words:
            out.append(f"{gt.get('title') or ''}\n\n{body}")
        if len(out) >= n:
            break
    return out


def fed_share(texts: list[str]) -> dict:
    """Distil ``texts`` in the default mode, counting the wordpieces (body and title) and those the
    span model read: ``{"texts", "pieces", "fed", "share"}``."""
    from .. import distill
    from ..attribution.models import span_model as S

    model = S.load()
    counts = {"pieces": 0, "fed": 0}
    run, logprobs = model.window_logprobs, model.logprobs

    def counting_run(ids, mask):
        counts["fed"] += int(mask.sum()) - 2 * ids.shape[0]  # less [CLS] and [SEP]
        return run(ids, mask)

    def counting_logprobs(text, paragraphs, batch=S.BATCH_WINDOWS, keep=None):
        out = logprobs(text, paragraphs, batch, keep)
        counts["pieces"] += len(out[0].ids)
        return out

    model.window_logprobs, model.logprobs = counting_run, counting_logprobs
    try:
        for text in texts:
            distill(text)
    finally:
        model.window_logprobs, model.logprobs = run, logprobs
    return {"texts": len(texts), **counts, "share": counts["fed"] / counts["pieces"] if counts["pieces"] else 1.0}
