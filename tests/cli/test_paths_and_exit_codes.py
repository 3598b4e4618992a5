"""CLI exit codes (0 / 1 / 2, docs/cli.md) and every file option against missing, unwritable and
wrong-type paths: each works or ends with one line and exit code 2, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdistill import errors
from newsdistill.cli import main
from newsdistill.errors import Fatal
from newsdistill.summary import RunSummary
from support import store_fixture as fx

REPO = Path(__file__).resolve().parents[2]
ARTICLE = ("The harbour authority said on Monday that the strike had halted more than a thousand containers a day.\n\n"
           "Union leaders said they would meet the employers again at the end of the week to discuss the offer.\n")
FAST = ["--attribution-model", "fast", "--workers", "1", "--no-progress"]
# a path no one can write, even root: /proc takes no new files
PROC = "/proc/newsdistill-no-such-dir/out"


def invoke(args, env=None):
    """CliRunner with exceptions propagating: a traceback would fail the test, not pass as exit 1."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env=env)


def one_error_line(result, *needles: str) -> str:
    """The output is a single ``Error: ...`` line that names each of ``needles``."""
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "in" / "article.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def a_file(tmp_path) -> Path:
    """A regular file, used where a folder is wanted (and as a 'database' that is not SQLite)."""
    path = tmp_path / "plain.txt"
    path.write_text("not a folder, not a database\n")
    return path


@pytest.fixture
def records_jsonl(tmp_path) -> Path:
    return fx.write_jsonl(tmp_path / "records.jsonl")


# ---- outputs of run: (option, how to build the value from a base path, what it is) ----------------
RUN_OUTPUTS = {
    "-o FILE": (["-o"], lambda base: f"{base}/out.jsonl"),
    "-o DIR/": (["-o"], lambda base: f"{base}/shards/"),
    "--csv-dir": (["--csv-dir"], lambda base: f"{base}/tables"),
    "--summary-json": (["--summary-json"], lambda base: f"{base}/summary.json"),
    "--db": (["--db"], lambda base: f"{base}/corpus.sqlite"),
}


@pytest.mark.parametrize("option", list(RUN_OUTPUTS))
def test_run_output_under_a_missing_folder_is_created(option, article, tmp_path):
    flag, value = RUN_OUTPUTS[option]
    target = value(str(tmp_path / "missing" / "sub"))
    result = invoke(["run", article, *flag, target, *FAST])
    assert result.exit_code == 0, result.output
    assert Path(target).exists()
    if option == "-o FILE":
        assert json.loads(Path(target).read_text().splitlines()[0])["status"] == "ok"
    if option == "--db":
        assert sqlite3.connect(target).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


@pytest.mark.parametrize("kind", ["unwritable", "under-a-file"])
@pytest.mark.parametrize("option", list(RUN_OUTPUTS))
def test_run_output_that_cannot_be_written_is_a_usage_error(option, kind, article, a_file):
    flag, value = RUN_OUTPUTS[option]
    base = PROC if kind == "unwritable" else str(a_file)
    target = value(base)
    result = invoke(["run", article, *flag, target, *FAST])
    assert result.exit_code == 2
    one_error_line(result, flag[0], target.rstrip("/") if option == "-o DIR/" else target)
    if kind == "under-a-file":
        assert f"{a_file} is a file, not a folder" in result.output


@pytest.mark.parametrize("option, value", [
    ("-o", "FOLDER_AS_FILE"),  # -o FILE naming an existing folder is directory output: fine; a file ending in / is not
    ("--csv-dir", "A_FILE"),
    ("--summary-json", "A_FOLDER"),
    ("--db", "A_FOLDER"),
    ("--db", "A_FILE"),  # a file that is not a SQLite database
])
def test_run_output_of_the_wrong_type_is_a_usage_error(option, value, article, a_file, tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    target = {"A_FILE": str(a_file), "A_FOLDER": str(folder), "FOLDER_AS_FILE": f"{a_file}/"}[value]
    result = invoke(["run", article, option, target, *FAST])
    assert result.exit_code == 2
    one_error_line(result, option)
    assert a_file.read_text() == "not a folder, not a database\n"  # nothing was overwritten


@pytest.mark.parametrize("name", ["out.csv", "out.json", "out.txt", "out.jsonl.bz2"])
def test_run_output_suffix_that_is_no_format_is_refused(name, article, tmp_path):
    result = invoke(["run", article, "-o", tmp_path / name, *FAST])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for fmt in (".jsonl", ".jsonl.gz", ".parquet", "--format", "--csv-dir"):
        assert fmt in result.output
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name, fmt", [("out.jsonl", "jsonl"), ("out.ndjson", "jsonl"), ("out.jsonl.gz", "jsonl.gz"),
                                       ("out", "jsonl"), ("OUT.PARQUET", "parquet")])
