"""Kind ``date-arith``: ages, "N years ago", anniversaries and durations against the years an
article states and the date it carries.

* an age against a birth year: "born in 1946 … the 72-year-old" is 72 or 73 in 2019 (the
  article's ``date``), or at a stated time ("died in 2005 at the age of 92");
* "N years ago" / "N years since" against a stated year and the article's date;
* "N years after / before / later" between two stated years ("In 1991, ten years after his
  death in 1980");
* the Nth anniversary of a stated year, in the article's year or a stated one;
* a duration against the years it spans ("the 1990-1995 war lasted seven years", "his 12
  years in office, from 1997 to 2007").

Year arithmetic allows for the months nobody states: two events in years Y1 < Y2 may be
Y2 − Y1 − 1 to Y2 − Y1 + 1 years apart, a person born in B is R − B − 1 or R − B years old in year
R. Without a date in the article, only years stated in the text are used. Years are read from
the sentence text (the extractor does not type every year: "1990-95", "(1920-2004)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from numcheck.claims import Claim
from numcheck.findings import Evidence, Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._subjects import Person, person_before, surname_is_shared
from numcheck.segment import Sentence

# --------------------------------------------------------------------------- reading

_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR_TOKEN = re.compile(rf"(?<![\d,.$£€/-])(?P<y>{_YEAR})(?!\d|[,.]\d|s\b|[-–]\d)")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November" \
         r"|December)"
_DOC_DATE = re.compile(r"^\s*(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")


@dataclass(frozen=True)
class When:
    """A point in time known to the year, maybe to the month and day."""

    year: int
    month: int | None = None
    day: int | None = None

    def describe(self) -> str:
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTHS[self.month - 1].title()} {self.year}"
        return f"{self.day} {_MONTHS[self.month - 1].title()} {self.year}"


def parse_doc_date(value: str | None) -> When | None:
    if not value:
        return None
    m = _DOC_DATE.match(str(value))
    if m is None:
        return None
    month = int(m.group("m")) if m.group("m") else None
    day = int(m.group("d")) if m.group("d") else None
    if month is not None and not 1 <= month <= 12:
        month, day = None, None
    return When(int(m.group("y")), month, day)


@dataclass(frozen=True)
class YearMention:
    year: int
    start: int  # offsets in the sentence
    end: int


def years_in(sentence: str, claims: Sequence[Claim], sentence_start: int) -> list[YearMention]:
    """Four-digit years in a sentence, leaving out numbers that count something ("1990
    people", "2,000") and decades ("the 1990s")."""
    counted = [(c.start - sentence_start, c.end - sentence_start) for c in claims
               if c.is_quantity and (c.unit is not None or c.quantity_of)]
    found = []
    for m in _YEAR_TOKEN.finditer(sentence):
        if any(s <= m.start() < e for s, e in counted):
            continue
        found.append(YearMention(int(m.group("y")), m.start(), m.end()))
    return found


_DURATION_UNITS: Mapping[str, float] = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25,
                                        "day": 1 / 365.25}
_DECADES = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine)\s+"
                      r"(?P<u>decades?|centur(?:y|ies))\b", re.I)
_WORD_NUMBERS: Mapping[str, int] = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}


@dataclass(frozen=True)
class Duration:
    """A stated length of time, in years: the interval its words allow."""

    low: float
    high: float
    start: int  # offsets in the sentence
    end: int
    text: str
    value: float


