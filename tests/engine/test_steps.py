"""--steps through the run: clean-only records, the engines, the resume manifest (issue 17)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsdistill.engine.runner import RunOptions, run_corpus
from newsdistill.errors import Fatal
from newsdistill.pipeline import PRESETS, STEP_NAMES, default_pipeline, default_steps, select_steps
from support.engine_corpus import make_corpus

CLEAN = PRESETS["clean"]
TEXT = ("The council voted on Monday to close the old bridge for repairs, Mayor Anna Berg said.\n\n"
        "Work will start in March and last about two years, officials said in a statement.")


def _read(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")]  # noqa: SIM115


def test_step_names_are_the_default_pipelines_steps():
    names = [s.name for s in default_steps("fast")]
    assert [n for n in names if n != "html-captions"] == list(STEP_NAMES)
    assert names.index("html-captions") == names.index("clean") + 1  # captions are part of clean


@pytest.mark.parametrize("spec, chosen", [
    (None, STEP_NAMES), ("all", STEP_NAMES), ("clean", ("html", "clean", "language")),
    ("CLEAN", ("html", "clean", "language")),
    ("clean,language", ("html", "clean", "language")),  # html always runs: it turns pages into text
    ("html,clean", ("html", "clean")),
    (" language , clean ", ("html", "clean", "language")),  # pipeline order whatever the order given
    ("clean,language,parse,entities,dates", ("html", "clean", "language", "parse", "entities", "dates")),
    (["clean", "language", "parse", "entities", "figures", "attribution"],
     ("html", "clean", "language", "parse", "entities", "figures", "attribution")),
])
def test_select_steps(spec, chosen):
    assert select_steps(spec) == chosen


@pytest.mark.parametrize("spec, code, words", [
    ("clean,entities", "bad-pipeline", ["entities", "nlp_doc", "add parse"]),
    ("parse", "bad-pipeline", ["parse", "text", "add clean, language"]),
    ("clean,language,parse,attribution", "bad-pipeline", ["attribution", "entities", "figures"]),
    ("clean,language,parse,figures", "bad-pipeline", ["figures", "entities"]),
    ("clean,ner", "bad-option", ["'ner'"]),
    ("", "bad-option", ["none given"]),
    (",", "bad-option", ["none given"]),
    ("clean,all", "bad-option", ["'all'"]),  # a preset is not a step name inside a list
])
def test_impossible_step_lists_are_refused_before_any_model_loads(spec, code, words):
    with pytest.raises(Fatal) as info:
        select_steps(spec)
    assert info.value.code == code
    assert all(w in info.value.message for w in words), info.value.message


def test_clean_only_pipeline_imports_no_spacy():
    code = ("import sys; from newsdistill.pipeline import default_pipeline; from newsdistill.record import Document;"
            "p = default_pipeline('accurate', 'clean');"
            f"d = p(Document(id='x', input_text={TEXT!r}));"
            "assert d.status == 'ok' and d.text, d; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('spacy', 'onnxruntime', 'thinc')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_records_name_the_steps_left_out():
    text = TEXT
    doc = default_pipeline("fast", "clean")(_doc(text))
    skipped = doc.to_dict()["skipped"]
    assert [s["step"] for s in skipped] == ["parse", "entities", "figures", "dates", "attribution"]
    assert all("not selected" in s["reason"] and "html, clean, language" in s["reason"] for s in skipped)
    record = doc.to_dict()
    assert "entities" not in record and "attributions" not in record and record["language"] == "en"
    some = default_pipeline("fast", "clean,language,parse,entities")(_doc(text)).to_dict()
    assert [s["step"] for s in some["skipped"]] == ["figures", "dates", "attribution"]
    assert some["entities"] and "figures" not in some
    full = default_pipeline("fast")(_doc(text)).to_dict()
    assert "skipped" not in full


def _doc(text):
    from newsdistill.record import Document

    return Document(id="d", input_text=text)


def test_error_records_carry_no_skipped_note():
    """Only records the steps ran on say what was left out; a failed one says why it failed."""
    from newsdistill.read.html import html_document
    from newsdistill.record import Source

    page = html_document(b"<html><body></body></html>", "p", Source())
    doc = default_pipeline("fast", "clean")(page)
    assert doc.status == "error" and doc.error.code == "no-content"
    assert "skipped" not in doc.to_dict()


@pytest.mark.slow
def test_clean_only_run_matches_the_full_runs_cleaning(tmp_path):
    """--steps clean gives the same text, removed lines, captions and duplicates as the full run,
    through the pool (2 workers) and in process (1 worker)."""
    paths, _ = make_corpus(tmp_path / "c", n=24)
    run_corpus(paths, str(tmp_path / "full.jsonl"), RunOptions(workers=1, attribution_model="fast"))
    full = _read(tmp_path / "full.jsonl")
    for workers in (1, 2):
        out = tmp_path / f"clean{workers}.jsonl"
        summary = run_corpus(paths, str(out), RunOptions(workers=workers, batch_size=4, steps=CLEAN))
        clean = _read(out)
        assert len(clean) == len(full) == summary.documents
        keep = ("id", "status", "text", "removed", "captions", "language", "title", "duplicate_of", "cluster", "error")
        assert [{k: r.get(k) for k in keep} for r in clean] == [{k: r.get(k) for k in keep} for r in full]
        assert all("entities" not in r for r in clean)
        assert all(r["skipped"][0]["step"] == "parse" for r in clean if r["status"] == "ok")


def test_resuming_with_other_steps_is_refused(tmp_path):
    paths, _ = make_corpus(tmp_path / "c", n=12, bad=False)
    out = str(tmp_path / "out") + "/"
    run_corpus(paths, out, RunOptions(workers=1, steps=CLEAN, shard_size=5))
    again = run_corpus(paths, out, RunOptions(workers=1, steps=CLEAN, shard_size=5))  # same steps: resumes
    assert again.resumed_documents == again.documents
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["options"]["steps"] == list(CLEAN)
    for other in (None, ("html", "clean")):
        with pytest.raises(Fatal) as info:
            run_corpus(paths, out, RunOptions(workers=1, steps=other, shard_size=5))
        assert info.value.code == "resume-mismatch"


def test_a_run_of_every_step_records_no_steps(tmp_path):
    """An output written before --steps existed (no ``steps`` in its manifest) still resumes."""
    assert "steps" not in RunOptions().record_options()
    assert "steps" not in RunOptions(steps=STEP_NAMES).record_options()
    assert RunOptions(steps=CLEAN).record_options()["steps"] == list(CLEAN)


@pytest.mark.ray
@pytest.mark.slow
def test_ray_engine_runs_the_chosen_steps(tmp_path):
    pytest.importorskip("ray.data", reason="Ray is an extra: pip install 'newsdistill[ray]'")
    paths, _ = make_corpus(tmp_path / "c", n=12)
    run_corpus(paths, str(tmp_path / "local.jsonl"), RunOptions(workers=1, steps=CLEAN))
    run_corpus(paths, str(tmp_path / "ray.jsonl"), RunOptions(engine="ray", workers=2, batch_size=4, steps=CLEAN))
    assert _read(tmp_path / "ray.jsonl") == _read(tmp_path / "local.jsonl")
    assert all("entities" not in r for r in _read(tmp_path / "ray.jsonl"))


def test_python_api_takes_steps():
    from newsdistill import distill, distill_html

    doc = distill(TEXT, steps="clean")
    assert doc.status == "ok" and doc.text and "entities" not in doc.extra
    assert [s["step"] for s in doc.extra["skipped"]][0] == "parse"
    page = ("<html><body><article><p>" + TEXT.replace("\n\n", "</p><p>") + "</p></article></body></html>")
    html = distill_html(page, steps=["clean", "language"])
    assert html.status == "ok" and "Anna Berg" in html.text and "attributions" not in html.extra
    with pytest.raises(Fatal):
        distill(TEXT, steps="clean,figures")
