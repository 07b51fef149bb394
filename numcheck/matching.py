"""Claim matching across documents: when do two claims state a quantity of the same thing?

A claim's :class:`Subject` is read from its sentence with the editable table in
``subjects.txt``: the counted noun ("2,000 [US troops]", "300 [people were killed]") or the
noun phrase the number is predicated of ("[the death toll] has risen to 2,500", "[GDP] of
$660m"), normalised (lower case, singular, synonyms: soldiers → troop, death toll → death),
plus what surrounds it: the places named (US, Syria), other named entities (Golden Gate
Bridge), events (earthquake), and explicit times (2004, last year, Monday).

Two claims match only when all of these agree (see :func:`agreement`): the same counted noun
with the same modifiers, the same unit class (a count, a length, dollars — currencies are
never mixed), the same set of places, the same named times, no two different events, and
some context that makes the noun specific (a place, or for a generic noun such as "people" a
named entity both sentences share). That is deliberately conservative: two articles about
different things must never be compared.

Matching is not all-pairs. :meth:`Subject.blocking_keys` gives each subject a few blocking keys
(counted noun + unit class + places, or + one named entity); only claims sharing a key are
compared, so the work grows with the number of claims, not with its square.

Claims are skipped when they are not statements of a current level: changes ("rose 5%"),
baselines ("up from 2,000", "more than last year's 5%"), forecasts and conditions ("may",
"is expected to", "if"), ages and test statistics.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from numcheck import units
from numcheck.claims import Claim

Nature = Literal["cumulative", "stock"]

# --------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Table:
    """The contents of ``subjects.txt`` (see that file for what each section means)."""

    synonyms: Mapping[str, str]
    participles: Mapping[str, str]
    people: frozenset[str]
    cumulative: frozenset[str]
    ignore: frozenset[str]
    generic: frozenset[str]
    events: frozenset[str]
    hedges: frozenset[str]
    entity_stop: frozenset[str]
    places: Mapping[str, str]

    @property
    def longest_place(self) -> int:
        return max((len(alias.split()) for alias in self.places), default=1)


_SECTIONS = ("synonyms", "participles", "people", "cumulative", "ignore", "generic", "events",
             "hedges", "entity-stop", "places")


class TableError(ValueError):
    """A malformed line in a subjects table (``file:line: problem``)."""


def parse_table(text: str, source: str = "subjects.txt") -> Table:
    """Read a subjects table; raises :class:`TableError` naming the line of a bad entry."""
    sections: dict[str, list[tuple[int, str]]] = {name: [] for name in _SECTIONS}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            if current not in sections:
                raise TableError(f"{source}:{number}: unknown section [{current}]")
            continue
        if current is None:
            raise TableError(f"{source}:{number}: entry before any [section]")
        sections[current].append((number, line.lower()))

    def pairs(name: str, sep: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for number, line in sections[name]:
            if sep not in line:
                raise TableError(f"{source}:{number}: expected 'word {sep} canonical' in "
                                 f"[{name}], got {line!r}")
            left, right = (part.strip() for part in line.split(sep, 1))
            out[_collapse(left)] = _collapse(right)
        return out

    places: dict[str, str] = {}
    for _number, line in sections["places"]:
        canonical, _, aliases = line.partition(":")
        canonical = _collapse(canonical)
        places[canonical] = canonical
        for alias in aliases.split(","):
            if alias.strip():
                places[_collapse(alias)] = canonical

    def words(name: str) -> frozenset[str]:
        return frozenset(_collapse(line) for _, line in sections[name])

    return Table(
        synonyms=pairs("synonyms", "="),
        participles=pairs("participles", "="),
        people=words("people"),
        cumulative=words("cumulative"),
        ignore=words("ignore"),
        generic=words("generic"),
        events=words("events"),
        hedges=words("hedges"),
        entity_stop=words("entity-stop"),
        places=places,
    )


def _collapse(text: str) -> str:
    return " ".join(text.split())


@cache
def default_table() -> Table:
    text = resources.files("numcheck").joinpath("subjects.txt").read_text("utf-8")
    return parse_table(text)


def load_table(path: str | Path | None = None) -> Table:
    """The shipped table, or the one at ``path`` (a user's edited copy)."""
    if path is None:
        return default_table()
    return parse_table(Path(path).read_text("utf-8"), str(path))


# --------------------------------------------------------------------------- words

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z]")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")

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
    lower = _POSSESSIVE.sub("", word.lower())
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


# --------------------------------------------------------------------------- the subject

