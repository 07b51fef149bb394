"""Numbers as statistics are written: a value plus the precision its digits carry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Written:
    """A number as written. ``decimals`` is the number of decimal places its last digit stands
    for: 2 for "2.20", 3 for ".036", 4 for ".5e-3", 2 for "3e-2"."""

    text: str
    value: float
    decimals: int


_POWER = re.compile(
    r"^(?P<m>\d*\.?\d*)\s*(?:[×x*]\s*10\s*\^?\s*|[eE]\s*)(?P<e>[-+]?\s*\d+)$"
)


def parse_written(text: str) -> Written:
    """Parse "2.20", "2,000.20", ".03", ".5e-3", "3e-2", "3 × 10-4" or "3.2x10^-5"."""
    clean = text.strip()
    sign = ""
    if clean.startswith(("-", "+")):
        sign, clean = clean[0], clean[1:].lstrip()
    match = _POWER.match(clean)
    if match:
        mantissa = match.group("m") or "1"
        exponent = int(match.group("e").replace(" ", ""))
    else:
        mantissa, exponent = clean, 0
    mantissa = re.sub(r"(?<=\d),(?=\d)", "", mantissa)
    try:
        number = Decimal(mantissa)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    places = len(mantissa.split(".", 1)[1]) if "." in mantissa else 0
    value = float(number.scaleb(exponent))
    if sign == "-":
        value = -value
    return Written(text=text.strip(), value=value, decimals=places - exponent)
