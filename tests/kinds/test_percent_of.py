"""Kind ``percent-of`` (NC103): the shapes of "N is P% of M", and recomputing P."""

from __future__ import annotations

import pytest

from numcheck.rules.kinds.percent_of import judge, ratios
from tests.kinds.conftest import MakeContext, RunKind

MESSAGE = "{count} of {whole} is {computed}, not {percent}"


@pytest.mark.parametrize(
    ("text", "shape", "numbers"),
    [
        ("Twelve of the 20 board members (60%) backed the sale.", "count-whole-percent",
         (12, 20, 60)),
        ("Eleven out of 12 regions, or 92%, reported growth.", "count-whole-percent",
         (11, 12, 92)),
        ("About 45% of the firm's 2,000 staff, or 900 people, will go.", "percent-whole-count",
         (900, 2000, 45)),
        ("Only 40% (eight of 20) of the clubs met the deadline.", "percent-count-whole",
         (8, 20, 40)),
        ("Some 900 staff, or 45%, of the 2,000 at the plant will go.", "count-percent-whole",
         (900, 2000, 45)),
        ("Of the 1,000 people surveyed, 450 (45%) said they would vote.",
         "of-the-whole-count-percent", (450, 1000, 45)),
    ],
)
def test_shapes(text: str, shape: str, numbers: tuple[float, float, float],
                context: MakeContext) -> None:
    (ratio,) = list(ratios(context(text)))
    assert ratio.shape == shape
    assert (ratio.count.value, ratio.whole.value, ratio.percent.value) == numbers
    verdict = judge(ratio)
    assert verdict is not None and verdict.holds


@pytest.mark.parametrize(
    "text",
    [
        "Twelve of the 20 members, 60% of whom are women, voted.",  # a share of another whole
        "He won 150 of the 650 seats (23% of the vote).",  # ditto
        "Three of the 12 clubs (up 8%) reported a profit.",  # a change
    ],
)
def test_not_a_ratio_of_the_pair(text: str, context: MakeContext) -> None:
    assert list(ratios(context(text))) == []


def test_finding_recomputes_the_percentage(run_kind: RunKind) -> None:
    (finding,) = run_kind("percent-of", "In all, 37 of the 250 schools (18.4%) failed.", MESSAGE)
    assert finding.message == "37 of 250 is 14.8%, not 18.4%"
    assert finding.explanation.startswith("37 / 250 × 100 = 14.8%; the text says 18.4%")
    assert finding.suggestion == "37 of the 250 schools (14.8%)"


def test_restated_count_is_what_the_suggestion_fixes(run_kind: RunKind) -> None:
    (finding,) = run_kind(
        "percent-of", "About 45% of the firm's 2,000 staff, or 1,200 people, will go.", MESSAGE
    )
    assert finding.suggestion == "45% of the firm's 2,000 staff, or 900"


def test_truncation_is_a_parameter(run_kind: RunKind) -> None:
    text = "Two of the three judges (66%) sided with the appellant."
    assert run_kind("percent-of", text, MESSAGE) == []
    (finding,) = run_kind("percent-of", text, MESSAGE, allow_truncation=False)
    assert finding.message == "2 of 3 is 67%, not 66%"
