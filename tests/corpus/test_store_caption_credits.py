"""A caption's photographer and agency (issue #14): in the record (plain-text and HTML captions),
the Parquet schema, the store's ``captions`` table (a store of the schema before gains the
columns when opened for writing) and the viewer's caption badges."""

from __future__ import annotations

import sqlite3

import pytest

from newsdistill.corpus.store import MIGRATIONS, SCHEMA_VERSION, Store, index_records
from newsdistill.pipeline import Pipeline, cleaning_steps
from newsdistill.read.html import html_document
from newsdistill.record import Document, Source
from support.herders_article import PARAS

BODY = PARAS[:3]
CAPTIONS = {  # caption -> (photographer, agency)
    "Herders wait with their goats at a market outside Kabul on April 15, 2024. (Jane Doe/Getty Images)":
        ("Jane Doe", "Getty Images"),
    "A shepherd leads his flock across a dry riverbed near Herat. (Photo by WAKIL KOHSAR / AFP)":
        ("WAKIL KOHSAR", "AFP"),
    "Farmers queue for fodder at a depot in Balkh province on Monday. (Photo: AP)": (None, "AP"),
}


def _text_record() -> dict:
    text = "Drought hits herders\n\n" + "\n\n".join(f"{c}\n\n{p}" for c, p in zip(CAPTIONS, BODY))
    doc = Pipeline(cleaning_steps())(Document(id="text-1", source=Source(path="a.txt"), input_kind="text", input_text=text))
    assert doc.status == "ok", doc.error
    return doc.to_dict()


def _html_record() -> dict:
    figs = "".join(f"<figure><img src='{i}.jpg'><figcaption>{c}</figcaption></figure>" for i, c in enumerate(CAPTIONS))
    page = (f"<!DOCTYPE html><html><head><title>Drought</title></head><body><main><article><h1>Drought hits herders</h1>"
            f"{figs}{''.join(f'<p>{p}</p>' for p in BODY)}</article></main></body></html>").encode()
    doc = Pipeline(cleaning_steps())(html_document(page, "html-1", Source()))
    assert doc.status == "ok", doc.error
    return doc.to_dict()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [_text_record(), _html_record()]


def test_records_carry_photographer_and_agency(records):
    for r in records:
        got = {c["text"]: (c["photographer"], c["agency"]) for c in r["captions"]}
        assert got == CAPTIONS, r["id"]
        assert list(r["captions"][0])[:4] == ["text", "credit", "photographer", "agency"]


def test_parquet_schema_has_the_fields(records, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from newsdistill.write.parquet import CAPTION, ParquetWriter

    assert {"photographer", "agency"} <= {f.name for f in CAPTION}
    path = tmp_path / "out.parquet"
    with ParquetWriter(str(path)) as w:
        for r in records:
            w.write_record(r)
    caps = pq.read_table(path).column("captions").to_pylist()
    assert {(c["photographer"], c["agency"]) for c in caps[0]} == set(CAPTIONS.values())


def test_store_loads_them_and_migrates_the_schema_before(records, tmp_path):
    db = tmp_path / "corpus.sqlite"
    index_records(records, db)
    conn = sqlite3.connect(db)
    rows = set(conn.execute("SELECT text, photographer, agency FROM captions").fetchall())
    assert rows == {(c, p, a) for c, (p, a) in CAPTIONS.items()}
    # a store of the schema before this one gains the columns when opened for writing
    before = next(old for old, (new, _) in MIGRATIONS.items() if new == SCHEMA_VERSION)
    conn.execute("ALTER TABLE captions DROP COLUMN photographer")
    conn.execute("ALTER TABLE captions DROP COLUMN agency")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (before,))
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("SELECT COUNT(*) FROM captions WHERE photographer IS NULL AND agency IS NULL"
                                  ).fetchone()[0] == 2 * len(CAPTIONS)  # loaded before: null
    index_records(records, db)  # re-indexing fills them
    assert ("Jane Doe", "Getty Images") in sqlite3.connect(db).execute("SELECT photographer, agency FROM captions").fetchall()


def test_viewer_shows_them(records, tmp_path):
    from starlette.testclient import TestClient

    from newsdistill.web.app import create_app

    db = tmp_path / "corpus.sqlite"
    index_records(records, db)
    client = TestClient(create_app(db))
    for rid in ("text-1", "html-1"):
        html = client.get("/doc", params={"id": rid}).text
        assert '<span class="badge photographer">photographer: Jane Doe</span>' in html, rid
        assert '<span class="badge agency">agency: Getty Images</span>' in html, rid
        assert '<span class="badge agency">agency: AP</span>' in html, rid