def durations_in(sentence: str, claims: Sequence[Claim], sentence_start: int,
                 round_slack: float) -> list[Duration]:
    """Stated lengths of time. Spans of years are counted, not measured: "seven years" is
    6.5–7.5, and a round "20 years" is 20 ± ``round_slack`` (not the 15–25 a measurement
    rounded at its last non-zero digit would allow)."""
    found = []
    for c in claims:
        if c.kind != "measure" or c.unit is None or c.unit not in _DURATION_UNITS or \
                c.upper is not None:
            continue
        k = _DURATION_UNITS[c.unit]
        low, high = c.low, c.high
        if c.bound == "=" and c.value == int(c.value) and c.unit == "year":
            half = round_slack if c.value >= 10 and c.value % 10 == 0 else 0.5
            low, high = c.value - half, c.value + half
        found.append(Duration(low * k, high * k, c.start - sentence_start,
                              c.end - sentence_start, c.text, c.value * k))
    for m in _DECADES.finditer(sentence):
        n = _WORD_NUMBERS[m.group("n").lower()]
        size = 10 if m.group("u").lower().startswith("decade") else 100
        found.append(Duration(n * size - 0.5, n * size + 0.5, m.start(), m.end(), m.group(0),
                              n * size))
    return sorted(found, key=lambda d: d.start)


def _between(sentence: str, a_end: int, b_start: int) -> str:
    return sentence[a_end:b_start] if b_start >= a_end else ""


_BREAK = re.compile(r";|\b(?:but|while|whereas|although|though|because|since|until|unless)\b",
                    re.I)

# --------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Problem:
    """One impossible piece of date arithmetic."""

    stated: str  # the words as written ("seven years", "the 72-year-old")
    computed: str  # what the dates give ("5 years", "72 or 73")
    explanation: str
    suggestion: str | None
    spans: tuple[tuple[int, int], ...]  # document offsets of the evidence


def _possible(d: Duration, low: float, high: float) -> bool:
    return d.low <= high + 1e-9 and low <= d.high + 1e-9


def _years_word(n: int) -> str:
    return f"{n} year{'s' if abs(n) != 1 else ''}"


def _replace_number(text: str, n: int) -> str:
    """"seven years" → "5 years"; "12 years" → "10 years"; "a decade" → "5 years"."""
    if re.search(r"decade|centur", text, re.I):
        return _years_word(n)
    replaced = re.sub(r"^\s*(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
                      r"|eleven|twelve|[a-z]+(?:-[a-z]+)?)(?=[\s-])", str(n), text, count=1,
                      flags=re.I)
    return replaced if replaced != text else f"{n} years"


# Year ranges: "from 1990 to 1995", "1990-1995", "1990-95", "(1990–95)", "between 1990 and 1995".
_RANGE = re.compile(
    rf"(?:\bfrom\s+(?:{_MONTH}\s+)?(?P<a1>{_YEAR})\s+(?:to|until|till|through)\s+(?:{_MONTH}\s+)?"
    rf"(?P<b1>{_YEAR})"
    rf"|(?<![\d-])(?P<a2>{_YEAR})\s?[-–]\s?(?P<b2>{_YEAR}|\d\d)(?![\d-])"
    rf"|\bbetween\s+(?P<a3>{_YEAR})\s+and\s+(?P<b3>{_YEAR}))",
    re.I,
)


@dataclass(frozen=True)
class YearRange:
    first: int
    last: int
    start: int
    end: int
    between: bool  # "between 1990 and 1995": a window, which may hold a shorter event


