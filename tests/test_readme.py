"""README.md's Python example runs, and prints what README shows (#16).

The ```python block of "## From Python" runs from the repository root in a fresh interpreter; every
line of the ```text block after it ("prints (among others):") must be a line of its output.  The
commands README shows are checked by the CLI tests; this keeps the one example a user copies first
honest."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_example(readme: str) -> tuple[str, list[str]]:
    """The Python block of "## From Python" and the output lines shown after it."""
    section = readme.split("\n## From Python", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert code and shown, "README's From Python section lost its ```python or ```text block"
    return code.group(1), [line for line in shown.group(1).splitlines() if line.strip()]


def test_readme_python_example_runs_and_prints_what_readme_shows():
    code, shown = readme_example((REPO / "README.md").read_text(encoding="utf-8"))
    assert "doc.attributions" in code and shown
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    printed = set(result.stdout.splitlines())
    missing = [line for line in shown if line not in printed]
    assert not missing, f"README shows lines the example does not print: {missing}\nit printed:\n{result.stdout}"


def test_the_extraction_fails_on_a_readme_without_the_example():
    # the checker itself: a README whose example was dropped or renamed is an error, not a pass
    import pytest

    with pytest.raises((AssertionError, IndexError)):
        readme_example("# x\n\n## From Python\n\nno code here\n\n## Next\n")
    with pytest.raises(IndexError):
        readme_example("# x\n\n## Use\n")
