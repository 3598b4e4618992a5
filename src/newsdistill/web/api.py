"""The read-only JSON API beside the viewer: ``/api/...`` (documented in docs/api.md).

Every endpoint is declared once in :data:`ENDPOINTS` (path, parameters, what it returns); the
routes, the parameter checks and the OpenAPI 3.1 description (``/api/openapi.json``) are all
made from that table, so they cannot drift apart.

* Lists answer ``{"items": [...], "next": cursor|null}``; ``limit`` defaults to
  :data:`DEFAULT_LIMIT` and may not exceed :data:`MAX_LIMIT`.  A cursor is opaque (base64url of
  the endpoint, a digest of the filters and the sort key where the page ended), so it cannot be
  replayed against another endpoint or other filters.
* Errors are JSON ``{"error": {"code", "message"}}``: 400 for an unknown parameter, a value out
  of its range or vocabulary, a bad cursor or a malformed ``syntax=fts5`` query; 404 for an id
  the store does not hold.
* ``format=csv`` answers the same page as CSV (nested values as JSON text; the next cursor in
  a ``Link: <...>; rel="next"`` header); ``download=1`` adds ``Content-Disposition: attachment``.
  The viewer's "Download CSV / JSON" links are these URLs.
* The store is opened read-only by the app (``mode=ro``); every value reaches SQL as a bound
  parameter (:mod:`newsdistill.corpus.paged`).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import __version__
from ..corpus import paged, queries

log = logging.getLogger(__name__)
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# ISO 8601 date or date-time prefix: 2024, 2024-03, 2024-03-05, 2024-03-05T10:00...
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]*)?)?)?")
MAX_TEXT = 500  # characters of a free-text parameter (a search query, a name); longer is a 400
FORMATS = ("json", "csv")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    type: str = "string"  # string | integer | date | choice
    choices: tuple[str, ...] = ()
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None

    def schema(self) -> dict:
        if self.type == "integer":
            s: dict = {"type": "integer"}
            if self.minimum is not None:
                s["minimum"] = self.minimum
            if self.maximum is not None:
                s["maximum"] = self.maximum
            return s
        if self.type == "choice":
            return {"type": "string", "enum": list(self.choices)}
        if self.type == "date":
            return {"type": "string", "pattern": "^" + DATE.pattern + "$"}
        return {"type": "string", "maxLength": MAX_TEXT}


LIMIT = Param("limit", f"Items per page (default {DEFAULT_LIMIT}).", "integer", minimum=1, maximum=MAX_LIMIT)
CURSOR = Param("cursor", "The `next` of the previous page (opaque).")
FORMAT = Param("format", "`json` (default) or `csv` (the same page as a table; the next cursor in the `Link` header).", "choice", FORMATS)
DOWNLOAD = Param("download", "`1`: answer as a file download (Content-Disposition: attachment).", "choice", ("0", "1"))
SINCE = Param("since", "Published on or after this ISO 8601 date (2024, 2024-03, 2024-03-05).", "date")
UNTIL = Param("until", "Published on or before this ISO 8601 date (inclusive: 2024-03 keeps all of March).", "date")
OUTLET = Param("outlet", "The outlet: the source URL's host without `www.` (reuters.com).")
PAGED = (LIMIT, CURSOR, FORMAT, DOWNLOAD)


@dataclass(frozen=True)
class Endpoint:
    path: str
    summary: str
    params: tuple[Param, ...]
    item: str  # component schema of one item (lists) or of the answer
    handler: Callable = field(compare=False, default=None)
    listing: bool = True
    not_found: bool = False


def _encode_cursor(endpoint: str, digest: str, key) -> str:
    raw = json.dumps([endpoint, digest, key], separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, endpoint: str, digest: str):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, dig, key = json.loads(raw)
    except (ValueError, TypeError, UnicodeDecodeError):
        raise ApiError(400, "bad-cursor", "cursor is not one this API gave out") from None
    if name != endpoint or dig != digest:
        raise ApiError(400, "bad-cursor", "cursor belongs to another endpoint or other filters: start again without it")
    return key


class Query:
    """The checked parameters of one request against its endpoint's :class:`Param` list."""

    def __init__(self, request: Request, endpoint: Endpoint):
        self.endpoint = endpoint
        self.params = {p.name: p for p in endpoint.params}
        self.values: dict[str, object] = {}
        for name in request.query_params:
            if name not in self.params:
                raise ApiError(400, "unknown-parameter", f"{endpoint.path} takes no parameter {name!r}"
                               f" (it takes {', '.join(self.params) or 'none'})")
            if len(request.query_params.getlist(name)) > 1:
                raise ApiError(400, "bad-parameter", f"{name} is given more than once")
        for p in endpoint.params:
            raw = request.query_params.get(p.name)
            if raw is None or raw == "":
                if p.required:
                    raise ApiError(400, "missing-parameter", f"{endpoint.path} needs {p.name}")
                self.values[p.name] = None
                continue
            self.values[p.name] = self._check(p, raw)

    @staticmethod
    def _check(p: Param, raw: str):
        if p.type == "integer":
            try:
                v = int(raw)
            except ValueError:
                raise ApiError(400, "bad-parameter", f"{p.name} must be an integer, not {raw[:40]!r}") from None
            if (p.minimum is not None and v < p.minimum) or (p.maximum is not None and v > p.maximum):
                raise ApiError(400, "bad-parameter", f"{p.name} must be between {p.minimum} and {p.maximum}, not {v}")
            return v
        if p.type == "choice" and raw not in p.choices:
            raise ApiError(400, "bad-parameter", f"{p.name} must be one of {', '.join(p.choices)}, not {raw[:40]!r}")
        if p.type == "date" and not DATE.fullmatch(raw):
            raise ApiError(400, "bad-parameter", f"{p.name} must be an ISO 8601 date (2024-03-05), not {raw[:40]!r}")
        if len(raw) > MAX_TEXT:
            raise ApiError(400, "bad-parameter", f"{p.name} is longer than {MAX_TEXT} characters")
        return raw

    def __getitem__(self, name: str):
        return self.values[name]

    @property
    def limit(self) -> int:
        return self.values.get("limit") or DEFAULT_LIMIT

    def _digest(self) -> str:
        filters = {k: v for k, v in self.values.items() if v is not None and k not in ("limit", "cursor", "format", "download")}
        return hashlib.sha256(json.dumps(filters, sort_keys=True).encode()).hexdigest()[:12]

    def after(self, check: Callable[[object], bool]):
        """The decoded cursor (None on a first page); ``check`` says whether a key is well formed."""
        if self.values.get("cursor") is None:
            return None
        key = _decode_cursor(self.values["cursor"], self.endpoint.path, self._digest())
        if not check(key):
            raise ApiError(400, "bad-cursor", "cursor is not one this API gave out")
        return key

    def next_cursor(self, key) -> str | None:
        return None if key is None else _encode_cursor(self.endpoint.path, self._digest(), key)