_ATTRIBUTES: Mapping[str, str] = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "weight",
    "[temperature]": "temperature",
    "[length] / [time]": "speed",
    "[time]": "duration",
    "[mass] * [length] ** 2 / [time] ** 3": "power",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
}


@dataclass(frozen=True)
class Subject:
    """What a claim counts or measures, and the context that pins it down."""

    head: str
    modifiers: tuple[str, ...]
    unit_class: str
    places: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    period: tuple[str, ...] = ()
    nature: Nature = "stock"
    generic: bool = False
    #: the noun was read after the number ("2,000 troops"), so it is a countable plural
    counted: bool = False

    @property
    def noun(self) -> str:
        """``"us troop"``-style: modifiers then head, for messages."""
        return " ".join((*self.modifiers, self.head))

    def label(self) -> str:
        """A short human description: "troops (Syria, US)", "area (Lake Chad)"."""
        noun = self.noun
        if self.counted and not noun.endswith("s"):
            noun = _plural(noun)
        context = [_title(p) for p in self.places] + [_title(e) for e in self.entities]
        return f"{noun} ({', '.join(context)})" if context else noun

    @property
    def base(self) -> str:
        return f"{self.unit_class}|{self.head}|{'+'.join(self.modifiers)}"

    def blocking_keys(self) -> tuple[str, ...]:
        """Blocking keys: claims are compared only when they share one of these."""
        places = "+".join(self.places)
        keys: list[str] = []
        if self.places and not self.generic:
            keys.append(f"{self.base}|P:{places}")
        keys.extend(f"{self.base}|E:{entity}" for entity in self.entities)
        return tuple(keys)


def unit_class(claim: Claim) -> str:
    """What a claim's number can be compared with: ``count``, ``percent``, ``USD``, or a
    dimension such as ``[length] ** 2``. Currencies are classes of their own."""
    if claim.unit is None:
        return "count"
    if claim.unit in ("percent", "percentage_point"):
        return claim.unit
    if units.is_currency(claim.unit):
        return claim.unit
    return units.dimension(claim.unit) or claim.unit


# --------------------------------------------------------------------------- reading a claim

# Bound and approximation words between a noun phrase and its number ("of about $2.95bn").
_BOUND_TAIL = re.compile(
    r"(?:(?:\b(?:about|around|roughly|approximately|approx\.|some|nearly|almost|just|over|"
    r"under|only|barely|well|below|above|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"at\s+most|close\s+to|an\s+estimated|a\s+total\s+of|a\s+record|a|an|the)\s+)|[~≈]\s*)+$",
    re.I,
)
_LINK_VERBS = frozenset(
    "is was are were be been being stood stands stand totalled totaled totals totalling "
    "totaling reached reaches reach hit hits covers covered covering cover spans spanned span "
    "measures measured measuring stretches stretched numbered numbers employs employed "
    "employing worth valued remains remained stays stayed".split()
)
_CHANGE_VERBS = frozenset(
    "rose risen rise rises rising climbed climb climbs grew grown grow grows increased "
    "increase increases fell fallen fall falls dropped drop drops declined decline declines "
    "jumped jump jumps soared soar slipped slip slumped slump shrank shrunk shrink swelled "
    "swollen surged surge plunged plunge tumbled dipped edged moved went gone come came "
    "raised lowered cut revised put brought boosted".split()
)
_AUX = frozenset("has have had is was are were been being now so far already".split())
_NP_STOP = frozenset(
    "a an the and or but of in on at to for from by with without about into onto over under "
    "is are was were be been has have had do does did will would can could may might must "
    "that which who this these those there here it its they them their he his she her we our "
    "you your i my not no also only just even still very too each every all both either any "
    "some such other another said says say told according while if because than as per when "
    "where new".split()
)
_PREPOSITIONS = frozenset("of in from for at on among across".split())
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:from|than|versus|vs\.?|against|compared\s+(?:with|to)|previous(?:ly)?|"
    r"earlier|original(?:ly)?|initial(?:ly)?|instead\s+of|rather\s+than|replac\w*|"
    r"last\s+year'?s?|a\s+year\s+earlier)\s+(?:(?:about|around|some|just|only|nearly|almost|"
    r"the|a|an|an\s+estimated)\s+)*)$",
    re.I,
)
_BOUND_THAN = re.compile(r"\b(?:more|less|fewer|greater|higher|lower|other)\s+than\s+$", re.I)
_DELTA_BEFORE = re.compile(
    r"\b(?:by|another|further|extra|additional|number|no\.)\s+(?:(?:about|around|some|just|"
    r"only|nearly|almost|another|a\s+further|an\s+extra|an\s+additional)\s+)*$", re.I)
