"""``--engine ray``: the same pipeline on Ray Data actors (``pip install 'newsdistill[ray]'``).

* ``ray.init(address=...)`` joins a running cluster; without an address a local one is
  started (``num_cpus`` = workers, no dashboard) and shut down at the end.
* An actor class builds the pipeline in ``__init__`` (models load once per actor);
  ``ds.map_batches(_Distil, compute=ActorPoolStrategy(size=workers), batch_size=...)``.
* Documents travel pickled (a ``bytes`` column beside their sequence number), so the
  records are exactly those of the local engine; ``preserve_order`` keeps input order.
* The input stream is cut into windows of ``window`` documents, each one Ray dataset:
  the parent never holds more than a window, whatever the size of the corpus.  (Each
  window starts its actor pool afresh: one model load per actor per window.)
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Iterable, Iterator

from .. import errors
from ..errors import Fatal
from ..pipeline import default_pipeline
from ..record import Document
from .local import Finish, PipelineFactory, default_workers, finished, process_bounded

DEFAULT_BATCH_SIZE = 32
DEFAULT_WINDOW = 20_000


def _import_ray():
    try:
        import ray
        import ray.data  # noqa: F401 - Ray Data is the part we use
    except ImportError as exc:
        raise Fatal(errors.MISSING_EXTRA, f"--engine ray needs Ray Data: pip install 'newsdistill[ray]' ({exc})") from None
    return ray


class _Distil:
    """A Ray actor: builds the pipeline once, then distils batches of pickled documents."""

    def __init__(self, factory: PipelineFactory, timeout: float | None, finish: Finish | None = None):
        self.pipeline = factory()
        self.timeout = timeout
        self.finish = finish or finished

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        out = [pickle.dumps(self.finish(process_bounded(self.pipeline, pickle.loads(blob), self.timeout)), protocol=5)
               for blob in batch["doc"]]
        return {"seq": batch["seq"], "doc": np.array(out, dtype=object)}


class RayEngine:
    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None, batch_size: int | None = None,
                 timeout: float | None = None, pipeline_factory: PipelineFactory = default_pipeline,
                 window: int = DEFAULT_WINDOW, finish: Finish | None = None):
        self.ray = _import_ray()
        self.workers = workers or default_workers()
        self.address = address
        self.batch_size = batch_size or DEFAULT_BATCH_SIZE
        self.timeout = timeout
        self.factory = pipeline_factory
        self.window = window
        self.finish = finish
        self._started = False  # we started a local Ray (and shut it down in close)
        self._ready = False

    def _init(self) -> None:
        ray = self.ray
        if not ray.is_initialized():
            try:
                if self.address:
                    ray.init(address=self.address, log_to_driver=False)
                else:
                    ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                hint = ""
                if self.address and "RAY_AUTH_MODE" not in os.environ:
                    # Ray >= 2.5x heads started with `ray start` use token auth; a client without
                    # RAY_AUTH_MODE=token sends no token and only sees "Failed to connect"
                    hint = (" (a cluster with token authentication needs RAY_AUTH_MODE=token and its token in"
                            " ~/.ray/auth_token or RAY_AUTH_TOKEN)")
                raise Fatal(errors.RAY_UNAVAILABLE,
                            f"cannot start or join Ray ({self.address or 'local'}): {exc}{hint}") from None
            self._started = True
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False

    def map(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream = iter(docs)
        seq = 0
        while window := list(itertools.islice(stream, self.window)):
            if not self._ready:
                self._init()
                self._ready = True
            yield from self._window(window, seq)
            seq += len(window)

    def _window(self, window: list[Document], start: int) -> Iterator[Document]:
        ray = self.ray
        items = [{"seq": start + i, "doc": pickle.dumps(doc, protocol=5)} for i, doc in enumerate(window)]
        del window
        ds = ray.data.from_items(items).map_batches(
            _Distil, fn_constructor_args=(self.factory, self.timeout, self.finish),
            compute=ray.data.ActorPoolStrategy(size=self.workers), batch_size=self.batch_size, batch_format="numpy")
        expected = start
        for batch in ds.iter_batches(batch_format="numpy", batch_size=None):
            for seq, blob in zip(batch["seq"], batch["doc"]):
                if int(seq) != expected:
                    raise Fatal(errors.INTERNAL, f"Ray returned document {int(seq)} where {expected} was due")
                expected += 1
                yield pickle.loads(blob)

    def close(self) -> None:
        if self._started:
            self.ray.shutdown()
            self._started = False
        self._ready = False

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
