"""``numcheck check a.md b.md``, ``index``, ``check --against`` and ``timeline`` end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from numcheck.cli import _register, app
from tests.cross.helpers import PAIRS


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding copies of the pair articles, as cwd (relative paths in output)."""
    _register()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for pair in ("troops", "toll-falls", "toll-rises"):
        shutil.copytree(PAIRS / pair, tmp_path / pair)
    return tmp_path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_check_reports_cross_article_findings_in_the_json_contract(here: Path) -> None:
    result = invoke("check", "troops/a.md", "troops/b.md", "--select", "NC201", "-f", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    (finding,) = report["findings"]
    assert finding["rule"] == "NC201" and finding["name"] == "cross.contradiction"
    assert (finding["path"], finding["line"], finding["column"]) == ("troops/b.md", 8, 6)
    assert finding["evidence"] == [
        {"path": "troops/b.md", "line": 8, "column": 6, "text": "4,000"},
        {"path": "troops/a.md", "line": 8, "column": 17, "text": "2,000"},
    ]
    assert report["documents"] == [
        {"path": "troops/a.md", "claims": 1, "findings": 0},
        {"path": "troops/b.md", "claims": 1, "findings": 1},
    ]


def test_text_output_shows_both_articles(here: Path) -> None:
    result = invoke("check", "toll-falls", "--select", "NC201")
    assert result.exit_code == 1
    assert result.stdout.startswith("toll-falls/b.md:8:38: NC201 cross.contradiction  deaths "
                                    "(Morocco): 1,305 here, but 2,012 in toll-falls/a.md\n")
    assert "::: toll-falls/a.md:8:60" in result.stdout


def test_consistent_articles_exit_0(here: Path) -> None:
    result = invoke("check", "toll-rises", "--select", "NC201")
    assert result.exit_code == 0, result.stdout
    assert "no findings" in result.stdout


def test_index_then_check_a_draft_against_the_archive(here: Path) -> None:
    pytest.importorskip("duckdb")
    (here / "archive").mkdir()
    shutil.move("troops/a.md", "archive/a.md")
    first = invoke("index", "archive", "--db", "news.duckdb", "-j", "1")
    assert first.exit_code == 0, first.stderr
    assert "1 files indexed (1 documents, 1 claims), 0 unchanged" in first.stderr
    second = invoke("index", "archive", "--db", "news.duckdb", "-j", "1")
    assert "0 files indexed (0 documents, 0 claims), 1 unchanged" in second.stderr

    result = invoke("check", "troops/b.md", "--against", "news.duckdb", "-f", "json",
                    "--select", "NC201")
    assert result.exit_code == 1, result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert [e["path"] for e in finding["evidence"]] == ["troops/b.md", "archive/a.md"]


def test_check_against_a_missing_archive_is_a_usage_error(here: Path) -> None:
    result = invoke("check", "troops/b.md", "--against", "missing.duckdb")
    assert result.exit_code == 2
    assert "missing.duckdb: no such archive" in result.stderr


def test_timeline_command_writes_the_plot(here: Path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("matplotlib")
    assert invoke("index", "troops", "--db", "t.duckdb", "-j", "1").exit_code == 0
    result = invoke("timeline", "US troops in Syria", "--db", "t.duckdb", "-o", "t.png")
    assert result.exit_code == 1  # plotted, with a conflict
    assert result.stdout == "US troops in Syria: 2 claim(s) in 2 article(s), 1 conflict(s) " \
                            "→ t.png\n"
    assert (here / "t.png").stat().st_size > 1000
    missing = invoke("timeline", "US troops in Iraq", "--db", "t.duckdb", "-o", "x.png")
    assert missing.exit_code == 2 and "no claims about" in missing.stderr
