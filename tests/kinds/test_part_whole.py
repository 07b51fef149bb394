"""Kind ``part-whole`` (NC102): reading lists of parts, and adding them up."""

from __future__ import annotations

import pytest

from numcheck.rules.kinds.part_whole import judge, listings
from tests.kinds.conftest import MakeContext, RunKind

MESSAGE = "{total}, but the parts listed add up to {parts}"


@pytest.mark.parametrize(
    ("text", "complete", "values"),
    [
        ("The bombing killed four Americans – two service members, a Pentagon civilian and a US "
         "contractor – in the town.", True, [2, 1, 1]),
        ("Thirty people were injured, including 12 children and eight pensioners.", False,
         [12, 8]),
        ("The new cabinet has 22 members: 12 men and 10 women.", True, [12, 10]),
        ("The force of 450 officers is made up of 300 soldiers and 150 police.", True,
         [300, 150]),
        ("Of the 30 dead, 20 were soldiers and 12 were civilians.", False, [20, 12]),
        ("The blast killed 12 people – including two children.", False, [2]),
        ("Figures show 1,200 cases: 600 in London, 400 in Birmingham and 200 elsewhere.", True,
         [600, 400, 200]),
    ],
)
def test_lists_are_read_item_by_item(
    text: str, complete: bool, values: list[float], context: MakeContext
) -> None:
    (listing,) = list(listings(context(text)))
    assert listing.complete is complete
    assert [item.value for item in listing.items] == values


@pytest.mark.parametrize(
    "text",
    [
        "The attack killed five people – two soldiers, their driver and a child.",  # uncounted
        "Chelsea have 45 points: 10 more than Arsenal and 12 ahead of Everton.",  # differences
        "The deal is worth £1bn - £500m up front and the rest in shares.",  # "the rest"
        "The service will work on two handsets - the 3230 and 7710 - at first.",  # names
        "Twenty-five countries - 10 of them new members - signed the treaty.",  # one item
    ],
)
def test_irregular_complete_lists_are_not_checked(text: str, context: MakeContext) -> None:
    assert list(listings(context(text))) == []


def test_counts_are_whole_numbers_at_the_finest_precision(context: MakeContext) -> None:
    (listing,) = list(listings(context(
        "Thirty people were injured, including 12 children and 20 pensioners.")))
    verdict = judge(listing)
    assert (verdict.total.low, verdict.total.high) == (30, 30)  # "30" beside "12" is exact
    assert (verdict.parts.low, verdict.parts.high) == (32, 32)
    assert not verdict.holds


def test_approximate_total_allows_more(run_kind: RunKind) -> None:
    assert not run_kind("part-whole", "Some 30 people were hurt, including 12 children and "
                        "20 women.", MESSAGE)


@pytest.mark.parametrize(("text", "message"), [
    ("The park had 3.5 million visitors – 2.1 million Britons and 1.9 million foreigners.",
     "3.5 million visitors, but the parts listed add up to at least 3.9 million"),
    ("The budget of £4.5bn – £2.1bn for schools and £1.9bn for hospitals – was approved.",
     "£4.5bn, but the parts listed add up to at least 3.9bn"),
])
def test_the_sum_is_written_in_the_totals_scale(run_kind: RunKind, text: str,
                                                 message: str) -> None:
    (finding,) = run_kind("part-whole", text, MESSAGE)
    assert finding.message == message


def test_complete_list_finding_and_suggestion(run_kind: RunKind) -> None:
    (finding,) = run_kind(
        "part-whole",
        "The bombing killed five Americans – two service members, a Pentagon civilian and a US "
        "contractor – in the town.",
        MESSAGE,
    )
    assert finding.message == "five Americans, but the parts listed add up to 4"
    assert finding.explanation.startswith(
        "2 (service members) + 1 (Pentagon civilian) + 1 (US contractor) = 4")
    assert finding.suggestion == "four Americans"
    assert [e.text for e in finding.evidence][:2] == ["five", "two"]


def test_partial_list_has_no_suggestion(run_kind: RunKind) -> None:
    (finding,) = run_kind(
        "part-whole", "Police arrested 14 people, among them nine men and seven women.", MESSAGE
    )
    assert finding.message == "14 people, but the parts listed add up to 16"
    assert finding.suggestion is None


def test_partial_list_may_attach_to_an_earlier_total(run_kind: RunKind) -> None:
    text = "The group has 1,500 members in 30 countries, including 500 in Britain."
    assert run_kind("part-whole", text, MESSAGE) == []


def test_trigger_params_are_used(run_kind: RunKind) -> None:
    text = "The panel of 12 experts features eight ministers plus six advisers."
    assert run_kind("part-whole", text, MESSAGE) == []
    found = run_kind("part-whole", text, MESSAGE, complete_triggers=["features"])
    assert [f.message for f in found] == ["12 experts, but the parts listed add up to 14"]
