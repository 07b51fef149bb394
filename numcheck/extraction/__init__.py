"""Extraction: from a document's text to its claims.

Sentences are parsed one by one (quantulum3's range detection drifts on long text), and a
sentence with no digit and no number word is never parsed at all.

Extraction is bounded, because the engine's time budget is only checked between stages and a
stage cannot be interrupted (see :class:`Limits`): a run-on "sentence" (a table flattened out of
a PDF, a 5 MB line) is analysed in pieces of at most ``max_sentence_chars``, at most
``max_claims_per_sentence`` numbers of one sentence are kept, and a caller's ``expired`` check
runs between sentences. :func:`extract_bounded` says what it cut, as problems naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from numcheck.claims import Claim
from numcheck.documents import Document, Problem
from numcheck.extraction.intervals import DEFAULT_TOLERANCE
from numcheck.extraction.mentions import Mention, analyse
from numcheck.extraction.numbers import VULGAR_CHARACTERS
from numcheck.segment import Sentence, sentences

__all__ = [
    "Extraction", "Limits", "extract_bounded", "extract_document", "extract_sentences",
    "extract_text", "might_hold_number",
]

_DIGIT = re.compile(rf"[\d{VULGAR_CHARACTERS}]")
_NUMBERISH = re.compile(
    rf"[\d{VULGAR_CHARACTERS}]|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|half|thirds?|quarters?"
    r"|hundreds|thousands|millions|billions|scores)\b",
    re.I,
)


def might_hold_number(text: str) -> bool:
    """The prefilter: can this text contain a quantity at all? (A digit is the cheap test.)"""
    return _DIGIT.search(text) is not None or _NUMBERISH.search(text) is not None


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


@dataclass(frozen=True)
class Limits:
    """What one sentence may cost.

    The correction layer looks back over the sentence before each number, so its cost grows
    with (sentence length × numbers in it): fine for prose (the longest sentence in 1,714 BBC
    articles has 590 characters), minutes for a 5 MB line. Pieces of at most
    ``max_sentence_chars`` keep it linear in the document; ``max_claims_per_sentence`` keeps
    what the rules compare pairwise small (no prose sentence states 500 numbers).
    """

    max_sentence_chars: int = 2_000
    max_claims_per_sentence: int = 500


@dataclass
class Extraction:
    """Claims of a document and what bounding the work cut from it. ``complete`` is False when
    ``expired`` stopped extraction before the end of the document."""

    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    complete: bool = True


def pieces(sentence: Sentence, limit: int) -> Iterator[Sentence]:
    """``sentence`` cut into pieces of at most ``limit`` characters, at white space where there
    is some in the second half of the piece (a number is then never cut in two)."""
    text = sentence.text
    if len(text) <= limit:
        yield sentence
        return
    at = 0
    while at < len(text):
        end = min(at + limit, len(text))
        if end < len(text):
            half = at + limit // 2
            space = max(text.rfind(" ", half, end), text.rfind("\n", half, end))
            if space > at:
                end = space + 1
        yield Sentence(sentence.start + at, sentence.start + end, text[at:end], sentence.paragraph)
        at = end


def extract_bounded(
    document: Document,
    parts: list[Sentence],
    tolerance: float = DEFAULT_TOLERANCE,
    limits: Limits | None = None,
    expired: Callable[[], bool] | None = None,
) -> Extraction:
    """Claims of ``parts`` within ``limits``; ``expired`` (the time budget) is asked before
    each sentence and each piece of a long one. Whatever is cut is reported as a problem
    naming the file and line."""
    limits = limits or Limits()
    out = Extraction()
    long_ones = [s for s in parts if len(s.text) > limits.max_sentence_chars]
    for sentence in parts:
        if not _extract_sentence(document, sentence, tolerance, limits, expired, out):
            out.complete = False
            break
    if long_ones:
        # One warning per document, at the first such sentence: a flattened table can make
        # thousands of them.
        line = document.position(long_ones[0].start)[0]
        many = (f"{len(long_ones):,} sentences longer than {limits.max_sentence_chars:,} "
                "characters (the first on this line) were" if len(long_ones) > 1 else
                f"sentence of {len(long_ones[0].text):,} characters")
        out.problems.append(Problem(
            document.path, f"{many} read in pieces of at most {limits.max_sentence_chars:,} "
            "characters; numbers in different pieces were not compared with each other",
            "warning", line))
    return out


def _extract_sentence(
    document: Document, sentence: Sentence, tolerance: float, limits: Limits,
    expired: Callable[[], bool] | None, out: Extraction,
) -> bool:
    """Claims of one sentence into ``out``; False when the time budget ran out."""
    if not might_hold_number(sentence.text):
        return True  # one scan, however long: prose without numbers costs nothing more
    cap = limits.max_claims_per_sentence
    kept = 0
    split = len(sentence.text) > limits.max_sentence_chars
    for piece in pieces(sentence, limits.max_sentence_chars):
        if expired is not None and expired():
            line = document.position(piece.start)[0]
            out.problems.append(Problem(
                document.path, "time budget used up during extraction; the document from this "
                "line on was not checked (raise time-budget to check it fully)", "error", line))
            return False
        if split and not might_hold_number(piece.text):
            continue
        found = [_claim(document, piece, m) for m in analyse(piece.text, tolerance)]
        if kept + len(found) > cap:
            line = document.position(found[cap - kept].start)[0]
            out.claims.extend(found[: cap - kept])
            out.problems.append(Problem(
                document.path, f"more than {cap} numbers in one sentence; the numbers from "
                "this line to the end of the sentence were not checked", "error", line))
            return True
        out.claims.extend(found)
        kept += len(found)
    return True


def extract_sentences(
    document: Document, parts: list[Sentence], tolerance: float = DEFAULT_TOLERANCE
) -> list[Claim]:
    """Claims of ``parts`` (within the default :class:`Limits`; see :func:`extract_bounded`
    for what was cut)."""
    return extract_bounded(document, parts, tolerance).claims


def extract_document(document: Document, tolerance: float = DEFAULT_TOLERANCE) -> list[Claim]:
    """Every claim in ``document``, in text order, located in its source file."""
    return extract_sentences(document, sentences(document.text), tolerance)


def extract_text(
    text: str, path: str = "<string>", tolerance: float = DEFAULT_TOLERANCE
) -> list[Claim]:
    return extract_document(Document.from_text(text, path), tolerance)
