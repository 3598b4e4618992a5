"""Viewer over HTTP (Starlette TestClient): pages, escaping, CSP, traversal, read-only, loopback."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from newsdistill.corpus.store import index_records
from newsdistill.web.app import CSP, check_host, create_app
from newsdistill.web.render import safe_url
from support import store_fixture as fx


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "corpus.sqlite"
    index_records(fx.records(), db)
    return TestClient(create_app(db))


PAGES = ["/", "/search?q=climate+finance", "/doc?id=reuters-1", "/doc?id=hostile-1", "/doc?id=broken-1",
         "/speaker?name=antonio+guterres", "/quote/1", "/duplicates?id=D1", "/entity?name=Riyad+Haddad"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_with_security_headers(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "default-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    # nothing from the internet: every src/href is ours (or the document's own http(s) source link)
    for attr, url_ in re.findall(r'\b(src|href)="([^"]*)"', r.text):
        assert url_.startswith(("/", "?", "https://www.reuters.com/", "https://apnews.com/")), (attr, url_)
    assert "style=" not in r.text and "<script>" not in r.text


def test_hostile_record_is_escaped(client):
    html = client.get("/doc?id=hostile-1").text
    assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;window.__pwned=1" in html
    assert 'href="javascript:' not in html.lower()
    assert html.count("<script") == 1  # our own deferred app.js only


def test_search_highlights_matches_escaped(client):
    html = client.get("/search", params={"q": "climate"}).text
    assert "<mark>climate</mark>" in html.lower() or "<mark>Climate</mark>" in html
    html = client.get("/search", params={"q": "script pwned"}).text
    assert "<script>window" not in html and "&lt;" in html


def test_document_page_parts(client):
    html = client.get("/doc?id=reuters-1").text
    assert 'class="q sp0"' in html and 'title="António Guterres, UN Secretary-General (direct; cue: said)"' in html
    assert 'href="/speaker?name=antonio+guterres"' in html
    assert 'class="ent" href="/entity?name=United+Nations"' in html
    assert 'data-reason="ad-marker"' in html
    assert "/quote/" in html and "5 documents" in html


def test_speaker_page_groups_by_cluster(client):
    html = client.get("/speaker?name=Guterres+Ant%C3%B3nio").text  # not a known key
    assert "no such speaker" in html
    html = client.get("/speaker?name=Antonio+Guterres").text
    assert "said in 5 articles from 5 outlets, first on 2024-03-04" in html


@pytest.mark.parametrize("url", ["/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/corpus/store.py",
                                 "/static//etc/passwd", "/doc?id=../../etc/passwd", "/quote/..%2F1", "/quote/1;DROP"])
def test_no_path_traversal(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert "import" not in r.text and "root:" not in r.text


def test_unknown_ids_are_404(client):
    assert client.get("/doc?id=nope").status_code == 404
    assert client.get("/duplicates?id=nope").status_code == 404
    assert client.get("/quote/999999").status_code == 404


def test_database_is_opened_read_only(tmp_path, monkeypatch):
    import sqlite3

    db = tmp_path / "c.sqlite"
    index_records(fx.records()[:2], db)
    opened = []
    real_connect = sqlite3.connect

    def spy(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        opened.append((args, kwargs, conn))
        return conn

    monkeypatch.setattr(sqlite3, "connect", spy)
    assert TestClient(create_app(db)).get("/doc?id=reuters-1").status_code == 200
    assert opened and all("mode=ro" in args[0] and kwargs.get("uri") for args, kwargs, _ in opened)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        opened[-1][2].execute("DELETE FROM documents")


def test_missing_database_is_refused(tmp_path):
    from newsdistill.errors import Fatal

    with pytest.raises(Fatal):
        create_app(tmp_path / "none.sqlite")


def test_loopback_only_without_flag():
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        check_host(host, False)
    for host in ("0.0.0.0", "192.168.1.5", "example.org", "::"):
        with pytest.raises(ValueError):
            check_host(host, False)
        check_host(host, True)


def test_safe_url():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "data:text/html,x", "//evil.org", "java\tscript:x", None, ""):
        assert safe_url(bad) is None
