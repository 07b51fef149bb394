"""Fake rule kinds for engine tests: small and text-based (no extraction needed). The autouse
fixture in conftest.py registers them for each test and removes them afterwards."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec

DOCS = RuleDocs(what="Flags a marker word.", why="Tests need a rule.", example="BAD",
                fix="Remove the word.")


class MarkKind:
    """Flags every occurrence of ``params.word``; message template may use {word}."""

    kind: ClassVar[str] = "test-mark"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = DOCS
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "word": {"type": "string", "default": "BAD"},
            "tolerance": {"type": "number", "minimum": 0},
            "pattern": {"type": "string", "format": "regex"},
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        for m in re.finditer(re.escape(rule.param("word", "BAD")), ctx.document.text):
            evidence = ctx.span_evidence(m.start(), m.end())
            yield ctx.finding(rule, rule.message.format(word=m.group()), [evidence],
                              f"{m.group()} is marked", f"remove {m.group()}")


class BoomKind:
    """Yields one finding for the first 'BAD', then raises."""

    kind: ClassVar[str] = "test-boom"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = DOCS
    params_schema: ClassVar[Mapping[str, Any]] = {"type": "object"}

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        m = re.search("BAD", ctx.document.text)
        if m:
            yield ctx.finding(rule, "before the crash", [ctx.span_evidence(m.start(), m.end())],
                              "made before the rule failed")
        raise ValueError("kaboom")


class CorpusKind:
    """Flags a word that occurs in more than one document, with evidence in each."""

    kind: ClassVar[str] = "test-corpus"
    scope: ClassVar[str] = "corpus"
    docs: ClassVar[RuleDocs] = DOCS
    params_schema: ClassVar[Mapping[str, Any]] = {"type": "object"}

    def check_corpus(
        self, rule: RuleSpec, contexts: Sequence[DocumentContext]
    ) -> Iterator[Finding]:
        evidence = []
        for ctx in contexts:
            m = re.search("SHARED", ctx.document.text)
            if m:
                evidence.append(ctx.span_evidence(m.start(), m.end()))
        if len(evidence) > 1:
            yield contexts[0].finding(rule, f"SHARED in {len(evidence)} documents", evidence,
                                      "appears more than once")


class CorpusBoomKind:
    kind: ClassVar[str] = "test-corpus-boom"
    scope: ClassVar[str] = "corpus"
    docs: ClassVar[RuleDocs] = DOCS
    params_schema: ClassVar[Mapping[str, Any]] = {"type": "object"}

    def check_corpus(
        self, rule: RuleSpec, contexts: Sequence[DocumentContext]
    ) -> Iterator[Finding]:
        raise KeyError("index")


FAKES = (MarkKind, BoomKind, CorpusKind, CorpusBoomKind)


def spec(code: str = "T101", kind: str = "test-mark", **changes: Any) -> RuleSpec:
    from types import MappingProxyType

    fields: dict[str, Any] = {
        "code": code,
        "name": f"test.{code.lower()}",
        "kind": kind,
        "level": "error",
        "message": "found {word}" if kind == "test-mark" else "m",
        "params": MappingProxyType({"word": "BAD"}),
        "docs": DOCS,
    }
    fields.update(changes)
    return RuleSpec(**fields)


def no_claims(doc: Document) -> list[Claim]:
    return []


def claim(text: str, kind: str = "count", line: int = 1) -> Claim:
    return Claim(text=text, value=1.0, low=1.0, high=1.0, bound="=", unit=None,
                 kind=kind, line=line)  # type: ignore[arg-type]
