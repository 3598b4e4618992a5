"""A progress bar on stderr: documents, docs/s, input files done of the total, and ETA."""

from __future__ import annotations

import time


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


class RunProgress:
    """``advance(file_index)`` per document out; ``skip(file_index)`` per document of a completed shard.

    The ETA counts input files (known before the run): files done / time so far, on the
    files this run processed (files skipped by a resume do not inflate the speed).
    """

    REFRESH = 0.2  # seconds between bar updates

    def __init__(self, enabled: bool, total_files: int | None):
        self.enabled = enabled
        self.total = total_files
        self.docs = 0
        self.skipped = 0
        self.files_done = 0  # files before the one the last document came from
        self.files_skipped = 0
        self._last_file = -1
        self._shown = 0.0
        self._bar = None

    def __enter__(self) -> RunProgress:
        self.started = time.perf_counter()
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[info]}"),
                                 console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("distil", total=self.total, info="")
        return self

    def skip(self, file_index: int) -> None:
        self.skipped += 1
        if file_index != self._last_file:
            self.files_skipped = self.files_done = file_index
            self._last_file = file_index
        self._show()

    def advance(self, file_index: int) -> None:
        self.docs += 1
        if file_index != self._last_file:
            self.files_done = file_index
            self._last_file = file_index
        self._show()

    def _show(self, force: bool = False) -> None:
        if self._bar is None:
            return
        now = time.perf_counter()
        if not force and now - self._shown < self.REFRESH:
            return
        self._shown = now
        elapsed = max(now - self.started, 1e-9)
        info = f"{self.docs} docs  {self.docs / elapsed:.0f} docs/s"
        if self.skipped:
            info += f"  ({self.skipped} done earlier)"
        if self.total:
            info += f"  file {min(self.files_done + 1, self.total)}/{self.total}"
            processed = self.files_done - self.files_skipped
            if processed > 0:
                info += f"  ETA {_clock(elapsed / processed * (self.total - self.files_done))}"
        self._bar.update(self._task, completed=self.files_done, info=info)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
