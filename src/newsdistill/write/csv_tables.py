"""CSV tables for spreadsheet users: ``entities.csv`` and ``attributions.csv``.

One row per entity / attribution of every ok record, from the record fields ``entities``,
``title_attributions`` and ``attributions`` (shapes in docs/record-format.md).  Lists are joined
with ``"; "``; spans give their text (and a body content's offsets into the record's ``text``;
none for the headline's, ids ``T1`` ...).  UTF-8 with a byte
order mark so spreadsheet programs detect the encoding.
"""

from __future__ import annotations

import csv
import os
from typing import Any

from ..record import attributions_in_order

ENTITY_COLUMNS = ["doc_id", "doc_url", "doc_title", "entity", "name", "label", "gender", "aliases", "roles",
                  "mentions", "first_start", "first_end"]
ATTRIBUTION_COLUMNS = ["doc_id", "doc_url", "doc_title", "attribution", "kind", "speaker", "speaker_entity",
                       "speaker_role", "speaker_type", "source", "cue", "content", "content_start", "content_end", "rule"]
LIST_SEPARATOR = "; "
ENCODING = "utf-8-sig"


def _text(span: dict | None) -> str:
    return span.get("text", "") if isinstance(span, dict) else ""


def entity_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    doc = {"doc_id": record.get("id"), "doc_url": record.get("source", {}).get("url"), "doc_title": record.get("title")}
    rows = []
    for ent in record.get("entities") or []:
        mentions = ent.get("mentions") or []
        in_body = [m for m in mentions if m.get("start") is not None]  # caption/headline mentions have no start
        first = min(in_body, key=lambda m: m["start"]) if in_body else {}
        rows.append({**doc, "entity": ent.get("id"), "name": ent.get("name"), "label": ent.get("label"),
                     "gender": ent.get("gender"), "aliases": LIST_SEPARATOR.join(ent.get("aliases") or []),
                     "roles": LIST_SEPARATOR.join(ent.get("roles") or []), "mentions": len(mentions),
                     "first_start": first.get("start"), "first_end": first.get("end")})
    return rows


def attribution_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    doc = {"doc_id": record.get("id"), "doc_url": record.get("source", {}).get("url"), "doc_title": record.get("title")}
    rows = []
    for in_title, att in attributions_in_order(record, tagged=True):
        speaker = att.get("speaker") or {}
        content = {"text": _text(att.get("content"))} if in_title else att.get("content") or {}  # line offsets
        rows.append({**doc, "attribution": att.get("id"), "kind": att.get("kind"),
                     "speaker": speaker.get("name") or _text(att.get("source")) or None,
                     "speaker_entity": speaker.get("entity"), "speaker_role": speaker.get("role"),
                     "speaker_type": speaker.get("type"), "source": _text(att.get("source")),
                     "cue": _text(att.get("cue")), "content": _text(content),
                     "content_start": content.get("start"), "content_end": content.get("end"),
                     "rule": att.get("rule")})
    return rows


class CsvTables:
    """Appends the entity and attribution rows of each record to ``DIR/entities.csv`` and ``DIR/attributions.csv``."""

    def __init__(self, directory: str):
        os.makedirs(directory, exist_ok=True)
        self.directory = directory
        self._files = []
        self._entities = self._open("entities.csv", ENTITY_COLUMNS)
        self._attributions = self._open("attributions.csv", ATTRIBUTION_COLUMNS)
        self.counts = {"entities": 0, "attributions": 0}

    def _open(self, name: str, columns: list[str]) -> csv.DictWriter:
        fh = open(os.path.join(self.directory, name), "w", encoding=ENCODING, newline="")  # noqa: SIM115 - closed in close()
        self._files.append(fh)
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        return writer

    def write_record(self, record: dict[str, Any]) -> None:
        if record.get("status") != "ok":
            return
        ents = entity_rows(record)
        atts = attribution_rows(record)
        self._entities.writerows(ents)
        self._attributions.writerows(atts)
        self.counts["entities"] += len(ents)
        self.counts["attributions"] += len(atts)

    def close(self) -> None:
        for fh in self._files:
            fh.close()

    def __enter__(self) -> CsvTables:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
