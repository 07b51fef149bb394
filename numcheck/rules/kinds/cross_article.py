"""Kind ``cross-article``: the same quantity of the same thing, stated incompatibly in two
articles.

Which claims are about the same thing is :mod:`numcheck.matching`'s job (subjects, blocking,
revised versions of one article). This module judges a matched pair over time, from each
document's ``date``:

* intervals, not numbers: "roughly 2,000" and "2,100" agree; "roughly 2,000" and "4,000" do
  not (their intervals, after conversion to one unit, do not overlap). Currencies are never
  converted into each other (they are different unit classes and never match);
* a *cumulative* count (deaths, cases, arrests) may rise in a later article but not fall; two
  reports are ordered only when both are dated (on different days, or both with a time);
* any other quantity (troops deployed, population, area, a price) may change, so it must
  agree only between articles at most ``window_days`` apart; undated articles are read as
  written at the same time (``undated: skip`` ignores them instead);
* byte-identical documents never conflict.

With ``against`` (``numcheck check --against archive.duckdb``) the documents are also matched
against every claim in the archive (:mod:`numcheck.archive`); archived documents are never
compared with each other.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from numcheck import units
from numcheck.claims import Claim, Interval
from numcheck.findings import Evidence, Finding
from numcheck.matching import (
    DocRef,
    Item,
    Pair,
    SentenceShape,
    Subject,
    Table,
    items_with,
    load_table,
    parse_when,
    revision_pairs,
    sentence_shapes,
    stated,
    subject_pairs,
    subjects_of_quantities,
    text_hash,
)
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register


@dataclass(frozen=True)
class Settings:
    """The rule's parameters, typed."""

    window_days: float = 30.0
    cumulative_window_days: float = 365.0
    undated: str = "same-time"
    max_neighbours: int = 25
    revisions: bool = True
    max_versions: int = 3
    revision_similarity: float = 0.85
    min_sentence_words: int = 8
    against: str | None = None
    subjects: str | None = None

    @classmethod
    def of(cls, rule: RuleSpec) -> Settings:
        defaults = cls()
        return cls(
            window_days=float(rule.param("window_days", defaults.window_days)),
            cumulative_window_days=float(
                rule.param("cumulative_window_days", defaults.cumulative_window_days)),
            undated=str(rule.param("undated", defaults.undated)),
            max_neighbours=int(rule.param("max_neighbours", defaults.max_neighbours)),
            revisions=bool(rule.param("revisions", defaults.revisions)),
            max_versions=int(rule.param("max_versions", defaults.max_versions)),
            revision_similarity=float(
                rule.param("revision_similarity", defaults.revision_similarity)),
            min_sentence_words=int(rule.param("min_sentence_words",
                                              defaults.min_sentence_words)),
            against=rule.param("against") or None,
            subjects=rule.param("subjects") or None,
        )


# --------------------------------------------------------------------------- judging a pair


@dataclass(frozen=True)
class Conflict:
    """A matched pair that cannot both be true; ``later`` is where the finding is reported."""

    later: Item
    earlier: Item
    why: str
    reason: str


def interval_in(claim: Claim, unit: str | None) -> Interval:
    """The claim's interval in ``unit`` (same unit class; currencies never get here)."""
    if claim.unit == unit or claim.unit is None or unit is None:
        return claim.interval
    factor, offset = units.affine(claim.unit, unit)
    return claim.interval.scaled(factor, offset)


def _days_apart(a: DocRef, b: DocRef) -> float | None:
    if a.when is None or b.when is None:
        return None
    return abs((b.when - a.when).total_seconds()) / 86400.0


def _ordered(a: DocRef, b: DocRef) -> bool:
    """Can we tell which of two reports came first?"""
    if a.when is None or b.when is None:
        return False
    if a.when.date() != b.when.date():
        return True
    return a.timed and b.timed and a.when != b.when


def _later_first(pair: Pair) -> tuple[Item, Item]:
    """(later, earlier): by date when both are dated, else the one checked now (not from the
    archive), else the one last in path order."""
    a, b = pair.a, pair.b
    if _ordered(a.doc, b.doc):
        assert a.doc.when is not None and b.doc.when is not None
        return (b, a) if b.doc.when > a.doc.when else (a, b)
    if a.doc.archived != b.doc.archived:
        return (b, a) if a.doc.archived else (a, b)
    return (b, a) if b.doc.order > a.doc.order else (a, b)


