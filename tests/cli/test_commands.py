"""CLI: run over files, folders, JSONL and stdin; one record per input; exit codes; show; --help."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdistill.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
ARTICLE = ("The harbour authority said on Monday that the strike had halted more than a thousand containers a day.\n\n"
           "- Advertisement -\n\n"
           "Union leaders said they would meet the employers again at the end of the week to discuss the offer.\n")


def _run(args, input=None):
    result = CliRunner().invoke(main, args, input=input, catch_exceptions=False)
    return result


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


def test_help_for_every_command():
    assert "run" in _run(["--help"]).output
    for name in main.commands:
        result = _run([name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.output


def test_run_text_file_to_output(tmp_path):
    out = tmp_path / "out.jsonl"
    result = _run(["run", str(EXAMPLES / "harbor-strike.txt"), "-o", str(out)])
    assert result.exit_code == 0
    recs = _records(out.read_text())
    assert len(recs) == 1
    assert recs[0]["id"] == "harbor-strike"
    assert recs[0]["status"] == "ok"
    assert recs[0]["source"]["path"].endswith("harbor-strike.txt")
    assert "1 document: 1 ok, 0 errors" in result.stderr


def test_run_folder_and_jsonl_one_record_per_document(tmp_path):
    out = tmp_path / "out.jsonl.gz"
    result = _run(["run", str(EXAMPLES), "-o", str(out)])
    recs = [json.loads(x) for x in gzip.decompress(out.read_bytes()).decode().splitlines()]
    n_txt = len(list(EXAMPLES.glob("*.txt")))
    n_jsonl = sum(1 for line in (EXAMPLES / "crawl-dump.jsonl").read_text().splitlines() if line.strip())
    assert len(recs) == n_txt + n_jsonl
    assert result.exit_code == 0
    by_id = {r["id"]: r for r in recs}
    assert by_id["ccnews-0001"]["source"] == {"path": str(EXAMPLES / "crawl-dump.jsonl"), "line": 1,
                                              "url": "https://example.org/city/bridge-reopens"}
    assert by_id["ccnews-0001"]["title"] == "Old bridge reopens after two years of repairs"
    assert by_id["ccnews-0003"]["status"] == "error"
    assert by_id["ccnews-0003"]["error"]["code"] == "empty-input"


def test_jsonl_custom_fields_and_bad_lines(tmp_path):
    dump = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"doc_id": "a", "content": ARTICLE, "meta": {"link": "https://x.test/a"}}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"doc_id": "d", "other": "no text field"}),
        "",
        json.dumps({"doc_id": "e", "content": ARTICLE}),
    ]
    dump.write_text("\n".join(lines) + "\n")
    result = _run(["run", str(dump), "--text-field", "content", "--id-field", "doc_id", "--url-field", "meta.link"])
    recs = _records(result.stdout)
    assert [r["id"] for r in recs] == ["a", "dump:2", "dump:3", "d", "e"]
    assert [r["status"] for r in recs] == ["ok", "error", "error", "error", "ok"]
    assert [r.get("error", {}).get("code") for r in recs] == [None, "bad-json", "not-an-object", "missing-text-field", None]
    assert recs[1]["source"]["line"] == 2
    assert recs[0]["source"]["url"] == "https://x.test/a"
    assert "5 documents: 2 ok, 3 errors" in result.stderr
    assert result.exit_code == 0


def test_stdin_text_and_jsonl():
    recs = _records(_run(["run", "-"], input=ARTICLE).stdout)
    assert len(recs) == 1 and recs[0]["status"] == "ok" and "Advertisement" not in recs[0]["text"]
    jl = json.dumps({"id": "x", "text": ARTICLE}) + "\n" + json.dumps({"id": "y", "text": ARTICLE}) + "\n"
    assert [r["id"] for r in _records(_run(["run", "-"], input=jl).stdout)] == ["x", "y"]


def test_bad_files_each_give_one_error_record_and_the_run_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "nul.txt").write_bytes(ARTICLE.encode().replace(b"harbour", b"har\x00bour"))
    (tmp_path / "latin1.txt").write_bytes("Le café a été fermé lundi par la préfecture, selon les autorités locales.".encode("cp1252"))
    (tmp_path / "badutf8.txt").write_bytes(ARTICLE.encode() + b"\xff trailing")
    (tmp_path / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "trunc.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode() * 50)[:-30])
    result = _run(["run", str(tmp_path), str(tmp_path / "missing.txt")])
    recs = _records(result.stdout)
    by_path = {}
    for r in recs:
        by_path.setdefault(Path(r["source"].get("path", "")).name, []).append(r)
    assert by_path["good.txt"][0]["status"] == "ok"
    assert by_path["empty.txt"][0]["error"]["code"] == "empty-input"
    assert by_path["binary.txt"][0]["error"]["code"] == "binary-input"
    assert by_path["png.txt"][0]["error"]["code"] == "binary-input"
    assert by_path["nul.txt"][0]["status"] == "ok" and "nul-bytes-removed" in by_path["nul.txt"][0]["warnings"]
    assert "harbour" in by_path["nul.txt"][0]["text"]
    assert by_path["latin1.txt"][0]["status"] == "ok" and "café" in by_path["latin1.txt"][0]["text"]
    assert any(w.startswith("invalid-utf8-repaired") for w in by_path["badutf8.txt"][0]["warnings"])
    assert by_path["missing.txt"][0]["error"]["code"] == "unreadable-file"
    trunc = by_path["trunc.jsonl.gz"]
    assert trunc[-1]["error"]["code"] == "truncated-file" and trunc[-1]["error"]["kind"] == "shard"
    assert all(r["status"] == "ok" for r in trunc[:-1]) and len(trunc) >= 2
    # in == out: 7 single-document files + 1 missing path + the truncated dump's readable lines and its shard error
    assert len(recs) == 7 + 1 + len(trunc)
    assert result.exit_code == 0


def test_exit_code_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = _run(["run", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert len(_records(result.stdout)) == 1


def test_usage_error_exit_code(tmp_path):
    assert _run(["run"]).exit_code == 2
    assert _run(["run", str(tmp_path / "nothing*.txt")]).exit_code == 2


def test_show_renders_body_removed_and_caption(shared_dir):
    result = _run(["show", str(shared_dir / "seed" / "000_efc30bb2d1477963.txt")])
    assert result.exit_code == 0
    out = result.output
    assert "AFP PHOTO / HO / SANA" in out
    assert "RESTRICTED TO EDITORIAL USE" in out
    assert "[ad-marker]" in out and "[counter]" in out
    assert "Syria is on the verge" in out


def test_api_and_cli_give_the_same_json(shared_dir):
    import newsdistill

    seed = shared_dir / "seed" / "000_efc30bb2d1477963.txt"
    cli = _records(_run(["run", str(seed)]).stdout)[0]
    api = newsdistill.distill(seed.read_text(encoding="utf-8"), id=cli["id"]).to_dict()
    api["source"] = cli["source"]
    assert (cli.pop("duplicate_of"), cli.pop("cluster")) == (None, cli["id"])  # corpus-level: the run adds them
    assert api == cli


@pytest.mark.slow
def test_console_script_runs_in_a_fresh_process(tmp_path):
    exe = Path(sys.executable).with_name("newsdistill")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    out = subprocess.run([str(exe), "run", str(EXAMPLES / "harbor-strike.txt")], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert json.loads(out.stdout)["status"] == "ok"
