"""User regexes in rule packs cannot hang a run (issue 9, part 4).

Two layers, each tested on its own: the static check refuses the textbook catastrophic
patterns when the pack loads (a pack error naming file, line and key), and the time limit stops
a pattern that passes the check but still backtracks exponentially (a problem for that one
document; the other documents are checked and their findings kept).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from numcheck.documents import Document
from numcheck.engine import check_documents
from numcheck.rules.loader import PackError, load_rules, parse_pack, shipped_pack_paths
from numcheck.rules.selection import RuleSelection
from numcheck.safe_regex import PatternTimeout, SafePattern, UnsafePattern, any_of, check

PACK = """\
rules:
  - code: U101
    name: user.parts
    kind: part-whole
    level: error
    message: "{total}, but the parts add up to {parts}"
    params:
      partial_triggers: [including, {pattern}]
"""


def pack(pattern: str) -> str:
    return PACK.replace("{pattern}", yaml.safe_dump(pattern, default_style="'").strip())


@pytest.mark.parametrize("pattern", [
    r"(a+)+$", r"(\w+\s?)*end", r"(?:x*)*", r"(a{1,3})+b", r"(?=(a+)+)b", r"(a)\1",
    "x" * 501,
])
def test_static_check_refuses_catastrophic_patterns(pattern: str) -> None:
    with pytest.raises(UnsafePattern):
        check(pattern)


@pytest.mark.parametrize("pattern", [
    r"including", r"among\s+(?:them|whom)", r"(?:\w+\s+){0,3}of", r"(ab{2})+", r"[–—:]",
])
def test_static_check_accepts_ordinary_patterns(pattern: str) -> None:
    check(pattern)


def test_every_shipped_pattern_passes_the_check() -> None:
    # load_rules validates every "format": "regex" parameter with the safe checker.
    assert load_rules()
    assert shipped_pack_paths()


def test_pack_with_nested_quantifier_is_a_pack_error_naming_file_line_and_key() -> None:
    with pytest.raises(PackError) as info:
        parse_pack(pack(r"(\w+\s?)+:"), "mine.yml")
    (error,) = info.value.errors
    assert error.startswith("mine.yml:8: U101.params.partial_triggers[1]: ")
    assert "is refused: nested quantifiers" in error


def test_pattern_that_does_not_compile_keeps_the_plain_message() -> None:
    with pytest.raises(PackError) as info:
        parse_pack(pack("(unclosed"), "mine.yml")
    assert info.value.errors == (
        "mine.yml:8: U101.params.partial_triggers[1]: '(unclosed' is not a 'regex'",)


def test_overlapping_alternation_is_stopped_by_the_time_limit() -> None:
    # (x|xx)+y passes the static check but takes ~2^n steps on n x's without a y.
    pattern = SafePattern(r"(?:x|xx)+y", timeout=0.05)
    with pytest.raises(PatternTimeout, match=r"\(\?:x\|xx\)\+y"):
        pattern.finditer("x" * 60)
    assert pattern.search("xxy") is not None


def test_any_of_names_the_bad_pattern_not_the_combination() -> None:
    with pytest.raises(UnsafePattern, match="nested"):
        any_of(["including", r"(a+)+"])


def test_runaway_user_pattern_stops_one_document_and_keeps_the_others() -> None:
    rules = parse_pack(pack(r"(?:x|xx)+y"), "mine.yml")
    evil = Document.from_text(
        "The attack killed 30 people " + "x" * 70 + " 12 soldiers and 40 civilians.", "evil.md")
    good = Document.from_text(
        "The attack killed 30 people, including 12 soldiers and 40 civilians.", "good.md")
    report = check_documents([evil, good], RuleSelection.of(rules))
    assert [(f.path, f.rule) for f in report.findings] == [("good.md", "U101")]
    (problem,) = report.problems
    assert problem.path == "evil.md" and problem.severity == "error"
    assert "took more than" in problem.message and "(?:x|xx)+y" in problem.message


def test_cli_run_with_a_runaway_pattern_finishes_and_exits_2(tmp_path: Path) -> None:
    # End to end, in a child process with a hard timeout: without the time limit this run
    # would not finish in any reasonable time.
    (tmp_path / "mine.yml").write_text(pack(r"(?:x|xx)+y"), "utf-8")
    (tmp_path / "numcheck.toml").write_text('packs = ["mine.yml"]\nselect = ["U101"]\n', "utf-8")
    (tmp_path / "evil.md").write_text(
        "The attack killed 30 people " + "x" * 70 + " 12 soldiers and 40 civilians.\n", "utf-8")
    (tmp_path / "good.md").write_text(
        "The attack killed 30 people, including 12 soldiers and 40 civilians.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "numcheck", "check", "--no-cache", "--format", "json",
         "evil.md", "good.md"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "evil.md: error: rule U101 failed" in result.stderr
    assert '"path": "good.md"' in result.stdout
