"""What is compared (documents, items) and the pairs found by blocking on subjects."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from numcheck.claims import Claim
from numcheck.matching.agree import agreement
from numcheck.matching.reading import subjects
from numcheck.matching.subject import Subject
from numcheck.matching.table import Table


@dataclass(frozen=True)
class DocRef:
    """A document taking part in cross-article matching (checked now, or in an archive).

    ``when`` comes from the document's ``date``; ``timed`` says whether it had a time of day
    (two reports on the same date are ordered only when both have one).
    """

    path: str
    doc_id: str | None
    text_hash: str
    order: int
    when: datetime | None = None
    timed: bool = False
    archived: bool = False

    @property
    def key(self) -> tuple[str, str | None]:
        return self.path, self.doc_id

    @property
    def date_text(self) -> str | None:
        if self.when is None:
            return None
        return self.when.isoformat(sep=" ", timespec="minutes") if self.timed \
            else self.when.date().isoformat()


@dataclass(frozen=True)
class Item:
    """One quantity claim of one document, with its subject when it has one."""

    doc: DocRef
    claim: Claim
    subject: Subject | None


def parse_when(value: str | None) -> tuple[datetime | None, bool]:
    """A document date (``2019-10-14``, ``2019-10-14T09:30:00Z``) → (moment, has time)."""
    if not value:
        return None, False
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) <= 10:
            return datetime.combine(date.fromisoformat(text), datetime.min.time()), False
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None, False
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment, True


def text_hash(text: str) -> str:
    """Identity of a document's text: byte-identical duplicates share it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def items_of(doc: DocRef, claims: Iterable[Claim], table: Table | None = None,
             text: str | None = None) -> list[Item]:
    """Every quantity claim of a document (whose ``text`` it is) as an :class:`Item`."""
    quantities = [c for c in claims if c.is_quantity]
    read = subjects_of_quantities(quantities, table, text)
    return [Item(doc, c, s) for c, s in zip(quantities, read, strict=True)]


def subjects_of_quantities(quantities: Sequence[Claim], table: Table | None = None,
                           text: str | None = None) -> tuple[Subject | None, ...]:
    """The subject of each of a document's quantity claims (None: not matchable), in order:
    what :func:`items_of` reads, as plain data that can be computed apart (in a worker) and
    joined to a :class:`DocRef` later with :func:`items_with`."""
    found = {id(c): s for c, s in subjects(quantities, table, text)}
    return tuple(found.get(id(c)) for c in quantities)


def items_with(doc: DocRef, quantities: Sequence[Claim],
               read: Sequence[Subject | None]) -> list[Item]:
    """:func:`items_of`'s answer from subjects read before (:func:`subjects_of_quantities`)."""
    return [Item(doc, c, s) for c, s in zip(quantities, read, strict=True)]


@dataclass(frozen=True)
class Pair:
    """Two claims in different documents that state a quantity of the same thing."""

    a: Item
    b: Item
    why: str


DocKey = tuple[str, str | None]


def chronological(doc: DocRef) -> tuple[int, datetime, int]:
    """Sort key: archived documents first, then by date (undated first), then input order."""
    return (0 if doc.archived else 1, doc.when or datetime.min, doc.order)


def _wanted(a: Item, b: Item) -> bool:
    """Pairs worth judging: two different, non-identical documents, not both archived."""
    if a.doc.key == b.doc.key or a.doc.text_hash == b.doc.text_hash:
        return False
    return not (a.doc.archived and b.doc.archived)


def subject_pairs(items: Iterable[Item], max_neighbours: int = 25) -> Iterator[Pair]:
    """Pairs of claims whose subjects agree, found by blocking on :meth:`Subject.blocking_keys`.

    Within one block documents are taken in time order and each is compared with at most
    ``max_neighbours`` documents before it, so even a subject named in thousands of articles
    costs linear time (the nearest reports in time are the ones that must agree).
    """
    blocks: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.subject is not None:
            for key in item.subject.blocking_keys():
                blocks[key].append(item)
    seen: set[tuple[int, int]] = set()
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda i: chronological(i.doc))
        per_doc: dict[tuple[str, str | None], list[Item]] = {}
        for item in block:
            per_doc.setdefault(item.doc.key, []).append(item)
        docs = list(per_doc.values())
        for index, later in enumerate(docs):
            for earlier in docs[max(0, index - max_neighbours) : index]:
                for b in later:
                    for a in earlier:
                        ident = (id(a), id(b))
                        if ident in seen or not _wanted(a, b):
                            continue
                        seen.add(ident)
                        assert a.subject is not None and b.subject is not None
                        why = agreement(a.subject, b.subject)
                        if why is not None:
                            yield Pair(a, b, why)
