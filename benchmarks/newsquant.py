"""Score numcheck and raw quantulum3 on NewsQuant (value, value+unit, value+change).

    .venv/bin/python benchmarks/newsquant.py [--errors N] [--json]

The scorer re-implements the published NewsQuant protocol (CQE paper, Almasian et al. 2023):
a predicted quantity matches a gold one when the values agree (``numpy.isclose``, rtol 1e-5;
ranges as (low, high) pairs); value+unit also needs the normalised unit name (lower case),
value+change the change label (=, ~, >, <, up, down). Each gold quantity is matched at most
once. numcheck's pint units and count nouns are mapped to NewsQuant's unit names by
``cqe_unit`` below: a naming table, not a tuning knob.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import require

Value = float | tuple[float, float]


@dataclass(frozen=True)
class Tag:
    value: Value
    unit: str
    change: str


@dataclass(frozen=True)
class Scores:
    p: float
    r: float
    f1: float


_CURRENCY_NAMES = {
    "USD": "dollar", "AUD": "australian dollar", "CAD": "canadian dollar",
    "HKD": "hong kong dollar", "NZD": "new zealand dollar", "SGD": "singapore dollar",
    "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen", "CNY": "chinese yuan",
    "INR": "indian rupee", "PKR": "pakistani rupee", "MYR": "malaysian ringgit",
    "ILS": "shekel", "RUB": "russian ruble", "CHF": "swiss franc", "DKK": "danish krone",
    "SEK": "swedish krona", "NOK": "norwegian krone", "ZAR": "south african rand",
    "NGN": "nigerian naira", "MXN": "mexican peso", "TRY": "turkish lira",
    "BRL": "brazilian real", "KRW": "south korean won", "BTC": "bitcoin", "cent": "cent",
    "penny": "penny", "dime": "dime", "TWD": "new taiwan dollar",
    "CRC": "costa rican colón", "GEL": "georgian lari", "LAK": "lao kip",
    "IDR": "indonesian rupiah", "THB": "thai baht", "SAR": "saudi riyal", "IRR": "iranian rial",
    "PLN": "polish złoty", "PHP": "philippine peso", "VND": "vietnamese đồng",
}
_UNIT_NAMES = {
    "percent": "percentage", "percentage_point": "percentage point",
    "basis_point": "basis point", "degree_Celsius": "celsius",
    "degree_Fahrenheit": "fahrenheit", "mile_per_hour": "mile per hour",
    "kilometer_per_hour": "kilometre per hour", "pound": "pound-mass", "metric_ton": "metric ton",
    "mile / gallon": "mile per gallon", "ppb": "parts-per-billion", "ppm": "parts-per-million",
    "index_point": "point", "revolution / minute": "revolutions per minute",
    "turn / minute": "revolutions per minute", "milliampere_hour": "milliampere-hour",
    "electron_volt": "electronvolt", "teraelectron_volt": "teraelectronvolt",
    "force_pound * foot": "pound-foot", "foot * force_pound": "pound-foot",
    "newton * meter": "newton metre", "meter * newton": "newton metre",
    "megabritish_thermal_unit": "mega british thermal unit",
    "british_thermal_unit": "british thermal unit",
}
# NewsQuant names counted things by their lemmas (spaCy's): irregular comparison included.
_LEMMAS = {"best": "good", "better": "good", "worst": "bad", "worse": "bad"}


def cqe_unit(unit: str | None, kind: str, quantity_of: str | None) -> str:
    """NewsQuant's name for a numcheck unit (or the counted noun for a count)."""
    from numcheck.extraction.context import singular

    if kind == "age":
        return f"{unit or 'year'} of age"
    if unit is None:
        if not quantity_of:
            return "-"
        if quantity_of.lower() in ("times", "time"):
            return "count"  # NewsQuant's name for "3 times", "6.5 times earnings" (7 of 7)
        *modifiers, head = quantity_of.lower().replace("-", " - ").split()
        # NewsQuant's phrases keep content words only: "Kia and Hyundai vehicles" → kia hyundai
        modifiers = [_LEMMAS.get(word, word) for word in modifiers
                     if word not in ("and", "or", "&")]
        return " ".join([*modifiers, singular(head)]).replace(" - ", "-")
    if unit.startswith("1 / "):  # a count per unit of time: "3,000 tests per day"
        return f"{cqe_unit(None, 'count', quantity_of)} per {_part_name(unit[4:])}"
    if unit in _CURRENCY_NAMES:
        return _CURRENCY_NAMES[unit]
    if unit in _UNIT_NAMES:
        return _UNIT_NAMES[unit]
    return " per ".join(_part_name(part) for part in unit.split(" / "))