def _is_int(k) -> bool:
    return isinstance(k, int) and not isinstance(k, bool) and k >= 0


def _is_quote_key(k) -> bool:
    return isinstance(k, list) and len(k) == 2 and isinstance(k[0], str) and _is_int(k[1])


def _is_speaker_key(k) -> bool:
    return isinstance(k, list) and len(k) == 2 and _is_int(k[0]) and isinstance(k[1], str)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def csv_text(items: list[dict]) -> str:
    """``items`` as CSV: the columns of the first item, then any new ones in order of appearance;
    lists and objects as JSON text, null as an empty cell."""
    columns = list(dict.fromkeys(k for item in items for k in item))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    for item in items:
        w.writerow(["" if item.get(c) is None else _dumps(item[c]) if isinstance(item.get(c), dict | list) else item[c] for c in columns])
    return out.getvalue()


def _answer(request: Request, q: Query, body: dict) -> Response:
    """``body`` as JSON, or its ``items`` as CSV (``format=csv``), as a download when asked."""
    name = q.endpoint.path.rsplit("/", 1)[-1] or "api"
    headers = {}
    fmt = q.values.get("format") or "json"
    if fmt == "csv":
        content, media = csv_text(body.get("items", [body])), "text/csv; charset=utf-8"
        if body.get("next"):
            params = dict(request.query_params)
            params["cursor"] = body["next"]
            headers["link"] = f'<{request.url.path}?{urlencode(params)}>; rel="next"'
    else:
        content, media = _dumps(body), "application/json"
    if q.values.get("download") == "1":
        headers["content-disposition"] = f'attachment; filename="{name}.{fmt}"'
    return Response(content, media_type=media, headers=headers)


