"""Reading rule fixture files and judging one case; the runner is test_rule_fixtures.py.

A fixture file (``tests/rules/<anything>.yml``) tests one rule::

    rule: NC101

    km-to-miles-rounded:          # case name; the test id is NC101-km-to-miles-rounded
      pass_str: "The trail is 5 km (3 miles) long."

    miles-to-km-wrong:
      fail_str: "It covers 25 square miles (40 square kilometres)."
      message: "not 40"           # optional: a substring of the finding's message
      line: 1                     # optional: the line of the finding
      configs: {tolerance: 0.2}   # optional: parameter overrides for the rule
      meta: {date: "2024-05-01"}  # optional: document metadata (date, title, ...)

``pass_str`` must give no finding of the rule; ``fail_str`` at least one (matching ``message``
and ``line`` when given). Only the rule under test runs, selected by its exact code, so rules a
pack ships disabled can be tested too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from numcheck.claims import Claim
from numcheck.config import Config, ConfigError, RuleConfig
from numcheck.documents import Document
from numcheck.engine import check_documents
from numcheck.rules.loader import RuleSet
from numcheck.rules.selection import select_rules

CASE_KEYS = frozenset({"pass_str", "fail_str", "message", "line", "configs", "meta"})


@dataclass(frozen=True)
class Case:
    """One named case of a fixture file; ``error`` is set when the file or case is malformed."""

    file: str
    rule: str
    name: str
    text: str = ""
    should_fail: bool = False
    message: str | None = None
    line: int | None = None
    configs: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    meta: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    error: str | None = None

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"


def _case(file: str, rule: str, name: str, body: object) -> Case:
    if not isinstance(body, dict):
        return Case(file, rule, name, error=f"{file}: case {name!r} must be a mapping")
    unknown = sorted(set(body) - CASE_KEYS)
    if unknown:
        return Case(file, rule, name, error=f"{file}: case {name!r}: unknown keys {unknown}")
    if ("pass_str" in body) == ("fail_str" in body):
        return Case(file, rule, name,
                    error=f"{file}: case {name!r} needs exactly one of pass_str and fail_str")
    text = body.get("fail_str", body.get("pass_str"))
    if not isinstance(text, str):
        return Case(file, rule, name, error=f"{file}: case {name!r}: the text must be a string")
    if "pass_str" in body and ("message" in body or "line" in body):
        return Case(file, rule, name,
                    error=f"{file}: case {name!r}: message/line only make sense with fail_str")
    return Case(
        file, rule, str(name), text, "fail_str" in body,
        message=body.get("message"), line=body.get("line"),
        configs=MappingProxyType(dict(body.get("configs") or {})),
        meta=MappingProxyType({str(k): str(v) for k, v in (body.get("meta") or {}).items()}),
    )


def load_cases(files: Sequence[Path]) -> list[Case]:
    cases: list[Case] = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            cases.append(Case(path.name, path.stem, "invalid", error=f"{path.name}: {exc}"))
            continue
        if not isinstance(data, dict) or not isinstance(data.get("rule"), str):
            cases.append(Case(path.name, path.stem, "invalid",
                              error=f"{path.name}: must start with 'rule: CODE'"))
            continue
        rule = data.pop("rule")
        if not data:
            cases.append(Case(path.name, rule, "empty", error=f"{path.name}: no cases"))
        cases.extend(_case(path.name, rule, str(name), body) for name, body in data.items())
    return cases


def judge(
    case: Case,
    ruleset: RuleSet,
    extractor: Callable[[Document], Sequence[Claim]] | None = None,
) -> list[str]:
    """What is wrong with ``case`` (empty when it holds)."""
    if case.error:
        return [case.error]
    rule = ruleset.get(case.rule)
    if rule is None:
        return [f"{case.file}: rule {case.rule} is defined by no rule pack"]
    code = rule.code
    config = Config(source=case.file, select=(code,),
                    rules=MappingProxyType({code: RuleConfig(params=case.configs)}))
    try:
        selection = select_rules(ruleset, config)
    except ConfigError as exc:
        return [f"configs: {exc}"]
    doc = Document.from_text(case.text, f"{case.name}.md", case.meta)
    report = check_documents([doc], selection, extractor=extractor)
    problems = [p.message for p in report.problems if p.severity == "error"]
    if problems:
        return problems
    mine = [f for f in report.findings if f.rule == code]
    shown = "; ".join(f"line {f.line}: {f.message}" for f in mine)
    if not case.should_fail:
        return [f"expected no {code} finding, got: {shown}"] if mine else []
    if not mine:
        return [f"expected a {code} finding, got none"]
    matching = [f for f in mine
                if (case.message is None or case.message in f.message)
                and (case.line is None or f.line == case.line)]
    if not matching:
        want = " and ".join(part for part in (
            f"message containing {case.message!r}" if case.message is not None else "",
            f"line {case.line}" if case.line is not None else "") if part)
        return [f"expected a {code} finding with {want}, got: {shown}"]
    return []