def ranges_in(sentence: str) -> list[YearRange]:
    found = []
    for m in _RANGE.finditer(sentence):
        a = m.group("a1") or m.group("a2") or m.group("a3")
        b = m.group("b1") or m.group("b2") or m.group("b3")
        first = int(a)
        last = int(b) if len(b) == 4 else (first // 100) * 100 + int(b)
        if len(b) == 2 and last < first:
            last += 100
        if not 0 < last - first <= 150:
            continue  # "2005-2005" or a phone number
        found.append(YearRange(first, last, m.start(), m.end(), bool(m.group("a3"))))
    return found


# A duration is the length of a range only when the words say so: "lasted seven years",
# "his 12 years in office, from 1997 to 2007", "the seven-year war (1990-95)".
_LASTED = re.compile(r"\b(?:lasted|lasting|spanned|spanning|ran\s+for|running\s+for|took|went\s+on"
                     r"\s+for|continued\s+for|endured)\s+(?:for\s+)?(?:about\s+|some\s+|nearly\s+"
                     r"|almost\s+|more\s+than\s+|over\s+|just\s+)?$", re.I)
_ADJACENT = re.compile(
    r"^(?:[-\s]*(?:long\s+)?(?:in\s+(?:office|power|charge|prison|jail|exile|post|parliament"
    r"|government|the\s+job|the\s+post|the\s+role)|at\s+the\s+helm|of\s+(?:war|rule|service"
    r"|fighting|conflict|marriage))?[\s,]*(?:\(|from\b|[-–—]\s*)?\s*"
    r"|[-\s]*(?:old\s+)?[a-z]+\s*\(\s*)$",
    re.I,
)


def duration_problems(sentence: str, offset: int, durations: Sequence[Duration],
                      ranges: Sequence[YearRange]) -> Iterator[Problem]:
    for r in ranges:
        for d in durations:
            if d.start >= r.start:
                gap = _between(sentence, r.end, d.start)
                linked = bool(_LASTED.search(sentence[: d.start])) and len(gap) <= 60 and \
                    not _BREAK.search(gap) and not re.search(r"\d", gap)
            else:
                gap = _between(sentence, d.end, r.start)
                linked = _ADJACENT.match(gap) is not None and not r.between
                if not linked and _LASTED.search(sentence[: d.start]):
                    linked = len(gap) <= 40 and not _BREAK.search(gap)
            if not linked:
                continue
            if re.match(r"^\s*(?:ago|later|earlier|after|before|since|old)\b",
                        sentence[d.end :], re.I):
                continue
            span = r.last - r.first
            low, high = max(0, span - 1), span + 1
            if _possible(d, low, high):
                continue
            explanation = (
                f"{r.last} − {r.first} = {_years_word(span)}; allowing for the months not "
                f"stated, {low} to {high} years; \"{d.text}\" allows "
                f"{_fmt(d.low)}–{_fmt(d.high)} years"
            )
            yield Problem(d.text, _years_word(span), explanation,
                          _replace_number(d.text, span),
                          ((offset + d.start, offset + d.end), (offset + r.start, offset + r.end)))


def _fmt(x: float) -> str:
    return f"{x:.4g}"


# "N years after / before / later / earlier / on" between two stated years.
_OFFSET = re.compile(r"^\s*(?:after|before|later|earlier|on|since)\b", re.I)


def offset_problems(sentence: str, offset: int, durations: Sequence[Duration],
                    years: Sequence[YearMention]) -> Iterator[Problem]:
    distinct = {y.year for y in years}
    if len(distinct) != 2 or _BREAK.search(sentence):
        return
    for d in durations:
        m = _OFFSET.match(sentence[d.end :])
        if m is None or d.high - d.low > 5:
            continue
        word = m.group(0).strip().lower()
        before = [y for y in years if y.end <= d.start]
        after = [y for y in years if y.start >= d.end + m.end()]
        if not before:
            continue
        near = before[-1]
        if word in ("after", "before", "since"):
            # "In 1991, ten years after his death in 1980"
            if not after or d.start - near.end > 25 or after[0].start - (d.end + m.end()) > 50:
                continue
            other = after[0]
        else:
            # "joined in 1990 and left five years later, in 1998"
            tail = re.match(r"^\s*,?\s*(?:in|by|during|on)\s+(?:\w+\s+)?", sentence[d.end +
                                                                                m.end():])
            if tail is None or not after or after[0].start != d.end + m.end() + tail.end():
                continue
            other = after[0]
            near = before[0]
        if other.year == near.year:
            continue
        span = abs(other.year - near.year)
        low, high = max(0, span - 1), span + 1
        if _possible(d, low, high):
            continue
        explanation = (
            f"|{other.year} − {near.year}| = {_years_word(span)} (allowing for the months not "
            f"stated, {low} to {high}); \"{d.text} {word}\" allows {_fmt(d.low)}–{_fmt(d.high)}"
        )
        yield Problem(f"{d.text} {word}", _years_word(span), explanation,
                      f"{_replace_number(d.text, span)} {word}",
                      ((offset + d.start, offset + d.end + m.end()),
                       (offset + near.start, offset + near.end),
                       (offset + other.start, offset + other.end)))


# "N years ago, in 1969", "10 years ago, on 1 February 1995", "in 1969, 50 years ago", "50
# years since 1969".
_AGO_YEAR_AFTER = re.compile(
    rf"^[\s,]*(?:\(\s*)?(?:(?:in|on|since|during)\s+)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?:{_MONTH}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?$", re.I)
_AGO_YEAR_BEFORE = re.compile(r"^\)?[\s,]*(?:[-–—]\s*)?(?:some\s+|about\s+|nearly\s+|almost\s+"
                              r"|more\s+than\s+|over\s+|just\s+)?$", re.I)


def ago_problems(sentence: str, offset: int, durations: Sequence[Duration],
                 years: Sequence[YearMention], today: When | None) -> Iterator[Problem]:
    if today is None:
        return
    for d in durations:
        m = re.match(r"^\s*(?P<w>ago|since)\b", sentence[d.end :], re.I)
        if m is None:
            continue
        word = m.group("w").lower()
        candidates = []
        for y in years:
            if y.start > d.end:
                linked = _AGO_YEAR_AFTER.match(_between(sentence, d.end + m.end(), y.start))
            else:
                linked = _AGO_YEAR_BEFORE.match(_between(sentence, y.end, d.start))
            if linked is None or (word == "since" and not y.start > d.end):
                continue
            candidates.append(y)
        if len(candidates) != 1:
            continue
        y = candidates[0]
        span = today.year - y.year
        low, high = max(0, span - 1), span + 1
        if _possible(d, low, high):
            continue
        explanation = (
            f"the article is dated {today.describe()}: {today.year} − {y.year} = "
            f"{_years_word(span)} (allowing for the months, {low} to {high}); \"{d.text} "
            f"{word}\" allows {_fmt(d.low)}–{_fmt(d.high)}"
        )
        yield Problem(f"{d.text} {word}", _years_word(span), explanation,
                      f"{_replace_number(d.text, span)} {word}",
                      ((offset + d.start, offset + d.end + m.end()),
                       (offset + y.start, offset + y.end)))


_ORDINAL_WORDS: Mapping[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
    "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "centenary": 100, "centennial": 100, "bicentenary": 200,
    "bicentennial": 200,
}
_ANNIVERSARY = re.compile(
    r"\b(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<word>[a-z]+(?:-[a-z]+)?))\s+"
    r"(?P<what>anniversary|birthday)\b"
    r"|\b(?P<cent>centenary|centennial|bicentenary|bicentennial)\b",
    re.I,
)


_FOUNDED = re.compile(
    r"\b(?:opened|founded|established|launched|formed|built|begun|began|started|created|set\s+up"
    r"|inaugurated|incorporated|first\s+(?:held|staged|published|broadcast|aired)|married"
    r"|signed|completed)\s+(?:in\s+)?$",
    re.I,
)


def anniversary_problems(sentence: str, offset: int, years: Sequence[YearMention],
                         today: When | None) -> Iterator[Problem]:
    for m in _ANNIVERSARY.finditer(sentence):
        if m.group("cent"):
            n = _ORDINAL_WORDS[m.group("cent").lower()]
        elif m.group("num"):
            n = int(m.group("num"))
        else:
            word = m.group("word").lower()
            if word not in _ORDINAL_WORDS:
                continue
            n = _ORDINAL_WORDS[word]
        if m.group("what") and m.group("what").lower() == "birthday":
            continue  # a birthday is an age: left to the age check
        # The year of the event: the single year in the 80 characters after "anniversary of",
        # or a founding stated before ("The museum, which opened in 1971, celebrated its 50th
        # anniversary").
        after = [y for y in years if m.end() <= y.start <= m.end() + 80
                 and not _BREAK.search(sentence[m.end() : y.start])]
        founded = [y for y in years if y.end <= m.start() and _FOUNDED.search(
            sentence[max(0, y.start - 40) : y.start])]
        if len(after) == 1 and re.match(r"^\s+of\b", sentence[m.end() :], re.I):
            event = after[0]
        elif not after and len(founded) == 1 and not _BREAK.search(
                sentence[founded[0].end : m.start()]):
            event = founded[0]
        else:
            continue
        # When it is marked: a year stated before ("In 2001, to mark the 10th anniversary"), or
        # the article's date.
        marked = [y for y in years if y.end <= m.start() and y.year != event.year
                  and y not in founded]
        if len(marked) == 1:
            when, tolerance, source = marked[0].year, 0, f"in {marked[0].year}"
        elif not marked and today is not None:
            when, tolerance, source = today.year, 1, f"the article is dated {today.describe()}"
        else:
            continue
        span = when - event.year
        if abs(span - n) <= tolerance:
            continue
        expected = _ordinal(span) if span > 0 else str(span)
        explanation = (
            f"{source}: {when} − {event.year} = {_years_word(span)}, so the {expected} "
            f"anniversary, not the {_ordinal(n)}"
        )
        spans = [(offset + m.start(), offset + m.end()), (offset + event.start,
                                                           offset + event.end)]
        yield Problem(m.group(0), f"the {expected} anniversary", explanation,
                      f"{expected} anniversary" if span > 0 else None, tuple(spans))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------- ages

_NAME_WORD = r"[A-Z][a-z]+"
# "born in 1946", "born on 25 August, 1938", "born in Luton, Bedfordshire, on 5 April 1920",
# "born Lilian Alicia Marks in London in 1910"; never "Glasgow-born Campbell moved in 1966".
_PLACE_NAME = rf"(?!{_MONTH}\b)[A-Z][a-z]+(?:[ -](?!{_MONTH}\b)[A-Z][a-z]+)*"
_BORN = re.compile(
    rf"(?<![-\w])[Bb]orn(?:(?:\s+{_NAME_WORD}){{1,4}}?(?=\s+in\b))?"
    rf"(?:\s+in\s+{_PLACE_NAME}(?:,\s+{_PLACE_NAME})*,?)?"
    rf"\s+(?:(?:in|on)\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?"
    rf"(?:(?P<month>{_MONTH})\s+)?(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?,?\s*(?P<y>{_YEAR})\b"
    rf"|\(\s*(?:born|b\.)\s+(?P<y2>{_YEAR})\s*\)"
    rf"|\(\s*(?P<ly1>{_YEAR})\s*[-–]\s*(?P<ly2>{_YEAR})\s*\)",
)
_DIED = re.compile(rf"\b(?:died|death|killed|passed\s+away)\b[^.;]{{0,40}}?\b(?:in|on)\s+"
                   rf"(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?(?P<y>{_YEAR})\b", re.I)
_KIN_BEFORE = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|partner|child|children|baby"
    r"|sons|daughters|twins?|grandson|granddaughter|grandchild|whose|niece|nephew)\b", re.I)
