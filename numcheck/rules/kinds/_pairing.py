"""Helpers shared by the kinds that relate claims inside one sentence (NC101–NC104).

Three concerns live here, because every one of those kinds needs all three the same way:

* *where*: claims grouped by sentence, and the text between two claims;
* *how precise*: the interval a claim allows under a chosen rounding step. The extractor's
  interval reads "2,000" as rounded at its last non-zero digit ([1,500; 2,500)), which is right
  for restatements in another unit (news rounds conversions to one or two significant figures)
  but far too loose for "40% voted Labour, 35% Conservative": the kinds pick the step;
* *how it reads*: numbers, intervals and units formatted for messages and explanations.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

from numcheck import units
from numcheck.claims import Claim, Interval
from numcheck.extraction.context import bound_before
from numcheck.extraction.intervals import DEFAULT_TOLERANCE, interval

# --------------------------------------------------------------------------- where


def sentence_groups(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Quantity claims of each sentence, sentences and claims in text order."""
    ordered = sorted(
        (c for c in claims if c.is_quantity), key=lambda c: (c.sentence_start, c.start, c.end)
    )
    return [list(group) for _, group in groupby(ordered, key=lambda c: c.sentence_start)]


def text_between(text: str, first: Claim, second: Claim) -> str:
    """The document text after ``first`` and before ``second`` ("" when they overlap)."""
    return text[first.end : second.start] if second.start >= first.end else ""


# Words that may stand between a connector and a number without changing what the number
# restates: bounds ("about", "less than"), and the determiners of "the equivalent of".
BOUND_WORDS = (
    r"(?:(?:about|around|roughly|approximately|approx\.|some|nearly|almost|just|over|under"
    r"|more|less|fewer|than|up|to|at|least|most|close|an?|estimated|c\.|~|≈|the|equivalent"
    r"|of|or|below|above|slightly|well|barely|only)\s+|[~≈]\s*)*"
)

# --------------------------------------------------------------------------- how precise

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def literal_step(claim: Claim) -> float:
    """The step of the last digit written: "40%" → 1, "4.5%" → 0.1, "£2.5m" → 100,000.

    Trailing zeros are taken at face value (unlike ``claim.step``): in a list of shares or a
    count of parts, "40%" and "30 people" are as exact as the "35%" and "12 children" beside
    them. Numbers written in words keep the extractor's step.
    """
    tokens = _DIGITS.findall(claim.text)
    if not tokens:
        return claim.step
    first = float(tokens[0].replace(",", "") or 0)
    last = tokens[-1]
    decimals = len(last.split(".", 1)[1]) if "." in last else 0
    scale = 1.0
    if first and claim.value:
        ratio = abs(claim.value / first)
        power = round(math.log10(ratio)) if ratio > 0 else 0
        if power > 0 and math.isclose(ratio, 10.0**power, rel_tol=1e-6):
            scale = 10.0**power  # "2.5m", "3bn": digits count in the scale word's unit
    step = 10.0**-decimals * scale
    return min(claim.step, step) if claim.step > 0 else step


def _tolerance(claim: Claim) -> float:
    """The approximation tolerance the extractor applied to a "~" claim (10 % by default)."""
    if claim.bound != "~" or not claim.value:
        return DEFAULT_TOLERANCE
    tol = (claim.value - claim.step / 2 - claim.low) / abs(claim.value)
    return min(max(tol, 0.0), 1.0)


def allowed(claim: Claim, step: float | None = None) -> Interval:
    """The values the words allow when the number is read as rounded to ``step``.

    ``None`` (or a step no finer than the extractor's) keeps the claim's own interval.
    """
    if step is None or step >= claim.step or not _DIGITS.search(claim.text):
        return claim.interval
    info = bound_before(claim.sentence, max(0, claim.start - claim.sentence_start))
    ceiling = bool(info and info[0] == "~" and info[1])
    cap = 100.0 if claim.unit == "percent" and claim.high == 100.0 else None
    b = interval(claim.value, step, claim.bound, ceiling, cap, _tolerance(claim), claim.upper)
    return Interval(b.low, b.high, b.low_closed, b.high_closed)