def test_known_suffixes_are_honoured(name, fmt):
    from newsdistill.write import format_for

    assert format_for(name, None) == fmt
    assert format_for("out.csv", "jsonl") == "jsonl"  # --format given: the name is the user's choice


# ---- index ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["missing", "a-folder", "unreadable", "raw-input-jsonl", "text", "not-an-object"])
def test_index_input_that_is_not_newsdistill_output_is_a_usage_error(kind, tmp_path):
    path = {"missing": tmp_path / "nope.jsonl", "a-folder": tmp_path, "unreadable": Path("/proc/self/mem"),
            "raw-input-jsonl": REPO / "examples" / "crawl-dump.jsonl", "text": REPO / "examples" / "harbor-strike.txt",
            "not-an-object": tmp_path / "list.jsonl"}[kind]
    if kind == "not-an-object":
        path.write_text('["a", "list"]\n')
    db = tmp_path / "c.sqlite"
    result = invoke(["index", path, "--db", db])
    assert result.exit_code == 2
    line = one_error_line(result, str(path))
    if kind in ("raw-input-jsonl", "text", "not-an-object"):
        assert "not newsdistill output" in line and "newsdistill run" in line
    assert not db.exists()


@pytest.mark.parametrize("kind", ["missing-parent", "unwritable", "under-a-file", "a-folder", "not-sqlite",
                                  "other-sqlite", "empty-file"])
def test_index_db_option(kind, records_jsonl, a_file, tmp_path):
    if kind == "empty-file":
        (tmp_path / "empty.sqlite").write_bytes(b"")
    db = {"missing-parent": tmp_path / "new" / "sub" / "c.sqlite", "unwritable": Path(PROC) / "c.sqlite",
          "under-a-file": a_file / "c.sqlite", "a-folder": tmp_path, "not-sqlite": a_file,
          "other-sqlite": _other_program_db(tmp_path / "other.sqlite") if kind == "other-sqlite" else None,
          "empty-file": tmp_path / "empty.sqlite"}[kind]
    result = invoke(["index", records_jsonl, "--db", db])
    if kind in ("missing-parent", "empty-file"):  # an empty file is a new database: fine to write
        assert result.exit_code == 0, result.output
        assert "8 documents" in result.output
        return
    assert result.exit_code == 2
    one_error_line(result, "--db", str(db))


def test_index_counts_are_plural_aware(tmp_path):
    one = fx.write_jsonl(tmp_path / "one.jsonl", fx.records()[:1])
    result = invoke(["index", one, "--db", tmp_path / "c.sqlite"])
    assert result.exit_code == 0
    assert "1 document," in result.output and "1 documents" not in result.output


