"""``numcheck check --format html``: one self-contained, deterministic page, marked in place."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from numcheck.cli import _register, app
from numcheck.documents import Document
from numcheck.engine import run_documents
from numcheck.report import FORMATS, OutputOptions, render

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "forest-reserve.md", folder / "forest.md")
    (folder / "clean.md").write_text("The bridge is 120 metres long.\n", encoding="utf-8")
    (folder / "evil.md").write_text(
        "<script>alert(1)</script> It covers 25 square miles (40 square kilometres).\n",
        encoding="utf-8")
    return folder


def _run(out: Path) -> str:
    _register()
    result = CliRunner().invoke(app, ["check", "drafts", "--format", "html", "-o", str(out),
                                      "--no-cache"])
    assert result.exit_code == 1, result.output  # findings
    return out.read_text(encoding="utf-8")


def test_html_is_registered() -> None:
    assert FORMATS["html"] == "numcheck.report.html"


def test_report_page_is_self_contained_and_deterministic(drafts: Path) -> None:
    page = _run(drafts.parent / "a.html")
    again = _run(drafts.parent / "b.html")
    assert page == again
    # Nothing is loaded from anywhere: no external scripts, styles, images or fonts (the
    # empty data: icon only stops the browser asking for /favicon.ico).
    loads = re.findall(r"<(?:script|img|link|iframe)[^>]+(?:src|href)=\"([^\"]*)\"", page)
    assert loads == ["data:,"]
    assert "http://" not in page and "https://" not in page
    # The one inline style and the one inline script are exactly those the CSP allows.
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert style is not None and script is not None
    for body, directive in ((style.group(1), "style-src"), (script.group(1), "script-src")):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} &#x27;sha256-{digest}&#x27;" in csp.group(1)
    assert page.count("<script") == 1 and page.count("<style") == 1
    assert not re.search(r"\son[a-z]+\s*=", page)


def test_report_marks_findings_and_quantities_and_lists_clean_files(drafts: Path) -> None:
    page = _run(drafts.parent / "a.html")
    assert "New forest reserve doubles protected land" in page
    hits = [re.sub(r"<[^>]+>", "", h)
            for h in re.findall(r'<a class="nc-hit[^"]*"[^>]*>(.*?)</a>', page)]
    assert "35C" in hits and any(h.startswith("105F") for h in hits)
    assert page.count('class="nc-q"') >= 6  # quantities underlined
    assert "No findings</strong> in 1 document" in page and "drafts/clean.md" in page
    # Article text is text.
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page


def test_writer_works_from_the_library_without_documents() -> None:
    doc = Document.from_text("It covers 25 square miles (40 square kilometres).", "a.md")
    run = run_documents([doc])
    with_text = render(run.report, "html", OutputOptions(documents=run.documents))
    without = render(run.report, "html")
    assert 'class="nc-hit' in with_text
    # Without the documents there is no text to mark, but still the verdict.
    assert 'class="nc-hit' not in without and "1 error" in without
