"""Headline attributions and entity mentions in the corpus store: their title-line offsets
round-trip (schema 2 / 3), the body-offset columns stay null for them, and schema-1 and schema-2
stores still open and are migrated."""

from __future__ import annotations

import re
import sqlite3

from starlette.testclient import TestClient

from newsdistill.corpus import queries
from newsdistill.corpus.store import (
    LINE_COLUMNS,
    MENTION_LINE_COLUMNS,
    SCHEMA_VERSION,
    Store,
    index_records,
    line_offsets,
    schema_sql,
)
from newsdistill.web.app import create_app
from support import store_fixture as fx


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


def test_headline_mentions_round_trip(tmp_path):
    rec = fx.headline_record()
    index_records([rec], tmp_path / "c.sqlite")
    d = queries.document(queries.connect_ro(tmp_path / "c.sqlite"), rec["id"])
    line = next(r["text"] for r in d["removed"] if r["kind"] == "metadata" and r["idx"] == 0)
    title = [(m["eid"], m["text"], m["metadata_line"], m["line_start"], m["line_end"]) for m in d["mentions"] if m["metadata_line"] is not None]
    assert sorted(title) == [("E1", "Graham", 0, 0, 6), ("E2", "Trump", 0, 8, 13)]
    assert all(line[s:e] == text for _, text, _, s, e in title)
    for m in d["mentions"]:
        if m["metadata_line"] is not None:  # no offsets into documents.text ...
            assert m["start"] is None and m["end"] is None and m["input_start"] is not None
        else:  # ... and body mentions have no line offsets
            assert m["line_start"] is None and m["line_end"] is None and m["start"] is not None


def test_line_offsets_of_a_headline_mention():
    lines = [{"text": "  Graham: Graham's party", "input_start": 100, "input_end": 124}]
    # the input offsets point at the line's text: taken as they are (the second "Graham")
    assert line_offsets({"text": "Graham", "input_start": 110, "input_end": 116, "metadata_line": 0}, lines) == (0, 10, 16)
    # input offsets that do not (the whole line's, or none: HTML/JSONL input): the first occurrence
    assert line_offsets({"text": "Graham", "input_start": 100, "input_end": 124, "metadata_line": 0}, lines) == (0, 2, 8)
    assert line_offsets({"text": "party", "metadata_line": 0}, [{"text": "Graham's party", "input_start": None}]) == (0, 9, 14)
    # not in the line, a line the record lacks: the index without offsets; body and caption mentions: nothing
    assert line_offsets({"text": "Trump", "input_start": 100, "input_end": 105, "metadata_line": 0}, lines) == (0, None, None)
    assert line_offsets({"text": "Graham", "metadata_line": 3}, lines) == (3, None, None)
    assert line_offsets({"text": "Graham", "start": 0, "end": 6}, lines) == (None, None, None)
    assert line_offsets({"text": "Graham", "caption": 0, "input_start": 100, "input_end": 106}, lines) == (None, None, None)


def _schema_7() -> str:
    """schema.sql as it was in store schema 7 (without the captions' photographer and agency)."""
    v7 = re.sub(r"    rule TEXT,\n    -- the credit's person.*?photographer TEXT, agency TEXT,\n", "    rule TEXT,\n", schema_sql(), flags=re.S)
    assert v7 != schema_sql() and "photographer" not in v7
    return v7


def _schema_3() -> str:
    """schema.sql as it was in store schema 3 (without the wire datelines' place and agency of removed rows)."""
    v3 = re.sub(r"    rule TEXT,\n    -- a wire dateline's place.*?place TEXT, agency TEXT,\n", "    rule TEXT,\n", _schema_7(), flags=re.S)
    assert v3 != _schema_7() and "agency" not in v3
    return v3


def _schema_2() -> str:
    """schema.sql as it was in store schema 2 (without the headline mentions' line columns)."""
    v2 = re.sub(r"    caption INTEGER,\n    -- a headline mention.*?line_end INTEGER", "    caption INTEGER", _schema_3(), flags=re.S)
    assert v2 != _schema_3() and "line_start" not in v2
    return v2


def _schema_1() -> str:
    """schema.sql as it was in store schema 1 (without the headline line columns)."""
    v1 = re.sub(r"quote_cluster INTEGER,.*?line_content_end INTEGER", "quote_cluster INTEGER", _schema_2(), flags=re.S)
    assert v1 != _schema_2() and "metadata_line" not in v1
    return v1