def error_response(status: int, code: str, message: str) -> Response:
    return Response(_dumps({"error": {"code": code, "message": message}}), status_code=status, media_type="application/json")


# ---- endpoints --------------------------------------------------------------------
def _documents(conn, request, q: Query) -> Response:
    items, key = paged.documents(conn, since=q["since"], until=q["until"], outlet=q["outlet"], language=q["language"],
                                 status=q["status"], entity=q["entity"], limit=q.limit, after=q.after(_is_int))
    for item in items:
        del item["seq"]
    return _answer(request, q, {"items": items, "next": q.next_cursor(key)})


MISSING_RECORD = ("document {id!r} is in the store but its record's JSON is not: it was loaded before store schema 5."
                  " Re-index it (`newsdistill index OUT.jsonl --db DB`: opening the store for writing upgrades it) to serve it here")


def _document(conn, request, q: Query) -> Response:
    known, text = paged.record(conn, q["id"])
    if not known:
        raise ApiError(404, "not-found", f"no document with id {q['id']!r}")
    if text is None:
        raise ApiError(404, "record-not-stored", MISSING_RECORD.format(id=q["id"]))
    headers = {}
    if q.values.get("download") == "1":
        headers["content-disposition"] = 'attachment; filename="document.json"'
    return Response(text, media_type="application/json", headers=headers)  # exactly as run wrote it


def _search(conn, request, q: Query) -> Response:
    try:
        window, (items, key) = paged.search(conn, q["q"], scope=q["scope"] or "documents", syntax=q["syntax"] or "safe",
                                            limit=q.limit, after=q.after(_is_int))
    except sqlite3.OperationalError as exc:  # only a raw fts5 query can be malformed; the safe syntax cannot fail
        raise ApiError(400, "bad-query", f"the FTS5 query does not parse: {exc}") from None
    for item in items:
        item.pop("score", None)
        if "snippet" in item and item["snippet"] is not None:
            item["snippet"] = queries.plain_highlight(item["snippet"])
        if q["scope"] == "quotes":
            item["content"] = queries.plain_highlight(item["content"])
    return _answer(request, q, {"items": items, "next": q.next_cursor(key), "window": window})


def _quotes(conn, request, q: Query) -> Response:
    items, key = paged.quotes(conn, speaker=q["speaker"], kind=q["kind"], entity=q["entity"], since=q["since"], until=q["until"],
                              outlet=q["outlet"], document=q["document"], limit=q.limit, after=q.after(_is_quote_key))
    return _answer(request, q, {"items": items, "next": q.next_cursor(key)})


def _speakers(conn, request, q: Query) -> Response:
    items, key = paged.speakers(conn, name=q["name"], limit=q.limit, after=q.after(_is_speaker_key))
    return _answer(request, q, {"items": items, "next": q.next_cursor(key)})


def _entities(conn, request, q: Query) -> Response:
    items, key = paged.entities(conn, label=q["label"], name=q["name"], limit=q.limit, after=q.after(_is_int))
    return _answer(request, q, {"items": items, "next": q.next_cursor(key)})