# ---- inputs that must exist: serve DB, the query commands' --db -------------------------------------
def _other_program_db(path: Path) -> Path:
    """A SQLite database that is not a corpus database (no newsdistill schema_version)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["missing", "a-folder", "not-sqlite", "proc", "empty-file", "other-sqlite"])
@pytest.mark.parametrize("command", [["serve"], ["search", "x", "--db"], ["quotes", "--db"], ["entities", "--db"],
                                     ["stats", "--db"]])
def test_database_inputs(command, kind, a_file, tmp_path):
    if kind == "empty-file":  # sqlite3 opens a 0-byte file as an empty database: no tables to query
        (tmp_path / "empty.sqlite").write_bytes(b"")
    db = {"missing": tmp_path / "nope.sqlite", "a-folder": tmp_path, "not-sqlite": a_file, "proc": Path("/proc/version"),
          "empty-file": tmp_path / "empty.sqlite",
          "other-sqlite": _other_program_db(tmp_path / "other.sqlite") if kind == "other-sqlite" else None}[kind]
    result = invoke([*command, db])
    assert result.exit_code == 2
    one_error_line(result, str(db))


# ---- exit codes ----------------------------------------------------------------------------------
def test_help_states_the_exit_codes():
    out = invoke(["--help"]).output
    assert "Exit codes" in out
    for line in ("0  at least one document was distilled", "1  nothing could be distilled", "2  usage error"):
        assert line in out
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "## Exit codes" in doc and "| 0 |" in doc and "| 1 |" in doc and "| 2 |" in doc


def test_missing_input_of_run_stays_an_error_record_and_the_line_names_it(tmp_path):
    missing = tmp_path / "nope.txt"
    result = invoke(["run", missing, *FAST])
    assert result.exit_code == 1
    record = json.loads(result.stdout.splitlines()[0])
    assert record["error"]["code"] == "unreadable-file"
    assert f"1 document: 0 ok, 1 error (unreadable-file: {missing})" in result.stderr


def test_empty_folder_says_no_supported_files(tmp_path, article):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = invoke(["run", empty, *FAST])
    assert result.exit_code == 1
    assert f"no supported files found in {empty}" in result.stderr and ".txt" in result.stderr
    assert "0 documents" not in result.stderr and result.stdout == ""
    mixed = invoke(["run", empty, article, *FAST])  # one empty folder among inputs: said, and the run goes on
    assert mixed.exit_code == 0 and f"no supported files found in {empty}" in mixed.stderr


@pytest.mark.parametrize("code, exit_code", [(errors.WORKER_DIED, 1), (errors.INTERNAL, 1), (errors.BAD_OPTION, 2),
                                             (errors.RESUME_MISMATCH, 2)])
def test_fatal_errors_of_run_map_to_exit_codes(code, exit_code, article, monkeypatch):
    import newsdistill.engine.runner as runner

    def boom(*a, **k):
        raise Fatal(code, "it went wrong")

    monkeypatch.setattr(runner, "run_corpus", boom)
    result = invoke(["run", article, *FAST])
    assert result.exit_code == exit_code
    assert "it went wrong" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["show", "quotes"])
def test_a_pipeline_fatal_in_show_and_quotes_is_one_line(command, article, monkeypatch):
    import newsdistill.pipeline as pipeline

    def broken(*a, **k):
        raise Fatal(errors.MODEL_UNAVAILABLE, "cannot load the spaCy pipeline 'xx'")

    monkeypatch.setattr(pipeline, "default_pipeline", broken)
    result = invoke([command, article, "--attribution-model", "fast"])
    assert result.exit_code == 2
    assert "cannot load the spaCy pipeline 'xx'" in result.output and "Traceback" not in result.output


def test_summary_line_plurals_and_a_single_failure_named():
    from newsdistill.record import Document, ErrorInfo, Source

    s = RunSummary()
    assert s.line().startswith("0 documents: 0 ok, 0 errors")
    ok = Document(id="a", status="ok")
    s.add(ok)
    assert s.line().startswith("1 document: 1 ok, 0 errors")
    bad = Document(id="b", status="error", source=Source(path="dump.jsonl", line=3),
                   error=ErrorInfo(errors.EMPTY, "empty"))
    s.add(bad)
    assert s.line().startswith("2 documents: 1 ok, 1 error (empty-input: dump.jsonl:3)")
    s.add(Document(id="c", status="error", error=ErrorInfo(errors.BINARY, "binary")))
    assert s.line().startswith("3 documents: 1 ok, 2 errors (empty-input 1, binary-input 1)")
    s.add(ok, duplicate="exact-text")
    assert "; 1 duplicate (1 exact)" in s.line()


def test_run_into_another_programs_database_is_refused(article, tmp_path):
    db = _other_program_db(tmp_path / "other.sqlite")
    result = invoke(["run", article, "-o", tmp_path / "out.jsonl", "--db", db, *FAST])
    assert result.exit_code == 2
    one_error_line(result, "--db", str(db), "not a corpus database")
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} == {"orders"}
    conn.close()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_summary_json_on_a_full_disk_is_one_line(article, tmp_path):
    """Writable when checked before the run, full when written: one line and exit 1, as -o does."""
    result = invoke(["run", article, "-o", tmp_path / "out.jsonl", "--summary-json", "/dev/full", *FAST])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errs = [x for x in result.output.splitlines() if x.startswith("Error: ")]
    assert errs == ["Error: /dev/full: No space left on device"], result.output
