"""The corpus store: newsdistill records in SQLite (+ FTS5), schema in ``schema.sql``.

* Loading is **idempotent**: a record replaces every row of the record with the same ``id``
  (``DELETE`` cascades to all child tables and the FTS indexes), keeping its first load order.
* Loading is **transactional**: :meth:`Store.load` writes one batch in one transaction; any
  failure rolls the whole batch back and re-raises.
* Records without the later fields (``entities``, ``attributions``, ``figures``, ``dates``,
  ``duplicate_of``/``cluster``) load fine: those tables simply get no rows.
* :meth:`Store.finalize` (re)builds the derived tables: quote clusters across documents and
  the speakers table.  ``index_records`` / ``Indexer`` call it once at the end.
* The schema is versioned (``meta.schema_version``): opening an older store migrates it
  (:data:`MIGRATIONS`, nullable columns only); any other version is refused.
* Mentions in a headline (``metadata_line`` set) keep their offsets into that metadata line's
  text (``line_start``/``line_end``, :func:`line_offsets`), as the headline attributions do.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import errors
from ..errors import BadRecord, Fatal
from ..record import attributions_in_order
from . import queries
from .names import name_key, name_words
from .quote_clusters import cluster_quotes, normalize

SCHEMA_VERSION = "8"
BATCH = 500
LINE_COLUMNS = ("metadata_line", "line_source_start", "line_source_end", "line_cue_start", "line_cue_end",
                "line_content_start", "line_content_end")
MENTION_LINE_COLUMNS = ("metadata_line", "line_start", "line_end")
DATELINE_COLUMNS = ("place", "agency")  # of removed rows: a wire dateline's (format 1.4), null for the others
# an older schema version -> (the next version, the steps that bring a store to it): an
# "ALTER TABLE t ADD COLUMN" statement (skipped when the column is there) or a function of the
# connection.  New tables and indexes come from schema.sql, which runs (IF NOT EXISTS) on every
# open before the migration.  Each step only adds nullable columns, tables or derived rows, so
# rows loaded before it keep their meaning (re-index to fill them).
MIGRATIONS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "1": ("2", tuple(f"ALTER TABLE attributions ADD COLUMN {c} INTEGER" for c in LINE_COLUMNS)),
    "2": ("3", tuple(f"ALTER TABLE mentions ADD COLUMN {c} INTEGER" for c in MENTION_LINE_COLUMNS)),
    "3": ("4", tuple(f"ALTER TABLE removed ADD COLUMN {c} TEXT" for c in DATELINE_COLUMNS)),
    # schema 5: the records table (each record's JSON, for /api/document: empty for documents
    # loaded before, re-index to fill it) and speaker_words, filled here from the speakers table
    "4": ("5", (lambda conn: _fill_speaker_words(conn),)),
    # schema 6 (format 1.6): time zones and a money figure's currency
    "5": ("6", ("ALTER TABLE documents ADD COLUMN published_tz TEXT", "ALTER TABLE figures ADD COLUMN currency TEXT",
                "ALTER TABLE dates ADD COLUMN time TEXT", "ALTER TABLE dates ADD COLUMN tz TEXT")),
    # schema 7 (format 1.7): a document's site name, a removed line's line-model score
    "6": ("7", ("ALTER TABLE documents ADD COLUMN site_name TEXT", "ALTER TABLE removed ADD COLUMN score REAL")),
    # schema 8 (format 1.8): a caption's photographer and agency
    "7": ("8", ("ALTER TABLE captions ADD COLUMN photographer TEXT", "ALTER TABLE captions ADD COLUMN agency TEXT")),
}


def _fill_speaker_words(conn: sqlite3.Connection) -> None:
    """(Re)build ``speaker_words`` from ``speakers``: one row per word of each speaker key."""
    conn.execute("DELETE FROM speaker_words")
    conn.executemany("INSERT OR IGNORE INTO speaker_words(word, speaker_key) VALUES (?, ?)",
                     [(w, key) for (key,) in conn.execute("SELECT speaker_key FROM speakers").fetchall() for w in name_words(key)])


def record_json(record: dict) -> str:
    """A record as ``run`` writes it to JSONL (write/jsonl.py: compact separators, UTF-8 kept)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def schema_sql() -> str:
    return resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")


def outlet_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _span(d: Any) -> dict:
    return d if isinstance(d, dict) else {}


