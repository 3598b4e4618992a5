"""The read-only corpus viewer: Starlette + Jinja2, server-rendered, no third-party assets.

Security: the database is opened with ``mode=ro``; Jinja autoescape is on and record text is
never marked safe (HTML with highlights is built by :mod:`.render` from escaped pieces); every
response carries a strict Content-Security-Policy (no inline script, ``default-src 'self'``);
ids travel as query parameters into parameterised SQL; static files come from the package
folder through Starlette's StaticFiles (which refuses paths outside it).

The JSON API (:mod:`.api`, ``/api/...``) shares the connection, the headers and the read-only
store; cross-origin access to it is off unless ``cors`` names one origin (``--cors ORIGIN``).
Every viewer table links to its rows through the API ("Download CSV / JSON").
"""

from __future__ import annotations

import ipaddress
import threading
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..corpus import queries
from . import api, render

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
PAGE = 20


def check_host(host: str, allow_remote: bool) -> None:
    """Binding to anything but loopback needs ``allow_remote``."""
    if allow_remote or host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"refusing to serve on {host}: the viewer binds to loopback only unless --allow-remote is given")


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(link=render.link, safe_url=render.safe_url, highlighted=render.highlighted, api_link=api.link)
    return Jinja2Templates(env=env)


def _int(request: Request, name: str, default: int = 0, lo: int = 0, hi: int = 10_000) -> int:
    try:
        return min(hi, max(lo, int(request.query_params.get(name, default))))
    except ValueError:
        return default


def create_app(db_path: str | Path, cors: str | None = None) -> Starlette:
    """The viewer and the JSON API over ``db_path`` (opened read-only); ``cors``: the one origin
    allowed to read the API cross-origin (GET only), None for none."""
    db_path = Path(db_path)
    queries.connect_ro(db_path).close()  # fail now if missing
    local = threading.local()
    templates = _templates()

    def conn():
        c = getattr(local, "conn", None)
        if c is None:
            c = local.conn = queries.connect_ro(db_path)
        return c

    def page(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
        return templates.TemplateResponse(request, template, {"db_name": db_path.name, **ctx}, status_code=status)

    def overview(request: Request):
        ov = queries.cached_overview(conn())
        st = ov["stats"]
        return page(request, "overview.html", stats=st,
                    reasons=render.bars(list(st["removed_reasons"].items())),
                    errors=render.bars(list(st["errors"].items())),
                    months=render.columns([(r["month"], r["n"]) for r in ov["months"]]),
                    entities=ov["entities"], clusters=ov["clusters"])

    def search(request: Request):
        q = request.query_params.get("q", "")[:500]
        offset = _int(request, "offset", 0, 0, 10_000)
        res = queries.search(conn(), q, PAGE, offset) if q.strip() else {"query": q, "total": 0, "results": []}
        qres = queries.search_quotes(conn(), q, 5) if q.strip() and offset == 0 else []
        return page(request, "search.html", q=q, res=res, quotes=qres, offset=offset, page_size=PAGE)

    def document(request: Request):
        doc_id = request.query_params.get("id", "")
        d = queries.document(conn(), doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        colours = render.speaker_colours(d["attributions"])
        for a in d["attributions"]:
            a["colour"] = colours.get(a.get("speaker_key") or a.get("source_text"), 0)
        lines = render.headline_lines(d)
        heading, shown = render.heading(d, lines)
        rest = {idx: html for idx, html in lines.items() if idx != shown}  # headline lines the heading does not show
        return page(request, "document.html", d=d, heading=heading, article=render.article(d), input=render.input_view(d, rest))

    def speaker(request: Request):
        sp = queries.speaker(conn(), request.query_params.get("name", ""), clusters=_int(request, "clusters", 50, 1, 500))
        if sp is None:
            raise HTTPException(404, "no such speaker")
        return page(request, "speaker.html", sp=sp)

    def quote(request: Request):
        try:
            number = int(request.path_params["cluster"])
        except ValueError:
            raise HTTPException(404, "no such quote cluster") from None
        qc = queries.quote_cluster(conn(), number)
        if qc is None:
            raise HTTPException(404, "no such quote cluster")
        return page(request, "quote.html", qc=qc)

    def duplicates(request: Request):
        cid = request.query_params.get("id", "")
        docs = queries.duplicate_cluster(conn(), cid)
        if not docs:
            raise HTTPException(404, "no such duplicate cluster")
        return page(request, "duplicates.html", cid=cid, docs=docs)

    def entity(request: Request):
        name = request.query_params.get("name", "")
        docs = queries.entity_documents(conn(), name)
        if not docs:
            raise HTTPException(404, "no such entity")
        sp = queries.speaker(conn(), name, clusters=1, per_cluster=0)
        return page(request, "entity.html", name=docs[0]["name"], docs=docs, speaker=sp)

    async def not_found(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            code = "not-found" if exc.status_code == 404 else "method-not-allowed" if exc.status_code == 405 else "http-error"
            return api.error_response(exc.status_code, code, f"{exc.detail}: {request.url.path} (see /api/openapi.json)")
        return page(request, "error.html", status=exc.status_code, message=exc.detail)

    routes = [
        Route("/", overview),
        Route("/search", search),
        Route("/doc", document),
        Route("/speaker", speaker),
        Route("/quote/{cluster}", quote),
        Route("/duplicates", duplicates),
        Route("/entity", entity),
        *api.routes(conn),
        Route("/favicon.ico", lambda request: RedirectResponse("/static/favicon.svg")),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=[cors], allow_methods=["GET"], allow_headers=[], max_age=600))
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: not_found})
