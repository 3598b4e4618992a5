"""A per-document time bound that needs no threads: ``SIGALRM`` via ``signal.setitimer``.

``with time_limit(5.0, "HTML extraction"): ...`` raises
:class:`~newsdistill.errors.BadRecord` with code ``timeout`` when the block
runs longer than 5 s, so the record fails and the worker goes on with the next
document.  How it works and what it needs:

* It arms ``ITIMER_REAL``; the ``SIGALRM`` handler raises :class:`_Expired`,
  a ``BaseException`` so that library code which catches ``Exception``
  (trafilatura does, in places) cannot swallow it; the context manager turns
  it into ``BadRecord(timeout)``.
* Python runs signal handlers between bytecodes, so a single long C call
  (one lxml parse) finishes before the handler runs: inputs are capped in
  size before they get there (see ``read/html.py``).
* Signals can only be handled in the main thread of a process: elsewhere (a
  thread pool, Windows) the block runs without a bound and
  :func:`can_enforce` says so.  The engine runs steps in worker *processes*,
  in their main thread, where the bound holds.
* Nesting works: an inner limit longer than what is left of an outer one
  changes nothing; a shorter one is armed and the outer's remaining time is
  re-armed on exit.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from . import errors
from .errors import BadRecord


class _Expired(BaseException):
    """Raised by the SIGALRM handler; BaseException so ``except Exception`` does not catch it."""


def can_enforce() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, what: str = "document") -> Iterator[None]:
    if not seconds or seconds <= 0 or not can_enforce():
        yield
        return
    outer_left = signal.getitimer(signal.ITIMER_REAL)[0]
    if outer_left and outer_left <= seconds:
        yield  # an enclosing limit expires first and raises for us
        return
    armed = [True]
    token = object()

    def on_alarm(signum, frame):
        if armed[0]:
            raise _Expired(token)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired as exc:
        if exc.args and exc.args[0] is token:
            raise BadRecord(errors.TOO_SLOW, f"{what} took longer than {seconds:g} s") from None
        raise
    finally:
        try:
            armed[0] = False
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if outer_left:
                signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 0.001))