_LEVEL_AFTER_CHANGE = re.compile(r"\bto\s+(?:(?:about|around|some|just|only|nearly|almost|an"
                                 r"\s+estimated|a\s+record)\s+)*$", re.I)
_AFTER_PARTICIPLE = re.compile(
    r"^[\s,]*(?:(?:who|that|have|has|had|were|was|are|is|been|being|reportedly|now|so\s+far|"
    r"all|also|already|confirmed|believed\s+to\s+have|feared|thought\s+to\s+have)\s+)*"
    r"([a-z]+)", re.I)
_VERB_BEFORE = re.compile(r"\b([a-z]+)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+)?$",
                          re.I)
_CLAUSE_END = re.compile(r"[;:()\[\]—–]|,\s|\s-\s|\s(?:and|but|while|whereas|although|"
                         r"though|who|which|said|says|according)\s", re.I)
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


_STATED_BOUND = re.compile(
    r"(?:\b(?:about|around|roughly|approximately|some|nearly|almost|just|over|under|only|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|close\s+to|"
    r"an\s+estimated|as\s+many\s+as|below|above)\s+)+$", re.I)


def stated(claim: Claim) -> str:
    """The number as written with the bound words before it: "Some 4,000", "at least 300"."""
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    m = _STATED_BOUND.search(before[-40:])
    return f"{m.group(0)}{claim.text}" if m else claim.text


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


_NON_WORD = re.compile(r"[^A-Za-z.'’ -]+")


def _hedged(text: str, table: Table) -> bool:
    # "May" (the month) is not "may" (the modal verb): only the lower-case word hedges.
    lower = " " + _NON_WORD.sub(" ", text).lower() + " "
    for hedge in table.hedges:
        if f" {hedge} " in lower and (hedge != "may" or re.search(r"\bmay\b", text)):
            return True
    return False


def _period(text: str) -> set[str]:
    found = {m.group(0) for m in _YEAR.finditer(text)}
    lower = text.lower()
    words = set(re.findall(r"[a-z]+", lower))
    # "May" is a month only when capitalised and not the modal verb at a clause start.
    found |= {m for m in _MONTHS if m in words and (m != "may" or re.search(r"\bMay\b", text))}
    found |= {d for d in _WEEKDAYS if d in words}
    found |= {" ".join(m.group(0).lower().split()) for m in _RELATIVE.finditer(text)}
    return found


def _places(words: Sequence[str], table: Table) -> set[str]:
    lowered = [_POSSESSIVE.sub("", w.lower()) for w in words]
    found: set[str] = set()
    size = table.longest_place
    i = 0
    while i < len(lowered):
        for n in range(min(size, len(lowered) - i), 0, -1):
            phrase = " ".join(lowered[i : i + n])
            original = words[i : i + n]
            # Places are proper nouns ("US", "Syria", "Syrian"): a lower-case "us" is a pronoun.
            if phrase in table.places and all(w[:1].isupper() for w in original if w.isalpha()
                                               and w.lower() not in ("of", "and")):
                if not _inside_name(words, i, i + n, table):
                    found.add(table.places[phrase])
                i += n
                break
        else:
            i += 1
    return found


def _inside_name(words: Sequence[str], start: int, end: int, table: Table) -> bool:
    """Is ``words[start:end]`` part of a longer proper name ("Lake Chad", "New York Times")?"""
    def name_word(index: int) -> bool:
        if not 0 <= index < len(words):
            return False
        word = words[index]
        lower = _POSSESSIVE.sub("", word.lower())
        return word[:1].isupper() and lower not in table.entity_stop and \
            lower not in table.places
    return name_word(start - 1) or name_word(end)


def _entities(text: str, table: Table, at_start: bool = False,
              known: frozenset[str] = frozenset()) -> set[str]:
    """Named entities: runs of capitalised words, minus places and stop words. A sentence's
    first word is capitalised by position: it is a name only when the document writes it
    capitalised elsewhere too (``known``), or it looks like one (BBC, TimeWarner, Tesco's)."""
    found: set[str] = set()
    run: list[str] = []
    words = [(m.group(0), m.start()) for m in _WORD.finditer(text)]

    def flush() -> None:
        while run and run[0].lower() in table.entity_stop:
            run.pop(0)
        while run and run[-1].lower() in table.entity_stop:
            run.pop()
        if run:
            phrase = " ".join(_POSSESSIVE.sub("", w.lower()) for w in run)
            if phrase not in table.places and phrase not in table.entity_stop:
                found.add(phrase)
        run.clear()

    for index, (word, _start) in enumerate(words):
        capital = word[:1].isupper()
        if capital and index == 0 and at_start and not _looks_like_name(word, known):
            capital = False
        if capital:
            if _POSSESSIVE.search(word) and run:
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
    lower = _POSSESSIVE.sub("", word.lower())
    return lower in known or bool(_POSSESSIVE.search(word)) or any(c.isupper() for c in word[1:])