def _part_name(part: str) -> str:
    part = part.strip("() ")
    if part in _CURRENCY_NAMES:
        return _CURRENCY_NAMES[part]
    if part in _UNIT_NAMES:
        return _UNIT_NAMES[part]
    name = part.replace("meter", "metre").replace("liter", "litre").replace("_", " ")
    if name.endswith(" ** 2"):
        name = "square " + name[: -len(" ** 2")]
    if name.endswith(" ** 3"):
        name = "cubic " + name[: -len(" ** 3")]
    return name


_CHANGE = {"=": "=", "~": "~", ">": ">", ">=": ">", "<": "<", "<=": "<"}


def numcheck_tags(sentence: str, everything: bool = False) -> list[Tag]:
    """numcheck's quantities as NewsQuant tags.

    ``everything`` also yields typed numbers (years, identifiers, ordinals) and names every
    count "dimensionless": quantulum3's own convention, used on its own test sentences.
    """
    from numcheck.api import extract

    tags = []
    for c in extract(sentence):
        if not (c.is_quantity or (everything and not math.isnan(c.value)
                                  and c.kind != "ordinal")):  # quantulum3 skips "21st"
            continue
        value: Value = (c.value, c.upper) if c.upper is not None else c.value
        change = c.change or _CHANGE[c.bound]
        if everything and c.unit is None:
            unit = "dimensionless"
        elif c.unit is None and c.kind == "count" and _FRACTION_WRITTEN.search(c.text):
            # a fraction of something ("a third of the population"): NewsQuant writes it as
            # a share, "% <what it is a share of>"
            unit = f"% {cqe_unit(None, c.kind, c.quantity_of)}"
        else:
            unit = cqe_unit(c.unit, c.kind, c.quantity_of)
        tags.append(Tag(value, unit, change))
    return tags


_FRACTION_WRITTEN = re.compile(
    r"half|halves|thirds?|quarters?|fifths?|sixths?|tenths?|\d\s?[/⁄]\s?\d|[½⅓⅔¼¾⅕⅛]", re.I
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|up\s+to\s+)?\S{0,4}$", re.I)
_TO_BETWEEN = re.compile(r"^[^.;:()\d]{0,40}?\bto\s+\S{0,4}$", re.I)


def numcheck_range_tags(sentence: str) -> list[Tag]:
    """numcheck's quantities as NewsQuant tags, each change "from A to B" written as
    NewsQuant writes it: one range tag (A, B). numcheck states them as two claims (its claim
    model: a change has a start and an end, not a range of values); this is only a change of
    notation of the two claims it found, for the informational row of the report."""
    from numcheck.api import extract

    claims = [c for c in extract(sentence) if c.is_quantity]
    tags = numcheck_tags(sentence)
    merged: list[Tag] = []
    i = 0
    while i < len(claims):
        a = claims[i]
        if i + 1 < len(claims) and a.upper is None and claims[i + 1].upper is None:
            b = claims[i + 1]
            before = sentence[max(0, a.start - 30) : a.start]
            between = sentence[a.end : b.start]
            if _FROM_BEFORE.search(before) and _TO_BETWEEN.match(between):
                merged.append(Tag((a.value, b.value), tags[i + 1].unit, "="))
                i += 2
                continue
        merged.append(tags[i])
        i += 1
    return merged


def quantulum_tags(sentence: str) -> list[Tag]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    return [Tag(float(q.value), q.unit.name.lower(), "=") for q in parser.parse(sentence)]


def gold_tags(item: dict[str, object], average_ranges: bool) -> list[Tag]:
    tags = []
    for q in item["quantities"]:  # type: ignore[attr-defined]
        raw = str(q["value"])
        value: Value
        if "-" in raw[1:] and "e" not in raw.lower():
            lo, hi = (float(x) for x in raw.split("-", 1))
            value = (lo + hi) / 2 if average_ranges else (lo, hi)
        else:
            value = float(raw)
        tags.append(Tag(value, str(q["normalized_unit"]).lower(), str(q["change"])))
    return tags


