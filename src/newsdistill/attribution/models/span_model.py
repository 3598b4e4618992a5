"""A neural span tagger for attribution: MiniLM-L6 fine-tuned as a token classifier, run on
ONNX Runtime.

It runs in the default ``accurate`` mode (``attribute(doc, span_model=...)``, ``newsdistill run
--attribution-model accurate``), with the lite tagger's vote (:func:`.combine.ensemble_prediction`).

Architecture: the MiniLM-L6 encoder of all-MiniLM-L6-v2 (6 layers, 384 wide, uncased
wordpieces) with two linear heads on every wordpiece:

* ``content``: ``O / B / I`` over the outermost Content spans (contents nest in PolNeAR: an
  attribution inside a quoted statement; the outermost one is what rules get wrong most);
* ``role``: ``O / B-S / I-S / B-C / I-C``, Source and Cue spans (these never overlap each other).

Two heads rather than one joint tag set because a Source or Cue can sit inside an outer
Content.  Text goes in paragraph-aligned windows of at most :data:`MAX_PIECES` wordpieces
(consecutive paragraphs packed together for context; a longer paragraph is cut into overlapping
chunks, each piece predicted by the chunk where it has the most context).  Predicted piece runs
become character spans snapped to word boundaries.

What ships (``data/``, licences in ``data/NOTICE``):

* ``span_model.onnx``: the whole network (embeddings, encoder, heads, log-softmax) with its
  weights stored as fp16 and cast to fp32 when the session loads them, so it computes in fp32
  (:mod:`newsdistill.training.span_encoder` builds it from ``span_model.safetensors``, the
  trained layers, and the base encoder; ``make export-span-model``.  Its ``--compute int8``
  file is 1.8x faster but lost 0.6 of the objective on PolNeAR dev: not shipped);
* ``span_tokenizer.json``: the base model's WordPiece tokenizer, run by the ``tokenizers``
  package; its SHA-256 is recorded in the model and checked at load.

No torch, transformers or sentence-transformers at run time: only ``onnxruntime``,
``tokenizers`` and numpy.  :class:`SpanModelError` (a :class:`~newsdistill.errors.Fatal`) when a
file is missing, corrupt or does not belong to the model, naming the file and the fix.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ... import errors
from ...errors import Fatal
from ..tokens import paragraph_index

DATA = Path(__file__).with_name("data")
ONNX_PATH = DATA / "span_model.onnx"
TOKENIZER_PATH = DATA / "span_tokenizer.json"
WEIGHTS_PATH = DATA / "span_model.safetensors"  # the trained layers ONNX_PATH is built from (repository only)
CONTENT_TAGS = ("O", "B", "I")
ROLE_TAGS = ("O", "B-S", "I-S", "B-C", "I-C")
MAX_PIECES = 254  # + [CLS] and [SEP] = 256
CHUNK_OVERLAP = 64
EXPORT_HINT = "reinstall newsdistill, or rebuild the model from the repository with `make export-span-model`"
THREADS_ENV = "NEWSDISTILL_THREADS"  # set by the local engine in each worker: cores / workers
# windows per ONNX Runtime call: one.  Batching windows (within or across documents) was slower on
# one thread: 156 windows of ~250 pieces took 25.9 s one by one, 31.9 s in fours, 36.3 s in eights
BATCH_WINDOWS = 1
# a piece the model did not read (a paragraph the gate skipped): every tag but O at this
# log-probability, so that no mix with the lite tagger's vote turns it into a span
SKIPPED_LOGPROB = -1e4


class SpanModelError(Fatal):
    """The span model cannot be used: its ONNX file or tokenizer is missing, corrupt, or from
    another model.  A run cannot honour the mode without it, so it is a :class:`Fatal` (code
    ``span-model-unavailable``), raised when the step is built, before any document; it never
    falls back to another mode."""

    def __init__(self, message: str):
        super().__init__(errors.SPAN_MODEL_UNAVAILABLE, message)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=4)
def _tokenizer(path: Path):
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as exc:  # tokenizers raises its own Exception subclass for a bad file
        raise SpanModelError(f"span model tokenizer {path} cannot be read ({exc}): {EXPORT_HINT}") from None
    # the base model's file pads and truncates to 128 for sentence embeddings; windows are ours
    # (with both off, the ids and offsets equal transformers' AutoTokenizer on all 928 PolNeAR,
    # seed and example texts)
    tok.no_truncation()
    tok.no_padding()
    return tok


def tokenizer(path: Path | None = None):
    """The WordPiece tokenizer (``tokenizers.Tokenizer``) of the shipped span model."""
    path = Path(path) if path is not None else TOKENIZER_PATH
    if not path.is_file():
        raise SpanModelError(f"span model tokenizer not found: {path}: {EXPORT_HINT}")
    return _tokenizer(path)


# ---------------------------------------------------------------------------------------------
# wordpieces and windows
# ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Pieces:
    ids: list[int]
    offsets: list[tuple[int, int]]  # char offsets in the text
    para: list[int]  # paragraph index of each piece


def pieces(text: str, paragraphs: list[tuple[int, int]], tok=None) -> Pieces:
    enc = (tok or tokenizer()).encode(text, add_special_tokens=False)
    starts = [p[0] for p in paragraphs] or [0]
    ids, offs, para = [], [], []
    for i, (s, e) in zip(enc.ids, enc.offsets):
        if e <= s:
            continue
        ids.append(i)
        offs.append((s, e))
        para.append(paragraph_index(starts, s))
    return Pieces(ids, offs, para)


@dataclass(slots=True)
class Window:
    start: int  # piece range fed to the model
    end: int
    keep_start: int  # pieces whose prediction this window gives
    keep_end: int


def windows(p: Pieces, max_pieces: int = MAX_PIECES, overlap: int = CHUNK_OVERLAP,
            keep: Collection[int] | None = None) -> list[Window]:
    """Consecutive paragraphs packed into windows of <= max_pieces; a longer paragraph in
    overlapping chunks (each piece kept from the chunk where it is farthest from an edge).
    ``keep``: only these paragraph indices, in windows of consecutive kept paragraphs (a skipped
    paragraph ends a window: the model reads runs of the text, as in training)."""
    runs: list[tuple[int, int]] = []  # piece ranges of paragraphs
    for i, k in enumerate(p.para):
        if runs and p.para[runs[-1][0]] == k:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    out: list[Window] = []
    cur: tuple[int, int] | None = None
    for s, e in runs:
        if keep is not None and p.para[s] not in keep:
            if cur:
                out.append(Window(*cur, *cur))
                cur = None
            continue
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


def special_ids(tok=None) -> tuple[int, int, int]:
    """The tokenizer's [CLS], [SEP] and padding ids."""
    tok = tok or tokenizer()
    return tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]"), tok.token_to_id("[PAD]")


