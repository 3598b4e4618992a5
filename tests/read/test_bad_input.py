"""Bad input at corpus scale: one folder holding every kind of broken input beside good ones.

Each bad input gives exactly one error record (or is repaired and flagged) that says
where it came from (path, and line or byte offset); the run goes on; and the number of
records out equals the number of documents in, through the CLI and through the API.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random

import pytest
from click.testing import CliRunner

from newsdistill import errors
from newsdistill.cli import main
from newsdistill.pipeline import default_pipeline
from newsdistill.read import iter_documents

ARTICLE = (
    "Council backs new tram line\n\n"
    "The city council voted on Tuesday to expand the tram network by 12 kilometres, a plan that "
    "officials said would cost about 340 million euros over the next decade.\n\n"
    "Opponents argued that the money would be better spent on buses, which they said could serve "
    "the outer districts sooner and at a fraction of the price.\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour reopens</title></head><body><article>"
    "<p>The harbour reopened on Monday after a storm closed it for three days, the port authority "
    "said, and the first ferries left on schedule in the early morning.</p>"
    "<p>Fishermen said the damage to the piers was lighter than they had feared, although two boats "
    "sank at their moorings during the worst of the weather on Saturday night.</p></article></body></html>"
)


def _warc(records) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, ctype, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


def build_corpus(root) -> dict[str, list[tuple[str, str | None]]]:
    """Write the corpus; returns, per file name, the (status, error code) of each record it must give."""
    pytest.importorskip("warcio")
    rnd = random.Random(5)
    expect: dict[str, list[tuple[str, str | None]]] = {}

    def put(name: str, data: bytes, records):
        (root / name).write_bytes(data)
        expect[name] = records

    put("good.txt", ARTICLE.encode(), [("ok", None)])
    put("page.html", PAGE.encode(), [("ok", None)])
    put("page.htm.zst", __import__("zstandard").ZstdCompressor().compress(PAGE.encode()), [("ok", None)])
    # truncated gzip: two lines come through, then the cut third line breaks the shard
    noise = "".join(rnd.choice("abcdefghij klmnop") for _ in range(200_000))
    lines = [json.dumps({"id": f"j{i}", "text": ARTICLE}) for i in range(2)] + [json.dumps({"id": "j2", "text": noise})]
    gz = gzip.compress(("\n".join(lines) + "\n").encode())
    put("cut.jsonl.gz", gz[: len(gz) // 2], [("ok", None), ("ok", None), ("error", errors.TRUNCATED)])
    # truncated WARC: the first page comes through, the cut second one breaks the shard
    warc = _warc([("https://x.example/a", "text/html", PAGE.encode()),
                  ("https://x.example/b", "text/html", PAGE.encode() + noise.encode())])
    put("cut.warc.gz", warc[: len(warc) - 2000], [("ok", None), ("error", errors.TRUNCATED)])
    # a non-HTML WARC record beside an HTML one
    put("mixed.warc.gz", _warc([("https://x.example/c", "text/html", PAGE.encode()),
                                ("https://x.example/c.pdf", "application/pdf", b"%PDF-1.4 ...")]),
        [("ok", None), ("error", errors.NOT_HTML)])
    # an unreadable file: a dangling symlink (chmod 000 does not stop root, which CI may be)
    os.symlink(root / "does-not-exist.txt", root / "dangling.txt")
    expect["dangling.txt"] = [("error", errors.UNREADABLE)]
    # a 50 MB document
    with open(root / "huge.txt", "wb") as fh:
        block = ARTICLE.encode() * 1000
        for _ in range(50_000_000 // len(block) + 1):
            fh.write(block)
    expect["huge.txt"] = [("error", errors.TOO_LARGE)]
    put("bomb.html", b"<html><body>" + b"<div>" * 200_000 + b"<p>text</p>" + b"</div>" * 200_000 + b"</body></html>",
        [("error", errors.TOO_DEEP)])
    # JSONL lines that are not objects, not JSON, lack the text field
    jl = [json.dumps({"id": "ok1", "text": ARTICLE}), "[1, 2, 3]", "{not json", '"just a string"',
          json.dumps({"id": "nt", "summary": "x"}), json.dumps({"id": "e", "text": "  "})]
    put("lines.jsonl", ("\n".join(jl) + "\n").encode(),
        [("ok", None), ("error", errors.NOT_OBJECT), ("error", errors.BAD_JSON), ("error", errors.NOT_OBJECT),
         ("error", errors.MISSING_FIELD), ("error", errors.EMPTY)])
    put("binary.txt", b"\x7fELF\x02\x01\x01" + bytes(rnd.randrange(256) for _ in range(5000)), [("error", errors.BINARY)])
    put("nul.txt", ARTICLE.encode().replace(b"voted", b"vo\x00ted"), [("ok", None)])
    put("latin.txt", ARTICLE.encode().replace(b"euros", b"eur\xe9os"), [("ok", None)])
    put("empty.txt", b"", [("error", errors.EMPTY)])
    return expect


def check_records(records: list[dict], expect, root) -> None:
    by_file: dict[str, list[dict]] = {}
    for r in records:
        by_file.setdefault(os.path.basename(r["source"]["path"]), []).append(r)
    assert set(by_file) == set(expect)
    for name, wanted in expect.items():
        got = [(r["status"], r["error"]["code"] if r["status"] == "error" else None) for r in by_file[name]]
        assert got == wanted, (name, [r.get("error") for r in by_file[name]])
        for r in by_file[name]:
            assert r["source"]["path"] == str(root / name)
            if name.endswith((".jsonl", ".jsonl.gz")) and r.get("error", {}).get("kind") == "record":
                assert r["source"]["line"] >= 1
            if ".warc" in name:
                assert r["source"]["offset"] is not None
    assert "nul-bytes-removed" in by_file["nul.txt"][0]["warnings"]
    assert any(w.startswith("invalid-utf8-repaired") for w in by_file["latin.txt"][0]["warnings"])
    for r in records:
        if r["status"] == "error":
            assert r["error"]["message"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    return root, build_corpus(root)


def test_cli_run_over_bad_corpus(corpus, tmp_path):
    root, expect = corpus
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    result = CliRunner().invoke(main, ["run", str(root), "-o", str(out), "--summary-json", str(summary), "--no-progress"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    n_expected = sum(len(v) for v in expect.values())
    stats = json.loads(summary.read_text())
    assert len(records) == n_expected == stats["documents"]  # in == out
    assert stats["ok"] + sum(stats["errors"].values()) == stats["documents"]
    check_records(records, expect, root)


def test_api_over_bad_corpus(corpus):
    root, expect = corpus
    pipeline = default_pipeline()
    records = [pipeline(doc).to_dict() for doc in iter_documents([str(root)])]
    assert len(records) == sum(len(v) for v in expect.values())
    check_records(records, expect, root)


def test_glob_selects_files(corpus):
    root, expect = corpus
    docs = list(iter_documents([str(root / "*.html"), str(root / "*.jsonl")]))
    assert len(docs) == len(expect["page.html"]) + len(expect["bomb.html"]) + len(expect["lines.jsonl"])
