"""Command line: a thin shell over the Python API.  Exit codes: 0 ok, 1 nothing could be
read (every input failed), 2 usage error (click)."""

from __future__ import annotations

import json
import sys
import time

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdistill")
def main() -> None:
    """Distil raw scraped news: clean body with reasons, captions, entities, who said what."""


def _read_options(text_field: str, id_field: str, url_field: str):
    from .read import ReadOptions

    return ReadOptions(text_field=text_field, id_field=id_field, url_field=url_field)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True, help="JSONL file to write (.gz compresses); '-' is stdout.")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the article text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the document id.")
@click.option("--url-field", default="url", show_default=True, help="JSONL field holding the URL.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--summary-json", type=click.Path(dir_okay=False), help="Also write the run summary as JSON here.")
@click.option("--model", default=None, help="Installed spaCy pipeline (package name or folder) for entities/figures/dates.")
@click.option("--db", type=click.Path(dir_okay=False), help="Also load the records into this corpus database (SQLite, see docs/store.md).")
def run(paths, output, text_field, id_field, url_field, progress, summary_json, model, db) -> None:
    """Distil PATHS (.txt, .jsonl, .html, .warc files, also .gz/.zst; folders; globs; '-' for stdin):
    one JSON record per input document."""
    from .corpus.store import indexing
    from .engine.serial import run_serial
    from .errors import Fatal
    from .pipeline import default_pipeline
    from .read import iter_documents
    from .summary import RunSummary
    from .write import JsonlWriter

    _use_model(model)
    summary = RunSummary()
    started = time.perf_counter()
    show_progress = sys.stderr.isatty() if progress is None else progress
    try:
        docs = iter_documents(paths, _read_options(text_field, id_field, url_field))
        with JsonlWriter(output) as writer, _progress(show_progress) as advance, indexing(db) as index:
            for doc in run_serial(default_pipeline(), docs):
                writer.write(doc)
                index(doc)
                summary.add(doc)
                advance(doc)
    except Fatal as exc:
        raise click.UsageError(exc.message) from None
    summary.seconds = time.perf_counter() - started
    click.echo(summary.line(), err=True)
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


class _progress:
    """A rich progress bar with docs/s, or nothing."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __enter__(self):
        if not self.enabled:
            return lambda doc: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.completed} docs"), TextColumn("{task.fields[rate]}"),
                             TimeElapsedColumn(), transient=True)
        self._bar.__enter__()
        task = self._bar.add_task("distil", total=None, rate="")
        started = time.perf_counter()

        def advance(doc) -> None:
            done = self._bar.tasks[0].completed + 1
            rate = done / max(time.perf_counter() - started, 1e-9)
            self._bar.update(task, advance=1, rate=f"{rate:.0f} docs/s")

        return advance

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._bar.__exit__(*exc)


@main.command()
@click.argument("path")
@click.option("--index", default=0, show_default=True, help="Which document of PATH to show (for JSONL dumps).")
@click.option("--no-removed", is_flag=True, help="Hide removed lines.")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON instead.")
@click.option("--model", default=None, help="Installed spaCy pipeline (package name or folder) for entities/figures/dates.")
def show(path, index, no_removed, as_json, model) -> None:
    """Print the distilled article of PATH in the terminal: body, removed lines with reasons, captions."""
    from rich.console import Console

    from .engine.serial import process
    from .pipeline import default_pipeline
    from .read import ReadOptions, read_path

    _use_model(model)
    for i, doc in enumerate(read_path(path, ReadOptions())):
        if i == index:
            doc = process(default_pipeline(), doc)
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
