"""Corpus commands (cli.py adds them to the main group with :func:`register`): index, search, quotes, entities, stats, serve.

Thin: parse options, call :mod:`newsdistill.corpus` / :mod:`newsdistill.web`, print.
The database is ``--db PATH`` or the ``NEWSDISTILL_DB`` environment variable.
"""

from __future__ import annotations

import os

import click

_db = click.option("--db", envvar="NEWSDISTILL_DB",
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


# Fatal codes of a failure while the run goes on (exit 1); every other Fatal is a usage error (exit 2)
RUNTIME_CODES = frozenset({"worker-died", "internal-error", "ray-unavailable", "storage-unavailable"})


def fatal(exc) -> None:
    """End the command for a :class:`~newsdistill.errors.Fatal`: one line, exit 1 for a runtime
    failure, else a usage error (exit 2)."""
    import sys

    if exc.code in RUNTIME_CODES:
        click.echo(f"Error: {exc.message}", err=True)
        sys.exit(1)
    raise click.UsageError(exc.message) from None


def _open(db):
    from .cli_paths import sqlite_file
    from .corpus.queries import connect_ro, default_db
    from .errors import Fatal

    try:
        path = default_db(db)
    except Fatal as exc:
        raise click.UsageError(exc.message) from None
    sqlite_file(path, "--db", must_exist=True)
    try:
        return connect_ro(path)
    except Fatal as exc:
        raise click.UsageError(exc.message) from None


@click.command()
@click.argument("paths", nargs=-1, required=True)
@_db
@click.option("--batch", default=500, show_default=True, help="Records per transaction.")
def index(paths, db, batch) -> None:
    """Load newsdistill output (PATHS: the .jsonl / .jsonl.gz / .parquet files `run` wrote) into the
    corpus database; re-loading a record replaces it."""
    import itertools
    import time

    from .cli_paths import sqlite_file
    from .corpus.queries import default_db
    from .corpus.store import index_records
    from .errors import Fatal, NewsdistillError
    from .summary import plural

    try:
        db = default_db(db)
    except Fatal as exc:
        raise click.UsageError(exc.message) from None
    for p in paths:
        _check_index_input(p)
    sqlite_file(db, "--db", must_exist=False)
    started = time.perf_counter()
    try:
        stats = index_records(itertools.chain.from_iterable(_records_of(p) for p in paths), db, batch)
    except Fatal as exc:  # an old store schema: a usage error, nothing was loaded
        fatal(exc)
    except NewsdistillError as exc:  # a bad line past the first record: the batches before it are loaded
        raise click.ClickException(exc.message) from None
    seconds = time.perf_counter() - started
    click.echo(f"{plural(stats['documents'], 'document')}, {plural(stats['attributions'], 'attribution')}, "
               f"{plural(stats['quote_clusters'], 'quote cluster')} ({stats['multi_document_clusters']} in several documents) "
               f"in {seconds:.1f}s", err=True)


_NOT_OUTPUT_HINT = "distil it first (`newsdistill run {p} -o out.jsonl`), then index out.jsonl"


def _records_of(path: str):
    """The records of one newsdistill output file; a record without ``format_version`` is refused."""
    from .errors import BadRecord

    if path.endswith(".parquet"):
        from .write import read_records

        records = read_records(path)
    else:
        from .corpus.store import read_jsonl

        records = read_jsonl(path)
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict) or "format_version" not in record:
            raise BadRecord("not-newsdistill-output", f"{path}: record {n} is not newsdistill output (no format_version): "
                            + _NOT_OUTPUT_HINT.format(p=path))
        yield record


def _check_index_input(path: str) -> None:
    """An ``index`` input exists, is a file, and starts with a newsdistill record (usage error, exit 2, if not)."""
    from .cli_paths import PathError, input_file
    from .errors import NewsdistillError

    input_file(path, "index")
    try:
        next(_records_of(path), None)
    except NewsdistillError as exc:
        if exc.code == "not-newsdistill-output":
            raise PathError(exc.message) from None
        raise PathError(f"index {path}: not newsdistill output ({exc.message}); " + _NOT_OUTPUT_HINT.format(p=path)) from None
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise PathError(f"index {path}: cannot read it as newsdistill output ({type(exc).__name__}: {exc}); "
                        + _NOT_OUTPUT_HINT.format(p=path)) from None


@click.command()
@click.argument("text")
@_db
@_fmt
@click.option("--limit", default=20, show_default=True)
@click.option("--quotes", "in_quotes", is_flag=True, help="Search quote content instead of article text.")
def search(text, db, fmt, limit, in_quotes) -> None:
    """Full-text search over article text, or over quote content with --quotes.  Results are ranked
    by bm25; relevance is the result's bm25 score divided by the best score of the query's result
    set (1 for the best match, towards 0 for weaker ones)."""
    from .corpus import queries
    from .corpus.output import emit_rows

    conn = _open(db)
    if in_quotes:
        rows = queries.search_quotes(conn, text, limit)
        emit_rows(rows, fmt, ["rank", "relevance", "speaker_name", "content", "doc_id", "outlet", "published", "quote_cluster"])
    else:
        res = queries.search(conn, text, limit)
        from .summary import plural

        emit_rows(res["results"], fmt, ["rank", "relevance", "id", "title", "outlet", "published", "snippet"],
                  title=f"{plural(res['total'], 'document')} {'matches' if res['total'] == 1 else 'match'}"
                        + ("" if res["ranking"] == "bm25" else " (newest first: too many to rank)"))


