"""statcheck's four test papers, as PDF and as HTML, against their hand-coded gold CSV.

Every gold statistic must be found in both formats with the gold verdict (error, decision
error), read through the same readers ``numcheck check`` and ``numcheck stats`` use.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from numcheck.loading import load
from numcheck.stats.table import results_frame

ROOT = Path(__file__).resolve().parents[2]
TEST_DIR = ROOT.parent / "shared" / "eval" / "statcheck" / "test_dir"
GOLD = TEST_DIR / "manually_extracted_stats_testpapers.csv"


def _gold() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _file_for(row: dict[str, str]) -> Path:
    # The gold names Paper4's HTML "…multiplepages.html"; the file is "….htm".
    name = row["file_name"]
    path = TEST_DIR / name
    if not path.exists() and name.endswith(".html"):
        path = TEST_DIR / name[:-1]
    return path


def _rows() -> list[object]:
    if not GOLD.exists():
        return [pytest.param(None, id="test_dir-absent")]
    return [pytest.param(row, id=f"{row['paper_id']}-{index}-{row['raw_result'][:12]}")
            for index, row in enumerate(_gold())]


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


@pytest.mark.eval
@pytest.mark.parametrize("row", _rows())
def test_gold_statistic_found_with_gold_verdict(row: dict[str, str] | None) -> None:
    if row is None:
        pytest.skip(f"evaluation data absent: {TEST_DIR}")
    path = _file_for(row)
    loaded = list(load([str(path)]))
    assert loaded and not any(p.severity == "error" for lo in loaded for p in lo.problems)
    documents = [d for lo in loaded for d in lo.documents]
    frame = results_frame(documents)
    value = float(row["test_value"])
    hits = frame[(frame["test_type"] == row["test_type"])
                 & ((frame["test_value"] - value).abs() < 1e-9)]
    assert len(hits) == 1, f"{row['raw_result']} not found once in {path.name}"
    hit = hits.iloc[0]
    for column in ("df1", "df2"):
        expected = _float(row[column])
        if expected is None:
            assert hit[column] != hit[column]  # NaN
        else:
            assert hit[column] == expected
    assert hit["p_comp"] == row["p_comparison"].strip('"')
    assert hit["reported_p"] == pytest.approx(float(row["p"]))
    assert bool(hit["error"]) == (row["error"] == "1")
    assert bool(hit["decision_error"]) == (row["decision_error"] == "1")
    assert bool(hit["one_tailed_in_txt"]) == (row["one_tailed"] == "1")
    if path.suffix == ".pdf":
        assert hit["page"] >= 1


@pytest.mark.eval
def test_no_statistics_beyond_the_gold() -> None:
    if not GOLD.exists():
        pytest.skip(f"evaluation data absent: {TEST_DIR}")
    gold = _gold()
    for path in sorted(TEST_DIR.glob("Paper*")):
        documents = [d for lo in load([str(path)]) for d in lo.documents]
        expected = [r for r in gold if _file_for(r) == path]
        assert len(results_frame(documents)) == len(expected), path.name


@pytest.mark.eval
def test_pdf_page_numbers() -> None:
    path = TEST_DIR / "Paper4_multiplepages.pdf"
    if not path.exists():
        pytest.skip(f"evaluation data absent: {path}")
    documents = [d for lo in load([str(path)]) for d in lo.documents]
    frame = results_frame(documents)
    pages = dict(zip(frame["test_type"], frame["page"], strict=True))
    assert pages == {"t": 1, "Z": 1, "F": 2}
