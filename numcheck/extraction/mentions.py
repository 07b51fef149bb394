"""One sentence in, its quantities out: the correction layer's main pass.

Order matters and follows ``notes/extraction.md``: cheap lexical work first (numbers, units
from the news lexicon, typed non-quantities, bounds), quantulum3 only for words the lexicon does
not know, then sentence-level repairs (ranges, shared units, counted list items).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from numcheck import units
from numcheck.claims import Bound
from numcheck.extraction import quantulum
from numcheck.extraction.context import (
    NEXT_CAPITALISED,
    bound_before,
    direction,
    quantity_of,
)
from numcheck.extraction.intervals import DEFAULT_TOLERANCE, Bounds, interval
from numcheck.extraction.numbers import (
    SCALES,
    SUFFIX_SCALES,
    NumberMatch,
    find_numbers,
    scaled,
)
from numcheck.extraction.typed import (
    age_group,
    classify,
    identifier_spans,
    people_of_age,
    typed_by_suffix,
    year_span_end,
)
from numcheck.extraction.units import (
    UnitMatch,
    compound_after,
    currency_before,
    kind_of,
    money_after,
    names_a_title,
    unit_after,
)


@dataclass(frozen=True)
class Mention:
    """A claim before it is placed in a document: offsets are within the sentence."""

    start: int
    end: int
    value: float
    step: float
    bound: Bound
    unit: str | None
    kind: str
    quantity_of: str | None
    change: str | None
    low: float
    high: float
    low_closed: bool
    high_closed: bool
    upper: float | None = None
    ceiling: bool = False
    number_start: int = 0
    number_end: int = 0


# Words after "m" that make it metres, not millions ("a 100m sprint", "5m tall").
_METRE_CONTEXT = re.compile(
    r"^\s?(?:tall|high|long|deep|wide|taller|longer|deeper|wider|shorter|thick|thicker"
    r"|away|across|above|below|under|underground|sprint|race|"
    r"hurdles|freestyle|backstroke|butterfly|breaststroke|relay|run|dash|final|metres?|from|"
    r"runners?|sprinters?|hurdlers?|swimmers?|"
    r"of\s+(?:water|snow|rain)|in\s+(?:height|length|diameter|depth)"
    r"|per\s+(?:second|minute|hour)"  # "a record 426m per minute": a speed
    # a distance covered in a time: "1,500m in 3:26.00", "200m in 19.19 seconds"
    r"|in\s+(?:\d+(?:\.\d+)?\s?(?:s|secs?|seconds?|mins?|minutes?|hours?|hrs?)|\d+:\d\d"
    r"|\d+\.\d+))\b",
    re.I,
)
_NOUN_AFTER = re.compile(r"^[\s-]?(?:[A-Za-z][\w-]*)")
_MONEY_RESTATED = re.compile(r"\s?\(\s*(?:about\s+|around\s+|some\s+)?(?:US\$|A\$|C\$|HK\$|[$£€¥]|"
                             r"(?:USD|GBP|EUR|JPY)\s?\d)")
# Race distances named as events: "the 100m", "in the 1500m" are metres ("a 100m rise" may be
# money).
_RACE_METRES = frozenset({50e6, 60e6, 100e6, 110e6, 200e6, 400e6, 800e6, 1500e6, 3000e6,
                          5000e6, 10000e6})
# A number of people or things named just before "Xm" makes it millions ("a population of
# 1.5m", "an audience of 8.2m").
_COUNTED_BEFORE = re.compile(
    r"\b(?:population|people|visitors|viewers|audience|users|customers|subscribers|members"
    r"|votes|voters|residents|listeners|readers|passengers|fans|workers|households|homes"
    r"|copies|shares|downloads|ratings)\b[^.;\d]{0,20}$"
    # the level after a change in millions of something: "fell 1m barrels to 294.3m"
    r"|\d\s?m\s+[a-z]+\s+(?:to|from)\s+(?:about\s+|around\s+)?$",
    re.I,
)
_MONEY_RANGE_BEFORE = re.compile(r"(?:[$£€¥]|US\$)\s?\d[\d.,]*\s?[-–]\s?$")
# "the 100m", "ran 100m", "swam 400m": a race distance.
_EVENT_BEFORE = re.compile(r"\b(?:the|ran|run|runs|running|swam|swim|swims|sprinted)\s+$", re.I)
_SHARE_OF = re.compile(r"^\s+of\b", re.I)
_CONNECTOR = re.compile(r"^\s*(?:-|–|—|to|and|or|-to-|to-|-\s+to|-\s+and)\s*$", re.I)
# A verb of extent: what follows is a range in whichever order its ends are written.
_EXTENT = re.compile(r"\brang(?:e|es|ed|ing)\s+from\s+(?:[$£€¥]|US\$)?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:[$£€¥]|US\$)?$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|up\s+to\s+)?(?:[$£€¥]|US\$)?$", re.I)
_RATE = re.compile(
    r"(?:[\s-](?:per|an|a|each)[\s-]|\s?/\s?)(?=[A-Za-z])(?!\w+\s+(?:earlier|ago|before|later)\b)",
    re.I,
)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|increase[sd]?|increasing|"
    r"decrease[sd]?|decreasing|grew|grow|grows|growing|jump(?:ed|s)?|climb(?:ed|s)?|drop(?:ped|s)?|"
    r"decline[sd]?|declining|cut|cuts|slow(?:ed|s)?|revised?|lowered|raised?|boost(?:ed|s)?|"
    r"plummet(?:ed|s)?|plunge[sd]?|surge[sd]?|soar(?:ed|s)?|slid|slide|slip(?:ped|s)?|shr[aiu]nk|"
    r"doubled|halved|tripled|moved?|went|gone|changed?|expand(?:ed|s)?|widen(?:ed|s)?|"
    r"narrow(?:ed|s)?|improv(?:ed|es)|up|down|creeping|inching|dip(?:ped|s)?|swung|"
    r"reduc(?:ed|es)|lift(?:ed|s)?|dropping|climbing)\b",
    re.I,
)
_LIST_ITEM = re.compile(r"(?:,|\band\b|\bor\b|[–—:])\s+(?P<a>an?)\s+(?=[A-Za-z])", re.I)


def _resolve_million_or_metre(text: str, n: NumberMatch, has_currency: bool) -> NumberMatch | None:
    """For "5m": metres unless money or a counted noun follows. Returns the metre reading."""
    if n.scale_suffix != "m" or has_currency:
        return None
    if _MONEY_RANGE_BEFORE.search(text, max(0, n.start - 16), n.start):
        return None  # "£1.5-2m": the sign written once for a range of millions
    after = text[n.end : n.end + 30]
    length_word = _METRE_CONTEXT.match(after) is not None
    if n.value in _RACE_METRES and _EVENT_BEFORE.search(text, 0, n.start):
        metres = True  # "won the 100m in 9.58s"
    elif _MONEY_RESTATED.match(after):
        metres = False  # "a total of 204.3m (£109m)": millions, restated in another currency
    elif _COUNTED_BEFORE.search(text, max(0, n.start - 40), n.start) and not length_word:
        metres = False  # "a population of 1.5m.", "viewers peaked at 8.2m": millions
    elif not length_word and _COMPARED_BEFORE.search(text, max(0, n.start - 30), n.start) \
            and _money_in_millions(text, n.start):
        metres = False  # "made 77m euros, up from 38m": a figure compared with money in millions
    else:
        metres = length_word or not _NOUN_AFTER.match(after) or after[:1] in ".,;)"
    return replace(n, value=n.value / 1e6, step=n.step / 1e6) if metres else None


_COMPARED_BEFORE = re.compile(r"\b(?:from|to|against|versus|vs\.?|compared\s+(?:with|to)|than)"
                              r"\s+(?:about\s+|around\s+|just\s+|nearly\s+)?$", re.I)
_SCALED_AMOUNT = re.compile(r"\d[\d.,]*\s?(?:m|bn|tn|million|billion|trillion)\b", re.I)


def _money_in_millions(text: str, skip: int) -> bool:
    """Whether ``text`` states an amount of money in millions or more ("77m euros", "£53m",
    "$1.2bn") other than the number at ``skip``: a bare "38m" beside it is millions too."""
    for m in _SCALED_AMOUNT.finditer(text):
        if m.start() <= skip < m.end():
            continue
        if currency_before(text, m.start()) is not None or money_after(text, m.end()):
            return True
    return False


_TEMPERATURE_NEAR = re.compile(
    r"°|(?-i:\d[CF]\b)|\b(?:degrees?|Celsius|Fahrenheit|kelvin|temperatures?)\b", re.I
)


_COUNTED_AFTER_K = re.compile(r"\s+(?!(?:or|and|to|in|at|on|for|with|from|than)\b)[a-z]")


def _resolve_thousands_or_kelvin(text: str, n: NumberMatch) -> NumberMatch | None:
    """For "573.15K": kelvin, not thousands, beside other temperatures ("300 °C (572 °F,
    573.15K)"). Returns the kelvin reading."""
    if n.scale_suffix != "K" or not _TEMPERATURE_NEAR.search(text):
        return None
    if _COUNTED_AFTER_K.match(text, n.end):
        return None  # "4.5K units": thousands of something counted
    return replace(n, value=n.value / 1e3, step=n.step / 1e3)


