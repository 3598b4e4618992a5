"""Shared fixtures.  ../shared (seed, PolNeAR, WCXB) is read in place, never copied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# the shared helpers and checks of tests/support/ report failed asserts as test modules do
pytest.register_assert_rewrite("support")

REPO = Path(__file__).resolve().parents[1]


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

    return newsdistill.distill(seed_text, id="seed", attribution_model="fast")
