"""The shipped ONNX span model: rebuilt from the trained layers it reproduces the torch model (fp32
compute) and the shipped file, and a missing, corrupt or mismatched file stops start-up with a clear error (never another mode)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsdistill.attribution.models import span_model as S
from newsdistill.errors import SPAN_MODEL_UNAVAILABLE

REPO = Path(__file__).resolve().parents[2]


def _texts(seed_text=None):
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    return texts + ([seed_text] if seed_text else [])


def test_shipped_model_and_tokenizer_load_and_tag():
    model = S.load()
    assert model.session.get_inputs()[0].name == "input_ids"
    info = model.session.get_modelmeta().custom_metadata_map
    assert info["tokenizer_sha256"] == S.file_sha256(S.TOKENIZER_PATH)
    assert S.ONNX_PATH.stat().st_size < 50_000_000  # the wheel's model data budget


@pytest.mark.slow
def test_export_reproduces_the_torch_model_and_the_shipped_file(tmp_path, seed_text):
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    from newsdistill.training import span_encoder as E

    texts = _texts(seed_text)
    (tmp_path / "fp32").mkdir()
    (tmp_path / "int8").mkdir()
    fp32 = E.export_onnx(out=tmp_path / "fp32" / "span_model.onnx", tokenizer_out=tmp_path / "fp32" / "span_tokenizer.json")
    got = E.compare_on_texts(fp32, texts=texts, reference=S.ONNX_PATH)
    assert got["export"] < 1e-3 and got["vs_reference"] < 1e-3  # the network itself: measured ~3e-5
    # what fp16 storage of the embeddings costs against the fp32 ones they were trained on
    # (docs/benchmarks.md, span model storage): measured ~4e-3 at most, every tag the same here
    assert got["storage"] < 2e-2 and got["min_agreement"] > 0.995
    # the int8 file (measured, not shipped): deterministic, and it keeps 99.5% of the tags here
    int8 = E.export_onnx(out=tmp_path / "int8" / "span_model.onnx", tokenizer_out=tmp_path / "int8" / "span_tokenizer.json",
                         compute="int8")
    assert int8.stat().st_size < 25_000_000
    got = E.compare_on_texts(int8, texts=texts)
    assert got["agreement"] > 0.99 and got["min_agreement"] > 0.98


def _probe(setup: str) -> subprocess.CompletedProcess:
    code = ("import sys\nfrom pathlib import Path\nfrom newsdistill.attribution.models import span_model as S\n"
            + setup + "\nfrom newsdistill.cli import main\n"
            "sys.argv = ['newsdistill', 'run', '-', '--attribution-model', 'accurate']\nmain()\n")
    return subprocess.run([sys.executable, "-c", code], input="Mayor Lena Park said the plan works.\n",
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("case", ["missing", "corrupt", "other-tokenizer", "missing-tokenizer"])
def test_a_bad_model_file_stops_start_up_with_a_clear_error(tmp_path, case):
    onnx_path, tok_path = tmp_path / "span_model.onnx", tmp_path / "span_tokenizer.json"
    shutil.copyfile(S.ONNX_PATH, onnx_path)
    shutil.copyfile(S.TOKENIZER_PATH, tok_path)
    named = onnx_path
    if case == "missing":
        onnx_path.unlink()
    elif case == "corrupt":
        onnx_path.write_bytes(onnx_path.read_bytes()[:5000])
    elif case == "other-tokenizer":
        spec = json.loads(tok_path.read_text(encoding="utf-8"))
        spec["model"]["vocab"]["newsdistillword"] = len(spec["model"]["vocab"])
        tok_path.write_text(json.dumps(spec), encoding="utf-8")
        named = tok_path
    else:
        tok_path.unlink()
        named = tok_path
    with pytest.raises(S.SpanModelError) as exc:
        S.load(onnx_path, tok_path)
    assert exc.value.code == SPAN_MODEL_UNAVAILABLE
    assert str(named) in exc.value.message and "make export-span-model" in exc.value.message
    # the CLI: one line, exit 2, no document processed, no fallback to another mode
    out = _probe(f"S.ONNX_PATH, S.TOKENIZER_PATH = Path({str(onnx_path)!r}), Path({str(tok_path)!r})")
    assert out.returncode == 2, out.stderr
    assert str(named) in out.stderr and "Traceback" not in out.stderr and out.stdout == ""
