"""One behaviour across commands: show prints who said what and takes --format; quotes FILE
filters by --speaker/--about and fails like show; entities --label ignores case; search shows rank
and a 0..1 relevance; tables fit 80 columns with an ellipsis."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdistill.cli import main
from newsdistill.corpus import queries
from support import store_fixture as fx

REPO = Path(__file__).resolve().parents[2]
HARBOR = REPO / "examples" / "harbor-strike.txt"
FAST = ["--attribution-model", "fast"]
WIDE = {"COLUMNS": "200"}


def invoke(args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env=env)


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("corpus")
    path = tmp / "c.sqlite"
    assert invoke(["index", fx.write_jsonl(tmp / "records.jsonl"), "--db", path]).exit_code == 0
    return path


# ---- show -------------------------------------------------------------------------------------------
def test_show_prints_who_said_what_under_the_article():
    result = invoke(["show", HARBOR, *FAST], env=WIDE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "who said what: harbor-strike" in out
    assert out.index("who said what") > out.index("Dock workers at the Port of Valmora")  # under the article
    for cell in ("Maria Keller", "president of the Valmora Dockworkers Union", "direct", "We have waited eleven months"):
        assert cell in out


def test_show_format_json_and_csv():
    as_json = invoke(["show", HARBOR, "--format", "json", *FAST])
    assert as_json.exit_code == 0
    record = json.loads(as_json.output)
    assert record["id"] == "harbor-strike" and record["attributions"]
    assert json.loads(invoke(["show", HARBOR, "--json", *FAST]).output) == record  # --json is --format json
    as_csv = invoke(["show", HARBOR, "--format", "csv", *FAST])
    assert as_csv.exit_code == 0
    rows = csv_rows(as_csv.output)
    assert list(rows[0]) == list(queries.QUOTE_COLUMNS)
    assert len(rows) == len(record.get("title_attributions") or []) + len(record["attributions"])
    assert any(r["speaker"] == "Maria Keller" for r in rows)


# ---- quotes FILE: same filters as the corpus query, same failures as show ---------------------------
@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_quotes_file_speaker_filter(fmt):
    result = invoke(["quotes", HARBOR, "--speaker", "KELLER", "--format", fmt, *FAST], env=WIDE)
    assert result.exit_code == 0, result.output
    everyone = csv_rows(invoke(["quotes", HARBOR, "--format", "csv", *FAST]).output)
    kellers = [r for r in everyone if "keller" in (r["speaker"] or "").lower()]
    assert 0 < len(kellers) < len(everyone)
    if fmt == "csv":
        assert csv_rows(result.output) == kellers
    elif fmt == "json":
        assert [r["speaker"] for r in json.loads(result.output)] == [r["speaker"] for r in kellers]
    else:
        assert "Maria Keller" in result.output and "Jonas" not in result.output


def test_quotes_file_about_and_limit():
    rows = csv_rows(invoke(["quotes", HARBOR, "--about", "night shift", "--format", "csv", *FAST]).output)
    assert rows and all("night" in r["content"].lower() and "shift" in r["content"].lower() for r in rows)
    assert len(csv_rows(invoke(["quotes", HARBOR, "--limit", "2", "--format", "csv", *FAST]).output)) == 2


@pytest.mark.parametrize("command", ["show", "quotes"])
def test_show_and_quotes_fail_alike(command, tmp_path):
    missing = invoke([command, tmp_path / "nope.txt", *FAST])
    assert missing.exit_code == 1
    assert "unreadable-file" in missing.output
    beyond = invoke([command, HARBOR, "--index", "99", *FAST])
    assert beyond.exit_code == 2
    assert "has no document number 99" in beyond.output
    folder = invoke([command, tmp_path, *FAST])  # was: an IsADirectoryError error record, exit 1
    assert folder.exit_code == 2
    assert "is a folder" in folder.output and "newsdistill run" in folder.output and "Traceback" not in folder.output


# ---- corpus queries ---------------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["person", "Person", "PERSON"])
def test_entities_label_ignores_case(label, db):
    result = invoke(["entities", "--label", label, "--format", "json", "--db", db])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and {r["label"] for r in rows} == {"PERSON"}


@pytest.mark.parametrize("args", [["Guterres"], ["price", "--quotes"]])
def test_search_shows_rank_and_relevance(args, db):
    result = invoke(["search", *args, "--format", "json", "--db", db])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert len(rows) >= 2
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    rel = [r["relevance"] for r in rows]
    assert rel[0] == 1.0 and all(0 < x <= 1 for x in rel) and rel == sorted(rel, reverse=True)
    assert "score" not in rows[0]
    table = invoke(["search", *args, "--db", db], env=WIDE).output
    assert "rank" in table and "relevance" in table and "1.0" in table
    assert not re.search(r"│\s*-\d", table)  # no negative bm25 on screen


def test_relevance_is_normalised_within_the_whole_result_set(db):
    conn = queries.connect_ro(db)
    first = queries.search(conn, "Guterres", limit=1)["results"]
    rest = queries.search(conn, "Guterres", limit=10, offset=1)["results"]
    assert first[0]["relevance"] == 1.0 and first[0]["rank"] == 1
    assert rest and rest[0]["rank"] == 2 and all(r["relevance"] <= 1.0 for r in rest)
    assert rest[0]["relevance"] == pytest.approx(queries.relevance(rest[0]["score"], first[0]["score"]), abs=2e-3)
    assert queries.relevance(-2.0, -4.0) == 0.5 and queries.relevance(None, -4.0) is None


# ---- tables at 80 columns ---------------------------------------------------------------------------
LONG = ("According to the regional transport-ministry spokesperson, the negotiations would continue "
        "throughout the weekend at the headquarters of the dockworkers' federation")


@pytest.mark.parametrize("command", [["quotes", "--db"], ["search", "Guterres", "--db"], ["stats", "--db"],
                                     ["entities", "--db"]])
def test_corpus_tables_fit_80_columns(command, db):
    result = invoke([*command, db], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines and max(len(x) for x in lines) <= 80, result.output
    if command[0] in ("quotes", "search"):
        assert "…" in result.output  # cut, not folded into 12-character slivers


@pytest.mark.parametrize("command", ["show", "quotes"])
def test_file_tables_fit_80_columns(command):
    result = invoke([command, HARBOR, *FAST], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert max(len(x) for x in result.output.splitlines()) <= 80, result.output
    assert "…" in result.output


def test_fitted_table_cuts_narrow_columns_and_wraps_content_at_words():
    from rich.console import Console

    from newsdistill.quotes_table import fitted_table

    columns = ["speaker", "role", "kind", "cue", "content"]
    rows = [["Maria Keller-Johannsen", "president of the Valmora Dockworkers Union", "according-to", "according to", LONG]]
    out = io.StringIO()
    Console(file=out, width=80).print(fitted_table(columns, rows, 80))
    text = out.getvalue()
    assert max(len(x) for x in text.splitlines()) <= 80
    assert "…" in text
    assert "according-t\n" not in text and "according-t " not in text.replace("according-to", "")
    words = set(LONG.replace(",", "").split())
    cells = [c.strip() for line in text.splitlines() for c in line.split("│")[5:6] if c.strip()]
    assert cells and all(w in words or w.endswith("…") for c in cells for w in c.replace(",", "").split())
    wide = io.StringIO()
    Console(file=wide, width=400).print(fitted_table(columns, rows, 400))
    assert "…" not in wide.getvalue() and LONG in wide.getvalue().replace("\n", " ") or LONG[:60] in wide.getvalue()


@pytest.mark.parametrize("width", [80, 100, 60])
def test_the_content_gets_the_largest_share_of_a_narrow_terminal(width):
    # at 80 columns the content had 16 characters while "kind" and "cue" had 11 each: the weights
    # give it three times a name's share, and names wrap at words instead of being cut to 10
    from rich.console import Console

    from newsdistill.quotes_table import fitted_table

    columns = ["id", "speaker", "role", "kind", "cue", "content"]
    rows = [["A1", "Maria Keller-Johannsen", "president of the Valmora Dockworkers Union", "indirect", "according to", LONG]]
    out = io.StringIO()
    Console(file=out, width=width).print(fitted_table(columns, rows, width))
    lines = out.getvalue().splitlines()
    assert max(len(x) for x in lines) <= width
    header = next(x for x in lines if "content" in x)
    cells = header.split("┃")[1:-1]
    widths = dict(zip(columns, (len(c) for c in cells), strict=True))
    assert widths["content"] == max(widths.values())
    assert widths["content"] >= 2.5 * widths["speaker"]
    assert width < 80 or "indirect" in out.getvalue()  # a short column keeps its natural width
    assert "Maria" in out.getvalue() and (width < 80 or "Keller" in out.getvalue())  # wrapped at words, not cut


@pytest.mark.parametrize("avail", [61, 41, 25])
def test_one_line_columns_keep_a_readable_floor(avail):
    from newsdistill.quotes_table import NARROW_FLOOR, _fit

    columns = ["id", "speaker", "role", "kind", "cue", "content"]
    natural = [2, 22, 40, 8, 12, 200]
    widths = _fit(columns, natural, avail)
    assert widths[3] >= NARROW_FLOOR and widths[4] >= NARROW_FLOOR  # "kind", "cue": not "p…"
    assert sum(widths) <= max(avail, 29)  # wider than the space only where the floors need it
