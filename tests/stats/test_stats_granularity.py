"""GRIM, GRIMMER, DEBIT and percentage-of-n in exact arithmetic, with every rounding scheme."""

from __future__ import annotations

from fractions import Fraction

import pytest

from numcheck.stats.granularity import debit, grim, grimmer
from numcheck.stats.rounding import (
    SCHEMES,
    format_fixed,
    integers_within,
    reported,
    round_fraction,
    unround,
)


def test_reported_keeps_trailing_zeros() -> None:
    assert reported("5.20").decimals == 2
    assert reported(".50").value == Fraction(1, 2)
    assert reported("1,234.5").decimals == 1
    with pytest.raises(ValueError):
        reported("abc")


@pytest.mark.parametrize(
    ("scheme", "low_closed", "high_closed"),
    [("up_or_down", True, True), ("up", True, False), ("down", False, True),
     ("even", True, True)],
)
def test_unround_tie_inclusivity(scheme: str, low_closed: bool, high_closed: bool) -> None:
    b = unround(reported("3.47"), scheme)
    assert (b.low, b.high) == (Fraction("3.465"), Fraction("3.475"))
    assert (b.low_closed, b.high_closed) == (low_closed, high_closed)


def test_unround_directional_schemes() -> None:
    assert unround(reported("3.4"), "ceiling").describe() == "(3.3, 3.4]"
    assert unround(reported("3.4"), "floor").describe() == "[3.4, 3.5)"
    assert unround(reported("3.4"), "trunc").describe() == "[3.4, 3.5)"
    assert unround(reported("-3.4"), "trunc").describe() == "(-3.5, -3.4]"
    assert unround(reported("3.4"), "anti_trunc").describe() == "(3.3, 3.4]"
    # symmetric rounding mirrors ties of negative numbers
    assert unround(reported("-2"), "up").high_closed is False
    assert unround(reported("-2"), "up", symmetric=True).high_closed is True
    with pytest.raises(ValueError):
        unround(reported("1.0"), "banker")


def test_every_scheme_admits_the_reported_value_itself() -> None:
    for scheme in SCHEMES:
        for text in ("3.47", "-0.2", "12"):
            number = reported(text)
            assert unround(number, scheme).contains(number.value), (scheme, text)
            assert number.value in round_fraction(number.value, number.decimals, scheme)


def test_integers_within_respects_open_ends() -> None:
    b = unround(reported("0.5"), "up")  # [0.45, 0.55)
    assert integers_within(b, 20) == (9, 10)  # 11/20 = .55 excluded
    assert integers_within(unround(reported("0.5"), "down"), 20) == (10, 11)


def test_round_fraction_and_format() -> None:
    assert round_fraction(Fraction("2.345"), 2, "up_or_down") == (Fraction("2.35"),
                                                                  Fraction("2.34"))
    assert round_fraction(Fraction("2.345"), 2, "even") == (Fraction("2.34"),)
    assert format_fixed(Fraction("3.5"), 2) == "3.50"
    assert format_fixed(Fraction("-0.05"), 2) == "-0.05"


def test_grim_mean() -> None:
    bad = grim("3.47", 28)
    assert not bad.consistent
    assert bad.nearby == ("3.46", "3.50")
    assert bad.sums == (97, 98)
    assert 30 in bad.alternative_n
    assert bad.probability == pytest.approx(0.72)
    assert grim("3.46", 28).consistent
    assert grim("3.47", 28, items=4).consistent  # 4 items: 389/112 = 3.473
    assert not grim("3.47", 28, items=3).consistent  # 291/84 = 3.464, 292/84 = 3.476
    assert grim("5.19", 100).consistent  # n ≥ 10^decimals: anything goes
    assert grim("5.19", 100).probability == 0


def test_grim_depends_on_rounding_scheme_at_ties() -> None:
    # 7/8 = .875 exactly: rounds to .88 up, .87 down
    assert grim("0.88", 8, scheme="up").consistent
    assert not grim("0.88", 8, scheme="down").consistent
    assert grim("0.87", 8, scheme="down").consistent
    assert grim("0.87", 8, scheme="up_or_down").consistent
    assert grim("0.87", 8, scheme="trunc").consistent
    assert not grim("0.88", 8, scheme="trunc").consistent


def test_grim_percent() -> None:
    bad = grim("45", 28, percent=True)
    assert not bad.consistent
    assert bad.nearby == ("43", "46")  # 12/28 = 42.9 %, 13/28 = 46.4 %
    assert grim("46.4", 28, percent=True).consistent
    assert grim("50", 28, percent=True).consistent


def test_grim_rejects_bad_n() -> None:
    with pytest.raises(ValueError):
        grim("3.47", 0)


def test_grimmer() -> None:
    result = grimmer("5.23", "2.55", 35)
    assert (result.consistent, result.reason) == (False, "GRIMMER inconsistent (test 3)")
    assert result.nearby == ("2.54", "2.56")
    assert grimmer("4.74", "6.55", 31).consistent
    assert grimmer("7.22", "5.30", 38).reason == "GRIM inconsistent"
    # an SD of zero with a whole mean is possible: everyone gave the same answer
    assert grimmer("3.00", "0.00", 10).consistent
    # ... but not with a mean that is not a whole number
    assert not grimmer("3.50", "0.00", 10).consistent


def test_debit() -> None:
    assert debit("0.53", "0.50", 1683).consistent
    bad = debit("0.19", "0.35", 1683)
    assert not bad.consistent
    assert bad.possible_sds == ("0.39", "0.40")
    assert not debit("1.20", "0.30", 100).consistent  # not a proportion
    # the mean itself must be a possible proportion k / n
    assert not debit("0.33", "0.49", 10).consistent
    assert debit("0.30", "0.48", 10).consistent  # 3 of 10: SD = .483