def judge(pair: Pair, settings: Settings) -> Conflict | None:
    """The conflict in a matched pair, or ``None`` when both can be true."""
    later, earlier = _later_first(pair)
    unit = later.claim.unit
    now, before = interval_in(later.claim, unit), interval_in(earlier.claim, unit)
    if now.overlaps(before):
        return None
    subject = later.subject or earlier.subject
    cumulative = subject is not None and subject.nature == "cumulative"
    days = _days_apart(later.doc, earlier.doc)
    if days is None and settings.undated == "skip":
        return None
    if cumulative:
        if not _ordered(later.doc, earlier.doc) or days is None:
            return None  # order unknown: any difference could be an update
        fell = now.high <= before.low  # (the intervals do not overlap: it rose or it fell)
        if days > settings.cumulative_window_days or not fell:
            return None  # it rose, which a running total may do
        reason = (f"a running total may rise but not fall: {_dated(earlier)} reported "
                  f"{_allows(earlier.claim, unit)}, {_dated(later)} "
                  f"{_allows(later.claim, unit)}")
        return Conflict(later, earlier, pair.why, reason)
    if days is not None and days > settings.window_days:
        return None  # far enough apart for the quantity to have changed
    when = ("neither article is dated, so both are read as written at the same time"
            if days is None and later.doc.when is None and earlier.doc.when is None
            else "one article is undated, so both are read as written at the same time"
            if days is None
            else f"{_span(days)}{'' if days == 0 else ' apart'}, within the "
                 f"{settings.window_days:g}-day window")
    reason = (f"{_allows(earlier.claim, unit)} ({earlier.doc.path}) and "
              f"{_allows(later.claim, unit)} (here) have no value in common; {when}")
    return Conflict(later, earlier, pair.why, reason)


def _span(days: float) -> str:
    if days == 0:
        return "the same day"
    if days < 1:
        hours = round(days * 24)
        return f"{hours} hour{'s' if hours != 1 else ''}"
    whole = round(days)
    return f"{whole} day{'s' if whole != 1 else ''}"


def _dated(item: Item) -> str:
    when = item.doc.date_text
    return f"{item.doc.path} ({when})" if when else item.doc.path


# --------------------------------------------------------------------------- how it reads


def fmt(x: float, digits: int = 4) -> str:
    """``x`` to ``digits`` significant figures with thousands separators."""
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(x)))
    decimals = max(0, digits - 1 - magnitude)
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def describe(iv: Interval) -> str:
    """"1,300–2,700", "at least 300", "below 5", "exactly 4"."""
    if math.isinf(iv.high):
        return f"{'at least' if iv.low_closed else 'more than'} {fmt(iv.low)}"
    if iv.low <= 0 and not math.isinf(iv.low):
        return f"{'up to' if iv.high_closed else 'below'} {fmt(iv.high)}"
    if iv.low == iv.high:
        return f"exactly {fmt(iv.low)}"
    digits = 4
    while fmt(iv.low, digits) == fmt(iv.high, digits) and digits < 12:
        digits += 1  # "2,011.5–2,012.5", not "2,012–2,012"
    return f"{fmt(iv.low, digits)}–{fmt(iv.high, digits)}"


def _unit_label(unit: str | None) -> str:
    if unit is None:
        return ""
    if units.is_currency(unit):
        return f" {unit}"
    symbol = units.symbol(unit)
    return symbol if symbol in ("%", "°C", "°F") else f" {symbol}"


def _allows(claim: Claim, unit: str | None) -> str:
    """'"about 2,000" (1,300–2,700)': the words and the values they allow, in ``unit``."""
    return f"\"{_phrase(claim)}\" ({describe(interval_in(claim, unit))}{_unit_label(unit)})"


def _phrase(claim: Claim) -> str:
    return stated(claim)


# --------------------------------------------------------------------------- the kind


