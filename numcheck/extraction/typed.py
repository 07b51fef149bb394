"""Numbers that are not measurements: years, dates, times, ordinals, ages, scores, phone
numbers and identifiers. They are typed (kept for date arithmetic) and never compared as
quantities. The first technique of ``notes/extraction.md``: worth the most precision."""

from __future__ import annotations

import re

from numcheck.extraction.numbers import NumberMatch

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+(?:the\s+)?$", re.I)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS}\b", re.I)
# Days of one month before its name: "from 6 to 9 January", "12-14 March", "on 14, 20 and
# 27 April".
_DAY_RANGE_AFTER = re.compile(
    r"^(?:\s*(?:-|–|to|and|,|,\s*and)\s*\d{1,2}(?:st|nd|rd|th)?)+"
    rf"\s+(?:of\s+)?{_MONTHS}(?!\w)", re.I
)
_TIME_AFTER = re.compile(
    r"^(?:[:.]\d{2})?\s?(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|o’clock|hrs\b|gmt\b|bst\b|et\b|pt\b|"
    r"edt\b|est\b|utc\b|local\s+time)",
    re.I,
)
_CLOCK = re.compile(r"^:\d{2}\b")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_AGE_DECADE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)"
                                r"[\s-]+)?$", re.I)
_DECADE_BEFORE = re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+|[a-z]+\s+)?$", re.I)
# Earlier decades of one list ("the 80s and early 90s", "in their 70s, 80s or 90s"): the list's
# first item says whether all are decades or ages.
_DECADE_LIST_BEFORE = re.compile(
    r"(?:\b\d*0['’]?s(?:,\s*|\s+(?:and|or|to|into)\s+(?:the\s+)?|\s*[-–]\s*)"
    r"(?:(?:early|mid|late)[\s-]+)?)+$", re.I)
_DECADE_AFTER = re.compile(r"^['’]?s(?:(?:,\s*|\s+(?:and|or|to)\s+|\s*[-–]\s*)"
                           r"(?:(?:early|mid|late)[\s-]+)?\d*0['’]?s)*"
                           r"\s+(?:rock|pop|music|songs?|style|fashion|tv|television|films?"
                           r"|movies?|hits?|bands?|sitcoms?|comedy|culture|era|icons?|stars?)\b",
                           re.I)
_AGE_AFTER = re.compile(
    r"^[\s-]*(?:years?|yrs?|months?|weeks?|days?)(?:[\s-]*olds?|\s+of\s+age)\b"
    r"|^[\s-]*year-old",
    re.I,
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+(?:of\s+|between\s+|from\s+)?$", re.I)
# "John Smith, 45, said", "The striker, 31, has scored": a person named or described.
_AGE_AFTER_NAME = re.compile(r"[A-Z][a-z]+,\s$|\b[Tt]he\s+(?:[a-z-]+\s+){0,2}[a-z]{3,},\s$")
_AGE_CLOSE = re.compile(r"^,|^\)|^\.(?:\s|$)")  # "...and former chef Nick Wood, 41."
_SCORE_CONTEXT = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beaten|lost|lose|loses|defeat\w*|victory|draw|drew|"
    r"lead|led|leads|score\w*|match|game|goals?|final|half-time|innings|sets?|tie|trail\w*|"
    r"thrash\w*|goalless|penalt\w*)\b",
    re.I,
)
_PHONE = re.compile(r"^(?:\+?\d[\d\s().-]{7,}\d)")
_NAME_NUMBER_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|num|#|section|article|chapter|clause|rule|page|pages|room|flight|"
    r"route|highway|interstate|bus|platform|gate|level|grade|stage|phase|class|category|"
    r"version|model|series|mark|type|code|title|item|figure|fig|table|apollo|windows|ios|"
    r"android|iphone|galaxy|pixel|formula|channel|radio|bbc|itv|boeing|airbus|cac|ftse|dax|"
    r"nikkei|dow|s&p|pp|para|paragraph|vol|volume|issue|episode|season|term|world\s+war|"
    r"covid|sars|mig|su|ps|xbox|mp|ty|mk|pg|sp|zip|junction|jct|exit|terminal|pier|ward)"
    r"\.?\s?[-#]?\s?$"
    # A plural label names a list: "pages 5 and 6", "junctions 10 to 11", "Key Stages 1, 3
    # and 4" (nouns that are not also verbs: "GM issues 2005 profits warning").
    r"|\b(?:nos|numbers|pages|rooms|junctions|platforms|gates|flights|routes|chapters|sections"
    r"|articles|clauses|terminals|episodes|seasons|levels|grades|stages|phases|classes"
    r"|categories|versions|items)\s(?:\d+[A-Za-z]?\s*(?:,|and|or|to|-|–|&)\s*)*$"
    # Single letters only as capitals ("G 7", "M 25") or abbreviations with a full stop
    # ("p. 5", "v. 2"): a lower-case "a 5-10W laser" is an article.
    r"|(?-i:\b[ABCDFGKMXYZ])[-#]?\s?$|\b[pv]\.\s?$)",
    re.I,
)
_ATTACHED_LETTERS_BEFORE = re.compile(r"[A-Za-z][\w&]*-?$")
_SENTENCE_WORDS = frozenset(
    """The A An About Around Nearly Almost Some Over More Less Fewer Only Just All Roughly Up
    Down Approximately Another Under Exactly At By In On To For From Of With Since Until And
    But Or Its Their His Her Our Those These Another Each Every Both Top Total Between Than
    Last Next First As After Before During""".split()
)


