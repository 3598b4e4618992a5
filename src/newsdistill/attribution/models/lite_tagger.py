"""A small BiLSTM span tagger over the features spaCy already computes (``--attribution-model lite``).

Trained by ``bench/train_lite_tagger.py`` (``make train-lite-tagger``), combined with the rules
by ``combine.combine()`` under ``tuned.LITE_COMBINE`` (chosen by
``bench/tune_lite_combine.py`` on PolNeAR train's held-out tenth).  No torch at run time.

Per token: the parse's ``doc.tensor`` (the tok2vec output, 96 wide in en_core_web_sm), learned
embeddings of its coarse POS and dependency label, and flags: quote marks, punctuation,
sentence / paragraph start, inside-quote state, a cue-verb lemma, and the rules' own candidates
(token inside a rule content / at its start / in a rule cue / in a rule source), so the tagger
learns where the rules go wrong rather than the whole task.  A one-layer BiLSTM over
paragraph-packed windows of at most :data:`MAX_TOKENS` tokens, two heads as the MiniLM span
model's (``span_model.CONTENT_TAGS`` over outermost contents, ``span_model.ROLE_TAGS``).

Inference is numpy only (:class:`LiteTagger`): the input projection of every token at once, the
recurrence one step per token position with all windows of an article and both directions
batched in one matmul.  Output: a ``span_model.Prediction`` (character spans), consumed by
``combine.combine()`` unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import rules as R
from . import span_model as S

WEIGHTS_PATH = Path(__file__).with_name("data") / "lite_tagger.npz"

MAX_TOKENS = 128
# log-probability of a B tag on a wordpiece inside a word (piece_logprobs): e^-30, never chosen
INNER_B_LOGPROB = -30.0
POS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
       "SCONJ", "SPACE", "SYM", "VERB", "X")
DEPS = ("ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case", "cc",
        "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj", "expl", "intj", "mark",
        "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis", "pcomp", "pobj",
        "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "xcomp")
_POS_ID = {p: k + 1 for k, p in enumerate(POS)}  # 0: unknown
_DEP_ID = {d: k + 1 for k, d in enumerate(DEPS)}
OPENERS = frozenset("\u201c\u2018\u00ab\u201e\u201a\u2039")
CLOSERS = frozenset("\u201d\u2019\u00bb\u203a")
N_FLAGS = 14  # 10 from the parse, 4 from the rules' candidates (content, content start, cue, source)


_LEX: dict[int, tuple[int, float, float, float, float, float, float]] = {}  # orth -> (length, 6 lexical flags)
_CUE_LEMMA: dict[int, bool] = {}
_DEP_HASH: dict[int, int] = {}


def _lex(orth: int, vocab) -> tuple:
    got = _LEX.get(orth)
    if got is None:
        lexeme = vocab[orth]
        text = lexeme.orth_
        is_q = text in R.ALL_QUOTE_CHARS or text in ("``", "''")
        is_punct = lexeme.is_punct
        got = (len(text), float(is_q), float(is_q and text[0] in OPENERS), float(is_q and text[0] in CLOSERS),
               float(is_punct), float(text.isspace()), float(text[:1].isupper()))
        if len(_LEX) < 500_000:
            _LEX[orth] = got
    return got


def token_features(sdoc, paragraphs: list[tuple[int, int]], cands=None):
    """``(tensor (n, 96) float32, pos ids, dep ids, flags (n, N_FLAGS) float32, offsets, para)``;
    ``cands``: the rules' candidates (``candidates.find_candidates``), marked on the tokens they cover."""
    from spacy.attrs import DEP, IDX, LEMMA, ORTH, POS, SENT_START
    from spacy.parts_of_speech import IDS as POS_IDS

    n = len(sdoc)
    strings = sdoc.vocab.strings
    if not _DEP_HASH:
        _DEP_HASH.update({strings.add(d): k + 1 for k, d in enumerate(DEPS)})
    arr = sdoc.to_array([ORTH, LEMMA, POS, DEP, IDX, SENT_START]).reshape(n, 6)  # uint64: hashes stay positive
    small = arr[:, [2, 4, 5]].astype(np.int64)  # POS id, IDX, SENT_START (-1 / 0 / 1)
    pos_table = _pos_table(POS_IDS)
    pos = pos_table[np.clip(small[:, 0], 0, len(pos_table) - 1)]
    dep = np.array([_DEP_HASH.get(d, 0) for d in arr[:, 3].tolist()], dtype=np.int64)
    lex = np.array([_lex(o, sdoc.vocab) for o in arr[:, 0].tolist()], dtype=np.float32).reshape(n, 7)
    idx = small[:, 1]
    flags = np.zeros((n, N_FLAGS), dtype=np.float32)
    flags[:, 0:3] = lex[:, 1:4]
    flags[:, 3] = lex[:, 4]
    flags[:, 4] = lex[:, 5]
    flags[:, 5] = small[:, 2] == 1
    if n:
        flags[0, 5] = 1.0
    flags[:, 8] = lex[:, 6]
    cue = []
    for lemma in arr[:, 1].tolist():
        c = _CUE_LEMMA.get(lemma)
        if c is None:
            c = _CUE_LEMMA[lemma] = strings[lemma].lower() in R.CUE_VERBS
        cue.append(c)
    flags[:, 9] = cue
    starts = np.array([p[0] for p in paragraphs] or [0])
    para_a = np.maximum(np.searchsorted(starts, idx, side="right") - 1, 0)
    # paragraph start: the first non-space token of each paragraph
    nonspace = np.flatnonzero(lex[:, 5] == 0)
    p_ns = para_a[nonspace]
    first = nonspace[np.concatenate([[True], p_ns[1:] != p_ns[:-1]])] if len(nonspace) else nonspace
    flags[first, 6] = 1.0
    # inside-quote state: changes only at quote marks and paragraph starts
    is_first = set(first.tolist())
    events = sorted(is_first | set(np.flatnonzero(lex[:, 1]).tolist()))
    inside = False
    for j, k in enumerate(events):
        if k in is_first:
            inside = False
        if lex[k, 1]:
            if lex[k, 2]:
                inside = True
            elif lex[k, 3]:
                inside = False
            else:
                inside = not inside
        if inside:
            flags[k:events[j + 1] if j + 1 < len(events) else n, 7] = 1.0
    lengths = lex[:, 0].astype(np.int64)
    ends = idx + lengths
    for c in cands or ():
        content = c.content if c.complementizer is None else (min(c.complementizer[0], c.content[0]), c.content[1])
        for col, span in ((10, content), (12, c.cue), (13, c.source)):
            if span is None:
                continue
            a, b = np.searchsorted(idx, span[0]), np.searchsorted(ends, span[1], side="right")
            if b > a:
                flags[a:b, col] = 1.0
                if col == 10:
                    flags[a, 11] = 1.0
    offsets = list(zip(idx.tolist(), (idx + lengths).tolist()))
    tensor = sdoc.tensor if sdoc.tensor is not None and len(sdoc.tensor) == n else np.zeros((n, 96), np.float32)
    return np.asarray(tensor, dtype=np.float32), pos, dep, flags, offsets, para_a.tolist()