def known_names(sentences: Iterable[str]) -> frozenset[str]:
    """Words written capitalised somewhere other than at the start of a sentence."""
    names: set[str] = set()
    for sentence in sentences:
        for index, match in enumerate(_WORD.finditer(sentence)):
            word = match.group(0)
            if index and word[:1].isupper():
                names.add(_POSSESSIVE.sub("", word.lower()))
    return frozenset(names)


def _events(words: Sequence[str], table: Table) -> set[str]:
    return {w for w in (singular(x) for x in words) if w in table.events}


@dataclass(frozen=True)
class _Noun:
    """A noun phrase read around a number: its head, modifiers and any proper names in it."""

    head: str
    modifiers: tuple[str, ...]
    names: tuple[str, ...] = ()


def _split_phrase(words: Sequence[str], table: Table) -> _Noun | None:
    """Common words become head and modifiers; proper names become names. A lone place
    ("US troops") is context, read separately; inside a longer name ("Lake Chad") it is
    part of the name."""
    common: list[str] = []
    names: list[str] = []
    run: list[str] = []

    def flush() -> None:
        lowered = [_POSSESSIVE.sub("", w.lower()) for w in run]
        if lowered and not (len(lowered) == 1 and lowered[0] in table.places):
            names.append(" ".join(lowered))
        run.clear()

    for word in words:
        acronym = word.isupper() and len(word) > 1 and word.lower() not in table.places
        if word[:1].isupper() and not acronym:
            run.append(word)
            continue
        flush()
        common.append(word)
    flush()
    if not common:
        return _Noun("", (), tuple(names)) if names else None
    normal = normalise_phrase(common, table)
    head = normal[-1]
    if head in table.ignore or normal[0] in table.ignore:
        return None
    return _Noun(head, tuple(normal[:-1]), tuple(names))


def _counted_noun(claim: Claim, before: str, after: str, table: Table) -> _Noun | None:
    """The noun after the number ("2,000 US troops", "300 people were killed", "the quake
    killed 300 people")."""
    if not claim.quantity_of:
        return None
    noun = _split_phrase(_WORD.findall(claim.quantity_of), table)
    if noun is None or noun.head not in table.people:
        return noun
    # "300 people were killed", "killed 300 people": the participle names what is counted.
    position = after.find(claim.quantity_of)
    rest = after[position + len(claim.quantity_of) :] if 0 <= position < 40 else ""
    m = _AFTER_PARTICIPLE.match(rest)
    verb = _VERB_BEFORE.search(_BOUND_TAIL.sub("", before))
    word = m.group(1).lower() if m is not None else ""
    if word not in table.participles:
        word = verb.group(1).lower() if verb is not None else ""
    if word not in table.participles:
        return noun
    modifiers = noun.modifiers
    if noun.head not in ("people", "person", "other"):
        modifiers = (*modifiers, noun.head)  # "300 civilians were killed": civilian deaths
    return _Noun(table.participles[word], modifiers, noun.names)