_STREET_AFTER = re.compile(
    r"^(?:-\d+)?\s+(?:(?:[A-Z][\w.'’-]*|\d+(?:st|nd|rd|th))\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Ln|Drive|Dr|"
    r"Boulevard|Blvd|Place|Pl|Court|Ct|Square|Sq|Terrace|Close|Crescent|Parkway|Highway|Hwy)\b\.?"
)
# A capitalised singular word right after a bare 3+ digit number names a model, not a count
# ("300 Americans" is plural and stays a count).
_MODEL_AFTER = re.compile(r"^\s[A-Z][A-Za-z]*[A-RT-Za-rt-z]\b(?!\s+(?:of|per)\b)")
# The capitalised words after a number and the word after them: "787 Dreamliner plane".
_CAPITALISED_RUN_AFTER = re.compile(
    r"^\s([A-Z][\w&'’]*(?:-\d+)?(?:\s+[A-Z][\w&'’]*(?:-\d+)?){0,2})(?:\s+([a-z]+)\b)?"
)
# Words ending in "s" that are not plural nouns: "the 787 Dreamliner was delayed", "Net
# income for 2004 was $3.5bn".
_NOT_PLURAL = frozenset(
    "as is was has does its his this thus us plus yes always perhaps across unless less says "
    "whereas".split()
)
_PRODUCT_AFTER = re.compile(r"^\s(?:Pro|Max|Plus|Ultra|Mini|Lite|SE|XL|GT|GTI|Turbo)\b")


# People older or younger than an age: "men over 50", "children under five".
_PEOPLE_OVER = re.compile(
    r"\b(?P<people>men|women|people|adults|children|kids|those|anyone|everyone|patients"
    r"|pensioners|drivers|voters|workers|smokers|residents|girls|boys)\s+(?:aged\s+)?"
    r"(?:over|under|above|below)\s+$", re.I
)
_AGE_GROUP_BEFORE = re.compile(r"\b(under|over)[\s-]$", re.I)


def age_group(text: str, n: NumberMatch) -> str | None:
    """ "under" or "over" when ``n`` names an age group ("the under-16s", "over-65s"): the
    group is everyone below, or from, that age."""
    if not re.match(r"s\b", text[n.end : n.end + 2]):
        return None
    m = _AGE_GROUP_BEFORE.search(text, max(0, n.start - 7), n.start)
    return m.group(1).lower() if m is not None else None


def people_of_age(text: str, n: NumberMatch) -> str | None:
    """The people said to be over or under the age ``n`` ("men over 50" → "men"), for a
    number already typed an age."""
    m = _PEOPLE_OVER.search(text, max(0, n.start - 40), n.start)
    return m.group("people") if m is not None else None


def _ordinal_after(n: NumberMatch, after: str) -> bool:
    """ "21st", "22nd", "13th": the suffix English gives that number. "14st" is not an
    ordinal (14 is "14th"): it is 14 stone."""
    m = _ORDINAL_AFTER.match(after)
    if m is None:
        return False
    if not n.text.isdigit():
        return True  # "1,000th", "twenty-first" forms: the suffix alone decides
    last, tens = int(n.text) % 10, int(n.text) % 100
    expected = "th" if 11 <= tens <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(last, "th")
    return m.group(0).lower() == expected


def year_like(n: NumberMatch) -> bool:
    return (
        not n.words and n.scale_suffix is None and n.text.isdigit() and len(n.text) == 4
        and 1000 <= n.value <= 2199
    )


