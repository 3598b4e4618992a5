"""Corpus store: schema, idempotent + transactional loading, queries, CLI."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdistill.cli import main
from newsdistill.corpus import queries
from newsdistill.corpus.store import Store, index_records, outlet_of
from support import store_fixture as fx

TABLES = ["documents", "paragraphs", "removed", "captions", "entities", "entity_roles", "mentions", "attributions",
          "figures", "dates", "quote_clusters", "quote_variants", "speakers"]


def counts(db) -> dict[str, int]:
    conn = sqlite3.connect(db)
    out = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    out["fts_docs"] = conn.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'guterres'").fetchone()[0]
    out["fts_quotes"] = conn.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'price'").fetchone()[0]
    conn.close()
    return out


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "corpus.sqlite"
    index_records(fx.records(), path)
    return path


def test_loads_every_table(db):
    c = counts(db)
    assert c["documents"] == 8
    assert c["attributions"] == 9
    assert c["removed"] == 2 and c["captions"] == 1
    assert c["entities"] >= 8 and c["mentions"] > c["entities"] and c["entity_roles"] >= 6
    assert c["fts_docs"] == 5 and c["fts_quotes"] == 5
    assert c["speakers"] == 3  # Guterres (both spellings), Haddad, the hostile one


def test_reloading_is_idempotent_and_keeps_load_order(db):
    before = counts(db)
    seq = sqlite3.connect(db).execute("SELECT id, seq FROM documents ORDER BY seq").fetchall()
    index_records(fx.records(), db)
    index_records(list(reversed(fx.records())), db)
    assert counts(db) == before
    assert sqlite3.connect(db).execute("SELECT id, seq FROM documents ORDER BY seq").fetchall() == seq


def test_reloading_a_changed_record_replaces_its_rows(db):
    rec = fx.records()[1]  # apnews: two attributions
    rec["attributions"] = rec["attributions"][:1]
    rec["title"] = "changed title"
    index_records([rec], db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM attributions a JOIN documents d ON d.doc = a.doc WHERE d.id = 'apnews-1'").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'changed'").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'ISIS'").fetchone()[0] == 1  # only tass-1 now


def test_a_failing_batch_rolls_back_entirely(tmp_path):
    db = tmp_path / "c.sqlite"
    recs = fx.records()
    with Store(db) as store:
        store.load(recs[:2])
        bad = dict(recs[3], paragraphs=[{"start": 0}])  # a paragraph without "end": the batch fails mid-way
        with pytest.raises(KeyError):
            store.load([recs[2], bad, recs[4]])
        assert store.count() == 2
        assert store.conn.execute("SELECT COUNT(*) FROM attributions").fetchone()[0] == 3
        store.load(recs[2:5])  # the store is still usable, and the sequence numbers go on
        assert [r[0] for r in store.conn.execute("SELECT seq FROM documents ORDER BY seq")] == [1, 2, 3, 4, 5]


def test_records_without_later_fields_load(tmp_path, seed_doc):
    rec = seed_doc.to_dict()
    for key in ("entities", "attributions", "figures", "dates", "duplicate_of", "cluster"):
        rec.pop(key, None)
    stats = index_records([rec, {"id": "bare"}], tmp_path / "c.sqlite")
    assert stats["documents"] == 2
    conn = queries.connect_ro(tmp_path / "c.sqlite")
    d = queries.document(conn, rec["id"])
    assert [r["reason"] for r in d["removed"]] == ["counter", "ad-marker", "newsletter", "newsletter", "app-promo"]
    assert d["captions"][0]["credit"] == "AFP PHOTO / HO / SANA"
    assert len(d["captions"][0]["restrictions"]) == 4
    assert queries.search(conn, "Haddad")["total"] == 1


def test_full_record_shapes_load(tmp_path):
    rec = fx.records()[0]
    rec["figures"] = [{"id": "F1", "value": 20000, "qualifier": "more than", "unit": None, "thing": "members", "of": "E2",
                       "where": ["E3", "E4"], "kind": "count", "span": {"start": 0, "end": 2, "text": "UN"}, "attributed_to": "A1"}]
    rec["dates"] = [{"start": 0, "end": 2, "text": "UN", "value": "2024-03-04", "interval": {"start": "2024-03-04", "end": "2024-03-05"},
                     "granularity": "day", "relative": True, "anchor": "published"}]
    index_records([rec], tmp_path / "c.sqlite")
    d = queries.document(queries.connect_ro(tmp_path / "c.sqlite"), rec["id"])
    assert d["figures"][0]["value"] == 20000 and json.loads(d["figures"][0]["where"]) == ["E3", "E4"]
    assert d["dates"][0]["relative"] == 1 and json.loads(d["dates"][0]["interval"])["end"] == "2024-03-05"


def test_not_a_record_is_refused(tmp_path):
    from newsdistill.errors import BadRecord

    with Store(tmp_path / "c.sqlite") as store, pytest.raises(BadRecord):
        store.load([{"text": "no id"}])


def test_quote_clusters_across_outlets(db):
    conn = queries.connect_ro(db)
    big = queries.top_clusters(conn, 1)[0]
    assert big["n_documents"] == 5 and big["n_outlets"] == 5 and big["first_published"] == "2024-03-04"
    qc = queries.quote_cluster(conn, big["cluster"])
    assert qc["first"]["id"] == "reuters-1"
    assert len(qc["variants"]) == 3  # full (= re-punctuated, same normalised text), trimmed, fragment
    assert sum(v["n"] for v in qc["variants"]) == 5
    assert {a["doc_id"] for a in qc["attributions"]} == {"reuters-1", "apnews-1", "bbc-1", "aljazeera-1", "reuters-1-copy"}
    # the ISIS statement carried by two speakers is one cluster with two speaker names
    isis = [c for c in queries.top_clusters(conn, 10) if c["text"].startswith("ISIS")][0]
    assert isis["n_speakers"] == 2


def test_queries(db):
    conn = queries.connect_ro(db)
    res = queries.search(conn, "climate finance")
    assert res["total"] == 3 and "\ue000" in res["results"][0]["snippet"]
    assert queries.search(conn, 'AND OR NOT "(')["total"] == 0  # FTS syntax in user text is harmless
    rows = queries.quotes(conn, speaker="guterres")
    assert len(rows) == 6 and rows[0]["published"] == "2024-03-04"
    assert {r["speaker"] for r in queries.quotes(conn, speaker="Guterres", about="ISIS")} == {"Antonio Guterres"}
    assert queries.quotes(conn, speaker="nobody") == []
    sp = queries.speaker(conn, "António Guterres")
    assert sp["n_attributions"] == 6 and sp["groups"][0]["n_documents"] == 5 and sp["groups"][0]["n_outlets"] == 5
    top = queries.top_entities(conn, 3, "PERSON")
    assert top[0]["name"].endswith("Guterres")
    st = queries.stats(conn)
    assert st["documents"] == 8 and st["errors"] == {"bad-json": 1} and st["removed_reasons"] == {"ad-marker": 2}
    assert st["duplicate_clusters"] == 1 and st["duplicate_documents"] == 1
    assert queries.duplicate_cluster(conn, "D1")[0]["id"] == "reuters-1"


def test_store_is_read_only_for_queries(db):
    conn = queries.connect_ro(db)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")


def test_outlet_of():
    assert outlet_of("https://www.reuters.com/x") == "reuters.com"
    assert outlet_of("javascript:alert(1)") is None and outlet_of(None) is None


def test_cli_index_and_queries(tmp_path, monkeypatch):
    jsonl = fx.write_jsonl(tmp_path / "out.jsonl")
    db = str(tmp_path / "corpus.sqlite")
    runner = CliRunner()
    r = runner.invoke(main, ["index", str(jsonl), "--db", db])
    assert r.exit_code == 0, r.output
    import gzip

    gz = tmp_path / "out.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    r = runner.invoke(main, ["index", str(jsonl), str(gz), "--db", db])  # again, and gzipped: same rows
    assert r.exit_code == 0, r.output
    assert counts(db)["documents"] == 8
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "format_version": "1.4", "text": "fine"}\nnot json\n')
    r = runner.invoke(main, ["index", str(bad), "--db", db])
    assert r.exit_code == 1 and "bad-json" not in r.output and "bad.jsonl:2" in r.output
    assert counts(db)["documents"] == 8  # the batch holding the bad line was never written
    monkeypatch.setenv("NEWSDISTILL_DB", db)
    r = runner.invoke(main, ["search", "climate finance", "--format", "json"])
    assert r.exit_code == 0 and len(json.loads(r.output)) == 3
    r = runner.invoke(main, ["quotes", "--speaker", "Guterres", "--about", "ISIS", "--format", "csv"])
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("speaker,role,kind,content") and len(r.output.splitlines()) == 2
    r = runner.invoke(main, ["quotes", "--speaker", "Haddad"])
    assert r.exit_code == 0 and "Riyad Haddad" in r.output
    r = runner.invoke(main, ["entities", "--top", "5", "--label", "PERSON", "--format", "json"])
    assert json.loads(r.output)[0]["documents"] >= 4
    r = runner.invoke(main, ["stats", "--format", "json"])
    assert json.loads(r.output)["errors"] == {"bad-json": 1}
    r = runner.invoke(main, ["stats"])
    assert r.exit_code == 0 and "ad-marker" in r.output
    monkeypatch.delenv("NEWSDISTILL_DB")
    r = runner.invoke(main, ["stats"])
    assert r.exit_code == 2 and "NEWSDISTILL_DB" in r.output


def test_cli_run_with_db(tmp_path, shared_dir):
    db = tmp_path / "c.sqlite"
    seed = shared_dir / "seed" / "000_efc30bb2d1477963.txt"
    r = CliRunner().invoke(main, ["run", str(seed), "-o", str(tmp_path / "out.jsonl"), "--db", str(db)])
    assert r.exit_code == 0, r.output
    conn = queries.connect_ro(db)
    assert queries.stats(conn)["removed_reasons"] == {"newsletter": 2, "counter": 1, "ad-marker": 1, "app-promo": 1}
    assert queries.search(conn, "Tskhinvali")["total"] == 1


def test_cli_serve_refuses_remote_without_flag(db):
    r = CliRunner().invoke(main, ["serve", str(db), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "--allow-remote" in r.output


def test_overview_is_cached_at_finalize_and_dropped_on_load(db):
    conn = queries.connect_ro(db)
    assert conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'overview'").fetchone()[0] == 1
    assert queries.cached_overview(conn)["stats"]["documents"] == 8
    with Store(db) as store:
        store.load([dict(fx.records()[0], id="new-1")])
    assert conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'overview'").fetchone()[0] == 0
    assert queries.cached_overview(conn)["stats"]["documents"] == 9


def test_cli_quotes_file_without_database(shared_dir):
    seed = shared_dir / "seed" / "000_efc30bb2d1477963.txt"
    r = CliRunner().invoke(main, ["quotes", str(seed), "--format", "json", "--attribution-model", "fast"], env={"NEWSDISTILL_DB": ""})
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert isinstance(rows, list)
    if rows:  # once the attribution step is in the pipeline: the seed's nine
        assert len(rows) == 9 and {"speaker", "content", "cue"} <= set(rows[0])


def test_closed_store_is_one_file_and_old_schemas_are_refused(db):
    from newsdistill.errors import Fatal

    assert not db.with_name(db.name + "-wal").exists()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(Fatal, match="schema"):
        Store(db)


def test_broad_queries_are_listed_newest_first(db, monkeypatch):
    conn = queries.connect_ro(db)
    exact = queries.search(conn, "Guterres")
    assert exact["ranking"] == "bm25" and exact["total"] == 5 and not exact["total_capped"]
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    broad = queries.search(conn, "Guterres")
    assert broad["ranking"] == "newest" and broad["total"] == 3 and broad["total_capped"]
    assert [r["id"] for r in broad["results"]] == ["reuters-1-copy", "aljazeera-1", "bbc-1", "apnews-1", "reuters-1"]
    assert len(queries.search_quotes(conn, "price", 2)) == 2


def test_mentions_outside_the_text_and_attribution_rules_load(tmp_path):
    rec = fx.records()[0]
    rec["entities"].append({"id": "E9", "name": "Agence France-Presse", "label": "ORG", "aliases": ["AFP"], "roles": [],
                            "mentions": [{"text": "AFP", "input_start": 381, "input_end": 384, "caption": 0, "kind": "alias"}]})
    rec["attributions"][0]["rule"] = "cue.verb-clause"
    index_records([rec], tmp_path / "c.sqlite")
    conn = queries.connect_ro(tmp_path / "c.sqlite")
    d = queries.document(conn, rec["id"])
    afp = [m for m in d["mentions"] if m["eid"] == "E9"]
    assert afp[0]["start"] is None and afp[0]["caption"] == 0 and afp[0]["input_start"] == 381
    assert d["attributions"][0]["rule"] == "cue.verb-clause"
    from newsdistill.web.render import article

    assert "Agence" not in "".join(article(d))  # nothing to link in the clean text


def _snapshot(db) -> tuple:
    conn = sqlite3.connect(db)
    groups = conn.execute(
        "SELECT group_concat(d.id || '/' || a.aid) FROM attributions a JOIN documents d ON d.doc = a.doc"
        " GROUP BY a.quote_cluster").fetchall()
    docs = conn.execute("SELECT id, title, text FROM documents ORDER BY id").fetchall()
    conn.close()
    return tuple(sorted(counts(db).items())), frozenset(frozenset(g[0].split(",")) for g in groups), tuple(docs)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 7), min_size=1, max_size=20), st.integers(1, 4))
def test_property_any_reload_sequence_gives_the_same_store(tmp_path_factory, order, batch):
    recs = fx.records()
    once = tmp_path_factory.mktemp("once") / "c.sqlite"
    index_records(recs, once)
    many = tmp_path_factory.mktemp("many") / "c.sqlite"
    index_records(recs, many, batch=batch)
    index_records([recs[i] for i in order], many, batch=batch)
    assert _snapshot(many) == _snapshot(once)