def _noun_before(before: str, table: Table, at_start: bool) -> _Noun | None:
    """The noun phrase a number is predicated of: "[GDP] of $660m", "[the death toll] has
    risen to 2,500"."""
    tokens = _tokens(_BOUND_TAIL.sub("", before))
    i = len(tokens)
    if not i:
        return None
    link = tokens[i - 1].lower()
    if link == "to":
        i -= 1
        # "rose 2% to $11.1bn": a change before the level is skipped.
        if i >= 2 and tokens[i - 1] == "%" and re.match(r"\d", tokens[i - 2]):
            i -= 2
        if not i or tokens[i - 1].lower() not in _CHANGE_VERBS:
            return None
        i -= 1
    elif link in ("of", "at"):
        i -= 1
        if i and tokens[i - 1].lower() in ("valued", "stood", "stands", "put", "estimated"):
            i -= 1
    elif link in _LINK_VERBS:
        i -= 1
    else:
        return None
    while i and tokens[i - 1].lower() in _AUX:
        i -= 1
    if i >= 2 and tokens[i - 1].lower() in ("which", "that", "who") and tokens[i - 2] == ",":
        i -= 2  # "the Golden Gate Bridge, which is 8,981ft long"
    # Walk back over the noun phrase and any prepositional phrases after it; keep the first.
    phrase: list[str] = []
    phrase_start = i
    hops = 0
    while i:
        chunk: list[str] = []
        while i and _is_np_word(tokens[i - 1]) and len(chunk) < 5:
            chunk.insert(0, tokens[i - 1])
            i -= 1
        if not chunk:
            break
        phrase, phrase_start = chunk, i
        while i and tokens[i - 1].lower() in ("the", "a", "an", "its", "their", "his", "her"):
            i -= 1
        if i and tokens[i - 1].lower() in _PREPOSITIONS and hops < 2:
            hops += 1
            i -= 1
            while i and tokens[i - 1].lower() in ("the", "a", "an", "its", "their"):
                i -= 1
            continue
        break
    if not phrase:
        return None
    next_is_name = len(phrase) > 1 and phrase[1][:1].isupper()
    if at_start and phrase_start == 0 and not next_is_name and \
            phrase[0].lower() not in table.places:
        # The sentence's first word is capitalised by position, not because it is a name.
        phrase = [phrase[0].lower(), *phrase[1:]]
    return _split_phrase(phrase, table)


def _is_np_word(token: str) -> bool:
    if not token[:1].isalpha():
        return False
    return token.lower() not in _NP_STOP and token.lower() not in _LINK_VERBS and \
        token.lower() not in _CHANGE_VERBS and token.lower() not in _AUX


_JOINS_LEVEL = re.compile(r"^\s*,?\s*to\s*$", re.I)


def _local(claim: Claim, others: Sequence[Claim]) -> tuple[str, str, str]:
    """The claim's own stretch of its sentence: (before, the claim, after) — from the end of
    the previous quantity in the sentence to the next clause break or quantity. "Sales rose
    2% to $11.1bn": a change joined to the level by "to" belongs to the level's stretch."""
    sentence = claim.sentence
    s = claim.start - claim.sentence_start
    e = claim.end - claim.sentence_start
    spans = sorted((o.start - o.sentence_start, o.end - o.sentence_start) for o in others
                   if o is not claim)
    begin = 0
    stop = len(sentence)
    for os_, _oe in spans:
        if os_ >= e:
            stop = min(stop, os_)
    current = s
    for os_, oe in reversed([span for span in spans if span[1] <= s]):
        if current == s and _JOINS_LEVEL.match(sentence[oe:current]):
            current = os_  # skip "2% to" and keep looking for the clause's start
            continue
        begin = oe
        break
    tail = sentence[e:stop]
    m = _CLAUSE_END.search(tail)
    if m is not None:
        tail = tail[: m.start()]
    return sentence[begin:s], sentence[s:e], tail


def _sentence_opening(claim: Claim, others: Sequence[Claim]) -> str:
    """Text before the sentence's first quantity: "In 2004, ..." applies to all of them."""
    first = min((o.start for o in others), default=claim.start)
    return claim.sentence[: max(0, first - claim.sentence_start)]


def subject_of(claim: Claim, others: Sequence[Claim] = (), table: Table | None = None,
               known: frozenset[str] = frozenset()) -> Subject | None:
    """The subject of ``claim`` (``others``: the quantity claims of its sentence; ``known``:
    see :func:`known_names`), or ``None`` when the claim is not a matchable statement of a
    level (see module docs)."""
    table = table or default_table()
    if not claim.is_quantity or claim.kind in ("age", "statistic"):
        return None
    if claim.value != claim.value:  # NaN
        return None
    before, _, after = _local(claim, others or (claim,))
    clause = f"{before} {claim.text} {after}"
    if _BASELINE_BEFORE.search(before) and not _BOUND_THAN.search(before):
        return None
    if claim.change is not None and not _LEVEL_AFTER_CHANGE.search(before):
        return None  # a change ("rose 5%"), not a level
    if _DELTA_BEFORE.search(before):
        return None
    if _hedged(clause, table) or "?" in claim.sentence:
        return None
    klass = unit_class(claim)
    after = claim.sentence[claim.end - claim.sentence_start :]
    counted = _counted_noun(claim, before, after, table)
    if counted is not None and klass in ("percent", "percentage_point"):
        return None  # "3% of GDP": the noun is the base of the share, not what it measures
    noun = counted or _noun_before(
        before, table, at_start=claim.sentence.startswith(before))
    if noun is None:
        return None
    at_start = claim.sentence.startswith(before)
    entities = _entities(clause, table, at_start, known) | set(noun.names)
    head, modifiers = noun.head, list(noun.modifiers)
    if not head and claim.kind != "measure":
        return None  # "Microsoft ... 5,000": a name, not what is counted
    if claim.kind == "measure":
        attribute = _ATTRIBUTES.get(klass)
        if attribute is None:
            return None
        # A measured thing is named by its attribute; the noun ("bridge") becomes a modifier.
        modifiers = [*modifiers, head] if head else modifiers
        head = attribute
    words = _WORD.findall(clause)
    places = _places(words, table)
    own = {head, *modifiers}
    entities = {e for e in entities if not _is_place_phrase(e, table)
                and not set(normalise_phrase(e.split(), table)) <= own}
    modifiers = [m for m in modifiers if m not in table.places]
    generic = claim.kind != "measure" and (head in table.generic or head in table.people)
    period = _period(clause) | _period(_sentence_opening(claim, others or (claim,)))
    nature: Nature = "cumulative" if head in table.cumulative or " ".join(
        (*modifiers, head)) in table.cumulative else "stock"
    return Subject(
        head=head,
        modifiers=tuple(sorted(set(modifiers))),
        unit_class=klass,
        places=tuple(sorted(places)),
        entities=tuple(sorted(entities)),
        events=tuple(sorted(_events(words, table))),
        period=tuple(sorted(period)),
        nature=nature,
        generic=generic,
        counted=counted is not None and claim.kind != "measure",
    )


