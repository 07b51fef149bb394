"""``numcheck stats``: the statcheck table as text, CSV and JSON; options and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from numcheck.cli import _register, app
from numcheck.stats.table import STATCHECK_COLUMNS, results_frame, summary, trim

PAPER = ("We report one-tailed tests where stated.\n\n"
         "First, t(28) = 2.20, p = .03. Second, F(2, 56) = 1.20, p = .31.\n"
         "Third, t(28) = 1.20, p = .03, and r(28) = -59, p = .0008.\n")


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    _register()
    result = CliRunner().invoke(app, ["stats", *args])
    return result.exit_code, result.output


def test_csv_has_statcheck_columns_first(paper: Path) -> None:
    code, out = run(str(paper), "--format", "csv")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[: len(STATCHECK_COLUMNS)] == list(STATCHECK_COLUMNS)
    assert [r["test_type"] for r in rows] == ["t", "F", "t", "r"]
    assert [r["error"] for r in rows] == ["True", "False", "True", ""]
    assert [r["decision_error"] for r in rows] == ["False", "False", "True", ""]
    assert rows[3]["impossible"].startswith("r = -59")


def test_json_records(paper: Path) -> None:
    code, out = run(str(paper), "-f", "json")
    results = json.loads(out)["results"]
    assert code == 1 and len(results) == 4
    assert results[0]["computed_p"] == pytest.approx(0.0362254848)
    assert results[0]["line"] == 3 and results[0]["page"] is None
    assert results[3]["error"] is None


def test_text_table_and_summary(paper: Path) -> None:
    code, out = run(str(paper))
    assert code == 1
    assert "inconsistent" in out and "decision error" in out and "impossible" in out
    assert out.rstrip().endswith(
        "4 results in 1 document: 1 inconsistent, 1 decision error, 1 impossible")


def test_options(paper: Path) -> None:
    _, out = run(str(paper), "-f", "json", "--alpha", "0.035")
    assert json.loads(out)["results"][0]["decision_error"] is True  # .036 vs .03 at α = .035
    _, out = run(str(paper), "-f", "json", "--one-tailed", "always")
    assert json.loads(out)["results"][0]["one_tailed"] is True
    code, _ = run(str(paper), "--fail-on", "never")
    assert code == 0
    code, _ = run(str(paper), "--format", "xml")
    assert code == 2


def test_all_p_values(paper: Path) -> None:
    code, out = run(str(paper), "-f", "json", "--all-p-values")
    assert code == 0 and len(json.loads(out)["p_values"]) == 4


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    code, _ = run(str(tmp_path / "missing.pdf"))
    assert code == 2


def test_clean_paper_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text("All fine: t(28) = 2.20, p = .036.\n", encoding="utf-8")
    code, out = run(str(path))
    assert code == 0 and "ok" in out


def test_dataframe_api_summary_and_trim() -> None:
    frame = results_frame({"a": "t(28) = 2.20, p = .06", "b": "t(28) = 2.20, p = .036"})
    assert list(trim(frame).columns) == ["source", "raw", "computed_p", "error",
                                         "decision_error"]
    table = summary(frame)
    assert table["source"].tolist() == ["a", "b", "Total"]
    assert table["nr_errors"].tolist() == [1, 0, 1]
    assert table["nr_decision_errors"].tolist() == [1, 0, 1]
