"""What a claim counts or measures (:class:`Subject`), and how it reads in messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from numcheck import units
from numcheck.claims import Claim

Nature = Literal["cumulative", "stock"]


ATTRIBUTES: Mapping[str, str] = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "weight",
    "[temperature]": "temperature",
    "[length] / [time]": "speed",
    "[time]": "duration",
    "[length] ** 2 * [mass] / [time] ** 3": "power",
    "[length] ** 2 * [mass] / [time] ** 2": "energy",
}


ATTRIBUTE_WORDS = frozenset(
    "area surface size extent length long total overall height high tall width wide depth "
    "deep weight heavy mass volume capacity temperature speed".split()
)


@dataclass(frozen=True)
class Subject:
    """What a claim counts or measures, and the context that pins it down."""

    head: str
    modifiers: tuple[str, ...]
    unit_class: str
    places: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    period: tuple[str, ...] = ()
    nature: Nature = "stock"
    generic: bool = False
    #: the noun was read after the number ("2,000 troops"), so it is a countable plural
    counted: bool = False

    @property
    def noun(self) -> str:
        """For messages: "civilian death", "length of the road bridge"."""
        if self.measured and self.modifiers:
            return f"{self.head} of the {' '.join(self.modifiers)}"
        return " ".join((*self.modifiers, self.head))

    def label(self) -> str:
        """A short human description: "troops (Syria, US)", "area (Lake Chad)"."""
        noun = self.noun_plural
        context = [title(p) for p in self.places] + [title(e) for e in self.entities]
        return f"{noun} ({', '.join(context)})" if context else noun

    @property
    def noun_plural(self) -> str:
        """"troops", "deaths": counted nouns read as plurals; "unemployment" stays as it is."""
        countable = self.unit_class == "count" and (self.counted or self.nature == "cumulative")
        if not countable or self.head in _PLURAL_AS_IS or self.noun.endswith("s"):
            return self.noun
        return plural(self.noun)

    @property
    def base(self) -> str:
        return f"{self.unit_class}|{self.head}|{'+'.join(sorted(self.modifiers))}"

    def blocking_keys(self) -> tuple[str, ...]:
        """Blocking keys: claims are compared only when they share one of these."""
        places = "+".join(self.places)
        keys: list[str] = []
        if self.places and not self.generic:
            keys.append(f"{self.base}|P:{places}")
        # A measured named thing ("Golden Gate Bridge") is keyed without its common noun: one
        # article writes "the bridge", another only the name (see ``agreement``).
        named = f"{self.unit_class}|{self.head}|" if self.measured else self.base
        keys.extend(f"{named}|E:{entity}" for entity in self.entities)
        return tuple(keys)

    @property
    def measured(self) -> bool:
        """A measured attribute (length, area…) rather than a count or an amount."""
        return self.head in ATTRIBUTES.values()


def unit_class(claim: Claim) -> str:
    """What a claim's number can be compared with: ``count``, ``percent``, ``USD``, or a
    dimension such as ``[length] ** 2``. Currencies are classes of their own."""
    if claim.unit is None:
        return "count"
    if claim.unit in ("percent", "percentage_point"):
        return claim.unit
    if units.is_currency(claim.unit):
        return claim.unit
    return units.dimension(claim.unit) or claim.unit


def class_label(klass: str) -> str:
    if klass.startswith("["):
        return ATTRIBUTES.get(klass, klass)
    return klass


def title(words: str) -> str:
    """Names were lower-cased for matching: "us" → "US", "bbc" → "BBC", "lake chad" →
    "Lake Chad" (short words without vowels, and short places, read as abbreviations)."""
    def one(word: str) -> str:
        if word in _SMALL:
            return word
        if len(word) <= 3 and (not set(word) & set("aeiouy") or word in _ABBREVIATED):
            return word.upper()
        return word.capitalize()
    return " ".join(one(w) for w in words.split())


_ABBREVIATED = frozenset({"us", "uk", "eu", "uae", "un", "nhs", "imf", "eds", "ibm"})


_SMALL = frozenset({"of", "de", "the", "and", "in", "on", "for"})


_PLURAL_AS_IS = frozenset({"people", "staff", "police", "personnel", "cattle", "unemployment",
                           "displaced", "missing", "rescued"})


def plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"