def _quote_cluster(conn, request, q: Query) -> Response:
    cluster, (items, key) = paged.quote_cluster(conn, q["id"], limit=q.limit, after=q.after(_is_quote_key))
    if cluster is None:
        raise ApiError(404, "not-found", f"no quote cluster {q['id']}")
    return _answer(request, q, {"cluster": cluster, "items": items, "next": q.next_cursor(key)})


def _is_pair_of_ints(k) -> bool:
    return isinstance(k, list) and len(k) == 2 and _is_int(k[0]) and _is_int(k[1])


def _quote_clusters(conn, request, q: Query) -> Response:
    items, key = paged.quote_clusters(conn, min_documents=q["min_documents"] or 2, limit=q.limit, after=q.after(_is_pair_of_ints))
    return _answer(request, q, {"items": items, "next": q.next_cursor(key)})


def _duplicates(conn, request, q: Query) -> Response:
    items, key = paged.duplicates(conn, cluster=q["id"], limit=q.limit, after=q.after(_is_int))
    if q["id"] is not None and not items and q["cursor"] is None:
        raise ApiError(404, "not-found", f"no duplicate cluster {q['id']!r}")
    for item in items:
        item.pop("seq", None)
    return _answer(request, q, {"items": items, "next": q.next_cursor(key)})


def _stats(conn, request, q: Query) -> Response:
    return _answer(request, q, queries.cached_overview(conn)["stats"])


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("/api/documents", "Documents in load order, filtered by date range, outlet, language, status and an entity they name.",
             (SINCE, UNTIL, OUTLET, Param("language", "Language code as in the record (en)."),
              Param("status", "`ok` or `error`.", "choice", paged.DOCUMENT_STATUSES),
              Param("entity", "Documents naming this entity (its name; case and accents ignored)."), *PAGED), "Document", _documents),
    Endpoint("/api/document", "One record exactly as `run` wrote it (JSON Lines line). Ids may contain `/`: hence a parameter.",
             (Param("id", "The record's id.", required=True), DOWNLOAD), "Record", _document, listing=False, not_found=True),
    Endpoint("/api/search", "Articles or quotes matching `q`, ranked by bm25 within the store's ranked window.",
             (Param("q", "The query. Safe syntax (default): every word must occur, \"quoted phrases\" kept; cannot fail.", required=True),
              Param("syntax", "`safe` (default) or `fts5` (raw SQLite FTS5 syntax: a malformed query is a 400).", "choice", queries.SYNTAXES),
              Param("scope", "`documents` (default: title and text) or `quotes` (attribution content).", "choice", paged.SEARCH_SCOPES),
              *PAGED), "SearchResult", _search),
    Endpoint("/api/quotes", "Attributions (who said what), first seen first, filtered by speaker, kind, entity, date range, outlet, document.",
             (Param("speaker", "Every word of it is a word of the speaker's canonical name (case and accents ignored): "
                               "`Guterres` finds António Guterres."),
              Param("kind", "Attribution kind.", "choice", paged.ATTRIBUTION_KINDS),
              Param("entity", "Quotes naming this entity inside their content (its name; case and accents ignored)."),
              SINCE, UNTIL, OUTLET, Param("document", "Only this record id's attributions."), *PAGED), "Quote", _quotes),
    Endpoint("/api/speakers", "Speakers, most quoted first.",
             (Param("name", "Every word of it is a word of the speaker's name (case and accents ignored)."), *PAGED), "Speaker", _speakers),
    Endpoint("/api/entities", "Entities (one per name and label), in the most documents first.",
             (Param("label", "Entity label (PERSON, ORG, GPE, ...; case ignored)."),
              Param("name", "The whole entity name (case and accents ignored)."), *PAGED), "Entity", _entities),
    Endpoint("/api/quote-cluster", "One statement across outlets: the cluster, its variants and its attributions, first seen first.",
             (Param("id", "Quote cluster number.", "integer", required=True, minimum=1, maximum=2**62), *PAGED),
             "Quote", _quote_cluster, not_found=True),
    Endpoint("/api/quote-clusters", "Statements carried by several documents, the most carried first (the overview's most-carried quotes).",
             (Param("min_documents", "Carried by at least this many documents (default 2).", "integer", minimum=1, maximum=2**31),
              *PAGED), "QuoteCluster", _quote_clusters),
    Endpoint("/api/duplicates", "Near-duplicate clusters of several documents (first loaded first), or with `id` one cluster's documents.",
             (Param("id", "A near-duplicate cluster id (the record's `cluster`)."), *PAGED), "Duplicate", _duplicates, not_found=True),
    Endpoint("/api/stats", "Corpus statistics: documents, errors by code, removed-line reasons, top speakers, clusters.",
             (FORMAT, DOWNLOAD), "Stats", _stats, listing=False),
)


