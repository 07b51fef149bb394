"""Extraction: from a document's text to its claims.

Sentences are parsed one by one (quantulum3's range detection drifts on long text), and a
sentence with no digit and no number word is never parsed at all.
"""

from __future__ import annotations

import re

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.extraction.intervals import DEFAULT_TOLERANCE
from numcheck.extraction.mentions import Mention, analyse
from numcheck.segment import Sentence, sentences

__all__ = ["extract_document", "extract_sentences", "extract_text", "might_hold_number"]

_NUMBERISH = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|half|thirds?|quarters?"
    r"|hundreds|thousands|millions|billions|scores)\b",
    re.I,
)


def might_hold_number(text: str) -> bool:
    """The prefilter: can this text contain a quantity at all?"""
    return _NUMBERISH.search(text) is not None


def _claim(document: Document, sentence: Sentence, m: Mention) -> Claim:
    start = sentence.start + m.start
    end = sentence.start + m.end
    line, column = document.position(start)
    return Claim(
        text=document.text[start:end],
        value=m.value,
        low=m.low,
        high=m.high,
        bound=m.bound,
        unit=m.unit,
        kind=m.kind,  # type: ignore[arg-type]
        quantity_of=m.quantity_of,
        change=m.change,
        low_closed=m.low_closed,
        high_closed=m.high_closed,
        start=start,
        end=end,
        path=document.path,
        line=line,
        column=column,
        sentence=sentence.text,
        sentence_start=sentence.start,
        doc_date=document.date,
        doc_id=document.meta.get("id"),
        step=m.step,
        upper=m.upper,
    )


def extract_sentences(
    document: Document, parts: list[Sentence], tolerance: float = DEFAULT_TOLERANCE
) -> list[Claim]:
    claims: list[Claim] = []
    for sentence in parts:
        if not might_hold_number(sentence.text):
            continue
        claims.extend(_claim(document, sentence, m) for m in analyse(sentence.text, tolerance))
    return claims


def extract_document(document: Document, tolerance: float = DEFAULT_TOLERANCE) -> list[Claim]:
    """Every claim in ``document``, in text order, located in its source file."""
    return extract_sentences(document, sentences(document.text), tolerance)


def extract_text(
    text: str, path: str = "<string>", tolerance: float = DEFAULT_TOLERANCE
) -> list[Claim]:
    return extract_document(Document.from_text(text, path), tolerance)
