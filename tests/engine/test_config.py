"""Configuration files: discovery, validation messages, and applying them to rules."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from numcheck.config import Config, ConfigError, discover, find_config, load_config, parse_size
from numcheck.rules.loader import RuleSet, load_rules
from numcheck.rules.selection import select_rules

PACK = """\
rules:
  - {code: T101, name: test.one, kind: test-mark, level: error, message: m, groups: [news]}
  - {code: T102, name: test.two, kind: test-mark, level: warning, message: m, groups: [news]}
  - {code: T201, name: test.three, kind: test-mark, level: info, message: m, groups: [stats]}
  - {code: T202, name: test.optin, kind: test-mark, level: info, message: m, groups: [stats],
     enabled: false}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def config_error(tmp_path: Path, text: str, name: str = "numcheck.toml") -> str:
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value).replace(str(path), path.name)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- reading


def test_full_config_is_read(in_tmp: Path) -> None:
    write(in_tmp / "numcheck.toml", """\
        select = ["news", "T2"]
        ignore = ["T102"]
        fail-on = "error"
        max-size = "2MB"
        time-budget = 2.5
        packs = ["house.yml"]

        [rules.T101]
        level = "warning"
        params = { tolerance = 0.2 }
    """)
    config = load_config(in_tmp / "numcheck.toml")
    assert config.select == ("news", "T2")
    assert config.ignore == ("T102",)
    assert config.fail_on == "error"
    assert config.max_size == 2 * 1024 * 1024
    assert config.time_budget == 2.5
    assert config.packs == (str(in_tmp / "house.yml"),)
    assert config.rules["T101"].level == "warning"
    assert dict(config.rules["T101"].params) == {"tolerance": 0.2}
    assert config.source == "numcheck.toml"


def test_unknown_top_level_key_suggests(in_tmp: Path) -> None:
    message = config_error(in_tmp, "[rulez.T101]\nlevel = 'info'\n")
    assert message == "numcheck.toml: unknown key 'rulez' (did you mean 'rules'?)"


def test_unknown_rule_table_key(in_tmp: Path) -> None:
    message = config_error(in_tmp, "[rules.T101]\nlevle = 'info'\n")
    assert message == "numcheck.toml: rules.T101: unknown key 'levle' (did you mean 'level'?)"


def test_bad_enum_value(in_tmp: Path) -> None:
    message = config_error(in_tmp, "fail-on = 'warnings'\n")
    assert message == ("numcheck.toml: fail-on: 'warnings' is not one of 'error', 'warning', "
                       "'info', 'never' (did you mean 'warning'?)")


def test_snake_case_key_suggests_kebab(in_tmp: Path) -> None:
    message = config_error(in_tmp, "fail_on = 'error'\n")
    assert message == "numcheck.toml: unknown key 'fail_on' (did you mean 'fail-on'?)"


def test_wrong_type(in_tmp: Path) -> None:
    message = config_error(in_tmp, "select = 'NC101'\n")
    assert message == "numcheck.toml: select: 'NC101' is not of type 'array'"


def test_bad_size(in_tmp: Path) -> None:
    message = config_error(in_tmp, "max-size = 'huge'\n")
    assert message == "numcheck.toml: max-size: 'huge' is not a size (use bytes or e.g. \"20MB\")"


def test_invalid_toml_names_the_file(in_tmp: Path) -> None:
    message = config_error(in_tmp, "select = [\n")
    assert message.startswith("numcheck.toml: invalid TOML: ")
    assert "\n" not in message


def test_pyproject_errors_name_the_table(in_tmp: Path) -> None:
    message = config_error(in_tmp, "[tool.numcheck]\nselekt = []\n", "pyproject.toml")
    assert message == ("pyproject.toml: [tool.numcheck]: unknown key 'selekt' "
                       "(did you mean 'select'?)")


@pytest.mark.parametrize(("text", "size"), [
    (1000, 1000), ("512", 512), ("20MB", 20 * 1024**2), ("1.5 kb", 1536), ("1GiB", 1024**3)])
def test_parse_size(text: int | str, size: int) -> None:
    assert parse_size(text) == size


# --------------------------------------------------------------------------- discovery