# quantulum3 weighs every ambiguous unit it finds against its whole input (cost: units × input
# length), so 400 "…mb" in one 2,300-character sentence took 23 s (3 s now). Sentences longer
# than _LONG_SENTENCE are given to it in blocks of _QUANTULUM_BLOCK characters (plus room for
# the unit after a number near a block's end), each parsed once: linear in the sentence. The
# claims of all 1,714 BBC articles are the same either way.
_LONG_SENTENCE = 320
_QUANTULUM_BLOCK = 160


def _quantulum_text(sentence: str, at: int) -> tuple[str, int]:
    """The text quantulum3 reads for a number at ``at``, and where it starts in the sentence."""
    if len(sentence) <= _LONG_SENTENCE:
        return sentence, 0
    base = at - at % _QUANTULUM_BLOCK
    return sentence[base : base + _QUANTULUM_BLOCK + 64], base


_SYMBOL_COMPOUND = re.compile(
    r"[A-Za-zµμΩ°]{1,4}(?:\^?-?\d)?(?:/[A-Za-zµμΩ°]{1,4}(?:\^?-?\d)?)+"  # W/min, km/s2, A/cm2
    r"|[A-Za-zµμΩ°]{1,4}(?:\^-?\d|-\d)|[A-Za-zµμΩ°]{2,4}[23]"  # s-1, m^2, cm2 (not "2d3")
)
_TITLE_WORD = re.compile(r"[A-Z][a-z]{3,}")


def _unit_from_quantulum(sentence: str, n: NumberMatch) -> UnitMatch | None:
    after = re.match(r"[\s\u00a0-]?([A-Za-zµμΩ°][\w/²³°^.-]*)", sentence[n.end : n.end + 40])
    if not after:
        return None
    token = after.group(1).rstrip(".")
    if re.fullmatch(r"[A-Z]{2,}s", token):
        return None  # a plural acronym counts things: "646 MPs", "40 CEOs"
    if re.fullmatch(r"[A-Z]{2,3}", token):
        return None  # "3 TV channels", "2 PC makers": symbols numcheck knows are in its lexicon
    if re.fullmatch(r"[A-Za-z](?:/[A-Za-z])+", token):
        return None  # "5 N/A", "3 n/a", "5 P/E": abbreviations ("m/s" was read as a compound)
    if typed_by_suffix(n, sentence[n.end : n.end + 40]):
        return None  # "11pm" (not picometres), "21st": typed later, never a unit
    if _TITLE_WORD.fullmatch(token) and NEXT_CAPITALISED.match(sentence, n.end + after.end()):
        return None  # a name: "the 2000 Millennium Declaration"
    # A compound of unit symbols: "W/min", "s-1", "km/s2" ("3G/wi-fi" is no gauss per wi-fi).
    compound = bool(_SYMBOL_COMPOUND.fullmatch(token))
    if not (compound or quantulum.might_be_unit(token)):
        return None
    text, base = _quantulum_text(sentence, n.start)
    for q in quantulum.parse_units(text):
        start, end = q.start + base, q.end + base
        if start <= n.start < end or (n.start <= start < n.end):
            if q.unit is None:
                return None
            return UnitMatch(q.unit, n.end, end, sentence[n.end : end].strip())
    return None


def analyse(sentence: str, tolerance: float = DEFAULT_TOLERANCE) -> list[Mention]:
    """All mentions of numbers in one sentence, quantities and typed non-quantities alike."""
    numbers = find_numbers(sentence)
    mentions: list[Mention] = []
    entities = [(m.start(), m.end()) for m in _ENTITY.finditer(sentence)] if "&#" in sentence \
        else []
    codes = [(start, end) for start, end in identifier_spans(sentence)
             if not any(a <= start < b for a, b in entities)]
    for start, end in codes:
        mentions.append(Mention(
            start=start, end=end, value=float("nan"), step=0.0, bound="=", unit=None,
            kind="identifier", quantity_of=None, change=None, low=float("nan"),
            high=float("nan"), low_closed=True, high_closed=True, number_start=start,
            number_end=end,
        ))
    for n in numbers:
        if any(start <= n.start < end for start, end in (*codes, *entities)):
            continue
        if n.words and (_PAIRING_BEFORE.search(sentence, max(0, n.start - 12), n.start)
                        or _PAIRING_AFTER.match(sentence, n.end)):
            continue  # "all-in-one", "one-on-one", "two-for-one": a kind of thing, no count
        if mentions and mentions[-1].number_end <= n.start < mentions[-1].end:
            continue  # read already as the last quantity's unit: "cents a dozen"
        mention = _mention(sentence, n, tolerance)
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, m.end))
    mentions = _clock_times(sentence, mentions)
    mentions = _one_and_a_half(sentence, mentions, tolerance)
    mentions = _major_and_minor(sentence, mentions, tolerance)
    mentions = _join_ranges(sentence, mentions, tolerance)
    mentions = _suspended_hyphens(sentence, mentions, tolerance)
    mentions = _listed_units(sentence, mentions, tolerance)
    mentions = _share_units(sentence, mentions, tolerance)
    mentions = _rate_written_once(sentence, mentions)
    mentions = _from_to_units(sentence, mentions, tolerance)
    mentions = _gapped_units(sentence, mentions, tolerance)
    mentions = _index_levels(sentence, mentions, tolerance)
    mentions = _uncertainty_units(sentence, mentions, tolerance)
    mentions = _restatement_bounds(sentence, mentions, tolerance)
    mentions.extend(_counted_list_items(sentence, mentions, tolerance))
    mentions.sort(key=lambda m: (m.start, m.end))
    return _without_codes_in_quantities(mentions)


# An HTML character reference left in plain text ("caf&#233;") is a letter, not a number.
_ENTITY = re.compile(r"&#(?:\d+|[xX][0-9a-fA-F]+);")
# Number words paired by a preposition into one adjective: "all-in-one", "one-on-one",
# "two-for-one", "one-to-one".
_PAIRING_BEFORE = re.compile(r"\w-(?:in|on|for|by)-$|\bone-to-$", re.I)
_PAIRING_AFTER = re.compile(r"-(?:in|on|for|by)-\w|-to-one\b", re.I)


