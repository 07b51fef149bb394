"""Verdicts on reported statistics: rounding, negative values, one-tailed tests, α, zero p."""

from __future__ import annotations

import math

import pytest

from numcheck.stats.consistency import Options, Verdict, check
from numcheck.stats.extract import extract_tests
from numcheck.stats.pipeline import check_text
from numcheck.stats.pvalues import compute_p, r_to_t


def verdict(text: str, options: Options | None = None, one_tailed_text: bool = False) -> Verdict:
    tests = extract_tests(text)
    assert len(tests) == 1
    return check(tests[0], options or Options(), one_tailed_text)


def test_p_from_scipy_matches_r() -> None:
    # values from statcheck's own tests (R's pt, pf, pnorm, pchisq)
    assert compute_p("t", 2.2, None, 28) == pytest.approx(0.03622548477883782, rel=1e-12)
    assert compute_p("F", 2.2, 2, 28) == pytest.approx(0.129593224474093, rel=1e-12)
    assert compute_p("r", 0.22, None, 28) == pytest.approx(0.24273898791271156, rel=1e-12)
    assert compute_p("Z", 2.2) == pytest.approx(0.02780689502699719, rel=1e-12)
    assert compute_p("Chi2", 22.2, 28) == pytest.approx(0.7719487040329357, rel=1e-12)
    assert compute_p("Q", 22.2, 28) == compute_p("Chi2", 22.2, 28)
    assert compute_p("t", 2.2, None, 28, two_tailed=False) == pytest.approx(0.0181127, rel=1e-5)
    assert math.isinf(r_to_t(1.0, 10))
    assert compute_p("r", 1.0, None, 10) == 0.0
    assert math.isnan(compute_p("t", 2.0, None, None))


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("t(28) = 2.20, p = .036", False),
        ("t(28) = 2.20, p = .04", False),  # .0362 rounds to .04
        ("t(28) = 2.20, p = .03", True),
        ("t(28) = 2, p = .02", False),  # t = 2 stands for 1.5..2.5
        ("t(28) = 2.0, p < .05", False),
        ("t(28) = 2.20, p > .05", True),
        ("t(28) = 2.20, ns", True),
        ("F(2, 28) = 2.20, p = .13", False),
        ("r(46) = .34, p = .02", False),
        ("chi2(28) = 22.20, p = .77", False),
    ],
)
def test_inconsistency(text: str, error: bool) -> None:
    assert verdict(text).error is error


def test_negative_statistics_get_the_same_verdict_as_positive() -> None:
    # the PyPI port does not swap the rounding bounds for negative values
    for p in (".02", ".05", ".06", ".10"):
        for t in ("2", "2.0", "2.05"):
            pos = verdict(f"t(28) = {t}, p = {p}")
            neg = verdict(f"t(28) = -{t}, p = {p}")
            assert (pos.error, pos.decision_error) == (neg.error, neg.decision_error), (t, p)
            assert (pos.p_low, pos.p_high) == (neg.p_low, neg.p_high)
    assert verdict("t(28) = -2, p = .02").error is False


def test_p_range_follows_the_statistic_rounding() -> None:
    v = verdict("t(28) = 2.20, p = .036")
    assert v.p_low == pytest.approx(compute_p("t", 2.205, None, 28))
    assert v.p_high == pytest.approx(compute_p("t", 2.195, None, 28))
    assert v.p_low < v.computed_p < v.p_high


@pytest.mark.parametrize(
    ("text", "alpha", "decision"),
    [
        ("t(28) = 2.20, p = .06", 0.05, True),
        ("t(28) = 1.20, p = .03", 0.05, True),
        ("t(28) = 2.20, p = .11", 0.10, True),
        ("t(28) = 5.20, p = .02", 0.01, True),
        ("t(28) = 2.20, p = .03", 0.05, False),  # wrong but still significant
    ],
)
def test_decision_errors_at_alpha(text: str, alpha: float, decision: bool) -> None:
    assert verdict(text, Options(alpha=alpha)).decision_error is decision


def test_p_equal_alpha() -> None:
    assert verdict("t(28) = 2.20, p = .05").decision_error is False
    strict = Options(p_equal_alpha_sig=False)
    assert verdict("t(28) = 2.20, p = .05", strict).decision_error is True


def test_one_tailed_modes() -> None:
    text = "t(28) = 2.20, p = .018"
    assert verdict(text).error is True
    assert verdict(text).one_tailed_fits is True
    # "text": accepted only when the document mentions one-sided testing
    assert verdict(text, Options(one_tailed="text"), one_tailed_text=False).error is True
    accepted = verdict(text, Options(one_tailed="text"), one_tailed_text=True)
    assert (accepted.error, accepted.one_tailed) == (False, True)
    assert accepted.computed_p == pytest.approx(0.01811274238941891)
    # "always": every t, z and r test is one-tailed
    assert verdict(text, Options(one_tailed="always")).error is False
    assert verdict("t(28) = 2.20, p = .04", Options(one_tailed="always")).error is True
    # F is one-sided by nature: nothing to halve
    assert verdict("F(2, 28) = 2.20, p = .065").one_tailed_fits is False


def test_one_tailed_text_reads_the_whole_document() -> None:
    text = "All tests were one-tailed. Later: t(28) = 2.20, p = .018."
    (v,) = check_text(text, Options(one_tailed="text"))
    assert v.error is False and v.one_tailed


def test_zero_p() -> None:
    v = verdict("t(28) = 22.20, p = .000")
    assert (v.error, v.zero_p) == (True, True)
    assert verdict("t(28) = 22.20, p = .000", Options(p_zero_error=False)).error is False
    assert verdict("t(28) = 22.20, p < .000", Options(p_zero_error=False)).error is True


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("r(28) = -59, p = .0008", "outside [-1, 1]"),
        ("t(28) = 2.20, p = 1.03", "greater than 1"),
        ("t(28) = 2.20, p = -.03", "negative"),
        ("F(2, 28) = %2.20, p = .03", "negative"),
        ("t(0) = 2.20, p = .03", "degrees of freedom"),
    ],
)
def test_impossible_values_have_no_verdict(text: str, reason: str) -> None:
    v = verdict(text)
    assert v.impossible is not None and reason in v.impossible
    assert v.error is None and v.decision_error is None


def test_test_comparison_signs() -> None:
    # t < 2.20 means p above p(2.20): p = .08 fits, p = .02 does not
    assert verdict("t(28) < 2.2, p = .08").error is False
    assert verdict("t(28) < 2.2, p = .02").error is True
    assert verdict("t(28) > 2.2, p < .02").error is False
    assert verdict("t(28) > 2.2, p = .08").error is True


def test_options_are_validated() -> None:
    with pytest.raises(ValueError):
        Options(alpha=1.5)
    with pytest.raises(ValueError):
        Options(one_tailed="sometimes")  # type: ignore[arg-type]
