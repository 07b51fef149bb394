"""The engine: runs rules over documents and corpora and returns a :class:`Report`.

Per document: sentences, claims, then every enabled document-scope rule. Then corpus-scope
rules over all documents; then suppressions and configured levels; then a deterministic order.
A rule (or the extractor) that raises becomes a :class:`Problem` and the run goes on; findings
already made are kept. Pure library code: nothing here prints.

::

    from numcheck.engine import check_documents, check_paths
    report = check_documents([Document.from_text(text, "a.md")])   # shipped rules, defaults
    report = check_paths(["articles/"], discover())                # as ``numcheck check``

Each document is checked on its own (:meth:`DocumentPlan.check`: extraction, then the
document-scope rules) into a :class:`DocOutcome`; a *runner* decides where that happens (here,
in a pool of worker processes, on a Dask cluster) and whether a cached outcome can stand in
for it (:mod:`numcheck.parallel`, :mod:`numcheck.cache`, :mod:`numcheck.distributed`). The
engine consumes outcomes in input order, whatever produced them, so the report is the same.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, overload

from numcheck.claims import Claim
from numcheck.config import Config
from numcheck.documents import Document, Problem
from numcheck.findings import DocumentSummary, Finding, Report
from numcheck.loading import load
from numcheck.rules.base import KINDS, DocumentContext, RuleSpec
from numcheck.rules.builtin import SUPPRESSION_UNUSED
from numcheck.rules.loader import is_builtin, kind_class, load_rules
from numcheck.rules.selection import RuleSelection, select_rules
from numcheck.segment import Sentence, sentences
from numcheck.suppress import FileSuppressions, apply, build, unused

Extractor = Callable[[Document], Sequence[Claim]]
Clock = Callable[[], float]
DocKey = tuple[str, str | None]


def doc_key(doc: Document) -> DocKey:
    """Documents are told apart by path and, for files holding several (JSONL), their id."""
    return doc.path, doc.meta.get("id")


@dataclass(frozen=True)
class Budget:
    """Per-document time budget (the seam for the speed work).

    The engine checks it between stages (after extraction, after each rule); when it has run
    out, the remaining rules for that document are skipped with a warning and the findings
    already made are kept. A stage cannot be interrupted from inside the process; a
    process-level timeout (worker pools) can replace this object later without touching rules.
    """

    seconds: float | None = None
    clock: Clock = time.monotonic

    def start(self) -> Callable[[], bool]:
        """A function telling whether this document's time is up."""
        if self.seconds is None:
            return lambda: False
        deadline = self.clock() + self.seconds
        return lambda: self.clock() > deadline


@dataclass(frozen=True)
class Run:
    """A report plus the documents its evidence points into (for source excerpts in ``text``
    output), so a large corpus is not held in memory. Keys are ``(path, None)`` for a file
    holding one document and ``(path, id)`` in files holding several; see :func:`source_of`."""

    report: Report
    documents: Mapping[DocKey, Document] = field(default_factory=lambda: MappingProxyType({}))
    #: the rules that ran, as configured (for rule metadata in SARIF and the like)
    rules: tuple[RuleSpec, ...] = ()


def source_of(
    documents: Mapping[DocKey, Document], path: str, doc_id: str | None
) -> Document | None:
    """The document a piece of evidence points into, if kept."""
    return documents.get((path, None)) or documents.get((path, doc_id))


def default_extractor(doc: Document) -> Sequence[Claim]:
    from numcheck.extraction import extract_document  # lazy: quantulum3 is slow to import

    return extract_document(doc)


_STOCK_EXTRACTOR = default_extractor  # tests replace ``default_extractor``; see portable()


def default_selection() -> RuleSelection:
    return select_rules(load_rules())


@dataclass
class _Collector:
    """Mutable state of one run (kept private; what leaves the engine is frozen)."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def run_rule(self, label: str, path: str, produce: Callable[[], Iterable[Finding]]) -> None:
        # Findings are appended one by one: if a rule fails half-way, what it already concluded
        # is kept.
        try:
            for finding in produce():
                self.findings.append(finding)
        except Exception as exc:
            detail = f"{type(exc).__name__}: {exc}"
            self.problems.append(Problem(path, f"{label} failed on {path}: {detail}"))


def _class_of(kind: str) -> type[Any]:
    """The class of a kind a rule names, importing only its module (KeyError: none such)."""
    cls = kind_class(kind)
    if cls is None:
        raise KeyError(kind)
    return cls


def _instances(rules: Sequence[RuleSpec]) -> dict[str, Any]:
    """One instance of each kind ``rules`` use, importing only those kinds' modules."""
    made: dict[str, Any] = {}
    for rule in rules:
        if not is_builtin(rule) and rule.kind not in made:
            made[rule.kind] = _class_of(rule.kind)()
    return made


