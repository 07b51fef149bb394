"""Findings: what a rule concluded, where, and why; and the report of a whole run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from numcheck.documents import Problem

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Evidence:
    """One piece of text a finding rests on. ``start``/``end`` index the document's analysed
    text (used to mark it in text and HTML output); they are not part of the JSON contract."""

    path: str
    line: int
    column: int
    text: str
    start: int = 0
    end: int = 0
    doc_id: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "column": self.column, "text": self.text}


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    evidence: tuple[Evidence, ...]
    explanation: str
    suggestion: str | None = None
    doc_id: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "evidence": [e.to_json() for e in self.evidence],
            "explanation": self.explanation,
            "suggestion": self.suggestion,
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)


@dataclass(frozen=True)
class DocumentSummary:
    path: str
    claims: int
    findings: int
    doc_id: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "claims": self.claims, "findings": self.findings}


@dataclass(frozen=True)
class Report:
    """Everything a run produced, in deterministic order."""

    findings: tuple[Finding, ...] = ()
    documents: tuple[DocumentSummary, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        return {
            "findings": [f.to_json() for f in self.findings],
            "documents": [d.to_json() for d in self.documents],
        }

    @property
    def has_input_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)