def _clock_times(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "02:30 GMT", "14:00:30": one time of day, not a time for each part (its value reads
    as "2.30pm" does: hours, then minutes as hundredths)."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if last is not None and last.kind == m.kind == "time" \
                and sentence[last.end : m.start] == ":" \
                and re.fullmatch(r"\d\d(?:\.\d+)?", sentence[m.start : m.end]):
            # ("1:54.66": a race time, its seconds with hundredths)
            seconds = ":" in sentence[last.start : last.end]  # "14:00:30": minutes are read
            value = last.value if seconds else last.value + m.value / 100
            out[-1] = replace(last, end=m.end, value=value, low=value, high=value,
                              number_end=m.number_end)
            continue
        out.append(m)
    return out


_UNIT_AND_A_BEFORE = re.compile(r"\ban?\s+(?P<unit>[a-z]+)\s+and\s+$", re.I)


def _one_and_a_half(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "a year and a half", "an hour and a half": one and a half of the unit between, not a
    bare half."""
    out: list[Mention] = []
    for m in mentions:
        out.append(m)
        if m.value != 0.5 or m.unit is not None \
                or not re.fullmatch(r"(?i)an?\s+half", sentence[m.start : m.end]):
            continue
        before = _UNIT_AND_A_BEFORE.search(sentence, max(0, m.start - 30), m.start)
        if before is None:
            continue
        found = unit_after(sentence, before.start("unit") - 1, allow_metre=False)
        if found is None or found.end != before.end("unit") or units.is_currency(found.unit):
            continue
        out[-1] = _rebound(replace(
            m, start=before.start(), value=1.5, step=0.5, unit=found.unit,
            kind=kind_of(found.unit), quantity_of=None, number_start=before.start(),
        ), tolerance)
    return out


# Currencies whose hundredth is written "cents" ("€2, 20 cents"; "cent" alone is US).
_CENTS_OF = frozenset({"USD", "EUR", "AUD", "CAD", "NZD", "HKD", "SGD"})
_MAJOR_THEN_MINOR = re.compile(r"\s*,?\s*(?:and\s+)?")


def _major_and_minor(sentence: str, mentions: list[Mention], tolerance: float
                     ) -> list[Mention]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "£4 and 50p": one
    amount in the major unit, not two."""
    out: list[Mention] = []
    for m in mentions:
        a = out[-1] if out else None
        major = _hundredth_of(m.unit)
        if a is not None and major is not None and (
                a.unit == major or (m.unit == "cent" and a.unit in _CENTS_OF)) \
                and a.value == int(a.value) and a.bound == m.bound == "=" and a.upper is None \
                and m.value == int(m.value) and 0 < m.value < 100 \
                and _MAJOR_THEN_MINOR.fullmatch(sentence, a.end, m.start):
            out[-1] = _rebound(replace(
                a, end=m.end, value=a.value + m.value / 100, step=0.01,
                number_end=m.number_end, quantity_of=m.quantity_of or a.quantity_of,
            ), tolerance)
            continue
        out.append(m)
    return out


def _without_codes_in_quantities(mentions: list[Mention]) -> list[Mention]:
    """A letter-digit token that a quantity read as its unit ("40 km2", "3 kg/cm2", the "1"
    of "5 fb−1") is that quantity's unit, not also a code or a count of its own: no text is
    two claims."""
    spans = [(m.start, m.end) for m in mentions if m.kind != "identifier"]
    return [m for m in mentions
            if not any(start <= m.start and m.end <= end and (start, end) != (m.start, m.end)
                       for start, end in spans)
            and not (m.kind == "identifier" and (m.start, m.end) in spans)]


# A capitalised word, not the first of the sentence, right before a number word.
# (Not a heading's last word in capitals: "OTHER GAFFES Three people have refused Oscars".)
_AFTER_A_NAME = re.compile(
    r"(?<![.!?\"“:]\s)(?<=\s)(?![A-Z]{4,}\s)[A-Z][\w&'’.-]*\s+$"
    r"|(?<=\s)[A-Z][\w&'’.]*-$"  # "Runaway Zero-Eight"
)


# A capitalised word after a number word in capitals, inside a sentence: one name ("the Six
# Nations", "the Three Gorges dam").
_NAME_GOES_ON = re.compile(r"[\s-]+[A-Z][a-z]")


# "€1.2 billion-plus", "£100,000-plus a year", "1bn+ users": at least that many.
_PLUS_AFTER = re.compile(r"-plus\b|\+(?![\w+])", re.I)


def _mention(sentence: str, n: NumberMatch, tolerance: float) -> Mention | None:
    plus = _PLUS_AFTER.match(sentence, n.end) if not n.words else None
    if plus is not None:
        n = replace(n, end=plus.end(), text=sentence[n.start : plus.end()])
    start = n.start
    currency = currency_before(sentence, n.start) if not n.words else None
    unit: str | None = None
    end = n.end
    if currency is not None:
        unit, start = currency
        money_word = unit_after(sentence, n.end)
        if money_word is not None and money_word.unit in ("cent", "penny"):
            money_word = None
        if money_word is not None and money_word.text.lower().startswith(("dollar", "us dollar")):
            end = money_word.end
    else:
        metre = _resolve_million_or_metre(sentence, n, False)
        kelvin = _resolve_thousands_or_kelvin(sentence, n)
        if metre is not None:
            n = metre
            unit, end = "meter", n.end
        elif kelvin is not None:
            n = kelvin
            unit, end = "kelvin", n.end
        else:
            found = unit_after(sentence, n.end, allow_metre=not n.words)
            if found is not None and typed_by_suffix(n, sentence[n.end : n.end + 40]):
                found = None  # "21st" is an ordinal, "14st" 14 stone
            compound = compound_after(sentence, n.end) if not n.words else None
            if compound is not None and (found is None or compound.end > found.end):
                found = compound  # "9.8 m/s2" is acceleration, not 9.8 m and a code "s2"
            if found is None and 0 < n.value < 1:
                found = _unit_beyond(_OF_A, sentence, n.end)
            if found is None:
                found = _unit_beyond(_SYSTEM, sentence, n.end)
            if found is None and n.value >= 1:  # "a third consecutive year" is no fraction
                found = _unit_beyond(_ASIDE, sentence, n.end)
            if found is None and not n.words:
                found = _unit_from_quantulum(sentence, n)
            if found is not None and names_a_title(found) and (not n.words or n.text.istitle()):
                return None  # "21 Grams", "24 Hour Party People", "Three Degrees star"
            if found is not None:
                unit, end = found.unit, found.end
    if unit is None and n.vague_high is not None:
        money = _money_counted(sentence, end)
        if money is not None:  # "millions of pounds", "tens of thousands of dollars": money
            unit, end = money.unit, money.end
    if unit is None and _ARTICLE_FRACTION.fullmatch(n.text) and _CONTENT_WORD.match(sentence, end):
        return None  # an ordinal: "a third term", "a fifth straight game"
    typed = classify(sentence, n, unit is not None or currency is not None)
    if typed == "age" and unit not in ("month", "week", "day"):
        unit = "year"  # "an 18-month-old" keeps its months
    if typed is not None and typed != "age":
        value = (year_span_end(sentence[max(0, n.start - 8) : n.start], n) if typed == "year"
                 else None) or n.value  # "2004-05" ends in 2005, not in the year 5
        return Mention(
            start=start, end=end, value=value, step=n.step, bound="=", unit=None, kind=typed,
            quantity_of=None, change=None, low=value, high=value, low_closed=True,
            high_closed=True, number_start=n.start, number_end=n.end,
        )
    if n.words and n.value == 1 and re.match(r"(?i)an?\b", n.text) and n.vague_high is None:
        return None  # "a"/"an" alone is counted only in lists of parts (see below)
    if n.text.lower() == "one" and re.search(
        r"(?i)\b(?:no|any|every|each|some|the|that|this|same|which|another"
        r"|(?:the|his|her|its|their|my|our|your)\s+only)\s+$",  # "only one in 10" counts
        sentence[: n.start],
    ):
        return None  # a pronoun: "each one", "the same one"
    if n.text.lower() == "zero" and re.search(r"(?i)\bnet\s+$", sentence[: n.start]):
        return None  # "net zero": a policy's name, not a count
    if n.text == "One" and n.start > 0 and not re.search(r"[.!?\"“:]\s*$", sentence[: n.start]):
        return None  # a name: "BBC One", "Formula One"
    if n.words and n.text.istitle() and (
            _AFTER_A_NAME.search(sentence, 0, n.start)
            or (_NAME_GOES_ON.match(sentence, n.end) and n.start > 0
                and not re.search(r"[.!?\"“:(]\s*$", sentence[: n.start]))):
        return None  # "BBC Two", "Radio Four's PM", "The Fantastic Four", "the Six Nations"
    if n.text.lower() == "one" and re.match(r"(?i)\s+(?:another|day)\b", sentence[n.end :]):
        return None
    if n.text.lower() == "one" and _ADJECTIVE_ONE_BEFORE.search(sentence, 0, n.start) \
            and _CLAUSE_GOES_ON.match(sentence, n.end):
        return None  # a pronoun: "taller than the old one", "a new one is due"
    bound_info = bound_before(sentence, start)
    if bound_info is not None and _over_a_period(sentence, start, end, unit):
        bound_info = None
    bound: Bound = "=" if bound_info is None else bound_info[0]
    if plus is not None and bound == "=":
        bound = ">="
    ceiling = bool(bound_info and bound_info[1])
    if unit is not None:
        rate = _rate(sentence, end, unit)
        if rate is not None:
            unit, end = rate
    change = direction(sentence, start, end)
    kind = "age" if typed == "age" else kind_of(unit)
    what = quantity_of(sentence, _after_age(sentence, end) if kind == "age" else end,
                       plural=n.value != 1, share=0 < n.value < 1)
    group = age_group(sentence, n) if kind == "age" else None
    people = people_of_age(sentence, n) if kind == "age" else None
    if people is not None:
        what = people  # "men over 50 account for...": the men are that age
    if group is not None:  # "the under-16s", "over-65s": everyone below / from that age
        bound, ceiling, what = ("<" if group == "under" else ">="), False, None
    if what is not None and unit is None:
        per = _count_rate(sentence, end, what)
        if per is not None:  # "3,000 tests a day": a count per unit of time
            unit, kind = per
    elif what is not None and unit is not None and " / " not in unit \
            and _OF_AFTER_UNIT.match(sentence, end):
        per = _count_rate(sentence, end, what, unit)
        if per is not None:  # "150bn tonnes of ice a year", "$5bn of goods a year"
            unit, kind = per
    if what is None and unit is None:
        idiom = _ONE_OR_MORE.search(sentence[max(0, n.start - 40) : n.start])
        if idiom is not None:
            what = idiom.group("noun")  # "another pick or two", "a day or two"
    if what is None and kind == "count":  # "infections rose to 5,000 a day": nothing named
        unit, kind = _count_rate(sentence, end, None) or (unit, kind)
    cap = 100.0 if unit == "percent" and _SHARE_OF.match(sentence[end:]) else None
    upper = n.vague_high
    b = interval(n.value, n.step, bound, ceiling, cap, tolerance, upper)
    if kind == "age" and bound == "=":
        b = _age_interval(n.value)
    if n.vague_high is not None:  # "thousands of": the range is the whole claim
        bound = "="
        b = interval(n.value, 0.0, "=", upper=upper)
    return Mention(
        start=start, end=end, value=n.value, step=n.step, bound=bound, unit=unit, kind=kind,
        quantity_of=what, change=change, low=b.low, high=b.high, low_closed=b.low_closed,
        high_closed=b.high_closed, upper=upper, ceiling=ceiling, number_start=n.start,
        number_end=n.end,
    )


_OF = re.compile(r"\s+of(?=\s)", re.I)
# "the old one", "a Tory one": a determiner and one or two words that are no function words
_ADJECTIVE_ONE_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|its|his|her|their|our|my|your)\s+"
    r"(?:(?!(?:of|in|on|at|to|for|with|by|from|and|or|is|was|are|were|be|been|has|have|had)\b)"
    r"[a-z]+\s+){1,2}$", re.I)