def _is_place_phrase(phrase: str, table: Table) -> bool:
    return all(part in table.places for part in phrase.split(" and "))


def subjects(claims: Iterable[Claim], table: Table | None = None
             ) -> Iterator[tuple[Claim, Subject]]:
    """Every claim with a subject, in order; claims are read with their sentence's others."""
    table = table or default_table()
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    ordered = [c for c in claims if c.is_quantity]
    sentences: dict[str, dict[int, str]] = defaultdict(dict)
    for claim in ordered:
        by_sentence[(claim.path, claim.sentence_start)].append(claim)
        sentences[claim.path][claim.sentence_start] = claim.sentence
    known = {path: known_names(texts.values()) for path, texts in sentences.items()}
    for claim in ordered:
        subject = subject_of(claim, by_sentence[(claim.path, claim.sentence_start)], table,
                             known[claim.path])
        if subject is not None:
            yield claim, subject


@dataclass(frozen=True)
class Query:
    """What a person asks for ("US troops in Syria"), read like a claim's subject."""

    head: str
    modifiers: tuple[str, ...]
    places: tuple[str, ...]
    entities: tuple[str, ...]

    def label(self) -> str:
        context = [_title(p) for p in self.places] + [_title(e) for e in self.entities]
        noun = " ".join((*self.modifiers, self.head))
        return f"{noun} ({', '.join(context)})" if context else noun


def parse_query(text: str, table: Table | None = None) -> Query | None:
    """Read a subject as typed by a person: "US troops in Syria", "deaths in Nepal",
    "people killed in the Nepal earthquake", "area of Lake Chad". Places are recognised in
    any case; capitalised words that are not places are named entities."""
    table = table or default_table()
    words = _WORD.findall(text)
    lowered = [_POSSESSIVE.sub("", w.lower()) for w in words]
    places: set[str] = set()
    used: set[int] = set()
    i = 0
    while i < len(lowered):
        for n in range(min(table.longest_place, len(lowered) - i), 0, -1):
            phrase = " ".join(lowered[i : i + n])
            if phrase in table.places and not _inside_name(words, i, i + n, table):
                places.add(table.places[phrase])
                used.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    entities = _entities(" ".join(w if k not in used else "," for k, w in enumerate(words)),
                         table)
    common = [w for k, w in enumerate(words) if k not in used and not w[:1].isupper()
              and w.lower() not in _NP_STOP and w.lower() not in table.events]
    if not common:
        return None
    noun = normalise_phrase(common, table)
    head, modifiers = noun[-1], noun[:-1]
    if len(noun) >= 2 and noun[-1] in table.participles:
        head, modifiers = table.participles[noun[-1]], noun[:-2]  # "people killed"
    if head in table.participles:
        head = table.participles[head]
    if head in _ATTRIBUTES.values() and modifiers:
        modifiers = modifiers[:-1] if modifiers[-1] == "of" else modifiers
    modifiers = [m for m in modifiers if m not in table.people and m != "of"]
    return Query(head, tuple(sorted(set(modifiers))), tuple(sorted(places)),
                 tuple(sorted(entities)))


# --------------------------------------------------------------------------- agreement