def test_discovery_walks_up_and_prefers_numcheck_toml(in_tmp: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    write(in_tmp / "pyproject.toml", "[tool.numcheck]\nfail-on = 'info'\n")
    deep = in_tmp / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == (in_tmp / "pyproject.toml").resolve()
    write(in_tmp / "a" / "numcheck.toml", "fail-on = 'never'\n")
    assert find_config(deep) == (in_tmp / "a" / "numcheck.toml").resolve()
    monkeypatch.chdir(deep)
    assert discover().fail_on == "never"


def test_pyproject_without_table_is_skipped(in_tmp: Path) -> None:
    write(in_tmp / "pyproject.toml", "[tool.numcheck]\nfail-on = 'info'\n")
    write(in_tmp / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(in_tmp / "sub") == (in_tmp / "pyproject.toml").resolve()


def test_explicit_config_and_defaults(in_tmp: Path) -> None:
    assert discover(start=in_tmp) == Config() or find_config(in_tmp) is not None
    write(in_tmp / "custom.toml", "ignore = ['T101']\n")
    assert discover(in_tmp / "custom.toml").ignore == ("T101",)
    with pytest.raises(ConfigError, match="configuration file not found"):
        discover(in_tmp / "absent.toml")


# --------------------------------------------------------------------------- applying


@pytest.fixture
def ruleset(tmp_path: Path) -> RuleSet:
    return load_rules([write(tmp_path / "pack.yml", PACK)], shipped=False)


def codes(ruleset: RuleSet, **kwargs: Any) -> list[str]:
    return [r.code for r in select_rules(ruleset, **kwargs).rules]


def test_defaults_run_pack_enabled_rules(ruleset: RuleSet) -> None:
    assert codes(ruleset) == ["NC001", "T101", "T102", "T201"]


@pytest.mark.parametrize(("select", "ignore", "expected"), [
    (["news"], [], ["T101", "T102"]),
    (["T2"], [], ["T201"]),                       # a prefix does not select opt-in rules
    (["T202"], [], ["T202"]),                     # an exact code does
    (["test.optin"], [], ["T202"]),               # so does an exact name
    (["ALL"], ["news"], ["NC001", "T201"]),
    (["news"], ["T1"], []),
    (["T101"], ["T1"], ["T101"]),                 # the more specific selector wins
    (["T1"], ["T1"], []),                         # on a tie, ignore wins
    (["T"], ["news"], ["T101", "T102", "T201"]),  # a prefix beats a group
])
def test_selection_specificity(
    ruleset: RuleSet, select: list[str], ignore: list[str], expected: list[str]
) -> None:
    assert codes(ruleset, config=Config(select=tuple(select), ignore=tuple(ignore))) == expected


def test_command_line_select_replaces_and_ignore_adds(ruleset: RuleSet) -> None:
    config = Config(select=("news",), ignore=("T101",))
    assert codes(ruleset, config=config, select=["stats"]) == ["T201"]
    assert codes(ruleset, config=config, ignore=["T102"]) == []


def test_selector_matching_nothing_is_an_error(ruleset: RuleSet) -> None:
    with pytest.raises(ConfigError) as info:
        select_rules(ruleset, Config(source="numcheck.toml", ignore=("test.on",)))
    assert str(info.value) == ("numcheck.toml: ignore: 'test.on' matches no rule "
                               "(did you mean 'test.one'?)")
    with pytest.raises(ConfigError, match="command line: --select: 'nws' matches no rule"):
        select_rules(ruleset, select=["nws"])


def test_levels_and_params_override(ruleset: RuleSet) -> None:
    config = load_from_text("""\
        [rules.T101]
        level = "info"
        params = { tolerance = 0.5 }
        [rules."test.two"]
        level = "error"
    """)
    selection = select_rules(ruleset, config)
    one, two = selection.get("T101"), selection.get("T102")
    assert one is not None and two is not None
    assert (one.level, one.params["tolerance"], one.params["word"]) == ("info", 0.5, "BAD")
    assert two.level == "error"
    assert dict(selection.level_overrides) == {"T101": "info", "T102": "error"}


def test_params_override_validated_by_kind_schema(ruleset: RuleSet) -> None:
    config = load_from_text("[rules.T101]\nparams = { tolerance = -1 }\n")
    with pytest.raises(ConfigError) as info:
        select_rules(ruleset, config)
    assert str(info.value) == ("numcheck.toml: rules.T101.params.tolerance: -1 is less than "
                               "the minimum of 0")


def test_unknown_rule_in_rules_table(ruleset: RuleSet) -> None:
    with pytest.raises(ConfigError) as info:
        select_rules(ruleset, load_from_text("[rules.T1O1]\nlevel = 'info'\n"))
    assert str(info.value) == "numcheck.toml: rules: unknown rule 'T1O1' (did you mean 'T101'?)"


def test_rule_configured_twice(ruleset: RuleSet) -> None:
    config = load_from_text("[rules.T101]\nlevel = 'info'\n[rules.'test.one']\nlevel = 'error'\n")
    with pytest.raises(ConfigError, match="T101 configured twice"):
        select_rules(ruleset, config)


def load_from_text(text: str) -> Config:
    import tomllib

    from numcheck.config import parse_config

    return parse_config(tomllib.loads(textwrap.dedent(text)), "numcheck.toml")
