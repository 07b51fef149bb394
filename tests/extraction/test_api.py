"""The library surface of DESIGN.md, usable without the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numcheck


def test_extract_check_and_claims_frame(tmp_path: Path) -> None:
    text = "The forest covers 25 square miles (40 square kilometres)."
    claims = numcheck.extract(text)
    assert [(c.text, c.unit) for c in claims] == [
        ("25 square miles", "mile ** 2"), ("40 square kilometres", "kilometer ** 2"),
    ]
    report = numcheck.check([text])
    assert [f.rule for f in report.findings] == ["NC101"]
    (tmp_path / "a.md").write_text(text, "utf-8")
    frame = numcheck.claims_frame([str(tmp_path)])
    assert list(frame.columns[:11]) == [
        "path", "line", "column", "text", "value", "low", "high", "unit", "bound", "kind",
        "quantity_of",
    ]
    assert frame["unit"].tolist() == ["mile ** 2", "kilometer ** 2"]


def test_importing_numcheck_loads_neither_the_cli_nor_quantulum3() -> None:
    code = (
        "import sys, numcheck; numcheck.extract('It is 5 km long.');"
        "print(sorted(m for m in ('click', 'typer', 'rich', 'fastapi', 'duckdb')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_extract_command_json_contract(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2019-02-07\n---\nRoughly 2,000 US troops.\n")
    out = subprocess.run(
        [sys.executable, "-m", "numcheck", "extract", str(tmp_path / "a.md"), "-f", "json"],
        capture_output=True, text=True, check=True,
    )
    (claim,) = json.loads(out.stdout)["claims"]
    assert {k: claim[k] for k in ("line", "column", "text", "value", "bound", "unit", "kind",
                                  "quantity_of", "doc_date")} == {
        "line": 4, "column": 9, "text": "2,000", "value": 2000.0, "bound": "~", "unit": None,
        "kind": "count", "quantity_of": "US troops", "doc_date": "2019-02-07",
    }
    assert claim["low"] < 2000 < claim["high"]
