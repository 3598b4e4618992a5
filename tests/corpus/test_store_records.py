"""Store schema 5 (#18): each record's JSON (``records``) and the speaker-word index
(``speaker_words``); the 4 -> 5 migration; the query plans of the API's hot queries."""

from __future__ import annotations

import json
import sqlite3

import pytest
from starlette.testclient import TestClient

from newsdistill.corpus import paged, queries
from newsdistill.corpus.names import name_words
from newsdistill.corpus.store import SCHEMA_VERSION, Store, index_records, record_json
from newsdistill.eval.synthetic.store import Generator
from newsdistill.web.app import create_app
from support import store_fixture as fx


@pytest.mark.parametrize(("name", "words"), [
    ("António Guterres", ["antonio", "guterres"]),
    ("Jean-Claude Juncker", ["jean", "claude", "juncker"]),
    ("  MR.  O'Neill  ", ["mr", "o", "neill"]),
    ("Gustavo Gustavo", ["gustavo"]),
    ("Влади́мир Пу́тин", ["владимир", "путин"]),
    ("", []),
    (None, []),
    ("--", []),
])
def test_name_words(name, words):
    assert name_words(name) == words


def test_records_and_speaker_words_are_stored(tmp_path):
    db = tmp_path / "c.sqlite"
    recs = fx.records()
    index_records(recs, db)
    conn = sqlite3.connect(db)
    stored = dict(conn.execute("SELECT d.id, r.json FROM records r JOIN documents d ON d.doc = r.doc"))
    assert stored == {r["id"]: record_json(r) for r in recs}
    assert json.loads(stored["reuters-1"]) == recs[0]
    words = set(conn.execute("SELECT word, speaker_key FROM speaker_words"))
    keys = {k for (k,) in conn.execute("SELECT speaker_key FROM speakers")}
    assert words == {(w, k) for k in keys for w in name_words(k)} and ("guterres", "antonio guterres") in words


