"""The speed and scale options of ``numcheck check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from numcheck.cli import _register, app


def run(*args: str) -> Result:
    _register()
    return CliRunner().invoke(app, ["check", *args])


@pytest.mark.parametrize(("args", "message"), [
    (["--engine", "spark"], "unknown --engine 'spark'"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--jobs", "0"], "--jobs"),
])
def test_bad_options_exit_2(corpus: list[str], args: list[str], message: str) -> None:
    result = run(*args, corpus[0])
    assert result.exit_code == 2
    assert message in result.stderr


def _rows(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        count: int = conn.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0]
    return count


def test_cache_dir_holds_the_results_and_no_cache_writes_none(corpus: list[str],
                                                             warm_dir: Path) -> None:
    # The session's load cache as --cache-dir: quantulum3 is not rebuilt for this test.
    db = warm_dir / "results.sqlite"
    before = _rows(db) if db.exists() else 0
    first = run("--format", "json", "--cache-dir", str(warm_dir), *corpus)
    assert _rows(db) == before + len(corpus)
    second = run("--format", "json", "--cache-dir", str(warm_dir), *corpus)
    assert second.stdout == first.stdout
    forest = next(p for p in corpus if p.endswith("forest.md"))
    Path(forest).write_text("It covers 25 square miles (65 square kilometres).\n",
                            encoding="utf-8")
    uncached = run("--format", "json", "--no-cache", "--cache-dir", str(warm_dir), *corpus)
    assert '"NC101"' in first.stdout and '"NC101"' not in uncached.stdout
    assert _rows(db) == before + len(corpus)  # --no-cache wrote nothing


def test_claims_out_writes_every_claim_in_document_order(corpus: list[str],
                                                         tmp_path: Path) -> None:
    import pandas as pd

    from numcheck.api import claims_frame

    out = tmp_path / "claims"
    (out / "part-00099.parquet").parent.mkdir()
    (out / "part-00099.parquet").write_bytes(b"left over from an earlier run")
    result = run("--quiet", "--no-cache", "--claims-out", str(out), *corpus)
    assert result.exit_code == 1
    assert [p.name for p in sorted(out.iterdir())] == ["part-00000.parquet"]
    written = pd.read_parquet(out)
    expected = claims_frame(corpus)
    assert list(written["path"]) == list(expected["path"])
    assert list(written["text"]) == list(expected["text"])
    assert written["line"].dtype == "int64" and written["value"].dtype == "float64"


def test_an_unreachable_scheduler_is_a_usage_error(corpus: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    import numcheck.distributed

    monkeypatch.setattr(numcheck.distributed, "CONNECT_TIMEOUT", "1s")
    result = run("--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--no-cache",
                 corpus[0])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in result.stderr
