"""Build the shipped ONNX span model from the trained layers (``make export-span-model``).

    python bench/export_span_model.py [--weights W.safetensors] [--out span_model.onnx]

Needs the ``train`` extra (torch, the base encoder's package, onnx); trains nothing.  Writes
``span_model.onnx`` (weights stored as fp16, computed in fp32) and ``span_tokenizer.json`` (the base
tokenizer) beside it, then prints how far its log-probabilities are from the torch model's on the
bundled examples (the export is reproducible: within 1e-3, not byte for byte).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsdistill.training.span_encoder import compare_on_texts, export_onnx


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weights", type=Path, default=None, help="trained layers (default: the shipped span_model.safetensors)")
    ap.add_argument("--out", type=Path, default=None, help="ONNX file (default: the shipped span_model.onnx)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    out = export_onnx(args.weights, args.out)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t0:.0f}s", flush=True)
    for name, value in compare_on_texts(out, args.weights).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