_POS_TABLE: list[np.ndarray] = []


def _pos_table(pos_ids: dict[str, int]) -> np.ndarray:
    if not _POS_TABLE:
        table = np.zeros(max(pos_ids.values()) + 1, dtype=np.int64)
        for name, k in _POS_ID.items():
            if name in pos_ids:
                table[pos_ids[name]] = k
        _POS_TABLE.append(table)
    return _POS_TABLE[0]


def token_windows(para: list[int], max_tokens: int = MAX_TOKENS) -> list[tuple[int, int]]:
    """Consecutive paragraphs packed into token ranges of <= max_tokens (a longer paragraph cut)."""
    runs: list[tuple[int, int]] = []
    for i, k in enumerate(para):
        if runs and para[runs[-1][0]] == k:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    out: list[tuple[int, int]] = []
    cur = None
    for s, e in runs:
        if e - s > max_tokens:
            if cur:
                out.append(cur)
                cur = None
            out.extend((a, min(a + max_tokens, e)) for a in range(s, e, max_tokens))
        elif cur and e - cur[0] <= max_tokens:
            cur = (cur[0], e)
        else:
            if cur:
                out.append(cur)
            cur = (s, e)
    if cur:
        out.append(cur)
    return out


def gold_tags(offsets, contents, sources, cues) -> tuple[list[int], list[int]]:
    ctags = ["O"] * len(offsets)
    rtags = ["O"] * len(offsets)
    S.piece_tags(offsets, S.outermost(contents), "B", "I", ctags)
    S.piece_tags(offsets, sources, "B-S", "I-S", rtags)
    S.piece_tags(offsets, cues, "B-C", "I-C", rtags)
    return [S.CONTENT_TAGS.index(t) for t in ctags], [S.ROLE_TAGS.index(t) for t in rtags]