def batch_arrays(seqs: list[list[int]], special: tuple[int, int, int] | None = None):
    """[CLS] seq [SEP], padded: (ids, mask) int64 numpy arrays (``special``: :func:`special_ids`)."""
    import numpy as np

    cls, sep, pad = special or special_ids()
    n = max(len(s) for s in seqs) + 2
    ids = np.full((len(seqs), n), pad, dtype=np.int64)
    mask = np.zeros((len(seqs), n), dtype=np.int64)
    for r, s in enumerate(seqs):
        ids[r, 0], ids[r, 1:len(s) + 1], ids[r, len(s) + 1] = cls, s, sep
        mask[r, :len(s) + 2] = 1
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
    """The span model on an ONNX Runtime session (``session``: its inputs ``input_ids`` and
    ``attention_mask``, outputs the content and role log-probabilities per piece)."""

    def __init__(self, session, meta: dict | None = None, decoding: str = "viterbi", tok=None):
        self.session = session
        self.meta = meta or {}
        self.decoding = decoding  # viterbi (valid BIO) | argmax (each piece alone)
        self.tok = tok or tokenizer()
        self.special = special_ids(self.tok)

    def window_logprobs(self, ids, mask):
        """Content and role log-probabilities of a padded batch (numpy ``(batch, seq, tags)``)."""
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask})

    def logprobs(self, text: str, paragraphs: list[tuple[int, int]], batch: int = BATCH_WINDOWS,
                 keep: Collection[int] | None = None):
        """Wordpieces of ``text`` and each piece's content and role log-probabilities (numpy
        arrays ``(pieces, len(CONTENT_TAGS))`` and ``(pieces, len(ROLE_TAGS))``).  ``keep``: run
        the model on these paragraph indices only (:mod:`.gate`); the others' pieces get
        ``O`` for certain."""
        import numpy as np

        p = pieces(text, paragraphs, self.tok)
        c_lp = np.full((len(p.ids), len(CONTENT_TAGS)), SKIPPED_LOGPROB, dtype=np.float32)
        r_lp = np.full((len(p.ids), len(ROLE_TAGS)), SKIPPED_LOGPROB, dtype=np.float32)
        c_lp[:, 0] = r_lp[:, 0] = 0.0  # O, log 1: what a skipped paragraph's pieces keep
        wins = windows(p, int(self.meta.get("max_pieces", MAX_PIECES)), keep=keep)  # as trained
        for k in range(0, len(wins), batch):
            group = wins[k:k + batch]
            ids, mask = batch_arrays([p.ids[w.start:w.end] for w in group], self.special)
            c_rows, r_rows = self.window_logprobs(ids, mask)
            for row, w in enumerate(group):  # +1: the window's [CLS]
                c_lp[w.keep_start:w.keep_end] = c_rows[row, w.keep_start - w.start + 1:w.keep_end - w.start + 1]
                r_lp[w.keep_start:w.keep_end] = r_rows[row, w.keep_start - w.start + 1:w.keep_end - w.start + 1]
        return p, c_lp, r_lp

    def tags(self, c_lp, r_lp) -> tuple[list[str], list[str]]:
        """Content and role tags from per-piece log-probabilities (valid BIO with viterbi)."""
        if self.decoding == "argmax":
            return [CONTENT_TAGS[k] for k in c_lp.argmax(-1).tolist()], [ROLE_TAGS[k] for k in r_lp.argmax(-1).tolist()]
        return viterbi(c_lp.tolist(), CONTENT_TAGS), viterbi(r_lp.tolist(), ROLE_TAGS)

    def tag(self, text: str, paragraphs: list[tuple[int, int]], batch: int = BATCH_WINDOWS) -> tuple[Pieces, list[str], list[str]]:
        """Wordpieces of ``text`` with their content and role tags."""
        p, c_lp, r_lp = self.logprobs(text, paragraphs, batch)
        return (p, *self.tags(c_lp, r_lp))

    def predict(self, text: str, paragraphs: list[tuple[int, int]]) -> Prediction:
        if not text.strip() or not paragraphs:
            return Prediction()
        p, content, role = self.tag(text, paragraphs)
        return prediction(p, content, role, text)


