"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

::

    ::error file=a.md,line=5,col=26,endColumn=41,title=NC101 conversion.restatement::25 square…

Levels map ``error``/``warning``/``info`` to ``::error``/``::warning``/``::notice``. Escaping
follows GitHub's toolkit (``@actions/core`` ``command.ts``): in the message ``%``, ``\\r``,
``\\n`` become ``%25``, ``%0D``, ``%0A``; in properties also ``:`` and ``,`` become ``%3A`` and
``%2C``. The explanation and suggestion follow the message on their own lines. Input problems
become annotations too, so a CI run shows files that could not be checked.
"""

from __future__ import annotations

from typing import TextIO

from numcheck.documents import Problem
from numcheck.findings import Finding, Report
from numcheck.report import OutputOptions

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: list[tuple[str, object]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    head = f"::{name} {props}" if props else f"::{name}"
    return f"{head}::{escape_data(message)}"


def _annotation(finding: Finding) -> str:
    properties: list[tuple[str, object]] = [
        ("file", finding.path), ("line", finding.line), ("col", finding.column)
    ]
    first = finding.evidence[0] if finding.evidence else None
    if first is not None and first.line == finding.line and first.text and "\n" not in first.text:
        properties.append(("endColumn", first.column + len(first.text)))
    properties.append(("title", f"{finding.rule} {finding.name}"))
    message = finding.message
    if finding.explanation:
        message += f"\n{finding.explanation}"
    if finding.suggestion:
        message += f"\nsuggestion: {finding.suggestion}"
    return command(COMMANDS[finding.severity], properties, message)


def _problem(problem: Problem) -> str:
    properties: list[tuple[str, object]] = [("file", problem.path)]
    if problem.line:
        properties.append(("line", problem.line))
    properties.append(("title", "numcheck input error" if problem.severity == "error"
                       else "numcheck input warning"))
    return command("error" if problem.severity == "error" else "warning", properties,
                   problem.message)


def write(report: Report, out: TextIO, options: OutputOptions) -> None:
    for problem in report.problems:
        out.write(_problem(problem) + "\n")
    for finding in report.findings:
        out.write(_annotation(finding) + "\n")
