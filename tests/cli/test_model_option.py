"""--model on the CLI, and show rendering entities, figures and dates."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsdistill.cli import main
from newsdistill.extract import nlp


@pytest.fixture(autouse=True)
def _reset_model():
    yield
    nlp.set_model(None)


def test_unknown_model_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Maria Lopez, a spokeswoman for the ministry, said on Monday that 12 people were hurt.", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(path), "--model", "no_such_spacy_pipeline_xyz"])
    assert result.exit_code == 2
    assert "cannot load the spaCy pipeline 'no_such_spacy_pipeline_xyz'" in result.output


def test_named_default_model_and_show(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Maria Lopez, a spokeswoman for the ministry, said on Monday that 12 people were hurt in Lisbon.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(path), "--model", nlp.DEFAULT_MODEL])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output.strip().splitlines()[0])
    lopez = next(e for e in rec["entities"] if e["name"] == "Maria Lopez")
    assert lopez["roles"] == ["spokeswoman for the ministry"] and lopez["gender"] == "female"
    shown = CliRunner().invoke(main, ["show", str(path)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    for expected in ("entities", "Maria Lopez", "spokeswoman for the ministry", "figures", "dates", "Monday"):
        assert expected in shown.output
