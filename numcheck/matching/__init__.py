"""Claim matching across documents: when do two claims state a quantity of the same thing?

A claim's :class:`Subject` is read from its sentence (:mod:`.reading`) with the editable table
in ``numcheck/subjects.txt`` (:mod:`.table`): the counted noun ("2,000 [US troops]", "300
[people were killed]") or the noun phrase the number is predicated of ("[the death toll] has
risen to 2,500", "[GDP] of $660m"), normalised (lower case, singular, synonyms: soldiers →
troop, death toll → death), plus what surrounds it (:mod:`.words`): the places named (US,
Syria), other named entities (Golden Gate Bridge), events (earthquake), and explicit times
(2004, last year, Monday).

Two claims match only when all of these agree (:func:`agreement`): the same counted noun
with the same modifiers, the same unit class (a count, a length, dollars — currencies are
never mixed), the same places, the same named times, no two different events, and enough
shared context to pin the noun down. That is deliberately conservative: two articles about
different things must never be compared.

Matching is not all-pairs (:mod:`.pairs`). :meth:`Subject.blocking_keys` gives each subject a
few blocking keys (counted noun + unit class + places, or + one named entity); only claims
sharing a key are compared, and within one key each document meets a bounded number of
others, so the work grows linearly with the corpus. Two versions of one article are also
aligned sentence by sentence (:mod:`.revisions`).

Claims are skipped when they are not statements of a current level: changes ("rose 5%"),
baselines ("up from 2,000"), forecasts and conditions ("may", "is expected to", "if"),
questions, ranks, ages and test statistics.
"""

from __future__ import annotations

from numcheck.matching.agree import agreement
from numcheck.matching.pairs import (
    DocRef,
    Item,
    Pair,
    items_of,
    items_with,
    parse_when,
    subject_pairs,
    subjects_of_quantities,
    text_hash,
)
from numcheck.matching.query import Query, parse_query
from numcheck.matching.reading import stated, subject_of, subjects
from numcheck.matching.revisions import (
    SentenceShape,
    masked_tokens,
    revision_pairs,
    sentence_hash,
    sentence_shapes,
    words_in,
)
from numcheck.matching.subject import Nature, Subject, unit_class
from numcheck.matching.table import Table, TableError, default_table, load_table, parse_table
from numcheck.matching.words import known_names, normalise_phrase, singular

__all__ = [
    "DocRef", "Item", "Nature", "Pair", "Query", "SentenceShape", "Subject", "Table",
    "TableError", "agreement", "default_table", "items_of", "items_with", "known_names",
    "load_table", "masked_tokens", "normalise_phrase", "parse_query", "parse_table",
    "parse_when", "revision_pairs", "sentence_hash", "sentence_shapes", "singular", "stated",
    "subject_of", "subject_pairs", "subjects", "subjects_of_quantities", "text_hash",
    "unit_class", "words_in",
]