def test_reloading_a_record_replaces_its_json(tmp_path):
    db = tmp_path / "c.sqlite"
    rec = fx.records()[0]
    index_records([rec], db)
    index_records([{**rec, "title": "Changed"}], db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 1
    assert json.loads(conn.execute("SELECT json FROM records").fetchone()[0])["title"] == "Changed"


def _as_schema_4(db) -> None:
    """Take a store back to what schema 4 had: no records, no speaker_words, no schema-5 indexes."""
    conn = sqlite3.connect(db)
    for sql in ("DROP TABLE records", "DROP TABLE speaker_words", "DROP INDEX documents_seq", "DROP INDEX documents_outlet",
                "DROP INDEX attributions_speaker_time", "DROP INDEX attributions_time",
                "UPDATE meta SET value = '4' WHERE key = 'schema_version'"):
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_schema_4_store_is_served_read_only_then_upgraded_when_opened_for_writing(tmp_path):
    db = tmp_path / "old.sqlite"
    index_records(fx.records(), db)
    _as_schema_4(db)
    c = TestClient(create_app(db))
    # read-only: nothing is changed; records are missing (404 with the hint), quotes still answer
    r = c.get("/api/document", params={"id": "reuters-1"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "record-not-stored"
    assert "newsdistill index" in r.json()["error"]["message"] and "schema 5" in r.json()["error"]["message"]
    assert c.get("/api/document", params={"id": "nope"}).json()["error"]["code"] == "not-found"
    assert len(c.get("/api/quotes", params={"speaker": "Guterres"}).json()["items"]) == 6  # the pre-index fallback
    assert c.get("/api/quotes", params={"speaker": "guter"}).json()["items"] == []
    assert sqlite3.connect(db).execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
    # opened for writing: migrated through 5 (and any later step), speaker words built from the
    # speakers, old rows keep no JSON
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
        assert int(SCHEMA_VERSION) >= 5
        assert store.count("speaker_words") > 0 and store.count("records") == 0
    c = TestClient(create_app(db))
    assert c.get("/api/document", params={"id": "reuters-1"}).json()["error"]["code"] == "record-not-stored"
    assert len(c.get("/api/quotes", params={"speaker": "Guterres"}).json()["items"]) == 6  # now through the index
    index_records(fx.records()[:1], db)  # re-indexing fills the record
    r = TestClient(create_app(db)).get("/api/document", params={"id": "reuters-1"})
    assert r.status_code == 200 and r.json() == fx.records()[0]


# ---- query plans ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A small generated store (600 documents, 1,800 attributions) with the planner's statistics."""
    db = tmp_path_factory.mktemp("plans") / "gen.sqlite"
    gen = Generator()
    with Store(db) as store:
        store.load_all(gen.record(i) for i in range(600))
        store.finalize()
        store.conn.execute("ANALYZE")
    conn = queries.connect_ro(db)
    yield conn
    conn.close()


def full_scans(conn: sqlite3.Connection, sql: str, params) -> list[str]:
    """The plan steps that read a whole table or index of the store.  Not one: an FTS
    virtual-table scan (an index scan of its own) and the scan of a subquery's materialised rows
    (``SCAN (subquery-1)``, or the alias ``k`` of the per-speaker pages in ``paged.quotes_sql``)."""
    steps = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert steps, sql
    return [s for s in steps if s.startswith("SCAN ") and "VIRTUAL TABLE" not in s
            and not s.startswith(("SCAN (subquery", "SCAN k"))]


def test_quotes_by_speaker_uses_indexes(generated):
    key = generated.execute("SELECT speaker_key FROM speakers ORDER BY n_attributions DESC").fetchone()[0]
    for speaker, extra in ((key.split()[-1], {}), (key, {}), (key, {"kind": "direct", "since": "2023-02"}),
                           (key, {"after": ("2023-05-01", 10)}), (key.split()[0], {"outlet": "outlet3.example"})):
        sql, params = paged.quotes_sql(generated, speaker=speaker, **extra)
        assert full_scans(generated, sql, params) == [], (speaker, extra)
        assert paged.quotes(generated, speaker=speaker, **extra)  # and it finds them
    sql, params = queries.speaker_keys_sql(generated, ["x", "y"])
    assert full_scans(generated, sql, params) == []


def test_document_lookup_uses_the_id_index(generated):
    doc_id = generated.execute("SELECT id FROM documents LIMIT 1 OFFSET 300").fetchone()[0]
    assert full_scans(generated, paged.document_sql(), (doc_id,)) == []
    assert paged.record(generated, doc_id)[1].startswith('{"id":"' + doc_id + '"')


def test_the_plan_check_sees_a_full_scan(generated):
    """The check itself: the LIKE scan the speaker index replaced is a full scan."""
    assert full_scans(generated, "SELECT speaker_key FROM speakers WHERE speaker_key LIKE ?", ("%x%",))


def test_record_json_is_the_line_run_writes(tmp_path):
    """What the store keeps for /api/document is byte for byte JsonlWriter's line (write/jsonl.py)."""
    from newsdistill.write.jsonl import JsonlWriter

    recs = [*fx.records(), fx.headline_record(), {"id": "x", "text": "Ünïcode “quotes” — and \\ backslash\t\u2028", "n": 1.5e-07}]
    out = tmp_path / "out.jsonl"
    with JsonlWriter(str(out)) as w:
        for rec in recs:
            w.write_record(rec)
    assert out.read_text(encoding="utf-8").split("\n")[:-1] == [record_json(r) for r in recs]


def _every_page(conn, **filters) -> list[int]:
    out, after = [], None
    while True:
        items, after = paged.quotes(conn, limit=7, after=after, **filters)
        out += [i["quote"] for i in items]
        if after is None:
            return out


def test_per_speaker_pages_merge_to_the_sorted_order(generated, monkeypatch):
    """The per-key index ranges (paged.PER_KEY_MAX) give the same pages as one sort of all rows."""
    words = [r[0] for r in generated.execute("SELECT word FROM speaker_words GROUP BY word ORDER BY COUNT(*) DESC, word LIMIT 3")]
    cases = [{"speaker": w} for w in words] + [{"speaker": words[0], "kind": "direct", "since": "2023-03", "until": "2024-02"}]
    fast = [_every_page(generated, **c) for c in cases]
    monkeypatch.setattr(paged, "PER_KEY_MAX", 0)
    assert fast == [_every_page(generated, **c) for c in cases]
    assert all(fast) and any(len({k for k in generated.execute(
        "SELECT speaker_key FROM speaker_words WHERE word = ?", (c["speaker"],))}) > 1 for c in cases)  # several speakers merged