def _row_spans(a: dict, in_headline: bool) -> dict:
    """An attribution as its row.  A headline attribution's span offsets point into the title
    line, not ``text``, so ``start``/``end`` (offsets into ``text``) stay null and, when it names
    its ``metadata_line``, the line offsets go to ``line_start``/``line_end`` (the viewer
    highlights them in the title; ``quotes`` finds them like any attribution).  A body
    attribution is its row as it is."""
    if not in_headline:
        return a
    a = dict(a)
    for key in ("source", "cue", "content"):
        if isinstance(a.get(key), dict):
            span = {k: v for k, v in a[key].items() if k not in ("start", "end")}
            if isinstance(a.get("metadata_line"), int):
                span.update(line_start=a[key].get("start"), line_end=a[key].get("end"))
            a[key] = span
    return a


def line_offsets(m: dict, lines: list) -> tuple[int | None, int | None, int | None]:
    """``(metadata_line, line_start, line_end)`` of a headline mention: where its ``text`` lies in
    the text of ``lines[metadata_line]`` (the record's ``metadata_lines``).  The record gives a
    headline mention input offsets only: the offset from the line's ``input_start`` when the
    line's text shows the mention there, else the mention's first occurrence in the line; null
    offsets when the line does not hold it, all null for a mention outside a metadata line."""
    idx = m.get("metadata_line")
    if not isinstance(idx, int) or isinstance(idx, bool):
        return None, None, None
    line = lines[idx] if 0 <= idx < len(lines) and isinstance(lines[idx], dict) else {}
    text, needle = line.get("text") or "", m.get("text") or ""
    if not needle:
        return idx, None, None
    at, base = m.get("input_start"), line.get("input_start")
    if isinstance(at, int) and isinstance(base, int) and at >= base and text[at - base:at - base + len(needle)] == needle:
        start = at - base
    else:
        start = text.find(needle)
    return (idx, start, start + len(needle)) if start >= 0 else (idx, None, None)