def _store_of(path, schema: str, version: str, doc_id: str, text: str, *rows: str) -> None:
    """A store file written by an older schema: one document titled "Graham: GOP doomed" (its
    title line kept as removed metadata), and ``rows`` (INSERT statements) for the rest."""
    conn = sqlite3.connect(path)
    conn.executescript(schema)
    conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (version,))
    conn.execute("INSERT INTO documents(doc, id, seq, status, title, text) VALUES (1, ?, 1, 'ok', 'Graham: GOP doomed', ?)",
                 (doc_id, text))
    conn.execute("INSERT INTO removed(doc, idx, kind, input_start, input_end, text, reason, rule)"
                 " VALUES (1, 0, 'metadata', 0, 18, 'Graham: GOP doomed', 'title', 'meta.title-first-line')")
    for row in rows:
        conn.execute(row)
    conn.commit()
    conn.close()


def _old_store(path) -> None:
    _store_of(path, _schema_1(), "1", "old-1", "Body.",
              "INSERT INTO attributions(doc, aid, kind, source_text, cue_text, content, speaker_name, speaker_key, published_key)"
              " VALUES (1, 'T1', 'mixed', 'Graham', ':', 'GOP doomed', 'Lindsey Graham', 'lindsey graham', '~')")


def test_schema_1_store_is_viewed_read_only_and_migrated_on_write(tmp_path):
    db = tmp_path / "old.sqlite"
    _old_store(db)
    # the viewer (read-only, no migration) still shows the document, the title plain
    html = TestClient(create_app(db)).get("/doc?id=old-1").text
    assert '<h1 id="doc-title">Graham: GOP doomed</h1>' in html and '<tr class="attribution" data-aid="T1">' in html
    # opening it for writing adds the columns; the old row keeps its values, with no line offsets
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION == "8"
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(attributions)")}
        assert set(LINE_COLUMNS) <= cols
        assert set(MENTION_LINE_COLUMNS) <= {r[1] for r in store.conn.execute("PRAGMA table_info(mentions)")}
        assert store.conn.execute(f"SELECT content, {', '.join(LINE_COLUMNS)} FROM attributions").fetchall() == \
            [("GOP doomed", *[None] * len(LINE_COLUMNS))]
        store.load([fx.headline_record()])
        store.finalize()
    Store(db).close()  # opening a migrated store again changes nothing
    html = TestClient(create_app(db)).get("/doc?id=politico-1").text
    assert '<span class="cue">:</span>' in re.search(r'<h1 id="doc-title">(.*?)</h1>', html, re.S).group(1)


def _schema_2_store(path) -> None:
    """A store written by schema 2: headline attributions with line offsets, a title mention without."""
    _store_of(path, _schema_2(), "2", "old-2", "Lindsey Graham spoke.",
              "INSERT INTO entities VALUES (1, 'E1', 'Lindsey Graham', 'lindsey graham', 'PERSON', '[]', NULL, 2)",
              "INSERT INTO mentions VALUES (1, 'E1', 0, 14, 'Lindsey Graham', 'name', 0, 14, NULL)",
              "INSERT INTO mentions VALUES (1, 'E1', NULL, NULL, 'Graham', 'name', 0, 6, NULL)",
              "INSERT INTO attributions(doc, aid, kind, source_text, cue_text, content, speaker_name, speaker_key, published_key,"
              " metadata_line, line_source_start, line_source_end, line_cue_start, line_cue_end, line_content_start, line_content_end)"
              " VALUES (1, 'T1', 'mixed', 'Graham', ':', 'GOP doomed', 'Lindsey Graham', 'lindsey graham', '~', 0, 0, 6, 6, 7, 8, 18)")


def test_schema_2_store_is_viewed_read_only_and_migrated_on_write(tmp_path):
    db = tmp_path / "v2.sqlite"
    _schema_2_store(db)
    # the viewer (read-only, no migration) marks the headline attribution; the title mention has no line offsets: no link
    h1 = re.search(r'<h1 id="doc-title">(.*?)</h1>', TestClient(create_app(db)).get("/doc?id=old-2").text, re.S).group(1)
    assert '<span class="cue">:</span>' in h1 and "<a " not in h1
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION == "8"
        # the old rows keep their values, the new columns null
        assert store.conn.execute(f'SELECT text, start, {", ".join(MENTION_LINE_COLUMNS)} FROM mentions ORDER BY rowid').fetchall() == \
            [("Lindsey Graham", 0, None, None, None), ("Graham", None, None, None, None)]
        assert store.conn.execute("SELECT line_cue_start FROM attributions").fetchall() == [(6,)]
        store.load([fx.headline_record()])
        store.finalize()
    Store(db).close()  # opening a migrated store again changes nothing
    h1 = re.search(r'<h1 id="doc-title">(.*?)</h1>', TestClient(create_app(db)).get("/doc?id=politico-1").text, re.S).group(1)
    assert '<a class="ent" href="/entity?name=Donald+Trump"' in h1
