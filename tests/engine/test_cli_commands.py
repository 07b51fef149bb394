"""The command line as a user meets it: every command and option there, usage errors exit 2,
and a command imports only its own module (the CLI is click; it was typer)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from numcheck.cli import COMMANDS, _register, app

OPTIONS = {
    "check": ["--format", "-f", "--output", "-o", "--fail-on", "--select", "--ignore",
              "--config", "--quiet", "-q", "--jobs", "-j", "--engine", "--scheduler",
              "--no-cache", "--cache-dir", "--claims-out", "--against", "--max-size",
              "--time-budget"],
    "extract": ["--format", "-f", "--output", "-o", "--all"],
    "index": ["--db", "--jobs", "-j", "--prune", "--quiet", "-q"],
    "rules": ["--config", "--format", "-f"],
    "explain": ["--config"],
    "serve": ["--host", "--port", "--db", "--config", "--time-limit", "--max-size"],
    "stats": ["--format", "-f", "--output", "-o", "--alpha", "--one-tailed", "--apa-only",
              "--p-zero-error", "--no-p-zero-error", "--p-equal-alpha-sig",
              "--p-equal-alpha-nonsig", "--all-p-values", "--fail-on"],
    "timeline": ["--db", "--output", "-o", "--title"],
}


def test_bare_numcheck_prints_help_on_stdout_and_exits_2() -> None:
    done = subprocess.run([sys.executable, "-m", "numcheck"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert done.stderr == ""
    listed = [line.split()[0] for line in done.stdout.split("Commands:")[1].splitlines()
              if line.strip()]
    assert listed == list(OPTIONS) == list(COMMANDS)


@pytest.mark.parametrize("command", list(OPTIONS))
def test_every_option_is_there(command: str) -> None:
    _register()
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    words = set(result.output.replace(",", " ").replace("/", " ").split())
    missing = [option for option in OPTIONS[command] if option not in words]
    assert missing == []


@pytest.mark.parametrize("args", [["check", "--jobs", "0", "x.md"],
                                  ["check", "--time-budget", "-1", "x.md"],
                                  ["check", "--nope"], ["extract"], ["index", "x"],
                                  ["serve", "--port", "x"], ["bogus"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    _register()
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "Error:" in result.stderr


def test_extract_all_keeps_every_kind(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("In 2019 the firm had 300 staff.\n", encoding="utf-8")
    _register()
    plain = CliRunner().invoke(app, ["extract", str(article)])
    flagged = CliRunner().invoke(app, ["extract", "--all", str(article)])
    assert plain.exit_code == flagged.exit_code == 0
    assert plain.stdout == flagged.stdout
    kinds = [claim["kind"] for claim in json.loads(plain.stdout)["claims"]]
    assert "year" in kinds


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("It covers 25 square miles (40 square kilometres).\n", encoding="utf-8")
    probe = ("import sys\nfrom numcheck.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith('numcheck.cli.')), "
             "file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, "check", "--no-cache", "--format",
                           "json", str(article)], capture_output=True, text=True,
                          check=True, env={**os.environ,
                                           "NUMCHECK_CACHE_DIR": str(tmp_path / "cache")})
    assert json.loads(done.stdout)["findings"][0]["rule"] == "NC101"
    assert done.stderr.strip().splitlines()[-1] == "['numcheck.cli.check_cmd']"
