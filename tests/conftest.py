"""Shared fixtures.  ../shared (seed, PolNeAR, WCXB) is read in place, never copied."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_module(path: Path, name: str | None = None):
    """Execute a bench script (or a test file) as a module, afresh on each call. It is registered in
    sys.modules (dataclasses need their module there) and bench/ is on sys.path, so scripts that
    import each other (``from attribution_eval import ...``) work."""
    bench = str(REPO / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    name = name or path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_bench(name: str):
    """``bench/<name>.py`` as a module (see :func:`load_module`)."""
    return load_module(REPO / "bench" / f"{name}.py")


def shared_path() -> Path:
    return Path(os.environ.get("NEWSDISTILL_SHARED", REPO.parent / "shared")).resolve()


SEED_NAME = "seed/000_efc30bb2d1477963.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    if not path.is_dir():
        pytest.skip(f"../shared not found at {path}: tests on shared data need it (set NEWSDISTILL_SHARED)")
    return path


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / SEED_NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_text: str):
    import newsdistill

    return newsdistill.distill(seed_text, id="seed")
