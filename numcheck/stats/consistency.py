"""Is a reported p-value consistent with its test statistic? Does the slip change the decision?

The logic follows statcheck (R) case by case, because its behaviour is what researchers know and
cite:

* The statistic is a rounded number, so it allows a range of p-values: "t(28) = 2.20" means
  2.195 ≤ t < 2.205 and p between p(2.205) and p(2.195). A reported "p = .04" is an *error*
  only when it lies outside that range after rounding the range to p's own decimals. Negative
  statistics are handled by their size (t = −2 and t = 2 get the same verdict).
* "<" and ">" before the statistic or p mean what they say; "ns" means p > α.
* A *decision error* is an error that flips significance at α (p = α counts as significant
  unless ``p_equal_alpha_sig`` is off).
* "p = .000" is an error by default (``p_zero_error``): no p-value is zero.
* One-tailed tests: ``one_tailed="always"`` halves every t, z and r p-value (statcheck's
  ``OneTailedTests``); ``"text"`` re-checks an error as one-tailed when the document mentions
  one-sided testing and accepts it if it then fits (statcheck's ``OneTailedTxt``); ``"never"``
  (statcheck's default) keeps two-tailed p-values but still records whether a one-tailed
  reading would fit, so a report can say so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from numcheck.stats.extract import ReportedTest
from numcheck.stats.pvalues import SYMMETRIC, compute_p

OneTailed = Literal["never", "text", "always"]


@dataclass(frozen=True)
class Options:
    alpha: float = 0.05
    #: treat p = α as significant (statcheck's ``pEqualAlphaSig``)
    p_equal_alpha_sig: bool = True
    #: count "p = .000" as an inconsistency (statcheck's ``pZeroError``)
    p_zero_error: bool = True
    one_tailed: OneTailed = "never"

    def __post_init__(self) -> None:
        if not 0 < self.alpha < 1:
            raise ValueError(f"alpha must lie between 0 and 1, got {self.alpha}")
        if self.one_tailed not in ("never", "text", "always"):
            raise ValueError(f"one_tailed must be never, text or always: {self.one_tailed!r}")


@dataclass(frozen=True)
class Verdict:
    test: ReportedTest
    #: p recomputed from the statistic as written (one-tailed when the verdict is)
    computed_p: float
    #: the range of p-values the statistic's rounding interval allows
    p_low: float
    p_high: float
    #: None when the result cannot be checked (see ``impossible``)
    error: bool | None
    decision_error: bool | None
    #: the verdict treats the test as one-tailed
    one_tailed: bool
    one_tailed_in_text: bool
    #: the error would disappear if the test were one-tailed
    one_tailed_fits: bool
    #: why the values cannot all be real (statcheck silently drops these rows)
    impossible: str | None
    #: the p-value is written as zero ("p = .000", "p < .000")
    zero_p: bool


def impossible_reason(test: ReportedTest) -> str | None:
    """Why a reported result cannot be real, or None. statcheck drops such rows unchecked."""
    p = test.p_value
    if p is not None and p > 1:
        return f"p = {test.p_text} is greater than 1"
    if p is not None and p < 0:
        return f"p = {test.p_text} is negative"
    if test.test_type == "r" and abs(test.value) > 1:
        return f"r = {test.value_text} lies outside [-1, 1]"
    if test.test_type not in SYMMETRIC and test.value < 0:
        return f"{test.test_type} = {test.value_text} is negative"
    for df in (test.df1, test.df2):
        if df is not None and df <= 0:
            return f"a test with {df:g} degrees of freedom is impossible"
    return None


def _p_range(test: ReportedTest, two_tailed: bool) -> tuple[float, float]:
    half = 0.5 * 10.0 ** -test.value_decimals
    size = abs(test.value)
    low_stat = max(size - half, 0.0)
    high_stat = size + half
    if test.test_type == "r":
        high_stat = min(high_stat, 1.0)
    p_high = compute_p(test.test_type, low_stat, test.df1, test.df2, two_tailed)
    p_low = compute_p(test.test_type, high_stat, test.df1, test.df2, two_tailed)
    return p_low, p_high


def _simple(comp: str) -> str:
    return {"<=": "<", ">=": ">"}.get(comp, comp)


def _reported(test: ReportedTest, alpha: float) -> tuple[float, str, int | None]:
    if test.p_comp == "ns":
        return alpha, ">", None
    assert test.p_value is not None
    return test.p_value, _simple(test.p_comp), test.p_decimals


def _same_number(a: float, b: float) -> bool:
    """Equal up to floating-point noise (different libraries' p-values differ by ~1e-16)."""
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300)


