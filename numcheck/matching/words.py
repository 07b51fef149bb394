"""Words of a sentence: tokens, singular nouns, synonyms, and the places, names, events and
times a stretch of text mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from numcheck.matching.table import Table

WORD = re.compile(r"[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z]")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

_IRREGULAR = {"people": "people", "children": "child", "men": "man", "women": "woman",
              "police": "police", "staff": "staff", "series": "series", "species": "species",
              "news": "news", "data": "data", "media": "media", "sales": "sales",
              "earnings": "earnings", "personnel": "personnel", "troops": "troop",
              "casualties": "casualty", "crises": "crisis", "analyses": "analysis",
              "has": "has", "was": "was", "is": "is", "its": "its", "bus": "bus",
              "gas": "gas", "us": "us", "status": "status", "census": "census",
              "lens": "lens", "virus": "virus", "campus": "campus", "bonus": "bonus"}


def singular(word: str) -> str:
    """A plural noun's singular by simple English rules (``soldiers`` → ``soldier``)."""
    lower = POSSESSIVE.sub("", word.lower())
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if len(lower) <= 3 or not lower.endswith("s") or lower.endswith(("ss", "us", "is")):
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes")):
        return lower[:-2]
    return lower[:-1]


def normalise_phrase(words: Sequence[str], table: Table) -> list[str]:
    """Lower-case singular words with multi-word then single-word synonyms applied."""
    tokens = [singular(w) for w in words if w]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2):
            if i + size <= len(tokens):
                phrase = " ".join(tokens[i : i + size])
                if phrase in table.synonyms:
                    out.append(table.synonyms[phrase])
                    i += size
                    break
        else:
            out.append(table.synonyms.get(tokens[i], tokens[i]))
            i += 1
    return out


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_RELATIVE = re.compile(
    r"\b(?:(?:last|this|next|previous|coming|past)\s+(?:year|month|week|quarter|season|decade|"
    r"weekend|night|financial\s+year|fiscal\s+year)|yesterday|today|tonight|a\s+(?:year|month|"
    r"week|decade)\s+(?:earlier|ago|before|later)|(?:first|second|third|fourth|final)\s+"
    r"(?:quarter|half)|q[1-4]|h[12]|so\s+far\s+this\s+year|year\s+to\s+date|by\s+the\s+end\s+"
    r"of|within\s+\w+\s+(?:years|months|weeks|days)|over\s+the\s+(?:next|past|last)\s+\w+"
    r"(?:\s+\w+)?)\b",
    re.I,
)


def tokens_of(text: str) -> list[str]:
    return TOKEN.findall(text)


_NON_WORD = re.compile(r"[^A-Za-z.'’ -]+")


def hedged(text: str, table: Table) -> bool:
    # "May" (the month) is not "may" (the modal verb): only the lower-case word hedges.
    lower = " " + _NON_WORD.sub(" ", text).lower() + " "
    for hedge in table.hedges:
        if f" {hedge} " in lower and (hedge != "may" or re.search(r"\bmay\b", text)):
            return True
    return False


def period_in(text: str) -> set[str]:
    found = {m.group(0) for m in _YEAR.finditer(text)}
    lower = text.lower()
    words = set(re.findall(r"[a-z]+", lower))
    # "May" is a month only when capitalised and not the modal verb at a clause start.
    found |= {m for m in _MONTHS if m in words and (m != "may" or re.search(r"\bMay\b", text))}
    found |= {d for d in _WEEKDAYS if d in words}
    found |= {" ".join(m.group(0).lower().split()) for m in _RELATIVE.finditer(text)}
    return found


def places_in(words: Sequence[str], table: Table) -> set[str]:
    lowered = [POSSESSIVE.sub("", w.lower()) for w in words]
    found: set[str] = set()
    size = table.longest_place
    i = 0
    while i < len(lowered):
        first = words[i]
        if first.isalpha() and not first[:1].isupper() and lowered[i] not in ("of", "and"):
            i += 1  # no place starts with a lower-case word (the test below): skip the joins
            continue
        for n in range(min(size, len(lowered) - i), 0, -1):
            phrase = " ".join(lowered[i : i + n])
            original = words[i : i + n]
            # Places are proper nouns ("US", "Syria", "Syrian"): a lower-case "us" is a pronoun.
            if phrase in table.places and all(w[:1].isupper() for w in original if w.isalpha()
                                               and w.lower() not in ("of", "and")):
                if not inside_name(words, i, i + n, table):
                    found.add(table.places[phrase])
                i += n
                break
        else:
            i += 1
    return found


def inside_name(words: Sequence[str], start: int, end: int, table: Table) -> bool:
    """Is ``words[start:end]`` part of a longer proper name ("Lake Chad", "New York Times")?"""
    def name_word(index: int) -> bool:
        if not 0 <= index < len(words):
            return False
        word = words[index]
        lower = POSSESSIVE.sub("", word.lower())
        return word[:1].isupper() and lower not in table.entity_stop and \
            lower not in table.places
    return name_word(start - 1) or name_word(end)


def entities_in(text: str, table: Table, at_start: bool = False,
              known: frozenset[str] = frozenset()) -> set[str]:
    """Named entities: runs of capitalised words, minus places and stop words. A sentence's
    first word is capitalised by position: it is a name only when the document writes it
    capitalised elsewhere too (``known``), or it looks like one (BBC, TimeWarner, Tesco's)."""
    found: set[str] = set()
    run: list[str] = []
    words = [(m.group(0), m.start()) for m in WORD.finditer(text)]

    def flush() -> None:
        while run and run[0].lower() in table.entity_stop:
            run.pop(0)
        while run and run[-1].lower() in table.entity_stop:
            run.pop()
        if run:
            phrase = " ".join(POSSESSIVE.sub("", w.lower()) for w in run)
            if phrase not in table.places and phrase not in table.entity_stop:
                found.add(phrase)
        run.clear()

    for index, (word, _start) in enumerate(words):
        capital = word[:1].isupper()
        if capital and index == 0 and at_start and not _looks_like_name(word, known):
            capital = False
        if capital:
            if POSSESSIVE.search(word) and run:
                run.append(word)
                flush()
                continue
            run.append(word)
        elif word.lower() in ("of", "de") and run:
            run.append(word)
        else:
            flush()
    flush()
    # A place inside a longer name ("Lake Chad") stays part of the name; bare places are
    # reported separately (they are in ``places``).
    return {e for e in found if e.split()[-1] not in ("of", "de")}


def _looks_like_name(word: str, known: frozenset[str]) -> bool:
    lower = POSSESSIVE.sub("", word.lower())
    return lower in known or bool(POSSESSIVE.search(word)) or any(c.isupper() for c in word[1:])


def known_names(sentences: Iterable[str]) -> frozenset[str]:
    """Words written capitalised somewhere other than at the start of a sentence."""
    names: set[str] = set()
    for sentence in sentences:
        for index, match in enumerate(WORD.finditer(sentence)):
            word = match.group(0)
            if index and word[:1].isupper():
                names.add(POSSESSIVE.sub("", word.lower()))
    return frozenset(names)


def events_in(words: Sequence[str], table: Table) -> set[str]:
    found = (table.synonyms.get(w, w) for w in (singular(x) for x in words))
    return {w for w in found if w in table.events}


def is_place_phrase(phrase: str, table: Table) -> bool:
    return all(part in table.places for part in phrase.split(" and "))
