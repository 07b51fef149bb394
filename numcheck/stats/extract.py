"""Find reported test statistics in text: "t(28) = 2.20, p = .03" and its many relatives.

:func:`extract_tests` returns one :class:`ReportedTest` per statistic, with everything exactly
as written (comparison signs, the digits of the statistic and of p) and its place in the
original text. It does not judge; :mod:`numcheck.stats.consistency` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from numcheck.stats.normalize import Normalized, normalize
from numcheck.stats.numbers import Written, parse_written
from numcheck.stats.patterns import ANY_P, ONE_TAILED, Pattern, compiled

_COMPARISONS = {"<=": "<=", "=<": "<=", "≤": "<=", ">=": ">=", "=>": ">=", "≥": ">="}


@dataclass(frozen=True)
class ReportedTest:
    """One test statistic as reported. ``start``/``end`` index the original text."""

    start: int
    end: int
    raw: str
    #: "t", "F", "r", "Z", "Chi2", "Q", "Qw" or "Qb" (statcheck's names)
    test_type: str
    df1: float | None
    df2: float | None
    #: sample size given with a χ² test ("N = 129") or instead of a df for r ("r(N = 95)")
    n: int | None
    #: "=", "<", ">", "<=" or ">=" as written before the statistic
    test_comp: str
    value: float
    value_text: str
    value_decimals: int
    #: "=", "<", ">", "<=", ">=" or "ns"
    p_comp: str
    p_value: float | None
    p_text: str | None
    p_decimals: int | None
    #: True when the result is in the strict APA layout statcheck reads by default
    apa: bool


@dataclass(frozen=True)
class ReportedP:
    """A p-value (or "ns") anywhere in the text, with or without a statistic."""

    start: int
    end: int
    raw: str
    p_comp: str
    p_value: float | None


# Every result ends in a p-value or "ns", so the expensive patterns only run in windows around
# such anchors (in the raw text, before normalisation, so the anchor tolerates what
# :mod:`numcheck.stats.normalize` repairs). Cost then grows with the number of p-values, not
# with the length of the document.
_ANCHOR = re.compile(
    r"[pP](?:[\s-]?values?)?[^\w<>=]{0,4}"
    r"(?:[<>=\u2264-\u2267\u2a7d\u2a7e\uff1c-\uff1e\ufe64\ufe65\uf03c-\uf03e\uf0a3\uf0b3]"
    r"|[bN](?=\W{0,3}\d|\W{0,3}\.))"
    r"|(?<![A-Za-z])[nN]\.?\s?[sS](?![A-Za-z])"
)
_BEFORE = 320  # longest statistic before its p: name, dfs, value, MSE, effect size, CI
_AFTER = 100


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _ANCHOR.finditer(text):
        lo = max(0, match.start() - _BEFORE)
        hi = min(len(text), match.end() + _AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def extract_tests(text: str, apa_only: bool = False) -> list[ReportedTest]:
    """All test statistics in ``text``, in order of appearance.

    ``apa_only`` restricts extraction to the APA layout (statcheck's default, ``apa_style =
    TRUE``); otherwise common non-APA layouts are read as well.
    """
    windows = _windows(text)
    if not windows:
        return []
    patterns = compiled(lenient=not apa_only)
    found: list[ReportedTest] = []
    for lo, hi in windows:
        found.extend(_extract_window(text, lo, hi, patterns))
    found.sort(key=lambda t: (t.start, t.end))
    return found


def _extract_window(text: str, lo: int, hi: int, patterns: tuple[Pattern, ...]
                    ) -> list[ReportedTest]:
    norm = normalize(text[lo:hi])
    taken: list[tuple[int, int]] = []
    found: list[ReportedTest] = []
    for pattern in patterns:
        for match in pattern.regex.finditer(norm.text):
            span = (match.start(), match.end())
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            test = _parse(match, pattern, norm, text, lo)
            if test is None:
                continue
            taken.append(span)
            found.append(test)
    return found


def extract_p_values(text: str) -> list[ReportedP]:
    """Every p-value and "ns" in ``text`` (statcheck's ``AllPValues``), in order."""
    result: list[ReportedP] = []
    for lo, hi in _windows(text):
        norm = normalize(text[lo:hi])
        for match in ANY_P.finditer(norm.text):
            start, end = (lo + x for x in norm.original_span(match.start(), match.end()))
            if match.group("ns"):
                result.append(ReportedP(start, end, text[start:end], "ns", None))
            else:
                result.append(ReportedP(start, end, text[start:end], match.group("pcomp"),
                                        float(match.group("p"))))
    return result


def mentions_one_tailed(text: str) -> bool:
    """Whether the text says some test was one-sided ("one-tailed", "one-sided",
    "directional"); statcheck's ``OneTailedTxt`` uses the same signal."""
    return ONE_TAILED.search(text) is not None


def _parse(
    match: re.Match[str], pattern: Pattern, norm: Normalized, text: str, offset: int
) -> ReportedTest | None:
    groups = match.groupdict()
    test_type = _test_type(pattern.family, groups["name"] or "")
    df1, df2, n = _dfs(pattern.family, groups)
    try:
        value = parse_written(groups["value"])
    except ValueError:
        return None
    sign = groups.get("sign") or ""
    negative = bool(sign) and not any(c in sign for c in "+±")
    p_comp, p_written = _p_part(groups)
    start, end = (offset + x for x in norm.original_span(match.start(), match.end()))
    return ReportedTest(
        start=start,
        end=end,
        raw=text[start:end],
        test_type=test_type,
        df1=df1,
        df2=df2,
        n=n,
        test_comp=_COMPARISONS.get(groups["comp"], groups["comp"]),
        value=-value.value if negative else value.value,
        value_text=("-" if negative else "") + value.text,
        value_decimals=value.decimals,
        p_comp=p_comp,
        p_value=p_written.value if p_written else None,
        p_text=p_written.text if p_written else None,
        p_decimals=p_written.decimals if p_written else None,
        apa=pattern.apa,
    )


def _test_type(family: str, name: str) -> str:
    if family != "Q":
        return family
    # Q, Qw (within) or Qb (between): the letters after the Q decide.
    rest = name[1:].lower()
    if "b" in rest:
        return "Qb"
    if "w" in rest:
        return "Qw"
    return "Q"


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    if text in {"l", "I"} or text.endswith((".l", ".I")):
        # A df1 of 1 typeset as the letter l or I (seen in F-tests in PDFs).
        return 1.0
    return float(text.replace(",", ""))


def _dfs(family: str, groups: dict[str, str | None]) -> tuple[float | None, float | None,
                                                                int | None]:
    n_text = groups.get("n")
    n = int(n_text.replace(",", "")) if n_text else None
    if family == "F":
        df1 = _number(groups.get("df1") or groups.get("df1b"))
        df2 = _number(groups.get("df2") or groups.get("df2b"))
        return df1, df2, None
    df = _number(groups.get("df"))
    if family == "r":
        if df is None and n is not None:
            df = float(n - 2)  # a correlation of n pairs has n - 2 degrees of freedom
        return None, df, n
    if family == "t":
        return None, df, None
    if family == "Z":
        return None, None, None
    return df, None, n  # χ² and Q: one df, in df1 (statcheck's convention)


def _p_part(groups: dict[str, str | None]) -> tuple[str, Written | None]:
    if groups.get("ns"):
        return "ns", None
    raw_comp = groups["pcomp"] or "="
    p_text = groups["p"] or ""
    return _COMPARISONS.get(raw_comp, raw_comp), parse_written(p_text)
