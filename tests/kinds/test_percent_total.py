"""Kind ``percent-total`` (NC104): which runs of percentages are shares of one whole."""

from __future__ import annotations

import pytest

from numcheck.rules.kinds.percent_total import share_lists, total
from tests.kinds.conftest import MakeContext, RunKind

MESSAGE = "shares of one whole add up to {sum}%, {comparison}"


@pytest.mark.parametrize(
    ("text", "frame", "complete"),
    [
        ("In the poll 40% backed Labour, 35% the Conservatives and 20% the Lib Dems.",
         "gapping", False),
        ("The airline is 85% owned by the government and 15% by its staff.", "gapping", False),
        ("Japanese films took 37.5% of takings, with foreign films taking the remaining 62.5%.",
         "remainder", True),
        ("He will devote 40% of his time to Renault, 40% to Nissan and the rest to others.",
         "remainder", False),
        ("In the survey 47% said they supported the ban, with 26% against.", "complement",
         False),
        ("The poll put Labour on 34%, the Conservatives on 33% and the Lib Dems on 24%.",
         "labelled results", False),
    ],
)
def test_frames(text: str, frame: str, complete: bool, context: MakeContext) -> None:
    (shares,) = list(share_lists(context(text)))
    assert (shares.frame, shares.complete) == (frame, complete)


@pytest.mark.parametrize(
    "text",
    [
        "Some 60% of women in the industry hold degrees, compared with 45% of men.",
        "Some 87% said politicians broke promises, while 92% said they never listened.",
        "Parliament voted to cut the stake from 70% to 49% last year.",
        "The party won 45% of the vote last year and 60% this year.",
        "Some 63% thought she acted vindictively and 61% that he was right to resign.",
        "Sales grew 12% in Europe, 15% in Asia and 80% in China.",
        "In all, 53% of men agreed while 48% of women did not.",
        "In the survey 70% owned Fords and 60% Toyotas.",
        "In the UK market, BT has 60% and in the German market Deutsche Telekom 80%.",
    ],
)
def test_not_shares_of_one_whole(text: str, context: MakeContext) -> None:
    assert list(share_lists(context(text))) == []


def test_each_share_is_rounded_to_its_last_digit(context: MakeContext) -> None:
    (shares,) = list(share_lists(context(
        "The poll put Labour on 34%, the Conservatives on 33% and the Lib Dems on 34%.")))
    iv = total(shares.shares)
    assert (iv.low, iv.high) == (99.5, 102.5)


def test_over_and_short_findings(run_kind: RunKind) -> None:
    (over,) = run_kind(
        "percent-total",
        "In the poll 40% backed Labour, 35% the Conservatives and 30% the Lib Dems.", MESSAGE)
    assert over.message == "shares of one whole add up to 105%, more than 100%"
    assert over.explanation.startswith("40 + 35 + 30 = 105% (103.5–106.5%")
    assert len(over.evidence) == 3
    (short,) = run_kind(
        "percent-total",
        "Of the votes cast, 52% went to the mayor and the remaining 38% to her rival.", MESSAGE)
    assert short.message == "shares of one whole add up to 90%, well short of 100% for a " \
                            "complete list"


def test_slack_and_short_by_params(run_kind: RunKind) -> None:
    over = "In the poll 40% backed Labour, 35% the Conservatives and 30% the Lib Dems."
    assert not run_kind("percent-total", over, MESSAGE, slack=4)
    short = "Of the votes cast, 52% went to the mayor and the remaining 38% to her rival."
    assert not run_kind("percent-total", short, MESSAGE, short_by=10)
