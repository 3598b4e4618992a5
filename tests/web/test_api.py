"""The JSON API (/api/...) over HTTP with httpx (Starlette's TestClient is an httpx.Client; one
test drives the ASGI app through httpx.AsyncClient directly): endpoints, filters, pagination,
errors, the OpenAPI description, CSV exports, CORS and the viewer's download links."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import sqlite3

import httpx
import pytest
from starlette.testclient import TestClient

from newsdistill.corpus import queries
from newsdistill.corpus.store import index_records, record_json
from newsdistill.web import api
from newsdistill.web.app import CSP, create_app
from support import store_fixture as fx

SLASH_ID = "feeds/wire/2024/03/un-1?src=rss"  # ids may hold "/" and "?": the id travels as a parameter


def slash_record() -> dict:
    return fx.record(SLASH_ID, ["Antonio Guterres said on Tuesday that “peace is not a luxury but a necessity.”"],
                     url="https://www.example.org/un-1", published="2024-04-01T09:30:00Z", title="Peace, Guterres says",
                     people=[fx.GUTERRES_ASCII], quotes=[{"content": "peace is not a luxury but a necessity", "cue": "said",
                                                          "source": "Antonio Guterres", "speaker": "Antonio Guterres", "cue_after": False}],
                     language="fr")


@pytest.fixture(scope="module")
def records():
    return [*fx.records(), fx.headline_record(), slash_record()]


@pytest.fixture(scope="module")
def db(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("api") / "corpus.sqlite"
    index_records(records, path)
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def get(client, url, expect=200, **params):
    r = client.get(url, params=params or None)
    assert r.status_code == expect, (url, params, r.status_code, r.text[:300])
    return r.json()


def all_pages(client, url, **params) -> list[dict]:
    """Every item of a list, following ``next`` (and never seeing a cursor twice)."""
    items, cursors = [], set()
    while True:
        body = get(client, url, **params)
        items += body["items"]
        if body["next"] is None:
            return items
        assert body["next"] not in cursors
        cursors.add(body["next"])
        params["cursor"] = body["next"]


def error(client, url, expect=400, **params) -> dict:
    r = client.get(url, params=params or None)
    assert r.status_code == expect, (url, params, r.status_code, r.text[:300])
    assert r.headers["content-type"] == "application/json"
    err = r.json()["error"]
    assert set(err) == {"code", "message"} and err["message"]
    return err


# ---- the description ------------------------------------------------------------------
def test_openapi_is_valid_3_1_and_describes_every_api_route(client):
    from openapi_spec_validator import validate

    spec = get(client, "/api/openapi.json")
    validate(spec)  # raises on an invalid description
    assert spec["openapi"].startswith("3.1")
    app_paths = {r.path for r in client.app.routes if getattr(r, "path", "").startswith("/api/")}
    assert set(spec["paths"]) == app_paths
    for path, item in spec["paths"].items():
        op = item["get"]
        declared = {p["name"] for p in op.get("parameters", [])}
        endpoint = next((e for e in api.ENDPOINTS if e.path == path), None)
        if endpoint:
            assert declared == {p.name for p in endpoint.params}
            assert "400" in op["responses"]
    limit = next(p for p in spec["paths"]["/api/quotes"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"] == {"type": "integer", "minimum": 1, "maximum": 500}


# ---- documents -------------------------------------------------------------------------
def test_documents_page_through_everything_in_load_order(client, records):
    first = get(client, "/api/documents")
    assert [d["id"] for d in first["items"]] == [r["id"] for r in records] and first["next"] is None
    for limit in (1, 2, 3, 4):
        assert [d["id"] for d in all_pages(client, "/api/documents", limit=limit)] == [r["id"] for r in records]


def test_documents_filters(client):
    ids = lambda **p: [d["id"] for d in all_pages(client, "/api/documents", limit=2, **p)]  # noqa: E731
    assert ids(status="error") == ["broken-1"]
    assert ids(outlet="reuters.com") == ["reuters-1"] == ids(outlet="www.reuters.com") == ids(outlet="Reuters.com")
    assert ids(since="2024-03-05", until="2024-03-06") == ["apnews-1", "bbc-1", "reuters-1-copy"]
    assert ids(since="2024-04") == [SLASH_ID]  # a date-time published: the range compares ISO prefixes
    assert ids(until="2024-04-01") == [*ids(until="2024-03"), SLASH_ID]  # until is inclusive of the whole day
    assert ids(language="fr") == [SLASH_ID]
    assert ids(entity="riyad haddad") == ["tass-1"] == ids(entity="RIYAD HADDAD")
    assert ids(entity="United Nations", status="ok") == ["reuters-1"]
    assert ids(outlet="nowhere.example") == []


def test_document_is_the_record_exactly_as_run_wrote_it(client, records):
    for rec in records:
        r = client.get("/api/document", params={"id": rec["id"]})
        assert r.status_code == 200 and r.headers["content-type"] == "application/json"
        assert r.text == record_json(rec)  # byte for byte the JSONL line
        assert r.json() == rec
    assert client.get("/api/document", params={"id": SLASH_ID}).json()["title"] == "Peace, Guterres says"


def test_missing_document_is_a_404_json_error(client):
    assert error(client, "/api/document", 404, id="no-such-doc")["code"] == "not-found"
    assert error(client, "/api/document", 400)["code"] == "missing-parameter"


# ---- search ----------------------------------------------------------------------------
@pytest.mark.parametrize("q", ['"unbalanced', "climate AND (", "NEAR(", "*", "finance OR", "-- ;DROP TABLE documents", "ünïcödé"])
def test_safe_search_syntax_never_fails(client, q):
    body = get(client, "/api/search", q=q)
    assert isinstance(body["items"], list) and "window" in body


@pytest.mark.parametrize("q", ['"unbalanced', "climate AND", "AND", "NEAR(climate", "(finance", "title:"])
def test_malformed_fts5_query_is_a_400_json_error(client, q):
    err = error(client, "/api/search", q=q, syntax="fts5")
    assert err["code"] == "bad-query"


def test_fts5_syntax_passes_operators(client):
    safe = {d["id"] for d in all_pages(client, "/api/search", q="climate")}
    fts = {d["id"] for d in all_pages(client, "/api/search", q="climate NOT finance", syntax="fts5")}
    assert fts and fts < safe
    assert {d["id"] for d in all_pages(client, "/api/search", q="title:haddad", syntax="fts5")} == {"tass-1"}


def test_search_ranks_and_relevance_as_the_cli(client, db):
    body = get(client, "/api/search", q="climate finance")
    items = body["items"]
    assert [i["rank"] for i in items] == list(range(1, len(items) + 1))
    rel = [i["relevance"] for i in items]
    assert rel[0] == 1.0 and all(0 <= x <= 1 for x in rel) and rel == sorted(rel, reverse=True)
    cli = queries.search(queries.connect_ro(db), "climate finance", 50)["results"]  # what `newsdistill search` prints
    assert [(i["id"], i["rank"], i["relevance"]) for i in items] == [(c["id"], c["rank"], c["relevance"]) for c in cli]
    assert "[climate]" in items[0]["snippet"].lower()
    # a second page keeps the first page's scale: relevance is normalised within the whole result set
    page1 = get(client, "/api/search", q="climate finance", limit=1)
    page2 = get(client, "/api/search", q="climate finance", limit=1, cursor=page1["next"])
    assert page2["items"][0]["rank"] == 2 and page2["items"][0]["relevance"] == rel[1]
    assert body["window"] == {"matches": len(items), "matches_capped": False, "ranking": "bm25", "size": len(items), "cut": False}


def test_search_quotes(client):
    items = all_pages(client, "/api/search", q="price", scope="quotes", limit=2)
    assert len(items) == 5 and [i["rank"] for i in items] == [1, 2, 3, 4, 5]
    assert items[0]["relevance"] == 1.0 and all(0 < i["relevance"] <= 1 for i in items)
    assert all("[price]" in i["content"] for i in items)
    assert {i["speaker_name"] for i in items} == {"António Guterres", "Antonio Guterres"}


def test_search_pages_within_the_ranked_window_and_says_when_it_was_cut(client, monkeypatch):
    monkeypatch.setattr(queries, "RANK_WINDOW", 2)
    body = get(client, "/api/search", q="guterres", limit=1)
    assert body["window"]["cut"] is True and body["window"]["size"] == 2 and body["window"]["matches"] > 2
    items = all_pages(client, "/api/search", q="guterres", limit=1)
    assert len(items) == 2  # no page past the window
    monkeypatch.setattr(queries, "COUNT_CAP", 3)  # more matches than the cap: newest first, unranked
    body = get(client, "/api/search", q="guterres")
    assert body["window"]["ranking"] == "newest" and body["window"]["matches_capped"] and body["window"]["cut"]
    assert all(i["relevance"] is None for i in body["items"])


# ---- quotes, speakers, entities ----------------------------------------------------------
@pytest.mark.parametrize("speaker", ["Guterres", "guterres", "GUTERRES", "antonio", "António", "guterres antonio", "Antonio  Guterres"])
def test_quotes_by_any_word_of_the_speaker_name(client, speaker):
    items = all_pages(client, "/api/quotes", speaker=speaker, limit=2)
    assert len(items) == 7 and {i["speaker_key"] for i in items} == {"antonio guterres"}


@pytest.mark.parametrize("speaker", ["Guter", "uterres", "Antonio Haddad", "nobody", "-", "%", "_"])
def test_quotes_speaker_is_whole_words(client, speaker):
    assert get(client, "/api/quotes", speaker=speaker)["items"] == []


def test_quotes_first_seen_first_and_filters(client):
    items = all_pages(client, "/api/quotes", limit=3)
    dates = [i["published"] or "~" for i in items]
    assert dates == sorted(dates) and len(items) == len({i["quote"] for i in items}) == 12
    keys = lambda **p: [(i["doc_id"], i["aid"]) for i in all_pages(client, "/api/quotes", limit=2, **p)]  # noqa: E731
    assert keys(speaker="haddad") == [("tass-1", "A1"), ("tass-1", "A2")]
    assert keys(speaker="haddad", kind="indirect") == [("tass-1", "A2")]
    assert keys(kind="mixed") == [("aljazeera-1", "A1"), ("politico-1", "T1")]
    assert keys(outlet="apnews.com") == [("apnews-1", "A1"), ("apnews-1", "A2")]
    assert keys(speaker="guterres", since="2024-03-06", until="2024-03-07") == [("bbc-1", "A1"), ("aljazeera-1", "A1")]
    assert keys(document="politico-1") == [("politico-1", "T1"), ("politico-1", "A1")]  # the headline first, as read
    assert keys(document=SLASH_ID) == [(SLASH_ID, "A1")]
    # entity: a mention of it inside the quote's content (the headline's T1 names Trump, A1 does not)
    assert keys(entity="donald trump") == [("politico-1", "T1")]
    assert keys(entity="riyad haddad") == []  # named beside his quotes, not inside them


def test_speakers_and_entities(client):
    speakers = all_pages(client, "/api/speakers", limit=1)
    assert [s["speaker_key"] for s in speakers][:1] == ["antonio guterres"]
    counts = [s["n_attributions"] for s in speakers]
    assert counts == sorted(counts, reverse=True) and len(speakers) == len({s["speaker_key"] for s in speakers})
    assert [s["name"] for s in all_pages(client, "/api/speakers", name="graham")] == ["Lindsey Graham"]
    ents = all_pages(client, "/api/entities", limit=2)
    assert ents[0]["name_key"] == "antonio guterres" and ents[0]["documents"] == 6
    assert ents == get(client, "/api/entities", limit=500)["items"]
    assert {e["label"] for e in all_pages(client, "/api/entities", label="org")} == {"ORG"}
    assert [e["documents"] for e in all_pages(client, "/api/entities", name="united nations")] == [1]


def test_quote_cluster_first_seen_first(client):
    number = next(i["quote_cluster"] for i in all_pages(client, "/api/quotes", speaker="guterres") if i["doc_id"] == "reuters-1")
    body = get(client, "/api/quote-cluster", id=number, limit=2)
    assert body["cluster"]["n_documents"] == 5 and body["cluster"]["first"]["id"] == "reuters-1"
    carriers = all_pages(client, "/api/quote-cluster", id=number, limit=2)
    assert [c["doc_id"] for c in carriers] == ["reuters-1", "apnews-1", "reuters-1-copy", "bbc-1", "aljazeera-1"]
    assert error(client, "/api/quote-cluster", 404, id=99999)["code"] == "not-found"
    assert error(client, "/api/quote-cluster", id="one")["code"] == "bad-parameter"


def test_quote_clusters_most_carried_first(client):
    items = all_pages(client, "/api/quote-clusters", limit=1)
    assert items and all(i["n_documents"] >= 2 for i in items)
    assert [(i["n_documents"], -i["cluster"]) for i in items] == sorted(((i["n_documents"], -i["cluster"]) for i in items), reverse=True)
    assert items[0]["n_documents"] == 5 and items[0]["text"].startswith("The world cannot afford")
    everything = all_pages(client, "/api/quote-clusters", min_documents=1, limit=3)
    assert len(everything) == get(client, "/api/stats")["quote_clusters"] and items == everything[:len(items)]
    assert error(client, "/api/quote-clusters", min_documents=0)["code"] == "bad-parameter"


def test_duplicates_and_stats(client):
    assert get(client, "/api/duplicates")["items"] == [{"cluster": "D1", "n_documents": 2, "first_id": "reuters-1"}]
    assert [d["id"] for d in get(client, "/api/duplicates", id="D1")["items"]] == ["reuters-1", "reuters-1-copy"]
    assert error(client, "/api/duplicates", 404, id="D9")["code"] == "not-found"
    stats = get(client, "/api/stats")
    assert stats["documents"] == 10 and stats["errors"] == {"bad-json": 1}


# ---- errors and cursors ------------------------------------------------------------------
@pytest.mark.parametrize(("url", "params", "code"), [
    ("/api/quotes", {"limit": "0"}, "bad-parameter"),
    ("/api/quotes", {"limit": "501"}, "bad-parameter"),
    ("/api/quotes", {"limit": "ten"}, "bad-parameter"),
    ("/api/documents", {"limit": "-3"}, "bad-parameter"),
    ("/api/quotes", {"kind": "rumour"}, "bad-parameter"),
    ("/api/documents", {"status": "OK"}, "bad-parameter"),
    ("/api/documents", {"since": "March 2024"}, "bad-parameter"),
    ("/api/search", {"q": "x", "syntax": "regex"}, "bad-parameter"),
    ("/api/search", {"q": "x", "scope": "figures"}, "bad-parameter"),
    ("/api/search", {"q": "x" * 501}, "bad-parameter"),
    ("/api/quotes", {"format": "xml"}, "bad-parameter"),
    ("/api/quotes", {"speakr": "guterres"}, "unknown-parameter"),
    ("/api/stats", {"limit": "5"}, "unknown-parameter"),
    ("/api/quotes", {"cursor": "not-a-cursor"}, "bad-cursor"),
    ("/api/quotes", {"cursor": "WyJ4Il0"}, "bad-cursor"),  # base64 of ["x"]
    ("/api/search", {}, "missing-parameter"),
])
def test_bad_parameters_are_400_json_errors(client, url, params, code):
    assert error(client, url, **params)["code"] == code


def test_a_parameter_given_twice_is_a_400(client):
    r = client.get("/api/quotes?kind=direct&kind=mixed")
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad-parameter"


def test_cursor_is_bound_to_its_endpoint_and_filters(client):
    nxt = get(client, "/api/quotes", speaker="guterres", limit=1)["next"]
    assert nxt and get(client, "/api/quotes", speaker="guterres", limit=1, cursor=nxt)["items"]
    assert get(client, "/api/quotes", speaker="guterres", limit=5, cursor=nxt)["items"]  # limit may change between pages
    assert error(client, "/api/quotes", speaker="haddad", cursor=nxt)["code"] == "bad-cursor"
    assert error(client, "/api/documents", cursor=nxt)["code"] == "bad-cursor"
    forged = api._encode_cursor("/api/quotes", "0" * 12, ["2024", 1])  # noqa: SLF001 - a cursor with a wrong digest
    assert error(client, "/api/quotes", cursor=forged)["code"] == "bad-cursor"


def test_unknown_api_path_and_method_are_json_errors(client):
    assert error(client, "/api/nothing-here", 404)["code"] == "not-found"
    r = client.post("/api/quotes")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method-not-allowed"


# ---- exports, headers, CORS ----------------------------------------------------------------
def test_csv_format_download_and_next_link(client):
    r = client.get("/api/quotes", params={"speaker": "guterres", "limit": 2, "format": "csv", "download": "1"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="quotes.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["speaker_key"] for row in rows] == ["antonio guterres"] * 2
    link = re.fullmatch(r'<(/api/quotes\?[^>]+)>; rel="next"', r.headers["link"]).group(1)
    rest = client.get(link)
    assert rest.status_code == 200 and len(list(csv.DictReader(io.StringIO(rest.text)))) == 2
    nested = client.get("/api/quote-cluster", params={"id": 1, "format": "csv"})
    assert nested.status_code == 200 and nested.text.startswith("quote,")
    stats = client.get("/api/stats", params={"format": "csv"}).text
    assert json.loads(next(csv.DictReader(io.StringIO(stats)))["errors"]) == {"bad-json": 1}  # nested values as JSON


def test_api_keeps_security_headers_and_no_cors_by_default(client):
    r = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert r.headers["content-security-policy"] == CSP and r.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in r.headers


def test_cors_only_for_the_given_origin(db):
    c = TestClient(create_app(db, cors="https://dash.example"))
    r = c.get("/api/stats", headers={"Origin": "https://dash.example"})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "https://dash.example"
    assert "access-control-allow-origin" not in c.get("/api/stats", headers={"Origin": "https://evil.example"}).headers
    pre = c.options("/api/quotes", headers={"Origin": "https://dash.example", "Access-Control-Request-Method": "GET"})
    assert pre.status_code == 200 and "GET" in pre.headers["access-control-allow-methods"]
    assert c.options("/api/quotes", headers={"Origin": "https://dash.example", "Access-Control-Request-Method": "DELETE"}).status_code == 400


def test_httpx_async_client_against_the_asgi_app(db):
    async def run():
        transport = httpx.ASGITransport(app=create_app(db))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            return await c.get("/api/quotes", params={"speaker": "Haddad"}), await c.get("/api/document", params={"id": "x"})

    ok, missing = asyncio.run(run())
    assert ok.status_code == 200 and len(ok.json()["items"]) == 2
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not-found"


# ---- the viewer's download links ---------------------------------------------------------------
VIEWS = [("/", "top-speakers"), ("/", "top-entities"), ("/search?q=climate+finance", "results"),
         ("/search?q=climate+finance", "quote-results"), ("/doc?id=reuters-1", "attributions"),
         ("/speaker?name=antonio+guterres", "groups"), ("/quote/1", "carriers"), ("/duplicates?id=D1", "duplicates"),
         ("/entity?name=Riyad+Haddad", "entity-docs"), ("/", "clusters")]


@pytest.mark.parametrize(("page", "table"), VIEWS)
def test_every_viewer_table_links_csv_and_json_downloads(client, page, table):
    html = client.get(page).text
    block = re.search(rf'<p class="downloads" data-table="{table}">(.*?)</p>', html, re.S)
    assert block, (page, table)
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', block.group(1))]
    assert len(hrefs) == 2 and all(h.startswith("/api/") and "download=1" in h for h in hrefs)
    as_csv, as_json = (client.get(h) for h in hrefs)
    assert as_csv.status_code == as_json.status_code == 200
    assert as_csv.headers["content-disposition"].endswith('.csv"') and as_json.headers["content-disposition"].endswith('.json"')
    items = as_json.json()["items"]
    assert items and len(list(csv.DictReader(io.StringIO(as_csv.text)))) == len(items)


def test_download_rows_are_the_table_rows(client):
    html = client.get("/entity?name=Riyad+Haddad").text
    shown = re.findall(r'<a class="doc" href="/doc\?id=([^"]+)"', html)
    href = re.search(r'data-table="entity-docs">.*?href="([^"]+format=json[^"]*)"', html, re.S).group(1).replace("&amp;", "&")
    assert [d["id"] for d in client.get(href).json()["items"]] == shown == ["tass-1"]
    html = client.get("/doc?id=apnews-1").text
    href = re.search(r'data-table="attributions">.*?href="([^"]+format=json[^"]*)"', html, re.S).group(1).replace("&amp;", "&")
    assert [a["aid"] for a in client.get(href).json()["items"]] == re.findall(r'<tr class="attribution" data-aid="([^"]+)"', html)


# ---- serve --cors ----------------------------------------------------------------------------
@pytest.mark.parametrize("origin", ["*", "dash.example", "https://dash.example/path", "javascript:alert(1)", "https://a b"])
def test_serve_refuses_a_cors_value_that_is_not_one_origin(db, origin):
    from click.testing import CliRunner

    from newsdistill.cli import main

    r = CliRunner().invoke(main, ["serve", str(db), "--cors", origin])
    assert r.exit_code == 2 and "--cors takes one origin" in r.output and "Traceback" not in r.output


def test_serve_passes_cors_to_the_app(db, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from newsdistill.cli import main

    apps = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    for args, allowed in (([], None), (["--cors", "http://localhost:3000"], "http://localhost:3000")):
        r = CliRunner().invoke(main, ["serve", str(db), *args])
        assert r.exit_code == 0, r.output
        headers = TestClient(apps[-1]).get("/api/stats", headers={"Origin": "http://localhost:3000"}).headers
        assert headers.get("access-control-allow-origin") == allowed


def test_an_unexpected_failure_is_a_500_json_error(db, monkeypatch, caplog):
    from newsdistill.corpus import paged

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("no such column: d.outlet")

    monkeypatch.setattr(paged, "documents", broken)
    r = TestClient(create_app(db), raise_server_exceptions=False).get("/api/documents")
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal-error"
    assert "no such column" not in r.text and "no such column" in caplog.text  # details in the log, not the answer
