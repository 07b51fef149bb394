"""Where the shared evaluation data lives (never copied into this repository)."""

from __future__ import annotations

import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def require(relative: str) -> Path:
    path = EVAL / relative
    if not path.exists():
        sys.exit(f"skipped: {path} is absent (the shared evaluation data sits beside the repo)")
    return path
