"""Kind ``conversion`` (NC101): pairing, arithmetic, wording and suggestions."""

from __future__ import annotations

import pytest

from numcheck.rules.kinds.conversion import restatements
from tests.kinds.conftest import MakeContext, RunKind

MESSAGE = "{first} is {computed}, not {stated}"

# Sentences whose restatement holds: each must be *paired* (so a pass is not a miss).
HOLDING = [
    "The coastal path is 5 km (3 miles) long.",
    "They hold fewer than 5 square kilometres in Syria, or less than 2 square miles, now.",
    "Temperatures in Seville reached 40C (104F) on Tuesday.",
    "The region has warmed by 2C (3.6F) since the 1950s.",
    "The 6ft 2in (1.88m) forward joined from Leeds.",
    "He weighed 15st 4lb (97kg) when he retired.",
    "The crash site lies 40 miles – about 65km – north of the capital.",
    "Each of the old tanks held 1.5 gallons (6.8 litres) of fuel.",
    "The reservoir holds 2bn litres, the equivalent of 440 million gallons.",
    "It was 70F (21C) in New York.",
]


@pytest.mark.parametrize("text", HOLDING)
def test_holding_restatements_are_paired_and_pass(
    text: str, context: MakeContext, run_kind: RunKind
) -> None:
    assert len(restatements(context(text))) == 1
    assert run_kind("conversion", text, MESSAGE) == []


@pytest.mark.parametrize(
    "text",
    [
        "The club paid £5m ($6m) for the striker.",  # currencies are never converted
        "Runners can choose a 5km or a 10km route.",  # one unit: alternatives
        "The team ran 5km, then 3 miles more.",  # no restatement connector
        "The fee rose 5% (2 percentage points).",  # dimensionless
        "The lake is 5km (2 miles at its narrowest) across.",  # the bracket says more
    ],
)
def test_non_restatements_are_not_paired(text: str, context: MakeContext) -> None:
    assert restatements(context(text)) == []


def test_design_example_message_explanation_and_suggestion(run_kind: RunKind) -> None:
    (finding,) = run_kind(
        "conversion", "The forest covers 25 square miles (40 square kilometres).", MESSAGE
    )
    assert finding.message == "25 square miles is 64.7 km², not 40 km²"
    assert finding.explanation.startswith("25 sq mi × 2.59 (sq mi → km²) = 64.75 km²")
    assert "the text says 40 km² (35–45 allowed by rounding)" in finding.explanation
    assert finding.suggestion == "25 square miles (65 square kilometres)"
    assert [e.text for e in finding.evidence] == ["25 square miles", "40 square kilometres"]


def test_a_suggestion_is_written_in_the_scale_the_text_used(run_kind: RunKind) -> None:
    # "2.1 billion gallons" was rewritten "1,300,000,000 billion gallons".
    (finding,) = run_kind(
        "conversion", "The reservoir holds 5 billion litres (2.1 billion gallons).", MESSAGE)
    assert finding.suggestion == "5 billion litres (1.3 billion gallons)"
    # and so is the message
    assert finding.message == "5 billion litres is 1.32 billion gal, not 2.1 billion gal"


def test_temperatures_are_affine_and_read_to_the_digit(run_kind: RunKind) -> None:
    (finding,) = run_kind("conversion", "Seville reached 40C (100F) on Tuesday.", MESSAGE)
    assert finding.message == "40C is 104°F, not 100°F"
    assert "× 1.8 + 32" in finding.explanation
    assert finding.suggestion == "40C (104F)"


def test_temperature_difference_converts_without_offset(run_kind: RunKind) -> None:
    (finding,) = run_kind("conversion", "It has warmed by 2C (5.6F) since 1950.", MESSAGE)
    assert "3.6°F" in finding.message
    assert "+ 32" not in finding.explanation


def test_compound_measure_is_read_whole(run_kind: RunKind) -> None:
    (finding,) = run_kind("conversion", "The 6ft 2in (1.68m) forward signed.", MESSAGE)
    assert finding.message == "6ft 2in is 1.88 m, not 1.68 m"
    assert finding.evidence[0].text == "6ft 2in"
    assert finding.suggestion == "6ft 2in (1.88m)"


def test_bound_direction_rounds_the_suggestion_safely(run_kind: RunKind) -> None:
    (finding,) = run_kind("conversion", "Snow lay 2m deep, or more than 9ft, in places.", MESSAGE)
    assert finding.suggestion == "2m deep, or more than 6.5ft"


def test_tolerance_absorbs_rounded_conversion_factors(run_kind: RunKind) -> None:
    text = "The bridge is 100.0 miles (158.5km) long."  # 160.9 km; 1.5% off
    assert run_kind("conversion", text, MESSAGE, tolerance=0.0)
    assert not run_kind("conversion", text, MESSAGE, tolerance=0.02)
