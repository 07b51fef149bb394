"""The contract between the engine and rule kinds.

A *rule kind* is Python code (one module per kind in :mod:`numcheck.rules.kinds`) that knows
how to look for one sort of contradiction. A *rule* is data: a YAML entry in a pack under
``rules/`` that names a kind and gives it a code, a dotted name, a level, a message template and
parameters. The engine owns iteration, suppression, levels and output; a kind only yields
findings (it never prints, reads files or touches the CLI).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, Literal, Protocol

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.findings import Evidence, Finding, Severity
from numcheck.segment import Sentence

Scope = Literal["document", "corpus"]


@dataclass(frozen=True)
class RuleDocs:
    """Documentation in the ruff style, shown by ``numcheck explain CODE``."""

    what: str = ""
    why: str = ""
    example: str = ""
    fix: str = ""


@dataclass(frozen=True)
class RuleSpec:
    """One configured rule: a kind plus its code, name, level and parameters."""

    code: str
    name: str
    kind: str
    level: Severity
    message: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    groups: tuple[str, ...] = ()
    docs: RuleDocs = field(default_factory=RuleDocs)
    enabled: bool = True
    source: str = ""

    def param(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


@dataclass(frozen=True)
class DocumentContext:
    """What a document-scope rule sees: one document, its sentences and its claims.

    Corpus-scope rules see one per document, with ``prepared``: for each corpus rule (by
    code) whose kind prepares documents (:class:`PreparingCorpusKind`), what its ``prepare``
    returned for this document. A rule finds nothing there for documents that were not
    prepared (a custom runner, an archive) and prepares them itself."""

    document: Document
    sentences: Sequence[Sentence]
    claims: Sequence[Claim]
    prepared: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def evidence(self, claim: Claim) -> Evidence:
        return Evidence(
            path=claim.path,
            line=claim.line,
            column=claim.column,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            doc_id=claim.doc_id,
        )

    def span_evidence(self, start: int, end: int) -> Evidence:
        line, column = self.document.position(start)
        return Evidence(
            path=self.document.path,
            line=line,
            column=column,
            text=self.document.text[start:end],
            start=start,
            end=end,
            doc_id=self.document.meta.get("id"),
        )

    def finding(
        self,
        rule: RuleSpec,
        message: str,
        evidence: Sequence[Evidence],
        explanation: str,
        suggestion: str | None = None,
    ) -> Finding:
        """Build a finding located at its first piece of evidence.

        Messages quote the text, and text wraps: line breaks and runs of spaces inside a quote
        are folded to one space so every message, explanation and suggestion is one line.
        """
        first = evidence[0]
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=rule.level,
            message=one_line(message),
            path=first.path,
            line=first.line,
            column=first.column,
            evidence=tuple(evidence),
            explanation=one_line(explanation),
            suggestion=None if suggestion is None else one_line(suggestion),
            doc_id=first.doc_id,
        )


def one_line(text: str) -> str:
    """Fold line breaks and runs of white space to single spaces."""
    return " ".join(text.split())


class RuleKind(Protocol):
    """A rule kind. Implementations are plain classes registered with :func:`register`."""

    kind: ClassVar[str]
    scope: ClassVar[Scope]
    docs: ClassVar[RuleDocs]
    #: JSON Schema (a dict) for this kind's ``params``; validated when packs load.
    params_schema: ClassVar[Mapping[str, Any]]

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]: ...


class CorpusRuleKind(Protocol):
    kind: ClassVar[str]
    scope: ClassVar[Scope]
    docs: ClassVar[RuleDocs]
    params_schema: ClassVar[Mapping[str, Any]]

    def check_corpus(
        self, rule: RuleSpec, contexts: Sequence[DocumentContext]
    ) -> Iterator[Finding]: ...


class PreparingCorpusKind(CorpusRuleKind, Protocol):
    """A corpus kind whose work on each document alone can run beside the document-scope
    rules, where the document is checked (a worker process, a Dask worker), instead of
    serially after every document has been checked.

    The engine calls ``prepare(rule, ctx)`` once per document and hands the result back in
    :attr:`DocumentContext.prepared` under ``rule.code``; ``check_corpus`` uses it when present
    and computes the same thing itself when absent. The result must be picklable and depend
    only on the document, its claims, numcheck's code and the parameters named in
    ``prepare_params`` (``prepare`` sees only those: the rest, such as an ``--against``
    archive, may change without re-checking documents). It is stored with the document's
    outcome in the results cache; a file a prepare parameter names (an edited table) is part
    of the cache key by size and modification time. An exception in ``prepare`` is not
    reported: ``check_corpus`` computes the document itself and reports what fails there.
    """

    prepare_params: ClassVar[tuple[str, ...]]

    def prepare(self, rule: RuleSpec, ctx: DocumentContext) -> Any: ...


KINDS: dict[str, type[Any]] = {}


def register(cls: type[Any]) -> type[Any]:
    """Class decorator: make a rule kind available to YAML packs under ``cls.kind``."""
    KINDS[cls.kind] = cls
    return cls
