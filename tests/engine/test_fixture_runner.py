"""The rule-fixture runner (tests/rules/fixtures.py) judges cases correctly: it can fail."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from numcheck.rules.loader import RuleSet, load_rules
from tests.engine.fakes import no_claims
from tests.rules.fixtures import judge, load_cases

PACK = """\
rules:
  - {code: T101, name: test.mark, kind: test-mark, level: error, message: "found {word}",
     enabled: false}
"""


@pytest.fixture
def ruleset(tmp_path: Path) -> RuleSet:
    pack = tmp_path / "pack.yml"
    pack.write_text(PACK, encoding="utf-8")
    return load_rules([pack], shipped=False)


def verdicts(tmp_path: Path, ruleset: RuleSet, text: str) -> dict[str, list[str]]:
    path = tmp_path / "T101.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return {c.id: judge(c, ruleset, no_claims) for c in load_cases([path])}


def test_passing_cases_hold(tmp_path: Path, ruleset: RuleSet) -> None:
    result = verdicts(tmp_path, ruleset, """\
        rule: T101
        clean:
          pass_str: nothing to see
        flagged:
          fail_str: "ok\\nvery BAD"
          message: found BAD
          line: 2
        other-word:
          fail_str: a WORSE day
          configs: {word: WORSE}
    """)
    assert result == {"T101-clean": [], "T101-flagged": [], "T101-other-word": []}


def test_wrong_expectations_fail(tmp_path: Path, ruleset: RuleSet) -> None:
    result = verdicts(tmp_path, ruleset, """\
        rule: T101
        should-pass:
          pass_str: BAD
        should-fail:
          fail_str: fine
        wrong-message:
          fail_str: BAD
          message: nope
        wrong-line:
          fail_str: BAD
          line: 3
        bad-config:
          fail_str: BAD
          configs: {tolerance: -1}
    """)
    assert result["T101-should-pass"] == ["expected no T101 finding, got: line 1: found BAD"]
    assert result["T101-should-fail"] == ["expected a T101 finding, got none"]
    assert result["T101-wrong-message"] == [
        "expected a T101 finding with message containing 'nope', got: line 1: found BAD"]
    assert result["T101-wrong-line"] == [
        "expected a T101 finding with line 3, got: line 1: found BAD"]
    assert result["T101-bad-config"][0].startswith("configs: T101.yml: rules.T101.params.tolerance")


def test_malformed_fixtures_are_failures_not_crashes(tmp_path: Path, ruleset: RuleSet) -> None:
    result = verdicts(tmp_path, ruleset, """\
        rule: T999
        both:
          pass_str: a
          fail_str: b
        typo:
          pas_str: a
        fine:
          pass_str: a
    """)
    assert result["T999-both"] == ["T101.yml: case 'both' needs exactly one of pass_str and "
                                   "fail_str"]
    assert result["T999-typo"] == ["T101.yml: case 'typo': unknown keys ['pas_str']"]
    assert result["T999-fine"] == ["T101.yml: rule T999 is defined by no rule pack"]
    (tmp_path / "broken.yml").write_text("rule: [\n", encoding="utf-8")
    (broken,) = load_cases([tmp_path / "broken.yml"])
    assert broken.error is not None and broken.id == "broken-invalid"
