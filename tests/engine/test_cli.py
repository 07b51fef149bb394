"""``numcheck check``, ``numcheck rules`` and ``numcheck explain`` through the real CLI app.

Extraction is replaced by a stub (speed); rules come from a test pack given in a config file.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from numcheck import engine
from numcheck.cli import _register, app
from tests.engine.fakes import no_claims

PACK = """\
rules:
  - {code: T101, name: test.bad, kind: test-mark, level: error, message: "found {word}",
     groups: [tests], params: {word: BAD}}
  - {code: T201, name: test.meh, kind: test-mark, level: info, message: "found {word}",
     groups: [tests], params: {word: MEH}}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a config that adds the test pack, as cwd; extraction stubbed."""
    _register()
    monkeypatch.setattr(engine, "default_extractor", no_claims)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "pack.yml").write_text(PACK, encoding="utf-8")
    (tmp_path / "numcheck.toml").write_text(
        'packs = ["pack.yml"]\nselect = ["tests"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.md").write_text("A BAD line.\n", encoding="utf-8")
    (tmp_path / "docs" / "meh.md").write_text("A MEH line.\n", encoding="utf-8")
    (tmp_path / "docs" / "ok.md").write_text("Fine.\n", encoding="utf-8")
    return tmp_path


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_text_output_and_exit_1(project: Path) -> None:
    result = invoke("check", "docs")
    assert result.exit_code == 1
    assert result.stdout.startswith("docs/bad.md:1:3: T101 test.bad  found BAD\n  |\n1 | A BAD")
    assert result.stdout.endswith(
        "1 error, 1 info in 2 of 3 documents (3 checked, 0 claims)\n")
    assert result.stderr == ""


@pytest.mark.parametrize(("fail_on", "path", "code"), [
    ("error", "docs/meh.md", 0),
    ("info", "docs/meh.md", 1),
    ("never", "docs/bad.md", 0),
    ("warning", "docs/ok.md", 0),
])
def test_fail_on_threshold(project: Path, fail_on: str, path: str, code: int) -> None:
    assert invoke("check", path, "--fail-on", fail_on).exit_code == code


def test_fail_on_from_config(project: Path) -> None:
    (project / "numcheck.toml").write_text(
        'packs = ["pack.yml"]\nselect = ["tests"]\nfail-on = "info"\n', encoding="utf-8")
    assert invoke("check", "docs/meh.md").exit_code == 1


def test_input_errors_exit_2_and_others_still_reported(project: Path) -> None:
    result = invoke("check", "docs/bad.md", "docs/missing.md", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == "numcheck: docs/missing.md: error: no such file or directory\n"
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["findings"]] == ["docs/bad.md"]


def test_input_warnings_are_shown_unless_quiet(project: Path) -> None:
    (project / "docs" / "empty.md").write_text("", encoding="utf-8")
    loud = invoke("check", "docs/empty.md")
    assert loud.exit_code == 0
    assert "docs/empty.md: warning: empty file" in loud.stderr
    quiet = invoke("check", "docs/empty.md", "--quiet")
    assert quiet.stderr == "" and quiet.stdout == ""


def test_select_and_ignore_options(project: Path) -> None:
    result = invoke("check", "docs", "--select", "T201,T101", "--ignore", "T101", "-f", "json")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["T201"]
    assert result.exit_code == 0


def test_github_format_is_default_in_actions(project: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = invoke("check", "docs/bad.md")
    assert result.stdout.startswith("::error file=docs/bad.md,line=1,col=3,endColumn=6,"
                                    "title=T101 test.bad::found BAD")


def test_output_file(project: Path) -> None:
    result = invoke("check", "docs", "-f", "sarif", "-o", "out.sarif")
    assert result.exit_code == 1 and result.stdout == ""
    log = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["T101", "T201"]
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"] == \
        "Flags a marker word."


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xml"],
     "numcheck: unknown format 'xml' (choose from text, json, sarif, github, html)"),
    (["--fail-on", "fatal"], "numcheck: unknown --fail-on level 'fatal'"),
    (["--select", "T9O1"], "numcheck: command line: --select: 'T9O1' matches no rule"),
    (["--config", "absent.toml"], "numcheck: absent.toml: configuration file not found"),
])
def test_usage_errors_exit_2(project: Path, args: list[str], message: str) -> None:
    result = invoke("check", "docs", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_bad_config_key_exit_2(project: Path) -> None:
    (project / "numcheck.toml").write_text("rulez = 1\n", encoding="utf-8")
    result = invoke("check", "docs")
    assert result.exit_code == 2
    assert result.stderr == "numcheck: numcheck.toml: unknown key 'rulez' (did you mean " \
                            "'rules'?)\n"


def test_bad_pack_lists_every_error(project: Path) -> None:
    (project / "pack.yml").write_text(PACK.replace("level: error", "level: fatal")
                                      .replace("level: info", "level: loud"), encoding="utf-8")
    result = invoke("check", "docs")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("numcheck: pack.yml:2: T101.level: 'fatal' is not one of")


def test_rules_table(project: Path) -> None:
    result = invoke("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "level", "kind", "groups", "enabled"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["T101"] == ["T101", "test.bad", "error", "test-mark", "tests", "yes"]
    assert rows["NC001"][-1] == "no"  # not selected by this project's config


def test_rules_json(project: Path) -> None:
    rows = json.loads(invoke("rules", "--format", "json").stdout)["rules"]
    assert {"code": "T201", "name": "test.meh", "level": "info", "kind": "test-mark",
            "groups": "tests", "enabled": "yes"} in rows


def test_explain(project: Path) -> None:
    result = invoke("explain", "test.bad")
    assert result.exit_code == 0
    assert result.stdout == textwrap.dedent("""\
        T101 test.bad
        level: error · kind: test-mark · groups: tests

        What it checks
          Flags a marker word.

        Why it matters
          Tests need a rule.

        Example
          BAD

        Fix
          Remove the word.

        Parameters (set in [rules.T101.params])
          word = "BAD"
    """)


def test_explain_unknown_code(project: Path) -> None:
    result = invoke("explain", "T1O1")
    assert result.exit_code == 2
    assert result.stderr == "numcheck: unknown rule 'T1O1' (did you mean 'T101'?)\n"
