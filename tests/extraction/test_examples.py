"""The articles in examples/ (what `make demo` shows): every planted error is found, at its
line, by the rule meant for it, and the clean article stays clean."""

from __future__ import annotations

from pathlib import Path

from numcheck.engine import check_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PLANTED = {
    ("election-poll.md", 8, "NC104"),  # 44 + 31 + 17 + 12 = 104%
    ("election-poll.md", 11, "NC103"),  # 540 of 1,200 is 45%, not 52%
    ("election-poll.md", 13, "NC108"),  # a share of voters cannot be 474%
    ("embassy-attack.md", 8, "NC102"),  # five Americans = 2 + 1 + 1
    ("forest-reserve.md", 8, "NC101"),  # 25 sq mi is 65 km², not 40
    ("forest-reserve.md", 14, "NC101"),  # 35C is 95F, not 105F
    ("jobs-report.md", 8, "NC105"),  # 1.30m → 1.45m is +11.5%, not 25%
    ("jobs-report.md", 12, "NC105"),  # 30.1m → 30.3m did not double
    ("jobs-report.md", 14, "NC109"),  # £2.5bn is not $3.2m at any exchange rate
    ("museum-anniversary.md", 8, "NC107"),  # 1971 → 2021 is the 50th anniversary
    ("museum-anniversary.md", 10, "NC107"),  # born 1936, 84 or 85 in 2021
    ("sleep-study.md", 8, "NC801"),  # GRIM: 3.47 is impossible for n = 28
    ("sleep-study.md", 10, "NC702"),  # t(26) = 2.20 gives p = .037, not .06
    ("sleep-study.md", 13, "NC804"),  # 45% of 28 is impossible
    ("storm-death-toll.md", 13, "NC106"),  # at least 46 dead, then 39
}


def test_every_planted_error_is_found_and_nothing_else() -> None:
    report = check_paths([str(EXAMPLES)])
    found = {
        (Path(f.path).name, f.line, f.rule) for f in report.findings if f.severity != "info"
    }
    assert found == PLANTED
    assert not report.problems


def test_the_clean_article_is_clean() -> None:
    report = check_paths([str(EXAMPLES / "clean-flood-relief.md")])
    assert report.findings == ()
    assert report.documents[0].claims >= 10