def _as_selection(rules: RuleSelection | Iterable[RuleSpec] | None) -> RuleSelection:
    if rules is None:
        return default_selection()
    if isinstance(rules, RuleSelection):
        return rules
    return RuleSelection.of(rules)


@dataclass(frozen=True)
class DocOutcome:
    """What checking one document gave: its claims, the findings of the document-scope rules
    (before suppressions and level overrides, which the engine applies to the whole run) and
    the problems met. ``complete`` is False when the time budget cut the rules short.
    ``quantities`` counts the claims that are quantities (the summary's number), so a report
    from cached outcomes need not unpack the claims themselves."""

    claims: Sequence[Claim]
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    complete: bool = True
    quantities: int = -1
    #: what corpus-scope rules prepared on this document, by rule code (see
    #: :class:`numcheck.rules.base.PreparingCorpusKind`)
    prepared: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.quantities < 0:
            object.__setattr__(self, "quantities", sum(1 for c in self.claims if c.is_quantity))


@dataclass(frozen=True)
class DocumentPlan:
    """How to check one document on its own: the document-scope rules, the extractor
    (None: :func:`default_extractor`), the time budget, and the corpus-scope rules whose
    per-document work is done here too (``prepare``: see :func:`preparations`). Picklable:
    worker processes get one each and build the rule kinds once."""

    rules: tuple[RuleSpec, ...]
    extractor: Extractor | None = None
    budget: Budget = field(default_factory=Budget)
    prepare: tuple[RuleSpec, ...] = ()

    def kinds(self) -> dict[str, Any]:
        made: dict[str, Any] | None = self.__dict__.get("_kinds")
        if made is None:
            made = _instances((*self.rules, *self.prepare))
            object.__setattr__(self, "_kinds", made)
        return made

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_kinds", None)  # instances are rebuilt where the plan lands
        # Parameters are read-only mappings, which pickle cannot carry: send plain dicts.
        for name in ("rules", "prepare"):
            state[name] = tuple(replace(r, params=dict(r.params)) for r in state[name])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        for name in ("rules", "prepare"):
            state[name] = tuple(replace(r, params=MappingProxyType(r.params))
                                for r in state.get(name, ()))
        self.__dict__.update(state)

    def portable(self) -> bool:
        """True when a fresh process would check documents exactly as this one does: the
        stock extractor, and kinds importable from their modules (not registered at run
        time by a test). Only then may work move to other processes or come from a cache."""
        if self.extractor is not None or default_extractor is not _STOCK_EXTRACTOR:
            return False
        return portable_kinds((*self.rules, *self.prepare))

    def check(self, doc: Document) -> DocOutcome:
        """Extraction, then every rule of the plan, on ``doc``; then what corpus rules
        prepare on it."""
        state = _Collector()
        expired = self.budget.start()
        ctx, complete = _context(doc, self.extractor or default_extractor, state, expired)
        if not complete:  # the budget ran out during extraction (already reported)
            return DocOutcome(tuple(ctx.claims), (), tuple(state.problems), False)
        kinds = self.kinds()
        for rule in self.rules:
            if expired():
                state.problems.append(_over_budget(doc, self.budget, rule))
                complete = False
                break
            state.run_rule(f"rule {rule.code}", doc.path,
                           partial(kinds[rule.kind].check, rule, ctx))
        prepared: dict[str, Any] = {}
        for rule in self.prepare:
            # Not budgeted (corpus rules never were) and never reported: check_corpus redoes
            # a document without its preparation and reports what fails there, once.
            try:
                prepared[rule.code] = kinds[rule.kind].prepare(rule, ctx)
            except Exception:
                continue
        return DocOutcome(tuple(ctx.claims), tuple(state.findings), tuple(state.problems),
                          complete, prepared=prepared)


