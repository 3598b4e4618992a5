"""Paged, filtered queries over the corpus store: what the JSON API (``web/api.py``) lists.

Every function takes an open connection, its filters, ``limit`` and ``after`` (the sort key of
the last item of the previous page, or None for the first page) and returns ``(items, key)``:
at most ``limit`` items and the sort key to continue after, None on the last page.  Orders are
total (a unique column last), so pages never repeat or skip a row of a store that does not
change.  Big tables page by key (``WHERE (k1, k2) > (?, ?)``, through an index); the grouped
lists (entities, duplicate clusters) and the ranked search page by position, their key being
the offset.  Values only ever travel as bound parameters; column and table names are written
here.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from . import queries
from .names import name_key, name_words

DOCUMENT_STATUSES = ("ok", "error")
ATTRIBUTION_KINDS = ("direct", "indirect", "mixed", "according-to")
SEARCH_SCOPES = ("documents", "quotes")
# the upper end of a date range is inclusive: "2024-03-05" keeps "2024-03-05T10:00:00Z".  "~"
# sorts after every character of an ISO 8601 date-time (digits, "-", ":", "T", "Z", "+", ".")
DATE_END = "~"

DOCUMENT_COLUMNS = ("d.id, d.status, d.error_code, d.title, d.byline, d.outlet, d.source_url, d.language, d.published,"
                    " d.input_kind, d.duplicate_of, d.cluster, d.format_version, d.seq")
QUOTE_COLUMNS = ("a.rowid AS quote, a.aid, a.kind, a.speaker_name, a.speaker_key, a.speaker_role, a.source_text, a.cue_text,"
                 " a.content, a.quote_cluster, d.id AS doc_id, d.title, d.outlet, d.published, a.published_key")

Page = tuple[list[dict], Any]


def _rows(cur: sqlite3.Cursor) -> list[dict]:
    return [dict(r) for r in cur.fetchall()]


def _date_range(column: str, since: str | None, until: str | None, where: list[str], params: list) -> None:
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until + DATE_END)


def _page(rows: list[dict], limit: int, key) -> Page:
    """The first ``limit`` of ``rows`` (fetched ``limit + 1``) and the key after the last one."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, key(rows[-1])


