"""Sentences and paragraphs with character offsets.

A rule-based splitter tuned for news prose: it splits after ``.``, ``!`` or ``?`` (plus closing
quotes or brackets) when whitespace and a plausible sentence start follow, and not after
abbreviations (``Mr.``, ``U.S.``, ``Jan.``), initials (``J. Smith``) or inside numbers. Blank
lines always end a paragraph; single line breaks end a sentence only when the line looks like a
heading or list item. See ``benchmarks/segmenter.py`` for the comparison that chose it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    supt insp det no nos vs v etc inc ltd co corp bros plc llc dept univ assn est approx fig figs
    eq ref vol pp ch sec art jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed
    thu thur thurs fri sat sun e.g i.e a.m p.m u.s u.k u.n e.u d.c al cf op ed eds"""
    .split()
)

_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ENDABLE = _MONTHS | frozenset("a.m p.m etc inc ltd co corp plc llc bros".split())

# A candidate boundary: terminal punctuation, optional closers, then whitespace.
_BOUNDARY = re.compile(r"""[.!?…]+['"’”)\]]*(?=\s)""")
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n\s*")
_LINE = re.compile(r"\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_START_AFTER = re.compile(r"""\s+(['"‘“(\[]*)(\S)""")


def _is_boundary(text: str, end: int, match_start: int) -> bool:
    """Decide whether the punctuation ending at ``end`` closes a sentence."""
    nxt = _START_AFTER.match(text, end)
    if nxt is None:
        return True
    first = nxt.group(2)
    if text[match_start] != ".":
        return first.isupper() or first.isdigit() or bool(nxt.group(1))
    word_match = _WORD_BEFORE.search(text, max(0, match_start - 40), match_start)
    word = word_match.group(1) if word_match else ""
    bare = word.rstrip(".").lower()
    if bare in _ABBREVIATIONS:
        # Titles never end a sentence; abbreviations that can ("5 p.m.", "Acme Inc.", "in
        # Feb.") do when a capitalised word follows that reads as a new sentence.
        if bare in _ENDABLE and first.isupper() and (
            bare in _MONTHS or bare in {"inc", "ltd", "co", "corp", "plc", "llc", "etc"}
            or _next_word_starts_sentence(text, nxt.start(2))
        ):
            return True
        return bare in {"u.s", "u.k", "no"} and first.isupper() and _next_word_starts_sentence(
            text, nxt.start(2)
        )
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word) and not first.isupper():
        return False
    return first.isupper() or first.isdigit() or bool(nxt.group(1)) or not first.isalpha()


_SENTENCE_STARTERS = frozenset(
    "The A An It He She They We I In On But And This That These Those There His Her Its Their"
    " Our Mr Mrs Ms Dr However Meanwhile Last Next Some Many Most You Your Officials Police"
    .split()
)


def _next_word_starts_sentence(text: str, pos: int) -> bool:
    match = re.match(r"[A-Za-z]+", text[pos : pos + 20])
    return bool(match and match.group(0) in _SENTENCE_STARTERS)


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, match.end(), match.start()):
            yield cursor, match.end()
            cursor = match.end()
    yield cursor, end


_CONTINUES = re.compile(
    r"(?:[,;:\-–—(]|\b(?:and|or|but|nor|of|the|a|an|to|in|on|at|by|for|from|with|than|as|per"
    r"|about|over|under|some|nearly|almost|around|between|is|are|was|were|be|been|that|which"
    r"|who|its|their|his|her|our|more|less|fewer|up|down))$",
    re.I,
)
_LINE_START = re.compile(r"[A-Z\"“‘'#*•>\-]|\d+[.)]\s")
_SPACES = re.compile(r"\s*")
_WORD_CHAR = re.compile(r"\w")


def _continues(line: str) -> bool:
    """Does ``line`` end as if the sentence went on ("… and", "… of the", a comma)?

    Only the end is read: searching a whole line for an anchored pattern costs its length at
    every line break."""
    tail = line[-64:]
    match = _CONTINUES.search(tail)
    if match is None:
        return False
    # A word cut by the window ("...Ireland" → "and") is not the word it looks like.
    return not (match.start() == 0 and len(line) > len(tail)
                and _WORD_CHAR.match(line, len(line) - len(tail) - 1) is not None
                and _WORD_CHAR.match(tail) is not None)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Single line breaks inside a paragraph split it only where a line reads as complete:
    a headline, byline or list item. Prose wrapped at a fixed width ("17% Reform and\n12%
    Liberal Democrat") stays one sentence."""
    # Linear in the paragraph: only the last line with text before the break and the start of
    # the next one are looked at. (Slicing from the cursor and to the paragraph's end at every
    # break took hours on a 100 MB paragraph of single-spaced lines.)
    cursor = start
    line_start = start
    before = ""  # the last line since the cursor that holds text, right-stripped
    for match in _LINE.finditer(text, start, end):
        line = text[line_start : match.start()]
        line_start = match.end()
        if not line.isspace() and line:
            before = line.rstrip()
        after_at = _SPACES.match(text, match.end(), end).end()  # type: ignore[union-attr]
        after = text[after_at : min(end, after_at + 64)]
        if before and not _continues(before) and (not after or _LINE_START.match(after)):
            yield cursor, match.start()
            cursor = match.end()
            before = ""
    yield cursor, end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of paragraphs: text separated by blank lines."""
    cursor = 0
    for match in _PARAGRAPH.finditer(text):
        if text[cursor : match.start()].strip():
            yield cursor, match.start()
        cursor = match.end()
    if text[cursor:].strip():
        yield cursor, len(text)


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index into ``text``, whitespace trimmed."""
    result: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        for l_start, l_end in _lines(text, p_start, p_end):
            for s_start, s_end in _split_block(text, l_start, l_end):
                chunk = text[s_start:s_end]
                stripped = chunk.strip()
                if not stripped:
                    continue
                lead = len(chunk) - len(chunk.lstrip())
                start = s_start + lead
                result.append(Sentence(start, start + len(stripped), stripped, number))
    return result
