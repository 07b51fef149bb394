"""Shared helpers of the in-sentence kinds: precision, intervals, wording."""

from __future__ import annotations

import math

import pytest

from numcheck.claims import Interval
from numcheck.extraction import extract_text
from numcheck.rules.kinds._pairing import (
    allowed,
    balanced_end,
    describe,
    fmt,
    integral,
    literal_step,
    render,
    round_to,
)


@pytest.mark.parametrize(
    ("sentence", "text", "step"),
    [
        ("Turnout was 40% on the day.", "40%", 1.0),
        ("Turnout was 4.5% on the day.", "4.5%", 0.1),
        ("The bill came to £2.5m in all.", "£2.5m", 100_000.0),
        ("Some 2,000 people marched.", "2,000", 1.0),
        ("The club paid £30m for him.", "£30m", 1_000_000.0),
    ],
)
def test_literal_step_is_the_last_digit_written(sentence: str, text: str, step: float) -> None:
    claim = next(c for c in extract_text(sentence) if c.text == text)
    assert literal_step(claim) == pytest.approx(step)


def test_allowed_tightens_trailing_zeros_but_keeps_bounds() -> None:
    exact = next(c for c in extract_text("Turnout was 40% on the day.") if c.unit == "percent")
    assert exact.interval.low == 35.0  # the extractor reads "40" as rounded to tens
    tight = allowed(exact, literal_step(exact))
    assert (tight.low, tight.high) == (39.5, 40.5)
    bounded = next(c for c in extract_text("It took more than 40% of the vote.")
                   if c.unit == "percent")
    above = allowed(bounded, 1.0)
    assert (above.low, above.low_closed, above.high) == (40.0, False, 100.0)
    about = next(c for c in extract_text("It took about 40% of the vote.") if c.unit == "percent")
    widened = allowed(about, 1.0)
    assert widened.low == pytest.approx(35.5) and widened.high == pytest.approx(44.5)


def test_integral_reads_counts_as_whole_numbers() -> None:
    assert integral(Interval(3.5, 4.5, True, False)) == Interval(4.0, 4.0, True, True)
    assert integral(Interval(1950, 2050, True, False)) == Interval(1950, 2049, True, True)
    unbounded = integral(Interval(10, math.inf, False, False))
    assert unbounded.low == 11 and math.isinf(unbounded.high)
    assert integral(Interval(0.2, 0.8)) == Interval(0.2, 0.8)  # no whole number: unchanged


def test_describe_and_fmt_read_like_prose() -> None:
    assert describe(Interval(35, 45)) == "35–45"
    assert describe(Interval(0, 2, True, False)) == "below 2"
    assert describe(Interval(5, math.inf, False, False)) == "above 5"
    assert describe(Interval(4, 4, True, True)) == "exactly 4"
    assert fmt(64.7497, 3) == "64.7"
    assert fmt(1234567.0, 12) == "1,234,567"
    assert fmt(0.0) == "0"


def test_fmt_rounds_large_numbers_to_their_significant_figures() -> None:
    assert fmt(1_320_860_262, 3) == "1,320,000,000"
    assert fmt(64.75, 3) == "64.8"
    assert fmt(12_346, 4) == "12,350"


def test_render_keeps_unknown_placeholders() -> None:
    assert render("{a} and {b}", {"a": "x"}) == "x and {b}"
    assert render("stray { brace", {}) == "stray { brace"


def test_round_to_directions() -> None:
    assert round_to(64.75, 1) == 65
    assert round_to(1.93, 0.1, "up") == pytest.approx(2.0)
    assert round_to(6.56, 0.5, "down") == pytest.approx(6.5)


def test_balanced_end_closes_brackets() -> None:
    text = "25 miles (40 km) away"
    assert balanced_end(text, 0, text.index(")")) == text.index(")") + 1
    assert balanced_end(text, 0, 8) == 8