def _close(a: Value, b: Value) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        pairs = zip(a, b, strict=True)
        return all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8) for x, y in pairs)
    if isinstance(a, tuple) or isinstance(b, tuple):
        return False
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def score(
    items: Sequence[dict[str, object]],
    tagger: Callable[[str], list[Tag]],
    average_ranges: bool = False,
    errors: list[str] | None = None,
) -> dict[str, Scores]:
    """Precision, recall and F1 for value, value+unit and value+change."""
    total_gold = total_pred = 0
    hits = {"value": 0, "value+unit": 0, "value+change": 0}
    for item in items:
        gold = gold_tags(item, average_ranges)
        pred = tagger(str(item["text"]))
        total_gold += len(gold)
        total_pred += len(pred)
        unused = list(pred)
        for g in gold:
            matches = [p for p in unused if _close(g.value, p.value)]
            if not matches:
                if errors is not None:
                    errors.append(f"MISS {g} :: {item['text']}")
                continue
            best = next((p for p in matches if p.unit == g.unit), matches[0])
            hits["value"] += 1
            hits["value+unit"] += best.unit == g.unit
            hits["value+change"] += best.change == g.change
            if errors is not None and (best.unit != g.unit or best.change != g.change):
                errors.append(f"DIFF gold={g} pred={best} :: {item['text']}")
            unused.remove(best)
        if errors is not None:
            errors.extend(f"EXTRA {p} :: {item['text']}" for p in unused)
    return _scores(hits, total_gold, total_pred)


def score_published(
    items: Sequence[dict[str, object]],
    tagger: Callable[[str], list[Tag]],
    average_ranges: bool = False,
) -> dict[str, Scores]:
    """The scores as the published evaluation computes them (``calculate_metrics`` in
    satya77/CQE_Evaluation, which produced CQE's 92.0 / 85.6 / 88.0), quirks included.

    Both lists are sorted by unit; for each gold quantity the predictions are walked in that
    order, and every one whose value matches counts a value hit (at most as many per sentence
    as there are gold quantities) and a change hit when its change label agrees; the walk
    stops at, and removes, the first prediction whose unit matches too. So a prediction is
    used up only by a full value+unit match, and a gold quantity can count more than one
    change hit. :func:`score` is the strict one-to-one reading of the same metrics.
    """
    total_gold = total_pred = 0
    hits = {"value": 0, "value+unit": 0, "value+change": 0}
    for item in items:
        gold = sorted(gold_tags(item, average_ranges), key=lambda t: t.unit)
        pred = sorted(tagger(str(item["text"])), key=lambda t: t.unit)
        total_gold += len(gold)
        total_pred += len(pred)
        value_budget = len(gold)
        for g in gold:
            for p in list(pred):
                if not _close(g.value, p.value):
                    continue
                if value_budget > 0:
                    hits["value"] += 1
                    value_budget -= 1
                hits["value+change"] += p.change == g.change
                if p.unit == g.unit:
                    hits["value+unit"] += 1
                    pred.remove(p)
                    break
    return _scores(hits, total_gold, total_pred)


def _scores(hits: dict[str, int], total_gold: int, total_pred: int) -> dict[str, Scores]:
    out = {}
    for key, hit in hits.items():
        p = hit / total_pred if total_pred else 0.0
        r = hit / total_gold if total_gold else 0.0
        out[key] = Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def load_items() -> list[dict[str, object]]:
    path = require("newsquant/NewsQuant-dev.json")
    return list(json.loads(path.read_text(encoding="utf-8")))


#: NewsQuant's unit-disambiguation sets (Recognizers-Text specs, most of them lower-cased
#: newswire): sentences the extraction was never tuned on, so a second view of value+unit.
UNIT_SETS = ("age", "currency", "dimension", "temperature")


def load_unit_set(name: str) -> list[dict[str, object]]:
    """One set, each quantity given the change "=" it has no gold for (only value and
    value+unit are scored on these)."""
    items = json.loads(require(f"newsquant/{name}-model.json").read_text(encoding="utf-8"))
    for item in items:
        for q in item["quantities"]:
            q.setdefault("change", "=")
    return list(items)