# ...and nothing counted after it: the clause goes on ("one of them" is a count, and so are
# "one or two quarters" and "one to two weeks")
_CLAUSE_GOES_ON = re.compile(
    r"\s*(?:[.,;:!?)\"”]|$|\s(?:is|was|are|were|has|had|that|which|who|in|on|at|for|but"
    r"|than|as)\b)", re.I)


def _money_counted(sentence: str, end: int) -> UnitMatch | None:
    """The currency a vague plural counts ("thousands of pounds", "billions of dollars")."""
    of = _OF.match(sentence, end)
    found = money_after(sentence, of.end()) if of is not None else None
    return found if found is not None and units.is_currency(found.unit) else None


# "over" before a duration is a period, not "more than", after an amount ("$120m over eight
# years", "£7m) over three days", "5% over a decade") or before "period" ("over a five-year
# period"); "for over 40 years", "waiting over 12 months", "in little over two years" stay
# bounds.
# ("7.5% annualised over five years", "£960m spent over 15 years": a word may stand between)
_AMOUNT_OVER = re.compile(r"(?:\d[\d.,]*\s?(?:%|per\s?cent|bn|m|k|[a-z]{1,3})?|\))"
                          r"(?:\s+[a-z]+ed|\s+a\s+year)?\s+over\s+$", re.I)
_OVER = re.compile(r"\bover\s+(?:an?\s+)?$", re.I)
_PERIOD_AFTER = re.compile(r"[\s-]*(?:period|span|stretch|spell|timeframe|time\s+frame)\b", re.I)


# A number and the plural it counts right before "over": "110 pitches over seven innings".
_COUNTED_OVER = re.compile(r"\d[\d,.]*\s+(?:[A-Za-z-]+\s+){0,2}[a-z]{2,}s\s+over\s+$")


def _over_a_period(sentence: str, start: int, end: int, unit: str | None) -> bool:
    """Whether "over" before the number spans it rather than bounds it: "£960m over 15
    years", "over a five-year period", "20 goals over 30 games" (not "over 30 goals", nor
    "436 properties over £1m")."""
    before = sentence[max(0, start - 60) : start]
    if not _OVER.search(before):
        return False
    if unit is None and _COUNTED_OVER.search(before):
        return True  # (but "436 properties over £1m": a price bound on the properties)
    if unit is None or units.dimension(unit) != "[time]":
        return False
    return bool(_AMOUNT_OVER.search(before) or _PERIOD_AFTER.match(sentence, end))