def _error_schema() -> dict:
    return {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}


NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_INT = {"type": ["integer", "null"]}
SCHEMAS = {
    "Document": {"type": "object", "properties": {k: NULLABLE_STRING for k in (
        "id", "status", "error_code", "title", "byline", "outlet", "source_url", "language", "published", "input_kind",
        "duplicate_of", "cluster", "format_version")}},
    "Record": {"type": "object", "description": "A newsdistill record (docs/record-format.md).", "required": ["id"],
               "properties": {"id": {"type": "string"}, "format_version": {"type": "string"}, "status": {"type": "string"}}},
    "SearchResult": {"type": "object", "properties": {
        "rank": {"type": "integer"}, "relevance": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "id": NULLABLE_STRING, "title": NULLABLE_STRING, "outlet": NULLABLE_STRING, "published": NULLABLE_STRING,
        "snippet": NULLABLE_STRING, "doc_id": NULLABLE_STRING, "content": NULLABLE_STRING, "speaker_name": NULLABLE_STRING}},
    "Window": {"type": "object", "required": ["matches", "ranking", "size", "cut"], "properties": {
        "matches": {"type": "integer"}, "matches_capped": {"type": "boolean"},
        "ranking": {"type": "string", "enum": ["bm25", "newest"]}, "size": {"type": "integer"}, "cut": {"type": "boolean"}}},
    "Quote": {"type": "object", "properties": {
        "quote": {"type": "integer"}, "aid": {"type": "string"}, "kind": NULLABLE_STRING, "speaker_name": NULLABLE_STRING,
        "speaker_key": NULLABLE_STRING, "speaker_role": NULLABLE_STRING, "source_text": NULLABLE_STRING, "cue_text": NULLABLE_STRING,
        "content": {"type": "string"}, "quote_cluster": NULLABLE_INT, "doc_id": {"type": "string"}, "title": NULLABLE_STRING,
        "outlet": NULLABLE_STRING, "published": NULLABLE_STRING}},
    "QuoteCluster": {"type": "object", "properties": {
        "cluster": {"type": "integer"}, "text": {"type": "string"}, "n_attributions": {"type": "integer"},
        "n_documents": {"type": "integer"}, "n_outlets": {"type": "integer"}, "n_speakers": {"type": "integer"},
        "n_variants": {"type": "integer"}, "first_published": NULLABLE_STRING,
        "first": {"type": ["object", "null"]}, "variants": {"type": "array", "items": {"type": "object"}}}},
    "Speaker": {"type": "object", "properties": {
        "speaker_key": {"type": "string"}, "name": {"type": "string"}, "role": NULLABLE_STRING, "n_attributions": {"type": "integer"},
        "n_documents": {"type": "integer"}, "n_clusters": {"type": "integer"}}},
    "Entity": {"type": "object", "properties": {
        "name": {"type": "string"}, "label": NULLABLE_STRING, "name_key": {"type": "string"}, "documents": {"type": "integer"},
        "mentions": NULLABLE_INT}},
    "Duplicate": {"type": "object", "description": "A cluster (cluster, n_documents, first_id) or, with id, one of its documents.",
                  "properties": {"cluster": {"type": "string"}, "n_documents": {"type": "integer"}, "first_id": NULLABLE_STRING,
                                 "id": {"type": "string"}, "title": NULLABLE_STRING, "outlet": NULLABLE_STRING,
                                 "published": NULLABLE_STRING, "duplicate_of": NULLABLE_STRING, "chars": NULLABLE_INT}},
    "Stats": {"type": "object", "properties": {"documents": {"type": "integer"}, "ok": {"type": "integer"}}},
    "Error": _error_schema(),
}


