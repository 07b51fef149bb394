"""numcheck versus raw quantulum3 on quantulum3's own test sentences (value, value+unit).

    .venv/bin/python benchmarks/quantulum_tests.py [--errors N]

The regression guard of issue 3: numcheck must not do worse than quantulum3 on the sentences
quantulum3 was written against. Scored with the NewsQuant protocol of ``newsquant.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import require
from benchmarks.newsquant import Tag, numcheck_tags, quantulum_tags, score


def load_items() -> list[dict[str, object]]:
    raw = json.loads(require("quantulum3/quantities.json").read_text(encoding="utf-8"))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    items = load_items()
    errors: list[str] = []
    print(f"quantulum3 tests: {len(items)} sentences, "
          f"{sum(len(i['quantities']) for i in items)} quantities")  # type: ignore[arg-type]
    print(f"{'system':<12} {'metric':<13} {'P':>6} {'R':>6} {'F1':>6}")
    def numcheck_everything(sentence: str) -> list[Tag]:
        return numcheck_tags(sentence, everything=True)

    for name, tagger in (("numcheck", numcheck_everything), ("quantulum3", quantulum_tags)):
        results = score(items, tagger, False, errors if name == "numcheck" else None)
        for metric in ("value", "value+unit"):
            s = results[metric]
            print(f"{name:<12} {metric:<13} {s.p * 100:6.1f} {s.r * 100:6.1f} {s.f1 * 100:6.1f}")
    for line in errors[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