_COUNT_BEFORE = re.compile(
    r"(?:\b(?:than|about|around|roughly|some|nearly|almost|over|under|only|just|exactly|least|"
    r"most|estimated|approximately|additional|extra|another|further|total\s+of|all)\s+|[~≈<>])$",
    re.I,
)
_NOUN_AFTER = re.compile(
    rf"^\s+(?:[a-z][\w-]*\s+){{0,2}}?(?!(?:{'|'.join(sorted(_NOT_PLURAL))})\b)"
    r"(?:[a-z]+s|people|staff|police|children)\b"
)


_YEAR_PREPOSITION = re.compile(
    r"\b(?:the|in|of|since|by|from|until|and|to|during|before|after|between|its|their|his|her"
    r"|'s|’s)\s+$",
    re.I,
)


# What a year qualifies: "down on 2004 levels", "at 1990 prices", "in 2005 terms", "2005
# profits warning", "2003's $1.2bn loss".
_OF_A_YEAR_AFTER = re.compile(
    r"^(?:'s|’s|\s+(?:levels|figures|prices|terms|profits|earnings|results|budgets?"
    r"|forecasts?)\b)"
)


def _reads_as_year(before: str, after: str) -> bool:
    """ "in 2016", "the 2016 election" are years; "more than 1000 customers" is a count."""
    if _OF_A_YEAR_AFTER.match(after):
        return True
    if _COUNT_BEFORE.search(before):
        return False
    return not (_NOUN_AFTER.match(after) and not _YEAR_PREPOSITION.search(before))


def classify(text: str, n: NumberMatch, has_unit: bool) -> str | None:
    """The typed kind of a non-quantity, or None when ``n`` is a quantity.

    Cheap, decisive checks first: clock times and dates, then ages, scores, years and the
    many ways a number can be part of a name.
    """
    before = text[max(0, n.start - 40) : n.start]
    after = text[n.end : n.end + 40]
    if not n.words:
        calendar = _time_or_date(text, n, before, after, has_unit)
        if calendar:
            return calendar
    if _is_age(n, text[max(0, n.start - 80) : n.start], after, has_unit):
        return "age"
    if n.words:
        # "reached number one", "from number one to number three": a rank in a chart
        return "ordinal" if re.search(r"\b[Nn]umber\s+$", before) and not has_unit else None
    if not has_unit and _is_score(text, n, before, after):
        return "score"
    if year_like(n) and not has_unit and _reads_as_year(before, after):
        return "year"
    if before.endswith(("'", "’")) and re.fullmatch(r"\d\d", n.text) and not after.startswith(
            ("s", "'", "’")) and (len(before) < 2 or not before[-2].isalnum()):
        return "year"  # "'03 Bonnie & Clyde", "since ’97" (not "the '70s", a decade below)
    if age_group(text, n) is not None:
        return "age"  # an age group: "under-16s", "the over-65s"
    if re.match(r"^s\b|^'s\b|^’s\b", after) and n.value >= 10 and n.value % 10 == 0:
        decade = _decade_or_age(n, before, after)
        if decade is not None:
            return decade
    if not has_unit and _is_name_number(n, before, after):
        return "identifier"
    if n.scale_suffix in ("K", "k") and _DISPLAY_AFTER.match(after):
        return "identifier"  # "a 4K screen", "8K video": a resolution's name, not 4,000
    return None


def _decade_or_age(n: NumberMatch, before: str, after: str) -> str | None:
    """ "year" for a decade ("the 1990s", "the '70s", "70s rock", "the 80s and early 90s"),
    "age" for one of a person's ("in his 60s", "in their 70s and 80s"); None for neither:
    "the FTSE 100's fall" (a name's possessive), "in the 10s and 100s" (tens and hundreds)."""
    if year_like(n) or before.endswith(("'", "’")):
        return "year"
    listed = _DECADE_LIST_BEFORE.search(before)
    head = before[: listed.start()] if listed else before
    if n.value <= 110 and _AGE_DECADE_BEFORE.search(head):
        return "age"
    if n.value < 100 and (_DECADE_BEFORE.search(head) or _DECADE_AFTER.match(after)):
        return "year"
    return None