def integral(iv: Interval) -> Interval:
    """The whole numbers in ``iv`` as a closed interval (a count of people is an integer):
    "four" read as [3.5, 4.5) allows exactly 4. Unchanged when it holds no whole number."""
    lo = iv.low
    hi = iv.high
    if math.isfinite(lo):
        lo = float(math.ceil(lo))
        if lo == iv.low and not iv.low_closed:
            lo += 1
    if math.isfinite(hi):
        hi = float(math.floor(hi))
        if hi == iv.high and not iv.high_closed:
            hi -= 1
    if lo > hi:
        return iv
    return Interval(lo, hi, True, math.isfinite(hi))


def is_count(claim: Claim) -> bool:
    """A count of things: a bare number, not a share written in words ("two thirds")."""
    return claim.kind == "count" and claim.unit is None and not 0 < claim.value < 1


def add(a: Interval, b: Interval) -> Interval:
    return Interval(
        a.low + b.low,
        a.high + b.high,
        a.low_closed and b.low_closed,
        a.high_closed and b.high_closed,
    )


def widen(iv: Interval, relative: float) -> Interval:
    """``iv`` widened by ``relative`` of its ends (slack for approximate conversion factors)."""
    if relative <= 0:
        return iv
    low = iv.low - abs(iv.low) * relative if math.isfinite(iv.low) else iv.low
    high = iv.high + abs(iv.high) * relative if math.isfinite(iv.high) else iv.high
    return Interval(low, high, True, True)


# --------------------------------------------------------------------------- how it reads


#: From here on numbers are written 1.5e20, not with 21 digits (or 309 for "1e308 km"): a
#: message must stay one readable line whatever the text says.
HUGE = 1e15


def scientific(x: float, digits: int = 4) -> str:
    """``x`` as 6.214e307 (no "+", no trailing zeros)."""
    mantissa, exponent = f"{x:.{max(digits, 1) - 1}e}".split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


def fmt(x: float, digits: int = 4) -> str:
    """``x`` to ``digits`` significant figures, thousands separated, no trailing zeros."""
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0:
        return "0"
    if abs(x) >= HUGE:
        return scientific(x, digits)
    magnitude = math.floor(math.log10(abs(x)))
    decimals = max(0, digits - 1 - magnitude)
    if magnitude >= digits:  # 1,320,860,262 to 3 figures is 1,320,000,000
        x = round(x, digits - 1 - magnitude)
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def describe(iv: Interval, digits: int = 4) -> str:
    """An interval as a reader would say it: "35–45", "below 2", "5 or more", "exactly 4"."""
    low_open = (iv.low <= 0 and iv.low_closed) or math.isinf(iv.low)
    if math.isinf(iv.high):
        if math.isinf(iv.low):
            return "any value"
        return f"{'at least' if iv.low_closed else 'above'} {fmt(iv.low, digits)}"
    if low_open:
        return f"{'up to' if iv.high_closed else 'below'} {fmt(iv.high, digits)}"
    if iv.low == iv.high:
        return f"exactly {fmt(iv.low, digits)}"
    return f"{fmt(iv.low, digits)}–{fmt(iv.high, digits)}"


_LABELS: Mapping[str, str] = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
    "minute": "minutes", "second": "seconds", "stone": "st", "liter": "L", "penny": "p",
    "cent": "cents", "euro_cent": "euro cents",
}


def label(unit: str | None) -> str:
    """The unit as it should follow a number in a message ("km²", "°F", "years")."""
    if unit is None:
        return ""
    return _LABELS.get(unit, units.symbol(unit))


def with_unit(number: str, unit: str | None) -> str:
    symbol = label(unit)
    if not symbol:
        return number
    if symbol in ("%", "°C", "°F", "p"):
        return f"{number}{symbol}"
    return f"{number} {symbol}"


_BOUND_PHRASES: Mapping[str, str] = {
    "=": "", "~": "about ", "<": "less than ", "<=": "at most ", ">": "more than ",
    ">=": "at least ",
}