_AGED_AT = re.compile(rf"^\s*(?:years?\s+old\s+)?(?:,\s*)?(?:in|when|by)\s+(?:{_MONTH}\s+)?"
                      rf"(?P<y>{_YEAR})\b", re.I)
_NAME_BORN = re.compile(r"(?P<name>(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)(?:,\s+who)?\s+"
                        r"(?:was|is)\s+born\b[^.;]*$")


@dataclass(frozen=True)
class Birth:
    when: When
    died: When | None
    start: int  # document offsets of the birth words
    end: int
    person: Person | None
    sentence_start: int
    has_kin: bool


@dataclass(frozen=True)
class Age:
    claim: Claim
    person: Person | None
    at: When | None  # a time stated for the age ("died in 2005 at the age of 92")
    at_span: tuple[int, int] | None


def _month_number(name: str | None) -> int | None:
    return _MONTHS.index(name.lower()) + 1 if name else None


def births_in(s: Sentence) -> list[Birth]:
    found = []
    for m in _BORN.finditer(s.text):
        if m.group("ly1"):
            first, last = int(m.group("ly1")), int(m.group("ly2"))
            if not 0 < last - first < 120:
                continue
            when, died = When(first), When(last)
        else:
            year = int(m.group("y") or m.group("y2"))
            day = m.group("d1") or m.group("d2")
            month = _month_number(m.group("month"))
            when = When(year, month, int(day) if day and month else None)
            died = None
        death = _DIED.search(s.text)
        if died is None and death is not None:
            died = When(int(death.group("y")))
        has_kin = bool(_KIN_BEFORE.search(s.text[max(0, m.start() - 40) : m.start()]))
        person = _born_person(s.text, m)
        found.append(Birth(when, died, s.start + m.start(), s.start + m.end(), person,
                           s.start, has_kin))
    return found