# "1990-1995", "2019/20" and a financial year's one-digit end: "in 2005-6", "grants in 2003-4".
_YEAR_RANGE_AFTER = re.compile(r"^[-–/](?:(?:1[0-9]|20|21)?\d\d|\d)\b(?![-/.]\d)")
_YEAR_RANGE_BEFORE = re.compile(r"(?<![\d.,])(?P<year>(?:1[0-9]|20|21)\d\d)[-–/]$")
_DATE_AFTER = re.compile(r"^[/-]\d{1,2}[/-]\d{2,4}\b")
_NUMERIC_DATE_BEFORE = re.compile(r"\d{1,4}[/-]$")
_NUMERIC_DATE_MIDDLE = re.compile(r"\d[/-]\d{1,2}[/-]$")


def year_span_end(before: str, n: NumberMatch) -> float | None:
    """The whole year that ends a span written short: 1992 for the "92" of "1983-92", 2006
    for the "6" of "2005-6"; None when ``n`` ends no such span."""
    span = _YEAR_RANGE_BEFORE.search(before)
    if span is None or not n.text.isdigit() or len(n.text) not in (1, 2, 4):
        return None
    start = int(span.group("year"))
    if len(n.text) == 4:
        return n.value if n.value > start else None
    place = 10 ** len(n.text)
    end = start - start % place + int(n.text)
    if end <= start:
        end += place  # "1999-00" ends in 2000
    return float(end)


def _clock_after(n: NumberMatch, after: str) -> bool:
    """A time of day written after the number: "11pm", "10:45", "1400 hrs" (not "3 hrs")."""
    clock = _TIME_AFTER.match(after)
    if clock and clock.group(0).lower().endswith("hrs") and not re.fullmatch(r"\d{4}", n.text):
        clock = None  # "1400 hrs" is a time of day; "3 hrs" is a duration
    return bool(_CLOCK.match(after) or clock)


def typed_by_suffix(n: NumberMatch, after: str) -> bool:
    """Whether the letters right after ``n`` make it a time of day ("11pm") or an ordinal
    ("21st"), which :func:`classify` decides whatever unit they might spell."""
    return _clock_after(n, after) or _ordinal_after(n, after)


def _time_or_date(
    text: str, n: NumberMatch, before: str, after: str, has_unit: bool
) -> str | None:
    if _clock_after(n, after):
        return "time"
    if re.search(r"\d[:.]$", before) and (
            before.endswith(".") or re.fullmatch(r"\d\d(?:\.\d+)?", n.text)):
        return "time"  # "14:00", "1:54.66" (a ratio "2:1" has no minutes)
    month_near = bool(_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)
                      or _DAY_RANGE_AFTER.match(after))
    if _ordinal_after(n, after):
        return "date" if month_near else "ordinal"
    if month_near and n.value <= 31 and n.value == int(n.value):
        return "date"
    if month_near and year_like(n):
        return "year"
    if year_like(n) and _YEAR_RANGE_AFTER.match(after):
        return "year"  # "the 1990-1995 war", "(1920-2004)", "2019/20"
    if year_span_end(before, n) is not None:
        return "year"  # the end of "1983-92", "2005-6"
    numeric_date = _DATE_AFTER.match(after) or (
        _NUMERIC_DATE_BEFORE.search(before)
        and (re.match(r"^[/-]\d", after) or _NUMERIC_DATE_MIDDLE.search(before))
    )
    if numeric_date:
        return "date"
    head = text[n.start : n.start + 20]
    phone_like = _PHONE.match(head) and re.search(r"\d[\s-]\d{3,}", head)
    grouped = "," in n.text or re.search(r"\d[ \u00a0\u2009\u202f]\d{3}$", n.text)
    if phone_like and not has_unit and not grouped:
        return "identifier"
    return None


# "He will be 35 by the end of the year", "she turned 50": a person's age stated as a state
# the person is in, the number closing its clause (not "he was 35 points behind").
_PERSON_IS_BEFORE = re.compile(
    r"\b(?:(?:he|she|who)\s+(?:is|was|will\s+be|would\s+be|had\s+turned|has\s+turned)"
    r"|turn(?:ed|s|ing)?|life\s+expectancy\b[^.;]{0,30}?\b(?:is|was|of|at|to)"
    r"|died\b[^.;,]{0,30}?\bat)"  # "has died in Germany at 50."
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+)?$",
    re.I,
)
_CLAUSE_ENDS_AFTER = re.compile(
    r"^(?:\s*[.,;:!?)]|\s*$|\s+(?:by|in|on|when|next|this|last|and|but|at|raising|before|"
    r"after)\b)",
    re.I,
)


