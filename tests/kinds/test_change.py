"""Kind ``change`` (NC105): interval arithmetic, reading sentences, and what it concludes."""

from __future__ import annotations

import math

import pytest

from numcheck.rules.kinds.change import (
    Span,
    build_template,
    difference,
    factor_span,
    find_pairs,
    ratio,
    templates,
    tightened,
)
from tests.kinds.conftest import MakeContext, RunKind

MESSAGE = '"{stated}" does not fit {start} → {end} ({actual})'

# --------------------------------------------------------------------------- arithmetic


def test_difference_and_ratio_cover_every_value_the_ends_allow() -> None:
    a, b = Span(39.5, 40.5), Span(54.5, 55.5)
    assert difference(a, b) == Span(14.0, 16.0)
    r = ratio(a, b)
    assert r is not None
    assert r.lo == pytest.approx(54.5 / 40.5)
    assert r.hi == pytest.approx(55.5 / 39.5)


def test_ratio_refuses_a_start_that_may_be_zero_or_negative() -> None:
    assert ratio(Span(-1.0, 1.0), Span(5.0, 6.0)) is None
    assert ratio(Span(0.0, 1.0), Span(5.0, 6.0)) is None


def test_overlap_with_an_unbounded_span_is_not_swallowed_by_infinity() -> None:
    # "more than doubled" is (2, ∞); a ratio of 1.71–1.81 must not overlap it.
    assert not Span(1.71, 1.81).overlaps(Span(2.0, math.inf))
    assert Span(1.9, 2.1).overlaps(Span(2.0, math.inf))


@pytest.mark.parametrize(
    ("factor", "modifier", "expected"),
    [
        (2.0, None, Span(1.8, 2.2)),
        (2.0, "nearly", Span(1.6, 2.0)),
        (2.0, "more than", Span(2.0, math.inf)),
        (0.5, None, Span(0.45, 0.55)),
        (0.5, "more than", Span(0.0, 0.5)),  # "more than halved": below a half
        (0.5, "nearly", Span(0.5, 0.6)),  # "nearly halved": just above a half
    ],
)
def test_multiplier_words_allow_a_range_of_ratios(
    factor: float, modifier: str | None, expected: Span
) -> None:
    got = factor_span(factor, modifier, tol=0.1, loose=0.2)
    assert got.lo == pytest.approx(expected.lo)
    assert got.hi == pytest.approx(expected.hi)


# --------------------------------------------------------------------------- reading


def test_template_replaces_quantities_and_keeps_fraction_words(context: MakeContext) -> None:
    ctx = context("It fell by two-thirds to 40 from 120 in 2004.")
    (t,) = list(templates(ctx))
    assert t.text == "It fell by two-thirds to ⟦0⟧ from ⟦1⟧ in 2004."
    assert [op.value for op in t.operands] == [40, 120]


def test_ratios_and_odds_are_not_operands(context: MakeContext) -> None:
    ctx = context("Only one in 13 cards is in default, down from one in eight. Odds were cut "
                  "from 4/6 to 1/2.")
    assert all(not find_pairs(t) for t in templates(ctx))


def test_round_number_is_read_at_its_partners_precision(context: MakeContext) -> None:
    ctx = context("Sales rose from 40 to 35.")
    (t,) = list(templates(ctx))
    forty, thirty_five = t.operands
    assert forty.span == Span(35.0, 45.0)  # the extractor's reading
    assert tightened(forty, thirty_five).span == Span(39.5, 40.5)
    assert tightened(thirty_five, forty).span == thirty_five.span


def test_offsets_map_back_to_the_document(context: MakeContext) -> None:
    text = "Intro line.\nProfits rose from £20m to £45m."
    ctx = context(text)
    (t,) = list(templates(ctx))
    pos = t.text.index("rose")
    assert text[t.doc_offset(pos) : t.doc_offset(pos) + 4] == "rose"


def test_a_range_claim_splits_into_two_operands() -> None:
    from numcheck.claims import Claim

    sentence = "Turnout went from 40.5% to 45.5% in 2005."
    claim = Claim(text="40.5% to 45.5%", value=40.5, low=40.45, high=45.55, bound="=",
                  unit="percent", kind="percent", start=18, end=32, step=0.1, upper=45.5)
    t = build_template(sentence, 0, [claim])
    assert t.text == "Turnout went from ⟦0⟧ to ⟦1⟧ in 2005."
    assert [op.value for op in t.operands] == [40.5, 45.5]
    (pair,) = find_pairs(t)
    assert (pair.a.value, pair.b.value) == (40.5, 45.5)


# --------------------------------------------------------------------------- findings


def test_percentage_change_finding_explains_and_suggests(run_kind: RunKind) -> None:
    (f,) = run_kind("change", "Membership rose from 40,000 to 55,000, an increase of 25%.",
                    MESSAGE)
    assert f.message == '"an increase of 25%" does not fit 40,000 → 55,000 (+37.5%)'
    assert "(55,000 − 40,000) / 40,000 = +37.5%" in f.explanation
    assert "24.5–25.5%" in f.explanation
    assert f.suggestion == "an increase of 38%"
    assert [e.text for e in f.evidence] == ["40,000", "55,000", "an increase of 25%"]