def _argmax_tags(logits, tags):
    return [tags[k] for k in logits.argmax(-1).tolist()]


class LiteTagger:
    """Numpy inference of the exported weights (``np.load`` of the ``.npz``)."""

    def __init__(self, weights: dict[str, np.ndarray], decoding: str = "viterbi"):
        w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
        self.max_tokens = int(weights["max_tokens"]) if "max_tokens" in weights else MAX_TOKENS
        self.pos_emb, self.dep_emb = w["pos_emb"], w["dep_emb"]
        # input projections of both directions stacked: (in, 8H)
        # gate order i, f, g, o (torch); sigmoid(x) = (1 + tanh(x / 2)) / 2, so the i, f, o columns
        # are halved once here and every step takes one tanh over all four gates
        H = w["w_hh_f"].shape[1]
        scale = np.full(4 * H, 0.5, dtype=np.float32)
        scale[2 * H:3 * H] = 1.0
        self.w_ih = np.concatenate([w["w_ih_f"].T * scale, w["w_ih_b"].T * scale], axis=1)
        self.b = np.concatenate([(w["b_ih_f"] + w["b_hh_f"]) * scale, (w["b_ih_b"] + w["b_hh_b"]) * scale])
        self.w_hh = np.stack([w["w_hh_f"].T * scale, w["w_hh_b"].T * scale])  # (2, H, 4H)
        self.hidden = H
        self.content_w, self.content_b = w["content_w"].T, w["content_b"]
        self.role_w, self.role_b = w["role_w"].T, w["role_b"]
        self.decoding = decoding

    @classmethod
    def load(cls, path: Path, **kw) -> LiteTagger:
        with np.load(path) as z:
            return cls({k: z[k] for k in z.files}, **kw)

    def logits(self, tensor, pos, dep, flags, wins):
        """Content and role logits of every token (numpy)."""
        x = np.concatenate([tensor, self.pos_emb[pos], self.dep_emb[dep], flags], axis=1)
        pre = x @ self.w_ih + self.b  # (n, 8H)
        h4 = 4 * self.hidden
        n_w = len(wins)
        steps = max(e - s for s, e in wins)
        # per step, both directions: gates (2, n_w, 4H); backward reads each window reversed
        gin = np.zeros((steps, 2, n_w, h4), dtype=np.float32)
        for j, (s, e) in enumerate(wins):
            gin[:e - s, 0, j] = pre[s:e, :h4]
            gin[:e - s, 1, j] = pre[s:e, h4:][::-1]
        H = self.hidden
        h = np.zeros((2, n_w, H), dtype=np.float32)
        c = np.zeros((2, n_w, H), dtype=np.float32)
        out = np.empty((steps, 2, n_w, H), dtype=np.float32)
        w_hh = self.w_hh
        g = np.empty((2, n_w, h4), dtype=np.float32)
        sg = np.empty_like(g)
        tmp = np.empty_like(c)
        i_, f_, gg, o_ = sg[..., :H], sg[..., H:2 * H], g[..., 2 * H:3 * H], sg[..., 3 * H:]
        for t in range(steps):  # no allocation per step: every op writes into a buffer
            np.matmul(h, w_hh, out=g)
            g += gin[t]
            np.tanh(g, out=g)
            np.multiply(g, 0.5, out=sg)
            sg += 0.5  # sigmoid of the halved i, f, o pre-activations
            c *= f_
            np.multiply(i_, gg, out=tmp)
            c += tmp
            np.tanh(c, out=tmp)
            h = out[t]
            np.multiply(o_, tmp, out=h)
        hs = np.empty((len(tensor), 2 * H), dtype=np.float32)
        for j, (s, e) in enumerate(wins):
            hs[s:e, :H] = out[:e - s, 0, j]
            hs[s:e, H:] = out[:e - s, 1, j][::-1]
        return hs @ self.content_w + self.content_b, hs @ self.role_w + self.role_b

    def piece_logprobs(self, sdoc, paragraphs: list[tuple[int, int]], cands, piece_starts: list[int]):
        """Content and role log-probabilities of the span model's wordpieces (their character
        starts ``piece_starts``), for :func:`.models.combine.ensemble_prediction`: each piece
        takes its token's; a piece after the first of its token moves the B mass to I (a run
        cannot begin inside a word)."""
        n_c, n_r = len(S.CONTENT_TAGS), len(S.ROLE_TAGS)
        if not len(sdoc) or not piece_starts:
            return np.zeros((len(piece_starts), n_c), np.float32), np.zeros((len(piece_starts), n_r), np.float32)
        tensor, pos, dep, flags, offsets, para = token_features(sdoc, paragraphs, cands)
        c_log, r_log = self.logits(tensor, pos, dep, flags, token_windows(para, self.max_tokens))
        c_lp, r_lp = _log_softmax(c_log), _log_softmax(r_log)
        starts = np.array([o[0] for o in offsets])
        ps = np.asarray(piece_starts)
        tok = np.maximum(np.searchsorted(starts, ps, side="right") - 1, 0)
        inner = np.concatenate([[False], tok[1:] == tok[:-1]])  # not the token's first piece
        c, r = c_lp[tok].copy(), r_lp[tok].copy()
        for lp, tags in ((c, S.CONTENT_TAGS), (r, S.ROLE_TAGS)):
            for b, t in enumerate(tags):
                if t.startswith("B"):
                    i = tags.index("I" + t[1:])
                    lp[inner, i] = np.logaddexp(lp[inner, b], lp[inner, i])
                    lp[inner, b] = INNER_B_LOGPROB
        return c, r

    def predict(self, sdoc, text: str, paragraphs: list[tuple[int, int]], cands=None) -> S.Prediction:
        if not text.strip() or not paragraphs or not len(sdoc):
            return S.Prediction()
        tensor, pos, dep, flags, offsets, para = token_features(sdoc, paragraphs, cands)
        wins = token_windows(para, self.max_tokens)
        c_log, r_log = self.logits(tensor, pos, dep, flags, wins)
        if self.decoding == "argmax":
            content, role = _argmax_tags(c_log, S.CONTENT_TAGS), _argmax_tags(r_log, S.ROLE_TAGS)
        else:
            content = viterbi_bio(_log_softmax(c_log).tolist(), S.CONTENT_TAGS)
            role = viterbi_bio(_log_softmax(r_log).tolist(), S.ROLE_TAGS)
        return S.Prediction(S.decode(content, offsets, text, para=para), S.decode(role, offsets, text, "S", para),
                            S.decode(role, offsets, text, "C", para))


