"""Regular expressions for reported test statistics, in two strictness levels.

``apa`` patterns accept what statcheck (R) accepts by default: APA layout, "t(28) = 2.20,
p = .03", at most one space between tokens, a comma before the p-value, a lower-case p. The
``lenient`` patterns add the layouts found in real non-APA papers and news: any spacing, square
or curly brackets, "df =" inside or after, subscript dfs ("t28"), semicolons or parentheses
around the p-value, an effect size, MSE or confidence interval in between, a capital P or
"p-value", "p ≤", and p-values in scientific notation ("3e-2", "3 × 10-4").

Each pattern has the same named groups so one parser reads them all: ``name``, ``df``, ``df1``,
``df2``, ``n``, ``comp``, ``sign``, ``value``, ``ns``, ``pcomp``, ``p``. Patterns run on text
already passed through :func:`numcheck.stats.normalize.normalize`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Test names. A letter right before the name means it is a subscript or part of a word
# ("Qt(14)", "at(28)"), so it is not the start of a statistic.
_START = r"(?<![A-Za-z])"
NAMES: dict[str, str] = {
    "t": _START + r"(?P<name>t)",
    "r": _START + r"(?P<name>r)",
    "F": _START + r"(?P<name>F)",
    "Z": _START + r"(?P<name>[zZ])",
    "Q": _START + r"(?P<name>Q\s?-?\s?(?i:within|between|w|b)?)",
    # chi: spelled out, Greek, x/X/G with a 2, or a single symbol a PDF garbled it into
    # (Private Use Area glyphs and the like; ordinary punctuation, dashes, quotes, ≤, ≥, ×
    # and ± are not candidates).
    "Chi2": r"(?P<name>"
    + _START + r"(?:Δ\s?|D)?(?:[cC]hi(?:[\s-]?squared?)?|CHI|χ|Χ)\s?[_^]?\s?2?"
    + r"|" + _START + r"(?:Δ\s?|D)?(?:[xX]|G)\s?[_^]?\s?2"
    + r"|(?<!\w)[^\w\s\x00-\x7f\u00a0-\u00bf\u00d7\u00f7\u2010-\u205e\u2264\u2265]\s?[_^]?\s?2?"
    + r")",
}


@dataclass(frozen=True)
class Spacing:
    sp: str  # between tokens
    open: str
    close: str
    df_keyword: str  # optional "df =" inside the brackets
    list_sep: str  # between df1 and df2, or df and N


APA = Spacing(sp=r"\s?", open=r"\(", close=r"\)", df_keyword="", list_sep=",")
LENIENT = Spacing(
    sp=r"\s{0,3}",
    open=r"[(\[{]",
    close=r"[)\]}]",
    df_keyword=r"(?:df\s{0,3}=\s{0,3})?",
    list_sep=r"[,;/]",
)

# Numbers have bounded digit runs and no two ways to split a digit string ("\d*\.?\d+" has
# many): a run of a million digits must cost linear time, not quadratic backtracking.
_D = r"\d{1,25}"
_NUM = rf"(?:{_D}(?:\.{_D})?|\.{_D})(?!\d)"
_INT = rf"{_D}(?!\d)"
_THOUSANDS = rf"\d{{1,3}}(?:,\d{{3}}){{1,4}}(?:\.{_D})?(?!\d)"
_COUNT = r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?!\d)"
#: p-values are written with up to ~16 decimals (statcheck's own tests do)
_P_DECIMAL = r"\d?\.\d{1,20}"


def _df_bracketed(family: str, s: Spacing) -> str:
    sp, inner = s.sp, s.df_keyword
    if family == "F":
        df1 = rf"(?P<df1>{_NUM}|[Il])"
        return rf"{s.open}{sp}{inner}{df1}{sp}{s.list_sep}{sp}(?P<df2>{_NUM}){sp}{s.close}"
    if family == "Chi2":
        n = rf"(?:{s.list_sep}{sp}[Nn]{sp}={sp}(?P<n>{_COUNT}){sp})?"
        return rf"{s.open}{sp}{inner}(?P<df>{_NUM}){sp}{n}{s.close}"
    if family == "r" and s is LENIENT:
        body = rf"(?:{inner}(?P<df>{_NUM})|[Nn]{sp}={sp}(?P<n>{_INT}))"
        return rf"{s.open}{sp}{body}{sp}{s.close}"
    return rf"{s.open}{sp}{inner}(?P<df>{_NUM}){sp}{s.close}"


def _df_subscript(family: str) -> str | None:
    """"t28 = 2.2" and "F2,28 = 3.1": dfs typeset as subscripts lose their brackets."""
    if family == "t":
        return rf"(?P<df>{_NUM})"
    if family == "F":
        return rf"(?P<df1>{_INT})\s?[,/]\s?(?P<df2>{_NUM})"
    return None


def _df_after(family: str, sp: str) -> str | None:
    """"t = 2.2, df = 28": the dfs follow the value."""
    kw = rf"df{sp}={sp}"
    if family == "F":
        return (rf"(?:{kw}(?P<df1>{_INT}){sp}[,/;]{sp}(?:df2?{sp}={sp})?(?P<df2>{_NUM})"
                rf"|df1{sp}={sp}(?P<df1b>{_INT}){sp}[,;]{sp}df2{sp}={sp}(?P<df2b>{_NUM}))")
    if family == "r":
        return rf"(?:{kw}(?P<df>{_NUM})|[Nn]{sp}={sp}(?P<n>{_INT}))"
    if family == "Chi2":
        return rf"{kw}(?P<df>{_NUM})(?:{sp}[,;]{sp}[Nn]{sp}={sp}{_COUNT})?"
    if family in {"t", "Q"}:
        return rf"{kw}(?P<df>{_NUM})"
    return None


def _value(s: Spacing) -> str:
    comp = r"[<>=]" if s is APA else r"(?:<=|>=|=<|=>|[<>=≤≥])"
    # Up to three stray symbols before the number are a minus sign mangled by typesetting
    # (statcheck reads them the same way); "+" and "±" are kept as what they say.
    sign = r"[^\w\s<>=≤≥.,;:()\[\]{}]{1,3}"
    number = rf"(?:{_THOUSANDS}|{_NUM})"
    return rf"(?P<comp>{comp}){s.sp}(?:(?P<sign>{sign}){s.sp})?(?P<value>{number})"


def _p(s: Spacing) -> str:
    ns = r"(?P<ns>(?<![A-Za-z])[nN]\.?\s?[sS]\.?(?![A-Za-z]))"
    if s is APA:
        # not the mantissa of "1.6 × 10-5", which only the lenient patterns read whole
        return (rf"(?:{ns}|p{s.sp}(?P<pcomp>[<>=]){s.sp}(?P<p>{_P_DECIMAL}(?:e-?\d{{1,3}})?)"
                r"(?!\d|\s?[×x*]\s?10))")
    sp = s.sp
    exponent = rf"{sp}(?:[eE]|[×x*]{sp}10{sp}\^?){sp}[-+]?{sp}\d{{1,3}}"
    number = rf"-?(?:{_P_DECIMAL}(?:{exponent})?|{_D}{exponent})(?!\d)"
    comp = r"(?:<=|>=|=<|=>|[<>=≤≥])"
    label = r"(?<![A-Za-z])[pP](?:[\s-]?values?)?"
    return rf"(?:{ns}|{label}{sp}(?P<pcomp>{comp}){sp}(?P<p>{number}))"


# What may stand between a statistic and its p-value in lenient mode: an MSE, an effect size or
# a confidence interval ("F(2, 25) = 11.37, MSE = 236, p < .01").
_EXTRA_LABEL = (r"(?:MS[Ee]|SE|SD|[dgbBβ]|Cohen['’]?s\s?d|partial\s?η\s?2|[ηω]\s?(?:p\s?)?2\s?p?"
                r"|R\s?2)")
_EXTRA = (rf"(?:(?:{_EXTRA_LABEL}\s{{0,3}}[=<>]\s{{0,3}}-?{_NUM}"
          r"|\d{1,2}\s?%\s?CI\s{0,3}[\[(][^\])\n]{1,40}[\])])\s{0,3}[,;]\s{0,3}){0,3}")


def _separator(s: Spacing) -> str:
    if s is APA:
        return rf"{s.sp},{s.sp}"
    return rf"{s.sp}(?:[,;:]{s.sp})?[(\[]?{s.sp}{_EXTRA}"


@dataclass(frozen=True)
class Pattern:
    family: str
    layout: str  # "apa", "bracketed", "subscript", "df-after", "no-df"
    apa: bool
    regex: re.Pattern[str]


def _compile(family: str, layout: str, apa: bool, source: str) -> Pattern:
    return Pattern(family, layout, apa, re.compile(source))


def build(lenient: bool) -> tuple[Pattern, ...]:
    """All patterns, APA ones first (they win when two match the same text)."""
    patterns: list[Pattern] = []
    for spacing, apa in ((APA, True), (LENIENT, False)):
        if apa is False and not lenient:
            break
        sp = spacing.sp
        tail = rf"{sp}{_value(spacing)}{_separator(spacing)}{_p(spacing)}"
        layout = "apa" if apa else "bracketed"
        for family, name in NAMES.items():
            if family == "Z":
                patterns.append(_compile(family, "no-df" if not apa else "apa", apa,
                                         rf"{name}{tail}"))
                continue
            df = _df_bracketed(family, spacing)
            patterns.append(_compile(family, layout, apa, rf"{name}{sp}{df}{tail}"))
        if apa:
            continue
        for family, name in NAMES.items():
            sub = _df_subscript(family)
            if sub:
                patterns.append(_compile(family, "subscript", False, rf"{name}{sub}{tail}"))
            after = _df_after(family, sp)
            if after:
                value = _value(spacing)
                source = (rf"{name}{sp}{value}{sp}[,;]{sp}{after}"
                          rf"{_separator(spacing)}{_p(spacing)}")
                patterns.append(_compile(family, "df-after", False, source))
    return tuple(patterns)


@cache
def compiled(lenient: bool) -> tuple[Pattern, ...]:
    """:func:`build`'s patterns, compiled on first use: a text with no p-value never needs
    them, and compiling them took 21 ms of the 0.23 s every numcheck process (and every
    worker's forkserver) spends importing before it checks anything."""
    return build(lenient)


#: A p-value or "ns" anywhere (for statcheck's APA factor and ``all_p_values``).
ANY_P = re.compile(
    r"(?P<ns>(?<![A-Za-z])[nN][sS](?![A-Za-z]))"
    r"|(?<![A-Za-z])[pP]\s?(?P<pcomp>[<>=])\s?(?P<p>\d?\.\d{1,20}(?:[eE]-?\d{1,3})?)(?!\d)"
)

#: A mention of one-sided testing (statcheck's ``OneTailedTxt`` search, minus "non-directional"
#: and "bidirectional", which say the opposite). Runs on raw text: hyphens and soft hyphens
#: of any kind are allowed in "one-tailed".
ONE_TAILED = re.compile(
    r"(?i:(?:one|1)[\s\-\u2010-\u2013\u00ad]{0,3}(?:tailed|sided)"
    r"|(?<![A-Za-z\-\u2010\u2011])directional)"
)