def _is_age(n: NumberMatch, before: str, after: str, has_unit: bool) -> bool:
    if not has_unit and n.value < 120 and _PEOPLE_OVER.search(before) \
            and not re.match(r"\s*(?:per|%|times)\b", after):
        return True  # "men over 50", "children under five"
    if _AGE_AFTER.match(after) or (_AGE_BEFORE.search(before) and not has_unit):
        return True  # "45-year-old", "aged 45"
    if not has_unit and n.value < 120 and _PERSON_IS_BEFORE.search(before) \
            and _CLAUSE_ENDS_AFTER.match(after):
        return True
    # "John Smith, 45, said"
    return (
        not has_unit and n.value < 120
        and bool(_AGE_AFTER_NAME.search(before)) and bool(_AGE_CLOSE.match(after))
    )


def _is_score(text: str, n: NumberMatch, before: str, after: str) -> bool:
    """ "won 3-1", "a 2-0 lead": small whole numbers joined by a dash in a match report."""
    if n.value >= 200 or "." in n.text or not _SCORE_CONTEXT.search(text):
        return False
    if re.match(r"^\s?[-–]\s?\d+\b(?![.,]\d|\s?(?:%|per\s?cent|percent))", after):
        return True  # (not "30-40% of the crop was lost": a range of percentages)
    previous = re.search(r"(\d+)\s?[-–]\s?$", before)
    return previous is not None and int(previous.group(1)) < 200 \
        and not re.match(r"^(?:[.,]\d|\s?(?:%|per\s?cent|percent))", after)


_PREFIXES_BEFORE_AMOUNTS = re.compile(
    r"(?:[$£€¥]|US\$|A\$|C\$|HK\$|Rs\.?|RM|R\$|sub-|mid-|pre-|post-|over-|under-|top-|\()$"
)
_LETTERS_AFTER = re.compile(r"^[A-Za-z]")
_SUFFIXES_AFTER = re.compile(r"^(?:s\b|th\b|st\b|nd\b|rd\b|x\b)")  # "3x": three times
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w&’'.-]*)\s$")
_CAMEL_CASE = re.compile(r"(?!Mc|Mac)[A-Za-z]*[a-z][A-Z]")  # "PlayStation", not "McDonald"
_SENTENCE_FIRST_WORD = re.compile(r"(?:^|[.!?]\s+)[A-Z][\w&’'.-]*\s$")


# Nationality adjectives ("British", "Chinese", "Canadian", "Iraqi"), which qualify a count
# rather than name a model or a place ("Windows 98", "Apollo 11").
_NATIONALITY = re.compile(
    r"[A-Z][a-z]+(?:ish|ese|ian|ican|ean)|German|French|Dutch|Czech|Greek|Swiss|Thai|Welsh"
    r"|Scots|Iraqi|Israeli|Pakistani|Saudi|Kuwaiti|Qatari|Yemeni|Omani|Somali|Nepali"
    r"|Bangladeshi|Afghan"
)


def _names_counted_things(after: str) -> bool:
    """Whether capitalised words after a number name or modify plural things, so the number
    counts them ("148 WTO members", "300 Covid-19 vaccines", "100 Hard Rock Cafes") rather
    than naming a model ("the 787 Dreamliner plane")."""
    run = _CAPITALISED_RUN_AFTER.match(after)
    if run is None:
        return False
    if _NATIONALITY.fullmatch(run.group(1)):
        return True  # "500 British 16-year-olds", "300 Chinese nationals"
    last_name, noun = run.group(1).split()[-1], run.group(2) or ""
    return any(word.endswith("s") and not word.endswith("ss") and word.lower() not in _NOT_PLURAL
               for word in (last_name, noun))  # "100 Hard Rock Cafes in 38 countries"


_DISPLAY_AFTER = re.compile(
    r"^[\s-]+(?:screens?|TVs?|televisions?|resolution|video|displays?|monitors?|content"
    r"|streaming|cameras?|HDR|UHD|Ultra|Blu-ray|footage|projectors?|broadcasts?)\b"
)