def viterbi_bio(logprobs: list[list[float]], tags: tuple[str, ...]) -> list[str]:
    """``span_model.viterbi`` (same path, same tie-breaking) for tag sets ``O, B-x, I-x, B-y, I-y, ...``:
    O and every B follow any tag, so one max per token serves them; I-x follows only B-x or I-x."""
    if not logprobs:
        return []
    n = len(tags)
    pairs = [(b, b + 1) for b in range(1, n, 2)]
    score = list(logprobs[0])
    for _, i in pairs:
        score[i] = float("-inf")
    back: list[list[int]] = []
    for row in logprobs[1:]:
        m = max(score)
        am = score.index(m)
        new = [m + v for v in row]
        ptr = [am] * n
        for b, i in pairs:
            if score[b] >= score[i]:
                new[i] = score[b] + row[i]
                ptr[i] = b
            else:
                new[i] = score[i] + row[i]
                ptr[i] = i
        back.append(ptr)
        score = new
    k = score.index(max(score))
    out = [k]
    for ptr in reversed(back):
        k = ptr[k]
        out.append(k)
    return [tags[k] for k in reversed(out)]


def _log_softmax(x):
    x = x - x.max(-1, keepdims=True)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


@lru_cache(maxsize=1)
def load() -> LiteTagger:
    """The shipped tagger (``data/lite_tagger.npz``), loaded once per process."""
    if not WEIGHTS_PATH.is_file():
        raise FileNotFoundError(f"lite tagger weights not found: {WEIGHTS_PATH} (make train-lite-tagger)")
    return LiteTagger.load(WEIGHTS_PATH)
