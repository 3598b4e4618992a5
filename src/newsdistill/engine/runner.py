"""A whole run: inputs -> engine -> duplicates -> writers, with progress and a summary.

Two kinds of output:

* a file (or stdout): one stream of records, JSON Lines (.gz) or Parquet;
* a directory (``-o OUT/``): shards with completion markers, resumable (see :mod:`.shards`).

Duplicates are found here, in the parent process, after whichever engine ran the pipeline:
they need to see the whole corpus, one document after another in input order.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import errors
from ..corpus.dedup import DedupOptions
from ..errors import Fatal
from ..pipeline import STEP_NAMES, attribution_mode
from ..read.sources import ReadOptions, expand, read_files
from ..read.storage import local_path
from ..record import Document
from ..summary import RunSummary
from . import make_engine
from .distilled import Distilled, Marker, distil
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


def run_corpus(paths: Iterable[str], output: str | None, options: RunOptions, engine=None) -> RunSummary:
    """Distil ``paths`` into ``output`` (file, '-' for stdout, or a directory ending in '/').

    ``engine``: an engine already started (bench/engine_speed.py times runs with warm workers),
    built with ``finish=worker_finish(options, output)``; it is left open.  None: the run makes
    its own from ``options``."""
    paths = [os.fspath(p) for p in paths]
    output = local_path(output) if output else output  # file:// is a local path; s3:// etc. go through fsspec
    files = list(expand(paths, options.read.storage))
    started = time.perf_counter()
    if is_directory_output(output):
        with lock_output(output):  # one run per output folder (engine/lock.py)
            summary = _run_sharded(paths, files, output, options, engine)
    else:
        summary = _run_stream(files, output, options, engine)
    summary.seconds = time.perf_counter() - started
    return summary


def _marker(options: RunOptions) -> Marker:
    return Marker(options.dedup, options.drop_duplicates, options.dedup_options)


def worker_finish(options: RunOptions, output: str | None):
    """The ``finish`` of the engine that runs ``options`` into ``output`` (see :func:`run_corpus`)."""
    return _finish(options, _as_line(options, output))


def _as_line(options: RunOptions, output: str | None) -> bool:
    """Records travel as JSON lines for JSON Lines output; as dicts for Parquet, CSV and the store."""
    if is_directory_output(output):
        return (options.format or "jsonl.gz") != "parquet"
    from ..write import format_for

    return format_for(output, options.format) in ("jsonl", "jsonl.gz") and not options.db and not options.csv_dir


def _engine(options: RunOptions, as_line: bool, engine):
    if engine is not None:
        return contextlib.nullcontext(engine)  # the caller's: it closes it
    return make_engine(options.engine, workers=options.workers, address=options.address, batch_size=options.batch_size,
                       timeout=options.timeout, model=options.model, attribution_model=options.attribution_model,
                       steps=options.steps, finish=_finish(options, as_line))


def _finish(options: RunOptions, as_line: bool):
    """What the workers make of each document (engine/distilled.py): the parent only dedups and writes."""
    return functools.partial(distil, as_line, options.dedup_options if options.dedup else None)


class _Stages:
    """Where the parent's time goes (seconds, wall clock): ``summary.stages`` (bench/engine_speed.py).

    * ``read``: the input generator (opening, decompressing, decoding, JSON parsing of inputs);
    * ``engine``: handing documents to the workers and waiting for and receiving their results;
    * ``dedup``: the duplicate index and the two dedup fields added to the record (the signatures
      come from the workers);
    * ``write``: writing and compressing, opening, fsync and rename of shards."""

    def __init__(self):
        self.times = dict.fromkeys(("read", "engine", "dedup", "write"), 0.0)
        self.clock = time.perf_counter

    def reading(self, docs: Iterator[Document]) -> Iterator[Document]:
        clock, times = self.clock, self.times
        t = clock()
        for doc in docs:
            times["read"] += clock() - t
            yield doc
            t = clock()
        times["read"] += clock() - t

    def done(self) -> dict[str, float]:
        self.times["engine"] -= self.times["read"]  # the engine pulls the inputs: reading happened inside it
        return {k: round(v, 3) for k, v in self.times.items()}


def _run_stream(files: list[str], output: str | None, options: RunOptions, engine=None) -> RunSummary:
    from ..write import format_for, open_writer

    fmt = format_for(output, options.format)
    summary, dedup, stages = RunSummary(), _marker(options), _Stages()
    as_line = _as_line(options, output)
    indexed = deque()

    def docs() -> Iterator[Document]:
        for index, _, documents in read_files(files, options.read):  # remote small files fetched ahead
            for doc in documents:
                indexed.append(index)
                yield doc

    from ..corpus.store import indexing

    with (open_writer(output, fmt, options.read.storage) as writer, _csv(options) as csv, RunProgress(options.progress, len(files)) as bar,
          indexing(options.db) as index,
          _engine(options, as_line, engine) as engine):
        clock, times = stages.clock, stages.times
        t0 = clock()
        for item in engine.map(stages.reading(docs())):
            t1 = clock()
            rule, drop = dedup(item)
            t2 = clock()
            _count(summary, item, rule, drop)
            if not drop:
                if as_line:
                    writer.write_line(item.line)
                else:
                    record = item.record
                    writer.write_record(record)
                    index(record)
                    if csv:
                        csv.write_record(record)
            bar.advance(indexed.popleft())
            t3 = clock()
            times["engine"] += t1 - t0
            times["dedup"] += t2 - t1
            times["write"] += t3 - t2
            t0 = t3
    summary.stages = stages.done()
    return summary


def _count(summary: RunSummary, item: Distilled, rule: str | None, drop: bool) -> None:
    summary.count(item.ok, removed=item.removed, captions=item.captions, error=item.error, where=item.where,
                  duplicate=rule, dropped=drop)


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


def _run_sharded(paths: list[str], files: list[str], output: str, options: RunOptions, engine=None) -> RunSummary:
    if "-" in files:
        raise Fatal(errors.BAD_OPTION, "stdin cannot be resumed: write a file output (-o FILE) for stdin")
    fmt = options.format or "jsonl.gz"
    shards = ShardDir(output, fmt, manifest_for(paths, files, {**options.record_options(), "format": fmt}),
                      options.read.storage)
    summary, dedup, stages = RunSummary(), _marker(options), _Stages()
    as_line = _as_line(options, output)
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
        owned = engine is None
        engine = _engine(options, as_line, None) if owned else engine
        clock, times = stages.clock, stages.times
        try:
            t0 = clock()
            for item in engine.map(stages.reading(docs())):
                t1 = clock()
                shard, file_index, file_doc = pending.popleft()
                if shard != current:
                    if current is not None:
                        shards.complete(current, shard_summary.to_dict(), first_id, last_id, end)
                    writer = shards.open(shard)
                    current, shard_summary, first_id = shard, RunSummary(), item.id
                t2 = clock()
                rule, drop = dedup(item)
                t3 = clock()
                _count(shard_summary, item, rule, drop)
                _count(summary, item, rule, drop)
                if not drop:
                    if as_line:
                        writer.write_line(item.line)
                    else:
                        writer.write_record(item.record)
                last_id, end = item.id, (file_index, file_doc)
                bar.advance(file_index)
                t4 = clock()
                times["engine"] += t1 - t0
                times["dedup"] += t3 - t2
                times["write"] += t4 - t3 + t2 - t1
                t0 = t4
            if current is not None:
                shards.complete(current, shard_summary.to_dict(), first_id, last_id, end)
        except BaseException:
            shards.abort()
            raise
        finally:
            if owned:
                engine.close()
    summary.shards = len(shards.done)
    summary.stages = stages.done()
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
