"""Granularity checks for summaries of integer data: GRIM, GRIMMER, DEBIT, percentage-of-n.

A mean of n whole-number answers is a fraction k / n; a reported mean rounded to d places is
possible only if some such fraction rounds to it. GRIM (Brown & Heathers 2017) tests means and
percentages, GRIMMER (Anaya 2016; Allard's analytic version) standard deviations, DEBIT
(Heathers & Brown 2019) the mean and SD of binary (0/1) data.

The verdicts follow the R package scrutiny, whose newest versions use exact integer bounds; here
the arithmetic is done with exact fractions throughout (see :mod:`numcheck.stats.rounding`).
Each result also carries what a reader needs to act on it: the nearest values that *would* have
been possible, and nearby sample sizes for which the reported value works.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from numcheck.stats.rounding import (
    Bounds,
    Reported,
    format_fixed,
    integers_within,
    reported,
    round_fraction,
    unround,
)

#: Enumerating more candidate sums than this is pointless: with so many of them every SD fits.
MAX_CANDIDATES = 200_000


@dataclass(frozen=True)
class GrimResult:
    """GRIM verdict for a mean (or a percentage) of ``n`` respondents × ``items`` items."""

    consistent: bool
    value: Reported
    n: int
    items: int
    percent: bool
    scheme: str
    #: interval of true means (proportions for percentages) that round to the reported value
    bounds: Bounds
    #: the integer sums k (of n × items answers) whose means come closest to the reported value
    sums: tuple[int, int]
    #: the reported value's neighbours that are possible, as they would be written
    nearby: tuple[str, ...]
    #: sample sizes close to n for which the reported value is possible
    alternative_n: tuple[int, ...]
    #: share of values with this many decimals that n × items makes impossible (scrutiny's
    #: ``grim_probability``): 0 means GRIM cannot detect anything at this n
    probability: float


@dataclass(frozen=True)
class GrimmerResult:
    consistent: bool
    #: scrutiny's reason strings: "Passed all", "GRIM inconsistent",
    #: "GRIMMER inconsistent (test 1)" (no whole sum of squares fits the SD) or
    #: "GRIMMER inconsistent (test 3)" (none with the parity the sum requires)
    reason: str
    grim: GrimResult
    sd: Reported
    #: the possible SDs nearest to the reported one, as they would be written
    nearby: tuple[str, ...]


@dataclass(frozen=True)
class DebitResult:
    consistent: bool
    reason: str
    mean: Reported
    sd: Reported
    n: int
    #: SDs that binary data with a mean rounding to the reported one can have, as written
    possible_sds: tuple[str, ...]


def _as_reported(x: str | Reported) -> Reported:
    return x if isinstance(x, Reported) else reported(x)


def _check_n(n: int, items: int, minimum: int = 1) -> None:
    if n < minimum or items < 1:
        raise ValueError(f"n must be at least {minimum} and items at least 1 (got {n}, {items})")


def grim(
    x: str | Reported,
    n: int,
    items: int = 1,
    percent: bool = False,
    scheme: str = "up_or_down",
    symmetric: bool = False,
) -> GrimResult:
    """GRIM: can ``n`` respondents answering ``items`` whole-number items have the mean ``x``?

    ``x`` is the value as written ("5.20" has two decimals). With ``percent`` it is a
    percentage ("45" for 45 %) and the test is whether some whole count out of ``n × items``
    gives it.
    """
    _check_n(n, items)
    value = _as_reported(x)
    scale = Fraction(1, 100) if percent else Fraction(1)
    bounds = unround(value, scheme, symmetric).scaled(scale)
    total = n * items
    first, last = integers_within(bounds, total)
    target = value.value * scale
    below = math.floor(target * total)
    decimals = value.decimals + (2 if percent else 0)
    return GrimResult(
        consistent=first <= last,
        value=value,
        n=n,
        items=items,
        percent=percent,
        scheme=scheme,
        bounds=bounds,
        sums=(below, below + 1),
        nearby=_nearby_means(target, total, value.decimals, percent, scheme),
        alternative_n=_alternative_n(bounds, n, items),
        probability=float(max(Fraction(0), 1 - Fraction(total, 10**decimals))),
    )


def _nearby_means(
    target: Fraction, total: int, decimals: int, percent: bool, scheme: str
) -> tuple[str, ...]:
    """The rounded means of the whole sums just below and just above the reported value."""
    below = math.floor(target * total)
    factor = 100 if percent else 1
    values = {rounded for k in (below, below + 1)
              for rounded in round_fraction(Fraction(k, total) * factor, decimals, scheme)}
    return tuple(format_fixed(v, decimals) for v in sorted(values))


def _alternative_n(bounds: Bounds, n: int, items: int, reach: int = 12) -> tuple[int, ...]:
    """The (up to three) sample sizes nearest to ``n`` for which the value is possible."""
    found: list[int] = []
    for delta in range(1, reach + 1):
        for m in (n - delta, n + delta):
            if m >= 1:
                first, last = integers_within(bounds, m * items)
                if first <= last:
                    found.append(m)
        if len(found) >= 3:
            break
    return tuple(found[:3])


def grimmer(
    x: str | Reported,
    sd: str | Reported,
    n: int,
    items: int = 1,
    scheme: str = "up_or_down",
    symmetric: bool = False,
) -> GrimmerResult:
    """GRIMMER: are the mean ``x`` and the sample SD ``sd`` of ``n`` whole-number answers
    (``items`` items each) possible together?

    For each whole sum s that GRIM allows, the SD fixes a range for the sum of squares Q
    (``Q = items² (n − 1) SD² + s² / n``); Q must be a whole number (test 1) with the same
    parity as s, because a square is odd exactly when its root is (test 3).
    """
    _check_n(n, items, minimum=2)
    mean = _as_reported(x)
    sd_value = _as_reported(sd)
    grim_result = grim(mean, n, items, scheme=scheme, symmetric=symmetric)
    if not grim_result.consistent:
        return GrimmerResult(False, "GRIM inconsistent", grim_result, sd_value, ())
    total = n * items
    first, last = integers_within(grim_result.bounds, total)
    sd_bounds = unround(sd_value, scheme, symmetric).clamp_low(Fraction(0))
    if last - first > MAX_CANDIDATES:
        return GrimmerResult(True, "Passed all (too many candidate sums to test)", grim_result,
                             sd_value, ())
    weight = items * items * (n - 1)
    furthest = 0
    for s in range(first, last + 1):
        q_first, q_last = _squares_range(sd_bounds, s, n, weight)
        if q_first > q_last:
            continue
        furthest = max(furthest, 2)
        if q_last > q_first or q_first % 2 == s % 2:
            return GrimmerResult(True, "Passed all", grim_result, sd_value, ())
    reason = "GRIMMER inconsistent (test 3)" if furthest else "GRIMMER inconsistent (test 1)"
    nearby = _nearby_sds(sd_value, sd_bounds, first, last, n, weight, scheme)
    return GrimmerResult(False, reason, grim_result, sd_value, nearby)


def _squares_range(sd_bounds: Bounds, s: int, n: int, weight: int) -> tuple[int, int]:
    """Whole sums of squares Q whose SD (given sum s) lies within ``sd_bounds``."""
    base = Fraction(s * s, n)
    q_bounds = Bounds(
        weight * sd_bounds.low**2 + base,
        weight * sd_bounds.high**2 + base,
        sd_bounds.low_closed,
        sd_bounds.high_closed,
    )
    return integers_within(q_bounds, 1)


def _nearby_sds(
    sd_value: Reported,
    sd_bounds: Bounds,
    first: int,
    last: int,
    n: int,
    weight: int,
    scheme: str,
) -> tuple[str, ...]:
    """The possible SDs closest to the reported one (below and above), as written."""
    best_low: Fraction | None = None
    best_high: Fraction | None = None
    # The sums nearest the reported mean are enough to describe the neighbourhood.
    middle = (first + last) // 2
    for s in sorted(range(first, last + 1), key=lambda k: abs(k - middle))[:25]:
        q_first, q_last = _squares_range(sd_bounds, s, n, weight)
        base = Fraction(s * s, n)
        below = q_first - 1 if (q_first - 1) % 2 == s % 2 else q_first - 2
        above = q_last + 1 if (q_last + 1) % 2 == s % 2 else q_last + 2
        for q, is_low in ((below, True), (above, False)):
            variance = (q - base) / weight
            if variance < 0:
                continue
            sd = Fraction(math.sqrt(variance))
            if is_low and (best_low is None or sd > best_low):
                best_low = sd
            if not is_low and (best_high is None or sd < best_high):
                best_high = sd
    shown: list[str] = []
    for candidate in (best_low, best_high):
        if candidate is None:
            continue
        text = format_fixed(round_fraction(candidate, sd_value.decimals, scheme)[0],
                            sd_value.decimals)
        if text not in shown:
            shown.append(text)
    return tuple(shown)


def debit(
    x: str | Reported,
    sd: str | Reported,
    n: int,
    scheme: str = "up_or_down",
    symmetric: bool = False,
) -> DebitResult:
    """DEBIT: can 0/1 data from ``n`` cases have the mean ``x`` and sample SD ``sd``?

    Binary data with k ones has mean k / n and SD² = k (n − k) / (n (n − 1)). The check asks
    whether one whole k fits both rounded values; unlike scrutiny's ``debit()``, which compares
    the SDs of the mean's two rounding bounds, it therefore also requires the mean itself to
    be a possible proportion k / n (a GRIM check), which only matters for n below 10^decimals.
    """
    _check_n(n, 1, minimum=2)
    mean = _as_reported(x)
    sd_value = _as_reported(sd)
    if not (0 <= mean.value <= 1 and 0 <= sd_value.value <= 1):
        return DebitResult(False, "mean and SD of binary data must lie between 0 and 1", mean,
                           sd_value, n, ())
    mean_bounds = unround(mean, scheme, symmetric).clamp_low(Fraction(0))
    first, last = integers_within(mean_bounds, n)
    first, last = max(first, 0), min(last, n)
    if first > last:
        return DebitResult(False, f"no count k of {n} gives a mean of {mean.text}", mean,
                           sd_value, n, ())
    sd_bounds = unround(sd_value, scheme, symmetric).clamp_low(Fraction(0))
    var_bounds = Bounds(sd_bounds.low**2, sd_bounds.high**2, sd_bounds.low_closed,
                        sd_bounds.high_closed)
    if last - first > MAX_CANDIDATES:
        return DebitResult(True, "too many candidate counts to test", mean, sd_value, n, ())
    denominator = n * (n - 1)
    for k in range(first, last + 1):
        if var_bounds.contains(Fraction(k * (n - k), denominator)):
            return DebitResult(True, "Passed", mean, sd_value, n, ())
    # k (n − k) peaks at k = n / 2, so the extremes over [first, last] are at its ends or
    # at the middle when the range straddles it.
    candidates = {first, last} | {k for k in (n // 2, (n + 1) // 2) if first <= k <= last}
    variances = [Fraction(k * (n - k), denominator) for k in candidates]
    possible: list[str] = []
    for variance in (min(variances), max(variances)):
        value = Fraction(math.sqrt(variance))
        text = format_fixed(round_fraction(value, sd_value.decimals, scheme)[0],
                            sd_value.decimals)
        if text not in possible:
            possible.append(text)
    return DebitResult(False, "SD impossible for binary data with this mean", mean, sd_value,
                       n, tuple(possible))