def test_direction_finding_suggests_the_other_verb(run_kind: RunKind) -> None:
    (f,) = run_kind("change", "Profits rose 5% to £300m from £350m.", MESSAGE)
    assert "(a fall)" in f.message
    assert f.suggestion == "fell 14%"


def test_slipped_multiplier_gets_no_direction_suggestion(run_kind: RunKind) -> None:
    (f,) = run_kind("change", "Profits were 1.33bn euros in 2004, up from 246bn euros.", MESSAGE)
    assert f.suggestion is None
    assert "factor of" in f.explanation


def test_multiplier_finding_names_the_right_multiplier(run_kind: RunKind) -> None:
    (f,) = run_kind("change", "Sales doubled from 12,400 in 2020 to 37,900 last year.", MESSAGE)
    assert f.suggestion == "tripled"


def test_start_stated_in_an_earlier_sentence(run_kind: RunKind) -> None:
    later = " Unemployment fell by 30,000 to 1.4 million."
    (f,) = run_kind("change", "Unemployment stood at 1.52 million in March." + later, MESSAGE)
    assert f.suggestion == "fell by 120,000"
    assert run_kind("change", "Unemployment stood at 1.43 million in March." + later,
                    MESSAGE) == []


def test_tightening_can_be_turned_off(run_kind: RunKind) -> None:
    text = "The number of stalls rose from 40 to 35."
    assert len(run_kind("change", text, MESSAGE)) == 1
    assert run_kind("change", text, MESSAGE, tighten_round_numbers=False) == []


def test_multiplier_tolerance_is_a_parameter(run_kind: RunKind) -> None:
    text = "Sales doubled from 1,000 to 2,400 in a year."
    assert len(run_kind("change", text, MESSAGE)) == 1
    assert run_kind("change", text, MESSAGE, multiplier_tolerance=0.25) == []


@pytest.mark.parametrize(
    "text",
    [
        "Shares in the group fell 3% after profits rose from £20m to £25m.",
        "House prices rose 0.3% in November to £190,329, from £189,733 in October.",
        "The limit will be cut from 80mg to 50mg under the plans.",
        "It raised the maximum stake holding allowed to 74% from 49%.",
        "The number of flights rose from 40 a day to 45 a day, an increase of 12.5%.",
        "Oil output will rise from 2m barrels a day to 2.5m barrels a day by 2010, a rise of 25%.",
        "Profits fell 12% to £3.4m, compared with £3.9m a year earlier.",
        "Prices have more than doubled since 2000 to £180,000 from £80,000.",
        "The workforce has almost halved from 12,000 to 6,500 since 1990.",
        "Membership has tripled to 3,000 from 1,000 in five years.",
        "The tax-free allowance rises from £4,745 to £4,895, an increase of 3.2%.",
        "The firm cut its holding from 75% to 60%, a reduction of 15 percentage points.",
        "The trade deficit narrowed to £3.1bn from £4.4bn in October.",
        "The unemployment rate is set to slip below 5% by the end of the year, down from 5.6%.",
        "Profits rose 5% to £300m, against £350m forecast by analysts.",
        "The path grew from 5 miles to 6 miles, or 9.6km.",
        "The dollar fell to 1.30 against the euro from 1.28.",
        "Forecasts for growth were scaled back to 4.0% from 4.4% this year.",
        "The Labor Department revised down the jobs gains in December, from 157,000 to 133,000.",
        "The band climbed from 12 to five in the charts this week.",
        "Prices rose from 1 to 2, rose from 2 to 3, then rose from 3 to 4.",
    ],
)
def test_consistent_news_sentences_are_silent(text: str, run_kind: RunKind) -> None:
    assert run_kind("change", text, MESSAGE) == []


def test_output_is_deterministic(run_kind: RunKind) -> None:
    text = ("Sales rose from 40,000 to 55,000, an increase of 25%. Profits rose 5% to £300m "
            "from £350m. Sales doubled from 12,400 to 37,900.")
    first = run_kind("change", text, MESSAGE)
    assert len(first) == 3
    assert first == run_kind("change", text, MESSAGE)


def test_up_from_skips_an_expectation_between(run_kind: RunKind) -> None:
    text = ("The company reported a profit margin of 45.6%, less than the 47.3% forecast by "
            "analysts and down from 47.1% in the third quarter.")
    assert run_kind("change", text, MESSAGE) == []


def test_a_bound_is_dropped_from_the_suggestion(run_kind: RunKind) -> None:
    text = "The asking price fell by more than £600 from £190,329 in November to £189,733."
    (f,) = run_kind("change", text, MESSAGE)
    assert f.suggestion == "fell by £596"


def test_temperatures_have_directions_but_no_ratios(run_kind: RunKind) -> None:
    assert run_kind("change", "Temperatures rose from 10C to 15C, a rise of 20%.", MESSAGE) == []
    assert len(run_kind("change", "Temperatures rose from 10C to 5C overnight.", MESSAGE)) == 1