def _person(names: str, title: str | None = None) -> Person | None:
    parts = [p for p in names.split() if p not in _NOT_NAMES]
    return Person(parts[-1], tuple(parts[:-1]), title) if parts else None


_TITLES = r"Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Dame|Prof"
# "Born in 1912 and educated at Portsmouth, Lord Callaghan became…": the subject after the
# participle clause.
_AFTER_PARTICIPLE = re.compile(rf"^[^.;]{{0,80}}?,\s+(?:(?P<title>{_TITLES})\s+)?"
                               rf"(?P<names>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b")


def _born_person(text: str, m: re.Match[str]) -> Person | None:
    """Who was born: "Gordon Brown was born…", "Depp, who was born…", "Born in 1922, Lee…"."""
    named = _NAME_BORN.search(text[: m.end()])
    if named is not None:
        return _person(named.group("name"))
    if m.start() == 0 or not text[: m.start()].strip(" \"'"):
        after = _AFTER_PARTICIPLE.match(text[m.end() :])
        if after is not None:
            return _person(after.group("names"), after.group("title"))
    return None


_NOT_NAMES = frozenset({"She", "He", "They", "It", "This", "That", "Who", "The", "A", "An",
                        "Lord", "Sir", "Dame", "Lady", "Mr", "Mrs", "Ms", "Dr", "Prof"})