_OF_AFTER_UNIT = re.compile(r"\s+of\s", re.I)
_ONE_OR_MORE = re.compile(r"\b(?:a|an|another|one)\s+(?P<noun>[a-z]{3,})\s+or\s+$", re.I)
# Words that may stand between a number and its unit: "1/16 [of a US] pint", "half [an] hour",
# "a third [of a] mile" (a fraction of one unit); "5 [US] gallons" (the measuring system).
_OF_A = re.compile(r"[\s-]+(?:of\s+)?an?\s+(?:(?:US|U\.S\.|UK|imperial|metric)\s+)?", re.I)
_SYSTEM = re.compile(r"[\s-](?:US|U\.S\.|imperial|UK|metric)\s+")
# "a third", "a fifth" is a fraction before "of", a unit, a function word or a verb ("cut by
# a third in May", "a quarter mile", "a third the size", "a quarter said no"), and an ordinal
# before a singular noun or an adjective ("a third term", "a fifth straight game"), unless
# the noun names a portion ("a quarter stake"). A verb is told by its ending ("voted",
# "says") or as one of the common irregular ones.
_ARTICLE_FRACTION = re.compile(r"an?[\s-](?:third|quarter|fifth|sixth|tenth)", re.I)
_CONTENT_WORD = re.compile(
    r"\s+(?!(?:of|in|on|at|by|to|from|for|with|and|or|but|than|since|over|after|before|this|"
    r"that|these|those|last|next|the|a|an|as|so|while|when|more|less|its|their|his|her|our|"
    r"my|your|each|every|per|is|was|are|were|be|been|will|would|could|should|can|may|might|"
    r"must|do|does|did|has|had|have|said|say|think|thought|told|felt|feel|want|believe|went|"
    r"came|got|made|took|saw|knew|gave|found|left|lost|won|kept|held|rose|fell|grew|paid|sold|"
    r"spent|bought|brought|began|chose|ran|became|remain|remained"
    r"|stake|share|interest|holding)\b)"  # portions: "a quarter stake" is 25 %
    r"[a-z][a-z-]*(?<!ed)(?<![^s]s)\b")
# Adjectives that stand between a number and its unit without changing the unit: "10
# additional miles", "two more years", "three consecutive years", "five long hours". The
# space after the adjective is left to the unit, so only a unit that may stand apart from
# its number follows ("two more in March" is no inch).
_ASIDE = re.compile(r"\s+(?:additional|extra|further|more|full|whole|entire|long|short|"
                    r"straight|consecutive|successive|previous|past|remaining|solid)(?=\s)",
                    re.I)


def _unit_beyond(words: re.Pattern[str], sentence: str, end: int) -> UnitMatch | None:
    """The unit right after ``words`` that follow a number ending at ``end`` (not money)."""
    m = words.match(sentence, end)
    if m is None:
        return None
    found = unit_after(sentence, m.end(), allow_metre=False)
    if found is None or units.is_currency(found.unit):
        return None
    if found.start != m.end() and sentence[m.end():found.start].strip():
        return None  # something else stands between the words and the unit
    return found


_AGE_TAIL = re.compile(r"[\s-]*(?:years?|yrs?)?[\s-]*olds?\b", re.I)


def _after_age(sentence: str, end: int) -> int:
    """Skip the "-old" of "80-year-old" so the phrase after it is what the age belongs to."""
    m = _AGE_TAIL.match(sentence, end)
    return m.end() if m else end


_DOZEN = re.compile(r"dozen\b", re.I)  # "64.2 cents a dozen": eggs are priced by the dozen


def _rate(sentence: str, end: int, unit: str) -> tuple[str, int] | None:
    """ "$1,271 an ounce", "63 cents per share", "52,000 barrel-a-day" → a compound unit."""
    m = _RATE.match(sentence, end)
    if m is None:
        return None
    dozen = _DOZEN.match(sentence, m.end())
    if dozen is not None:
        return units.canonical(f"({unit}) / dozen"), dozen.end()
    denominator = unit_after(sentence, m.end() - 1 if sentence[m.end() - 1] == " " else m.end())
    if denominator is None or denominator.start > m.end() or units.is_currency(denominator.unit):
        return None
    if denominator.unit in ("percent", "percentage_point", "basis_point", unit):
        return None
    try:
        return units.canonical(f"({unit}) / ({denominator.unit})"), denominator.end
    except Exception:
        return None


_PER_TIME = re.compile(
    r"\s*(?:per|an?|each|every)\s+(?P<time>second|minute|hour|day|week|fortnight|month"
    r"|year)\b(?![\s-]+(?:ago|earlier|before|later|after|old)\b)",
    re.I,
)


def _count_rate(sentence: str, end: int, what: str | None, numerator: str = "1"
                ) -> tuple[str, str] | None:
    """ "3,000 tests per day", "500 cars a week", "150 billion tonnes of ice a year": the unit
    (``numerator`` per unit of time) and kind of a quantity written as a rate, read after the
    noun phrase ``what`` that follows ``end``, or right at ``end`` when nothing is named
    ("infections rose to 5,000 a day")."""
    at = end
    if what is not None:
        last = what.split()[-1]
        found = sentence.find(last, end)
        if found < 0:
            return None
        at = found + len(last)
    m = _PER_TIME.match(sentence, at)
    if m is None:
        return None
    unit = units.canonical(f"({numerator}) / {m.group('time').lower()}")
    return unit, kind_of(unit)


def _age_interval(years: float) -> Bounds:
    return interval(years + 0.5, 1.0, "=")  # "80-year-old": at least 80, not yet 81


def _rebound(m: Mention, tolerance: float) -> Mention:
    b = interval(m.value, m.step, m.bound, m.ceiling, None, tolerance, m.upper)
    return replace(m, low=b.low, high=b.high, low_closed=b.low_closed, high_closed=b.high_closed)


def _is_quantity(m: Mention) -> bool:
    return m.kind in ("measure", "count", "percent", "money", "age")