def threads() -> int:
    """ONNX Runtime's intra-op threads: the local engine's share of the cores per worker
    (``NEWSDISTILL_THREADS``), else one."""
    n = os.environ.get(THREADS_ENV, "")
    return int(n) if n.isdigit() and int(n) > 0 else 1


def session(path: Path):
    """An ONNX Runtime CPU session over ``path``, one inter-op thread, :func:`threads` intra-op."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads()
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.log_severity_level = 3  # no warnings on stderr for the fp16 initializers' casts
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def load(path: Path | None = None, tokenizer_path: Path | None = None) -> SpanModel:
    """The span model from ``path`` (default: the shipped ONNX file) with its tokenizer; raises
    :class:`SpanModelError` when either is missing or corrupt, or the tokenizer, tag sets or
    window size are not the ones the model was exported with."""
    path = Path(path) if path is not None else ONNX_PATH
    tokenizer_path = Path(tokenizer_path) if tokenizer_path is not None else TOKENIZER_PATH
    if path == ONNX_PATH and tokenizer_path == TOKENIZER_PATH:
        return _load_shipped()
    return _load(path, tokenizer_path)


@lru_cache(maxsize=1)
def _load_shipped() -> SpanModel:
    return _load(ONNX_PATH, TOKENIZER_PATH)


def _load(path: Path, tokenizer_path: Path) -> SpanModel:
    if not path.is_file():
        raise SpanModelError(f"span model not found: {path}: {EXPORT_HINT}")
    try:
        sess = session(path)
    except Exception as exc:  # onnxruntime raises its own Fail/InvalidProtobuf types for a bad file
        raise SpanModelError(f"span model {path} cannot be loaded ({type(exc).__name__}: "
                             f"{str(exc).splitlines()[0][:200]}): {EXPORT_HINT}") from None
    info = sess.get_modelmeta().custom_metadata_map
    tok = tokenizer(tokenizer_path)
    if info.get("tokenizer_sha256") != file_sha256(tokenizer_path):
        raise SpanModelError(f"span model tokenizer {tokenizer_path} is not the one {path.name} was exported with "
                             f"(sha256 {info.get('tokenizer_sha256')}): {EXPORT_HINT}")
    if info.get("content_tags") != ",".join(CONTENT_TAGS) or info.get("role_tags") != ",".join(ROLE_TAGS):
        raise SpanModelError(f"span model {path} has other tag sets than this code: {EXPORT_HINT}")
    return SpanModel(sess, json.loads(info.get("meta") or "{}"), tok=tok)


def prediction(p: Pieces, content: list[str], role: list[str], text: str) -> Prediction:
    """The spans of wordpiece tags."""
    return Prediction(decode(content, p.offsets, text, para=p.para), decode(role, p.offsets, text, "S", p.para),
                      decode(role, p.offsets, text, "C", p.para))


# ---------------------------------------------------------------------------------------------
# training labels (used by newsdistill.training.span_model)
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
