"""Store schema 6 (record format 1.6): ``documents.published_tz``, ``figures.currency``,
``dates.time`` / ``dates.tz`` are loaded from the record, and a schema-5 store gains them when it
is opened for writing (rows loaded before keep null there)."""

from __future__ import annotations

import sqlite3

import pytest

import newsdistill
from newsdistill.corpus.store import SCHEMA_VERSION, Store, index_records

ARTICLE = """Drought deepens in northern Kenya
May 7, 2024 at 9:10 a.m. CST

Farmers in Kenya paid 3,000 shillings for a bag of maize, traders said.

The county council will vote on Thursday at 6:45 p.m. EDT on an emergency fund of about €3 million, the clerk said.

More than 20,000 members of the herders' union have signed a petition, its leader said."""


@pytest.fixture(scope="module")
def record() -> dict:
    doc = newsdistill.distill(ARTICLE, id="kenya-1", attribution_model="fast")
    assert doc.status == "ok"
    return doc.to_dict()


def test_the_record_carries_zones_and_currency(record):
    assert (record["published"], record["published_tz"]) == ("2024-05-07T09:10:00", "CST")
    money = {f["span"]["text"]: f["currency"] for f in record["figures"] if f["kind"] == "money"}
    assert money == {"3,000": "KES", "about €3 million": "EUR"}
    [thursday] = [d for d in record["dates"] if d["text"] == "Thursday"]
    assert (thursday["value"], thursday["time"], thursday["tz"]) == ("2024-05-09", "18:45:00-04:00", None)


def test_schema_6_columns_are_loaded(record, tmp_path):
    db = tmp_path / "corpus.sqlite"
    index_records([record], db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION == "8"
    assert conn.execute("SELECT published, published_tz FROM documents").fetchone() == ("2024-05-07T09:10:00", "CST")
    assert set(conn.execute("SELECT text, currency FROM figures WHERE kind = 'money'").fetchall()) == \
        {("3,000", "KES"), ("about €3 million", "EUR")}
    assert conn.execute("SELECT time, tz FROM dates WHERE text = 'Thursday'").fetchone() == ("18:45:00-04:00", None)


def test_a_schema_5_store_gains_the_columns_when_opened_for_writing(record, tmp_path):
    db = tmp_path / "v5.sqlite"
    index_records([record], db)
    conn = sqlite3.connect(db)
    for table, column in (("documents", "published_tz"), ("figures", "currency"), ("dates", "time"), ("dates", "tz")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION == "8"
        assert store.conn.execute("SELECT published_tz FROM documents").fetchone() == (None,)  # loaded before: null
        assert store.conn.execute("SELECT COUNT(*) FROM figures WHERE currency IS NULL").fetchone()[0] == len(record["figures"])
        assert {"time", "tz"} <= {r[1] for r in store.conn.execute("PRAGMA table_info(dates)")}
    index_records([record], db)  # re-indexing fills them
    assert sqlite3.connect(db).execute("SELECT published_tz FROM documents").fetchone() == ("CST",)