def openapi() -> dict:
    """The OpenAPI 3.1 description of :data:`ENDPOINTS`."""
    ref = lambda name: {"$ref": f"#/components/schemas/{name}"}  # noqa: E731
    err = {"description": "Error", "content": {"application/json": {"schema": ref("Error")}}}
    paths = {}
    for ep in ENDPOINTS:
        if ep.listing:
            props = {"items": {"type": "array", "items": ref(ep.item)}, "next": {"type": ["string", "null"]}}
            if ep.path == "/api/search":
                props["window"] = ref("Window")
            if ep.path == "/api/quote-cluster":
                props["cluster"] = ref("QuoteCluster")
            schema = {"type": "object", "required": ["items", "next"], "properties": props}
        else:
            schema = ref(ep.item)
        content = {"application/json": {"schema": schema}}
        if any(p.name == "format" for p in ep.params):
            content["text/csv"] = {"schema": {"type": "string"}}
        responses = {"200": {"description": ep.summary, "content": content}, "400": err}
        if ep.not_found:
            responses["404"] = err
        paths[ep.path] = {"get": {
            "operationId": ep.path.removeprefix("/api/").replace("-", "_"), "summary": ep.summary,
            "parameters": [{"name": p.name, "in": "query", "required": p.required, "description": p.description, "schema": p.schema()}
                           for p in ep.params],
            "responses": responses}}
    paths["/api/openapi.json"] = {"get": {"operationId": "openapi", "summary": "This description.",
                                          "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {
                                              "schema": {"type": "object"}}}}}}}
    return {"openapi": "3.1.0",
            "info": {"title": "newsdistill corpus API", "version": __version__,
                     "description": "Read-only JSON over a newsdistill corpus store (docs/api.md)."},
            "paths": paths, "components": {"schemas": SCHEMAS}}


def routes(conn: Callable[[], sqlite3.Connection]) -> list[Route]:
    """The API's routes over ``conn()`` (the app's read-only connection of the calling thread)."""

    def make(ep: Endpoint):
        def endpoint(request: Request) -> Response:
            try:
                return ep.handler(conn(), request, Query(request, ep))
            except ApiError as exc:
                return error_response(exc.status, exc.code, exc.message)
            except Exception:  # a bug or a store this version cannot read: still JSON, logged with its traceback
                log.exception("internal error answering %s", request.url.path)
                return error_response(500, "internal-error", f"{ep.path} failed on this store (the server log has the details)")
        return endpoint

    spec = _dumps(openapi())
    out = [Route(ep.path, make(ep), methods=["GET"]) for ep in ENDPOINTS]
    out.append(Route("/api/openapi.json", lambda request: Response(spec, media_type="application/json"), methods=["GET"]))
    return out


def link(path: str, fmt: str, params: dict | None = None) -> str:
    """The viewer's download link: ``path`` with ``params`` (None dropped), ``format`` and ``download=1``."""
    params = {k: v for k, v in (params or {}).items() if v is not None}
    return path + "?" + urlencode({**params, "format": fmt, "download": "1"})
