"""WARC reader: HTML responses -> documents with provenance; other responses and broken files -> error records."""

from __future__ import annotations

import gzip
import io

import pytest

from newsdistill import errors
from newsdistill.pipeline import default_pipeline
from newsdistill.read import ReadOptions, iter_documents, read_path

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Harbour reopens after storm</title>"
    "<meta name='author' content='Sam Lee'></head><body><article><h1>Harbour reopens after storm</h1>"
    "<p>The harbour reopened on Monday after a storm closed it for three days, the port authority said, "
    "and the first ferries left on schedule in the early morning.</p>"
    "<p>Fishermen said the damage to the piers was lighter than they had feared, although two boats "
    "sank at their moorings during the worst of the weather on Saturday night.</p></article></body></html>"
)

# (uri, record type, HTTP status, content type, body)
RECORDS = [
    ("https://news.example.com/harbour", "response", "200 OK", "text/html; charset=utf-8", ARTICLE.encode()),
    ("https://news.example.com/logo.png", "response", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    ("https://news.example.com/old", "response", "301 Moved Permanently", "text/html", b"<html><body>moved</body></html>"),
    ("https://news.example.com/harbour", "request", None, None, b""),
    ("https://news.example.com/xhtml", "response", "200 OK", "application/xhtml+xml", ARTICLE.replace("Monday", "Tuesday").encode()),
]
EXPECTED = [("ok", None), ("error", errors.NOT_HTML), ("error", errors.HTTP_STATUS), ("ok", None)]  # request skipped


def write_warc(path, records=RECORDS, gz=True) -> list[int]:
    """Write the records; returns the byte offset of each record in the file."""
    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, rtype, status, ctype, body in records:
            offsets.append(fh.tell())
            if rtype == "response":
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
            else:
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
                rec = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http)
            writer.write_record(rec)
    return offsets


@pytest.mark.parametrize("gz", [True, False])
def test_warc_records(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, gz=gz)
    docs = [default_pipeline()(d) for d in read_path(str(path), ReadOptions())]
    assert [(d.status, d.error.code if d.error else None) for d in docs] == EXPECTED
    response_offsets = [o for o, r in zip(offsets, RECORDS) if r[1] == "response"]
    for doc, offset, rec in zip(docs, response_offsets, [r for r in RECORDS if r[1] == "response"]):
        assert doc.input_kind == "warc"
        assert doc.source.path == str(path)
        assert doc.source.offset == offset
        assert doc.source.url == rec[0]
        assert doc.source.fetched and doc.source.fetched[:2] == "20"
        assert len(doc.id) == 36  # the WARC-Record-ID uuid
    first = docs[0]
    assert "harbour reopened on Monday" in first.text
    assert first.title == "Harbour reopens after storm"
    assert first.byline == "Sam Lee"
    assert "Tuesday" in docs[3].text
    d = first.to_dict()
    assert d["source"]["url"] == "https://news.example.com/harbour" and "fetched" in d["source"]
    assert "<p>" not in str(d)


def test_warc_offset_finds_the_record(tmp_path):
    # source.offset is where the record starts on disk: a gzip member one can seek to and read alone
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    docs = list(read_path(str(path), ReadOptions()))
    with open(path, "rb") as fh:
        fh.seek(docs[1].source.offset)
        member = gzip.GzipFile(fileobj=fh).read(4096)
    assert member.startswith(b"WARC/1") and b"logo.png" in member


def cut(path, keep: int, out):
    data = path.read_bytes()
    out.write_bytes(data[:keep])
    return out


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_what_came_before(tmp_path, gz):
    full = tmp_path / ("full.warc.gz" if gz else "full.warc")
    offsets = write_warc(full, gz=gz)
    size = full.stat().st_size
    # cut inside the last response record (the xhtml page): 3 documents, then a shard error at its offset
    for keep in (offsets[4] + 10, offsets[4] + (size - offsets[4]) // 2, size - 30):
        bad = cut(full, keep, tmp_path / ("cut.warc.gz" if gz else "cut.warc"))
        docs = list(read_path(str(bad), ReadOptions()))
        assert [d.status for d in docs[:3]] == ["ok", "error", "error"], keep
        assert len(docs) == 4, (keep, [d.to_dict() for d in docs])
        err = docs[3]
        assert err.status == "error" and err.error.kind == "shard" and err.error.code == errors.TRUNCATED, err.to_dict()
        assert err.source.path == str(bad)
        assert err.source.offset is not None and offsets[3] <= err.source.offset <= keep


def test_truncated_first_record_and_not_a_warc(tmp_path):
    full = tmp_path / "full.warc.gz"
    write_warc(full)
    docs = list(read_path(str(cut(full, 40, tmp_path / "cut.warc.gz")), ReadOptions()))
    assert len(docs) == 1 and docs[0].error.code == errors.TRUNCATED and docs[0].source.offset == 0
    other = tmp_path / "notes.warc"
    other.write_text("these are my notes, not a web archive\n")
    docs = list(read_path(str(other), ReadOptions()))
    assert len(docs) == 1 and docs[0].status == "error" and docs[0].error.code == errors.UNREADABLE
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    docs = list(read_path(str(empty), ReadOptions()))
    assert len(docs) == 1 and docs[0].error.code == errors.EMPTY


def test_warc_in_a_folder_with_other_inputs(tmp_path):
    write_warc(tmp_path / "a.warc.gz")
    (tmp_path / "b.txt").write_text("A short note that is plain text and has a sentence in it.\n")
    docs = list(iter_documents([str(tmp_path)]))
    assert len(docs) == 5
    assert [d.input_kind for d in docs] == ["warc"] * 4 + ["text"]


def test_chunked_and_gzip_encoded_payloads(tmp_path):
    body = ARTICLE.encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100]) for i in range(0, len(body), 100)) + b"0\r\n\r\n"
    path = tmp_path / "enc.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for headers, payload in (([("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], chunked),
                                 ([("Content-Type", "text/html"), ("Content-Encoding", "gzip")], gzip.compress(body))):
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://x.example/", "response", payload=io.BytesIO(payload),
                                                          http_headers=http))
    docs = [default_pipeline()(d) for d in read_path(str(path), ReadOptions())]
    assert [d.status for d in docs] == ["ok", "ok"], [d.to_dict().get("error") for d in docs]
    assert all("harbour reopened on Monday" in d.text for d in docs)