def _join_ranges(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "5-10 km", "between 5 and 10 km", "1 to 1.5 degrees" → one range claim.

    "from 4.1% to 5.3%" under a verb of change stays two claims (a change); see
    :func:`_share_units` for the unit they share.
    """
    out: list[Mention] = []
    mentions = list(mentions)
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions) and units.is_currency(a.unit or "") and _bare(mentions[i + 1]) \
                and _CONNECTOR.match(sentence[a.end : mentions[i + 1].start]):
            # "$10-15bn": the currency sign is written once for both ends.
            b = mentions[i + 1]
            mentions[i + 1] = replace(b, unit=_lent_money(a.unit, sentence, b), kind=a.kind)
        if i + 1 < len(mentions) and _pairable(sentence, a, mentions[i + 1]):
            b = mentions[i + 1]
            joined = _joined_range(sentence, a, b, tolerance)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _bare(m: Mention) -> bool:
    """A count with nothing counted: a number that may share a neighbour's unit."""
    return m.kind == "count" and m.unit is None and m.quantity_of is None


def _pairable(sentence: str, a: Mention, b: Mention) -> bool:
    """Two adjacent quantities joined by "-", "to", "and" or "or" in compatible units."""
    return (
        _is_quantity(a) and _is_quantity(b)
        and _CONNECTOR.match(sentence[a.end : b.start]) is not None
        and (a.unit is None or a.unit == b.unit or (b.unit or "").split(" / ")[0] == a.unit
             or (a.kind == "age" and _bare(b)))  # "aged 18 to 24"
        and a.upper is None and b.upper is None
        # "two thirds - 65%": a share in words restated, not a range from 0.67 to 65
        and not (a.unit is None and 0 < a.value < 1 <= b.value
                 and re.search(r"[A-Za-z]", sentence[a.start : a.end]) is not None)
        # "rose by $4bn to $9bn" is a change and a level; "by £10bn or £11bn" one range
        and not (a.change is not None and a.unit is not None
                 and sentence[a.end : b.start].strip().lower() not in ("or", "-", "–"))
    )


def _is_between(sentence: str, a: Mention) -> bool:
    return _BETWEEN.search(sentence[: a.start]) is not None


def _is_change_from(sentence: str, a: Mention) -> bool:
    """ "rose from A to B": a change, not a range (a verb of change governs "from")."""
    before = sentence[: a.start]
    return (
        _FROM.search(before) is not None
        and not _is_between(sentence, a)
        and _CHANGE_VERB.search(before[max(0, len(before) - 70) :]) is not None
    )


def _joined_range(sentence: str, a: Mention, b: Mention, tolerance: float) -> Mention | None:
    joiner = sentence[a.end : b.start].strip().lower()
    if joiner in ("and", "- and", "-and") and not _is_between(sentence, a):
        return None  # "5 dogs and 10 cats", "five- and six-cylinder engines"
    if joiner == "or" and not (a.step >= 1 and b.value - a.value <= max(2 * b.step, 1)):
        return None  # only "three or four years" is a range
    if _is_change_from(sentence, a):
        return None
    if a.kind == "age" and _bare(b):
        b = replace(b, unit=a.unit, kind=a.kind)  # "aged 18 to 24": both ends are ages
    spelled_out = (joiner == "to" and _FROM.search(sentence[: a.start]) is not None) \
        or _is_between(sentence, a)
    if b.unit is None and b.quantity_of is None and not spelled_out:
        return None  # a bare "9-2" is a score or a code, not a range ("from 7 to 10" is)
    scale = _shared_scale(a, b, sentence)
    low, high = scaled(a.value, scale), b.value
    if high <= low:
        if not (high < low and _EXTENT.search(sentence[: a.start])):
            return None
        low, high = high, low  # "temperatures ranged from -18C to -34C": a range either way
    joined = Mention(
        start=a.start, end=b.end, value=low, step=b.step,
        bound=a.bound if a.bound in ("=", "~") else "=", unit=b.unit, kind=b.kind,
        quantity_of=b.quantity_of, change=a.change or b.change, low=0, high=0,
        low_closed=True, high_closed=True, upper=high, number_start=a.number_start,
        number_end=b.number_end,
    )
    if joined.kind == "age":  # "aged 18 to 24": from an 18th birthday to before the 25th
        return replace(joined, low=low, high=high + 1, low_closed=True, high_closed=False)
    return _rebound(joined, tolerance)


_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _written_scale(written: str) -> float | None:
    """The thousand/million/billion/trillion a number was written with ("$4 million",
    "15bn"), read with the tables that gave the number its value."""
    word = _LAST_WORD.search(written)
    if word is None:
        return None
    scale = SUFFIX_SCALES.get(word.group(1)) or SCALES.get(word.group(1).lower().rstrip("s"))
    return float(scale) if scale in (1e3, 1e6, 1e9, 1e12) else None


def _shared_scale(a: Mention, b: Mention, sentence: str) -> float:
    """ "$10 to $15 billion", "50-60,000": the scale written once applies to both ends.

    Only the scale written on the second number counts: "$200 to $4 million" is $200 to
    $4,000,000, never $200,000 to $4 million.
    """
    if a.value <= 0 or b.value <= 0:
        return 1.0
    scale = _written_scale(sentence[b.number_start : b.number_end])
    if scale is None and re.fullmatch(r"\d{1,3},000", sentence[b.number_start : b.number_end]) \
            and re.fullmatch(r"\d{1,3}", sentence[a.number_start : a.number_end]) \
            and a.value * 1000 <= b.value < a.value * 10_000:
        return 1000.0  # "50-60,000 fans": the thousands written once, on the second
    if scale is None:
        return 1.0
    written_once = b.value >= scale and b.step >= scale / 1000 and a.value < scale
    return scale if written_once and a.value * scale <= b.value else 1.0


# What joins the items of a list: "4, 5", "4, and 5", "4 or 5".
_LIST_JOINER = r",\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+"
_SUSPENDED = re.compile(rf"-\s*(?:{_LIST_JOINER}|\sto\s+)", re.I)


def _suspended_hyphens(sentence: str, mentions: list[Mention], tolerance: float
                       ) -> list[Mention]:
    """ "four-, five- and six-cylinder engines": each number left hanging on a hyphen shares
    the compound that completes the last one (its unit, or what it counts)."""
    out = list(mentions)
    for i in range(len(out) - 1, -1, -1):
        a = out[i]
        gap = _SUSPENDED.match(sentence, a.end)
        if gap is None or not _bare(a) or i + 1 >= len(out):
            continue
        b = out[i + 1]
        if b.start != gap.end() or not _is_quantity(b) or _bare(b):
            continue
        out[i] = _rebound(replace(a, unit=b.unit, kind=b.kind, quantity_of=b.quantity_of),
                          tolerance)
    return out


_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|a|an)\s+(?:[$£€¥]|US\$)?", re.I)
_LISTED = re.compile(rf"\s*(?:{_LIST_JOINER})", re.I)
_GAPPED_BY = re.compile(
    r"(?:^|[,;]\s*(?:and\s+|while\s+)?)[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}\s+by\s+$"
)
_TARGET = re.compile(r"\s*,?\s*(?:to|at)\s+(?:end\s+at\s+|close\s+at\s+|finish\s+at\s+)?", re.I)


_GROUPED_OR_SCALED = re.compile(
    r"\d,\d{3}|\d\s?(?:m|bn|k|tn)\b|\b(?:thousand|million|billion|trillion)\b", re.I)


def _percent_shaped(sentence: str, m: Mention) -> bool:
    """Whether a bare number may share a percentage written next to it: "3, 4 or 5%" may, but
    not "trimmed its workforce by 200,000" after "by 20%", nor "27 million, or 50%"."""
    return m.value < 1000 and not _GROUPED_OR_SCALED.search(sentence, m.start, m.end)


def _unit_written_once(gap: str, kind: str) -> bool:
    """Whether a bare number ``gap`` before a quantity of ``kind`` is in that quantity's unit:
    "raised 280 million of the 1.5 billion shekels" (a part in the unit of its whole);
    "45 and 50 mg", "3, 4 or 5%", "5, 6 and 7 dollars" (a unit written once after a list)."""
    return ((kind in ("measure", "money") and _PART_OF.fullmatch(gap) is not None)
            or (kind in ("measure", "percent", "money") and _LISTED.fullmatch(gap) is not None))


