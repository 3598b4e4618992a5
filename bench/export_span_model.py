"""Build the shipped ONNX span model from the trained layers (``make export-span-model``).

    python bench/export_span_model.py [--weights W.safetensors] [--out span_model.onnx] [--compute int8|fp32]

Needs the ``train`` extra (torch, the base encoder's package, onnx); trains nothing.  Writes
``span_model.onnx`` and ``span_tokenizer.json`` (the base tokenizer) beside it.  The shipped file
computes in fp32 with its weights stored as fp16 (``--compute fp32``, the default); ``--compute
int8`` writes ONNX Runtime's dynamic quantisation of it (measured, not shipped: docs/attribution.md).
Then prints how far its log-probabilities are from the torch model's on the bundled examples: the
fp32 export is within 1e-3 of it (reproducible, not byte for byte); int8 is compared by the tags
it agrees on.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsdistill.training.span_encoder import COMPARISON_LABELS, COMPUTES, SHIPPED_COMPUTE, compare_on_texts, export_onnx


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weights", type=Path, default=None, help="trained layers (default: the shipped span_model.safetensors)")
    ap.add_argument("--out", type=Path, default=None, help="ONNX file (default: the shipped span_model.onnx)")
    ap.add_argument("--compute", choices=COMPUTES, default=SHIPPED_COMPUTE)
    args = ap.parse_args()
    t0 = time.perf_counter()
    out = export_onnx(args.weights, args.out, args.out.with_name("span_tokenizer.json") if args.out else None,
                      compute=args.compute)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB, {args.compute} compute, in {time.perf_counter() - t0:.0f}s", flush=True)
    for key, value in compare_on_texts(out, args.weights).items():
        print(f"{COMPARISON_LABELS[key]}: {value:.4g}" if isinstance(value, float) else f"{COMPARISON_LABELS[key]}: {value}")


if __name__ == "__main__":
    main()