def portable_kinds(rules: Iterable[RuleSpec]) -> bool:
    """True when every rule's kind is numcheck's own, importable in a fresh process."""
    for rule in rules:
        if is_builtin(rule):
            continue
        cls = KINDS.get(rule.kind)
        if cls is None:
            # Not imported yet: the selection was remembered (see _selection), and only
            # numcheck's own kinds get there.
            if rule.kind in _REMEMBERED_SCOPES:
                continue
            cls = kind_class(rule.kind)
            if cls is None:
                return False
        module = sys.modules.get(getattr(cls, "__module__", ""))
        if getattr(module, cls.__name__, None) is not cls:
            return False
        if not cls.__module__.startswith("numcheck."):
            return False
    return True


Runner = Callable[[Iterable[Document], DocumentPlan], Iterator[tuple[Document, DocOutcome]]]
"""Checks documents with a plan and yields each with its outcome, in input order."""


def serial_runner(docs: Iterable[Document], plan: DocumentPlan
                  ) -> Iterator[tuple[Document, DocOutcome]]:
    """One document after another, in this process."""
    for doc in docs:
        yield doc, plan.check(doc)


class _LazySentences(Sequence[Sentence]):
    """A document's sentences, split only if a corpus rule asks for them (none does yet)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._parts: list[Sentence] | None = None

    def _all(self) -> list[Sentence]:
        if self._parts is None:
            self._parts = sentences(self._text)
        return self._parts

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Sentence]: ...
    def __getitem__(self, index: int | slice) -> Sentence | Sequence[Sentence]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())


CorpusFindings = tuple[tuple[Finding, ...], tuple[Problem, ...]]


class CorpusCache(Protocol):
    """Remembers what corpus-scope rules found over exactly these documents (see
    :meth:`numcheck.cache.ResultCache.corpus`)."""

    def corpus(self, contexts: Sequence[DocumentContext], rules: Sequence[RuleSpec],
               compute: Callable[[], CorpusFindings]) -> CorpusFindings: ...


def split_rules(selection: RuleSelection) -> tuple[tuple[RuleSpec, ...], tuple[RuleSpec, ...]]:
    """(document-scope rules, corpus-scope rules) of a selection, in selection order."""
    doc_rules = tuple(r for r in selection.rules if _scope(r) == "document")
    corpus_rules = tuple(r for r in selection.rules if _scope(r) == "corpus")
    return doc_rules, corpus_rules


def preparations(corpus_rules: Iterable[RuleSpec]) -> tuple[RuleSpec, ...]:
    """The corpus rules whose kinds prepare each document where it is checked
    (:class:`numcheck.rules.base.PreparingCorpusKind`), each with only the parameters its
    preparation reads: those, not the others (an ``--against`` archive), are part of a
    document's cache key. Only numcheck's own kinds: a kind registered at run time would
    keep the documents in this process."""
    found = []
    for rule in corpus_rules:
        params = _prepare_params(rule.kind)
        if params is None or not portable_kinds([rule]):
            continue
        kept = {k: v for k, v in rule.params.items() if k in params}
        found.append(replace(rule, params=MappingProxyType(kept)))
    return tuple(found)


def _prepare_params(kind: str) -> tuple[str, ...] | None:
    if kind not in KINDS and kind in _REMEMBERED_PREPARES:
        return _REMEMBERED_PREPARES[kind]  # kinds not imported: nothing needed them yet
    cls = kind_class(kind)
    if cls is None or not callable(getattr(cls, "prepare", None)):
        return None
    return tuple(getattr(cls, "prepare_params", ()))


def run_documents(
    docs: Iterable[Document],
    rules: RuleSelection | Iterable[RuleSpec] | None = None,
    *,
    extractor: Extractor | None = None,
    budget: Budget | None = None,
    runner: Runner | None = None,
    on_document: Callable[[Document], None] | None = None,
    corpus_cache: CorpusCache | None = None,
) -> Run:
    """Check ``docs`` with ``rules`` (default: the shipped rules as their packs enable them).

    ``rules`` may be a :class:`RuleSelection` (from :func:`select_rules`, with configured levels)
    or plain specs, run exactly as given. ``extractor`` defaults to
    :func:`numcheck.extraction.extract_document`. ``runner`` decides where documents are checked
    (default: here, one after another); ``on_document`` is called as each one is done, in
    input order (progress display); ``corpus_cache`` may answer for the corpus-scope rules
    when exactly the same documents were checked with them before.
    """
    selection = _as_selection(rules)
    doc_rules, corpus_rules = split_rules(selection)
    plan = DocumentPlan(doc_rules, extractor, budget or Budget(), preparations(corpus_rules))
    state = _Collector()
    contexts: list[DocumentContext] = []
    seen: list[_Seen] = []
    # Documents are held only while a finding may point into them: those with findings or
    # suppression comments, or every one when corpus rules run (they hold contexts anyway).
    held: list[Document] = []
    suppressions: list[FileSuppressions] = []

    kept = _KeptFromCollector()
    try:
        for doc, outcome in (runner or serial_runner)(docs, plan):
            kept.one_more()
            state.findings.extend(outcome.findings)
            state.problems.extend(outcome.problems)
            seen.append(_Seen(doc.path, doc.meta.get("id"), outcome.quantities))
            if corpus_rules:
                contexts.append(DocumentContext(document=doc,
                                                sentences=_LazySentences(doc.text),
                                                claims=outcome.claims,
                                                prepared=outcome.prepared))
            found = build(doc)
            if found is not None:
                suppressions.append(found)
            if corpus_rules or found is not None or outcome.findings:
                held.append(doc)
            if on_document is not None:
                on_document(doc)
        if corpus_rules:
            kept.now()
            corpus_findings, corpus_problems = _run_corpus(corpus_rules, contexts, plan,
                                                           corpus_cache)
            state.findings.extend(corpus_findings)
            state.problems.extend(corpus_problems)
    finally:
        kept.release()

    findings = _finish(state.findings, suppressions, selection)
    run = _assemble(findings, seen, held, state.problems)
    return replace(run, rules=selection.rules)


def _run_corpus(corpus_rules: Sequence[RuleSpec], contexts: Sequence[DocumentContext],
                plan: DocumentPlan, corpus_cache: CorpusCache | None) -> CorpusFindings:
    """The corpus-scope rules over every document's context (or the cache's answer)."""

    def run_corpus_rules() -> CorpusFindings:
        found = _Collector()
        kinds = _instances(corpus_rules)
        for rule in corpus_rules:
            found.run_rule(f"rule {rule.code}", "<corpus>",
                           partial(kinds[rule.kind].check_corpus, rule, contexts))
        return tuple(found.findings), tuple(found.problems)

    if corpus_cache is not None and plan.portable() and portable_kinds(corpus_rules):
        return corpus_cache.corpus(contexts, corpus_rules, run_corpus_rules)
    return run_corpus_rules()


class _KeptFromCollector:
    """What a run keeps until it ends (outcomes, claims, contexts) hidden from the garbage
    collector while it grows.

    CPython walks every object it tracks in a full collection, and runs one each time the
    objects that survived grow by a quarter: a run holding the claims of thousands of
    documents walks them again and again (in the parent of ``--jobs 2`` over the 1,714 BBC
    articles, two walks of 55-62 ms, one of them in the corpus step after the last
    document). Every ``EVERY`` documents, and before the corpus step, ``gc.freeze()`` moves
    what is alive into the permanent generation, which collections skip (objects kept by a
    run are never cyclic garbage before it ends); ``release`` (``gc.unfreeze()``) hands them
    back to the collector when the run is done."""

    EVERY = 200

    def __init__(self) -> None:
        self.count = 0

    def one_more(self) -> None:
        self.count += 1
        if self.count % self.EVERY == 0:
            gc.freeze()

    def now(self) -> None:
        gc.freeze()

    def release(self) -> None:
        gc.unfreeze()


def _scope(rule: RuleSpec) -> str:
    if is_builtin(rule):
        return "engine"
    if rule.kind not in KINDS and rule.kind in _REMEMBERED_SCOPES:
        return _REMEMBERED_SCOPES[rule.kind]  # kinds not imported: nothing needed them yet
    scope: str = getattr(_class_of(rule.kind), "scope", "document")
    return scope


# Scopes of the kinds of a remembered selection, so a run whose documents all come from the
# results cache never imports the rule kinds (half a second: scipy behind the stats rules);
# and, for corpus kinds, the parameters their per-document preparation reads (None: none).
_REMEMBERED_SCOPES: dict[str, str] = {}
_REMEMBERED_PREPARES: dict[str, tuple[str, ...] | None] = {}


def _context(
    doc: Document, extract: Extractor, state: _Collector, expired: Callable[[], bool]
) -> tuple[DocumentContext, bool]:
    """The document's context, and False when the time budget stopped extraction."""
    claims: Sequence[Claim] = ()
    parts = sentences(doc.text)
    complete = True
    try:
        if extract is _STOCK_EXTRACTOR:
            from numcheck.extraction import extract_bounded

            # Split once, not twice. Bounded: a stage cannot be interrupted, so extraction
            # itself caps what one sentence may cost and asks the budget between sentences.
            extracted = extract_bounded(doc, parts, expired=expired)
            claims = tuple(extracted.claims)
            state.problems.extend(extracted.problems)
            complete = extracted.complete
        else:
            claims = tuple(extract(doc))
    except Exception as exc:  # rules still run: some read sentences, not claims
        detail = f"{type(exc).__name__}: {exc}"
        message = f"claim extraction failed on {doc.path}: {detail}"
        state.problems.append(Problem(doc.path, message))
    return DocumentContext(document=doc, sentences=parts, claims=claims), complete


