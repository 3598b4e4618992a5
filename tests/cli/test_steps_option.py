"""`newsdistill run --steps`: the clean-only mode, comma lists, usage errors (issue 17)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsdistill.cli import main

ARTICLE = ("Harbour workers walk out\n\n"
           "The harbour authority said on Monday that the strike had halted more than a thousand containers a day.\n\n"
           "- Advertisement -\n\n"
           "Union leader Maria Lopez said they would meet the employers again at the end of the week.\n")
PAGE = ("<html><head><title>Harbour strike</title></head><body><article><h1>Harbour strike</h1>"
        "<p>The harbour authority said on Monday that the strike had halted more than a thousand containers a day, "
        "and that ships were waiting outside the port for the first time in years.</p>"
        "<figure><img src='a.jpg'><figcaption>Dock workers on strike in Rotterdam. (AP Photo/Jane Doe)</figcaption>"
        "</figure><p>Union leader Maria Lopez said they would meet the employers again at the end of the week to "
        "discuss the offer, which she called a first step.</p></article></body></html>")


def _records(path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]  # noqa: SIM115


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    return [str(tmp_path / "a.txt"), str(tmp_path / "p.html")]


def test_steps_clean_gives_text_captions_language_and_no_nlp(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["run", *inputs, "--steps", "clean", "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    text, page = _records(out)
    assert text["status"] == page["status"] == "ok"
    assert "Advertisement" not in text["text"] and text["language"] == "en"
    assert [c["credit"] for c in page["captions"]] == ["AP Photo/Jane Doe"]  # captions come with clean
    for record in (text, page):
        assert not {"entities", "attributions", "figures", "dates"} & set(record)
        assert {s["step"] for s in record["skipped"]} == {"parse", "entities", "figures", "dates", "attribution"}
        assert record["cluster"] == record["id"]  # dedup stays the engine's --dedup


def test_steps_list_runs_those_steps(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["run", inputs[0], "--steps", "clean,language,parse,entities", "-o", str(out),
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    (record,) = _records(out)
    assert any(e["name"] == "Maria Lopez" for e in record["entities"])
    assert [s["step"] for s in record["skipped"]] == ["figures", "dates", "attribution"]


@pytest.mark.parametrize("steps, words", [
    ("clean,entities", "needs nlp_doc"),
    ("parse,entities", "add clean, language"),
    ("clean,language,parse,attribution", "'attribution' needs"),
    ("clean,speakers", "unknown step 'speakers'"),
    ("", "none given"),
])
def test_impossible_steps_are_a_usage_error(inputs, tmp_path, steps, words):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["run", *inputs, "--steps", steps, "-o", str(out)])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and words in errors[0] and "Traceback" not in result.output
    assert not out.exists() or out.stat().st_size == 0  # refused before any document


def test_steps_clean_loads_no_spacy_model(inputs, tmp_path):
    """The whole CLI run, in a fresh interpreter: neither spaCy nor the span model's runtime is imported."""
    code = ("import sys; from click.testing import CliRunner; from newsdistill.cli import main;"
            f"r = CliRunner().invoke(main, ['run', *{inputs!r}, '--steps', 'clean', '-o', {str(tmp_path / 'o.jsonl')!r},"
            "'--workers', '1']); assert r.exit_code == 0, r.output;"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'onnxruntime', 'torch'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert len(_records(tmp_path / "o.jsonl")) == 2


def test_steps_in_help():
    result = CliRunner().invoke(main, ["run", "--help"])
    assert "--steps" in result.output and "clean" in result.output