def _listed_units(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "20, 30 and 40 km", "2 and 3 million tonnes": a unit (and a scale) written once, on
    the last number of a list, is every bare number's before it, read from the right so that
    it reaches the first. A part before its whole takes the whole's unit ("280 million of
    the 1.5 billion shekels"), but not its scale."""
    out = list(mentions)
    scale: float | None = None
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        gap = sentence[a.end : b.start]
        if not (_bare(a) and a.upper is None and b.unit is not None
                and _unit_written_once(gap, b.kind)
                and (b.unit != "percent" or _percent_shaped(sentence, a))):
            scale = None
            continue
        if _LISTED.fullmatch(gap) is None:
            scale = None  # a part of a whole: "280 million of the 1.5 billion"
        elif scale is None:
            scale = _written_scale(sentence[b.number_start : b.number_end])
        if scale is not None and a.value < 1000 \
                and not _GROUPED_OR_SCALED.search(sentence, a.start, a.end):
            a = replace(a, value=scaled(a.value, scale), step=scaled(a.step, scale))
        out[i] = _rebound(replace(a, unit=b.unit, kind=b.kind), tolerance)
    return out


def _share_units(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "rose 64.06 points to 4,577.10": the target takes the change's unit.

    The target itself is a level, not a change: "rose 18 sen to RM23.50" says the price is now
    RM23.50 (the 18 sen is what changed), so it keeps no direction of its own.
    """
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if b.change is None and _is_quantity(b) and _GAPPED_BY.search(sentence[: b.start]):
            # Gapping: "Ross was down 2.3%, Burlington by 2.6%": the verb is understood.
            earlier = [m for m in out[:i] if m.change is not None]
            if earlier:
                out[i] = b = replace(b, change=earlier[-1].change)
        if b.change is not None and b.unit is None and b.quantity_of is None:
            # "rose by 2 percent but fell by 1": a bare change shares the earlier one's unit
            earlier = [m for m in out[:i] if m.change is not None and m.unit is not None]
            if earlier and (earlier[-1].unit != "percent" or _percent_shaped(sentence, b)):
                out[i] = b = _rebound(replace(b, unit=earlier[-1].unit, kind=earlier[-1].kind),
                                      tolerance)
        if _bare(a) and b.kind == "age" and b.bound == "=" \
                and _LISTED.fullmatch(sentence, a.end, b.start):
            age = _age_interval(a.value)  # "three and four-year-olds": two ages
            out[i - 1] = a = replace(a, unit=b.unit, kind="age", low=age.low, high=age.high,
                                     low_closed=age.low_closed, high_closed=age.high_closed)
            continue
        if _bare(a) and b.unit is not None and _is_change_from(sentence, a) \
                and _CONNECTOR.match(sentence[a.end : b.start]):
            # "rose from 4.1 to 5.3%", "from 24.2 to 33-35 billion euros": the unit and the
            # scale written once, on the level reached, are the starting level's too.
            scale = _shared_scale(a, b, sentence)
            out[i - 1] = a = _rebound(
                replace(a, unit=b.unit, kind=b.kind, value=scaled(a.value, scale),
                        step=scaled(a.step, scale), quantity_of=b.quantity_of),
                tolerance,
            )
            continue
        if b.unit is not None or a.unit is None or not _is_quantity(a) or b.kind != "count":
            continue
        if a.unit == "percent" and i >= 2 and out[i - 2].change is not None \
                and _OR_RESTATED.fullmatch(sentence, out[i - 2].end, a.start):
            # "fell 475.86 points, or 1.4%, to 33,618.88": the level is in the unit of the
            # amount the percentage restates
            a = out[i - 2]
            if a.unit is None or a.unit == "percent":
                continue
        elif a.change is not None and a.unit == "percent":
            continue  # "rose 8.15% to 3.65": a relative change; the level is not a percentage
        between = sentence[out[i - 1].end : b.start]
        if re.fullmatch(r"\s*(?:to|at|from|,\s*to)\s*", between) and b.quantity_of is None:
            out[i] = _rebound(replace(b, unit=_lent_money(a.unit, sentence, b), kind=a.kind),
                              tolerance)
        elif b.quantity_of is None and (
                _COMPARED.fullmatch(between)
                or (_MORE_OF.fullmatch(between) and _SCALED.search(sentence, b.start, b.end))):
            # "made 77m euros (£53m; $100m), up from 38m", "4.3bn rupees ($98m), against
            # 2.7bn a year earlier": the other figure is in the unit of the one it is compared
            # with, not of that one's restatement in brackets; "1bn euros now, with another
            # 550m to follow": more of the same
            level = _before_brackets(sentence, out[:i]) if between.lstrip().startswith(")") \
                else a
            if level is not None and level.unit is not None and level.unit != "percent":
                out[i] = _rebound(replace(b, unit=level.unit, kind=level.kind), tolerance)
    return out


_COMPARED = re.compile(r"\s*\)?\s*,?\s*(?:(?:up|down)\s+from|against|compared\s+(?:with|to)"
                      r"|versus|vs\.?)\s+", re.I)
_MORE_OF = re.compile(
    r"\s*\)?[^.;:()]{0,30}?\b(?:another|a\s+further|an\s+(?:extra|additional))\s+", re.I)


def _before_brackets(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The last of ``mentions`` before the bracket that the last of them is in."""
    opening = sentence.rfind("(", 0, mentions[-1].start)
    outside = [m for m in mentions if m.end <= opening]
    return outside[-1] if opening >= 0 and outside else None


_OR_RESTATED = re.compile(r"\s*,?\s*or\s+")


@cache
def _hundredth_of(unit: str | None) -> str | None:
    """The currency ``unit`` is the hundredth of, as the unit registry defines it ("cent" →
    "USD", "penny" → "GBP", "euro_cent" → "EUR"); None for any other unit."""
    code = units.currency_code(unit)
    if unit is None or code is None or unit == code:
        return None
    return code if math.isclose(units.convert(1.0, unit, code), 0.01) else None


def _lent_money(unit: str | None, sentence: str, to: Mention) -> str | None:
    """The unit a bare number takes from its neighbour: the neighbour's, except that a price
    in cents or pence written with two decimals is in dollars or pounds ("fell 20 cents to
    13.20")."""
    major = _hundredth_of(unit)
    if major is not None and re.search(r"\.\d\d$", sentence[to.start : to.end]):
        return major
    return unit


# What may stand between "from A <unit>" and "to B" besides words: a year or date of A.
_FROM_TO_GAP = re.compile(r"(?:\s+[A-Za-z][\w.-]*|\s+\d{4}){1,4}\s+to\s+")
_DATED = frozenset({"year", "date", "time"})


def _lend_units(mentions: list[Mention], tolerance: float,
                lends: Callable[[Mention, Mention], bool]) -> list[Mention]:
    """Each bare quantity takes the unit of the quantity before it (only dates, times and
    years between them) when ``lends(before, bare)`` says the sentence gives it that unit."""
    out = list(mentions)
    quantities = [i for i, m in enumerate(out) if _is_quantity(m)]
    for i, j in itertools.pairwise(quantities):
        a, b = out[i], out[j]
        if a.unit is None or not _bare(b):
            continue
        if any(m.kind not in _DATED for m in out[i + 1 : j]):
            continue
        if lends(a, b):
            out[j] = _rebound(replace(b, unit=a.unit, kind=a.kind), tolerance)
    return out


def _from_to_units(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "from 20 miles per gallon in 2008 to 29 in 2020", "from 21 mpg combined to 23": the
    level reached is in the unit of the level it started from, written once on the first.

    (Adjacent "from 208 pounds to 193" is :func:`_share_units`' case; here words or a date
    stand between the first level and "to".)
    """
    def lends(a: Mention, b: Mention) -> bool:
        return (_FROM.search(sentence[: a.start]) is not None
                and _FROM_TO_GAP.fullmatch(sentence, a.end, b.start) is not None)

    return _lend_units(mentions, tolerance, lends)


# A time that sets two figures side by side: "in May", "in 2019", "on Monday", "last year",
# "a year earlier", "in the first quarter".
_WHEN = (
    r"(?:(?:in|on|during|by|for)\s+(?:(?:early|late|mid-?)\s*)?(?:the\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|\d{4}(?:-\d{2,4})?|(?:first|second|third|fourth|final|last)"
    r"\s+(?:quarter|half)|Q[1-4])"
    r"|(?:last|this|next)\s+(?:year|month|week|quarter|season)"
    r"|(?:a|one)\s+(?:year|month|week|quarter)\s+(?:earlier|before|ago)"  # not "a year": a rate
    r"|the\s+(?:year|month|week|quarter)\s+before|yesterday|today)"
)
# Between the first figure (which carries the unit) and the second: a few words, the first
# time, and "and" / "but" / "while" / "against" / "compared with".
_GAPPED_BETWEEN = re.compile(
    rf"(?:\s+[A-Za-z][\w'-]*){{0,3}}\s+{_WHEN}(?:\s+\d{{4}})?,?\s+"
    r"(?:and|but|while|against|versus|compared\s+(?:with|to))\s+", re.I)
_GAPPED_AFTER = re.compile(rf"\s+{_WHEN}\b", re.I)
_GROUP_BETWEEN = re.compile(r"\s+(?:for|among)\s+(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*,?\s+"
                            r"(?:and|but|while|against|compared\s+with)\s+")
_GROUP_AFTER = re.compile(r"\s+(?:for|among)\s+[a-z]")
_SCALED = re.compile(r"\d\s*(?:k|m|bn|tn|thousand|million|billion|trillion)\b", re.I)


def _gapped_units(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "4.5 per cent in May and 4.2 in June", "a minus-1.4 degree angle in 2018 and 2.1 last
    year": a figure set against another at a different time, its unit left out (gapping),
    is in the unit of the first.

    Both times must be written, the first between the figures and the second right after
    the bare one, so "5% in May and 3 new stores" keeps its stores uncounted; or two groups
    in the same way ("81.3 years for women and 77.6 for men"). A scale is not carried, so
    neither is the unit: "$5m in 2019 and 3 in 2020" stays a count.
    """
    def lends(a: Mention, b: Mention) -> bool:
        if _SCALED.search(sentence, a.start, a.end) is not None:
            return False
        if _GAPPED_BETWEEN.fullmatch(sentence, a.end, b.start) is not None:
            return _GAPPED_AFTER.match(sentence, b.end) is not None
        # "81.3 years for women and 77.6 for men": two groups instead of two times
        return (_GROUP_BETWEEN.fullmatch(sentence, a.end, b.start) is not None
                and _GROUP_AFTER.match(sentence, b.end) is not None)

    return _lend_units(mentions, tolerance, lends)


_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+/−|\+-|\+−)\s*")


def _uncertainty_units(sentence: str, mentions: list[Mention], tolerance: float
                       ) -> list[Mention]:
    """ "5.2 ± 0.3 mg", "9.83e-3 +/- 1e-5 km/s2": a value and its uncertainty, the unit
    written once after the second, is in that unit."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if _bare(a) and b.unit is not None and _PLUS_MINUS.fullmatch(sentence, a.end, b.start):
            out[i] = _rebound(replace(a, unit=b.unit, kind=b.kind), tolerance)
    return out


# A stock index named before a bare level it stands "at" or moves "to": index points.
_STOCK_INDEX = re.compile(
    r"\b(?:index|indices|indexes|Nasdaq|Dow|S&P|FTSE|Nikkei|DAX|CAC|Hang\s+Seng|Sensex|Nifty"
    r"|Kospi|ASX|TSX|Stoxx|Topix|IBEX|Bovespa|Shanghai\s+Composite|TA-\d+|Russell\s+\d+"
    r"|Straits\s+Times|KLCI)\b"
)
_LEVEL_BEFORE = re.compile(
    r"\b(?:to|at|from)\s+(?:(?:about|around|nearly|almost|just|a\s+record|an?\s+(?:\w+\s+)?"
    r"(?:high|low)\s+of)\s+)?$", re.I
)


def _index_levels(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "The Nasdaq rose 1.2% to 11,500.32", "the TA-125 lost 1.1% to end at 1,334.20": a
    bare level after a stock index's name, "at" or "to" it, is in index points (levels of
    100 and more: "the index fell to 5" is too small to be a level, and likely a rank)."""
    out = list(mentions)
    for i, m in enumerate(out):
        if not _bare(m) or m.change is not None or m.value < 100:
            continue
        before = sentence[: m.start]
        named = [index.end() for index in _STOCK_INDEX.finditer(before)]
        if not named or not _LEVEL_BEFORE.search(before):
            continue
        if any(other.start > named[-1] and other.unit not in (None, "percent", "index_point")
               for other in out[:i]):
            continue  # "the index of firms rose $4bn to 9,000": something else is measured
        out[i] = _rebound(replace(m, unit="index_point", kind="measure"), tolerance)
    return out


def _rate_written_once(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "from £10.42 to £11.44 an hour", "from 140p to 145.9p a litre": the rate written once,
    after the level reached, is the starting level's too."""
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.unit is None or b.unit is None or " / " in a.unit or " / " not in b.unit:
            continue
        if b.unit.split(" / ")[0] == a.unit and _CONNECTOR.match(sentence[a.end : b.start]) \
                and _is_change_from(sentence, a):
            out[i - 1] = replace(a, unit=b.unit)
    return out


_RESTATED = re.compile(r"\s*(?:\(|,\s*or\s+|\s[–—-]\s*|/)\s*$")


def _restatement_bounds(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "more than 7.5 million crowns ($1.1 million)": a restatement shares bound and change.

    A number restated in another unit in parentheses (or after a slash) right after a bounded
    one carries the same bound, so "just under 296 hp (300 PS)" is read as under 300 PS too;
    likewise "fell by 1C (1.8F)" restates a fall.
    """
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if not (_is_quantity(a) and _is_quantity(b)):
            continue
        if a.unit is None or b.unit is None or a.unit == b.unit:
            continue
        gap = sentence[a.end : b.start]
        if not ((len(gap) <= 6 and _RESTATED.fullmatch(gap) and "(" in gap)
                or gap.strip() == "/"):
            continue
        if a.change is not None and b.change is None:
            out[i] = b = replace(b, change=a.change)
        if a.bound != "=" and b.bound == "=":
            out[i] = b = _rebound(replace(b, bound=a.bound, ceiling=a.ceiling), tolerance)
        closing = _CLOSING.match(sentence, b.end) if "(" in gap else None
        if closing is None:
            continue
        rate_a, rate_b = (_rate(sentence, closing.end(), unit or "") for unit in (a.unit, b.unit))
        if rate_a and rate_b:
            # "9 billion shekels ($2.4 billion) a year": the rate written after the
            # parenthesis is both numbers' (their spans stay the numbers as written).
            out[i - 1] = replace(a, unit=rate_a[0])
            out[i] = replace(b, unit=rate_b[0])
    return out


_CLOSING = re.compile(r"\s*\)")


def _counted_list_items(sentence: str, mentions: list[Mention], tolerance: float) -> list[Mention]:
    """ "two service members, a Pentagon civilian and a US contractor": each "a" item is 1.

    A rule of English enumeration: in a list whose items are counted noun phrases, an item
    introduced by "a"/"an" counts one. Only lists that follow a counted item qualify, so "a
    Trump goal" or "a change in tactics" never become numbers.
    """
    counts = [m for m in mentions if m.kind == "count" and m.quantity_of]
    if not counts:
        return []
    # The list must enumerate parts: introduced by a dash, colon or "including" after a count,
    # or holding at least two counted items ("three men, two women and a child").
    found: list[Mention] = []
    for match in _LIST_ITEM.finditer(sentence):
        a_start = match.start("a")
        if any(m.start <= a_start < m.end or m.start == match.end() for m in mentions):
            continue  # "a third of them", "a dozen", "a two-thirds majority": a number's own
        previous = [m for m in counts if m.end <= a_start]
        if not previous:
            continue
        last = previous[-1]
        gap = sentence[last.end : a_start]
        if len(gap) > 80 or re.search(r"[.;()]", gap) or re.search(
            r"\b(?:is|are|was|were|has|have|had|said|says|will|would|that|which|who)\b", gap
        ):
            continue
        first = next(m for m in counts if m.end >= last.end - 200 and m.end <= a_start)
        span = sentence[first.start : a_start]
        enumerated = bool(re.search(r"[–—:]|\bincluding\b|\bof whom\b|\bamong them\b", span))
        if not enumerated and len([m for m in previous if m.start >= first.start]) < 2:
            continue
        what = quantity_of(sentence, match.end("a"))
        if what is None:
            continue
        end = match.end("a")
        end = sentence.index(what.split()[-1], end) + len(what.split()[-1])
        b = interval(1.0, 1.0, "=", tolerance=tolerance)
        found.append(
            Mention(
                start=a_start, end=end, value=1.0, step=1.0, bound="=", unit=None, kind="count",
                quantity_of=what, change=None, low=b.low, high=b.high, low_closed=b.low_closed,
                high_closed=b.high_closed, number_start=a_start, number_end=match.end("a"),
            )
        )
    return found
