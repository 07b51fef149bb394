"""Runs every case of every tests/rules/*.yml fixture file (see fixtures.py for the format).

One parametrised test, ids like ``NC101-km-to-miles-rounded``; the full pipeline runs
(extraction, the rule, suppressions) on ``Document.from_text(case text)``. Skips cleanly while
no fixture file exists.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from numcheck.rules.loader import RuleSet, load_rules
from tests.rules.fixtures import Case, judge, load_cases

FILES = sorted(Path(__file__).parent.glob("*.yml"))
CASES = load_cases(FILES)
PARAMS = [pytest.param(case, id=case.id) for case in CASES] or [
    pytest.param(None, id="no-fixtures",
                 marks=pytest.mark.skip(reason="no rule fixture files in tests/rules/ yet"))
]


@cache
def shipped_rules() -> RuleSet:
    return load_rules()


@pytest.mark.parametrize("case", PARAMS)
def test_rule_fixture(case: Case) -> None:
    failures = judge(case, shipped_rules())
    assert not failures, f"{case.file} / {case.name}:\n  " + "\n  ".join(failures)