@click.command()
@click.argument("file", required=False)
@_db
@click.option("--speaker", help="Words of the speaker's name, each a whole word of it (case and accents ignored: Guterres finds António Guterres).")
@click.option("--about", help="Words the quote content must contain.")
@click.option("--limit", default=100, show_default=True)
@click.option("--index", "doc_index", type=int, help="With FILE: only this document of FILE (for JSONL dumps).")
@attribution_model_option
@_fmt
def quotes(file, db, speaker, about, limit, doc_index, attribution_model, fmt) -> None:
    """Who said what: distil FILE and list its attributions, or query the corpus database (--db / $NEWSDISTILL_DB).
    --speaker, --about and --limit filter both."""
    import sys

    from .corpus import queries
    from .corpus.output import emit_rows

    if not file:
        emit_rows(queries.quotes(_open(db), speaker=speaker, about=about, limit=limit), fmt, queries.QUOTE_COLUMNS)
        return
    from .errors import Fatal

    use_attribution_model(attribution_model)
    try:
        docs = file_documents(file, doc_index, attribution_model,
                              f"`newsdistill run {file} --db corpus.sqlite`, then `newsdistill quotes --db "
                              f"corpus.sqlite`, covers a folder")
    except Fatal as exc:
        fatal(exc)
    keep = _quote_filter(speaker, about)
    failed = [d for d in docs if d.status != "ok"]
    for d in failed:
        click.echo(f"Error: {d.id}: {d.error.code}: {d.error.message}" if d.error else f"Error: {d.id}", err=True)
    if fmt == "table":
        from rich.console import Console

        from .quotes_table import render_quotes

        console, left = Console(), limit
        for d in docs:
            if d.status == "ok" and left > 0:
                left -= render_quotes(d, console, keep=keep, limit=left)
    else:
        rows = [row for d in docs for row in attribution_rows(d, keep)][:limit]
        emit_rows(rows, fmt, queries.QUOTE_COLUMNS)
    sys.exit(1 if failed and len(failed) == len(docs) else 0)


def file_documents(path: str, doc_index: int | None, attribution_model: str, folder_hint: str) -> list:
    """The documents of PATH (only number ``doc_index`` when given, reading no further), distilled;
    a usage error, ending in ``folder_hint``, for a folder, and one when there is no such document
    (``show`` and ``quotes FILE``)."""
    from .engine.serial import process
    from .pipeline import default_pipeline
    from .read import ReadOptions, read_path

    if os.path.isdir(path):
        raise click.UsageError(f"{path} is a folder: this command reads one file ({folder_hint})")
    pipeline, docs = None, []
    for i, doc in enumerate(read_path(path, ReadOptions())):
        if doc_index is not None and i != doc_index:
            continue
        pipeline = pipeline or default_pipeline(attribution_model)
        docs.append(process(pipeline, doc))
        if doc_index is not None:
            break
    if doc_index is not None and not docs:
        raise click.UsageError(f"{path} has no document number {doc_index}")
    return docs


def _quote_filter(speaker: str | None, about: str | None):
    """The corpus query's filters for one file's attributions: every word of ``speaker`` is a
    word of the speaker's name (case and accents ignored, as
    :func:`newsdistill.corpus.queries.find_speakers`); the content has every word of ``about``."""
    if not speaker and not about:
        return None
    import re

    from .corpus.names import name_words

    key = set(name_words(speaker)) if speaker else None
    words = [w.lower() for w in re.findall(r"\w+", about or "")]

    def keep(a) -> bool:
        if key is not None:
            sp = a.speaker
            name = (sp.name if sp else None) or (a.source.text if a.source else "")
            if not key or not key <= set(name_words(name)):  # a --speaker without a word matches no one, as in the corpus
                return False
        content = set(re.findall(r"\w+", a.content.text.lower()))
        return all(w in content for w in words)

    return keep


def attribution_rows(doc, keep=None) -> list[dict]:
    """One document's attributions as rows with :data:`newsdistill.corpus.queries.QUOTE_COLUMNS`."""
    from .record import attributions_in_order

    if doc.status != "ok":
        return []
    rows = []
    for a in attributions_in_order(doc):
        if keep is not None and not keep(a):
            continue
        sp = a.speaker
        rows.append({"speaker": (sp.name if sp else None) or (a.source.text if a.source else None),
                     "role": sp.role if sp else None, "kind": a.kind, "content": a.content.text,
                     "cue": a.cue.text if a.cue else None, "source": a.source.text if a.source else None,
                     "doc_id": doc.id, "outlet": None, "published": doc.published, "cluster": None})
    return rows


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
@click.argument("db")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--allow-remote", is_flag=True, help="Required to bind to anything but loopback.")
@click.option("--cors", "cors", metavar="ORIGIN", help="Let pages of this one origin (https://dash.example) read /api/ (GET); off by default.")
def serve(db, host, port, allow_remote, cors) -> None:
    """Browse the corpus database DB in a web browser and read it as JSON under /api/ (read-only; docs/api.md)."""
    from .cli_paths import sqlite_file
    from .web.app import check_host, create_app

    sqlite_file(db, "serve", must_exist=True)
    try:
        check_host(host, allow_remote)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if cors is not None and not _is_origin(cors):
        raise click.UsageError(f"--cors takes one origin like https://dash.example (scheme://host[:port], no path), not {cors!r}")
    import uvicorn

    click.echo(f"serving {db} read-only on http://{host}:{port}/ (JSON API: /api/, description /api/openapi.json)", err=True)
    uvicorn.run(create_app(db, cors=cors), host=host, port=port, log_level="warning")


def _is_origin(value: str) -> bool:
    """``scheme://host[:port]`` with an http(s) scheme and nothing after (what a browser sends as Origin)."""
    import re

    return re.fullmatch(r"https?://[A-Za-z0-9.\-]+(:\d{1,5})?", value) is not None


def register(group: click.Group) -> None:
    for command in (index, search, quotes, entities, stats, serve):
        group.add_command(command)
