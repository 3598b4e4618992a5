"""`newsdistill run` against a real S3-compatible server on 127.0.0.1 (moto's standalone server,
reached through s3fs over HTTP; tests/support/s3_server.py): URLs in and out, --paths-from with
--base-url, WARC offsets in the object, the bad-input cases of docs/cli.md "Remote storage", and
credentials that never reach stderr, records or the manifest."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from click.testing import CliRunner

from newsdistill import errors
from newsdistill.cli import main
from newsdistill.read import storage
from support.s3_server import SECRET_KEY, free_port, s3_server

STORY = ("The harbour reopened on Monday after a storm closed it for three days, the port authority said. "
         "Fishermen said the damage to the piers was lighter than they had feared.")


@pytest.fixture(scope="module")
def s3():
    with s3_server() as server:
        server.bucket("news")
        for i in range(6):
            server.put(f"news/txt/{i}.txt", f"Story {i}. {STORY}".encode())
        lines = b"".join(json.dumps({"id": f"j{i}", "text": f"{STORY} Item {i}."}).encode() + b"\n" for i in range(30))
        server.put("news/dump/full.jsonl.gz", gzip.compress(lines))
        # big enough that the cut lands after whole lines (gzip reads 8 KiB of text at a time)
        many = b"".join(json.dumps({"id": f"c{i}", "text": f"{STORY} Item {i * 7919 % 10007}."}).encode() + b"\n"
                        for i in range(400))
        cut = gzip.compress(many)
        server.put("news/dump/cut.jsonl.gz", cut[: len(cut) // 2])
        yield server


@pytest.fixture(autouse=True)
def _fresh_filesystems():
    storage._filesystem.cache_clear()  # each test's credentials and endpoint, not a cached client's
    yield
    storage._filesystem.cache_clear()


def run(s3, *args, options=None):
    result = CliRunner().invoke(main, ["run", *args, "--steps", "clean", "--workers", "1", "--no-progress",
                                       *(s3.options() if options is None else options)])
    return result


def records(s3, key):
    data = s3.fs.cat_file(key)
    if key.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode().splitlines()]


def test_s3_inputs_and_output_file(s3):
    result = run(s3, "s3://news/txt/*.txt", "s3://news/dump/full.jsonl.gz", "-o", "s3://news/out/one.jsonl")
    assert result.exit_code == 0, result.output
    got = records(s3, "news/out/one.jsonl")
    assert [r["id"] for r in got] == [str(i) for i in range(6)] + [f"j{i}" for i in range(30)]
    assert got[0]["source"]["path"] == "s3://news/txt/0.txt" and got[0]["status"] == "ok"
    assert got[6]["source"] == {"path": "s3://news/dump/full.jsonl.gz", "line": 1}


def test_warc_source_offset_is_the_offset_in_the_object(s3, tmp_path):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf, offsets = io.BytesIO(), []
    writer = WARCWriter(buf, gzip=True)
    for i in range(4):
        offsets.append(buf.tell())
        page = f"<html><body><article><p>Page {i}. {STORY}</p></article></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://e.com/{i}", "response", payload=io.BytesIO(page),
                                                      http_headers=http))
    s3.put("news/warc/CC-NEWS-0001.warc.gz", buf.getvalue())
    listing = tmp_path / "warc.paths.gz"  # Common Crawl's list format: relative keys, gzipped
    listing.write_bytes(gzip.compress(b"warc/CC-NEWS-0001.warc.gz\n"))
    result = run(s3, "--paths-from", str(listing), "--base-url", "s3://news/", "-o", str(tmp_path / "w.jsonl"))
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in (tmp_path / "w.jsonl").read_text().splitlines()]
    assert [r["source"]["offset"] for r in got] == offsets
    assert {r["source"]["path"] for r in got} == {"s3://news/warc/CC-NEWS-0001.warc.gz"}
    data = s3.fs.cat_file("news/warc/CC-NEWS-0001.warc.gz")
    assert all(data[o:o + 2] == b"\x1f\x8b" for o in offsets)  # each offset starts the record's gzip member


def test_missing_object_missing_bucket_and_truncated_gzip_are_error_records(s3, tmp_path):
    out = tmp_path / "r.jsonl"
    result = run(s3, "s3://news/txt/0.txt", "s3://news/txt/nope.txt", "s3://no-such-bucket/a.txt",
                 "s3://news/dump/cut.jsonl.gz", "-o", str(out))
    assert result.exit_code == 0, result.output  # the rest of the run goes on
    got = [json.loads(line) for line in out.read_text().splitlines()]
    codes = [r["error"]["code"] if r["status"] == "error" else "ok" for r in got]
    assert codes[:3] == ["ok", errors.UNREADABLE, errors.UNREADABLE]
    assert "bucket does not exist" in got[2]["error"]["message"]
    assert codes[-1] == errors.TRUNCATED and set(codes[3:-1]) == {"ok"} and len(codes) > 4
    assert "Traceback" not in result.output



def test_a_missing_object_inside_a_batch_is_its_own_record_in_its_place(s3, tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "FETCH_BATCH", 4)  # the 6 objects below span two batches, one async call each
    inputs = [f"s3://news/txt/{i}.txt" for i in range(6)]
    inputs[2:2] = ["s3://news/txt/gone.txt"]  # the third of the first batch
    inputs[5:5] = ["s3://news/dump/full.jsonl.gz"]  # a container between batches: streamed, lines kept
    out = tmp_path / "b.jsonl"
    result = run(s3, *inputs, "-o", str(out))
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(got) == 6 + 1 + 30  # exactly one record per object, the dump's 30 lines
    assert [r["source"]["path"] for r in got[:5]] == inputs[:5]
    assert got[2]["status"] == "error" and got[2]["error"]["code"] == errors.UNREADABLE
    assert [r["status"] for r in got if r is not got[2]] == ["ok"] * 36
    assert [r["source"].get("line") for r in got[5:35]] == list(range(1, 31))
    assert [r["id"] for r in got[35:]] == ["4", "5"] and got[36]["source"]["path"] == "s3://news/txt/5.txt"

def test_glob_in_a_missing_bucket_is_a_usage_error(s3):
    result = run(s3, "s3://no-such-bucket/*.txt")
    assert result.exit_code == 2 and "no file matches" in result.output and "Traceback" not in result.output


def test_unreachable_endpoint_is_one_fatal_line(s3, tmp_path):
    dead = ["--storage-option", f"endpoint_url=http://127.0.0.1:{free_port()}", "--storage-option",
            "config_kwargs.retries.max_attempts=1"]  # botocore's own retries: the test waits out s3fs's (~2 s)
    result = run(s3, "s3://news/txt/0.txt", str(tmp_path / "missing-local.txt"), "-o", str(tmp_path / "o.jsonl"),
                 options=dead)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].startswith("Error: cannot reach the storage of s3://news/txt/0.txt") and "Traceback" not in result.output
    out = run(s3, str(tmp_path / "x.txt"), "-o", "s3://news/o/", options=dead)
    assert out.exit_code == 2 and "-o s3://news/o/" in out.output and "cannot reach" in out.output
    typo = run(s3, "s3://news/txt/0.txt", options=[*s3.options(), "--storage-option", "retries=1"])
    assert typo.exit_code == 2 and "--storage-option is not accepted" in typo.output  # s3fs has no retries=


def test_output_to_a_missing_bucket_or_http_is_refused_before_reading(s3, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    for target, why in (("s3://no-such-bucket/out/", "no such bucket"), ("https://example.com/out.jsonl", "is for reading")):
        result = run(s3, str(tmp_path / "a.txt"), "-o", target)
        assert result.exit_code == 2 and why in result.output, result.output
    for option in ("--csv-dir", "--db", "--summary-json"):
        result = run(s3, str(tmp_path / "a.txt"), option, "s3://news/x")
        assert result.exit_code == 2 and "a local path is wanted" in result.output


def test_denied_credentials(s3, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    denied = [*s3.options(), "--storage-option", "key=AKIADENIEDDENIED0000", "--storage-option", "secret=" + "d" * 40]
    with s3.denied_credentials():
        named = run(s3, "s3://news/txt/1.txt", str(tmp_path / "a.txt"), "-o", str(tmp_path / "d.jsonl"), options=denied)
        listed = run(s3, "s3://news/txt/*.txt", options=denied)
        output = run(s3, str(tmp_path / "a.txt"), "-o", "s3://news/denied/", options=denied)
    assert named.exit_code == 0, named.output  # one error record for the object, the local file is distilled
    got = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text().splitlines()]
    assert got[0]["status"] == "error" and got[0]["error"]["code"] == errors.UNREADABLE
    assert "PermissionError" in got[0]["error"]["message"] and got[1]["status"] == "ok"
    assert listed.exit_code == 2 and "not allowed to list s3://news/txt/*.txt" in listed.output
    assert output.exit_code == 2 and "not allowed to write" in output.output
    for result in (named, listed, output):
        assert "d" * 40 not in result.output


def test_credentials_never_reach_stderr_records_or_manifest(s3, tmp_path):
    """The secret key, given on the command line and in the environment, in no output of a run that
    also meets a missing object, a missing bucket and a truncated object."""
    opts = [*s3.options(), "--storage-option", f"secret={SECRET_KEY}", "--storage-option", "key=AKIATESTNEWSDISTILL1"]
    result = run(s3, "s3://news/txt/", "s3://news/txt/nope.txt", "s3://no-such-bucket/k.txt", "s3://news/dump/cut.jsonl.gz",
                 "-o", "s3://news/secret-run/", "--summary-json", str(tmp_path / "s.json"), options=opts)
    assert result.exit_code == 0, result.output
    written = b"".join(s3.fs.cat_file(k) for k in s3.fs.find("news/secret-run/"))
    texts = [result.output, (tmp_path / "s.json").read_text(),
             *(gzip.decompress(s3.fs.cat_file(k)).decode() for k in s3.fs.find("news/secret-run/") if k.endswith(".gz"))]
    for text in [*texts, written.decode("utf-8", "replace")]:
        assert SECRET_KEY not in text and "AKIATESTNEWSDISTILL1" not in text
    assert "unreadable-file" in "".join(texts)  # the error records are there, without credentials


def test_endpoint_from_the_environment_and_anonymous_access(s3, tmp_path, monkeypatch):
    """No --storage-option: botocore's AWS_ENDPOINT_URL; anon=true: unsigned requests (public buckets)."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3.endpoint)
    from_env = run(s3, "s3://news/txt/2.txt", "-o", str(tmp_path / "e.jsonl"), options=[])
    assert from_env.exit_code == 0, from_env.output
    s3.fs.chmod("news/txt/3.txt", acl="public-read")  # anonymous access reads public objects only
    anon = run(s3, "s3://news/txt/3.txt", "-o", str(tmp_path / "a.jsonl"), options=["--storage-option", "anon=true"])
    assert anon.exit_code == 0, anon.output
    for name, story in (("e.jsonl", "Story 2."), ("a.jsonl", "Story 3.")):
        record = json.loads((tmp_path / name).read_text())
        assert record["status"] == "ok" and record["text"].startswith(story)
