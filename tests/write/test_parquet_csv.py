"""Parquet round trip (records come back exactly), CSV tables of entities and attributions."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from newsdistill.engine.runner import RunOptions, run_corpus
from newsdistill.errors import Fatal
from newsdistill.write import read_records
from newsdistill.write.csv_tables import ATTRIBUTION_COLUMNS, ENCODING, ENTITY_COLUMNS, CsvTables
from newsdistill.write.parquet import ParquetWriter
from support.engine_corpus import make_corpus


def _synthetic(i: int) -> dict:
    """A record with the later-step fields in the shapes of docs/record-format.md."""
    text = f"Minister Jane Roe said the plan number {i} will pass. \"We are ready,\" she said."
    span = lambda s, e, **kw: {"start": s, "end": e, "text": text[s:e], **kw}  # noqa: E731
    return {
        "id": f"s{i}", "format_version": "1.0", "status": "ok", "source": {"path": "x.warc.gz", "offset": 10 * i, "url": f"https://e.x/{i}", "fetched": "2024-05-01T10:00:00Z"},
        "input_kind": "html", "language": "en", "title": f"Plan {i}", "site_name": None, "byline": None, "published": "2024-05-01", "published_tz": None,
        "text": text, "paragraphs": [span(0, len(text))], "removed": [], "captions": [], "metadata_lines": [],
        "entities": [{"id": "E1", "name": "Jane Roe", "label": "PERSON", "aliases": ["Roe", "she"], "roles": ["Minister"],
                      "mentions": [span(9, 17, kind="name"), span(73, 76, kind="pronoun")]}],
        "attributions": [
            {"id": "A1", "kind": "indirect", "source": span(0, 17), "cue": span(18, 22), "content": span(23, 49 + len(str(i))),
             "speaker": {"entity": "E1", "name": "Jane Roe", "role": "Minister", "type": "person"}},
            {"id": "A2", "kind": "direct", "source": None, "cue": None, "content": span(52 + len(str(i)), 66 + len(str(i))),
             "speaker": None}],
        "figures": [], "dates": [{"start": 0, "end": 1, "text": "M", "value": None, "interval": None, "granularity": None,
                                  "relative": False, "anchor": None}],
        "duplicate_of": None, "cluster": f"s{i}", "some_new_field": {"x": [1, 2]},
    }


def test_parquet_round_trip_of_real_and_synthetic_records(tmp_path):
    paths, _ = make_corpus(tmp_path / "c", n=20)
    run_corpus(paths, str(tmp_path / "a.jsonl"), RunOptions(workers=1))
    run_corpus(paths, str(tmp_path / "a.parquet"), RunOptions(workers=1))
    want = list(read_records(str(tmp_path / "a.jsonl")))
    assert any(r["status"] == "error" for r in want) and any(r.get("warnings") is None for r in want)
    assert list(read_records(str(tmp_path / "a.parquet"))) == want
    synthetic = [_synthetic(i) for i in range(3)]
    with ParquetWriter(str(tmp_path / "s.parquet")) as writer:
        for r in synthetic:
            writer.write_record(r)
    assert list(read_records(str(tmp_path / "s.parquet"))) == synthetic
    with pytest.raises(Fatal, match="source"), ParquetWriter(str(tmp_path / "t.parquet")) as writer:
        writer.write_record({**synthetic[0], "source": {"path": "x", "new_key": 1}})
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.schema.field("removed").type.value_type.field("reason").name == "reason"  # a real struct column
    assert table.num_rows == len(want)


def test_csv_tables(tmp_path):
    with CsvTables(str(tmp_path)) as tables:
        for i in range(2):
            tables.write_record(_synthetic(i))
        tables.write_record({"id": "bad", "status": "error", "error": {"code": "empty-input"}})
    with open(tmp_path / "entities.csv", encoding=ENCODING, newline="") as fh:
        ents = list(csv.DictReader(fh))
    with open(tmp_path / "attributions.csv", encoding=ENCODING, newline="") as fh:
        atts = list(csv.DictReader(fh))
    assert list(ents[0]) == ENTITY_COLUMNS and list(atts[0]) == ATTRIBUTION_COLUMNS
    assert [(e["doc_id"], e["entity"], e["name"], e["aliases"], e["mentions"], e["first_start"]) for e in ents] == [
        ("s0", "E1", "Jane Roe", "Roe; she", "2", "9"), ("s1", "E1", "Jane Roe", "Roe; she", "2", "9")]
    assert [(a["doc_id"], a["attribution"], a["kind"], a["speaker"], a["speaker_entity"], a["cue"]) for a in atts] == [
        ("s0", "A1", "indirect", "Jane Roe", "E1", "said"), ("s0", "A2", "direct", "", "", ""),
        ("s1", "A1", "indirect", "Jane Roe", "E1", "said"), ("s1", "A2", "direct", "", "", "")]
    assert atts[0]["content"] == "the plan number 0 will pass"


def test_directory_output_in_parquet_with_csv_and_dropped_duplicates(tmp_path):
    paths, _ = make_corpus(tmp_path / "c", n=30, bad=False)
    summary = run_corpus(paths, str(tmp_path / "out") + "/",
                         RunOptions(workers=1, format="parquet", drop_duplicates=True, csv_dir=str(tmp_path / "csv"),
                                    shard_size=10))
    records = [r for p in sorted((tmp_path / "out").glob("shard-*.parquet")) for r in read_records(str(p))]
    assert summary.dropped == sum(summary.duplicates.values()) > 0
    assert len(records) == summary.written == 30 - summary.dropped
    assert all(r["duplicate_of"] is None and r["cluster"] == r["id"] for r in records)
    assert (tmp_path / "csv" / "entities.csv").exists()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["options"]["format"] == "parquet"
