"""scrutiny's worked examples and GRIM test vectors (../shared/eval/grim): 100 % agreement.

Values are read as strings, so trailing zeros count ("5.00" has two decimals).
``pigs4_duplicates.csv`` is scrutiny's duplicate-detection example, not a granularity test,
and has no expected verdicts; it is not used.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from numcheck.stats.granularity import debit, grim, grimmer

GRIM_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "grim"


def _rows(name: str) -> list[object]:
    path = GRIM_DIR / name
    if not path.exists():
        return [pytest.param(None, id=f"{name}-absent")]
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [pytest.param(row, id=f"{name[:-4]}-{i}") for i, row in enumerate(rows)]


def _need(row: dict[str, str] | None) -> dict[str, str]:
    if row is None:
        pytest.skip(f"evaluation data absent: {GRIM_DIR}")
    return row


def _true(text: str) -> bool:
    assert text in {"True", "False"}
    return text == "True"


@pytest.mark.eval
@pytest.mark.parametrize("row", _rows("grim_test_vectors.csv"))
def test_grim_vectors(row: dict[str, str] | None) -> None:
    r = _need(row)
    result = grim(r["x"], int(r["n"]), int(r["items"]), percent=_true(r["percent"]))
    assert result.consistent is _true(r["expected_consistency"])


@pytest.mark.eval
@pytest.mark.parametrize("row", _rows("pigs1_grim_means.csv"))
def test_pigs_grim_means(row: dict[str, str] | None) -> None:
    r = _need(row)
    result = grim(r["x"], int(r["n"]))
    assert result.consistent is _true(r["expected_consistency"])
    assert round(result.probability, 2) == float(r["expected_probability"])


@pytest.mark.eval
@pytest.mark.parametrize("row", _rows("pigs2_grim_percent.csv"))
def test_pigs_grim_percent(row: dict[str, str] | None) -> None:
    r = _need(row)
    result = grim(r["x_percent"], int(r["n"]), percent=True)
    assert result.consistent is _true(r["expected_consistency_percent_TRUE"])


@pytest.mark.eval
@pytest.mark.parametrize("row", _rows("pigs3_debit_binary.csv"))
def test_pigs_debit(row: dict[str, str] | None) -> None:
    r = _need(row)
    assert debit(r["x"], r["sd"], int(r["n"])).consistent is _true(
        r["expected_debit_consistency"])


@pytest.mark.eval
@pytest.mark.parametrize("row", _rows("pigs5_grimmer.csv"))
def test_pigs_grimmer(row: dict[str, str] | None) -> None:
    r = _need(row)
    result = grimmer(r["x"], r["sd"], int(r["n"]))
    assert result.consistent is _true(r["expected_consistency"])
    assert result.reason == r["expected_reason"]
