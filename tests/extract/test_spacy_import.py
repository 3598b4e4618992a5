"""spaCy is imported without thinc's torch support unless something could use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")
PROBE = ("import newsdistill.extract.roles, thinc.compat, sys; "
         "print(thinc.compat.has_torch, 'torch' in sys.modules and sys.modules['torch'] is not None)")


def _probe(**env) -> str:
    full = {k: v for k, v in os.environ.items() if k != "NEWSDISTILL_THINC_TORCH"}
    full.update(PYTHONPATH=SRC, **env)
    out = subprocess.run([sys.executable, "-c", PROBE], env=full, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_thinc_does_not_import_torch_for_the_shipped_pipeline():
    pytest.importorskip("torch", reason="only matters when torch is installed (the model extra)")
    if __import__("importlib").util.find_spec("spacy_transformers") is not None:
        pytest.skip("spacy-transformers installed: torch is kept for thinc on purpose")
    assert _probe() == "False False"


def test_the_user_can_keep_torch_for_thinc():
    pytest.importorskip("torch", reason="only matters when torch is installed (the model extra)")
    assert _probe(NEWSDISTILL_THINC_TORCH="1") == "True True"


def test_torch_imports_for_real_after_spacy():
    pytest.importorskip("torch", reason="only matters when torch is installed (the model extra)")
    code = "import newsdistill.extract.roles, torch; print(torch.tensor([1, 2]).sum().item())"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": SRC},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "3", out.stderr
