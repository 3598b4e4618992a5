"""Command line: a thin shell over the Python API.  Exit codes: 0 ok, 1 nothing could be
read (every input failed), 2 usage error (click)."""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .cli_corpus import attribution_model_option, use_attribution_model


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdistill")
def main() -> None:
    """Distil raw scraped news: clean body with reasons, captions, entities, who said what."""


def _read_options(text_field: str, id_field: str, url_field: str):
    from .read import ReadOptions

    return ReadOptions(text_field=text_field, id_field=id_field, url_field=url_field)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write (.jsonl, .jsonl.gz, .parquet; '-' is stdout), or a directory ending in '/': "
                   "resumable shards (rerun the same command to continue after an interruption).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "jsonl.gz", "parquet"]),
              help="Output format (default: from the output name; jsonl.gz for a directory).")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the article text.")
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
@click.option("--csv-dir", type=click.Path(file_okay=False), help="Also write entities.csv and attributions.csv here.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--summary-json", type=click.Path(dir_okay=False), help="Also write the run summary as JSON here.")
@click.option("--model", default=None, help="Installed spaCy pipeline (package name or folder) for entities/figures/dates.")
@click.option("--db", type=click.Path(dir_okay=False), help="Also load the records into this corpus database (SQLite, see docs/store.md).")
@attribution_model_option
def run(paths, output, fmt, text_field, id_field, url_field, engine, workers, address, batch_size, doc_timeout,
        shard_size, dedup, drop_duplicates, csv_dir, progress, summary_json, model, db, attribution_model) -> None:
    """Distil PATHS (.txt, .jsonl, .html, .warc files, also .gz/.zst; folders; globs; '-' for stdin):
    one JSON record per input document."""
    from .engine.runner import RunOptions, run_corpus
    from .errors import Fatal

    if drop_duplicates and not dedup:
        raise click.UsageError("--drop-duplicates needs --dedup")
    _use_model(model)
    use_attribution_model(attribution_model)
    options = RunOptions(read=_read_options(text_field, id_field, url_field), engine=engine, workers=workers,
                         address=address, batch_size=batch_size, timeout=doc_timeout, format=fmt, shard_size=shard_size,
                         dedup=dedup, drop_duplicates=drop_duplicates, csv_dir=csv_dir, model=model, db=db,
                         attribution_model=attribution_model,
                         progress=sys.stderr.isatty() if progress is None else progress)
    try:
        summary = run_corpus(paths, output, options)
    except Fatal as exc:
        raise click.UsageError(exc.message) from None
    click.echo(summary.line(), err=True)
    for line in summary.details():
        click.echo(line, err=True)
    if summary_json:
        with open(summary_json, "w", encoding="utf-8") as fh:
            json.dump(summary.to_dict(), fh, indent=2)
    sys.exit(0 if summary.ok else 1)


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
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON instead.")
@click.option("--model", default=None, help="Installed spaCy pipeline (package name or folder) for entities/figures/dates.")
@attribution_model_option
def show(path, index, no_removed, as_json, model, attribution_model) -> None:
    """Print the distilled article of PATH in the terminal: body, removed lines with reasons, captions."""
    from rich.console import Console

    from .engine.serial import process
    from .pipeline import default_pipeline
    from .read import ReadOptions, read_path

    _use_model(model)
    use_attribution_model(attribution_model)
    for i, doc in enumerate(read_path(path, ReadOptions())):
        if i == index:
            doc = process(default_pipeline(attribution_model), doc)
            if as_json:
                click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
            else:
                from .show import render

                render(doc, Console(), show_removed=not no_removed)
            sys.exit(0 if doc.status == "ok" else 1)
    raise click.UsageError(f"{path} has no document number {index}")


from .cli_corpus import register  # noqa: E402 - index, search, quotes, entities, stats, serve

register(main)

if __name__ == "__main__":
    main()
