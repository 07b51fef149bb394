"""Two versions of one article: sentences aligned, numbers paired by position."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from functools import cached_property

from numcheck.claims import Claim
from numcheck.matching.pairs import DocKey, DocRef, Item, Pair, chronological
from numcheck.matching.subject import unit_class
from numcheck.matching.words import WORD, tokens_of

# Never produced by the tokenizer from real text (it splits "#" and "⟦" off as one-character
# tokens), so number tokens cannot be confused with a hash sign in the text.
NUMBER_TOKEN = "⟦n⟧"


def sentence_hash(sentence: str) -> str:
    """A stable key for a sentence, insensitive to spacing."""
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:16]


def masked_tokens(claim_sentence: str, spans: Sequence[tuple[int, int, str]]
                  ) -> tuple[list[str], list[int]]:
    """The sentence as lower-case word tokens, each claim span ``(start, end, class)`` (offsets
    into the sentence, in text order) replaced by one number token (``⟦n⟧class``); and, for
    each such token, the index of its span. A span overlapping the one before it gets no
    token of its own ("6ft 2in" read as two claims)."""
    out: list[str] = []
    owners: list[int] = []
    pos = 0
    for index, (start, end, klass) in enumerate(spans):
        if start < pos:
            continue
        out.extend(t.lower() for t in tokens_of(claim_sentence[pos:start]))
        out.append(f"{NUMBER_TOKEN}{klass}")
        owners.append(index)
        pos = end
    out.extend(t.lower() for t in tokens_of(claim_sentence[pos:]))
    return out, owners


def words_in(sentence: str) -> int:
    return len(WORD.findall(sentence))


# Tokens are kept joined by this separator, which no token contains (words, digits and single
# marks never hold white space; number classes never hold a line break): one string per
# sentence to pickle and unpickle, split only for the few sentences that are aligned.
_SEPARATOR = "\n"


@dataclass(frozen=True)
class _Sentence:
    doc: DocRef
    key: str
    text: str
    items: tuple[Item, ...]
    masked: str  # the tokens, joined by _SEPARATOR

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.masked.split(_SEPARATOR))

    @cached_property
    def numbers(self) -> tuple[int, ...]:
        """For each token, its index among the number tokens (-1 for words)."""
        out: list[int] = []
        count = 0
        for token in self.tokens:
            number = token.startswith(NUMBER_TOKEN)
            out.append(count if number else -1)
            count += number
        return tuple(out)


@dataclass(frozen=True)
class SentenceShape:
    """A sentence of one document as version alignment reads it: its key
    (:func:`sentence_hash`), its tokens with the numbers masked (``masked``: joined by line
    breaks, split by :class:`_Sentence` when aligned), and for each number token the index
    (among the document's quantity claims) of the claim behind it. Plain data, so it can be
    read per document (in a worker) and joined to that document's items later; one string
    rather than a tuple of tokens, because most sentences are never aligned and what a worker
    sends, the process joining the corpus unpickles (2.9 MB, 0.11 s for the BBC corpus as
    tuples)."""

    key: str
    members: tuple[int, ...]
    masked: str


def sentence_shapes(quantities: Sequence[Claim], min_words: int) -> tuple[SentenceShape, ...]:
    """The alignable sentences (at least ``min_words`` words) of one document, in text order,
    from its quantity claims in document order (the order of its items)."""
    grouped: dict[int, list[int]] = defaultdict(list)
    for index, claim in enumerate(quantities):
        grouped[claim.sentence_start].append(index)
    out: list[SentenceShape] = []
    for start in sorted(grouped):
        members = grouped[start]
        text = quantities[members[0]].sentence
        if words_in(text) < min_words:
            continue
        members.sort(key=lambda k: (quantities[k].start, quantities[k].end))
        spans = [(quantities[k].start - quantities[k].sentence_start,
                  quantities[k].end - quantities[k].sentence_start,
                  unit_class(quantities[k])) for k in members]
        masked, owners = masked_tokens(text, spans)
        # members[k] is the claim behind the k-th number token of ``tokens``.
        out.append(SentenceShape(sentence_hash(text), tuple(members[k] for k in owners),
                                 _SEPARATOR.join(masked)))
    return tuple(out)


class _Documents:
    """The documents of a run as version alignment reads them: each one's items and the
    keys of its alignable sentences for all of them, and :class:`_Sentence` objects only for
    the few that turn out to share a sentence with another (building them for every
    document was most of the corpus step's time after the last document: 0.09 s of 0.15 s
    on the BBC corpus)."""

    def __init__(self, items: Iterable[Item], min_words: int,
                 shapes: Mapping[DocKey, Sequence[SentenceShape]] | None) -> None:
        grouped: dict[DocKey, list[Item]] = defaultdict(list)
        self.docs: dict[DocKey, DocRef] = {}
        for item in items:
            grouped[item.doc.key].append(item)
            self.docs[item.doc.key] = item.doc
        self.grouped = grouped
        # Documents in (path, id) order, each with at least one alignable sentence.
        self.shapes: dict[DocKey, Sequence[SentenceShape]] = {}
        for doc_key in sorted(grouped, key=lambda k: (k[0], k[1] or "")):
            known = shapes.get(doc_key) if shapes is not None else None
            if known is None:
                known = sentence_shapes([i.claim for i in grouped[doc_key]], min_words)
            if known:
                self.shapes[doc_key] = known
        self._built: dict[DocKey, list[_Sentence]] = {}

    def sentences(self, doc_key: DocKey) -> list[_Sentence]:
        found = self._built.get(doc_key)
        if found is None:
            members = self.grouped[doc_key]
            found = self._built[doc_key] = [
                _Sentence(self.docs[doc_key], shape.key, members[shape.members[0]].claim.sentence,
                          tuple(members[k] for k in shape.members), shape.masked)
                for shape in self.shapes[doc_key]
            ]
        return found


def revision_pairs(
    items: Iterable[Item],
    *,
    min_words: int = 8,
    similarity: float = 0.85,
    max_documents: int = 25,
    max_versions: int = 3,
    shapes: Mapping[DocKey, Sequence[SentenceShape]] | None = None,
) -> Iterator[Pair]:
    """Claims at the same place of the same sentence in two versions of one article.

    Two documents are versions of each other when they share at least one sentence with
    numbers word for word (sentences shared by more than ``max_documents`` documents are
    boilerplate and ignored). Each document is aligned with at most ``max_versions`` earlier
    versions, the nearest in time first (a change between versions shows between
    neighbours, and the work stays linear however many versions a story has). Sentences are
    aligned when they are at least ``similarity`` alike with every number masked, and the
    numbers at the same places are paired: "$1.8 billion (£9.4 million)" against "$1.8
    billion (£94 million)". ``shapes``: documents' sentences read before
    (:func:`sentence_shapes` of all of a document's items, with the same ``min_words``).
    """
    documents = _Documents(items, min_words, shapes)
    by_hash: dict[str, list[DocKey]] = defaultdict(list)
    for doc_key, known in documents.shapes.items():
        for digest in {shape.key for shape in known}:
            by_hash[digest].append(doc_key)
    partners: dict[DocKey, set[DocKey]] = defaultdict(set)
    for doc_keys in by_hash.values():
        if 1 < len(doc_keys) <= max_documents:
            for member in doc_keys:
                partners[member].update(k for k in doc_keys if k != member)

    def when(key: DocKey) -> tuple[int, datetime, int]:
        return chronological(documents.docs[key])

    for later in sorted(partners, key=when):
        doc = documents.docs[later]
        earlier = sorted((k for k in partners[later] if when(k) < when(later)), key=when,
                         reverse=True)
        chosen = [k for k in earlier if _comparable(documents.docs[k], doc)][:max_versions]
        for partner in reversed(chosen):
            yield from _aligned(documents.sentences(partner), documents.sentences(later),
                                similarity)


def _comparable(a: DocRef, b: DocRef) -> bool:
    return a.text_hash != b.text_hash and not (a.archived and b.archived)


def _aligned(left: list[_Sentence], right: list[_Sentence], similarity: float
             ) -> Iterator[Pair]:
    if not left or not right:
        return
    a_doc, b_doc = left[0].doc, right[0].doc
    if a_doc.text_hash == b_doc.text_hash or (a_doc.archived and b_doc.archived):
        return
    shared = {s.key for s in left} & {s.key for s in right}
    mine = [s for s in left if s.key not in shared]
    best: dict[int, tuple[float, _Sentence]] = {}
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    for other in (s for s in right if s.key not in shared):
        # The second sequence is indexed once and compared with every candidate sentence.
        matcher.set_seq2(other.tokens)
        for index, sentence in enumerate(mine):
            matcher.set_seq1(sentence.tokens)
            if matcher.real_quick_ratio() < similarity or matcher.quick_ratio() < similarity:
                continue
            ratio = matcher.ratio()
            if ratio >= similarity and (index not in best or ratio > best[index][0]):
                best[index] = (ratio, other)
    for index, (ratio, other) in sorted(best.items()):
        sentence = mine[index]
        why = (f"the same sentence in both articles ({ratio:.0%} alike with the numbers "
               f"masked)")
        for i, j in _number_alignment(sentence, other):
            yield Pair(sentence.items[i], other.items[j], why)


def _number_alignment(left: _Sentence, right: _Sentence) -> Iterator[tuple[int, int]]:
    """Indices (among number tokens) of numbers at the same place in both sentences."""
    a, b = left.tokens, right.tokens
    ia, ib = left.numbers, right.numbers
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag not in ("equal", "replace") or i2 - i1 != j2 - j1:
            continue
        for k in range(i2 - i1):
            x, y = a[i1 + k], b[j1 + k]
            # A number of one class with the same words on both sides in both versions
            # ("42.7 trillion calculations" is not "42.7 teraflops").
            if not x.startswith(NUMBER_TOKEN) or x != y:
                continue
            p, q = i1 + k, j1 + k
            before = (a[p - 1] if p else "^") == (b[q - 1] if q else "^")
            after = (a[p + 1] if p + 1 < len(a) else "$") == (b[q + 1] if q + 1 < len(b) else "$")
            if before and after:
                yield ia[p], ib[q]