def _over_budget(doc: Document, budget: Budget, rule: RuleSpec) -> Problem:
    message = (f"time budget of {budget.seconds:g} s per document used up; rules from "
               f"{rule.code} on were skipped (raise time-budget to check it fully)")
    # An error, not a warning: the document was not fully checked, and a CI run must not pass
    # silently on it (exit 2, as for any other input that could not be checked).
    return Problem(doc.path, message, "error")


def _finish(
    findings: list[Finding], suppressions: list[FileSuppressions], selection: RuleSelection
) -> list[Finding]:
    kept, used = apply(findings, suppressions)
    nc001 = selection.get(SUPPRESSION_UNUSED.code)
    if nc001 is not None:
        active = frozenset(i for r in selection.rules for i in (r.code, r.name))
        kept.extend(unused(suppressions, used, nc001, active, selection.identifiers))
    overrides = selection.level_overrides
    kept = [replace(f, severity=overrides[f.rule]) if f.rule in overrides else f for f in kept]
    return sorted(kept, key=_order)


def _order(f: Finding) -> tuple[Any, ...]:
    # sort_key is the documented order; evidence and name break ties so the order is total.
    places = tuple((e.path, e.line, e.column, e.text) for e in f.evidence)
    return (*f.sort_key(), f.name, places, f.explanation, f.suggestion or "")


