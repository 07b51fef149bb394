"""Claims: one quantity as the text states it, and the interval of values the words allow."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Literal

Bound = Literal["=", "~", ">", ">=", "<", "<="]
Kind = Literal[
    "measure", "count", "percent", "money", "age", "statistic",
    "year", "date", "time", "ordinal", "identifier",
]
QUANTITY_KINDS: frozenset[str] = frozenset(
    {"measure", "count", "percent", "money", "age", "statistic"}
)


@dataclass(frozen=True)
class Interval:
    """A real interval with open or closed ends; ``math.inf`` for unbounded."""

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = False

    def overlaps(self, other: Interval) -> bool:
        # The intersection runs from the larger low end to the smaller high end; an end shared
        # by both is in it only if both close it. (Checking one touching end after the other
        # made [0, 0) and (0, 0] overlap one way round and not the other.)
        low, low_closed = _larger_low(self, other)
        high, high_closed = _smaller_high(self, other)
        if low < high:
            return True
        return low == high and low_closed and high_closed

    def contains(self, x: float) -> bool:
        above = x > self.low or (self.low_closed and x == self.low)
        below = x < self.high or (self.high_closed and x == self.high)
        return above and below

    def scaled(self, factor: float, offset: float = 0.0) -> Interval:
        """Apply ``x * factor + offset`` (a unit conversion) to both ends."""
        low = self.low * factor + offset
        high = self.high * factor + offset
        if factor < 0:
            return Interval(high, low, self.high_closed, self.low_closed)
        return Interval(low, high, self.low_closed, self.high_closed)

    def describe(self, fmt: str = "{:,.4g}") -> str:
        lo = "−∞" if math.isinf(self.low) else fmt.format(self.low)
        hi = "∞" if math.isinf(self.high) else fmt.format(self.high)
        return f"{'[' if self.low_closed else '('}{lo}, {hi}{']' if self.high_closed else ')'}"


def _larger_low(a: Interval, b: Interval) -> tuple[float, bool]:
    if a.low == b.low:
        return a.low, a.low_closed and b.low_closed
    return (a.low, a.low_closed) if a.low > b.low else (b.low, b.low_closed)


def _smaller_high(a: Interval, b: Interval) -> tuple[float, bool]:
    if a.high == b.high:
        return a.high, a.high_closed and b.high_closed
    return (a.high, a.high_closed) if a.high < b.high else (b.high, b.high_closed)


@dataclass(frozen=True)
class Claim:
    """One stated quantity (or typed non-quantity such as a year) in a document.

    ``start``/``end`` are character offsets into the document's analysed text; ``line`` and
    ``column`` are 1-based positions in the source file. ``unit`` is pint's canonical string
    (``kilometer ** 2``), an ISO currency code, or ``None`` for a bare count.
    """

    text: str
    value: float
    low: float
    high: float
    bound: Bound
    unit: str | None
    kind: Kind
    quantity_of: str | None = None
    change: str | None = None
    low_closed: bool = True
    high_closed: bool = False
    start: int = 0
    end: int = 0
    path: str = "<string>"
    line: int = 1
    column: int = 1
    sentence: str = ""
    sentence_start: int = 0
    doc_date: str | None = None
    doc_id: str | None = None
    step: float = 0.0
    upper: float | None = None

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high, self.low_closed, self.high_closed)

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS

    def to_dict(self) -> dict[str, object]:
        row = asdict(self)
        for key in ("low", "high", "value"):
            v = row[key]
            if isinstance(v, float) and math.isinf(v):
                row[key] = None
        return row


CLAIM_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
