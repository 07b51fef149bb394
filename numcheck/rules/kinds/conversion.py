"""Kind ``conversion``: a quantity restated in another unit must convert to what it restates.

"25 square miles (40 square kilometres)", "fewer than 5 square kilometres, or less than 2
square miles", "40C (104F)", "30 miles – about 48km – from". Both numbers are read as rounded
at their last non-zero digit (news rounds conversions to one or two significant figures), except
temperatures, which are rounded to the last digit written: a temperature has an arbitrary zero,
so "100F" never stands for "somewhere from 50F to 150F". A pair is flagged only when the two
intervals, after conversion, do not overlap. Currencies are never converted into each other;
money converts within its currency ("£4.20 (420p)", "£3m a year, or £60,000 a week").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, ClassVar

from numcheck import units
from numcheck.claims import Claim, Interval
from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._pairing import (
    BOUND_WORDS,
    allowed,
    balanced_end,
    bound_phrase,
    describe,
    digit_step,
    fmt,
    in_scale,
    label,
    literal_step,
    number_text,
    render,
    replace_number,
    round_to,
    sentence_groups,
    widen,
    with_unit,
    written_scale,
)

# --------------------------------------------------------------------------- compound measures

# "6ft 2in", "15st 4lb", "8lb 6oz": a major and a minor unit written as one measurement. The
# extractor reads only one half; without the other, "15st 4lb (97kg)" would compare 4lb with 97kg.
_MAJOR_BEFORE: Mapping[str, tuple[re.Pattern[str], str]] = {
    "inch": (re.compile(r"(\d+)\s*(?:ft|feet|foot|')\s*(?:and\s+)?$", re.I), "foot"),
    "pound": (re.compile(r"(\d+)\s*(?:st|stone|stones)\s*(?:and\s+)?$", re.I), "stone"),
    "ounce": (re.compile(r"(\d+)\s*(?:lb|lbs|pounds?)\s*(?:and\s+)?$", re.I), "pound"),
}
_MINOR_AFTER: Mapping[str, tuple[re.Pattern[str], str]] = {
    "foot": (re.compile(r"^\s*(?:and\s+)?(\d+(?:\.\d+)?)\s*(?:in|inch|inches|\")(?!\w)", re.I),
             "inch"),
    "stone": (re.compile(r"^\s*(?:and\s+)?(\d+(?:\.\d+)?)\s*(?:lb|lbs|pounds?)\b", re.I),
              "pound"),
    "pound": (re.compile(r"^\s*(?:and\s+)?(\d+(?:\.\d+)?)\s*(?:oz|ounces?)\b", re.I), "ounce"),
}


@dataclass(frozen=True)
class Measure:
    """One stated measurement: a claim, or a claim and the other half of a compound."""

    claim: Claim
    start: int
    end: int
    value: float
    allowed: Interval
    unit: str

    def text(self, document: str) -> str:
        return document[self.start : self.end]


# How far a share in words may be from the percentage it rounds: "a third" is said of 30-37%,
# "half" of 45-55%; nobody writes "a third (45%)".
_WORDS_SLACK = 0.05


def _share_in_words(claim: Claim, text: str) -> Measure | None:
    """ "a third", "two-thirds", "half of": a share written in words, as a plain number (a
    percentage restating it is a hundred times as large), read as loosely as such words are."""
    if claim.unit is not None or claim.kind != "count" or not 0 < claim.value < 1 \
            or claim.upper is not None or not re.search(r"[A-Za-z]", claim.text):
        return None
    iv = Interval(max(0.0, claim.low - _WORDS_SLACK), min(1.0, claim.high + _WORDS_SLACK),
                  True, True)
    return Measure(claim, claim.start, claim.end, claim.value, iv, "dimensionless")


def _step(claim: Claim) -> float | None:
    # Temperatures: the last digit written (see module docstring); others: the claim's own.
    return literal_step(claim) if units.is_temperature(claim.unit) else None


def _measure(claim: Claim, text: str) -> Measure:
    assert claim.unit is not None
    iv = allowed(claim, _step(claim))
    start, end, value = claim.start, claim.end, claim.value
    before = _MAJOR_BEFORE.get(claim.unit)
    if before is not None:
        m = before[0].search(text[max(0, start - 20) : start])
        if m is not None:
            extra = units.convert(float(m.group(1)), before[1], claim.unit)
            start -= len(m.group(0))
            value += extra
            iv = iv.scaled(1.0, extra)
    after = _MINOR_AFTER.get(claim.unit)
    if after is not None:
        m = after[0].match(text[end : end + 20])
        if m is not None:
            digits = m.group(1)
            minor = float(digits)
            step = 10.0 ** -(len(digits.split(".", 1)[1]) if "." in digits else 0)
            factor = units.convert(1.0, after[1], claim.unit)
            value += minor * factor
            # The minor half carries the rounding: 6ft 2in is 6ft 1.5in to 6ft 2.5in.
            iv = Interval(claim.value + (minor - step / 2) * factor,
                          claim.value + (minor + step / 2) * factor, True, False)
            end += len(m.group(0))
    return Measure(claim, start, end, value, iv, claim.unit)


# --------------------------------------------------------------------------- restatement pairs

_DASH = r"(?:\s+[-–—]\s*|\s*[–—]\s*)"
_CONNECTOR = re.compile(
    rf"^(?:\s*\(|{_DASH}|\s*,\s*or\s+|\s*,?\s+or\s+(?=(?:about|around|roughly|some|nearly"
    rf"|almost|approximately|just|more|less|fewer|over|under)\b)|\s*,\s+(?=(?:about|around"
    rf"|roughly|some|nearly|almost|approximately|equivalent|the\s+equivalent)\b)"
    rf"|\s*,?\s+(?:equivalent\s+to|the\s+equivalent\s+of)\s+)"
    rf"{BOUND_WORDS}$",
    re.I,
)
# "fewer than 5 square kilometres in Syria, or less than 2 square miles": a short phrase may
# sit between the first measure and ", or" (never a number, a clause break or a bracket).
_LEADING_PHRASE = re.compile(r"^\s+[A-Za-z][A-Za-z' -]{0,28}?(?=\s*,\s*or\s)", re.I)
# The bracket must close right after the restatement ("(40 km)", "(65km long)"): in "5km (2 miles
# at its narrowest)" the bracket says something else.
_CLOSES_BRACKET = re.compile(r"^[^()\d]{0,12}\)")
# "two-thirds of members (45%)", "half of all Palestinians - some 47%", "a third, or 45%": what
# the share is of may stand before the restatement.
_SHARE_RESTATED = re.compile(
    rf"(?:\s+of\s+[^,;()\d–—-]{{1,40}}?)?(?:\s*\(|\s*,\s*or\s+|{_DASH}){BOUND_WORDS}", re.I
)
# A temperature *difference* ("warmed by 2C (3.6F)", "1.5C above pre-industrial levels")
# converts without the 32° offset.
_DELTA_BEFORE = re.compile(
    r"\b(?:by|of|rise|rises|rose|risen|increase[sd]?|warm(?:ed|ing)|cool(?:ed|ing)|up|down"
    r"|fell|fall|drop(?:ped)?|another|extra|further|limit(?:ing)?|keep(?:ing)?|within)\s+"
    r"(?:(?:about|around|some|nearly|almost|just|more|less|than|over|under|a|an|the|another)\s+)*$",
    re.I,
)
_DELTA_AFTER = re.compile(
    r"^[^.;,\d]{0,40}?\b(?:warmer|cooler|colder|hotter|higher|lower|above|below|rise|increase"
    r"|drop|fall|of\s+warming|warming|difference|change)\b",
    re.I,
)


def restates(text: str, first_end: int, second_start: int, second_end: int) -> bool:
    """Whether the quantity at ``second_start:second_end`` restates the one ending at
    ``first_end``: "X (Y)", "X, or Y", "X – about Y", "X, the equivalent of Y"."""
    gap = text[first_end:second_start]
    lead = _LEADING_PHRASE.match(gap)
    if lead is not None and not re.search(r"\d", lead.group(0)):
        gap = gap[lead.end() :]
    return _CONNECTOR.match(gap) is not None and _bracket_closes(text, gap, second_end)


def _bracket_closes(text: str, gap: str, second_end: int) -> bool:
    """A restatement opened by a bracket must close it right after itself."""
    return "(" not in gap or _CLOSES_BRACKET.match(text[second_end : second_end + 40]) is not None


# Units whose name means different sizes on either side of the Atlantic (pint's defaults are
# American): a British "gallon" is 4.55 litres, not 3.79; "tons" may be long, short or metric.
# A restatement holds when it holds under any reading.
_READINGS: Mapping[str, tuple[str, ...]] = {
    "gallon": ("gallon", "imperial_gallon"),
    "pint": ("pint", "imperial_pint"),
    "quart": ("quart", "imperial_quart"),
    "fluid_ounce": ("fluid_ounce", "imperial_fluid_ounce"),
    "ton": ("ton", "long_ton", "metric_ton"),
    "hundredweight": ("hundredweight", "long_hundredweight"),
    "barrel": ("barrel", "oil_barrel"),
    "ounce": ("ounce", "troy_ounce"),  # gold, silver and platinum are weighed in troy ounces
}


def _alternatives(unit: str) -> tuple[str, ...]:
    """``unit`` and its other readings, also inside a compound ("USD / ounce": gold is priced
    by the troy ounce)."""
    if unit in _READINGS:
        return _READINGS[unit]
    found = [unit]
    for name in dict.fromkeys(re.findall(r"[A-Za-z_]+", unit)):
        for other in _READINGS.get(name, ())[1:]:
            found.append(re.sub(rf"\b{name}\b", other, unit))
    return tuple(found)


def _readings(a: str, b: str) -> tuple[tuple[float, float], ...]:
    """(factor, offset) of every other reading of the two units."""
    found: list[tuple[float, float]] = []
    for ra in _alternatives(a):
        for rb in _alternatives(b):
            if (ra, rb) != (a, b):
                found.append(units.affine(ra, rb))
    return tuple(found)


def _convertible(a: str, b: str) -> bool:
    """Two different units of one dimension. Currencies are dimensions of their own, so money
    converts only within its currency ("£3m a year, or £60,000 a week", "£1.50 (150p)"),
    never into another ("£5m ($6m)")."""
    if a == b:
        return False
    return units.dimension(a) not in ("", "dimensionless") and units.compatible(a, b)


def _is_delta(text: str, first: Measure, second: Measure) -> bool:
    if first.claim.change or second.claim.change:
        return True
    before = text[max(0, first.start - 40) : first.start]
    after = text[second.end : second.end + 60]
    return bool(_DELTA_BEFORE.search(before) or _DELTA_AFTER.match(after))


@dataclass(frozen=True)
class Conversion:
    first: Measure
    second: Measure
    factor: float
    offset: float
    #: (factor, offset) of the other readings of ambiguous units (see ``_READINGS``).
    others: tuple[tuple[float, float], ...] = ()

    def apply(self, x: float) -> float:
        return x * self.factor + self.offset

    @property
    def converted(self) -> Interval:
        return self.first.allowed.scaled(self.factor, self.offset)

    @property
    def restates_a_bound(self) -> bool:
        """ "fewer than 5 km², or less than 2 sq mi": the same limit written in two units."""
        return _side(self.first.claim.bound) is not None and (
            _side(self.first.claim.bound) == _side(self.second.claim.bound)
        )

    def compared(self) -> tuple[Interval, Interval]:
        """The two intervals that must overlap for the restatement to hold.

        A bound restated in another unit restates its *limit*: the limits, each read with the
        rounding of its digits, must agree ("less than 1 square mile" is not "fewer than 5 km²",
        although both allow 0.5 sq mi). Otherwise the values the words allow are compared.
        """
        if self.restates_a_bound:
            return _limit(self.first), _limit(self.second)
        return self.first.allowed, self.second.allowed

    def holds(self, slack: float) -> bool:
        """True when some reading of the units lets both statements be true."""
        first, second = self.compared()
        for factor, offset in ((self.factor, self.offset), *self.others):
            target = widen(first.scaled(factor, offset), slack)
            if target.overlaps(second):
                return True
        return False


def _side(bound: str) -> str | None:
    return {"<": "below", "<=": "below", ">": "above", ">=": "above"}.get(bound)


def _limit(m: Measure) -> Interval:
    """The limit of a bound ("fewer than 5") read as the rounded number it is written as."""
    step = _step(m.claim) or m.claim.step
    return Interval(m.value - step / 2, m.value + step / 2, True, step == 0)


def pairs(ctx: DocumentContext) -> Iterator[Conversion]:
    """Every "X (Y)" / "X, or Y" / "X – about Y" restatement in another unit, in text order."""
    text = ctx.document.text
    for group in sentence_groups(ctx.claims):
        for a, b in pairwise(group):
            share = _share_in_words(a, text) if b.unit == "percent" else None
            if share is not None and b.start >= share.end \
                    and _SHARE_RESTATED.fullmatch(text, share.end, b.start) \
                    and _bracket_closes(text, text[share.end : b.start], b.end):
                # "a third of voters, or 45%": the share in words is a hundredth of percent
                yield Conversion(share, _measure(b, text), 100.0, 0.0)
                continue
            if a.unit is None or b.unit is None or a.kind != b.kind \
                    or a.kind not in ("measure", "money"):
                continue
            if not _convertible(a.unit, b.unit):
                continue
            first, second = _measure(a, text), _measure(b, text)
            if second.start < first.end \
                    or not restates(text, first.end, second.start, second.end):
                continue
            factor, offset = units.affine(a.unit, b.unit)
            others = _readings(a.unit, b.unit)
            if offset and _is_delta(text, first, second):
                # Read as a difference first; the absolute reading stays possible ("fell by
                # 10C to -5C (23F)" is not parsed that finely).
                others = ((factor, offset),)
                offset = 0.0
            yield Conversion(first, second, factor, offset, others)


# --------------------------------------------------------------------------- the kind


def _explain_factor(c: Conversion) -> str:
    a, b = label(c.first.unit), label(c.second.unit)
    if c.offset:
        sign = "+" if c.offset > 0 else "−"
        return f"× {fmt(c.factor)} {sign} {fmt(abs(c.offset))} ({a} → {b})"
    return f"× {fmt(c.factor)} ({a} → {b})"


def _suggest(c: Conversion, document: str, slack: float) -> str | None:
    """The restatement with the second number recomputed, rounded as the writer rounded it
    (at least two significant figures; whole degrees for temperatures), or None for ranges."""
    second = c.second.claim
    if second.upper is not None or c.first.claim.upper is not None:
        return None
    if c.second.end != second.end:  # a compound ("6ft 2in") cannot be rewritten by one number
        return None
    exact = c.apply(c.first.value)
    how = {"<": "up", "<=": "up", ">": "down", ">=": "down"}.get(second.bound, "nearest")
    written = literal_step(second)
    target = widen(c.converted, slack)
    for significant in range(_figures(second, 1 if c.restates_a_bound else 2), 7):
        step = digit_step(exact, significant)
        if units.is_temperature(second.unit):
            step = min(written, 1.0)
        candidate = round_to(exact, step, how)
        if _interval_like(second, candidate, step).overlaps(target) or significant == 6:
            scale = written_scale(second)  # "2.1 billion gallons" gets its number in billions
            shown, shown_step = candidate / scale, step / scale
            new = number_text(shown, shown_step, thousands="," in second.text or shown >= 10_000)
            end = balanced_end(document, c.first.start, second.end)
            rewritten = _agree(replace_number(second.text, new), second.value, candidate)
            return document[c.first.start : second.start] + rewritten + document[second.end : end]
    return None


def _figures(claim: Claim, at_least: int = 2) -> int:
    """Significant figures to suggest: as precise as the writer was, and at least two
    ("40" → "65", "1.68" → "1.88"); a limit keeps the writer's own figures ("less than 2")."""
    if not claim.value or claim.step <= 0:
        return at_least
    magnitude = math.floor(math.log10(abs(claim.value)))
    return max(at_least, 1 + magnitude - math.floor(math.log10(claim.step)))


