"""A whole run: inputs -> engine -> duplicates -> writers, with progress and a summary.

Two kinds of output:

* a file (or stdout): one stream of records, JSON Lines (.gz) or Parquet;
* a directory (``-o OUT/``): shards with completion markers, resumable (see :mod:`.shards`).

Duplicates are found here, in the parent process, after whichever engine ran the pipeline:
they need to see the whole corpus, one document after another in input order.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import errors
from ..corpus.dedup import Deduplicator, DedupOptions
from ..errors import Fatal
from ..pipeline import STEP_NAMES, attribution_mode
from ..read.sources import ReadOptions, expand, read_files
from ..read.storage import local_path
from ..record import Document
from ..summary import RunSummary
from . import make_engine
from .lock import lock_output
from .progress import RunProgress
from .shards import DEFAULT_SHARD_SIZE, ShardDir, manifest_for, plan


@dataclass
class RunOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    engine: str = "local"
    workers: int | None = None
    address: str | None = None
    batch_size: int | None = None
    timeout: float | None = None  # per-document time bound, seconds
    format: str | None = None  # jsonl | jsonl.gz | parquet; None: from the output name
    shard_size: int = DEFAULT_SHARD_SIZE
    dedup: bool = True
    drop_duplicates: bool = False
    dedup_options: DedupOptions = field(default_factory=DedupOptions)
    csv_dir: str | None = None
    db: str | None = None  # also load the records into this SQLite corpus (corpus/store.py)
    model: str | None = None  # spaCy pipeline for the NLP steps (None: the default)
    attribution_model: str = "accurate"  # accurate | fast | lite (newsdistill.attribution.MODES)
    steps: tuple[str, ...] | None = None  # pipeline.select_steps names (--steps); None: every step
    progress: bool = False

    def record_options(self) -> dict[str, Any]:
        """What changes the records written (the manifest compares these on resume)."""
        r = self.read
        # only a run that left steps out records them, so a run of every step resumes an older output
        chosen = {} if self.steps is None or tuple(self.steps) == STEP_NAMES else {"steps": list(self.steps)}
        return {**chosen, "read": {"text_field": r.text_field, "id_field": r.id_field, "url_field": r.url_field,
                         "title_field": r.title_field, "published_field": r.published_field},
                "format": self.format, "shard_size": self.shard_size, "dedup": self.dedup,
                "drop_duplicates": self.drop_duplicates, "dedup_options": self.dedup_options.to_dict(),
                "timeout": self.timeout, "model": self.model,
                "attribution_model": attribution_mode(self.attribution_model)}  # an old name resumes its run


def is_directory_output(output: str | None) -> bool:
    return bool(output) and output != "-" and (output.endswith(("/", os.sep)) or os.path.isdir(output))


def run_corpus(paths: Iterable[str], output: str | None, options: RunOptions) -> RunSummary:
    """Distil ``paths`` into ``output`` (file, '-' for stdout, or a directory ending in '/')."""
    paths = [os.fspath(p) for p in paths]
    output = local_path(output) if output else output  # file:// is a local path; s3:// etc. go through fsspec
    files = list(expand(paths, options.read.storage))
    started = time.perf_counter()
    if is_directory_output(output):
        with lock_output(output):  # one run per output folder (engine/lock.py)
            summary = _run_sharded(paths, files, output, options)
    else:
        summary = _run_stream(files, output, options)
    summary.seconds = time.perf_counter() - started
    return summary


class _Dedup:
    def __init__(self, options: RunOptions):
        self.on = options.dedup
        self.drop = options.drop_duplicates
        self.dedup = Deduplicator(options.dedup_options) if options.dedup else None

    def __call__(self, doc: Document) -> tuple[str | None, bool]:
        if self.dedup is None:
            return None, False
        rule = self.dedup(doc)
        return rule, bool(rule and self.drop)


def _run_stream(files: list[str], output: str | None, options: RunOptions) -> RunSummary:
    from ..write import format_for, open_writer

    fmt = format_for(output, options.format)
    summary, dedup = RunSummary(), _Dedup(options)
    indexed = deque()

    def docs() -> Iterator[Document]:
        for index, _, documents in read_files(files, options.read):  # remote small files fetched ahead
            for doc in documents:
                indexed.append(index)
                yield doc

    from ..corpus.store import indexing

    with (open_writer(output, fmt, options.read.storage) as writer, _csv(options) as csv, RunProgress(options.progress, len(files)) as bar,
          indexing(options.db) as index,
          make_engine(options.engine, workers=options.workers, address=options.address,
                      batch_size=options.batch_size, timeout=options.timeout, model=options.model,
                      attribution_model=options.attribution_model, steps=options.steps) as engine):
        for doc in engine.map(docs()):
            rule, drop = dedup(doc)
            summary.add(doc, rule, drop)
            if not drop:
                record = doc.to_dict()
                writer.write_record(record)
                index(record)
                if csv:
                    csv.write_record(record)
            bar.advance(indexed.popleft())
    return summary


class _csv:
    def __init__(self, options: RunOptions):
        self.dir = options.csv_dir

    def __enter__(self):
        if not self.dir:
            return None
        from ..write.csv_tables import CsvTables

        self.tables = CsvTables(self.dir)
        return self.tables

    def __exit__(self, *exc) -> None:
        if self.dir:
            self.tables.close()


def _run_sharded(paths: list[str], files: list[str], output: str, options: RunOptions) -> RunSummary:
    if "-" in files:
        raise Fatal(errors.BAD_OPTION, "stdin cannot be resumed: write a file output (-o FILE) for stdin")
    fmt = options.format or "jsonl.gz"
    shards = ShardDir(output, fmt, manifest_for(paths, files, {**options.record_options(), "format": fmt}),
                      options.read.storage)
    summary, dedup = RunSummary(), _Dedup(options)
    for shard in sorted(shards.done):  # what an earlier run completed: counts, and the duplicates index
        summary.merge(RunSummary.from_dict(shards.done[shard]["summary"]))
        if dedup.dedup is not None:
            for record in shards.records(shard):
                dedup.dedup.restore(record)
    summary.resumed_documents = summary.documents
    pending: deque[tuple[int, int, int]] = deque()
    start = shards.resume_point()

    with RunProgress(options.progress, len(files)) as bar:
        def docs() -> Iterator[Document]:
            if start.file_index:
                bar.skip(start.file_index)
            for item in plan(files, options.read, options.shard_size, start):
                if item.shard in shards.done:
                    bar.skip(item.file_index)
                    continue
                pending.append((item.shard, item.file_index, item.file_doc))
                yield item.doc

        current, shard_summary, first_id, last_id, end = None, RunSummary(), None, None, None
        engine = make_engine(options.engine, workers=options.workers, address=options.address,
                             batch_size=options.batch_size, timeout=options.timeout, model=options.model,
                             attribution_model=options.attribution_model, steps=options.steps)
        try:
            for doc in engine.map(docs()):
                shard, file_index, file_doc = pending.popleft()
                if shard != current:
                    if current is not None:
                        shards.complete(current, shard_summary.to_dict(), first_id, last_id, end)
                    writer = shards.open(shard)
                    current, shard_summary, first_id = shard, RunSummary(), doc.id
                rule, drop = dedup(doc)
                shard_summary.add(doc, rule, drop)
                summary.add(doc, rule, drop)
                if not drop:
                    writer.write_record(doc.to_dict())
                last_id, end = doc.id, (file_index, file_doc)
                bar.advance(file_index)
            if current is not None:
                shards.complete(current, shard_summary.to_dict(), first_id, last_id, end)
        except BaseException:
            shards.abort()
            raise
        finally:
            engine.close()
    summary.shards = len(shards.done)
    shards.remove_stale()
    if options.db:  # the whole output, also what earlier runs wrote (loading is idempotent)
        from ..corpus.store import index_records

        index_records((r for shard in sorted(shards.done) for r in shards.records(shard)), options.db)
    if options.csv_dir:
        from ..write.csv_tables import CsvTables

        with CsvTables(options.csv_dir) as csv:
            for shard in sorted(shards.done):
                for record in shards.records(shard):
                    csv.write_record(record)
    return summary
