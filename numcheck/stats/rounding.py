"""Rounding schemes, and the exact interval of true values a reported (rounded) number allows.

Everything here is exact rational arithmetic (:class:`fractions.Fraction`): a reported "3.47"
is the fraction 347/100, and the values that round to it under a scheme form an interval whose
ends are also exact. Floating point never decides a verdict, so no "dust" tolerances are needed.

The schemes and the inclusivity of each interval end follow the R package scrutiny (MIT), whose
``rounding_offsets()`` table is the reference: a value sitting exactly on a bound is admitted
when the scheme would round it *towards* the reported number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Literal, get_args

Scheme = Literal[
    "up_or_down", "up", "down", "even", "ceiling", "floor", "ceiling_or_floor", "trunc",
    "anti_trunc",
]
SCHEMES: tuple[str, ...] = get_args(Scheme)

# (lower offset, upper offset, lower included, upper included) in tenths of the last digit's
# step, for a positive reported value. "even" admits both ties: which way a real program broke a
# tie depends on the binary representation of the value, so the safe (permissive) reading wins.
_OFFSETS: dict[str, tuple[int, int, bool, bool]] = {
    "up_or_down": (-5, 5, True, True),
    "up": (-5, 5, True, False),
    "down": (-5, 5, False, True),
    "even": (-5, 5, True, True),
    "ceiling": (-10, 0, False, True),
    "floor": (0, 10, True, False),
    "ceiling_or_floor": (-10, 10, False, False),
}


@dataclass(frozen=True)
class Reported:
    """A number exactly as written: its value and how many decimal places it was given with."""

    text: str
    value: Fraction
    decimals: int

    @property
    def step(self) -> Fraction:
        """The unit of the last written digit (0.01 for "3.47")."""
        return Fraction(1, 10**self.decimals)

    def __float__(self) -> float:
        return float(self.value)


def reported(text: str) -> Reported:
    """Parse a decimal number as written ("3.47", ".50", "-0.2", "1,234.5"); trailing zeros
    count as decimal places, which is why GRIM-family checks take strings, not floats."""
    clean = text.strip().replace(",", "").replace("\u2212", "-")
    try:
        dec = Decimal(clean)
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal number: {text!r}") from exc
    if not dec.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    exponent = dec.as_tuple().exponent
    assert isinstance(exponent, int)
    return Reported(text=text.strip(), value=Fraction(dec), decimals=max(-exponent, 0))


@dataclass(frozen=True)
class Bounds:
    """An interval of exact rationals with open or closed ends."""

    low: Fraction
    high: Fraction
    low_closed: bool
    high_closed: bool

    def contains(self, x: Fraction) -> bool:
        above = x > self.low or (self.low_closed and x == self.low)
        below = x < self.high or (self.high_closed and x == self.high)
        return above and below

    def scaled(self, factor: Fraction) -> Bounds:
        """Multiply both ends by a positive factor (e.g. 1/100 for a percentage)."""
        return Bounds(self.low * factor, self.high * factor, self.low_closed, self.high_closed)

    def clamp_low(self, floor: Fraction) -> Bounds:
        """Raise the lower end to ``floor`` (inclusive) when it lies below: an SD or a
        proportion cannot be negative, and zero itself is attainable."""
        if self.low < floor:
            return Bounds(floor, self.high, True, self.high_closed)
        return self

    def describe(self, digits: int = 4) -> str:
        lo = _fmt(self.low, digits)
        hi = _fmt(self.high, digits)
        return f"{'[' if self.low_closed else '('}{lo}, {hi}{']' if self.high_closed else ')'}"


def _fmt(x: Fraction, digits: int) -> str:
    text = f"{float(x):.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def _offsets(scheme: str, value: Fraction, symmetric: bool) -> tuple[int, int, bool, bool]:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown rounding scheme {scheme!r} (choose from {', '.join(SCHEMES)})")
    if symmetric and value < 0:
        # Mirroring a negative number's rounding onto its absolute value is exactly what the
        # opposite tie rule does on the negative side.
        scheme = {"up": "down", "down": "up"}.get(scheme, scheme)
    if scheme == "trunc":
        if value > 0:
            return (0, 10, True, False)
        if value < 0:
            return (-10, 0, False, True)
        return (-10, 10, False, False)
    if scheme == "anti_trunc":
        if value > 0:
            return (-10, 0, False, True)
        if value < 0:
            return (0, 10, True, False)
        return (0, 0, True, True)  # only an exact zero anti-truncates to zero
    lo, hi, lo_in, hi_in = _OFFSETS[scheme]
    if symmetric and value == 0 and scheme in {"up_or_down", "up", "down"}:
        # At zero the mirror image lies inside the interval: both ends behave like the upper.
        return (-hi, hi, hi_in, hi_in)
    return (lo, hi, lo_in, hi_in)


def unround(number: Reported, scheme: str = "up_or_down", symmetric: bool = False) -> Bounds:
    """The exact interval of values that round to ``number`` under ``scheme``."""
    lo, hi, lo_in, hi_in = _offsets(scheme, number.value, symmetric)
    tenth = number.step / 10
    return Bounds(number.value + lo * tenth, number.value + hi * tenth, lo_in, hi_in)


def integers_within(bounds: Bounds, scale: int) -> tuple[int, int]:
    """The range ``(first, last)`` of integers k with k / scale inside ``bounds``; empty when
    ``first > last``. ``scale`` is the denominator the integers are divided by (n × items)."""
    low = bounds.low * scale
    high = bounds.high * scale
    first = _ceil(low)
    if first == low and not bounds.low_closed:
        first += 1
    last = _floor(high)
    if last == high and not bounds.high_closed:
        last -= 1
    return first, last


def round_fraction(x: Fraction, decimals: int, scheme: str = "up_or_down") -> tuple[Fraction, ...]:
    """``x`` rounded to ``decimals`` places: one value, or two for the compound schemes (which
    mean "either of these two programs"). Used to describe nearby possible values."""
    scale = 10**decimals
    shifted = x * scale
    down = _floor(shifted)
    frac = shifted - down
    half = Fraction(1, 2)

    def at(k: int) -> Fraction:
        return Fraction(k, scale)

    if scheme in {"up_or_down", "up", "down", "even"}:
        if frac != half:
            nearest = down + (1 if frac > half else 0)
            return (at(nearest),)
        if scheme == "up":
            return (at(down + 1),)
        if scheme == "down":
            return (at(down),)
        if scheme == "even":
            return (at(down if down % 2 == 0 else down + 1),)
        return (at(down + 1), at(down))
    if scheme == "ceiling":
        return (at(_ceil(shifted)),)
    if scheme == "floor":
        return (at(down),)
    if scheme == "ceiling_or_floor":
        return (at(_ceil(shifted)), at(down))
    if scheme == "trunc":
        return (at(down if x >= 0 else _ceil(shifted)),)
    if scheme == "anti_trunc":
        return (at(_ceil(shifted) if x >= 0 else down),)
    raise ValueError(f"unknown rounding scheme {scheme!r}")


def format_fixed(x: Fraction, decimals: int) -> str:
    """``x`` (already on the grid of ``decimals`` places) written with exactly that many."""
    scale = 10**decimals
    k = round(x * scale)
    sign = "-" if k < 0 else ""
    k = abs(k)
    whole, part = divmod(k, scale)
    return f"{sign}{whole}.{part:0{decimals}d}" if decimals else f"{sign}{whole}"


def _floor(x: Fraction) -> int:
    return x.numerator // x.denominator


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)
