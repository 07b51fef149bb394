"""Suppression comments work in HTML too: the reader keeps numcheck's comments, drops others."""

from __future__ import annotations

from pathlib import Path

from numcheck.engine import check_paths
from numcheck.loading import read_path

PAGE = """<html><body>
<p>The forest covers 25 square miles (40 square kilometres).</p>
<!-- numcheck: ignore-next-line -->
<p>The lake covers 25 square miles (40 square kilometres).</p>
<!-- an ordinary comment with 99 numbers -->
</body></html>
"""


def test_ignore_next_line_in_an_html_comment(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    report = check_paths([str(path)])
    lines = sorted(f.line for f in report.findings if f.rule == "NC101")
    assert lines == [2]


def test_other_comments_are_not_prose(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    (document,) = read_path(str(path)).documents
    assert "99 numbers" not in document.text
    assert "numcheck: ignore-next-line" in document.text