def agreement(a: Subject, b: Subject) -> str | None:
    """Why ``a`` and ``b`` are about the same thing (one line), or ``None`` when they are not.

    Besides the same noun, unit class, places and time, the two sentences must share enough
    context to pin the noun down: two *anchors* (places, named entities, events) for a count
    or an amount — "troops" in "Syria" alone could be anyone's; "US troops in Syria" is
    one thing — and one for a measured attribute of a named thing ("the area of Lake Chad").
    A generic noun ("people", "jobs") needs a shared name or event among its anchors.
    """
    if a.base != b.base or not a.head or a.period != b.period:
        return None
    if a.events and b.events and not set(a.events) & set(b.events):
        return None
    shared = sorted(set(a.entities) & set(b.entities))
    events = sorted(set(a.events) & set(b.events))
    # Different places are different things; a place named on one side only is allowed when
    # a shared name pins the thing down ("the Golden Gate Bridge" / "… in San Francisco").
    if a.places != b.places and ((a.places and b.places) or not shared):
        return None
    places = a.places if a.places == b.places else ()
    anchors = len(places) + len(shared) + len(events)
    needed = 1 if a.head in _ATTRIBUTES.values() else 2
    if anchors < needed or (a.generic and not (shared or events)):
        return None
    if not places and not shared:
        return None
    noun = _plural(a.noun) if a.counted and not a.noun.endswith("s") else a.noun
    klass = _class_label(a.unit_class)
    parts = [f"both count {noun}" if a.unit_class == "count"
             else f"both give the {noun}" if klass == noun
             else f"both give the {noun} ({klass})"]
    if places:
        parts.append(f"in {', '.join(_title(p) for p in places)}")
    if shared:
        parts.append(f"naming {', '.join(_title(e) for e in shared)}")
    if events:
        parts.append(f"about the {'/'.join(events)}")
    if a.period:
        parts.append(f"for {', '.join(a.period)}")
    return " ".join(parts)


def _class_label(klass: str) -> str:
    if klass.startswith("["):
        return _ATTRIBUTES.get(klass, klass)
    return klass


def _title(words: str) -> str:
    return " ".join(w.upper() if len(w) <= 3 and w not in _SMALL else w.capitalize()
                    for w in words.split())


_SMALL = frozenset({"of", "de", "the", "and", "in", "on", "for"})


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


# --------------------------------------------------------------------------- revisions

_NUMBER_TOKEN = "#"


def sentence_hash(sentence: str) -> str:
    """A stable key for a sentence, insensitive to spacing."""
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:16]


