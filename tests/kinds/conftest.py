"""Helpers for testing rule kinds directly: a document context and a rule spec built in
memory, without the engine or the shipped packs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import pytest

from numcheck.documents import Document
from numcheck.extraction import extract_sentences
from numcheck.findings import Finding
from numcheck.rules.base import KINDS, DocumentContext, RuleSpec
from numcheck.rules.loader import kinds_available, with_defaults
from numcheck.segment import sentences

kinds_available()  # registers every kind: the tests below look them up in KINDS

MakeContext = Callable[[str], DocumentContext]
RunKind = Callable[..., list[Finding]]


def make_context(text: str) -> DocumentContext:
    doc = Document.from_text(text, "test.md")
    parts = sentences(doc.text)
    return DocumentContext(doc, parts, extract_sentences(doc, parts))


def make_rule(kind: str, message: str, params: Mapping[str, Any] | None = None) -> RuleSpec:
    schema = KINDS[kind].params_schema
    return RuleSpec(
        code="NC999", name="test.rule", kind=kind, level="error", message=message,
        params=MappingProxyType(with_defaults(schema, params or {})),
    )


@pytest.fixture
def context() -> MakeContext:
    return make_context


@pytest.fixture
def run_kind() -> RunKind:
    def run(kind: str, text: str, message: str = "{computed}", **params: Any) -> list[Finding]:
        rule = make_rule(kind, message, params)
        return list(KINDS[kind]().check(rule, make_context(text)))

    return run
