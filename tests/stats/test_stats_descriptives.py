"""Means, SDs, percentages and their sample sizes, found conservatively for the GRIM family."""

from __future__ import annotations

import pytest

from numcheck.stats.descriptives import find_descriptives


def found(text: str) -> list[tuple[str, str, str, str | None, int | None]]:
    return [(d.kind, d.value.text, d.n.text, d.sd.text if d.sd else None, d.items)
            for d in find_descriptives(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A study of 28 people found a mean score of 3.47 on the questionnaire.",
         [("mean", "3.47", "28", None, None)]),
        ("A study of 28 teenagers found a mean sleep-quality score of 3.47.",
         [("mean", "3.47", "28", None, None)]),
        ("We surveyed 28 people. Their average rating was 3.47 out of 5.",
         [("mean", "3.47", "28", None, None)]),
        ("Participants (N = 28) rated the product on a 5-item scale (M = 3.47, SD = 1.21).",
         [("mean", "3.47", "28", "1.21", 5)]),
        ("The 28 children scored an average of 7.35 out of 10.",
         [("mean", "7.35", "28", None, None)]),
        ("Group A (n = 28, M = 3.47) and group B (n = 30, M = 3.51) rated the items.",
         [("mean", "3.47", "28", None, None), ("mean", "3.51", "30", None, None)]),
        ("Ratings of the 40 students averaged 3.48 ± 0.91 on a single-item scale.",
         [("mean", "3.48", "40", "0.91", 1)]),
        ("45% of 28 respondents said they would vote again.",
         [("percent", "45", "28", None, None)]),
        ("Of the 28 respondents, 45% said yes and 30% said no.",
         [("percent", "45", "28", None, None), ("percent", "30", "28", None, None)]),
        ("In the survey, 37.5 per cent of 60 nurses reported burnout.",
         [("percent", "37.5", "60", None, None)]),
        ("Smoking was coded 0 = no, 1 = yes; the proportion of smokers was .19 "
         "(SD = .35, N = 1683).",
         [("binary", ".19", "1683", ".35", None)]),
    ],
)
def test_found(text: str, expected: list[tuple[str, str, str, str | None, int | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mean age of the 28 participants was 34.57 years.",  # continuous data
        "The 28 patients had a mean weight of 73.47 kg.",
        "It was 3.47 times more likely among the 28 children.",
        "About 45% of 28 respondents said yes.",  # approximate
        "A study of more than 28 people found a mean score of 3.47.",  # a bound, not n
        "The mean score was 3.47.",  # no sample size
        "Groups of 28 and 30 people had a mean score of 3.47.",  # which n?
        "Prices rose 3.47% across 28 countries.",
        "Of the 28 respondents surveyed in 2004, a majority agreed.",
    ],
)
def test_not_found(text: str) -> None:
    assert found(text) == []


def test_offsets_are_in_the_original_text() -> None:
    text = "A study of 28\u00a0people found a mean score of 3\u00b747 on the scale."
    (item,) = find_descriptives(text)
    assert text[item.value.start:item.value.end] == "3\u00b747"
    assert text[item.n.start:item.n.end] == "28"