def masked_tokens(claim_sentence: str, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """The sentence as lower-case word tokens, each claim span ``(start, end, class)`` (offsets
    into the sentence) replaced by one token ``#class``."""
    out: list[str] = []
    pos = 0
    for start, end, klass in sorted(spans):
        if start < pos:
            continue
        out.extend(t.lower() for t in _tokens(claim_sentence[pos:start]))
        out.append(f"{_NUMBER_TOKEN}{klass}")
        pos = end
    out.extend(t.lower() for t in _tokens(claim_sentence[pos:]))
    return out


def words_in(sentence: str) -> int:
    return len(_WORD.findall(sentence))


# --------------------------------------------------------------------------- what is compared


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


def items_of(doc: DocRef, claims: Iterable[Claim], table: Table | None = None) -> list[Item]:
    """Every quantity claim of a document as an :class:`Item`, in text order."""
    quantities = [c for c in claims if c.is_quantity]
    found = {id(c): s for c, s in subjects(quantities, table)}
    return [Item(doc, c, found.get(id(c))) for c in quantities]


# --------------------------------------------------------------------------- candidate pairs


@dataclass(frozen=True)
class Pair:
    """Two claims in different documents that state a quantity of the same thing."""

    a: Item
    b: Item
    why: str


def _chronological(item: Item) -> tuple[int, datetime, int]:
    when = item.doc.when
    return (0 if item.doc.archived else 1, when or datetime.min, item.doc.order)


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
        block = sorted(blocks[key], key=_chronological)
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


@dataclass(frozen=True)
class _Sentence:
    doc: DocRef
    key: str
    text: str
    items: tuple[Item, ...]
    tokens: tuple[str, ...]


def _sentences(items: Iterable[Item], min_words: int) -> dict[tuple[str, str | None],
                                                            list[_Sentence]]:
    grouped: dict[tuple[tuple[str, str | None], int], list[Item]] = defaultdict(list)
    docs: dict[tuple[str, str | None], DocRef] = {}
    for item in items:
        grouped[(item.doc.key, item.claim.sentence_start)].append(item)
        docs[item.doc.key] = item.doc
    out: dict[tuple[str, str | None], list[_Sentence]] = defaultdict(list)
    for (doc_key, _), members in sorted(grouped.items(), key=lambda kv: (kv[0][0][0],
                                                                         kv[0][0][1] or "",
                                                                         kv[0][1])):
        text = members[0].claim.sentence
        if words_in(text) < min_words:
            continue
        members.sort(key=lambda i: i.claim.start)
        spans = [(i.claim.start - i.claim.sentence_start, i.claim.end - i.claim.sentence_start,
                  unit_class(i.claim)) for i in members]
        out[doc_key].append(_Sentence(docs[doc_key], sentence_hash(text), text,
                                      tuple(members), tuple(masked_tokens(text, spans))))
    return out


def revision_pairs(
    items: Iterable[Item],
    *,
    min_words: int = 8,
    similarity: float = 0.85,
    max_documents: int = 25,
) -> Iterator[Pair]:
    """Claims at the same place of the same sentence in two versions of one article.

    Two documents are versions of each other when they share at least one sentence with
    numbers word for word (sentences shared by more than ``max_documents`` documents are
    boilerplate and ignored). Their other sentences are then aligned when they are at least
    ``similarity`` alike with every number masked, and the numbers at the same places are
    paired: "$1.8 billion (£9.4 million)" against "$1.8 billion (£94 million)".
    """
    per_doc = _sentences(items, min_words)
    by_hash: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for doc_key, sentences in per_doc.items():
        for key in {s.key for s in sentences}:
            by_hash[key].append(doc_key)
    versions: set[tuple[tuple[str, str | None], tuple[str, str | None]]] = set()
    for doc_keys in by_hash.values():
        if 1 < len(doc_keys) <= max_documents:
            ordered = sorted(doc_keys, key=lambda k: (k[0], k[1] or ""))
            for i, first in enumerate(ordered):
                for second in ordered[i + 1 :]:
                    versions.add((first, second))
    for first, second in sorted(versions, key=lambda p: (p[0][0], p[0][1] or "", p[1][0],
                                                         p[1][1] or "")):
        yield from _aligned(per_doc[first], per_doc[second], similarity)


def _aligned(left: list[_Sentence], right: list[_Sentence], similarity: float
             ) -> Iterator[Pair]:
    if not left or not right:
        return
    a_doc, b_doc = left[0].doc, right[0].doc
    if a_doc.text_hash == b_doc.text_hash or (a_doc.archived and b_doc.archived):
        return
    shared = {s.key for s in left} & {s.key for s in right}
    rest = [s for s in right if s.key not in shared]
    for sentence in left:
        if sentence.key in shared:
            continue
        best: tuple[float, _Sentence] | None = None
        for other in rest:
            matcher = SequenceMatcher(None, sentence.tokens, other.tokens, autojunk=False)
            if matcher.real_quick_ratio() < similarity or matcher.quick_ratio() < similarity:
                continue
            ratio = matcher.ratio()
            if ratio >= similarity and (best is None or ratio > best[0]):
                best = (ratio, other)
        if best is None:
            continue
        ratio, other = best
        why = (f"the same sentence in both articles ({ratio:.0%} alike with the numbers "
               f"masked)")
        for i, j in _number_alignment(sentence.tokens, other.tokens):
            yield Pair(sentence.items[i], other.items[j], why)


def _number_alignment(a: Sequence[str], b: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Indices (among number tokens) of numbers at the same place in both token lists."""
    def index(tokens: Sequence[str]) -> list[int]:
        count = 0
        out = []
        for token in tokens:
            out.append(count if token.startswith(_NUMBER_TOKEN) else -1)
            count += token.startswith(_NUMBER_TOKEN)
        return out

    ia, ib = index(a), index(b)
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag not in ("equal", "replace") or i2 - i1 != j2 - j1:
            continue
        for k in range(i2 - i1):
            x, y = a[i1 + k], b[j1 + k]
            # A number of one class with the same words on both sides in both versions
            # ("42.7 trillion calculations" is not "42.7 teraflops").
            if not x.startswith(_NUMBER_TOKEN) or x != y:
                continue
            p, q = i1 + k, j1 + k
            before = (a[p - 1] if p else "^") == (b[q - 1] if q else "^")
            after = (a[p + 1] if p + 1 < len(a) else "$") == (b[q + 1] if q + 1 < len(b) else "$")
            if before and after:
                yield ia[p], ib[q]
