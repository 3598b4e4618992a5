"""Headline attributions in the corpus store: their title-line offsets round-trip (schema 2),
the body-offset columns stay null for them, and a schema-1 store still opens and is migrated."""

from __future__ import annotations

import re
import sqlite3

from starlette.testclient import TestClient

import store_fixture as fx
from newsdistill.corpus import queries
from newsdistill.corpus.store import LINE_COLUMNS, SCHEMA_VERSION, Store, index_records, schema_sql
from newsdistill.web.app import create_app


def test_headline_offsets_round_trip(tmp_path):
    rec = fx.headline_record()
    index_records([rec], tmp_path / "c.sqlite")
    d = queries.document(queries.connect_ro(tmp_path / "c.sqlite"), rec["id"])
    rows = {a["aid"]: a for a in d["attributions"]}
    assert set(rows) == {"T1", "A1"}
    line = next(r["text"] for r in d["removed"] if r["kind"] == "metadata" and r["idx"] == rows["T1"]["metadata_line"])
    for part in ("source", "cue", "content"):
        span = rec["title_attributions"][0][part]
        t1 = rows["T1"]
        assert (t1[f"line_{part}_start"], t1[f"line_{part}_end"]) == (span["start"], span["end"])
        assert line[t1[f"line_{part}_start"]:t1[f"line_{part}_end"]] == span["text"]
        # the body-offset contract: a headline row has no offsets into documents.text ...
        assert t1[f"{part}_start"] is None and t1[f"{part}_end"] is None
        # ... and a body row has no line offsets
        assert rows["A1"][f"line_{part}_start"] is None
    assert rows["T1"]["content"] == "Trump's 'Incredibly Hateful Rhetoric' Hurts GOP" and rows["T1"]["content_input_start"] == 8
    assert rows["A1"]["metadata_line"] is None and rows["A1"]["content_start"] is not None


def test_headline_without_metadata_line_keeps_no_offsets(tmp_path):
    rec = fx.headline_record()
    del rec["title_attributions"][0]["metadata_line"]  # an older record: nothing says which line the offsets are in
    index_records([rec], tmp_path / "c.sqlite")
    t1 = next(a for a in queries.document(queries.connect_ro(tmp_path / "c.sqlite"), rec["id"])["attributions"] if a["aid"] == "T1")
    assert all(t1[c] is None for c in LINE_COLUMNS) and t1["cue_start"] is None


def _schema_1() -> str:
    """schema.sql as it was in store schema 1 (without the headline line columns)."""
    v1 = re.sub(r"quote_cluster INTEGER,.*?line_content_end INTEGER", "quote_cluster INTEGER", schema_sql(), flags=re.S)
    assert v1 != schema_sql() and "metadata_line" not in v1
    return v1


def _old_store(path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(_schema_1())
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO documents(doc, id, seq, status, title, text) VALUES (1, 'old-1', 1, 'ok', 'Graham: GOP doomed', 'Body.')")
    conn.execute("INSERT INTO removed VALUES (1, 0, 'metadata', 0, 18, 'Graham: GOP doomed', 'title', 'meta.title-first-line')")
    conn.execute("INSERT INTO attributions(doc, aid, kind, source_text, cue_text, content, speaker_name, speaker_key, published_key)"
                 " VALUES (1, 'T1', 'mixed', 'Graham', ':', 'GOP doomed', 'Lindsey Graham', 'lindsey graham', '~')")
    conn.commit()
    conn.close()


def test_schema_1_store_is_viewed_read_only_and_migrated_on_write(tmp_path):
    db = tmp_path / "old.sqlite"
    _old_store(db)
    # the viewer (read-only, no migration) still shows the document, the title plain
    html = TestClient(create_app(db)).get("/doc?id=old-1").text
    assert '<h1 id="doc-title">Graham: GOP doomed</h1>' in html and '<tr class="attribution" data-aid="T1">' in html
    # opening it for writing adds the columns; the old row keeps its values, with no line offsets
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION == "2"
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(attributions)")}
        assert set(LINE_COLUMNS) <= cols
        assert store.conn.execute(f"SELECT content, {', '.join(LINE_COLUMNS)} FROM attributions").fetchall() == \
            [("GOP doomed", *[None] * len(LINE_COLUMNS))]
        store.load([fx.headline_record()])
        store.finalize()
    Store(db).close()  # opening a migrated store again changes nothing
    html = TestClient(create_app(db)).get("/doc?id=politico-1").text
    assert '<span class="cue">:</span>' in re.search(r'<h1 id="doc-title">(.*?)</h1>', html, re.S).group(1)
