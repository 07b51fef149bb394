"""Extraction of reported test statistics: APA, non-APA, and what typesetting does to them."""

from __future__ import annotations

import pytest

from numcheck.stats.extract import (
    ReportedTest,
    extract_p_values,
    extract_tests,
    mentions_one_tailed,
)


def one(text: str, apa_only: bool = False) -> ReportedTest:
    found = extract_tests(text, apa_only=apa_only)
    assert len(found) == 1, found
    return found[0]


def test_apa_t_test_fields_as_written() -> None:
    t = one("The effect was significant, t(28) = 2.20, p = .03.")
    assert (t.test_type, t.df1, t.df2, t.test_comp, t.value) == ("t", None, 28.0, "=", 2.2)
    assert (t.value_text, t.value_decimals) == ("2.20", 2)
    assert (t.p_comp, t.p_value, t.p_text, t.p_decimals) == ("=", 0.03, ".03", 2)
    assert t.raw == "t(28) = 2.20, p = .03"
    assert t.apa


def test_offsets_point_into_the_original_text() -> None:
    text = "Both: t(28) = 2.20, p = .03, and F(2, 56) = 1.20, p = .31."
    found = extract_tests(text)
    assert [text[t.start:t.end] for t in found] == [t.raw for t in found]
    assert [t.test_type for t in found] == ["t", "F"]


def test_lower_case_n_in_chi_square() -> None:
    # the PyPI port misses this one
    t = one("chi2(1, n = 81) = 3.25, p = 0.07", apa_only=True)
    assert (t.test_type, t.df1, t.n) == ("Chi2", 1.0, 81)


@pytest.mark.parametrize("text", ["p=.036", "p = .036", "p =.036", "p= .036"])
def test_p_decimals_do_not_depend_on_spacing(text: str) -> None:
    assert one(f"t(28) = 2.20, {text}").p_decimals == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("t = 2.2, df = 28, p = .03", ("t", None, 28.0)),
        ("F = 3.1, df = 2, 28, p = .06", ("F", 2.0, 28.0)),
        ("χ2 = 5.2, df = 1, p = .02", ("Chi2", 1.0, None)),
        ("r = .34, n = 48, p = .02", ("r", None, 46.0)),
        ("t28 = 2.2, p = .036", ("t", None, 28.0)),
        ("t[28] = 2.2, p = .036", ("t", None, 28.0)),
        ("t(df = 28) = 2.2, p = .036", ("t", None, 28.0)),
        ("F(2; 28) = 3.1; p = .06", ("F", 2.0, 28.0)),
        ("r(N = 48) = .34, p = .02", ("r", None, 46.0)),
    ],
)
def test_non_apa_layouts(text: str, expected: tuple[str, float | None, float | None]) -> None:
    t = one(text)
    assert (t.test_type, t.df1, t.df2) == expected
    assert not t.apa
    assert extract_tests(text, apa_only=True) == []


@pytest.mark.parametrize(
    ("text", "comp", "p", "decimals"),
    [
        ("t(28) = 2.20, P = 0.036", "=", 0.036, 3),
        ("t(28) = 2.20, p ≤ .05", "<=", 0.05, 2),
        ("t(28) = 2.20, p = 3e-2", "=", 0.03, 2),
        ("t(28) = 5.20, p = 1.6 × 10-5", "=", 1.6e-5, 6),
        ("t(28) = 2.20 (p = .036)", "=", 0.036, 3),
        ("t(28) = 2.20, d = 0.83, p = .036", "=", 0.036, 3),
        ("F(2, 25) = 11.37, MSE = 236, p < .01", "<", 0.01, 2),
        ("t(28) = 2.20, 95% CI [0.1, 1.3], p = .036", "=", 0.036, 3),
        ("t(28) = 2.20, p-value = 0.036", "=", 0.036, 3),
    ],
)
def test_non_apa_p_values(text: str, comp: str, p: float, decimals: int) -> None:
    t = one(text)
    assert (t.p_comp, t.p_decimals) == (comp, decimals)
    assert t.p_value == pytest.approx(p)


def test_unicode_minus_and_odd_spacing() -> None:
    assert one("t(28) = \u22122.20, p = .03").value == -2.2
    assert one("t(553) = \u2212 4.46, p < .0001").value == -4.46
    assert one("t\u2009(28)\u00a0=\u00a02.20,\u00a0p\u202f=\u202f.03").value == 2.2
    # an en dash, as some PDFs set a minus
    assert one("z = \u20132.42, p = .016").value == -2.42


def test_garbled_minus_symbols_are_a_minus_but_plus_is_not() -> None:
    assert one("t(28) = %^&2.20, p = .03").value == -2.2
    assert one("t(28) = +2.20, p = .03").value == 2.2


def test_pdf_artefacts() -> None:
    # Symbol-font χ in the Private Use Area, a superscript 2, a "<" lost as "b"
    t = one("\uf063\u00b2(1, N = 200) = 5.30, p b .05")
    assert (t.test_type, t.df1, t.n, t.p_comp) == ("Chi2", 1.0, 200, "<")
    # Lancet-style decimal point and a zero-width space
    t = one("t(28) = 2\u00b720, p = 0\u00b7036\u200b")
    assert (t.value, t.p_value) == (2.2, 0.036)
    # a df1 of 1 typeset as the letter l
    assert one("F(l, 76) = 23.95, p < .001").df1 == 1.0
    # line breaks inside a result
    assert one("t(28) =\n2.20,\np = .03").value == 2.2


def test_thousands_separators() -> None:
    t = one("chi2(1, N = 11,455) = 1,016.78, p < .001")
    assert (t.n, t.value, t.value_decimals) == (11455, 1016.78, 2)


def test_q_test_variants() -> None:
    names = [one(f"{q}(2) = 2.20, p = .03").test_type
             for q in ("Q", "Qw", "Qwithin", "Q-within", "Qb", "Qbetween", "Q-between")]
    assert names == ["Q", "Qw", "Qw", "Qw", "Qb", "Qb", "Qb"]


@pytest.mark.parametrize(
    "text",
    [
        "T(28) = 2.20, p = .03",  # capital T is another statistic
        "Qt(28) = 2.20, p = .03",  # a subscript t
        "z(28) = 2.20, p = .03",  # z has no df
        "t(2,28) = 2.20, p = .03",  # t has one df
        "see p. 01 and t = 2.20",
        "the price (28) = 2.20, p = .03",
        "t(28) = 2,20, p = .03",  # a decimal comma: ambiguous, not read
        "x(28) = 2.20, p = .03",  # an x without its 2 is not a χ²
        "price “(28) = 2.20, p = .03",  # a quote is not a garbled χ
    ],
)
def test_not_statistics(text: str) -> None:
    assert extract_tests(text) == []


def test_impossible_values_are_extracted_for_reporting() -> None:
    assert one("r(28) = -59, p = .0008").value == -59
    assert one("t(28) = 2.20, p = 1.03").p_value == 1.03


def test_p_values_anywhere() -> None:
    found = extract_p_values("first p = .05, then ns, then p < .001 and (see p. 01)")
    assert [(p.p_comp, p.p_value) for p in found] == [("=", 0.05), ("ns", None), ("<", 0.001)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("All tests are one-tailed.", True),
        ("We used one sided tests", True),
        ("a 1-tailed test", True),
        ("the directional hypothesis", True),
        ("non-directional hypotheses", False),
        ("bidirectional effects", False),
        ("two-tailed tests", False),
    ],
)
def test_one_tailed_mentions(text: str, expected: bool) -> None:
    assert mentions_one_tailed(text) is expected
