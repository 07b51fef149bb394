"""What a number is about, for deciding whether two numbers in an article state the same thing.

Used by the ``repeat`` kind (and by ``date-arith`` for people's names). Everything here reads
the sentence text around a claim; nothing decides whether two numbers conflict.

* *subject*: the noun phrase a number counts, normalised (lower case, singular, stop words
  dropped): "46 US troops" → ("us", "troop");
* *event*: what happened to what was counted, from a closed lexicon ("killed", "died", "death
  toll" → ``death``; "injured" → ``injury``; "jobs will go" → ``job-loss``);
* *qualifiers*: the time and place words of a sentence ("last year", "in 2003", "on Monday",
  "in Basra"), and words saying a figure is another one ("in a separate attack", "earlier
  reports said", "is expected to"); two statements with different qualifiers are never
  compared;
* *people*: the name a number is attached to ("John Smith, 45,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from numcheck.extraction.context import STOPWORDS, singular

# --------------------------------------------------------------------------- subjects

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words that describe rather than name what is counted ("new", "other"): dropped from keys
# only when they cannot change what is counted.
_FILLER = frozenset({"some", "about", "around", "nearly", "almost", "roughly", "estimated",
                     "total", "least", "further", "additional", "extra", "more"})


def phrase_key(phrase: str | None) -> tuple[str, ...]:
    """A noun phrase as a tuple of lower-case singular content words: "US troops" →
    ("us", "troop")."""
    if not phrase:
        return ()
    key = []
    for word in _WORD.findall(phrase):
        lower = word.lower().strip("'’-")
        acronym = word.isupper() and len(word) > 1  # "US troops": not the pronoun "us"
        if lower and (acronym or (lower not in STOPWORDS and lower not in _FILLER)):
            key.append(singular(lower))
    return tuple(key)


def head(key: tuple[str, ...]) -> str | None:
    return key[-1] if key else None


#: Heads that say only "some people": two counts of them are the same thing only through
#: what happened to them.
GENERIC_HEADS = frozenset({
    "people", "person", "man", "woman", "child", "adult", "resident", "civilian", "other",
    "individual", "citizen", "member",
})

# --------------------------------------------------------------------------- events

# Each class: what happened, said after the counted noun ("46 people [were killed]"), or before
# the number ("killing 46", "the death toll rose to 46"), or as the counted noun itself ("46
# deaths"). Verbs are listed in the forms news uses.
_EVENTS: dict[str, tuple[str, str, str]] = {
    "death": (
        r"(?:were|have\s+been|had\s+been|are|was|been)?\s*(?:killed|dead|died|have\s+died"
        r"|had\s+died|perished|lost\s+their\s+lives|confirmed\s+dead|feared\s+dead)",
        r"(?:killed|killing|kills|claimed\s+the\s+lives\s+of|death\s+toll\s+(?:has\s+|had\s+)?"
        r"(?:\w+\s+){0,2}(?:to|at|of)|toll\s+(?:has\s+|had\s+)?(?:risen|rose|climbed|stands|"
        r"stood|reached)\s+(?:to\s+|at\s+)?|left)",
        r"deaths?|fatalities|dead",
    ),
    "injury": (
        r"(?:were|have\s+been|had\s+been|are|was|been)?\s*(?:injured|wounded|hurt)",
        r"(?:injuring|wounding|injured|wounded)",
        r"injuries|injured|wounded",
    ),
    "arrest": (
        r"(?:were|have\s+been|had\s+been|are|was|been)?\s*(?:arrested|detained)",
        r"(?:arrested|arresting|detained|detaining)",
        r"arrests",
    ),
    "missing": (
        r"(?:were|are|remain|remained|is|was)?\s*(?:missing|unaccounted\s+for)",
        r"",
        r"",
    ),
    "evacuation": (
        r"(?:were|have\s+been|had\s+been|are|was|been)?\s*(?:evacuated|displaced|made\s+homeless)",
        r"(?:evacuated|evacuating|displaced|displacing)",
        r"evacuees",
    ),
    "job-loss": (
        r"(?:will|would|are\s+to|is\s+to|were|are|have\s+been|had\s+been|could)?\s*(?:go|be\s+"
        r"lost|be\s+cut|be\s+axed|lost|cut|axed|shed)",
        r"(?:cut|cutting|cuts|axe|axing|axed|shed|shedding|lose|losing|lost)",
        r"job\s+(?:cuts|losses)|redundancies|layoffs",
    ),
    "hostage": (r"(?:were|are|was)?\s*(?:taken\s+hostage|kidnapped|abducted)",
                r"(?:kidnapped|abducted|seized)", r"hostages"),
}
_EVENT_AFTER = {k: re.compile(rf"^\s*(?:{v[0]})\b", re.I) for k, v in _EVENTS.items()}
_EVENT_BEFORE = {k: re.compile(rf"\b(?:{v[1]})\s+(?:at\s+least\s+|more\s+than\s+|some\s+|"
                               rf"about\s+|around\s+|nearly\s+|almost\s+|over\s+)?$", re.I)
                 for k, v in _EVENTS.items() if v[1]}
_EVENT_NOUN = {k: re.compile(rf"^(?:[\w-]+\s+)?(?:{v[2]})$", re.I)
               for k, v in _EVENTS.items() if v[2]}


@dataclass(frozen=True)
class Subject:
    """What one number counts: its noun phrase key and what happened to it."""

    key: tuple[str, ...]
    event: str | None

    @property
    def head(self) -> str | None:
        return head(self.key)


def event_of(sentence: str, start: int, end: int, phrase: str | None) -> str | None:
    """The event class of the number at ``sentence[start:end]`` counting ``phrase``."""
    if phrase:
        for name, noun in _EVENT_NOUN.items():
            if noun.match(phrase.strip()):
                return name
    after = sentence[end : end + 120]
    if phrase:
        at = after.find(phrase)
        if 0 <= at <= 3:
            after = after[at + len(phrase) :]
    for name, pattern in _EVENT_AFTER.items():
        if pattern.match(after):
            return name
    before = sentence[max(0, start - 60) : start]
    for name, pattern in _EVENT_BEFORE.items():
        if pattern.search(before):
            return name
    return None


def subject_of(sentence: str, start: int, end: int, phrase: str | None) -> Subject:
    key = phrase_key(phrase)
    event = event_of(sentence, start, end, phrase)
    if event is not None and key and key[-1] in ("dead", "injured", "wounded", "death",
                                                  "fatality", "injury", "arrest"):
        key = ()  # "46 dead": the noun *is* the event; nothing else is counted
    if event == "job-loss" and key:
        # "1,200 jobs will go", "the 1,200 job cuts", "1,200 redundancies" are one thing;
        # "12,500 civil service jobs" stays a narrower one.
        while key and key[-1] in ("cut", "loss", "redundancy", "layoff"):
            key = key[:-1]
        if not key or key[-1] != "job":
            key = (*key, "job")
    return Subject(key, event)


# --------------------------------------------------------------------------- qualifiers

_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November"
           r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TIME = re.compile(
    rf"\b(?:(?:19|20)\d\d(?:s)?|(?:{_MONTHS})\b|(?:{_DAYS})\b|yesterday|today|tonight"
    r"|tomorrow|overnight|(?:last|this|next|previous|past|coming|same)\s+(?:year|month|week"
    r"|quarter|decade|season|summer|winter|spring|autumn|weekend|night|day|period)"
    r"|(?:a|one|two|three|\d+)\s+(?:years?|months?|weeks?|days?)\s+(?:ago|earlier|later|before)"
    r"|year[- ]earlier|(?:first|second|third|fourth|final|last)\s+(?:quarter|half)"
    r"|(?:since|by|until|before|after)\s+(?:then|the\s+end)|at\s+the\s+time)",
    re.I,
)
_PLACE = re.compile(
    r"\b(?i:in|at|near|across|outside|around|inside|throughout|from)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|north-east"
    r"|north-west|south-east|south-west|rural|urban)\s+)*"
    r"(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)"
)
# A figure said to be another one than the article's: another event, an earlier or other
# report, a projection, a scenario.
_OTHER_FIGURE = re.compile(
    r"\b(?:separate|another|other|similar|second|earlier|previous|previously|initial|initially"
    r"|first\s+reports?|originally|latest|revised|update[sd]?|officially|unofficial|estimates?"
    r"|estimated|expected|forecasts?|predicted|projected|targets?|could|would|might|may|if"
    r"|plans?|planned|aims?|hopes?|proposed|wants?|up\s+to|compared|average|per|each"
    r"|every|half|quarter|third|total\s+of\s+\d|including|among\s+them|of\s+whom|of\s+them)\b",
    re.I,
)


# Clause boundaries inside a sentence. What a clause after the number says ("…, officials said on
# Thursday", "…, and warned the number could rise") does not qualify the number.
_CLAUSE_END = re.compile(r"[,;:](?=\s)|[()]|\s[-–—]\s")  # not the comma of "2,000"


#: How far from a number its qualifiers are looked for (long sentences are lists, not prose).
SCOPE_REACH = 200


def qualifier_scope(sentence: str, start: int, end: int) -> str:
    """The part of a sentence that can qualify the number at ``sentence[start:end]``: what comes
    before it and the rest of its clause (each at most ``SCOPE_REACH`` characters)."""
    limit = min(len(sentence), end + SCOPE_REACH)
    m = _CLAUSE_END.search(sentence, end, limit)
    return sentence[max(0, start - SCOPE_REACH) : m.start() if m else limit]


def time_words(sentence: str) -> frozenset[str]:
    return frozenset(re.sub(r"\s+", " ", m.group(0).lower()) for m in _TIME.finditer(sentence))


def place_words(sentence: str) -> frozenset[str]:
    names = set()
    for m in _PLACE.finditer(sentence):
        place = m.group("place")
        if place.split()[0] in _NOT_PLACES:
            continue
        names.add(place.lower())
    return frozenset(names)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_PLACES = _words(
    """The A An This That These Those It Its He She They We I Mr Mrs Ms Dr Sir Lord Lady
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)