def _evidence(item: Item) -> Evidence:
    c = item.claim
    return Evidence(path=c.path, line=c.line, column=c.column, text=c.text, start=c.start,
                    end=c.end, doc_id=item.doc.doc_id)


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def finding(rule: RuleSpec, conflict: Conflict) -> Finding:
    """The finding for a conflict: reported at the later claim, with evidence in both."""
    later, earlier = conflict.later, conflict.earlier
    subject = later.subject or earlier.subject
    label = subject.label() if subject is not None else "the same figure"
    fields = _Fields(
        subject=label,
        this=_phrase(later.claim),
        other=_phrase(earlier.claim),
        other_path=earlier.doc.path,
        other_date=earlier.doc.date_text or "undated",
        this_date=later.doc.date_text or "undated",
    )
    message = rule.message.format_map(fields)
    other_sentence = " ".join(earlier.claim.sentence.split())
    explanation = (f"same thing: {conflict.why}\n{conflict.reason}\n"
                   f"{earlier.doc.path}:{earlier.claim.line}: {other_sentence}")
    evidence = (_evidence(later), _evidence(earlier))
    first = evidence[0]
    return Finding(rule=rule.code, name=rule.name, severity=rule.level, message=message,
                   path=first.path, line=first.line, column=first.column, evidence=evidence,
                   explanation=explanation, suggestion=None, doc_id=first.doc_id)


def _reading_order(ctx: DocumentContext) -> tuple[str, str, str]:
    doc = ctx.document
    return doc.path, doc.meta.get("id") or "", doc.text


def doc_ref(ctx: DocumentContext, order: int, digest: str | None = None) -> DocRef:
    when, timed = parse_when(ctx.document.meta.get("date"))
    return DocRef(path=ctx.document.path, doc_id=ctx.document.meta.get("id"),
                  text_hash=digest or text_hash(ctx.document.text), order=order, when=when,
                  timed=timed)


@dataclass(frozen=True)
class Prepared:
    """One document read on its own (:meth:`CrossArticleKind.prepare`, in the process that
    checked it): its text hash, the subject of each quantity claim in order (None: not
    matchable) and its sentences for aligning versions (empty when revisions are off)."""

    text_hash: str
    quantities: int
    subjects: tuple[Subject | None, ...]
    shapes: tuple[SentenceShape, ...]


def prepare_document(ctx: DocumentContext, settings: Settings, table: Table) -> Prepared:
    quantities = [c for c in ctx.claims if c.is_quantity]
    read = subjects_of_quantities(quantities, table, ctx.document.text)
    shapes = (sentence_shapes(quantities, settings.min_sentence_words)
              if settings.revisions else ())
    return Prepared(text_hash(ctx.document.text), len(quantities), read, shapes)


def conflicts(items: Sequence[Item], settings: Settings,
              shapes: Mapping[tuple[str, str | None], Sequence[SentenceShape]] | None = None
              ) -> Iterator[Conflict]:
    """Every conflict among ``items``; at most one per claim and other text (identical copies
    of one article count once). ``shapes``: documents' sentences read before, by document
    key (see :func:`numcheck.matching.revision_pairs`)."""
    pairs: Iterable[Pair] = subject_pairs(items, settings.max_neighbours)
    if settings.revisions:
        revised = revision_pairs(items, min_words=settings.min_sentence_words,
                                 similarity=settings.revision_similarity,
                                 max_documents=settings.max_neighbours,
                                 max_versions=settings.max_versions, shapes=shapes)
        pairs = _chain(revised, pairs)
    reported: set[tuple[int, str]] = set()
    for pair in pairs:
        conflict = judge(pair, settings)
        if conflict is None:
            continue
        key = (id(conflict.later), conflict.earlier.doc.text_hash)
        if key in reported:
            continue
        reported.add(key)
        yield conflict


def _chain(first: Iterable[Pair], second: Iterable[Pair]) -> Iterator[Pair]:
    # Revisions first: their explanation ("the same sentence in both articles") is the
    # stronger one when a pair is found both ways.
    yield from first
    yield from second


