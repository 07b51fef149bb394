"""Numbers that are not measurements: years, dates, times, ordinals, ages, scores, phone
numbers and identifiers. They are typed (kept for date arithmetic) and never compared as
quantities. The first technique of ``notes/extraction.md``: worth the most precision."""

from __future__ import annotations

import re

from numcheck.extract.numbers import NumberMatch

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+(?:the\s+)?$", re.I)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS}\b", re.I)
_TIME_AFTER = re.compile(
    r"^(?:[:.]\d{2})?\s?(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|o’clock|hrs\b|gmt\b|bst\b|et\b|pt\b|"
    r"edt\b|est\b|utc\b|local\s+time)",
    re.I,
)
_CLOCK = re.compile(r"^:\d{2}\b")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?)[\s-]*old\b|^[\s-]*year-old", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|agedbetween)\s+(?:of\s+)?$", re.I)
_AGE_AFTER_NAME = re.compile(r"[A-Z][a-z]+,\s$")
_AGE_CLOSE = re.compile(r"^,|^\)")
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
    r"version|v|model|series|mark|type|code|title|item|figure|fig|table|apollo|windows|ios|"
    r"android|iphone|galaxy|pixel|formula|channel|radio|bbc|itv|boeing|airbus|cac|ftse|dax|"
    r"nikkei|dow|s&p|p|pp|para|paragraph|vol|volume|issue|episode|season|term|world\s+war|"
    r"covid|sars|g|f|mig|su|m|a|b|c|d|k|x|y|z|ps|xbox|mp|ty|mk|pg|sp|zip)\.?\s?[-#]?\s?$)",
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
_PRODUCT_AFTER = re.compile(r"^\s(?:Pro|Max|Plus|Ultra|Mini|Lite|SE|XL|GT|GTI|Turbo)\b")


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
_NOUN_AFTER = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,2}?(?:[a-z]+s|people|staff|police|children)\b")


def _reads_as_year(before: str, after: str) -> bool:
    """ "in 2016", "the 2016 election" are years; "more than 1000 customers" is a count."""
    if _COUNT_BEFORE.search(before):
        return False
    if _NOUN_AFTER.match(after) and not re.search(r"\b(?:the|in|of|since|by|from|until|and|to|"
                                                  r"during|before|after|between|its|their|"
                                                  r"his|her|'s|’s)\s+$", before, re.I):
        return False
    return True


def classify(text: str, n: NumberMatch, has_unit: bool, sentence_start: bool) -> str | None:
    """The typed kind of a non-quantity, or None when ``n`` is a quantity."""
    before = text[max(0, n.start - 40) : n.start]
    after = text[n.end : n.end + 40]
    if not n.words:
        if _CLOCK.match(after) or _TIME_AFTER.match(after):
            return "time"
        if before.endswith((":", ".")) and re.search(r"\d[:.]$", before):
            return "time"
        if _ORDINAL_AFTER.match(after):
            if _MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before):
                return "date"
            return "ordinal"
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
            if n.value <= 31 and n.value == int(n.value):
                return "date"
            if year_like(n):
                return "year"
        if re.match(r"^[/-]\d{1,2}[/-]\d{2,4}\b", after) or re.search(r"\d{1,4}[/-]$", before) and (
            re.match(r"^[/-]\d", after) or re.search(r"\d[/-]\d{1,2}[/-]$", before)
        ):
            return "date"
        if _PHONE.match(text[n.start : n.start + 20]) and re.search(r"\d[\s-]\d{3,}", text[n.start : n.start + 20]):
            if not has_unit and "," not in n.text:
                return "identifier"
    if _AGE_AFTER.match(after) or (_AGE_BEFORE.search(before) and not has_unit):
        return "age"
    if not has_unit and _AGE_AFTER_NAME.search(before) and _AGE_CLOSE.match(after) and n.value < 120:
        return "age"
    if n.words:
        return None
    if not has_unit and re.match(r"^\s?[-–]\s?\d+\b", after) and _SCORE_CONTEXT.search(text):
        if n.value < 200 and "." not in n.text:
            return "score"
    if not has_unit and re.search(r"\d+\s?[-–]\s?$", before) and _SCORE_CONTEXT.search(text):
        prev = re.search(r"(\d+)\s?[-–]\s?$", before)
        if prev and int(prev.group(1)) < 200 and n.value < 200 and "." not in n.text:
            return "score"
    if year_like(n) and not has_unit and _reads_as_year(before, after):
        return "year"
    if re.match(r"^s\b|^'s\b|^’s\b", after) and n.value >= 10 and n.value % 10 == 0:
        return "year" if n.value >= 1000 or before.endswith("'") else "age"
    if not has_unit and _STREET_AFTER.match(after):
        return "identifier"  # a house number: "575 Wilbraham Road"
    if not has_unit and n.text.isdigit() and (
        (_MODEL_AFTER.match(after) and n.value >= 100) or _PRODUCT_AFTER.match(after)
    ):
        return "identifier"  # a model number: "787 Dreamliner", "737 Max"
    if not has_unit:
        # Letters glued to the number: "G20", "F-16", "Covid-19", "MP3", "4G", "737MAX".
        if _ATTACHED_LETTERS_BEFORE.search(before) and not before.endswith(" "):
            if not re.search(r"(?:[$£€¥]|US\$|A\$|C\$|HK\$|Rs\.?|RM|R\$|sub-|mid-|pre-|post-|over-|under-|top-|\()$", before):
                return "identifier"
        if re.match(r"^[A-Za-z]", after) and not re.match(r"^(?:s\b|th\b|st\b|nd\b|rd\b)", after):
            return "identifier"
        if _NAME_NUMBER_BEFORE.search(before):
            return "identifier"
        name = re.search(r"([A-Z][\w&’'.-]*)\s$", before)
        if name and name.group(1) not in _SENTENCE_WORDS and not re.search(
            r"(?:^|[.!?]\s+)[A-Z][\w&’'.-]*\s$", before
        ):
            word = name.group(1)
            if not (word.isupper() and len(word) <= 3 and re.match(r"^\s?[a-z]", after)):
                return "identifier"
    return None


# Codes written as one token with letters and digits, and phone numbers: identifiers whole.
_CODE = re.compile(
    r"(?<![\w$£€¥.,])(?!(?:US|USD|EUR|GBP|JPY|AUD|CAD|RM|PS|Rs|A|Y)\d)"
    r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]*\b"
)
_PHONE_NUMBER = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(0?\d{2,4}\)|0\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\w.,])"
    r"|(?<![\w.,])\(\d{3}\)\s?\d{3}-\d{4}(?![\w.,])"
)


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers and letter-digit codes ("G20", "MP3", "A380")."""
    spans = [m.span() for m in _PHONE_NUMBER.finditer(text)]
    spans.extend(m.span() for m in _CODE.finditer(text))
    spans.sort()
    return spans
