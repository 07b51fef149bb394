"""Shared test helpers: where the evaluation data lives, and skipping cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SEEDS = ROOT.parent / "shared" / "seeds"


def eval_path(relative: str) -> Path:
    """A path under ../shared/eval, or a clean skip when the data is absent."""
    path = EVAL / relative
    if not path.exists():
        pytest.skip(f"evaluation data absent: {path} (../shared/eval sits beside the repo)")
    return path


def seed_path() -> Path:
    path = SEEDS / "000_a1c3290b09a2d329.txt"
    if not path.exists():
        pytest.skip(f"seed article absent: {path}")
    return path


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the test run's load and results caches out of the user's cache folder."""
    import os

    os.environ.setdefault("NUMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("numcheck-cache")))
