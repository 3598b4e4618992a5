"""Engines run a pipeline over a stream of documents.  Steps never import this package.

Every engine has ``map(docs) -> documents`` (same order, one out per one in), ``close()``
and is a context manager: ``local`` (a process pool, the default), ``ray`` (Ray Data
actors, :mod:`.ray_engine`) and :mod:`.serial` (this process, for the API and ``show``).
"""

from __future__ import annotations

ENGINES = ("local", "ray")


def make_engine(name: str = "local", *, workers: int | None = None, address: str | None = None,
                batch_size: int | None = None, timeout: float | None = None, model: str | None = None,
                attribution_model: str = "accurate", steps: tuple[str, ...] | None = None, finish=None):
    import functools

    from .. import errors
    from ..errors import Fatal
    from ..pipeline import configured_pipeline

    # ``steps``: names from pipeline.select_steps (None: every step), passed through, never looked at;
    # ``finish``: what a worker makes of each processed Document before sending it (local.Finish)
    factory = functools.partial(configured_pipeline, model, attribution_model, steps)

    if name == "local":
        from .local import DEFAULT_BATCH_SIZE, LocalEngine

        if address:
            raise Fatal(errors.BAD_OPTION, "--address is for --engine ray")
        return LocalEngine(workers, batch_size or DEFAULT_BATCH_SIZE, timeout=timeout, pipeline_factory=factory,
                           finish=finish)
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(workers, address=address, batch_size=batch_size, timeout=timeout, pipeline_factory=factory,
                         finish=finish)
    raise Fatal(errors.BAD_OPTION, f"unknown engine {name!r} (one of {', '.join(ENGINES)})")