def other_figure(sentence: str) -> bool:
    """Does the sentence mark its figure as another one (an earlier report, a forecast...)?"""
    return _OTHER_FIGURE.search(sentence) is not None


# --------------------------------------------------------------------------- people

_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Prof|Professor|Rev|Sgt|Cpl|Pte|Capt)"
_PERSON_BEFORE = re.compile(
    rf"(?:(?P<title>{_TITLE})\.?\s+)?(?P<names>{_NAME}(?:\s+{_NAME}){{0,3}}),\s*(?:aged\s+)?$"
)
_PERSON_PAREN = re.compile(rf"(?:(?P<title>{_TITLE})\.?\s+)?(?P<names>{_NAME}(?:\s+{_NAME}){{0,3}})"
                           r"\s*\(\s*(?:aged\s+)?$")


@dataclass(frozen=True)
class Person:
    """A named person: surname, given names as written, title, and whether the name follows a
    word of kinship ("his wife, Mary Smith,"): relatives share surnames."""

    surname: str
    given: tuple[str, ...]
    title: str | None
    relative: bool = False

    def same_as(self, other: Person) -> bool:
        """Could both names refer to one person? ("John Smith" and "Mr Smith": yes; "John
        Smith" and "Jane Smith", "Mr Smith" and "Mrs Smith": no)."""
        if self.surname != other.surname:
            return False
        if self.given and other.given:
            return self.given[0] == other.given[0]
        if self.relative or other.relative:
            return False
        female = {"Mrs", "Ms", "Miss", "Lady"}
        return not (self.title and other.title
                    and (self.title in female) != (other.title in female))