@dataclass(frozen=True)
class _Seen:
    """What the summary needs of a checked document (the document itself may be dropped)."""

    path: str
    doc_id: str | None
    claims: int


def _assemble(
    findings: list[Finding],
    seen: list[_Seen],
    held: list[Document],
    problems: list[Problem],
) -> Run:
    docs_per_path = Counter(d.path for d in seen)

    def key_of(path: str, doc_id: str | None) -> DocKey:
        return (path, None) if docs_per_path[path] == 1 else (path, doc_id)

    # A file holding one document owns every finding with its path; in a file holding several
    # (JSONL) findings are matched to documents by id as well.
    per_doc = Counter(key_of(f.path, f.doc_id) for f in findings)
    summaries = tuple(
        DocumentSummary(d.path, d.claims, per_doc.get(key_of(d.path, d.doc_id), 0), d.doc_id)
        for d in seen
    )
    # Evidence may point into documents other than the finding's own (cross-article).
    wanted = {key_of(e.path, e.doc_id) for f in findings for e in f.evidence}
    keep = {key_of(d.path, d.meta.get("id")): d for d in held}
    keep = {key: doc for key, doc in keep.items() if key in wanted}
    report = Report(tuple(findings), summaries, tuple(problems))
    return Run(report, MappingProxyType(keep))


def check_documents(
    docs: Iterable[Document],
    rules: RuleSelection | Iterable[RuleSpec] | None = None,
    *,
    extractor: Extractor | None = None,
    budget: Budget | None = None,
    runner: Runner | None = None,
) -> Report:
    """Check documents; see :func:`run_documents`."""
    return run_documents(docs, rules, extractor=extractor, budget=budget, runner=runner).report


# --------------------------------------------------------------------------- from paths


