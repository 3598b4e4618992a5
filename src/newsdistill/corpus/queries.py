"""Read-only queries over the corpus store: used by the CLI (table/JSON/CSV) and the viewer.

Every function takes an open ``sqlite3.Connection`` and returns plain dicts/lists.  User
text never reaches SQL or FTS syntax unescaped: :func:`fts_query` turns free text into
quoted FTS5 terms/phrases.  Highlight markers in snippets are the private-use characters
:data:`HL_START` / :data:`HL_END` (the viewer escapes the text, then turns them into
``<mark>``; the CLI into ``[...]``).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import errors
from ..errors import Fatal
from .names import name_key, name_words

HL_START, HL_END = "\ue000", "\ue001"
ENV_DB = "NEWSDISTILL_DB"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def connect_ro(path: str | Path) -> sqlite3.Connection:
    """Open the store read-only (``mode=ro`` URI); a missing file is a :class:`Fatal` error."""
    p = Path(path)
    if not p.is_file():
        raise Fatal(errors.NO_DATABASE, f"no corpus database at {p} (create one with `newsdistill index out.jsonl --db {p}`)")
    conn = sqlite3.connect(f"file:{quote(str(p.resolve()))}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def default_db(db: str | None) -> str:
    path = db or os.environ.get(ENV_DB)
    if not path:
        raise Fatal(errors.NO_DATABASE, f"give --db PATH or set {ENV_DB}")
    return path


def fts_query(text: str) -> str | None:
    """Free text -> a safe FTS5 query: every word a quoted term, "quoted phrases" kept, all ANDed."""
    parts = []
    for phrase, word in _TOKEN.findall(text or ""):
        words = _WORD.findall(phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts) or None


def plain_highlight(text: str) -> str:
    return text.replace(HL_START, "[").replace(HL_END, "]")


def _rows(cur: sqlite3.Cursor) -> list[dict]:
    return [dict(r) for r in cur.fetchall()]


# ---- search ---------------------------------------------------------------
# Broad queries.  FTS5's bm25 first scores every match and counts every phrase's matches over
# the whole index (its IDF), which costs ~100 ms for a phrase of common words on 100k documents.
# So: a query with more than COUNT_CAP matches is listed newest first (no bm25; the page says so
# and suggests narrowing); otherwise bm25 ranks the RANK_WINDOW most recently loaded matches
# (all of them when there are fewer).  Keeps search pages under 100 ms on 100k documents
# (bench/store_speed.py).
RANK_WINDOW = 2_000
COUNT_CAP = 10_000


def _top(conn: sqlite3.Connection, table: str, weights: str, q: str, limit: int, offset: int) -> tuple[int, str, list[tuple]]:
    """(match count up to COUNT_CAP + 1, ranking used, [(rowid, score)]) for an FTS table."""
    total = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)", (q, COUNT_CAP + 1)).fetchone()[0]
    if total > COUNT_CAP:
        return total, "newest", conn.execute(
            f"SELECT rowid, NULL FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?", (q, limit, offset)).fetchall()
    return total, "bm25", conn.execute(
        f"SELECT rowid, score FROM (SELECT rowid, bm25({table}{weights}) AS score FROM {table}"
        f" WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT ? OFFSET ?",
        (q, RANK_WINDOW, limit, offset)).fetchall()


def relevance(score: float | None, best: float | None) -> float | None:
    """A result's relevance from 0 to 1 within its result set: its bm25 score over the best
    score of the set.  SQLite's bm25 is negative, better matches more negative, so the ratio of
    two scores is positive: the best match is 1.0, a match half as strong 0.5.  None when the
    set is not ranked by bm25 (``ranking`` ``newest``)."""
    if score is None or not best:
        return None
    return round(max(0.0, min(1.0, score / best)), 3)


def _best(conn: sqlite3.Connection, table: str, weights: str, q: str, top: list[tuple], offset: int) -> float | None:
    """The best bm25 score of the whole result set (the first page's first; looked up past page one)."""
    if not top or top[0][1] is None:
        return None
    if offset == 0:
        return top[0][1]
    return _top(conn, table, weights, q, 1, 0)[2][0][1]


SYNTAXES = ("safe", "fts5")


def match_query(text: str, syntax: str = "safe") -> str | None:
    """The FTS5 MATCH string of ``text``: ``safe`` (:func:`fts_query`, cannot fail) or ``fts5``
    (the text as it is: a malformed query raises ``sqlite3.OperationalError`` when run)."""
    if syntax not in SYNTAXES:
        raise ValueError(f"syntax must be one of {', '.join(SYNTAXES)}")
    if syntax == "fts5":
        return text if text and text.strip() else None
    return fts_query(text)


def search(conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0, syntax: str = "safe") -> dict[str, Any]:
    """Documents matching ``text`` by bm25 (title weighted 3x), with highlighted snippets.
    ``total`` is exact up to :data:`COUNT_CAP` (``total_capped`` says when it is a floor;
    ``ranking`` is then ``newest``).  Each result has ``rank`` (1 for the first of the set),
    ``relevance`` (:func:`relevance`, 0..1) and ``score`` (the raw bm25, negative).
    ``syntax`` as :func:`match_query`."""
    q = match_query(text, syntax)
    if not q:
        return {"query": text, "total": 0, "total_capped": False, "ranking": "bm25", "results": []}
    total, ranking, top = _top(conn, "documents_fts", ", 3.0, 1.0", q, limit, offset)
    out = {"query": text, "total": min(total, COUNT_CAP), "total_capped": total > COUNT_CAP, "ranking": ranking, "results": []}
    if not top:
        return out
    rowids = [r[0] for r in top]
    marks = ",".join("?" * len(rowids))
    snippets = dict(conn.execute(
        f"SELECT rowid, snippet(documents_fts, 1, ?, ?, ' … ', 24) FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN ({marks})",
        (HL_START, HL_END, q, *rowids)).fetchall())
    docs = {r["doc"]: dict(r) for r in conn.execute(
        f"SELECT doc, id, title, outlet, published FROM documents WHERE doc IN ({marks})", rowids)}
    best = _best(conn, "documents_fts", ", 3.0, 1.0", q, top, offset)
    for rank, (rowid, score) in enumerate(top, offset + 1):
        d = docs[rowid]
        d.update(rank=rank, relevance=relevance(score, best), score=score,
                 snippet=snippets.get(rowid))
        del d["doc"]
        out["results"].append(d)
    return out


def search_quotes(conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0, syntax: str = "safe",
                  window: dict | None = None) -> list[dict]:
    """Attributions whose content matches ``text`` (ranked as :func:`search`, with ``rank`` and
    ``relevance``), from result ``offset`` on; ``syntax`` as :func:`match_query`.  ``window``,
    when given, receives ``total``, ``total_capped`` and ``ranking`` as :func:`search` reports them."""
    q = match_query(text, syntax)
    if not q:
        return []
    total, ranking, ranked = _top(conn, "quotes_fts", "", q, limit, offset)
    if window is not None:
        window.update(total=min(total, COUNT_CAP), total_capped=total > COUNT_CAP, ranking=ranking)
    if not ranked:
        return []
    best = _best(conn, "quotes_fts", "", q, ranked, offset)
    scores = dict(ranked)
    top = [r[0] for r in ranked]
    marks = ",".join("?" * len(top))
    marked = dict(conn.execute(f"SELECT rowid, highlight(quotes_fts, 0, ?, ?) FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid IN ({marks})",
                               (HL_START, HL_END, q, *top)).fetchall())
    rows = {r["rowid"]: dict(r) for r in conn.execute(
        "SELECT a.rowid, d.id AS doc_id, d.title, d.outlet, d.published, a.aid, a.kind, a.speaker_name, a.speaker_key, a.speaker_role,"
        f" a.quote_cluster, a.content FROM attributions a JOIN documents d ON d.doc = a.doc WHERE a.rowid IN ({marks})", top)}
    out = []
    for rank, rowid in enumerate(top, offset + 1):
        r = {"rank": rank, "relevance": relevance(scores[rowid], best), **rows[rowid]}
        r["content"] = marked.get(rowid, r["content"])
        del r["rowid"]
        out.append(r)
    return out


# ---- quotes / speakers ----------------------------------------------------------
def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the store has table ``name`` (a store of an older schema, opened read-only, may not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def speaker_keys_sql(conn: sqlite3.Connection, words: list[str]) -> tuple[str, list[str]]:
    """``(subquery, params)``: the speaker keys that have every one of ``words`` (from
    :func:`~.names.name_words`) among the words of their name, through the ``speaker_words``
    index (one primary-key lookup per word, intersected).  A store of schema < 5 has no such
    table: there each word is looked for between spaces of the key (a scan of ``speakers``;
    opening the store for writing, e.g. ``newsdistill index``, builds the index)."""
    if has_table(conn, "speaker_words"):
        return " INTERSECT ".join(["SELECT speaker_key FROM speaker_words WHERE word = ?"] * len(words)), list(words)
    like = " AND ".join(["' ' || speaker_key || ' ' LIKE ? ESCAPE '\\'"] * len(words))
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    return f"SELECT speaker_key FROM speakers WHERE {like}", [f"% {w} %" for w in escaped]


def find_speakers(conn: sqlite3.Connection, name: str, limit: int = 50) -> list[dict]:
    """Speakers whose name has every word of ``name`` among its words (case and accents ignored:
    "Guterres" and "antonio GUTERRES" find António Guterres, "Guter" does not), most quoted first."""
    words = name_words(name)
    if not words:
        return []
    sub, params = speaker_keys_sql(conn, words)
    return _rows(conn.execute(
        f"SELECT * FROM speakers WHERE speaker_key IN ({sub}) ORDER BY n_attributions DESC LIMIT ?", (*params, limit)))


QUOTE_COLUMNS = ("speaker", "role", "kind", "content", "cue", "source", "doc_id", "outlet", "published", "cluster")


def quotes(conn: sqlite3.Connection, speaker: str | None = None, about: str | None = None, limit: int = 100) -> list[dict]:
    """Attributions, filtered by speaker name (substring) and/or words in the content (FTS)."""
    where, params = [], []
    if speaker:
        keys = [s["speaker_key"] for s in find_speakers(conn, speaker, 200)]
        if not keys:
            return []
        where.append(f"a.speaker_key IN ({','.join('?' * len(keys))})")
        params += keys
    select = ("SELECT a.speaker_name AS speaker, a.speaker_role AS role, a.kind, a.content, a.cue_text AS cue,"
              " a.source_text AS source, d.id AS doc_id, d.outlet, d.published, a.quote_cluster AS cluster")
    if about:
        q = fts_query(about)
        if not q:
            return []
        sql = (f"{select} FROM quotes_fts JOIN attributions a ON a.rowid = quotes_fts.rowid JOIN documents d ON d.doc = a.doc"
               f" WHERE quotes_fts MATCH ?{''.join(' AND ' + w for w in where)} ORDER BY rank LIMIT ?")
        return _rows(conn.execute(sql, [q, *params, limit]))
    sql = (f"{select} FROM attributions a JOIN documents d ON d.doc = a.doc"
           f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY a.published_key, a.rowid LIMIT ?")
    return _rows(conn.execute(sql, [*params, limit]))


def speaker(conn: sqlite3.Connection, key: str, clusters: int = 50, per_cluster: int = 10) -> dict | None:
    """One speaker's attributions across the corpus grouped by quote cluster, largest first."""
    row = conn.execute("SELECT * FROM speakers WHERE speaker_key = ?", (name_key(key) or "",)).fetchone()
    if row is None:
        return None
    sp = dict(row)
    groups = _rows(conn.execute(
        "SELECT g.cluster, g.n_attributions, g.n_documents, g.n_outlets, g.first_published, q.text, q.n_documents AS cluster_documents"
        " FROM speaker_clusters g JOIN quote_clusters q ON q.cluster = g.cluster"
        " WHERE g.speaker_key = ? ORDER BY g.n_documents DESC, g.first_published LIMIT ?",
        (sp["speaker_key"], clusters)))
    for g in groups:
        g["attributions"] = _rows(conn.execute(
            "SELECT d.id AS doc_id, d.title, d.outlet, d.published, a.aid, a.kind, a.content, a.speaker_role AS role"
            " FROM attributions a JOIN documents d ON d.doc = a.doc WHERE a.speaker_key = ? AND a.quote_cluster = ?"
            " ORDER BY a.published_key, a.rowid LIMIT ?",
            (sp["speaker_key"], g["cluster"], per_cluster)))
    sp["groups"] = groups
    return sp


def quote_cluster(conn: sqlite3.Connection, cluster: int, limit: int = 200) -> dict | None:
    row = conn.execute("SELECT * FROM quote_clusters WHERE cluster = ?", (cluster,)).fetchone()
    if row is None:
        return None
    c = dict(row)
    first = conn.execute("SELECT id, outlet, published FROM documents WHERE doc = ?", (c["first_doc"],)).fetchone()
    c["first"] = dict(first) if first else None
    c["variants"] = _rows(conn.execute("SELECT text, n FROM quote_variants WHERE cluster = ? ORDER BY n DESC, length(text) DESC", (cluster,)))
    c["attributions"] = _rows(conn.execute(
        "SELECT d.id AS doc_id, d.title, d.outlet, d.published, a.aid, a.kind, a.content, a.speaker_name, a.speaker_key, a.speaker_role"
        " FROM attributions a JOIN documents d ON d.doc = a.doc WHERE a.quote_cluster = ?"
        " ORDER BY a.published_key, a.rowid LIMIT ?", (cluster, limit)))
    return c


# ---- entities / documents -------------------------------------------------------
def top_entities(conn: sqlite3.Connection, top: int = 20, label: str | None = None) -> list[dict]:
    """The entities in the most documents; ``label`` (PERSON, org, ...) matches case-insensitively."""
    sql = ("SELECT MAX(name) AS name, label, COUNT(*) AS documents, SUM(n_mentions) AS mentions, name_key FROM entities"
           f"{' WHERE label = ?' if label else ''} GROUP BY name_key, label ORDER BY documents DESC, mentions DESC LIMIT ?")
    return _rows(conn.execute(sql, [label.upper(), top] if label else [top]))  # labels are stored upper case


def entity_documents(conn: sqlite3.Connection, key: str, limit: int = 100) -> list[dict]:
    return _rows(conn.execute(
        "SELECT d.id, d.title, d.outlet, d.published, e.name, e.label, e.n_mentions,"
        " (SELECT group_concat(role, '; ') FROM entity_roles r WHERE r.doc = e.doc AND r.eid = e.eid) AS roles"
        " FROM entities e JOIN documents d ON d.doc = e.doc WHERE e.name_key = ?"
        " ORDER BY d.published IS NULL, d.published DESC, d.seq LIMIT ?", (name_key(key) or "", limit)))


def document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    """Everything stored for one record, as lists of dicts (JSON columns decoded)."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    d = dict(row)
    pk = d["doc"]
    d["warnings"] = json.loads(d["warnings"]) if d["warnings"] else []
    d["paragraphs"] = _rows(conn.execute('SELECT idx, start, "end", input_start, input_end FROM paragraphs WHERE doc = ? ORDER BY idx', (pk,)))
    d["removed"] = _rows(conn.execute("SELECT * FROM removed WHERE doc = ? ORDER BY kind, idx", (pk,)))
    d["captions"] = _rows(conn.execute("SELECT * FROM captions WHERE doc = ? ORDER BY idx", (pk,)))
    for c in d["captions"]:
        c["restrictions"] = json.loads(c["restrictions"]) if c["restrictions"] else []
    d["entities"] = _rows(conn.execute("SELECT * FROM entities WHERE doc = ? ORDER BY eid", (pk,)))
    roles: dict[str, list[str]] = {}
    for r in conn.execute("SELECT eid, role FROM entity_roles WHERE doc = ?", (pk,)):
        roles.setdefault(r["eid"], []).append(r["role"])
    for e in d["entities"]:
        e["roles"] = roles.get(e["eid"], [])
        e["aliases"] = json.loads(e["aliases"]) if e["aliases"] else []
    d["mentions"] = _rows(conn.execute('SELECT * FROM mentions WHERE doc = ? ORDER BY start, "end"', (pk,)))
    d["attributions"] = _rows(conn.execute(
        "SELECT a.*, q.n_documents AS cluster_documents FROM attributions a LEFT JOIN quote_clusters q ON q.cluster = a.quote_cluster"
        " WHERE a.doc = ? ORDER BY a.content_start", (pk,)))
    d["figures"] = _rows(conn.execute("SELECT * FROM figures WHERE doc = ? ORDER BY start", (pk,)))
    d["dates"] = _rows(conn.execute("SELECT * FROM dates WHERE doc = ? ORDER BY start", (pk,)))
    d["duplicates"] = _rows(conn.execute(
        "SELECT id, outlet, published FROM documents WHERE cluster = ? AND doc != ? ORDER BY seq LIMIT 50", (d["cluster"], pk))
    ) if d["cluster"] else []
    return d


def duplicate_cluster(conn: sqlite3.Connection, cluster: str) -> list[dict]:
    return _rows(conn.execute(
        "SELECT id, title, outlet, published, duplicate_of, length(text) AS chars FROM documents WHERE cluster = ? ORDER BY seq LIMIT 500",
        (cluster,)))


# ---- overview / stats -----------------------------------------------------------
def stats(conn: sqlite3.Connection, top: int = 10) -> dict[str, Any]:
    one = lambda sql, *p: conn.execute(sql, p).fetchone()[0]  # noqa: E731
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "ok": one("SELECT COUNT(*) FROM documents WHERE status = 'ok'"),
        "errors": {r[0] or "unknown": r[1] for r in conn.execute(
            "SELECT error_code, COUNT(*) FROM documents WHERE status != 'ok' GROUP BY error_code ORDER BY 2 DESC")},
        "removed_reasons": {r[0]: r[1] for r in conn.execute(
            "SELECT reason, COUNT(*) FROM removed WHERE kind = 'removed' GROUP BY reason ORDER BY 2 DESC")},
        "captions": one("SELECT COUNT(*) FROM captions"),
        "entities": one("SELECT COUNT(*) FROM entities"),
        "attributions": one("SELECT COUNT(*) FROM attributions"),
        "top_speakers": _rows(conn.execute(
            "SELECT speaker_key, name, role, n_attributions, n_documents, n_clusters FROM speakers ORDER BY n_attributions DESC LIMIT ?", (top,))),
        "quote_clusters": one("SELECT COUNT(*) FROM quote_clusters"),
        "quote_clusters_multi_document": one("SELECT COUNT(*) FROM quote_clusters WHERE n_documents > 1"),
        "duplicate_clusters": one("SELECT COUNT(*) FROM duplicate_clusters WHERE n_documents > 1"),
        "duplicate_documents": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
    }


def quotes_over_time(conn: sqlite3.Connection, buckets: int = 24) -> list[dict]:
    """Attributions per month of the documents' publication date (the last ``buckets`` months)."""
    rows = _rows(conn.execute(
        "SELECT substr(d.published, 1, 7) AS month, COUNT(*) AS n FROM attributions a JOIN documents d ON d.doc = a.doc"
        " WHERE d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY month ORDER BY month"))
    return rows[-buckets:]


def top_clusters(conn: sqlite3.Connection, limit: int = 10) -> list[dict]:
    return _rows(conn.execute(
        "SELECT cluster, text, n_documents, n_outlets, n_speakers, first_published FROM quote_clusters"
        " WHERE n_documents > 1 ORDER BY n_documents DESC LIMIT ?", (limit,)))


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the viewer's overview page shows (computed at finalize, see :func:`cached_overview`)."""
    return {"stats": stats(conn, top=10), "entities": top_entities(conn, 15), "months": quotes_over_time(conn),
            "clusters": top_clusters(conn, 10)}


def cached_overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """The overview stored by the last finalize (it scans whole tables), else computed now."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'overview'").fetchone()
    return json.loads(row[0]) if row else overview(conn)