def person_before(sentence: str, start: int) -> Person | None:
    """The person a number is the age of in "John Smith, 45," / "Mr Smith (45)"."""
    window = sentence[max(0, start - 60) : start]
    m = _PERSON_BEFORE.search(window) or _PERSON_PAREN.search(window)
    if m is None or _PLACE_BEFORE.search(window[: m.start()]):
        return None  # "In London, 45 people died": a place, not a person
    names = m.group("names").split()
    if _PLACE_BEFORE.match(names[0] + " "):
        return None
    while names and names[0] in _NOT_NAMES:
        names = names[1:]
    if not names:
        return None
    relative = _KIN.search(window[max(0, m.start() - 25) : m.start()]) is not None
    return Person(names[-1], tuple(names[:-1]), m.group("title"), relative)


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|across|outside|around|to|into|of)\s*$",
                           re.I)
_KIN = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|partner|widow|widower"
    r"|girlfriend|boyfriend|fiancee?|uncle|aunt|cousin|nephew|niece|grandson|granddaughter"
    r"|grandmother|grandfather|mum|dad|twin|children|sons|daughters)\b[\s,]*(?:,\s*)?$",
    re.I,
)
_MALE_TITLES = frozenset({"Mr", "Sir", "Lord"})
_FEMALE_TITLES = frozenset({"Mrs", "Ms", "Miss", "Lady"})


def surname_is_shared(document: str, surname: str) -> bool:
    """Does the document name more than one person with this surname (two given names, or both
    a man's and a woman's title)?"""
    given = {m.group(1) for m in re.finditer(rf"\b({_NAME})\s+{re.escape(surname)}\b", document)
             if m.group(1) not in _NOT_NAMES}
    titles = {m.group(1) for m in re.finditer(rf"\b({_TITLE})\.?\s+{re.escape(surname)}\b",
                                              document)}
    return len(given) > 1 or bool(titles & _MALE_TITLES and titles & _FEMALE_TITLES)


_NOT_NAMES = _words(
    """The A An This That In On At By For And But Its His Her Their Our Mr Mrs Ms Dr Sir
    Lord Lady Meanwhile However Police Officers Officials Reports President Minister"""
) | _NOT_PLACES
