"""Registers the fake kinds of fakes.py for each test, and removes them afterwards so they
never leak into the real kind registry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from numcheck.rules.base import KINDS, register
from numcheck.rules.loader import kinds_available
from tests.engine.fakes import FAKES


@pytest.fixture(autouse=True)
def fake_kinds() -> Iterator[None]:
    kinds_available()  # real kinds first, so ours are removed cleanly

    for cls in FAKES:
        register(cls)
    yield
    for cls in FAKES:
        KINDS.pop(cls.kind, None)
