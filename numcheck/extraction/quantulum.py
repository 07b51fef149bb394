"""The quantulum3 adapter: its unit dictionary and parser for the long tail of units.

numcheck's own lexicon handles what news writes most; quantulum3 (loaded once per process,
only when a sentence needs it) names the rest: "275 pound-feet", "3000 rpm", "5 GPa". Its
known misreadings of ordinary words as units ("a Trump", "no quarter", "at", "in") never
reach a claim: a quantulum3 unit is accepted only when its surface is not an English word
from quantulum3's own common-words list or numcheck's stop words, and pint can name it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from numcheck import units, warm
from numcheck.extraction.context import STOPWORDS


@dataclass(frozen=True)
class QUnit:
    start: int  # span of quantulum3's whole quantity surface in the sentence
    end: int
    unit: str | None  # pint canonical, or None when pint cannot name it
    name: str  # quantulum3's unit name ("pound-foot")
    surface: str  # the unit as written


@cache
def _parser() -> Any:
    # From the persistent load cache (numcheck.warm): unpickled tables instead of a 3 s build.
    return warm.quantulum_parser()


@cache
def _known_surfaces() -> frozenset[str]:
    # A cached word list: answering "is this a unit word?" never imports quantulum3.
    return warm.quantulum_surfaces()


# Ordinary words quantulum3's dictionary also lists as units; after a number they are what
# is counted ("3 bits of advice", "two quarters"), not units of measure.
_ORDINARY = frozenset(
    """a an at in bit bits quarter quarters point points pound pounds trump mike cup cups
    stone stones pair pairs dozen case cases unit units set sets term terms round rounds
    second seconds minute minutes sol gray grays mark marks line lines bar bars degree
    degrees pace paces hand hands foot feet yard yards block blocks gauge tick ticks
    sheet sheets shot shots run runs pack packs box boxes board boards tablet tablets
    floor floors car cars league leagues grain grains drop drops dash pinch chain chains
    link links rod rods pole poles perch span bolt bolts ream reams barn barns cord cords
    gross score scores rad rem tonne-force times piece pieces instance instances""".split()
)
# Symbols quantulum3 resolves to a unit that prose does not mean by them: "512mb" is
# megabytes in a tech story and millibars in a weather report, never quantulum3's millibarn.
_AMBIGUOUS_SYMBOLS = frozenset({"mb"})


def might_be_unit(word: str) -> bool:
    """True when quantulum3 knows ``word`` as a unit and it is not an ordinary English word."""
    lower = word.lower()
    if lower in STOPWORDS or lower in _ORDINARY or lower in _AMBIGUOUS_SYMBOLS or len(lower) < 2:
        return False
    return word in _known_surfaces() or lower in _known_surfaces()


_NAME_FIXES = (
    (re.compile(r"\bper\b"), "/"),
    (re.compile(r"\bsquare (\w+)"), r"\1 ** 2"),
    (re.compile(r"\bcubic (\w+)"), r"\1 ** 3"),
    (re.compile(r"-"), " * "),
)


@lru_cache(maxsize=4096)
def pint_unit(name: str) -> str | None:
    """pint's canonical name for a quantulum3 unit name, or None."""
    if name in ("dimensionless", "unk", ""):
        return None
    # Remembered between runs, "pint cannot name it" included: a name pint refuses would
    # otherwise build the registry (0.5-1 s) in every run that meets it.
    found: str | None = warm.memo("quantulum3-pint", _pint_key()).lookup(
        name, lambda: _pint_unit(name))
    return found


@cache
def _pint_key() -> tuple[object, ...]:
    return (*units.definitions_key(), hashlib.sha256(Path(__file__).read_bytes()).hexdigest())


def _pint_unit(name: str) -> str | None:
    expression = name
    for pattern, repl in _NAME_FIXES:
        expression = pattern.sub(repl, expression)
    for candidate in (expression, expression.replace(" ", "_"), name.replace(" ", "_")):
        try:
            return units.canonical(candidate)
        except Exception:
            continue
    return None


@lru_cache(maxsize=8192)
def parse_units(sentence: str) -> tuple[QUnit, ...]:
    """Units quantulum3 finds in one sentence (cached: the same sentence recurs in corpora)."""
    try:
        quantities = _parser().parse(sentence)
    except Exception:  # quantulum3 raises on odd input; a missing unit is the safe answer
        return ()
    found: list[QUnit] = []
    for q in quantities:
        unit = q.unit
        if unit.name in ("dimensionless", "unk"):
            continue
        if unit.entity.name in ("unknown", "dimensionless"):
            continue
        surface = q.surface
        start, end = q.span
        found.append(QUnit(start, end, pint_unit(unit.name), unit.name, surface))
    found.sort(key=lambda u: (u.start, u.end, u.name))  # set order varies with the hash seed
    return tuple(found)