def _documents(
    paths: Iterable[str], max_bytes: int, problems: list[Problem]
) -> Iterator[Document]:
    # Documents stream to the engine one file at a time; problems are collected in input order.
    for loaded in load(paths, max_bytes):
        problems.extend(loaded.problems)
        yield from loaded.documents


def run_paths(
    paths: Iterable[str],
    config: Config | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extractor: Extractor | None = None,
    runner: Runner | None = None,
    on_document: Callable[[Document], None] | None = None,
    corpus_cache: CorpusCache | None = None,
) -> Run:
    """Read ``paths`` (files, folders, ``-``) and check them as ``config`` says.

    Raises :class:`~numcheck.config.ConfigError` or
    :class:`~numcheck.rules.loader.PackError` for bad configuration or packs (before reading
    any document); unreadable inputs become problems in the report. ``runner``,
    ``on_document`` and ``corpus_cache`` are as in :func:`run_documents`.
    """
    config = config or Config()
    selection = _selection(config, select, ignore)
    problems: list[Problem] = []
    run = run_documents(
        _documents(paths, config.max_size, problems),
        selection,
        extractor=extractor,
        budget=Budget(config.time_budget),
        runner=runner,
        on_document=on_document,
        corpus_cache=corpus_cache,
    )
    # Loading problems come first, in input order, then what the run itself reported.
    report = replace(run.report, problems=(*problems, *run.report.problems))
    return replace(run, report=report)


def _selection(config: Config, select: Sequence[str] | None, ignore: Sequence[str]
               ) -> RuleSelection:
    """The rules of a run, remembered between runs (:mod:`numcheck.warm`).

    Loading packs validates YAML against JSON Schemas and imports every rule kind; the result
    depends only on the pack files, the configuration, the command line, the working folder
    (rule sources are shown relative to it) and numcheck's code, which together are the key.
    A selection that fails is never remembered: its error is raised again, with lines.
    """
    from numcheck import warm
    from numcheck.cache import code_fingerprint
    from numcheck.rules.loader import shipped_pack_paths

    def build() -> RuleSelection:
        return select_rules(load_rules(config.packs), config, select=select, ignore=ignore)

    try:
        packs = [(str(p), p.read_bytes()) for p in
                 (*shipped_pack_paths(), *(Path(p) for p in config.packs))]
        key = ("rules", code_fingerprint(), os.getcwd(), repr(config),
               tuple(select) if select is not None else None, tuple(ignore),
               hashlib.sha256(repr(packs).encode()).hexdigest())
    except (OSError, ValueError):
        return build()  # an unreadable pack: the loader reports it properly
    stored = warm.read_blob("rules", key)
    if isinstance(stored, _StoredSelection):
        return stored.thaw()
    selection = build()
    if portable_kinds(selection.rules):  # never a kind a test registered at run time
        scopes = {r.kind: _scope(r) for r in selection.rules if not is_builtin(r)}
        prepares = {kind: _prepare_params(kind) for kind, scope in scopes.items()
                    if scope == "corpus"}
        warm.write_blob("rules", key, _StoredSelection.freeze(selection, scopes, prepares))
    return selection


@dataclass(frozen=True)
class _StoredSelection:
    """A selection as plain data (read-only mappings do not pickle) plus kind scopes."""

    rules: tuple[RuleSpec, ...]
    identifiers: frozenset[str]
    level_overrides: dict[str, Any]
    scopes: dict[str, str]
    prepares: dict[str, tuple[str, ...] | None]

    @classmethod
    def freeze(cls, selection: RuleSelection, scopes: dict[str, str],
               prepares: dict[str, tuple[str, ...] | None]) -> _StoredSelection:
        rules = tuple(replace(r, params=dict(r.params)) for r in selection.rules)
        return cls(rules, selection.identifiers, dict(selection.level_overrides), scopes,
                   prepares)

    def thaw(self) -> RuleSelection:
        _REMEMBERED_SCOPES.update(self.scopes)
        _REMEMBERED_PREPARES.update(self.prepares)
        rules = tuple(replace(r, params=MappingProxyType(r.params)) for r in self.rules)
        return RuleSelection(rules, self.identifiers, MappingProxyType(self.level_overrides))


def check_paths(paths: Iterable[str], config: Config | None = None) -> Report:
    """Read and check ``paths``; see :func:`run_paths`."""
    return run_paths(paths, config).report