def _migrate(conn: sqlite3.Connection, version: str) -> str:
    """Bring a store of an older schema ``version`` to :data:`SCHEMA_VERSION` (one transaction per step)."""
    while version in MIGRATIONS:
        target, statements = MIGRATIONS[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql in statements:
                if callable(sql):
                    sql(conn)
                    continue
                _, _, table, _, _, column, _ = sql.split()  # "ALTER TABLE t ADD COLUMN name TYPE"
                if column not in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}:
                    conn.execute(sql)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (target,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = target
    return version


def schema_version(conn: sqlite3.Connection) -> str | None:
    """The store schema of the database behind ``conn`` (``meta.schema_version``), None when it has
    no ``meta`` table or no version in it: no corpus database."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return None if row is None else row[0]


class Store:
    """A read-write corpus database.  Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.executescript(schema_sql())
        self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        version = _migrate(self.conn, schema_version(self.conn))
        if version != SCHEMA_VERSION:
            self.conn.close()
            raise Fatal(errors.OLD_DATABASE, f"{self.path} has store schema {version}, this newsdistill writes {SCHEMA_VERSION}: index into a new file")
        row = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM documents").fetchone()
        self._seq = row[0]

    # ---- loading -------------------------------------------------------
    def load(self, records: Iterable[dict]) -> int:
        """Load one batch of records in one transaction; returns how many.  Rolls back on failure."""
        cur = self.conn.cursor()
        n = 0
        seq0 = self._seq
        cur.execute("BEGIN IMMEDIATE")
        try:
            cur.execute("DELETE FROM meta WHERE key = 'overview'")
            for record in records:
                self._load_one(cur, record)
                n += 1
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            self._seq = seq0
            raise
        return n

    def load_all(self, records: Iterable[dict], batch: int = BATCH) -> int:
        """Load records in batches of ``batch`` (one transaction each); does not finalize."""
        total = 0
        chunk: list[dict] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= batch:
                total += self.load(chunk)
                chunk = []
        if chunk:
            total += self.load(chunk)
        return total

    def _load_one(self, cur: sqlite3.Cursor, r: dict) -> None:
        if not isinstance(r, dict) or not isinstance(r.get("id"), str) or not r["id"]:
            raise BadRecord("not-an-object", "a store record must be a JSON object with a string id")
        old = cur.execute("SELECT seq FROM documents WHERE id = ?", (r["id"],)).fetchone()
        if old:
            seq = old[0]
            cur.execute("DELETE FROM documents WHERE id = ?", (r["id"],))
        else:
            self._seq += 1
            seq = self._seq
        src = r.get("source") or {}
        err = r.get("error") or {}
        cur.execute(
            "INSERT INTO documents(id, seq, status, error_code, error_message, error_kind, source_path, source_line,"
            " source_url, outlet, input_kind, language, title, site_name, byline, published, published_tz, text, warnings,"
            " duplicate_of, cluster, format_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (r["id"], seq, r.get("status") or "ok", err.get("code"), err.get("message"), err.get("kind"),
             src.get("path"), src.get("line"), src.get("url"), outlet_of(src.get("url")), r.get("input_kind"),
             r.get("language"), r.get("title"), _scalar(r.get("site_name")), r.get("byline"), r.get("published"), _scalar(r.get("published_tz")),
             r.get("text"), _json(r.get("warnings")), r.get("duplicate_of"), _cluster_id(r.get("cluster")),
             r.get("format_version")),
        )
        doc = cur.lastrowid
        cur.execute("INSERT INTO records(doc, json) VALUES (?, ?)", (doc, record_json(r)))
        cur.executemany(
            'INSERT INTO paragraphs(doc, idx, start, "end", input_start, input_end) VALUES (?,?,?,?,?,?)',
            [(doc, i, p["start"], p["end"], p.get("input_start"), p.get("input_end")) for i, p in enumerate(r.get("paragraphs") or [])],
        )
        rows = []
        for kind, key in (("removed", "removed"), ("metadata", "metadata_lines")):
            rows += [(doc, i, kind, x.get("input_start"), x.get("input_end"), x.get("text") or "", x.get("reason") or "", x.get("rule"),
                      x.get("place"), x.get("agency"), _number(x.get("score")))
                     for i, x in enumerate(r.get(key) or [])]
        cur.executemany("INSERT INTO removed(doc, idx, kind, input_start, input_end, text, reason, rule, place, agency, score)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        cur.executemany(
            "INSERT INTO captions(doc, idx, text, credit, photographer, agency, restrictions, date, place, input_start,"
            " input_end, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc, i, c.get("text") or "", c.get("credit"), _scalar(c.get("photographer")), _scalar(c.get("agency")),
              _json(c.get("restrictions") or []), c.get("date"), c.get("place"), c.get("input_start"), c.get("input_end"),
              c.get("rule")) for i, c in enumerate(r.get("captions") or [])],
        )
        self._load_entities(cur, doc, r.get("entities") or [], r.get("metadata_lines") or [])
        self._load_attributions(cur, doc, [_row_spans(a, h) for h, a in attributions_in_order(r, tagged=True)],
                                r.get("published") or "~")
        cur.executemany(
            'INSERT OR REPLACE INTO figures(doc, fid, value, qualifier, unit, thing, "of", "where", kind, currency, start, "end",'
            " text, attributed_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc, str(f.get("id", i)), _number(f.get("value")), f.get("qualifier"), f.get("unit"), f.get("thing"), _json(f.get("of")),
              _json(f.get("where")), f.get("kind"), _scalar(f.get("currency")), _span(f.get("span")).get("start"),
              _span(f.get("span")).get("end"), _span(f.get("span")).get("text"), f.get("attributed_to"))
             for i, f in enumerate(r.get("figures") or [])],
        )
        cur.executemany(
            'INSERT INTO dates(doc, idx, start, "end", text, value, interval, granularity, relative, anchor, time, tz)'
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc, i, d.get("start"), d.get("end"), d.get("text"), _scalar(d.get("value")), _json(d.get("interval")),
              d.get("granularity"), None if d.get("relative") is None else int(bool(d.get("relative"))), _scalar(d.get("anchor")),
              _scalar(d.get("time")), _scalar(d.get("tz")))
             for i, d in enumerate(r.get("dates") or [])],
        )

    def _load_entities(self, cur: sqlite3.Cursor, doc: int, entities: list[dict], lines: list[dict]) -> None:
        ents, roles, mentions = [], [], []
        for i, e in enumerate(entities):
            eid = str(e.get("id") or f"E{i + 1}")
            name = e.get("name") or ""
            ms = e.get("mentions") or []
            ents.append((doc, eid, name, name_key(name) or "", e.get("label"), _json(e.get("aliases") or []), e.get("gender"), len(ms)))
            roles += [(doc, eid, role) for role in dict.fromkeys(e.get("roles") or []) if role]
            mentions += [(doc, eid, m.get("start"), m.get("end"), m.get("text"), m.get("kind"), m.get("input_start"), m.get("input_end"),
                          m.get("caption"), *line_offsets(m, lines)) for m in ms if isinstance(m, dict)]
        cur.executemany("INSERT OR REPLACE INTO entities(doc, eid, name, name_key, label, aliases, gender, n_mentions) VALUES (?,?,?,?,?,?,?,?)", ents)
        cur.executemany("INSERT OR IGNORE INTO entity_roles(doc, eid, role) VALUES (?,?,?)", roles)
        cur.executemany('INSERT INTO mentions(doc, eid, start, "end", text, kind, input_start, input_end, caption,'
                        f' {", ".join(MENTION_LINE_COLUMNS)}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)', mentions)

    def _load_attributions(self, cur: sqlite3.Cursor, doc: int, attributions: list[dict], published_key: str) -> None:
        rows = []
        for i, a in enumerate(attributions):
            content = _span(a.get("content"))
            if content.get("text") is None:
                continue  # an attribution without content has nothing to search or cluster
            src, cue = _span(a.get("source")), _span(a.get("cue"))
            sp = a.get("speaker") or {}
            line = a.get("metadata_line") if isinstance(a.get("metadata_line"), int) else None
            rows.append((doc, str(a.get("id") or f"A{i + 1}"), a.get("kind"), src.get("start"), src.get("end"), src.get("text"),
                         cue.get("start"), cue.get("end"), cue.get("text"), content.get("start"), content.get("end"), content["text"],
                         content.get("input_start"), content.get("input_end"), sp.get("entity"), sp.get("name"),
                         name_key(sp.get("name")), sp.get("role"), sp.get("type"), a.get("rule"), published_key, line,
                         src.get("line_start"), src.get("line_end"), cue.get("line_start"), cue.get("line_end"),
                         content.get("line_start"), content.get("line_end")))
        cur.executemany(
            "INSERT INTO attributions(doc, aid, kind, source_start, source_end, source_text, cue_start, cue_end, cue_text,"
            " content_start, content_end, content, content_input_start, content_input_end, speaker_entity, speaker_name,"
            f" speaker_key, speaker_role, speaker_type, rule, published_key, {', '.join(LINE_COLUMNS)})"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    # ---- derived tables ------------------------------------------------
    def finalize(self) -> dict[str, int]:
        """Rebuild quote clusters and speakers from all attributions (one transaction)."""
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            stats = self._build_quote_clusters(cur)
            self._build_speakers(cur)
            cur.execute("DELETE FROM meta WHERE key = 'overview'")
            cur.execute("INSERT INTO meta(key, value) VALUES ('overview', ?)", (json.dumps(_overview(self.conn), ensure_ascii=False),))
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        self.conn.execute("PRAGMA optimize")
        return stats

    def _build_quote_clusters(self, cur: sqlite3.Cursor) -> dict[str, int]:
        rows = cur.execute(
            "SELECT a.rowid, a.content, a.speaker_key, d.doc, d.seq, d.published, d.outlet"
            " FROM attributions a JOIN documents d ON d.doc = a.doc ORDER BY d.seq, a.rowid"
        ).fetchall()
        assignments = cluster_quotes(r[1] for r in rows)
        members: dict[int, list[tuple]] = defaultdict(list)
        for row, a in zip(rows, assignments):
            members[a.cluster].append(row)
        cur.execute("DELETE FROM quote_clusters")
        cur.execute("DELETE FROM quote_variants")
        clusters, variants, links = [], [], []
        # number clusters by first appearance: published date when known, else load order
        order = sorted(members, key=lambda c: min(_first_key(m) for m in members[c]))
        for number, c in enumerate(order, 1):
            ms = members[c]
            first = min(ms, key=_first_key)
            by_norm: dict[str, list[str]] = defaultdict(list)
            for m in ms:
                by_norm[normalize(m[1])].append(m[1])
            longest = max(by_norm, key=lambda n: (len(n), n))
            clusters.append((number, Counter(by_norm[longest]).most_common(1)[0][0], len(ms), len({m[3] for m in ms}),
                             len({m[6] for m in ms if m[6]}), len({m[2] for m in ms if m[2]}), len(by_norm), first[3], first[5]))
            variants += [(number, norm, Counter(texts).most_common(1)[0][0], len(texts)) for norm, texts in by_norm.items()]
            links += [(number, m[0]) for m in ms]
        cur.executemany("INSERT INTO quote_clusters VALUES (?,?,?,?,?,?,?,?,?)", clusters)
        cur.executemany("INSERT INTO quote_variants VALUES (?,?,?,?)", variants)
        cur.execute("UPDATE attributions SET quote_cluster = NULL")
        cur.executemany("UPDATE attributions SET quote_cluster = ? WHERE rowid = ?", links)
        return {"attributions": len(rows), "quote_clusters": len(clusters),
                "multi_document_clusters": sum(1 for c in clusters if c[3] > 1)}

    def _build_speakers(self, cur: sqlite3.Cursor) -> None:
        cur.execute("DELETE FROM speakers")
        names: dict[str, Counter] = defaultdict(Counter)
        roles: dict[str, Counter] = defaultdict(Counter)
        for key, name, role, n in cur.execute(
            "SELECT speaker_key, speaker_name, speaker_role, COUNT(*) FROM attributions WHERE speaker_key IS NOT NULL"
            " GROUP BY speaker_key, speaker_name, speaker_role"
        ):
            names[key][name] += n
            if role:
                roles[key][role] += n
        counts = cur.execute(
            "SELECT speaker_key, COUNT(*), COUNT(DISTINCT doc), COUNT(DISTINCT quote_cluster) FROM attributions"
            " WHERE speaker_key IS NOT NULL GROUP BY speaker_key"
        ).fetchall()
        cur.executemany(
            "INSERT INTO speakers VALUES (?,?,?,?,?,?)",
            [(k, names[k].most_common(1)[0][0], roles[k].most_common(1)[0][0] if roles[k] else None, n, nd, nc) for k, n, nd, nc in counts],
        )
        _fill_speaker_words(cur.connection)
        cur.execute("DELETE FROM speaker_clusters")
        cur.execute(
            "INSERT INTO speaker_clusters SELECT a.speaker_key, a.quote_cluster, COUNT(*), COUNT(DISTINCT a.doc), COUNT(DISTINCT d.outlet),"
            " MIN(d.published) FROM attributions a JOIN documents d ON d.doc = a.doc"
            " WHERE a.speaker_key IS NOT NULL AND a.quote_cluster IS NOT NULL GROUP BY a.speaker_key, a.quote_cluster"
        )

    # ---- misc ----------------------------------------------------------
    def count(self, table: str = "documents") -> int:
        if table not in {"documents", "attributions", "entities", "quote_clusters", "speakers", "removed", "captions", "mentions",
                         "records", "speaker_words"}:
            raise ValueError(table)
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def close(self) -> None:
        # leave one self-contained file (no -wal/-shm), so it can be copied and opened read-only anywhere
        with contextlib.suppress(sqlite3.OperationalError):  # another connection still reads it: the WAL stays until it closes
            self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _overview(conn: sqlite3.Connection) -> dict:
    factory = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        return queries.overview(conn)
    finally:
        conn.row_factory = factory


def _first_key(m: tuple) -> tuple:
    # (has no date, date, load order): dated appearances first, earliest first
    return (m[5] is None, m[5] or "", m[4], m[0])


def _number(v: Any) -> float | None:
    return v if isinstance(v, int | float) and not isinstance(v, bool) else None


def _scalar(v: Any) -> Any:
    return v if v is None or isinstance(v, str | int | float) else _json(v)


def _cluster_id(v: Any) -> str | None:
    return None if v is None else str(v)


class Indexer:
    """Streams records into a store in batches (what ``run --db`` uses); finalize on close."""

    def __init__(self, path: str | Path, batch: int = BATCH):
        self.store = Store(path)
        self.batch = batch
        self._pending: list[dict] = []
        self.loaded = 0

    def add(self, record: dict) -> None:
        self._pending.append(record)
        if len(self._pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.loaded += self.store.load(self._pending)
            self._pending = []

    def close(self) -> dict[str, int]:
        try:
            self.flush()
            return self.store.finalize()
        finally:
            self.store.close()

    def __enter__(self) -> Indexer:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        else:
            self.store.close()


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Records of a newsdistill JSONL output (.gz / .zst by suffix)."""
    import gzip

    p = str(path)
    if p.endswith(".gz"):
        fh = gzip.open(p, "rt", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    elif p.endswith(".zst"):
        import io

        import zstandard

        fh = io.TextIOWrapper(zstandard.ZstdDecompressor().stream_reader(open(p, "rb")), encoding="utf-8")  # noqa: SIM115
    else:
        fh = open(p, encoding="utf-8")  # noqa: SIM115
    with fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise BadRecord("bad-json", f"{p}:{n}: {exc}") from None


def index_records(records: Iterable[dict], db: str | Path, batch: int = BATCH) -> dict[str, int]:
    """Load records into ``db`` (created when missing) and rebuild the derived tables."""
    with Store(db) as store:
        n = store.load_all(records, batch)
        stats = store.finalize()
    return {"documents": n, **stats}


class indexing:
    """``with indexing(db) as add: add(doc)`` - streams Documents/records into ``db``; a no-op when ``db`` is None."""

    def __init__(self, db: str | Path | None):
        self.indexer = Indexer(db) if db else None

    def __enter__(self):
        if self.indexer is None:
            return lambda doc: None
        return lambda doc: self.indexer.add(doc if isinstance(doc, dict) else doc.to_dict())

    def __exit__(self, *exc) -> None:
        if self.indexer is not None:
            self.indexer.__exit__(*exc)
