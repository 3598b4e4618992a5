"""Where the shared evaluation data lives: ``$NEWSDISTILL_SHARED``, else ``../shared`` beside the repository.

The folder (PolNeAR, WCXB, the seed article) is read in place, never copied; the benches and the
floor tests find it here.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """``$NEWSDISTILL_SHARED`` (resolved), else the ``shared`` folder next to the repository."""
    return Path(os.environ.get("NEWSDISTILL_SHARED", REPO.parent / "shared")).resolve()
