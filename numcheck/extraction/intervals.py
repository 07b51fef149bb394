"""The interval of values a stated number allows (DESIGN.md, "Interval semantics").

- digits written: "1.93" → [1.925, 1.935); "3,200" → [3,150, 3,250) (rounded at the last
  non-zero digit);
- approximation words widen by a tolerance (default ±10 %) on top of rounding;
- "nearly/almost X" → [X − tolerance, X];
- "more than X" → (X, ∞), "at least X" → [X, ∞), "fewer than X" → [0, X), "up to X" → [0, X];
- a share of a whole ("more than 99 per cent of ...") is capped at 100 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from numcheck.claims import Bound

DEFAULT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Bounds:
    low: float
    high: float
    low_closed: bool
    high_closed: bool


def interval(
    value: float,
    step: float,
    bound: Bound,
    ceiling: bool = False,
    cap: float | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    upper: float | None = None,
) -> Bounds:
    """The interval for ``value`` (or the range ``value``–``upper``) under ``bound``."""
    top = value if upper is None else upper
    half = step / 2
    # Counts and amounts stop at 0; "below 0C" does not (value 0 must not give the empty [0, 0)).
    floor_at = 0.0 if value > 0 else -math.inf
    if bound == "=":
        # Closed at the top when the half-step is lost below float precision (the 20-digit
        # "99999999999999999999"): [1e20, 1e20) would be empty and contradict itself.
        result = Bounds(value - half, top + half, True, half == 0 or top + half == top)
    elif bound == "~":
        if ceiling:  # nearly / almost: [X − tolerance, X]
            result = Bounds(value - abs(value) * tolerance, top, True, True)
        else:
            result = Bounds(
                value - abs(value) * tolerance - half, top + abs(top) * tolerance + half,
                True, True,
            )
    elif bound == ">":
        result = Bounds(value, math.inf, False, False)
    elif bound == ">=":
        result = Bounds(value, math.inf, True, False)
    elif bound == "<":
        result = Bounds(floor_at, top, True, False)
    else:  # "<="
        result = Bounds(floor_at, top, True, True)
    # The cap trims what rounding or a bound allows beyond it ("more than 99 per cent"); a value
    # written above it ("101%") keeps its own interval rather than an inverted one.
    if cap is not None and result.high > cap and result.low <= cap:
        result = Bounds(result.low, cap, result.low_closed, True)
    return result