@register
class CrossArticleKind:
    """The same quantity of the same thing stated incompatibly in different articles."""

    kind: ClassVar[str] = "cross-article"
    scope: ClassVar[str] = "corpus"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Matches claims across the documents checked together (and, with `--against`, "
            "an archive) by subject, place, unit and time, and flags pairs whose intervals "
            "cannot both hold."
        ),
        why="Readers see both articles; at most one of the two figures is right.",
        example="a.md: about 2,000 US troops in Syria. b.md, a day later: 4,000 US troops.",
        fix="Correct the wrong figure, or say that the number changed and when.",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "window_days": {
                "description": "Quantities that may change (troops, population, prices) must "
                               "agree between articles at most this many days apart.",
                "type": "number", "minimum": 0, "default": 30,
            },
            "cumulative_window_days": {
                "description": "Running totals (deaths, cases, arrests) are compared between "
                               "articles at most this many days apart.",
                "type": "number", "minimum": 0, "default": 365,
            },
            "undated": {
                "description": "same-time: undated articles are read as written at the same "
                               "time; skip: pairs with an undated article are not judged.",
                "enum": ["same-time", "skip"], "default": "same-time",
            },
            "max_neighbours": {
                "description": "Within one subject, each article is compared with at most "
                               "this many articles before it in time (keeps cost linear).",
                "type": "integer", "minimum": 1, "default": 25,
            },
            "revisions": {
                "description": "Also pair numbers at the same place of near-identical "
                               "sentences in two versions of one article.",
                "type": "boolean", "default": True,
            },
            "max_versions": {
                "description": "Each article is aligned with at most this many earlier "
                               "versions of itself, the nearest in time first.",
                "type": "integer", "minimum": 1, "default": 3,
            },
            "revision_similarity": {
                "description": "How alike (0–1, numbers masked) two sentences of two versions "
                               "must be to be aligned.",
                "type": "number", "minimum": 0.5, "maximum": 1, "default": 0.85,
            },
            "min_sentence_words": {
                "description": "Shorter sentences are never used to recognise or align "
                               "versions (too many short sentences look alike).",
                "type": "integer", "minimum": 1, "default": 8,
            },
            "against": {
                "description": "A DuckDB archive (numcheck index) to check against as well; "
                               "set by `numcheck check --against`.",
                "type": ["string", "null"], "default": None,
            },
            "subjects": {
                "description": "An edited copy of numcheck/subjects.txt (synonyms, places, "
                               "running totals) to match with instead of the shipped one.",
                "type": ["string", "null"], "default": None,
            },
        },
    }

    # Reading subjects and sentences is per-document work: the engine runs it where each
    # document is checked (worker processes), and check_corpus only joins the results.
    prepare_params: ClassVar[tuple[str, ...]] = ("subjects", "min_sentence_words",
                                                 "revisions")

    def __init__(self) -> None:
        self._tables: dict[tuple[str, int, int], Table] = {}

    def _table(self, path: str | None) -> Table:
        if path is None:
            return load_table(None)
        stat = os.stat(path)
        key = (path, stat.st_size, stat.st_mtime_ns)
        if key not in self._tables:  # read once per process, not once per document
            self._tables = {key: load_table(path)}
        return self._tables[key]

    def prepare(self, rule: RuleSpec, ctx: DocumentContext) -> Prepared:
        settings = Settings.of(rule)
        return prepare_document(ctx, settings, self._table(settings.subjects))

    def check_corpus(self, rule: RuleSpec, contexts: Sequence[DocumentContext]
                     ) -> Iterator[Finding]:
        settings = Settings.of(rule)
        table = self._table(settings.subjects)
        items: list[Item] = []
        shapes: dict[tuple[str, str | None], tuple[SentenceShape, ...]] = {}
        keys = Counter((ctx.document.path, ctx.document.meta.get("id")) for ctx in contexts)
        # Read in path order, not input order: which of two undated articles counts as the
        # later one (and so carries the finding) must not depend on the order of the inputs.
        for order, ctx in enumerate(sorted(contexts, key=_reading_order)):
            quantities = [c for c in ctx.claims if c.is_quantity]
            prepared = ctx.prepared.get(rule.code)
            if not isinstance(prepared, Prepared) or prepared.quantities != len(quantities):
                prepared = prepare_document(ctx, settings, table)
            ref = doc_ref(ctx, order, prepared.text_hash)
            items.extend(items_with(ref, quantities, prepared.subjects))
            if keys[ref.key] == 1:  # a document given twice is aligned as one, from its items
                shapes[ref.key] = prepared.shapes
        if settings.against:
            from numcheck.archive import related_items

            items.extend(related_items(settings.against, items,
                                       per_key=settings.max_neighbours,
                                       max_documents=settings.max_neighbours,
                                       min_words=settings.min_sentence_words))
        found = [finding(rule, c) for c in conflicts(items, settings, shapes)]
        yield from sorted(found, key=lambda f: (f.path, f.line, f.column, f.message))
