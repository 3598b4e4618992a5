"""Corpus commands (cli.py adds them to the main group with :func:`register`): index, search, quotes, entities, stats, serve.

Thin: parse options, call :mod:`newsdistill.corpus` / :mod:`newsdistill.web`, print.
The database is ``--db PATH`` or the ``NEWSDISTILL_DB`` environment variable.
"""

from __future__ import annotations

import click

_db = click.option("--db", envvar="NEWSDISTILL_DB", type=click.Path(dir_okay=False),
                   help="Corpus database (SQLite); default: $NEWSDISTILL_DB.")
_fmt = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
attribution_model_option = click.option(
    "--attribution-model", type=click.Choice(["accurate", "fast", "lite", "minilm", "rules"]), default="accurate",
    show_default=True,
    help="Who-said-what: accurate: rules + learned cue model + the MiniLM span model with the lite tagger's vote "
         "(most accurate); fast: rules + learned cue model (most throughput); lite: rules + cue model + a small "
         "BiLSTM tagger.  minilm and rules are the old names of accurate and fast (until 0.2.0).")


def use_attribution_model(name: str) -> None:
    """--attribution-model: say so on stderr when the name is deprecated; for ``accurate`` load
    the span model now, so a missing or broken model file is a usage error before any input."""
    from .attribution import canonical_mode, deprecation

    if (line := deprecation(name)) is not None:
        click.echo(f"newsdistill: {line}", err=True)
    if canonical_mode(name) != "accurate":  # fast, lite: nothing that can fail to load
        return
    from .attribution.models.span_model import SpanModelError, load

    try:
        load()
    except SpanModelError as exc:
        raise click.UsageError(exc.message) from None


def _open(db):
    from .corpus.queries import connect_ro, default_db
    from .errors import Fatal

    try:
        return connect_ro(default_db(db))
    except Fatal as exc:
        raise click.UsageError(exc.message) from None


@click.command()
@click.argument("paths", nargs=-1, required=True)
@_db
@click.option("--batch", default=500, show_default=True, help="Records per transaction.")
def index(paths, db, batch) -> None:
    """Load newsdistill JSONL output (PATHS) into the corpus database; re-loading a record replaces it."""
    import itertools
    import time

    from .corpus.queries import default_db
    from .corpus.store import index_records, read_jsonl
    from .errors import NewsdistillError

    started = time.perf_counter()
    try:
        stats = index_records(itertools.chain.from_iterable(read_jsonl(p) for p in paths), default_db(db), batch)
    except NewsdistillError as exc:
        raise click.ClickException(exc.message) from None
    seconds = time.perf_counter() - started
    click.echo(f"{stats['documents']} documents, {stats['attributions']} attributions, {stats['quote_clusters']} quote clusters "
               f"({stats['multi_document_clusters']} in several documents) in {seconds:.1f}s", err=True)


@click.command()
@click.argument("text")
@_db
@_fmt
@click.option("--limit", default=20, show_default=True)
@click.option("--quotes", "in_quotes", is_flag=True, help="Search quote content instead of article text.")
def search(text, db, fmt, limit, in_quotes) -> None:
    """Full-text search (bm25) over article text, or over quote content with --quotes."""
    from .corpus import queries
    from .corpus.output import emit_rows

    conn = _open(db)
    if in_quotes:
        rows = queries.search_quotes(conn, text, limit)
        emit_rows(rows, fmt, ["speaker_name", "content", "doc_id", "outlet", "published", "quote_cluster"])
    else:
        res = queries.search(conn, text, limit)
        emit_rows(res["results"], fmt, ["id", "title", "outlet", "published", "score", "snippet"],
                  title=f"{res['total']} documents match")


@click.command()
@click.argument("file", required=False)
@_db
@click.option("--speaker", help="Speaker name or part of it (case and accents ignored).")
@click.option("--about", help="Words the quote content must contain.")
@click.option("--limit", default=100, show_default=True)
@click.option("--index", "doc_index", type=int, help="With FILE: only this document of FILE (for JSONL dumps).")
@attribution_model_option
@_fmt
def quotes(file, db, speaker, about, limit, doc_index, attribution_model, fmt) -> None:
    """Who said what: distil FILE and list its attributions, or query the corpus database (--db / $NEWSDISTILL_DB)."""
    from .corpus import queries
    from .corpus.output import emit_rows

    if file:
        use_attribution_model(attribution_model)
        rows = _file_quotes(file, doc_index, table=fmt == "table", attribution_model=attribution_model)
    else:
        rows = queries.quotes(_open(db), speaker=speaker, about=about, limit=limit)
    if rows is not None:
        emit_rows(rows, fmt, queries.QUOTE_COLUMNS)


def _file_quotes(path: str, doc_index: int | None, table: bool, attribution_model: str = "accurate") -> list[dict] | None:
    """Attributions of the documents of PATH as rows; as the attribution step's own table when it has one."""
    from .engine.serial import process
    from .pipeline import default_pipeline
    from .read import ReadOptions, read_path
    from .record import attributions_in_order

    try:
        from .quotes_table import render_quotes  # the attribution step's table, when present
    except ImportError:
        render_quotes = None
    rows = []
    for i, doc in enumerate(read_path(path, ReadOptions())):
        if doc_index is not None and i != doc_index:
            continue
        doc = process(default_pipeline(attribution_model), doc)
        if table and render_quotes is not None:
            from rich.console import Console

            render_quotes(doc, Console())
            continue
        r = doc.to_dict()
        for a in attributions_in_order(r):
            sp = a.get("speaker") or {}
            rows.append({"speaker": sp.get("name"), "role": sp.get("role"), "kind": a.get("kind"), "content": a["content"]["text"],
                         "cue": (a.get("cue") or {}).get("text"), "source": (a.get("source") or {}).get("text"),
                         "doc_id": r["id"], "outlet": None, "published": r.get("published"), "cluster": None})
    return None if table and render_quotes is not None else rows


@click.command()
@_db
@click.option("--top", default=20, show_default=True)
@click.option("--label", help="Only this label (PERSON, ORG, GPE, ...).")
@_fmt
def entities(db, top, label, fmt) -> None:
    """The entities found in the most documents."""
    from .corpus import queries
    from .corpus.output import emit_rows

    emit_rows(queries.top_entities(_open(db), top, label), fmt, ["name", "label", "documents", "mentions"])


@click.command()
@_db
@_fmt
@click.option("--top", default=10, show_default=True, help="How many top speakers.")
def stats(db, fmt, top) -> None:
    """Corpus statistics: documents, errors by code, removed-line reasons, top speakers, clusters."""
    from .corpus import queries
    from .corpus.output import emit_stats

    emit_stats(queries.stats(_open(db), top), fmt)


@click.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--allow-remote", is_flag=True, help="Required to bind to anything but loopback.")
def serve(db, host, port, allow_remote) -> None:
    """Browse the corpus database DB in a web browser (read-only)."""
    from .web.app import check_host, create_app

    try:
        check_host(host, allow_remote)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    import uvicorn

    click.echo(f"serving {db} read-only on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def register(group: click.Group) -> None:
    for command in (index, search, quotes, entities, stats, serve):
        group.add_command(command)
