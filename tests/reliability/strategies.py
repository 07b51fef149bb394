"""Hypothesis strategies for news-like text: the shipped rules' own examples with their numbers
replaced, joined with arbitrary Unicode and the tokens the extractor reacts to.

Purely random text almost never holds a restatement, a list or a test statistic, so a property
about findings would hold vacuously; starting from each rule's documented example (which is
known to produce its finding) keeps the rules busy while the numbers and the noise vary.
"""

from __future__ import annotations

import re
from functools import cache

from hypothesis import strategies as st

from numcheck.rules.loader import load_rules
from numcheck.rules.selection import select_rules

# Tokens the extractor and the rules react to: bounds, units, scale words, list and change
# words, statistics, brackets and dashes.
WORDS = (
    "the a an of and or to from by at in on more than over about around nearly almost up "
    "fewer less under at least some roughly an estimated rose fell increase decrease doubled "
    "halved people killed injured troops staff jobs aged born years ago old Mr Smith, said "
    "police in Basra including of whom among them – — - : ( ) , . ; per cent percent % $ £ € "
    "km miles square kilometres mi sq ft metres m kg lb tonnes C F °C °F mph km/h bn billion "
    "million k thousand dozen half two-thirds quarter one two three four five ten hundred "
    "twenty t F r p = < > M SD n N df χ2 z Q last year in 2004 on Monday week month between"
).split()

ODD_NUMBERS = (
    "1e308", "1.8e308", "10^10^10", "99999999999999999999", "9" * 400, "0.000000001",
    "1e-320", "-0", "1,0,0", "1..2", "5-10", "3/4", "½", "٣", "1 000 000", "1.5bn", "$3.2bn",
    "40C", "104F", "2.5%", "t(28) = 2.20", "p < .05", "F(2, 50) = 3.1", "r(40) = .3",
    "M = 3.45", "SD = 1.2", "n = 20", "χ2(1) = 4.1", "1960", "1,984", "2004-05-06", "10:30",
    "5th", "No 10", "10**400", "1e400 km", "−5", "0x1F", "1_000", "١٢٣",
)


def numbers() -> st.SearchStrategy[str]:
    """Numbers as news writes them, and as nobody should."""
    return st.one_of(
        st.integers(0, 10**9).map(str),
        st.integers(0, 10**7).map(lambda n: f"{n:,}"),
        st.decimals(0, 10**4, places=2, allow_nan=False, allow_infinity=False).map(str),
        st.integers(0, 999).map(lambda n: f".{n:03d}"),
        st.integers(-(10**6), -1).map(str),
        st.sampled_from(ODD_NUMBERS),
    )


_TOKEN = st.one_of(st.sampled_from(WORDS), numbers(), numbers(), st.text(max_size=6))
_SEP = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "\n\n", " (", ") ", " – ", "-", ""])


@st.composite
def noise(draw: st.DrawFn, max_tokens: int = 40) -> str:
    """Tokens the extractor reacts to, numbers and arbitrary Unicode, loosely joined."""
    parts = draw(st.lists(st.tuples(_TOKEN, _SEP), max_size=max_tokens))
    return "".join(a + b for a, b in parts)


@cache
def rule_examples() -> tuple[tuple[str, str], ...]:
    """(rule code, documented example) of every shipped document-scope rule."""
    out = []
    for rule in select_rules(load_rules()).rules:
        if rule.kind in ("builtin", "cross-article") or not rule.docs.example:
            continue
        out.append((rule.code, rule.docs.example))
    return tuple(out)


_NUMBER_IN_EXAMPLE = re.compile(r"\d+(?:[.,]\d+)*")


@st.composite
def varied_example(draw: st.DrawFn) -> str:
    """A rule's example with some of its numbers replaced (same shape: digits stay digits)."""
    _, text = draw(st.sampled_from(rule_examples()))
    pieces: list[str] = []
    at = 0
    for m in _NUMBER_IN_EXAMPLE.finditer(text):
        pieces.append(text[at : m.start()])
        if draw(st.booleans()):
            pieces.append(m.group(0))
        else:
            written = m.group(0)
            if "." in written:
                decimals = len(written.split(".")[-1])
                value = draw(st.integers(0, 10 ** (decimals + 3)))
                pieces.append(f"{value / 10**decimals:.{decimals}f}")
            else:
                pieces.append(str(draw(st.integers(0, 10 ** max(2, len(written) + 1)))))
        at = m.end()
    pieces.append(text[at:])
    return "".join(pieces)


@st.composite
def article(draw: st.DrawFn) -> str:
    """A few rule examples (numbers varied) and noise, in paragraphs."""
    parts = draw(st.lists(st.one_of(varied_example(), varied_example(), noise()), min_size=1,
                          max_size=4))
    return "\n\n".join(parts)


def dates() -> st.SearchStrategy[str | None]:
    """Publication dates: none, real ones, and junk a front matter might hold."""
    return st.one_of(st.none(), st.dates().map(str), st.text(max_size=10))