def _is_name_number(n: NumberMatch, before: str, after: str) -> bool:
    """A number that is part of a name: a house or model number, "G20", "No. 10", "S&P 500"."""
    if _STREET_AFTER.match(after):
        return True  # a house number: "575 Wilbraham Road"
    if n.text.isdigit() and (
        (_MODEL_AFTER.match(after) and n.value >= 100 and not _names_counted_things(after))
        or _PRODUCT_AFTER.match(after)
    ):
        return True  # a model number: "787 Dreamliner", "iPhone 11 Pro"
    if re.match(r"^\s+times\b", after):
        return False  # "call Bob 3 times": a count of times is never part of a name
    glued = _ATTACHED_LETTERS_BEFORE.search(before) and not before.endswith(" ")
    if glued and not _PREFIXES_BEFORE_AMOUNTS.search(before):
        return True  # letters glued to the number: "F-16", "Covid-19", "737MAX"
    if _LETTERS_AFTER.match(after) and not _SUFFIXES_AFTER.match(after):
        return True  # "4G", "3D"
    label = _NAME_NUMBER_BEFORE.search(before)
    if label is not None and not (label.group(0).strip() == "A"
                                  and not before[: label.start()].strip(" \"“‘'(")):
        return True  # "No. 10", "Section 230", "FTSE 100" ("A 400m runner" starts a sentence)
    name = _CAPITALISED_BEFORE.search(before)
    if name is None:
        return False
    if name.group(1).endswith(("'s", "’s", "s'", "s’")):
        return False  # a possessive owns the quantity: "Britain's 60 million people"
    if _CAMEL_CASE.match(name.group(1)):
        return True  # a brand's name, also first in a sentence: "PlayStation 3 chip unveiled"
    if name.group(1) in _SENTENCE_WORDS or _SENTENCE_FIRST_WORD.search(before):
        return False
    if _NATIONALITY.fullmatch(name.group(1)):
        return False  # "500 British 16 to 20-year-olds": whose they are, not a name
    if re.fullmatch(r"[A-Z][a-z]+[^su]s", name.group(1)) and not re.match(r"\s[A-Z]", after) \
            and re.search(r"\b[Tt]he\s+(?:[A-Z]\w*\s+)?[A-Z]\w*\s$", before):
        # a group counted in a list: "the Conservatives 121 and the Lib Dems 72" (not a name
        # that goes on: "the Fathers 4 Justice campaign")
        return False
    word = name.group(1)
    # "US 2,000" before a lower-case word is a country and a count, not a name.
    return not (word.isupper() and len(word) <= 3 and re.match(r"^\s?[a-z]", after))


# Codes written as one token with letters and digits, and phone numbers: identifiers whole.
_CODE = re.compile(
    r"(?<![\w$£€¥.,])(?!(?:US|USD|EUR|GBP|JPY|AUD|CAD|RM|PS|Rs|A|Y)\d)"
    r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]*\b"
)
_PHONE_NUMBER = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(0?\d{2,4}\)|0\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}"
    r"(?![\w,]|\.\d)"  # a full stop may end the sentence after it
    r"|(?<![\w.,])\(\d{3}\)\s?\d{3}-\d{4}(?![\w.,])"
)


# A number split into short groups after a leading 0, as UK numbers are written: "0845 8 505
# 505" (ten or eleven digits in all).
_GROUPED_PHONE = re.compile(r"(?<![\w.,])0\d{2,4}(?: \d{1,4}){2,3}(?![\w,]|\.\d)")
# One slash between two small numbers that make no fraction a writer would use: "9/11",
# "24/7", "7/7", "50/50" are names ("1/2", "3/4", "3/10", "1/16", "1/40 of" are fractions).
_SLASHED = re.compile(r"(?<![\w/.,])(?P<n>\d{1,2})/(?P<d>\d{1,2})(?![\w/]|[.,]\d)")
# Bookmakers' odds ("The Aviator 4/9 and 8/13", "a 5/2 favourite") are no fractions either.
_BETTING = re.compile(r"\b(?:odds|favourite|favorite|bookmakers?|outsider|shot)\b", re.I)
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 32, 64, 100})


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers, letter-digit codes ("G20", "MP3", "A380") and slashed names
    ("9/11", "24/7")."""
    spans = [m.span() for m in _PHONE_NUMBER.finditer(text)]
    spans.extend(m.span() for m in _GROUPED_PHONE.finditer(text)
                 if 10 <= sum(c.isdigit() for c in m.group(0)) <= 11
                 and not any(a <= m.start() < b for a, b in spans))
    spans.extend(m.span() for m in _CODE.finditer(text))
    if "/" in text:
        spans.extend(m.span() for m in _SLASHED.finditer(text)
                     if int(m.group("n")) >= int(m.group("d"))
                     or (int(m.group("d")) not in _DENOMINATORS and m.group("n") != "1"
                         and not text.startswith(" of ", m.end()))
                     or _BETTING.search(text, max(0, m.start() - 40), m.end() + 20))
    spans.sort()
    return spans