def bound_phrase(claim: Claim) -> str:
    return _BOUND_PHRASES[claim.bound]


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # an unknown placeholder stays visible instead of failing


def render(template: str, fields: Mapping[str, str]) -> str:
    """Fill a rule's message template; placeholders a kind does not know stay as written."""
    try:
        return template.format_map(_Fields(fields))
    except (ValueError, IndexError):  # a stray brace in a user's template
        return template


def round_to(x: float, step: float, how: str = "nearest") -> float:
    """``x`` rounded to a multiple of ``step`` ("nearest", "up" or "down")."""
    if step <= 0:
        return x
    q = x / step
    n = math.ceil(q - 1e-9) if how == "up" else math.floor(q + 1e-9) if how == "down" else round(q)
    return n * step


def digit_step(x: float, significant: int) -> float:
    """The step of the ``significant``-th significant digit of ``x``."""
    if x == 0 or not math.isfinite(x):
        return 1.0
    return 10.0 ** (math.floor(math.log10(abs(x))) - significant + 1)


def number_text(x: float, step: float, thousands: bool = True) -> str:
    """``x`` written with the decimals ``step`` calls for."""
    if abs(x) >= HUGE:
        return scientific(x)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    text = f"{x:,.{decimals}f}" if thousands else f"{x:.{decimals}f}"
    return text


def written_scale(claim: Claim) -> float:
    """The scale word or suffix a claim's number is written with ("2.1 billion gallons",
    "$3bn": 1e9), so a number suggested in its place is written in the same scale."""
    match = _DIGITS.search(claim.text)
    if match is None or claim.upper is not None:
        return 1.0
    try:
        digits = float(match.group(0).replace(",", ""))
    except ValueError:
        return 1.0
    if digits == 0 or not math.isfinite(claim.value) or claim.value == 0:
        return 1.0
    power = round(math.log10(abs(claim.value / digits)))
    return 10.0**power if power >= 3 else 1.0


_SCALE_AFTER = re.compile(r"[\s\u00a0-]?(?:million|billion|trillion|thousand|bn|mn|tn|m|k)\b",
                          re.I)


def in_scale(value: float, claim: Claim, digits: int = 12) -> str:
    """``value`` written in the scale of ``claim`` ("3.5 million visitors": 3,900,000 is "3.9
    million"; "£4.5bn": "3.9bn"), or plainly when the claim has none."""
    scale = written_scale(claim)
    match = _DIGITS.search(claim.text)
    word = _SCALE_AFTER.match(claim.text, match.end()) if match is not None else None
    if scale == 1 or word is None:
        return fmt(value, digits)
    return fmt(value / scale, digits) + word.group(0)


def replace_number(text: str, new: str) -> str:
    """``text`` (a claim's text) with its first number replaced by ``new``."""
    match = _DIGITS.search(text)
    if match is None:
        return re.sub(r"^[A-Za-z-]+", new, text, count=1)
    return text[: match.start()] + new + text[match.end() :]


def spans(claims: Sequence[Claim]) -> tuple[int, int]:
    return min(c.start for c in claims), max(c.end for c in claims)


def balanced_end(text: str, start: int, end: int) -> int:
    """``end`` moved past the closing brackets that ``text[start:end]`` leaves open, so a
    suggested rewrite of "25 miles (40 km" reads "25 miles (65 km)"."""
    opened = text.count("(", start, end) - text.count(")", start, end)
    while opened > 0:
        close = re.match(r"[^()\n]{0,15}\)", text[end : end + 16])
        if close is None:
            break
        end += close.end()
        opened -= 1
    return end


def computed_phrase(low: float, high: float, point: float, unit: str = "") -> str:
    """ "= 60%" when rounding leaves one value, else "= 60% (56.1–64.1% allowing for
    rounding)"."""
    if low == high:
        return f"= {fmt(point)}{unit}"
    return f"= {fmt(point)}{unit} ({fmt(low)}–{fmt(high)}{unit} allowing for rounding)"
