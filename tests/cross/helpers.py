"""Helpers for the cross-article tests: the shipped NC201 rule, the pair articles, runs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from numcheck.documents import Document
from numcheck.engine import Run, run_documents
from numcheck.extraction import extract_document
from numcheck.findings import Finding
from numcheck.loading import read_path
from numcheck.matching import DocRef, Item, items_of, parse_when, text_hash
from numcheck.rules.base import RuleSpec
from numcheck.rules.loader import load_rules

PAIRS = Path(__file__).resolve().parent / "pairs"


@cache
def nc201() -> RuleSpec:
    """The shipped rule, as its pack configures it."""
    rule = load_rules().get("NC201")
    assert rule is not None, "rules/cross.yml must define NC201"
    return rule


def rule_with(**params: Any) -> RuleSpec:
    rule = nc201()
    return replace(rule, params=MappingProxyType({**rule.params, **params}))


def pair_paths(name: str) -> list[str]:
    return [str(p) for p in sorted((PAIRS / name).glob("*.md"))]


def documents(paths: Iterable[str]) -> list[Document]:
    return [d for p in paths for d in read_path(p).documents]


def doc(text: str, path: str, date: str | None = None) -> Document:
    meta = {"date": date} if date else {}
    return Document.from_text(text, path, meta)


def run(docs: Sequence[Document], **params: Any) -> Run:
    return run_documents(docs, [rule_with(**params)])


def findings(docs: Sequence[Document], **params: Any) -> list[Finding]:
    return list(run(docs, **params).report.findings)


def items(docs: Sequence[Document]) -> list[Item]:
    """Documents as matching items, as the kind builds them."""
    out: list[Item] = []
    for order, document in enumerate(docs):
        when, timed = parse_when(document.meta.get("date"))
        ref = DocRef(document.path, document.meta.get("id"), text_hash(document.text), order,
                     when, timed)
        out.extend(items_of(ref, extract_document(document), text=document.text))
    return out


def params_of(mapping: Mapping[str, Any]) -> dict[str, Any]:
    return dict(mapping)