# "Arthur Hailey, who has died at the age of 84", "Lord Callaghan dies aged 92".
_DIED_AGED = re.compile(
    rf"(?:(?P<title>{_TITLES})\s+)?(?P<names>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
    rf"(?:,\s*who)?\s+(?:has\s+|had\s+)?(?:died|dies)\b[^,.;]{{0,40}}?"
    rf"(?:aged|at\s+the\s+age\s+of)\s+$"
)


def ages_in(claims: Sequence[Claim]) -> list[Age]:
    found = []
    for c in claims:
        if c.kind != "age" or c.unit not in (None, "year"):
            continue  # "an 18-month-old" is no age in years to date a birth by
        rel_start, rel_end = c.start - c.sentence_start, c.end - c.sentence_start
        person = person_before(c.sentence, rel_start)
        if person is None:
            died = _DIED_AGED.search(c.sentence[max(0, rel_start - 120) : rel_start])
            if died is not None:
                person = _person(died.group("names"), died.group("title"))
        at, at_span = None, None
        tail = c.sentence[rel_end:]
        m = _AGED_AT.match(tail)
        if m is not None:
            at = When(int(m.group("y")))
            at_span = (c.end + m.start("y"), c.end + m.end("y"))
        found.append(Age(c, person, at, at_span))
    return found


def _age_range(born: When, at: When) -> tuple[int, int]:
    """The ages a person born ``born`` can have at ``at`` (equal ends when the dates decide)."""
    years = at.year - born.year
    if born.month is not None and at.month is not None and born.month != at.month:
        exact = years if at.month > born.month else years - 1
        return exact, exact
    if born.month is not None and born.day is not None and at.month is not None and \
            at.day is not None:
        exact = years if at.day >= born.day else years - 1
        return exact, exact
    return years - 1, years


