"""``numcheck check``'s progress bar: on stderr, only on a terminal, never with --quiet, and
without colour under NO_COLOR."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from numcheck.cli import _register, app
from numcheck.cli.check_cmd import ProgressBar
from numcheck.documents import Document

COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-7]|9[0-7]|38|4[0-7]|48)(?:;\d+)*m")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def drafts(tmp_path: Path) -> list[str]:
    paths = []
    for i in range(3):
        path = tmp_path / f"d{i}.md"
        path.write_text(f"It covers {i + 2} square miles.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _drive(monkeypatch: pytest.MonkeyPatch, drafts: list[str], no_color: bool) -> str:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert ProgressBar.wanted(quiet=False) and not ProgressBar.wanted(quiet=True)
    bar = ProgressBar(drafts, delay=0.0)
    assert bar.total == 3
    for path in drafts:
        bar(Document.from_text("x", path))
    bar.close()
    return terminal.getvalue()


def test_bar_on_a_terminal_in_colour(monkeypatch: pytest.MonkeyPatch, drafts: list[str]) -> None:
    shown = _drive(monkeypatch, drafts, no_color=False)
    assert "checking" in shown and "3/3" in shown
    assert COLOUR.search(shown)


def test_no_color_means_no_colour(monkeypatch: pytest.MonkeyPatch, drafts: list[str]) -> None:
    shown = _drive(monkeypatch, drafts, no_color=True)
    assert "checking" in shown and "3/3" in shown
    assert not COLOUR.search(shown)


def test_silent_when_stderr_is_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch, drafts: list[str]
) -> None:
    _register()
    # No delay: a bar that should not be there would show even on this short run.
    monkeypatch.setattr(ProgressBar.__init__, "__defaults__", (0.0,))
    result = CliRunner().invoke(app, ["check", *drafts, "--no-cache", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "checking" not in result.stderr
