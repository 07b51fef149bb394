"""The claims table (``numcheck extract``) as JSON, CSV or Parquet, via pandas."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from numcheck.claims import Claim

if TYPE_CHECKING:
    import pandas as pd

# The contract's columns first (DESIGN.md: path, line, column, text, value, low, high, unit,
# bound, kind, quantity_of), then the rest.
COLUMNS = (
    "path", "line", "column", "text", "value", "low", "high", "unit", "bound", "kind",
    "quantity_of", "change", "upper", "low_closed", "high_closed", "step", "start", "end",
    "sentence", "doc_date", "doc_id",
)


def _clean(value: object) -> object:
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return None
    return value


def rows(claims: Sequence[Claim]) -> list[dict[str, object]]:
    out = []
    for claim in claims:
        data = claim.to_dict()
        out.append({key: _clean(data[key]) for key in COLUMNS})
    return out


def frame(claims: Sequence[Claim]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows(claims), columns=list(COLUMNS))


def write_claims(claims: Sequence[Claim], fmt: str, output: Path | None) -> None:
    if fmt == "json":
        text = json.dumps({"claims": rows(claims)}, ensure_ascii=False, indent=1) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    table = frame(claims)
    if fmt == "csv":
        if output:
            table.to_csv(output, index=False)
        else:
            table.to_csv(sys.stdout, index=False)
        return
    target = output if output is not None else sys.stdout.buffer
    table.to_parquet(target, index=False)