def _round(x: float, decimals: int | None) -> float:
    return x if decimals is None else round(x, decimals)


def is_error(test: ReportedTest, options: Options, two_tailed: bool) -> bool:
    """statcheck's inconsistency test for one result."""
    rep, p_comp, dec = _reported(test, options.alpha)
    if options.p_zero_error and rep <= 0:
        return True
    p_low, p_high = _p_range(test, two_tailed)
    test_comp = _simple(test.test_comp)
    if test_comp == "=":
        if p_comp == "=":
            return rep > _round(p_high, dec) or rep < _round(p_low, dec)
        # The statistic's rounding interval is half-open, so p never reaches its bounds:
        # "p < p_low" is wrong even when the two agree only to the last digits that R and
        # SciPy compute alike.
        if p_comp == "<":
            return rep < p_low or _same_number(rep, p_low)
        return rep > p_high or _same_number(rep, p_high)
    # "t < 2.20" (or ">"): only one side of the statistic's range is constrained, and
    # statcheck compares with the p of the bound's own rounding edge.
    if test_comp == "<":
        if p_comp == "=":
            return rep < _round(p_high, dec)
        if p_comp == "<":
            return rep < p_high
        return False
    if p_comp == "=":
        return rep > _round(p_low, dec)
    if p_comp == "<":
        return False
    return rep > p_low


def is_decision_error(test: ReportedTest, computed_p: float, options: Options) -> bool:
    """Does the reported p claim the opposite significance of the recomputed one at α?

    Mirrors statcheck's table of comparison pairs, including its asymmetries at p = α.
    """
    rep, p_comp, _ = _reported(test, options.alpha)
    a, c = options.alpha, computed_p
    test_comp = _simple(test.test_comp)
    inclusive = options.p_equal_alpha_sig

    def reported_sig() -> bool:
        return rep <= a if inclusive else rep < a

    def computed_sig() -> bool:
        return c <= a if inclusive else c < a

    if test_comp == "=":
        if p_comp == "=":
            return reported_sig() != computed_sig()
        if p_comp == "<":
            return rep <= a and (c > a if inclusive else c >= a)
        return rep >= a and (c <= a if inclusive else c < a)
    if test_comp == "<":
        if p_comp == "=":
            return (rep <= a if inclusive else rep < a) and c >= a
        if p_comp == "<":
            return rep <= a and c >= a
        return False
    if p_comp == "=":
        return (rep > a if inclusive else rep >= a) and c <= a
    if p_comp == "<":
        return False
    return rep >= a and c <= a


def check(test: ReportedTest, options: Options, one_tailed_in_text: bool = False) -> Verdict:
    """The verdict on one reported result."""
    reason = impossible_reason(test)
    zero_p = test.p_value is not None and test.p_value == 0 and test.p_comp in {"=", "<", "<="}
    two_tailed = options.one_tailed != "always"
    if reason is not None:
        return Verdict(test, math.nan, math.nan, math.nan, None, None, not two_tailed,
                       one_tailed_in_text, False, reason, zero_p)
    computed = compute_p(test.test_type, test.value, test.df1, test.df2, two_tailed)
    p_low, p_high = _p_range(test, two_tailed)
    error = is_error(test, options, two_tailed)
    decision = error and is_decision_error(test, computed, options)
    one_tailed = not two_tailed
    fits = False
    if error and two_tailed and test.test_type in SYMMETRIC:
        fits = not is_error(test, options, two_tailed=False)
        if fits and options.one_tailed == "text" and one_tailed_in_text:
            computed = compute_p(test.test_type, test.value, test.df1, test.df2, False)
            p_low, p_high = _p_range(test, False)
            error, decision, one_tailed = False, False, True
    return Verdict(test, computed, p_low, p_high, error, decision, one_tailed,
                   one_tailed_in_text, fits, None, zero_p)


def check_all(
    tests: Iterable[ReportedTest], options: Options, one_tailed_in_text: bool = False
) -> list[Verdict]:
    return [check(t, options, one_tailed_in_text) for t in tests]