_SINGULAR_UNIT = re.compile(r"(\s+(?:square\s+|cubic\s+)?)([a-z]+)\b(?!s\b)")


def _agree(text: str, old_value: float, new_value: float) -> str:
    """ "1 square mile" → "2 square miles": the unit word agrees with the new number."""
    if old_value != 1 or new_value == 1:
        return text
    number = _DIGIT_RUN.search(text)
    if number is None:
        return text
    m = _SINGULAR_UNIT.match(text, number.end())
    if m is None:
        return text
    word = m.group(2)
    plural = {"foot": "feet", "inch": "inches"}.get(word, word + "s")
    return text[: m.start(2)] + plural + text[m.end(2) :]


_DIGIT_RUN = re.compile(r"\d[\d,.]*")


def _interval_like(template: Claim, value: float, step: float) -> Interval:
    """The interval ``value`` would allow if written with ``template``'s bound and ``step``."""
    half = step / 2
    if template.bound in ("<", "<="):
        return Interval(0.0, value, True, template.bound == "<=")
    if template.bound in (">", ">="):
        return Interval(value, math.inf, template.bound == ">=", False)
    return Interval(value - half, value + half, True, False)


def _say(iv: Interval, unit: str, digits: int = 3) -> str:
    """ "64.7 km²" for a point-like conversion, "less than 1.93 sq mi", or "4.8–9.7 km"."""
    if math.isinf(iv.high) and math.isfinite(iv.low):
        return f"more than {with_unit(fmt(iv.low, digits), unit)}"
    if math.isfinite(iv.high) and iv.low <= 0:
        return f"less than {with_unit(fmt(iv.high, digits), unit)}"
    return with_unit(describe(iv, digits), unit)