def age_problems(ctx: DocumentContext, today: When | None) -> Iterator[Problem]:
    births = [b for s in ctx.sentences for b in births_in(s)]
    if not births:
        return
    ages = ages_in(ctx.claims)
    for age in ages:
        linked = _birth_for(ctx, age, births)
        if linked is None:
            continue
        birth, same_sentence = linked
        at, source = _reference(ctx, age, birth, same_sentence, today)
        if at is None:
            continue
        low, high = _age_range(birth.when, at)
        c = age.claim
        # An age is a count of whole years: "80-year-old" is 80, not the 75–85 a measurement
        # rounded at its last non-zero digit would allow. Bounds ("over 80") keep their interval.
        lo, hi = (c.value, c.value) if c.bound == "=" else (c.low, c.high)
        if any(lo <= n <= hi for n in range(low, high + 1)):
            continue
        allowed = str(low) if low == high else f"{low} or {high}"
        stated = c.text + ("-old" if c.sentence[c.end - c.sentence_start:].startswith("-old")
                           else "")
        explanation = (
            f"born {birth.when.describe()}; {source} {at.describe()}: "
            f"{at.year} − {birth.when.year} = {at.year - birth.when.year}, so aged {allowed}; "
            f"the text says {stated}"
        )
        suggestion = re.sub(r"\d+", str(high), stated, count=1) if low == high else None
        spans: list[tuple[int, int]] = [(c.start, c.start + len(stated)), (birth.start,
                                                                          birth.end)]
        if age.at_span is not None:
            spans.append(age.at_span)
        yield Problem(stated, f"aged {allowed}", explanation, suggestion, tuple(spans))


def _birth_for(ctx: DocumentContext, age: Age, births: Sequence[Birth]
               ) -> tuple[Birth, bool] | None:
    """The birth an age belongs to: the only birth in its sentence (no relative mentioned), or
    a birth of the same named person elsewhere."""
    c = age.claim
    here = [b for b in births if b.sentence_start == c.sentence_start]
    ages_here = [a for a in ctx.claims if a.kind == "age" and a.sentence_start ==
                 c.sentence_start]
    if here:
        if len(here) == 1 and len(ages_here) == 1 and not here[0].has_kin:
            return here[0], True
        return None
    if age.person is None:
        return None
    named = [b for b in births if b.person is not None and b.person.same_as(age.person)
             and not b.has_kin]
    if len(named) != 1 or surname_is_shared(ctx.document.text, age.person.surname):
        return None
    return named[0], False


def _reference(ctx: DocumentContext, age: Age, birth: Birth, same_sentence: bool,
               today: When | None) -> tuple[When | None, str]:
    """When the age is true: a stated year ("aged 30 in 1976"), a dated death, a death reported
    by the article, or — for an age written as the age now ("Smith, 45,", "the 45-year-old") —
    the article's date. Any other age ("left school at 16") is at a moment nobody dated."""
    if age.at is not None:
        return age.at, "in"
    text = age.claim.sentence
    if birth.died is not None and (same_sentence or re.search(r"\b(?:died|death)\b", text)):
        return birth.died, "died"
    if today is None:
        return None, ""
    if _RECENT_DEATH.search(text):
        return today, "died just before the article, dated"
    rel = age.claim.start - age.claim.sentence_start
    others = {int(y) for y in _YEAR_TOKEN_SIMPLE.findall(text)} - {birth.when.year}
    if others:
        return None, ""  # "In 1990, the 32-year-old, born in 1958, …": an age then, not now
    called = re.search(r"\b(?:the|a|an)\s+$", text[max(0, rel - 6) : rel], re.I) is not None
    now = age.person is not None or (_YEAR_OLD.match(text[rel:]) is not None and called)
    if not now or _THEN.search(text):
        return None, ""
    return today, "the article is dated"


