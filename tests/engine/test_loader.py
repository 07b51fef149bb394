"""Rule pack loading: schema, kinds, parameters, line numbers in every error."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from numcheck.rules import loader
from numcheck.rules.base import KINDS
from numcheck.rules.loader import PackError, load_pack, load_rules, parse_pack

GOOD = """\
rules:
  - code: T101
    name: test.mark
    kind: test-mark
    level: error
    message: "found {word}"
    groups: [tests]
    params:
      word: BAD
    docs:
      what: Own docs.
"""


def errors_of(text: str, source: str = "p.yml") -> list[str]:
    with pytest.raises(PackError) as info:
        parse_pack(textwrap.dedent(text), source)
    return list(info.value.errors)


def test_good_pack_builds_specs_with_source_and_docs_fallback() -> None:
    (rule,) = parse_pack(GOOD, "p.yml")
    assert (rule.code, rule.name, rule.kind, rule.level) == ("T101", "test.mark", "test-mark",
                                                             "error")
    assert rule.groups == ("tests",)
    assert rule.source == "p.yml:2"
    assert rule.docs.what == "Own docs."
    assert rule.docs.why == "Tests need a rule."  # filled from the kind's docs
    assert rule.enabled is True


def test_schema_defaults_fill_missing_params() -> None:
    (rule,) = parse_pack(GOOD.replace("    params:\n      word: BAD\n", ""), "p.yml")
    assert rule.params["word"] == "BAD"


def test_bad_level_names_file_line_key_and_suggests() -> None:
    (error,) = errors_of(GOOD.replace("level: error", "level: eror"))
    assert error == "p.yml:5: T101.level: 'eror' is not one of 'error', 'warning', 'info' " \
                    "(did you mean 'error'?)"


def test_unknown_rule_key_points_at_the_key_line() -> None:
    text = GOOD.replace("    groups: [tests]\n", "    groups: [tests]\n    levle: x\n")
    (error,) = errors_of(text)
    assert error == "p.yml:8: T101: unknown key 'levle' (did you mean 'level'?)"


def test_missing_required_key() -> None:
    (error,) = errors_of(GOOD.replace("    message: \"found {word}\"\n", ""))
    assert error == "p.yml:2: T101: 'message' is a required property"


def test_unknown_kind_names_available_kinds() -> None:
    (error,) = errors_of(GOOD.replace("kind: test-mark", "kind: test-mrak"))
    assert error.startswith("p.yml:4: T101.kind: unknown kind 'test-mrak' (did you mean "
                            "'test-mark'?); available: ")
    assert "test-boom" in error and "test-corpus" in error


def test_params_validated_against_kind_schema_with_lines() -> None:
    text = GOOD.replace("      word: BAD\n", "      word: BAD\n      tolerence: 2\n"
                                            "      pattern: '(unclosed'\n")
    assert errors_of(text) == [
        "p.yml:10: T101.params: unknown key 'tolerence' (did you mean 'tolerance'?)",
        "p.yml:11: T101.params.pattern: '(unclosed' is not a 'regex'",
    ]


def test_negative_tolerance_rejected() -> None:
    (error,) = errors_of(GOOD.replace("      word: BAD\n", "      tolerance: -1\n"))
    assert error == "p.yml:9: T101.params.tolerance: -1 is less than the minimum of 0"


def test_all_errors_of_a_pack_reported_in_line_order() -> None:
    text = GOOD.replace("level: error", "level: fatal") + (
        "  - code: t102\n"
        "    name: test.two\n"
        "    kind: test-mark\n"
        "    level: info\n"
        "    message: m\n"
    )
    assert errors_of(text) == [
        "p.yml:5: T101.level: 'fatal' is not one of 'error', 'warning', 'info'",
        "p.yml:12: rules[1].code: 't102' does not match '^[A-Z]+[0-9]+$'",
    ]


def test_yaml_syntax_error_has_line() -> None:
    (error,) = errors_of("rules:\n  - code: T1\n    name: [unclosed\n")
    assert error.startswith("p.yml:4: YAML syntax error")


def test_duplicate_yaml_key_is_an_error() -> None:
    text = GOOD.replace("    level: error\n", "    level: error\n    level: info\n")
    (error,) = errors_of(text)
    assert error == "p.yml:6: rules[0].level: duplicate key"


def test_unsafe_yaml_tags_are_refused() -> None:
    (error,) = errors_of("rules: !!python/object/apply:os.system ['echo hi']\n")
    assert error.startswith("p.yml:1: YAML syntax error")


@pytest.mark.parametrize("text", ["", "rules: 3\n", "- a\n"])
def test_structurally_wrong_packs(text: str) -> None:
    (error,) = errors_of(text)
    assert error.startswith("p.yml:1:")


def test_missing_docs_without_kind_docs_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.engine.loader_kinds import Undocumented

    monkeypatch.setitem(KINDS, Undocumented.kind, Undocumented)
    (error,) = errors_of(GOOD.replace("kind: test-mark", "kind: test-undocumented")
                         .replace("    docs:\n      what: Own docs.\n", "")
                         .replace("    params:\n      word: BAD\n", ""))
    assert "T101.docs.what: missing" in error


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_duplicate_codes_and_names_across_packs(tmp_path: Path) -> None:
    one = write(tmp_path / "one.yml", GOOD)
    two = write(tmp_path / "two.yml", GOOD.replace("test.mark", "test.other"))
    three = write(tmp_path / "three.yml", GOOD.replace("T101", "T102"))
    with pytest.raises(PackError) as info:
        load_rules([one, two, three], shipped=False)
    errors = info.value.errors
    assert len(errors) == 2
    assert "duplicate rule code 'T101'" in errors[0] and "one.yml:2" in errors[0]
    assert "duplicate rule name 'test.mark'" in errors[1]


def test_builtin_code_cannot_be_redefined(tmp_path: Path) -> None:
    pack = write(tmp_path / "p.yml", GOOD.replace("T101", "NC001"))
    with pytest.raises(PackError, match=r"duplicate rule code 'NC001' .*built in"):
        load_rules([pack], shipped=False)


def test_errors_of_every_pack_reported_together(tmp_path: Path) -> None:
    one = write(tmp_path / "one.yml", GOOD.replace("level: error", "level: x"))
    two = write(tmp_path / "two.yml", "rules: [\n")
    with pytest.raises(PackError) as info:
        load_rules([one, two], shipped=False)
    assert [Path(e.split(":")[0]).name for e in info.value.errors] == ["one.yml", "two.yml"]


def test_unreadable_pack(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="rule pack not found"):
        load_pack(tmp_path / "missing.yml")
    bad = tmp_path / "latin.yml"
    bad.write_bytes(b"rules: []\n# caf\xe9\n")
    with pytest.raises(PackError, match="not UTF-8"):
        load_pack(bad)


def test_rule_set_lookup_by_code_and_name(tmp_path: Path) -> None:
    rules = load_rules([write(tmp_path / "p.yml", GOOD)], shipped=False)
    assert [r.code for r in rules] == ["NC001", "T101"]
    assert rules.get("T101") is rules.get("test.mark")
    assert rules.suggest("T10") == " (did you mean 'T101'?)"
    assert {"NC001", "suppression.unused", "T101", "test.mark"} == rules.identifiers


def test_every_shipped_pack_loads() -> None:
    # Guards the packs in rules/: a schema or parameter error in any of them fails here.
    rules = load_rules()
    assert len({r.code for r in rules}) == len(rules)
    for rule in rules:
        assert rule.docs.what, f"{rule.code} has no docs"


def test_shipped_packs_found_in_checkout_or_wheel(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    repo = Path(loader.__file__).resolve().parents[2]
    found = loader.shipped_packs_dir()
    if (repo / "numcheck" / "_packs").is_dir():
        assert found == repo / "numcheck" / "_packs"
    elif (repo / "rules").is_dir():
        assert found == repo / "rules"
    # An installed layout: numcheck/_packs beside the package wins.
    package = tmp_path / "site" / "numcheck"
    (package / "rules").mkdir(parents=True)
    (package / "_packs").mkdir()
    write(package / "_packs" / "a.yml", GOOD)
    monkeypatch.setattr(loader, "__file__", str(package / "rules" / "loader.py"))
    assert loader.shipped_packs_dir() == package / "_packs"
    assert [p.name for p in loader.shipped_pack_paths()] == ["a.yml"]
    # No packs at all (a bare install without data): nothing shipped, no crash.
    (package / "_packs" / "a.yml").unlink()
    (package / "_packs").rmdir()
    assert loader.shipped_packs_dir() is None


def test_broken_kind_module_does_not_hide_the_others(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import numcheck.rules.kinds as kinds

    folder = tmp_path / "kinds"
    folder.mkdir()
    (folder / "zz_broken.py").write_text("raise RuntimeError('half-written kind')\n")
    (folder / "zz_good.py").write_text(textwrap.dedent("""\
        from numcheck.rules.base import RuleDocs, register

        @register
        class Good:
            kind = "zz-good"
            scope = "document"
            docs = RuleDocs(what="w")
            params_schema = {"type": "object"}
    """))
    (folder / "_helper.py").write_text("raise AssertionError('private modules are not imported')\n")
    monkeypatch.setattr(kinds, "__path__", [str(folder)])
    monkeypatch.setattr(kinds, "IMPORT_ERRORS", {})
    monkeypatch.setattr(kinds, "_imported_all", False)
    try:
        kinds.import_all()
        assert "zz-good" in KINDS
        assert kinds.IMPORT_ERRORS == {"zz_broken": "RuntimeError: half-written kind"}
        message = loader._unknown_kind_message("zz-broken")
        assert "zz_broken.py (RuntimeError: half-written kind)" in message
    finally:
        KINDS.pop("zz-good", None)
        for name in ("zz_broken", "zz_good"):
            sys.modules.pop(f"numcheck.rules.kinds.{name}", None)


_ONE_KIND = """
import sys
from numcheck.rules.loader import kind_class

def kind_modules():
    return sorted(name.rpartition(".")[2] for name in sys.modules
                  if name.startswith("numcheck.rules.kinds.")
                  and not name.rpartition(".")[2].startswith("_"))

assert kind_class("percent-of").kind == "percent-of"
print(" ".join(kind_modules()))
assert kind_class("no-such-kind") is None
print(" ".join(kind_modules()))
"""


def test_a_kind_is_imported_alone_and_an_unknown_one_imports_all() -> None:
    # A process that runs one kind (the corpus step beside worker processes) imports that
    # kind's module, named after it, and not the other nine.
    import subprocess

    done = subprocess.run([sys.executable, "-c", _ONE_KIND], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    alone, everything = done.stdout.splitlines()
    assert alone == "percent_of"
    assert {"cross_article", "percent_of", "stats"} <= set(everything.split())