@register
class ConversionKind:
    """A restatement of a quantity in another unit that cannot be the same quantity."""

    kind: ClassVar[str] = "conversion"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Checks quantities restated in another unit in the same sentence — \"X (Y)\", "
            "\"X, or Y\", \"X – about Y\" — by converting X into Y's unit."
        ),
        why=(
            "A wrong conversion tells the reader two different sizes for one thing, and one "
            "of them is false."
        ),
        example="The forest covers 25 square miles (40 square kilometres).",
        fix="The forest covers 25 square miles (65 square kilometres).",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "tolerance": {
                "description": "Relative slack added to the converted interval, for writers "
                               "who convert with rounded factors (1 mile = 1.6 km).",
                "type": "number", "minimum": 0, "maximum": 0.5, "default": 0.01,
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        slack = float(rule.param("tolerance", 0.01))
        text = ctx.document.text
        for c in pairs(ctx):
            if c.holds(slack):
                continue
            yield self._finding(rule, ctx, c, text, slack)

    def _finding(
        self, rule: RuleSpec, ctx: DocumentContext, c: Conversion, text: str, slack: float
    ) -> Finding:
        a, b = c.first, c.second
        unit_b = b.unit
        # Numbers in the scale the second one is written in: "is 7.57 billion L, not 4.5
        # billion L" rather than "is 7,570,000,000 L, not 4,500,000,000 L".
        computed = _say(c.converted, unit_b) if a.claim.bound not in ("=", "~") \
            else with_unit(in_scale(c.apply(a.value), b.claim, 3), unit_b)
        if a.claim.upper is not None:
            computed = with_unit(
                f"{fmt(c.apply(a.value), 3)}–{fmt(c.apply(a.claim.upper), 3)}", unit_b
            )
        second_value = in_scale(b.value, b.claim, 6) if b.claim.upper is None else \
            f"{fmt(b.value, 6)}–{fmt(b.claim.upper, 6)}"
        fields = {
            "first": a.text(text),
            "second": b.text(text),
            "computed": computed,
            "stated": bound_phrase(b.claim) + with_unit(second_value, unit_b),
            "unit": label(unit_b),
        }
        if c.restates_a_bound:
            limit_a, limit_b = c.compared()
            explanation = (
                f"the same limit in two units: {with_unit(fmt(a.value), a.unit)} "
                f"({describe(limit_a)} by rounding) {_explain_factor(c)} = "
                f"{with_unit(describe(limit_a.scaled(c.factor, c.offset), 3), unit_b)}; the text "
                f"says {fields['stated']} ({describe(limit_b)} by rounding)"
            )
        else:
            explanation = (
            f"{bound_phrase(a.claim)}{with_unit(fmt(a.value), a.unit)} {_explain_factor(c)}"
            f" = {bound_phrase(a.claim)}{with_unit(fmt(c.apply(a.value)), unit_b)}"
            f" ({describe(c.converted)} allowing for rounding); the text says "
            f"{fields['stated']} ({describe(b.allowed)} allowed"
            f"{' by rounding' if b.claim.bound == '=' else ''})"
            )
        evidence = [
            ctx.span_evidence(a.start, a.end) if a.start != a.claim.start or a.end != a.claim.end
            else ctx.evidence(a.claim),
            ctx.span_evidence(b.start, b.end) if b.start != b.claim.start or b.end != b.claim.end
            else ctx.evidence(b.claim),
        ]
        return ctx.finding(
            rule, render(rule.message, fields), evidence, explanation,
            _suggest(c, text, slack),
        )


def restatements(ctx: DocumentContext) -> Sequence[Conversion]:
    """All restatement pairs of a document (for other kinds and tests)."""
    return list(pairs(ctx))
