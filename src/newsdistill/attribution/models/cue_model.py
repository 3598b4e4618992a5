"""A small learned cue detector: logistic regression over spaCy token features.

Which verbs attribute something is where rules are weakest (PolNeAR counts "called for",
"touted", "dismissed", "hopes" ... as cues).  This model scores every verb of the parse; the
rules in :mod:`.candidates` then find the source and content of the verbs it accepts.  Weights are
trained on the PolNeAR *train* split only by ``make train-attribution``
(``bench/train_attribution.py``) and shipped as ``data/cue_model.json`` (a few hundred KB).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from .. import rules as R

MODEL_PATH = Path(__file__).with_name("data") / "cue_model.json"
CHILD_DEPS = ("ccomp", "dobj", "xcomp", "nsubj", "nsubjpass", "prep", "prt", "advcl", "agent", "dative", "attr",
              "acomp", "aux", "neg", "mark", "conj", "oprd")


def is_candidate(tok) -> bool:
    """Tokens the model scores: verbs."""
    return tok.pos_ == "VERB"


def token_features(tok, in_quote: bool, quote_before: bool, quote_after: bool) -> list[str]:
    lemma = tok.lemma_.lower()
    f = ["bias", "l=" + lemma, "d=" + tok.dep_, "t=" + tok.tag_, f"l|d={lemma}|{tok.dep_}",
         f"hd={tok.dep_}|{tok.head.lemma_.lower()}"]
    deps = {c.dep_ for c in tok.children}
    for d in CHILD_DEPS:
        if d in deps:
            f.append("k=" + d)
            f.append(f"l|k={lemma}|{d}")
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            kind = c.lower_ if c.pos_ == "PRON" else (c.ent_type_ or c.pos_)
            f.append("s=" + kind)
            f.append(f"l|s={lemma}|{c.pos_}")
        elif c.dep_ == "prep":
            f.append("p=" + c.lower_)
            f.append(f"l|p={lemma}|{c.lower_}")
        elif c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            f.append("that-clause")
            f.append(f"l|that={lemma}")
    if in_quote:
        f.append("in-quote")
        f.append(f"l|inq={lemma}")
    if quote_before:
        f.append("quote-before")
    if quote_after:
        f.append("quote-after")
    if lemma in R.CUE_VERBS or lemma in R.DOBJ_CUES or lemma in R.PREP_CUES:
        f.append("rule-list")
    return f


class CueModel:
    def __init__(self, weights: dict[str, float], threshold: float, meta: dict | None = None):
        self.weights = weights
        self.threshold = threshold
        self.meta = meta or {}

    def prob(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, features: list[str]) -> bool:
        return self.prob(features) >= self.threshold

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "meta": self.meta,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}

    def save(self, path: Path = MODEL_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=0, sort_keys=True), encoding="utf-8")

    @classmethod
    def from_dict(cls, d: dict) -> CueModel:
        return cls(d["weights"], d["threshold"], d.get("meta"))


@lru_cache(maxsize=1)
def load() -> CueModel | None:
    """The shipped model, or None when no weights are shipped (rules alone then)."""
    if not MODEL_PATH.is_file():
        return None
    return CueModel.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
