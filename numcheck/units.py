"""THE pint unit registry of numcheck: one per process, extended by ``units_en.txt``.

Wrap, don't subclass: the rest of numcheck calls the helpers here (canonical names,
conversion factors, dimensions) and never builds a registry of its own.

The answers of the look-ups below are pure functions of pint's version and the definitions, so
they are also kept between runs (:mod:`numcheck.warm`): a run whose unit names were all seen
before never builds the registry (0.5–1 s) at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from numcheck import warm

T = TypeVar("T")

CURRENCY_PREFIX = "currency_"


@cache
def registry() -> Any:
    """The process-wide :class:`pint.UnitRegistry` (built on first use; pint is slow to load)."""
    import pint

    ureg: Any = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=None)
    definitions = resources.files("numcheck").joinpath("units_en.txt").read_text("utf-8")
    ureg.load_definitions(definitions.splitlines())
    return ureg


@cache
def definitions_key() -> tuple[object, ...]:
    # What the answers depend on: pint, the project definitions, and this module's code.
    definitions = resources.files("numcheck").joinpath("units_en.txt").read_bytes()
    code = Path(__file__).read_bytes()
    digest = hashlib.sha256(definitions + b"\0" + code).hexdigest()
    return ("pint", warm.version_of("pint"), digest)


def _remembered(question: tuple[str, ...], compute: Callable[[], T]) -> T:
    result: T = warm.memo("pint", definitions_key()).lookup(question, compute)
    return result


@cache
def canonical(expression: str) -> str:
    """pint's canonical spelling of a unit expression: ``km**2`` → ``kilometer ** 2``."""
    return _remembered(("canonical", expression), lambda: str(registry().Unit(expression)))


@cache
def dimension(unit: str | None) -> str:
    """A stable string for a unit's dimensionality (``"[length] ** 2"``); ``""`` for counts.

    Equal dimensions give equal strings: pint writes a dimensionality's terms in the order
    the definitions met them (horsepower is ``[length] ** 2 * [mass] / [time] ** 3``, the
    watt ``[mass] * [length] ** 2 / [time] ** 3``), so the terms are sorted here.
    """
    if unit is None:
        return ""
    return _remembered(("dimension", unit),
                       lambda: dimension_text(registry().Unit(unit).dimensionality))


def dimension_text(dimensionality: Any) -> str:
    """``{"[mass]": 1, "[length]": 2, "[time]": -3}`` → ``"[length] ** 2 * [mass] / [time]
    ** 3"``: terms with positive exponents, then those with negative ones, each by name."""

    def term(name: str, exponent: float) -> str:
        power = int(exponent) if float(exponent).is_integer() else exponent
        return name if power == 1 else f"{name} ** {power}"

    items = sorted(dict(dimensionality).items())
    up = " * ".join(term(name, exp) for name, exp in items if exp > 0)
    down = " / ".join(term(name, -exp) for name, exp in items if exp < 0)
    if not up and not down:
        return "dimensionless"
    return f"{up or '1'} / {down}" if down else up


def is_currency(unit: str | None) -> bool:
    return unit is not None and dimension(unit).startswith(f"[{CURRENCY_PREFIX}")


def currency_code(unit: str | None) -> str | None:
    """The ISO code of the currency a plain money unit is in ("USD" for ``USD`` and ``cent``,
    "GBP" for ``penny``); None for anything else, rates ("USD / year") included."""
    dim = dimension(unit) if unit is not None else ""
    if not (dim.startswith(f"[{CURRENCY_PREFIX}") and dim.endswith("]") and " " not in dim):
        return None
    return dim[len(CURRENCY_PREFIX) + 1 : -1]


def is_temperature(unit: str | None) -> bool:
    return unit is not None and dimension(unit) == "[temperature]"


@cache
def compatible(a: str | None, b: str | None) -> bool:
    """True when a quantity in ``a`` can be converted to ``b`` (never across currencies)."""
    if a is None or b is None:
        return a is b
    return dimension(a) == dimension(b)


@cache
def affine(source: str, target: str) -> tuple[float, float]:
    """``(factor, offset)`` with ``x_target = x_source * factor + offset``.

    Temperatures are affine (°F = °C × 1.8 + 32); everything else has offset 0.
    """

    def compute() -> tuple[float, float]:
        ureg = registry()
        zero = float(ureg.Quantity(0.0, source).to(target).magnitude)
        # A wide span keeps the factor exact to float precision (1.8 rather than 1.79999...).
        hundred = float(ureg.Quantity(100.0, source).to(target).magnitude)
        return (hundred - zero) / 100.0, zero

    return _remembered(("affine", source, target), compute)


def convert(value: float, source: str, target: str) -> float:
    factor, offset = affine(source, target)
    return value * factor + offset


@cache
def symbol(unit: str) -> str:
    """A short human symbol for messages: ``kilometer ** 2`` → ``km²``."""
    if unit in _PRETTY:
        return _PRETTY[unit]

    def compute() -> str:
        try:
            return f"{registry().Unit(unit):~P}"
        except Exception:
            return unit

    return _remembered(("symbol", unit), compute)


_PRETTY = {
    "percent": "%",
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "kilometer ** 2": "km²",
    "mile ** 2": "sq mi",
    "meter ** 2": "m²",
    "foot ** 2": "sq ft",
    "mile_per_hour": "mph",
    "kilometer_per_hour": "km/h",
    "metric_ton": "tonnes",
    "percentage_point": "percentage points",
}
