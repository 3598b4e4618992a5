"""Command line: a thin shell over the Python API.  Exit codes (docs/cli.md, and the group's
--help): 0 at least one document distilled (or the command did its job), 1 nothing could be
distilled or a runtime failure, 2 a usage error found before any document is processed."""

from __future__ import annotations

import json
import os
import sys

import click

from . import __version__
from .cli_corpus import attribution_model_option, fatal, file_documents, use_attribution_model
from .cli_paths import EXIT_FAILED, PathError, remote_output, sqlite_file, writable_file, writable_folder

EPILOG = """\b
Exit codes (all commands):
  0  at least one document was distilled, or the command did its job
  1  nothing could be distilled (every input failed), or a runtime
     failure (worker processes keep dying)
  2  usage error, found before any document is processed: a bad option
     value; an output (-o, --csv-dir, --db, --summary-json) that cannot
     be created or written; a missing input of index or serve
A missing input path of `run` is not a usage error: it becomes an
unreadable-file error record, like any input that cannot be read."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(__version__, prog_name="newsdistill")
def main() -> None:
    """Distil raw scraped news: clean body with reasons, captions, entities, who said what."""


def _read_options(text_field: str, id_field: str, url_field: str, storage=None):
    from .read import ReadOptions

    return ReadOptions(text_field=text_field, id_field=id_field, url_field=url_field, storage=storage)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write (.jsonl, .jsonl.gz, .parquet; '-' is stdout), or a directory ending in '/': "
                   "resumable shards (rerun the same command to continue after an interruption).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "jsonl.gz", "parquet"]),
              help="Output format (default: from the output name; jsonl.gz for a directory).")
@click.option("--text-field", default="text", show_default=True,
              help="JSONL field holding the article text; left at text, the names other dumps use are tried too "
                   "(maintext, content, body, article, ...).")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the document id.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field holding the URL.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: a pool of worker processes; ray: Ray Data actors (pip install 'newsdistill[ray]').")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes / Ray actors (default: one per core).")
@click.option("--address", help="Ray cluster to join (--engine ray; default: start a local one).")
@click.option("--batch-size", type=click.IntRange(min=1), help="Documents per task sent to a worker.")
@click.option("--doc-timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds one document may take; slower ones become 'timeout' error records.")
@click.option("--shard-size", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Most documents per shard (directory output).")
@click.option("--dedup/--no-dedup", default=True, show_default=True, help="Mark exact and near duplicates (duplicate_of, cluster).")
@click.option("--drop-duplicates", is_flag=True, help="Leave duplicates out of the output.")
@click.option("--csv-dir", help="Also write entities.csv and attributions.csv here.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--summary-json", help="Also write the run summary as JSON here.")
@click.option("--model", default=None, help="Installed spaCy pipeline (package name or folder) for entities/figures/dates.")
@click.option("--db", help="Also load the records into this corpus database (SQLite, see docs/store.md).")
@click.option("--steps", "steps_spec", default="all", show_default=True,
              help="Steps to run: 'clean' (html, clean with captions, language; no spaCy model: extraction "
                   "speed), 'all', or a comma list of html, clean, language, parse, entities, figures, dates, "
                   "attribution. Records name the steps left out under 'skipped'.")
@click.option("--paths-from", metavar="FILE", help="Also read the inputs listed in FILE, one a line (local or a URL; "
              ".gz too), e.g. Common Crawl's warc.paths.gz.")
@click.option("--base-url", metavar="URL", help="Put before relative lines of --paths-from, e.g. s3://commoncrawl/ "
              "or https://data.commoncrawl.org/.")
@click.option("--storage-option", "storage_options", multiple=True, metavar="KEY=VALUE",
              help="Option of the remote storage (pip install 'newsdistill[remote]'): endpoint_url, region, anon, "
                   "key, secret, token, profile, project, or any s3fs/gcsfs option; PROTOCOL:KEY for one protocol. "
                   "Unset ones come from the usual AWS_* / GOOGLE_* variables and config files. Repeatable.")
@attribution_model_option
def run(paths, output, fmt, text_field, id_field, url_field, engine, workers, address, batch_size, doc_timeout,
        shard_size, dedup, drop_duplicates, csv_dir, progress, summary_json, model, db, steps_spec,
        paths_from, base_url, storage_options, attribution_model) -> None:
    """Distil PATHS (.txt, .jsonl, .html, .warc files, also .gz/.zst; folders; globs; '-' for stdin;
    URLs: s3://bucket/prefix/*.warc.gz, gs://..., https://..., file://...): one JSON record per
    input document."""
    from .engine.runner import RunOptions, run_corpus
    from .errors import Fatal
    from .pipeline import STEP_NAMES

    if drop_duplicates and not dedup:
        raise click.UsageError("--drop-duplicates needs --dedup")
    storage = _storage(storage_options)
    paths = _inputs(paths, paths_from, base_url, storage)
    _check_outputs(output, fmt, csv_dir, summary_json, db, storage)
    steps = _steps(steps_spec)
    if "parse" in steps:
        _use_model(model)
    if "attribution" in steps:
        use_attribution_model(attribution_model)
    options = RunOptions(read=_read_options(text_field, id_field, url_field, storage), engine=engine, workers=workers,
                         address=address, batch_size=batch_size, timeout=doc_timeout, format=fmt, shard_size=shard_size,
                         dedup=dedup, drop_duplicates=drop_duplicates, csv_dir=csv_dir, model=model, db=db,
                         attribution_model=attribution_model, steps=None if steps == STEP_NAMES else steps,
                         progress=sys.stderr.isatty() if progress is None else progress)
    if _no_supported_files(paths):
        sys.exit(EXIT_FAILED)
    try:
        summary = run_corpus(paths, output, options)
    except Fatal as exc:
        if exc.code == "storage-unavailable":  # a runtime failure (exit 1), like ray-unavailable
            click.echo(f"Error: {exc.message}", err=True)
            sys.exit(EXIT_FAILED)
        fatal(exc)
    except OSError as exc:  # the disk filled up, the output vanished mid-run: one line, not a traceback
        from .read.storage import scrub

        click.echo(f"Error: {scrub(str(exc.filename or output), storage)}: {scrub(str(exc.strerror or exc), storage)}", err=True)
        sys.exit(EXIT_FAILED)
    except Exception as exc:  # an object store that stopped answering mid-run (botocore's errors are no OSError)
        from .read.storage import scrub, unreachable

        if not unreachable(exc):
            raise
        click.echo(f"Error: the storage stopped answering: {scrub(str(exc), storage)}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(summary.line(), err=True)
    for line in summary.details():
        click.echo(line, err=True)
    if summary_json:
        try:
            with open(summary_json, "w", encoding="utf-8") as fh:
                json.dump(summary.to_dict(), fh, indent=2)
        except OSError as exc:  # checked writable before the run; a full disk shows only now
            click.echo(f"Error: {exc.filename or summary_json}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_FAILED)
    sys.exit(0 if summary.ok else EXIT_FAILED)


def _storage(items):
    """--storage-option pairs; a malformed one is a usage error."""
    from .errors import Fatal
    from .read.storage import StorageOptions

    try:
        return StorageOptions.parse(items)
    except Fatal as exc:
        raise click.UsageError(exc.message) from None


def _inputs(paths, paths_from: str | None, base_url: str | None, storage) -> list[str]:
    """PATHS and the lines of --paths-from (with --base-url before relative ones)."""
    from .errors import Fatal
    from .read.sources import paths_from as listed

    if base_url and not paths_from:
        raise click.UsageError("--base-url is for the relative lines of --paths-from")
    found = list(paths)
    if paths_from:
        try:
            found += listed(paths_from, base_url, storage)
        except Fatal as exc:
            if exc.code == "storage-unavailable":
                click.echo(f"Error: {exc.message}", err=True)
                sys.exit(EXIT_FAILED)
            raise click.UsageError(exc.message) from None
    if not found:
        raise click.UsageError("give PATHS or --paths-from FILE" if not paths_from else f"--paths-from {paths_from} lists no input")
    return found


def _check_outputs(output: str, fmt: str | None, csv_dir: str | None, summary_json: str | None, db: str | None,
                   storage=None) -> None:
    """Every output of `run` can be written (missing parent folders are created), before any input is read."""
    from .engine.runner import is_directory_output
    from .errors import Fatal
    from .read.storage import is_url, local_path
    from .write import format_for

    output = local_path(output)
    for option, value in (("--csv-dir", csv_dir), ("--summary-json", summary_json), ("--db", db)):
        if value and is_url(value):
            raise PathError(f"{option} {value}: a local path is wanted here (only -o and the inputs may be URLs)")
    if is_url(output):
        if not is_directory_output(output):
            try:
                format_for(output, fmt)
            except Fatal as exc:
                raise click.UsageError(exc.message) from None
        remote_output(output, "-o", storage, folder=is_directory_output(output))
    elif is_directory_output(output):
        writable_folder(output, "-o")
    elif output != "-":
        try:
            format_for(output, fmt)
        except Fatal as exc:
            raise click.UsageError(exc.message) from None
        writable_file(output, "-o")
    if csv_dir:
        writable_folder(csv_dir, "--csv-dir")
    if summary_json:
        writable_file(summary_json, "--summary-json")
    if db:
        sqlite_file(db, "--db", must_exist=False)


def _steps(spec: str) -> tuple[str, ...]:
    """--steps as step names; an unknown name or an impossible list is a usage error (exit 2)."""
    from .errors import Fatal
    from .pipeline import select_steps

    try:
        return select_steps(spec)
    except Fatal as exc:
        raise click.UsageError(f"--steps {spec}: {exc.message}") from None


def _no_supported_files(paths) -> bool:
    """Say so for each folder with no file newsdistill reads; True when that is every input."""
    from .read import READERS
    from .read.sources import expand

    empty = [p for p in paths if os.path.isdir(p) and next(expand([p]), None) is None]
    kinds = ", ".join(sorted({s for s in READERS if s.startswith(".")}))
    for folder in empty:
        click.echo(f"newsdistill: no supported files found in {folder} (newsdistill reads {kinds}, also .gz/.zst)", err=True)
    return bool(empty) and len(empty) == len(paths)


def _use_model(model: str | None) -> None:
    """--model: pick the spaCy pipeline and load it now, so a bad name is a usage error before any input is read."""
    if model is None:
        return
    from .errors import Fatal
    from .extract.nlp import load_model, set_model

    set_model(model)
    try:
        load_model()
    except Fatal as exc:
        raise click.UsageError(exc.message) from None


@main.command()
@click.argument("path")
@click.option("--index", default=0, show_default=True, help="Which document of PATH to show (for JSONL dumps).")
@click.option("--no-removed", is_flag=True, help="Hide removed lines.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table: the article, then entities, figures, dates and who said what; json: the record; "
                   "csv: the who-said-what rows (the columns of `quotes FILE`).")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (same as --format json).")
@click.option("--model", default=None, help="Installed spaCy pipeline (package name or folder) for entities/figures/dates.")
@attribution_model_option
def show(path, index, no_removed, fmt, as_json, model, attribution_model) -> None:
    """Print the distilled article of PATH in the terminal: body, removed lines with reasons, captions,
    entities, figures, dates and who said what."""
    from .errors import Fatal

    if as_json:
        fmt = "json"
    _use_model(model)
    use_attribution_model(attribution_model)
    try:
        doc = file_documents(path, index, attribution_model, f"`newsdistill run {path}` distils a folder")[0]
    except Fatal as exc:
        fatal(exc)
    if fmt == "json":
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from .cli_corpus import attribution_rows
        from .corpus import queries
        from .corpus.output import emit_rows

        if doc.status != "ok":
            click.echo(f"Error: {doc.error.code}: {doc.error.message}" if doc.error else "Error", err=True)
        emit_rows(attribution_rows(doc), "csv", queries.QUOTE_COLUMNS)
    else:
        from rich.console import Console

        from .show import render

        render(doc, Console(), show_removed=not no_removed)
    sys.exit(0 if doc.status == "ok" else EXIT_FAILED)


from .cli_corpus import register  # noqa: E402 - index, search, quotes, entities, stats, serve

register(main)

if __name__ == "__main__":
    main()
