"""numcheck versus raw quantulum3 on quantulum3's own test sentences (value, value+unit).

    .venv/bin/python benchmarks/quantulum_tests.py [--errors N]

The regression guard of issue 3: numcheck must not do worse than quantulum3 on the sentences
quantulum3 was written against. Scored with the NewsQuant protocol of ``newsquant.py``.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import require
from benchmarks.newsquant import Tag, cqe_unit, numcheck_tags, quantulum_tags, score
from numcheck import units


def load_items(name: str = "quantities.json") -> list[dict[str, object]]:
    """One of quantulum3's test files: ``quantities.json`` (its regression suite) or
    ``quantities.ambiguity.json`` (its unit-disambiguation cases)."""
    raw = json.loads(require(f"quantulum3/{name}").read_text(encoding="utf-8"))
    items = []
    for case in raw:
        quantities = []
        for q in case["res"]:
            value = q["value"]
            if isinstance(value, list):
                value = "-".join(str(v) for v in value)
            quantities.append(
                {"value": str(value), "normalized_unit": str(q["unit"]), "change": "="}
            )
        items.append({"text": case["req"], "quantities": quantities})
    return items


@functools.cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry(case_sensitive=False)


@functools.cache
def unit_key(name: str) -> str:
    """One name for one unit, whoever wrote it: "degree celsius" (quantulum3) and
    "degree_Celsius" (pint), "cubic centimetre" and "milliliter" compare equal. Names pint
    cannot read (currencies, "count per week") stay as written, lower case."""
    registry = _registry()
    spelled = (name.replace("metre", "meter").replace("litre", "liter")
               .replace("percentage", "percent").replace("pound-mass", "pound"))
    # quantulum3's "count per week" is a number per week: pint's `count` is a base of its own
    spelled = re.sub(r"\bcount\b", "1", spelled)
    for candidate in (name.replace(" ", "_"), name, spelled, spelled.replace(" per ", " / ")):
        try:
            unit = registry.parse_units(candidate)
            factor, base = registry.get_base_units(unit)
            offset = registry.Quantity(0, unit).to_base_units().magnitude  # °C: 273.15 K
        except Exception:
            continue
        return f"{base}|{float(factor):.9g}|{float(offset):.6g}"
    return name.lower()


def numcheck_in_quantulum_notation(sentence: str) -> list[Tag]:
    """numcheck's claims written as quantulum3 writes quantities: every number (typed ones
    too, which quantulum3 calls dimensionless), a range as its midpoint (quantulum3's value
    of a range), units named so that the same unit compares equal however it is spelled."""
    from numcheck.api import extract

    tags = []
    for c in extract(sentence):
        if math.isnan(c.value):
            continue
        value = (c.value + c.upper) / 2 if c.upper is not None else c.value
        if c.unit is None:
            unit = "dimensionless"
        elif units.is_currency(c.unit) or c.unit in ("cent", "penny"):
            unit = cqe_unit(c.unit, c.kind, c.quantity_of)
        else:
            unit = c.unit
        tags.append(Tag(value, unit_key(unit), "="))
    return tags


def quantulum_in_keys(sentence: str) -> list[Tag]:
    return [replace(t, unit=unit_key(t.unit)) for t in quantulum_tags(sentence)]


def gold_in_keys(items: list[dict[str, object]]) -> list[dict[str, object]]:
    out = []
    for item in items:
        quantities = [dict(q, normalized_unit=unit_key(str(q["normalized_unit"])))
                      for q in item["quantities"]]  # type: ignore[attr-defined]
        out.append({**item, "quantities": quantities})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    items = load_items()
    errors: list[str] = []
    print(f"quantulum3 tests: {len(items)} sentences, "
          f"{sum(len(i['quantities']) for i in items)} quantities")  # type: ignore[arg-type]
    print(f"{'system':<26} {'metric':<13} {'P':>6} {'R':>6} {'F1':>6}")

    def numcheck_everything(sentence: str) -> list[Tag]:
        return numcheck_tags(sentence, everything=True)

    keyed = gold_in_keys(items)
    for name, tagger, gold in (
        ("numcheck (names)", numcheck_everything, items),
        ("numcheck (notation)", numcheck_in_quantulum_notation, keyed),
        ("quantulum3 (names)", quantulum_tags, items),
        ("quantulum3 (notation)", quantulum_in_keys, keyed),
    ):
        results = score(gold, tagger, False, errors if name == "numcheck (notation)" else None)
        for metric in ("value", "value+unit"):
            s = results[metric]
            print(f"{name:<26} {metric:<13} {s.p * 100:6.1f} {s.r * 100:6.1f} {s.f1 * 100:6.1f}")
    print("names: units compared by NewsQuant-style names, ranges as ranges; notation: the "
          "same claims written as quantulum3 writes them (a range as its midpoint, units "
          "compared as units, not spellings)")
    ambiguity = load_items("quantities.ambiguity.json")
    keyed = gold_in_keys(ambiguity)
    print(f"\nquantulum3 ambiguity tests: {len(ambiguity)} sentences, "
          f"{sum(len(i['quantities']) for i in ambiguity)} quantities "  # type: ignore[arg-type]
          "(quantulum3's notation)")
    for name, tagger in (("numcheck", numcheck_in_quantulum_notation),
                         ("quantulum3", quantulum_in_keys)):
        results = score(keyed, tagger, False)
        for metric in ("value", "value+unit"):
            s = results[metric]
            print(f"{name:<26} {metric:<13} {s.p * 100:6.1f} {s.r * 100:6.1f} {s.f1 * 100:6.1f}")
    for line in errors[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
