"""The newsroom CI files: the pre-commit hook and the example GitHub workflow work as shipped."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from numcheck.cli import _register, app

ROOT = Path(__file__).resolve().parents[2]
FOREST = ROOT / "examples" / "forest-reserve.md"


def _invoke(args: list[str], monkeypatch: pytest.MonkeyPatch, github: bool) -> Any:
    _register()
    if github:
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
    else:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return CliRunner().invoke(app, [*args, "--no-cache"])


def test_pre_commit_hook_runs_numcheck_on_prose_files_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "numcheck" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}
    assert "types" not in hook  # `types` would AND with types_or
    command = shlex.split(hook["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert command[0] in scripts and command[1:] == ["check"]
    # pre-commit appends the file names; a finding fails the hook, a clean file passes.
    assert _invoke([*command[1:], str(FOREST)], monkeypatch, github=False).exit_code == 1
    clean = ROOT / "examples" / "clean-flood-relief.md"
    assert _invoke([*command[1:], str(clean)], monkeypatch, github=False).exit_code == 0


def _steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text("utf-8"))
    [job] = workflow["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    assert workflow["permissions"]["security-events"] == "write"
    return steps


def test_workflow_uploads_the_sarif_file_it_writes() -> None:
    steps = _steps()
    sarif = next(s for s in steps if "--format sarif" in s.get("run", ""))
    written = shlex.split(sarif["run"])[shlex.split(sarif["run"]).index("-o") + 1]
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == written
    assert upload.get("if") == "always()"
    # Only the last step may fail the job, after everything was uploaded.
    assert "--fail-on never" in sarif["run"]
    assert steps[-1]["run"].startswith("numcheck check") and "--format" not in steps[-1]["run"]


def test_under_github_actions_the_default_format_annotates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = _invoke(["check", str(FOREST)], monkeypatch, github=True)
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations and annotations[0].startswith("::error file=")
    assert "NC101" in annotations[0]
