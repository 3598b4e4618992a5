"""The default engine: a streaming pool of worker processes on this machine.

* Each worker builds the pipeline once (pool initializer), so models load once per worker.
* Documents travel in batches; at most ``max_in_flight`` batches are out at any time, so
  memory stays flat whatever the size of the input stream (the reader is a generator and is
  only pulled as fast as the workers free a slot).
* Results come back in input order (a batch's future is awaited in submission order), so
  the output is deterministic whatever the number of workers.
* ``workers=1``, or a stream that fits in one batch, runs in this process: no pool start-up
  for one file.
* A worker is replaced after :data:`RECYCLE_AFTER_DOCS` documents (caches such as spaCy's
  string store only grow), so memory stays flat over millions of documents.
* Workers are started with the ``forkserver`` context (``spawn`` where that is missing):
  never ``fork`` a parent that may already hold threads (spaCy/BLAS, rich's refresh thread).
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .. import errors
from ..errors import BadRecord, Fatal
from ..pipeline import Pipeline, default_pipeline
from ..record import Document
from ..timeout import time_limit
from .serial import process

PipelineFactory = Callable[[], Pipeline]
# what a worker does with each processed Document before sending it back (default: ``finished``);
# the runner passes one that returns the serialised record and its duplicate signatures (.distilled)
Finish = Callable[[Document], object]


def finished(doc: Document) -> Document:
    """What leaves a worker: the record without its in-memory parse (``nlp_doc`` is never serialised)."""
    if getattr(doc, "nlp_doc", None) is not None:
        doc.nlp_doc = None
    return doc

DEFAULT_BATCH_SIZE = 16  # documents per task: large enough to amortise pickling, small enough to balance
IN_FLIGHT_PER_WORKER = 3  # batches queued per worker: keeps every worker busy while the parent writes
RECYCLE_AFTER_DOCS = 20_000  # a worker is replaced after about this many documents: spaCy's string store
# and other per-process caches grow with every new word seen, so long runs stay flat (one model load per 20k docs)
MAX_CONSECUTIVE_DEATHS = 5  # worker deaths in a row before the run gives up (Fatal)


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ---- per-document time bound ---------------------------------------------------------------
def process_bounded(pipeline: Pipeline, doc: Document, timeout: float | None) -> Document:
    """``process`` within a wall-clock bound (SIGALRM, :mod:`newsdistill.timeout`; nests with the
    steps' own bounds; only enforced in a process's main thread, where workers run steps)."""
    try:
        with time_limit(timeout, "processing the document"):
            return process(pipeline, doc)
    except BadRecord as exc:  # only the bound raises here: process() turns step failures into records
        return doc.fail(exc.code, exc.message)


# ---- worker side ---------------------------------------------------------------------------
_worker_pipeline: Pipeline | None = None
_worker_timeout: float | None = None
_worker_finish: Finish | None = None


PARENT_CHECK_SECONDS = 1.0  # how often a worker checks that the run's process is still there


def _watch_parent(parent_pid: int) -> None:
    """End this worker once the run's process is gone.

    After ``kill -9`` of the run (the resume workflow), ProcessPoolExecutor's workers and the
    forkserver would otherwise live on forever, each holding a spaCy model (~180 MiB): the
    workers never see their queue close because the forkserver, not the run, is their parent.
    """
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            forkserver = os.getppid()
            if forkserver != parent_pid and forkserver > 1:
                # the forkserver waits for clients that no longer exist: it goes too
                with contextlib.suppress(OSError):
                    os.kill(forkserver, signal.SIGTERM)
            os._exit(1)
        except PermissionError:  # the pid was reused by another user's process: ours is gone
            os._exit(1)


THREADS_ENV = "NEWSDISTILL_THREADS"  # compute threads a step may use (the torch span model reads it)


def _init_worker(factory: PipelineFactory, timeout: float | None, parent_pid: int | None = None,
                 threads: int | None = None, finish: Finish | None = None) -> None:
    global _worker_pipeline, _worker_timeout, _worker_finish
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    if threads and THREADS_ENV not in os.environ:
        # N workers each running torch on every core would oversubscribe the machine N times
        os.environ[THREADS_ENV] = str(threads)
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="parent-watch").start()
    _worker_pipeline = factory()
    _worker_timeout = timeout
    _worker_finish = finish or finished


def _work(batch: list[Document]) -> list:
    assert _worker_pipeline is not None and _worker_finish is not None, "worker not initialised"
    return [_worker_finish(process_bounded(_worker_pipeline, doc, _worker_timeout)) for doc in batch]


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


# ---- parent side ---------------------------------------------------------------------------
class LocalEngine:
    """``engine.map(docs)`` -> processed documents (or what ``finish`` makes of them), in input order."""

    name = "local"

    def __init__(self, workers: int | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 pipeline_factory: PipelineFactory = default_pipeline, timeout: float | None = None,
                 max_in_flight: int | None = None, recycle_after: int = RECYCLE_AFTER_DOCS,
                 finish: Finish | None = None):
        self.workers = workers or default_workers()
        if self.workers < 1:
            raise Fatal(errors.BAD_OPTION, f"--workers must be at least 1, not {self.workers}")
        self.batch_size = max(1, batch_size)
        self.factory = pipeline_factory
        self.timeout = timeout
        self.max_in_flight = max_in_flight or IN_FLIGHT_PER_WORKER * self.workers
        self.recycle_after = recycle_after
        self.finish = finish or finished
        self._pool: ProcessPoolExecutor | None = None
        self._pool_docs = 0  # documents sent to the current pool
        self._pipeline: Pipeline | None = None
        self._deaths = 0

    # in-process path (workers=1, or a stream smaller than one batch)
    def _local(self, docs: Iterable[Document]) -> Iterator[Document]:
        if self._pipeline is None:
            self._pipeline = self.factory()
        for doc in docs:
            yield self.finish(process_bounded(self._pipeline, doc, self.timeout))

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_init_worker,
                                             initargs=(self.factory, self.timeout, os.getpid(),
                                                       max(1, default_workers() // self.workers), self.finish))
            self._pool_docs = 0
        return self._pool

    def map(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream = iter(docs)
        if self.workers == 1:
            yield from self._local(stream)
            return
        first = list(itertools.islice(stream, self.batch_size))
        if len(first) < self.batch_size and self._pool is None:
            yield from self._local(first)  # the whole input is one small batch: no pool start-up
            return
        batches = itertools.chain([first], _batched(stream, self.batch_size))
        yield from self._pooled(batches)

    def _pooled(self, batches: Iterator[list[Document]]) -> Iterator[Document]:
        pending: deque[tuple[Future, list[Document]]] = deque()
        try:
            for batch in batches:
                if self._pool_docs >= self.recycle_after * self.workers:
                    # recycle (ProcessPoolExecutor's max_tasks_per_child hangs on 3.11): drain, then fresh workers
                    while pending:
                        yield from self._result(*pending.popleft())
                    self.close()
                pool = self._start()  # the running pool (or a fresh one after a recycle / a worker's death)
                self._pool_docs += len(batch)
                try:
                    future = pool.submit(_work, batch)
                except BrokenProcessPool:
                    # a worker died since the last submit (seen on busy cores: the pool breaks before its
                    # futures report it): settle what is in flight (a broken batch is redone alone in a
                    # fresh pool), then submit to a fresh pool
                    while pending:
                        yield from self._result(*pending.popleft())
                    if self._pool is pool:
                        self._restart()
                    future = self._start().submit(_work, batch)
                pending.append((future, batch))
                while len(pending) >= self.max_in_flight:
                    yield from self._result(*pending.popleft())
            while pending:
                yield from self._result(*pending.popleft())
        finally:
            for future, _ in pending:
                future.cancel()

    def _result(self, future: Future, batch: list[Document]) -> list[Document]:
        try:
            return future.result()
        except BrokenProcessPool:
            return self._isolate(batch)

    def _restart(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        return self._start()

    def _isolate(self, batch: list[Document]) -> list[Document]:
        """A worker died (killed, out of memory, crashed in native code) during this batch: redo its
        documents one at a time in a fresh pool; the one that kills a worker again gets an error record."""
        out = []
        broken = True
        for doc in batch:
            result = None
            for _ in range(2):  # the document alone, twice, each time in a fresh pool if the last one broke
                pool = self._restart() if broken else self._start()
                try:
                    result = pool.submit(_work, [doc]).result()[0]
                    broken, self._deaths = False, 0
                    break
                except BrokenProcessPool:
                    broken = True
                    self._deaths += 1
                    if self._deaths > MAX_CONSECUTIVE_DEATHS:
                        self.close()
                        raise Fatal(errors.WORKER_DIED, f"worker processes keep dying ({self._deaths} in a row, last on "
                                                        f"{doc.id!r}): out of memory or a crash in native code") from None
            out.append(result if result is not None else self.finish(doc.fail(
                errors.INTERNAL, "a worker process died while processing this document (killed, out of memory, "
                                 "or a crash in native code)")))
        if broken:
            self._restart()
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _batched(it: Iterator[Document], n: int) -> Iterator[list[Document]]:
    while batch := list(itertools.islice(it, n)):
        yield batch
