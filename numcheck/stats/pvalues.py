"""p-values from a test statistic and its degrees of freedom.

Uses the distribution functions of :mod:`scipy.special` directly (``stdtr``, ``fdtrc``,
``chdtrc``, ``ndtr``): the same numerics as ``scipy.stats`` without its import cost.
Two-tailed for t, z and r unless asked otherwise (F, χ² and Q are one-sided by nature).
"""

from __future__ import annotations

import math

#: test types whose p-value depends on the statistic's sign only through its size
SYMMETRIC = frozenset({"t", "Z", "r"})
CHI2_LIKE = frozenset({"Chi2", "Q", "Qw", "Qb"})


def r_to_t(r: float, df: float) -> float:
    """The t statistic of a Pearson correlation r with df = n − 2."""
    if abs(r) >= 1:
        return math.copysign(math.inf, r)
    return r / math.sqrt((1 - r * r) / df)


def compute_p(
    test_type: str,
    value: float,
    df1: float | None = None,
    df2: float | None = None,
    two_tailed: bool = True,
) -> float:
    """The p-value of ``value``; ``nan`` when the dfs needed are missing or invalid."""
    # scipy costs 0.3-0.5 s to import: only a document with a test statistic pays it.
    from scipy import special

    if test_type == "t":
        if not _positive(df2):
            return math.nan
        assert df2 is not None
        p = float(special.stdtr(df2, -abs(value)))
    elif test_type == "Z":
        p = float(special.ndtr(-abs(value)))
    elif test_type == "r":
        if not _positive(df2):
            return math.nan
        assert df2 is not None
        p = float(special.stdtr(df2, -abs(r_to_t(value, df2))))
    elif test_type == "F":
        if not (_positive(df1) and _positive(df2)) or value < 0:
            return math.nan
        assert df1 is not None and df2 is not None
        p = float(special.fdtrc(df1, df2, value))
    elif test_type in CHI2_LIKE:
        if not _positive(df1) or value < 0:
            return math.nan
        assert df1 is not None
        p = float(special.chdtrc(df1, value))
    else:
        raise ValueError(f"unknown test type {test_type!r}")
    if test_type in SYMMETRIC and two_tailed:
        p *= 2
    return min(p, 1.0)


def _positive(df: float | None) -> bool:
    return df is not None and df > 0 and math.isfinite(df)