_YEAR_TOKEN_SIMPLE = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
# "who has died at the age of 84", "dies aged 92": news of a death, dated by the article.
_RECENT_DEATH = re.compile(r"\b(?:has|have)\s+died\b|\bdies\b", re.I)
_YEAR_OLD = re.compile(r"\d+[- ]years?[- ]old\b", re.I)
_THEN = re.compile(r"\b(?:when|then|at\s+the\s+time|had\s+been)\b", re.I)


# --------------------------------------------------------------------------- the kind


@register
class DateArithKind:
    """Date arithmetic that the dates stated (and the article's date) cannot satisfy.

    Message placeholders: ``{stated}`` (the words checked: "seven years", "72-year"),
    ``{computed}`` (what the dates give: "4 years", "aged 72 or 73", "the 50th anniversary").
    """

    kind: ClassVar[str] = "date-arith"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Checks ages against birth years, \"N years ago\" and anniversaries against the "
            "article's date, \"N years after\" between two stated years, and durations against "
            "the years they span."
        ),
        why=(
            "Date arithmetic is easy to get wrong by one or two and easy for readers to "
            "check; a wrong age or anniversary undermines the rest of the story."
        ),
        example=(
            "(date: 2019-02-07) The 75-year-old actor, born in 1946, said the 1990-1995 war "
            "lasted seven years."
        ),
        fix="The 72-year-old actor, born in 1946, said the 1990-1995 war lasted five years.",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "round_year_slack": {
                "description": "How far a round number of years (10, 20, 50) may be from the "
                               "years the dates give, beyond the months not stated.",
                "type": "number", "minimum": 0, "maximum": 10, "default": 2,
            },
            "checks": {
                "description": "Which checks run.",
                "type": "array",
                "items": {"enum": ["age", "ago", "offset", "anniversary", "duration"]},
                "uniqueItems": True,
                "default": ["age", "ago", "offset", "anniversary", "duration"],
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        checks = frozenset(rule.param("checks", ["age", "ago", "offset", "anniversary",
                                                 "duration"]))
        today = parse_doc_date(ctx.document.date)
        slack = float(rule.param("round_year_slack", 2))
        found: list[Problem] = []
        claims_by_sentence: dict[int, list[Claim]] = {}
        for c in ctx.claims:
            claims_by_sentence.setdefault(c.sentence_start, []).append(c)
        for s in ctx.sentences:
            if not re.search(r"\d|decade|centur|anniversar|centenar|centenn", s.text, re.I):
                continue
            claims = claims_by_sentence.get(s.start, [])
            years = years_in(s.text, claims, s.start)
            durations = durations_in(s.text, claims, s.start, slack)
            if "duration" in checks:
                found.extend(duration_problems(s.text, s.start, durations, ranges_in(s.text)))
            if "offset" in checks:
                found.extend(offset_problems(s.text, s.start, durations, years))
            if "ago" in checks:
                found.extend(ago_problems(s.text, s.start, durations, years, today))
            if "anniversary" in checks:
                found.extend(anniversary_problems(s.text, s.start, years, today))
        if "age" in checks:
            found.extend(age_problems(ctx, today))
        seen: set[tuple[tuple[int, int], ...]] = set()
        for p in sorted(found, key=lambda p: p.spans):
            if p.spans in seen:
                continue
            seen.add(p.spans)
            yield self._finding(rule, ctx, p)

    def _finding(self, rule: RuleSpec, ctx: DocumentContext, p: Problem) -> Finding:
        evidence: list[Evidence] = [ctx.span_evidence(a, b) for a, b in p.spans]
        fields = {"stated": p.stated, "computed": p.computed}
        message = re.sub(r"\{(\w+)\}", lambda m: fields.get(m.group(1), m.group(0)),
                         rule.message)
        return ctx.finding(rule, message, evidence, p.explanation, p.suggestion)

