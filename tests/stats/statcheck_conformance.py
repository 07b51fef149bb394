"""Run statcheck's own test expectations (``../shared/eval/statcheck/cases.jsonl``) on numcheck.

Each case is a text (or several) with statcheck options and the values statcheck's R test
suite expects. :func:`run_case` runs numcheck with the same options and compares every expected
field. Two agreement figures come out of it:

* **extraction** — the same results were found: the expected number of rows (explicit, or
  implied by the shape of the expected values) and every expected extraction field (test
  type, dfs, comparisons, values, raw text, source, APA factor, table shape);
* **verdict** — the same ``error`` / ``decision_error`` / ``computed_p`` values.

Run ``python tests/stats/statcheck_conformance.py`` to print the figures and each disagreement.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
CASES = EVAL / "statcheck" / "cases.jsonl"

EXTRACTION_KEYS = frozenset({
    "n_results", "message", "test_type", "df1", "df2", "test_comp", "test_value", "p_comp",
    "reported_p", "raw", "source", "apa_factor", "colnames", "n_results_same_as",
    "nr_p_values",
})
VERDICT_KEYS = frozenset({"error", "decision_error", "computed_p", "nr_errors",
                          "nr_decision_errors"})
# statcheck's VAR_* names for the summary table, in numcheck's summary() columns
_SUMMARY = {"nr_p_values": "nr_p_values", "nr_errors": "nr_errors",
            "nr_decision_errors": "nr_decision_errors", "source": "source"}


def load_cases() -> list[dict[str, Any]]:
    with CASES.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class CaseResult:
    case_id: str
    extraction_ok: bool | None  # None: the case says nothing about extraction
    verdict_ok: bool | None  # None: the case has no verdict expectation
    problems: list[str] = field(default_factory=list)


def _options(raw: dict[str, Any]) -> tuple[Any, bool]:
    from numcheck.stats.consistency import Options

    one_tailed = "never"
    if raw.get("OneTailedTests"):
        one_tailed = "always"
    elif raw.get("OneTailedTxt"):
        one_tailed = "text"
    options = Options(
        alpha=float(raw.get("alpha", 0.05)),
        p_equal_alpha_sig=bool(raw.get("pEqualAlphaSig", True)),
        p_zero_error=bool(raw.get("pZeroError", True)),
        one_tailed=one_tailed,  # type: ignore[arg-type]
    )
    return options, bool(raw.get("AllPValues", False))


def _same(expected: Any, actual: Any) -> bool:
    if expected is None:
        return actual is None or (isinstance(actual, float) and math.isnan(actual)) or (
            actual is pd.NA)
    if isinstance(expected, bool):
        return actual is not pd.NA and actual is not None and bool(actual) == expected
    if isinstance(expected, int | float):
        try:
            value = float(actual)
        except (TypeError, ValueError):
            return False
        return math.isclose(value, float(expected), rel_tol=1e-7, abs_tol=1e-12)
    return str(actual) == str(expected)


def _column(frame: pd.DataFrame, name: str) -> list[Any]:
    return [None if (v is pd.NA or (isinstance(v, float) and math.isnan(v))) else v
            for v in frame[name].tolist()]


def run_case(case: dict[str, Any]) -> CaseResult:
    from numcheck.stats.table import p_values_frame, results_frame, summary, trim

    texts: list[str] = case["texts"] if "texts" in case else (
        [] if case.get("text") is None else [case["text"]])
    options, all_p = _options(case["options"])
    expect: dict[str, Any] = case["expect"]
    if all_p:
        frame = p_values_frame(texts)
    else:
        frame = results_frame(texts, options, apa_only=True, include_impossible=False)
    table = frame
    function = case.get("function")
    if function == "summary.statcheck":
        table = summary(frame)
    elif function == "trim":
        table = trim(frame)

    problems: list[str] = []
    extraction: bool | None = None
    verdict: bool | None = None

    def record(key: str, ok: bool, detail: str) -> None:
        nonlocal extraction, verdict
        if key in VERDICT_KEYS:
            verdict = ok if verdict is None else verdict and ok
        else:
            extraction = ok if extraction is None else extraction and ok
        if not ok:
            problems.append(f"{key}: {detail}")

    for key, expected in expect.items():
        if key == "n_results":
            record(key, len(table) == expected, f"expected {expected} rows, got {len(table)}")
        elif key == "message":
            record(key, len(table) == 0, f"expected no results, got {len(table)}")
        elif key == "colnames":
            record(key, list(table.columns) == expected, f"columns {list(table.columns)}")
        elif key == "n_results_same_as":
            record(key, len(table) == len(frame), "trimmed table lost rows")
        else:
            column = _SUMMARY.get(key, key) if function == "summary.statcheck" else key
            if column not in table.columns:
                record(key, False, f"no column {column!r}")
                continue
            actual = _column(table, column)
            wanted = expected if isinstance(expected, list) else [expected]
            ok = len(actual) == len(wanted) and all(
                _same(w, a) for w, a in zip(wanted, actual, strict=True))
            record(key, ok, f"expected {wanted}, got {actual}")
    # Verdict-only cases still say how many results statcheck found: one per expected value.
    if extraction is None and verdict is not None:
        sizes = {len(v) if isinstance(v, list) else 1 for v in expect.values()}
        size = sizes.pop() if len(sizes) == 1 else None
        if size is not None:
            record("n_results", len(table) == size,
                   f"expected {size} rows (implied), got {len(table)}")
    return CaseResult(case["id"], extraction, verdict, problems)


def results() -> Iterator[CaseResult]:
    for case in load_cases():
        yield run_case(case)


def agreement(items: list[CaseResult]) -> dict[str, tuple[int, int]]:
    ext = [r.extraction_ok for r in items if r.extraction_ok is not None]
    ver = [r.verdict_ok for r in items if r.verdict_ok is not None]
    return {"extraction": (sum(ext), len(ext)), "verdict": (sum(ver), len(ver))}


def main() -> int:
    if not CASES.exists():
        print(f"{CASES} not found", file=sys.stderr)
        return 2
    items = list(results())
    for item in items:
        if item.problems:
            print(item.case_id, "; ".join(item.problems))
    for name, (ok, total) in agreement(items).items():
        print(f"{name}: {ok}/{total} = {100 * ok / total:.1f}%")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
