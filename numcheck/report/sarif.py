"""``--format sarif``: SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, IDEs).

* ``tool.driver.rules``: one entry per rule that has results, sorted by code, with the rule's
  docs as ``fullDescription`` and ``help`` (text and Markdown);
* results: ``ruleId`` (the stable code), ``level`` (``info`` becomes SARIF's ``note``), the
  first evidence as the location, further evidence as ``relatedLocations``;
* ``partialFingerprints["numcheck/v1"]``: a hash of the rule, the path and the evidence texts
  (case and spacing normalised), so a finding keeps its identity when lines move above it; an
  occurrence number separates identical findings in one file;
* columns count Unicode code points (``columnKind``), as numcheck's columns do;
* input problems become ``toolExecutionNotifications``.

No timestamps or absolute paths are added: the same report gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from numcheck import __version__
from numcheck.documents import Problem
from numcheck.findings import Evidence, Finding, Report
from numcheck.report import OutputOptions
from numcheck.rules.base import RuleSpec

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "numcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

Json = dict[str, Any]


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (resolved against the
    repository root by code-scanning services); absolute paths become ``file://`` URIs."""
    if PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri()
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return PurePosixPath(posix).as_uri()
    return quote(posix, safe="/-._~")


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def fingerprint(finding: Finding) -> str:
    """Stable identity of a finding: rule, path and what the evidence says, not where."""
    parts = [finding.rule, finding.path, *(_normalise(e.text) for e in finding.evidence)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _region(ev: Evidence) -> Json:
    region: Json = {"startLine": ev.line, "startColumn": ev.column}
    if ev.text:
        lines = ev.text.split("\n")
        if len(lines) == 1:
            region["endColumn"] = ev.column + len(ev.text)
        else:
            region["endLine"] = ev.line + len(lines) - 1
            region["endColumn"] = len(lines[-1]) + 1
        region["snippet"] = {"text": ev.text}
    return region


def _location(path: str, region: Json | None) -> Json:
    physical: Json = {"artifactLocation": {"uri": artifact_uri(path)}}
    if region is not None:
        physical["region"] = region
    return {"physicalLocation": physical}


def _result(finding: Finding, rule_index: int, print_: str) -> Json:
    if finding.evidence:
        first, *others = finding.evidence
        location = _location(first.path, _region(first))
    else:
        others = []
        location = _location(finding.path,
                             {"startLine": finding.line, "startColumn": finding.column})
    text = finding.message
    if finding.explanation:
        text += f"\n{finding.explanation}"
    properties: Json = {"name": finding.name, "severity": finding.severity}
    if finding.explanation:
        properties["explanation"] = finding.explanation
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    result: Json = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [location],
    }
    if others:
        result["relatedLocations"] = [
            {"id": number, **_location(ev.path, _region(ev)), "message": {"text": ev.text}}
            for number, ev in enumerate(others, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: print_}
    result["properties"] = properties
    return result


def _help(spec: RuleSpec) -> Json:
    sections = [("What it checks", spec.docs.what), ("Why it matters", spec.docs.why),
                ("Example", spec.docs.example), ("Fix", spec.docs.fix)]
    present = [(title, body) for title, body in sections if body]
    text = "\n\n".join(f"{title}: {body}" for title, body in present)
    markdown = "\n\n".join(
        f"## {title}\n\n```text\n{body}\n```" if title == "Example" else f"## {title}\n\n{body}"
        for title, body in present
    )
    return {"text": text, "markdown": markdown}


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text, re.S)
    return (match.group(1) if match else text).replace("\n", " ")


def _rule(code: str, spec: RuleSpec | None, name: str, level: str) -> Json:
    if spec is None:  # rule metadata not passed in: a minimal, still valid descriptor
        return {"id": code, "name": name, "shortDescription": {"text": name},
                "defaultConfiguration": {"level": LEVELS[level]}}
    rule: Json = {"id": code, "name": spec.name}
    rule["shortDescription"] = {"text": _first_sentence(spec.docs.what) or spec.name}
    if spec.docs.what:
        rule["fullDescription"] = {"text": spec.docs.what}
        rule["help"] = _help(spec)
    rule["defaultConfiguration"] = {"level": LEVELS[spec.level]}
    rule["properties"] = {"tags": list(spec.groups), "kind": spec.kind}
    return rule


def _notification(problem: Problem) -> Json:
    region = {"startLine": problem.line} if problem.line else None
    return {
        "level": "error" if problem.severity == "error" else "warning",
        "message": {"text": problem.message},
        "locations": [_location(problem.path, region)],
    }


def sarif_log(report: Report, options: OutputOptions) -> Json:
    first_of: dict[str, Finding] = {}
    for finding in report.findings:
        first_of.setdefault(finding.rule, finding)
    codes = sorted(first_of)
    index = {code: number for number, code in enumerate(codes)}
    rules = [
        _rule(code, options.rules.get(code), first_of[code].name, first_of[code].severity)
        for code in codes
    ]
    seen: Counter[str] = Counter()
    results = []
    for finding in report.findings:
        base = fingerprint(finding)
        seen[base] += 1
        results.append(_result(finding, index[finding.rule], f"{base}:{seen[base]}"))
    run: Json = {
        "tool": {"driver": {"name": "numcheck", "version": __version__,
                            "semanticVersion": __version__, "rules": rules}},
        "invocations": [{
            "executionSuccessful": not report.has_input_errors,
            "toolExecutionNotifications": [_notification(p) for p in report.problems],
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def write(report: Report, out: TextIO, options: OutputOptions) -> None:
    out.write(json.dumps(sarif_log(report, options), ensure_ascii=False, indent=2) + "\n")