def documents(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
              language: str | None = None, status: str | None = None, entity: str | None = None,
              limit: int = 50, after: int | None = None) -> Page:
    """Documents in load order (``seq``), filtered by publication date range, outlet (URL host
    without ``www.``), language, status and an entity they name (its name, case and accents
    ignored).  Key: ``seq``."""
    where, params = [], []
    _date_range("d.published", since, until, where, params)
    for column, value in (("d.outlet", outlet and outlet.lower().removeprefix("www.")), ("d.language", language), ("d.status", status)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if entity:
        where.append("d.doc IN (SELECT doc FROM entities WHERE name_key = ?)")
        params.append(name_key(entity) or "")
    if after is not None:
        where.append("d.seq > ?")
        params.append(after)
    sql = (f"SELECT {DOCUMENT_COLUMNS} FROM documents d{' WHERE ' + ' AND '.join(where) if where else ''}"
           " ORDER BY d.seq LIMIT ?")
    return _page(_rows(conn.execute(sql, [*params, limit + 1])), limit, lambda r: r["seq"])


def document_sql() -> str:
    """The statement behind :func:`record` (one primary-key lookup through ``documents.id``'s unique index)."""
    return "SELECT d.doc, r.json FROM documents d LEFT JOIN records r ON r.doc = d.doc WHERE d.id = ?"


def record(conn: sqlite3.Connection, doc_id: str) -> tuple[bool, str | None]:
    """``(known, json)``: whether the store has document ``doc_id`` and its record's JSON as
    ``run`` wrote it (None for a document loaded before store schema 5, or a schema < 5 store)."""
    if not queries.has_table(conn, "records"):
        return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None, None
    row = conn.execute(document_sql(), (doc_id,)).fetchone()
    return (False, None) if row is None else (True, row[1])


# a speaker filter whose words name at most this many speakers pages each speaker's quotes by
# its own index range (no sort); more keys fall back to one sort of all their rows.  SQLite allows
# 500 terms in a compound SELECT (SQLITE_MAX_COMPOUND_SELECT)
PER_KEY_MAX = 200


def quotes_sql(conn: sqlite3.Connection, *, limit: int = 50, speaker: str | None = None, kind: str | None = None,
               entity: str | None = None, since: str | None = None, until: str | None = None, outlet: str | None = None,
               document: str | None = None, after: tuple[str, int] | None = None) -> tuple[str, list] | None:
    """``(sql, params)`` of :func:`quotes` (``limit + 1`` rows; None when no speaker matches).

    Quotes by speaker: the speaker's keys come from ``speaker_words`` first.  The most quoted
    speakers have ~12,000 attributions in 100,000 documents, and an ``IN`` list of keys would
    sort all of them for every page (~190 ms), so when only attribution columns are filtered
    each key reads its next ``limit + 1`` rows in order from ``attributions(speaker_key,
    published_key)`` (whose entries end with the rowid: the page order) and only those are
    merged."""
    where, params = [], []
    keys = None
    if speaker is not None:
        words = name_words(speaker)
        if not words:
            return None
        sub, sub_params = queries.speaker_keys_sql(conn, words)
        keys = [k for (k,) in conn.execute(sub, sub_params)]
        if not keys:
            return None
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    _date_range("a.published_key", since, until, where, params)
    if after is not None:
        where.append("(a.published_key, a.rowid) > (?, ?)")
        params += list(after)
    if keys is not None and len(keys) <= PER_KEY_MAX and not (outlet or document is not None or entity):
        one = ("SELECT * FROM (SELECT a.rowid AS r, a.published_key AS pk FROM attributions a WHERE a.speaker_key = ?"
               f"{''.join(' AND ' + w for w in where)} ORDER BY a.published_key, a.rowid LIMIT ?)")
        union = " UNION ALL ".join([one] * len(keys))
        sql = (f"SELECT {QUOTE_COLUMNS} FROM ({union}) k JOIN attributions a ON a.rowid = k.r JOIN documents d ON d.doc = a.doc"
               " ORDER BY k.pk, k.r LIMIT ?")
        return sql, [v for key in keys for v in (key, *params, limit + 1)] + [limit + 1]
    if keys is not None:
        where.append(f"a.speaker_key IN ({','.join('?' * len(keys))})")
        params += keys
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet.lower().removeprefix("www."))
    if document is not None:
        where.append("a.doc = (SELECT doc FROM documents WHERE id = ?)")
        params.append(document)
    if entity:
        # a mention of the entity inside the quote's content: in the clean text, or in the same
        # headline line for a headline attribution
        where.append("a.doc IN (SELECT doc FROM entities WHERE name_key = ?)")  # drives the query from the entity's index
        params.append(name_key(entity) or "")
        where.append(
            "EXISTS (SELECT 1 FROM entities e JOIN mentions m ON m.doc = e.doc AND m.eid = e.eid"
            " WHERE e.doc = a.doc AND e.name_key = ? AND ((m.start >= a.content_start AND m.\"end\" <= a.content_end)"
            " OR (a.metadata_line IS NOT NULL AND m.metadata_line = a.metadata_line"
            " AND m.line_start >= a.line_content_start AND m.line_end <= a.line_content_end)))")
        params.append(name_key(entity) or "")
    sql = (f"SELECT {QUOTE_COLUMNS} FROM attributions a JOIN documents d ON d.doc = a.doc"
           f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY a.published_key, a.rowid LIMIT ?")
    return sql, [*params, limit + 1]


def quotes(conn: sqlite3.Connection, *, limit: int = 50, **filters) -> Page:
    """Attributions first seen first (document date, undated last, then load order), filtered by
    ``speaker`` (every word of it a word of the speaker's name, case and accents ignored,
    through ``speaker_words``), ``kind``, ``entity`` (named inside the quote), date range of the
    document, ``outlet`` and ``document`` (a record id).  Key: ``(published_key, quote)``."""
    built = quotes_sql(conn, limit=limit, **filters)
    if built is None:
        return [], None
    sql, params = built
    rows = _rows(conn.execute(sql, params))
    items, key = _page(rows, limit, lambda r: (r["published_key"], r["quote"]))
    for r in items:
        del r["published_key"]  # the document's published, '~' when undated: the sort key only
    return items, key


def speakers(conn: sqlite3.Connection, *, name: str | None = None, limit: int = 50, after: tuple[int, str] | None = None) -> Page:
    """Speakers most quoted first (then by key), optionally those with every word of ``name``.
    Key: ``(n_attributions, speaker_key)``."""
    where, params = [], []
    if name is not None:
        words = name_words(name)
        if not words:
            return [], None
        sub, sub_params = queries.speaker_keys_sql(conn, words)
        where.append(f"speaker_key IN ({sub})")
        params += sub_params
    if after is not None:
        where.append("(n_attributions < ? OR (n_attributions = ? AND speaker_key > ?))")
        params += [after[0], after[0], after[1]]
    sql = (f"SELECT speaker_key, name, role, n_attributions, n_documents, n_clusters FROM speakers"
           f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY n_attributions DESC, speaker_key LIMIT ?")
    return _page(_rows(conn.execute(sql, [*params, limit + 1])), limit, lambda r: (r["n_attributions"], r["speaker_key"]))


def entities(conn: sqlite3.Connection, *, label: str | None = None, name: str | None = None, limit: int = 50, after: int | None = None) -> Page:
    """Entities (one per name key and label) in the most documents first, as
    :func:`queries.top_entities`; ``label`` ignores case, ``name`` is the whole name (case and
    accents ignored).  Key: the offset."""
    where, params = [], []
    if label:
        where.append("label = ?")
        params.append(label.upper())  # labels are stored upper case
    if name:
        where.append("name_key = ?")
        params.append(name_key(name) or "")
    offset = after or 0
    sql = ("SELECT MAX(name) AS name, label, name_key, COUNT(*) AS documents, SUM(n_mentions) AS mentions FROM entities"
           f"{' WHERE ' + ' AND '.join(where) if where else ''} GROUP BY name_key, label"
           " ORDER BY documents DESC, mentions DESC, name_key, label LIMIT ? OFFSET ?")
    return _page(_rows(conn.execute(sql, [*params, limit + 1, offset])), limit, lambda r: offset + limit)


def quote_cluster(conn: sqlite3.Connection, cluster: int, *, limit: int = 50, after: tuple[str, int] | None = None) -> tuple[dict | None, Page]:
    """A quote cluster (the same statement across outlets) and a page of its attributions,
    first seen first.  Key: ``(published_key, quote)``."""
    row = conn.execute("SELECT * FROM quote_clusters WHERE cluster = ?", (cluster,)).fetchone()
    if row is None:
        return None, ([], None)
    c = dict(row)
    first = conn.execute("SELECT id, outlet, published FROM documents WHERE doc = ?", (c.pop("first_doc"),)).fetchone()
    c["first"] = dict(first) if first else None
    c["variants"] = _rows(conn.execute("SELECT text, n FROM quote_variants WHERE cluster = ? ORDER BY n DESC, length(text) DESC, norm",
                                       (cluster,)))
    where, params = ["a.quote_cluster = ?"], [cluster]
    if after is not None:
        where.append("(a.published_key, a.rowid) > (?, ?)")
        params += list(after)
    rows = _rows(conn.execute(f"SELECT {QUOTE_COLUMNS} FROM attributions a JOIN documents d ON d.doc = a.doc"
                              f" WHERE {' AND '.join(where)} ORDER BY a.published_key, a.rowid LIMIT ?", [*params, limit + 1]))
    items, key = _page(rows, limit, lambda r: (r["published_key"], r["quote"]))
    for r in items:
        del r["published_key"]
    return c, (items, key)


def quote_clusters(conn: sqlite3.Connection, *, min_documents: int = 2, limit: int = 50,
                   after: tuple[int, int] | None = None) -> Page:
    """Quote clusters carried by at least ``min_documents`` documents, the most carried first
    (then by number: first appearance first), as the overview's "Most-carried quotes".  Key:
    ``(n_documents, cluster)``."""
    where, params = ["n_documents >= ?"], [min_documents]
    if after is not None:
        where.append("(n_documents < ? OR (n_documents = ? AND cluster > ?))")
        params += [after[0], after[0], after[1]]
    rows = _rows(conn.execute(
        "SELECT cluster, text, n_attributions, n_documents, n_outlets, n_speakers, n_variants, first_published FROM quote_clusters"
        f" WHERE {' AND '.join(where)} ORDER BY n_documents DESC, cluster LIMIT ?", [*params, limit + 1]))
    return _page(rows, limit, lambda r: (r["n_documents"], r["cluster"]))


def duplicates(conn: sqlite3.Connection, *, cluster: str | None = None, limit: int = 50, after: int | None = None) -> Page:
    """Without ``cluster``: the near-duplicate clusters of more than one document, first loaded
    first (key: the offset).  With it: that cluster's documents in load order (key: ``seq``)."""
    if cluster is None:
        offset = after or 0
        rows = _rows(conn.execute(
            "SELECT cluster, n_documents, (SELECT id FROM documents WHERE seq = first_seq) AS first_id FROM duplicate_clusters"
            " WHERE n_documents > 1 ORDER BY first_seq, cluster LIMIT ? OFFSET ?", (limit + 1, offset)))
        return _page(rows, limit, lambda r: offset + limit)
    where, params = ["cluster = ?"], [cluster]
    if after is not None:
        where.append("seq > ?")
        params.append(after)
    rows = _rows(conn.execute(
        "SELECT id, title, outlet, published, duplicate_of, length(text) AS chars, seq FROM documents"
        f" WHERE {' AND '.join(where)} ORDER BY seq LIMIT ?", [*params, limit + 1]))
    return _page(rows, limit, lambda r: r["seq"])


def search(conn: sqlite3.Connection, q: str, *, scope: str = "documents", syntax: str = "safe", limit: int = 50,
           after: int | None = None) -> tuple[dict, Page]:
    """A page of :func:`queries.search` (``scope`` documents) or :func:`queries.search_quotes`
    (``quotes``) from offset ``after``, and what the store's ranked window held: ``matches``
    (exact up to :data:`queries.COUNT_CAP`), ``ranking`` (``bm25`` over the
    :data:`queries.RANK_WINDOW` newest matches, or ``newest`` past ``COUNT_CAP``), ``size`` (how
    many results can be paged) and ``cut`` (the window holds fewer than all matches).  Raises
    ``sqlite3.OperationalError`` for a malformed ``syntax="fts5"`` query."""
    offset = after or 0
    if scope == "quotes":
        info: dict = {"total": 0, "total_capped": False, "ranking": "bm25"}
        items = queries.search_quotes(conn, q, limit + 1, offset, syntax=syntax, window=info)
    else:
        info = queries.search(conn, q, limit + 1, offset, syntax=syntax)
        items = info.pop("results")
    matches, capped = info["total"], info["total_capped"]
    size = min(matches, queries.RANK_WINDOW if info["ranking"] == "bm25" else queries.COUNT_CAP)
    window = {"matches": matches, "matches_capped": capped, "ranking": info["ranking"], "size": size,
              "cut": capped or matches > size}
    items = [i for n, i in enumerate(items) if offset + n < size]
    page = _page(items, limit, lambda r: offset + limit)
    return window, page