def score_unit_sets() -> dict[str, dict[str, dict[str, Scores]]]:
    """Strict value and value+unit F1 of numcheck and quantulum3 on each unit set."""
    out: dict[str, dict[str, dict[str, Scores]]] = {}
    for name in UNIT_SETS:
        items = load_unit_set(name)
        out[name] = {
            "numcheck": score(items, numcheck_tags),
            "quantulum3": score(items, quantulum_tags, average_ranges=True),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0, help="print the first N errors")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    items = load_items()
    results: dict[str, dict[str, Scores]] = {}
    timings = {}
    errors: list[str] = []
    for name, tagger, avg in (
        ("numcheck", numcheck_tags, False),
        ("numcheck from-to", numcheck_range_tags, False),
        ("quantulum3", quantulum_tags, True),
    ):
        # Load models outside the timing (numcheck loads quantulum3's unit dictionary only
        # when a sentence needs it: this one does).
        tagger("The 275 pound-feet engine revs at 3000 rpm.")
        from numcheck.extraction.quantulum import parse_units

        parse_units("warm-up: 5 km in 3 hours")
        started = time.perf_counter()
        cached = _memo(tagger)
        results[f"{name} strict"] = score(items, cached, avg,
                                          errors if name == "numcheck" else None)
        timings[name] = time.perf_counter() - started
        results[f"{name} published"] = score_published(items, cached, avg)
    unit_sets = score_unit_sets()
    if args.json:
        summary = {k: {m: vars(s) for m, s in v.items()} for k, v in results.items()}
        summary.update({f"{system} {name}-model": {m: vars(s) for m, s in metrics.items()}
                        for name, systems in unit_sets.items()
                        for system, metrics in systems.items()})
        print(json.dumps(summary))
        return
    print(f"NewsQuant dev: {len(items)} sentences, "
          f"{sum(len(i['quantities']) for i in items)} gold quantities")  # type: ignore[arg-type]
    print("protocol: strict = each gold quantity matched at most once (one-to-one); "
          "published = CQE_Evaluation's calculate_metrics, which CQE's figures come from")
    print(f"{'system':<22} {'metric':<13} {'P':>6} {'R':>6} {'F1':>6}")
    for name, metrics in results.items():
        for metric, s in metrics.items():
            print(f"{name:<22} {metric:<13} {s.p * 100:6.1f} {s.r * 100:6.1f} {s.f1 * 100:6.1f}")
    print("numcheck from-to: the same claims, each change \"from A to B\" written as NewsQuant's "
          "one range tag (informational; numcheck's claim model keeps them two claims)")
    print(f"time: numcheck {timings['numcheck']:.2f}s, quantulum3 {timings['quantulum3']:.2f}s "
          f"(ratio {timings['quantulum3'] / timings['numcheck']:.1f}x)")
    print("\nNewsQuant unit sets (*-model.json, strict; no change gold, so value and value+unit)")
    print(f"{'set':<13} {'quantities':>10} {'numcheck value':>15} {'value+unit':>11} "
          f"{'quantulum3 value':>17} {'value+unit':>11}")
    for name, systems in unit_sets.items():
        n = sum(len(i["quantities"]) for i in load_unit_set(name))  # type: ignore[arg-type]
        ours, theirs = systems["numcheck"], systems["quantulum3"]
        print(f"{name:<13} {n:>10} {ours['value'].f1 * 100:15.1f} "
              f"{ours['value+unit'].f1 * 100:11.1f} {theirs['value'].f1 * 100:17.1f} "
              f"{theirs['value+unit'].f1 * 100:11.1f}")
    for line in errors[: args.errors]:
        print(line)


def _memo(tagger: Callable[[str], list[Tag]]) -> Callable[[str], list[Tag]]:
    """Tag each sentence once: both protocols score the same predictions."""
    seen: dict[str, list[Tag]] = {}

    def tag(sentence: str) -> list[Tag]:
        if sentence not in seen:
            seen[sentence] = tagger(sentence)
        return list(seen[sentence])

    return tag


if __name__ == "__main__":
    main()
