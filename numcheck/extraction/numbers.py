"""Numbers as written: digits, number words, fractions and vague plurals.

Each match carries its value, the rounding step implied by the digits written (``1.93`` has step
0.01; ``3,200`` is rounded at its last non-zero digit, step 100) and its exact span. Scale words
and news suffixes (``1.2m``, ``$3bn``, ``half a million``) are folded into the value here, so
later stages never re-read the digits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "crore": 10_000_000, "lakh": 100_000,
}
# Abbreviated scale suffixes after digits. "m" is resolved by context (million or metre).
SUFFIX_SCALES = {
    "k": 1e3, "K": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "M": 1e6, "bn": 1e9, "b": 1e9,
    "B": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tr": 1e12, "T": 1e12,
}
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "sixth": 1 / 6, "tenth": 0.1, "tenths": 0.1,
}
VAGUE = {  # "dozens of", "hundreds of": the interval a reader would allow
    "dozens": (12.0, 120.0), "scores": (40.0, 200.0), "hundreds": (100.0, 1_000.0),
    "thousands": (1_000.0, 10_000.0), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
    "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
    "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
    "tens of billions": (1e10, 1e11),
}

NUMBER_WORDS = frozenset(SMALL) | frozenset(TENS) | frozenset(SCALES) | {"dozen", "half"}


@dataclass(frozen=True)
class NumberMatch:
    """A number in the text: ``value`` in plain units, ``step`` its rounding granularity."""

    start: int
    end: int
    value: float
    step: float
    text: str
    words: bool = False  # written in words ("four", "a dozen")
    vague_high: float | None = None  # "thousands of": value is the low end, this the high
    scale_suffix: str | None = None  # "m", "bn", ... as written (for the m = metre question)
    negative: bool = False


_DIGITS = (
    # 1e-3, 2.48E5, 2.48×10−5; not "the Boeing 7E7" (an integer, a capital E, no sign: a name)
    r"(?:(?:\d+\.\d+[eE][-+−]?\d+|\d+(?:e[-+−]?\d+|E[-+−]\d+)"
    r"|\d+(?:\.\d+)?\s?[×x]\s?10\s?\^?\s?[-+−]?\d+)(?!\w|\.\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    # SI grouping by thin or no-break spaces ("10 000"); a plain space is too often two
    # numbers ("scored 25 100 times"), except before a group that starts with 0, which no
    # number written alone does ("10 000 dollars", "3 000 000")
    r"|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?![\d,.])"
    r"|\d{1,3}(?: 0\d\d)+(?![\d,.])"
    r"|\d+(?:\.\d+)?|\.\d+)"
)
_SCIENTIFIC = re.compile(r"^(?P<m>\d+(?:\.\d+)?)(?:[eE]|\s?[×x]\s?10\s?\^?\s?)(?P<e>[-+−]?\d+)$")
# (With a space before them, abbreviations too: "$1.2 bln", "5 mln", "3 bn"; never "m" or "k".)
_SCALE_WORDS = r"(?:hundred|thousand|million|billion|trillion|crore|lakh|bn|bln|mln|mn|tn|trn)"
_SUFFIX = r"(?:bn|mn|mln|bln|tn|trn|tr|k|K|m|M|b|B|T(?=\W|$))"
# Currency codes written flush against the digits ("$US55,931,000", "USD10m", "RM23.50") are
# the only letters a number may follow directly.
_GLUED = (
    r"(?:(?<=\$US)|(?<=\$A)|(?<=Y=)|(?<=US\$)|(?<=USD)|(?<=EUR)|(?<=GBP)|(?<=JPY)|(?<=AUD)"
    r"|(?<=CAD)|(?<=RM)|(?<=Rs)|(?<=PS))"
)
DIGIT_NUMBER = re.compile(
    rf"(?:(?<![\w.,/^])|{_GLUED}|(?<=[,;:])(?=minus[\s-]))(?P<sign>[-−–+]|minus[\s-])?"
    rf"(?P<num>{_DIGITS})"
    rf"(?:(?P<suffix>{_SUFFIX})(?![\w²³])"
    rf"|(?P<scale>(?:[\s\u00a0-]?{_SCALE_WORDS}s?\b)+))?"
    rf"(?!\.\d|,\d{{3}})",
)
SLASH_FRACTION = re.compile(r"(?<![\w./⁄-])(?P<n>\d{1,2})\s?[/⁄](?P<d>\d{1,3})(?![\w./⁄-])")
_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)"
)
WORD_NUMBER = re.compile(
    rf"\b(?P<a>an?\s+)?(?P<w>{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*)\b",
    re.I,
)
FRACTION = re.compile(
    r"\b(?P<num>one|two|three|four|five|a|an)[\s-](?P<den>half|halves|thirds?|quarters?|fifths?"
    r"|sixths?|tenths?)\b(?!\s+(?:final|century|time)|-\w)",  # "a third-party app": a compound
    re.I,
)
# "2 1/2", "two and a half": a whole number and a fraction read as one value.
MIXED = re.compile(
    r"(?<![\w.,/])(?P<whole>\d+)\s(?P<n>\d)/(?P<d>\d{1,2})(?![\w./])"
    r"|\b(?P<wwhole>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+an?\s+half\b"
    # "two and a half million": the scale applies to the whole number
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?",
    re.I,
)
HALF_A = re.compile(
    r"\bhalf\s+an?\s+(?P<scale>dozen|hundred|thousand|million|billion|trillion)\b", re.I
)
# A year said aloud: a teen (or "twenty") followed by a teen or a tens word, "nineteen
# ninety-nine", "twenty ten".
_SPOKEN_YEAR = re.compile(
    r"(?:{})[\s-]+(?:{})\b".format(
        "|".join([w for w, v in SMALL.items() if 11 <= v <= 19] + ["twenty"]),
        "|".join([w for w, v in SMALL.items() if v >= 10] + list(TENS)),
    ),
    re.I,
)
_OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(?P<scale>thousand|million|billion|trillion)\b", re.I)
VAGUE_PLURAL = re.compile(
    # "tens of thousands" needs no "of" after it ("tens of thousands in Paris"); "hundreds" does
    # ("hundreds of people": a bare "hundreds" may be a century)
    r"\b(?:(?P<v>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions))\b"
    r"|(?P<v2>dozens|scores|hundreds|thousands|millions|billions)\s+of\b)",
    re.I,
)
DIGIT_ONLY = re.compile(r"\d")


def parse_digits(digits: str) -> tuple[float, float]:
    """Value and rounding step of a number written in digits (plain or scientific)."""
    sci = _SCIENTIFIC.match(digits)
    if sci:
        exponent = int(sci.group("e").replace("−", "-"))
        mantissa = sci.group("m")
        return float(mantissa) * 10.0**exponent, step_of(mantissa) * 10.0**exponent
    digits = re.sub(r"[ \u00a0\u2009\u202f]", "", digits)
    return float(digits.replace(",", "")), step_of(digits)


def step_of(digits: str) -> float:
    """The rounding step implied by a written number: ``1.93`` → 0.01, ``3,200`` → 100."""
    plain = digits.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".", 1)[1])
    stripped = plain.lstrip("0")
    if not stripped:
        return 1.0
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return 10.0**zeros


def scaled(x: float, scale: float) -> float:
    """``x`` times a scale ("4.1 million"), exact to the digits written: 4.1 × 10⁶ in binary
    floating point is 4099999.9999999995, which a claim table must not show."""
    if scale == 1 or not math.isfinite(x * scale):
        return x * scale
    return float(Decimal(repr(x)) * Decimal(repr(scale)))


def parse_words(phrase: str) -> float | None:
    """Value of an English number phrase: "twenty-five", "three hundred and fifty"."""
    total = 0.0
    current = 0.0
    seen = False
    previous = ""
    for token in re.split(r"[\s-]+", phrase.lower()):
        if token == "and" and previous != "dozen" and previous not in SCALES:
            return None  # "eight and ten", "two and three times": two numbers, not 18 or 5
        if token in ("and", "a", "an", ""):
            continue
        if token in SMALL and previous in SMALL:
            return None  # "two one-man shows": two numbers, not three
        if token in TENS and previous in SMALL:
            return None  # "nineteen ninety-nine" is a year said aloud, not 118
        previous = token
        if token in SMALL:
            current += SMALL[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_PLUS_OR = re.compile(r"(?:plus\s+or\s+|\+/?)$", re.I)


def digit_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    found: list[NumberMatch] = []
    for m in DIGIT_NUMBER.finditer(text, start, len(text) if end is None else end):
        digits = m.group("num")
        try:
            value, step = parse_digits(digits)
        except (ValueError, OverflowError):
            continue
        scale = 1.0
        suffix = m.group("suffix")
        if suffix:
            scale = SUFFIX_SCALES[suffix]
        elif m.group("scale"):
            for word in re.findall(r"[a-z]+", m.group("scale").lower()):
                scale *= float(SCALES.get(word.rstrip("s")) or SUFFIX_SCALES.get(word, 1))
        sign = m.group("sign")
        negative = bool(sign) and (sign.startswith("minus") or sign == "−" or (
            sign == "-" and (m.start() == 0 or text[m.start() - 1] in " ($€£¥\t\n")
        ))
        if negative and _PLUS_OR.search(text, max(0, m.start() - 12), m.start()):
            negative = False  # "plus or minus 3 points": a margin either way, not -3
        num_start = m.start() if negative or sign == "+" else m.start("num")
        value, step = scaled(value, scale), scaled(step, scale)
        if not (math.isfinite(value) and math.isfinite(step)):
            # "1.8e308", 400 nines: beyond float range the value is ∞, and ∞ − ∞ in a rule's
            # arithmetic is NaN. A number no float can hold cannot be checked; skip it.
            continue
        if negative:
            value = -value
        found.append(
            NumberMatch(
                start=num_start,
                end=m.end(),
                value=value,
                step=step,
                text=text[num_start : m.end()],
                scale_suffix=suffix,
                negative=negative,
            )
        )
    return found


def slash_fractions(text: str) -> list[NumberMatch]:
    """ "1/16 of a pint", "two 1⁄2-inch pipes" (not dates: those have two slashes)."""
    found: list[NumberMatch] = []
    for m in SLASH_FRACTION.finditer(text):
        numerator, denominator = int(m.group("n")), int(m.group("d"))
        if denominator == 0 or numerator >= denominator:
            continue
        found.append(NumberMatch(m.start(), m.end(), numerator / denominator, 0.0, m.group(0)))
    return found


# "half of the votes"; not a part of a period or a table: "the second half of the year", "the
# bottom half of the league".
_BARE_HALF = re.compile(
    r"\b(?=half\b)"  # first, so that the look-behinds run only where "half" stands
    + "".join(rf"(?<!\b{w}\s)" for w in ("first", "second", "latter", "last", "back", "front",
                                        "top", "bottom", "upper", "lower"))
    + r"half\b(?=\s+(?:of|the|its|their|his|her|our|all)\b)",
    re.I,
)


def mixed_numbers(text: str) -> list[NumberMatch]:
    found: list[NumberMatch] = []
    for m in MIXED.finditer(text):
        scale = 1.0
        if m.group("whole"):
            whole = float(m.group("whole"))
            denominator = int(m.group("d"))
            if denominator == 0:
                continue
            value = whole + int(m.group("n")) / denominator
        else:
            word = m.group("wwhole").lower()
            whole = float(word) if word.isdigit() else float(SMALL[word])
            scale = float(SCALES[m.group("scale").lower()]) if m.group("scale") else 1.0
            value = (whole + 0.5) * scale
        step = 0.5 * scale if scale > 1 else 0.0  # "two and a half million": to the half million
        found.append(NumberMatch(m.start(), m.end(), value, step, m.group(0), not m.group("whole")))
    return found


# Quarters of a year, in business copy: "the preceding three quarters", "the next one or two
# quarters", "two quarters ahead", "a quarter in advance", "three quarters of contraction".
_PERIOD_BEFORE = re.compile(
    r"\b(?:preceding|previous|next|last|past|first|following|coming|consecutive|successive"
    r"|straight)\b[^.;,]{0,12}$", re.I)
_PERIOD_AFTER = re.compile(
    r"\s+(?:ahead|in\s+advance|in\s+a\s+row|running|ago|earlier|later"
    r"|of\s+(?:contraction|growth|decline|expansion|recession|negative\s+growth|losses))\b", re.I)


def _quarters_of_a_year(text: str, m: re.Match[str]) -> bool:
    return (m.group("den").lower().startswith("quarter")
            and (_PERIOD_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
                 or _PERIOD_AFTER.match(text, m.end()) is not None))


def word_numbers(text: str) -> list[NumberMatch]:
    found: list[NumberMatch] = []
    for m in _BARE_HALF.finditer(text):
        found.append(NumberMatch(m.start(), m.end(), 0.5, 0.0, m.group(0), True))
    for m in HALF_A.finditer(text):
        scale = m.group("scale").lower()
        base = 12.0 if scale == "dozen" else float(SCALES[scale])
        found.append(NumberMatch(m.start(), m.end(), base / 2, base / 10, m.group(0), True))
    for m in FRACTION.finditer(text):
        if _quarters_of_a_year(text, m):
            continue  # "the preceding three quarters": periods, counted below, not 3/4
        num = m.group("num").lower()
        numerator = 1.0 if num in ("a", "an") else float(SMALL[num])
        value = numerator * FRACTIONS[m.group("den").lower()]
        of_a = _OF_A_SCALE.match(text, m.end())
        if of_a is not None:  # "three-quarters of a million people": 750,000 of them
            scale = float(SCALES[of_a.group("scale").lower()])
            found.append(NumberMatch(m.start(), of_a.end(), value * scale, scale / 10,
                                     text[m.start() : of_a.end()], True))
            continue
        found.append(NumberMatch(m.start(), m.end(), value, 0.0, m.group(0), True))
    for m in VAGUE_PLURAL.finditer(text):
        group = "v" if m.group("v") else "v2"
        key = " ".join(m.group(group).lower().split())
        low, high = VAGUE[key]
        found.append(
            NumberMatch(m.start(group), m.end(group), low, 0.0, m.group(group), True,
                        vague_high=high)
        )
    pos = 0
    while (w := WORD_NUMBER.search(text, pos)) is not None:
        m, pos = w, w.end()
        phrase = m.group("w")
        parsed = parse_words(phrase)
        if parsed is None and (re.fullmatch(r"\w+(?:-\w+){2,}", phrase) or _SPOKEN_YEAR.match(
                phrase)):
            continue  # "the one-one-one title", "nineteen ninety-nine": not numbers to count
        while parsed is None and re.search(r"[\s-]", phrase):
            # The longest start that is a number; the rest is read again ("eight and ten":
            # eight, then ten).
            phrase = re.sub(r"(?:[\s-]+and)?[\s-]+\S+$", "", phrase)
            parsed = parse_words(phrase)
            pos = m.start("w") + len(phrase)
        if parsed is None:
            continue
        end = m.start("w") + len(phrase)
        value = parsed
        article = m.group("a")
        lowered = phrase.lower()
        if (lowered in SCALES or lowered == "dozen") and not article:
            continue  # a bare "million" after digits is handled by digit_numbers
        first = re.split(r"[\s-]+", lowered)[0]
        # "a hundred", "a dozen": the article is the number one; in "a five-year deal" it is
        # the deal's, and the number starts at "five".
        counted_by_article = first in SCALES or first == "dozen"
        start = m.start() if article and counted_by_article else m.start("w")
        last = lowered.split()[-1].split("-")[-1]
        step = float(SCALES.get(last, 1)) if last in SCALES else 1.0
        found.append(NumberMatch(start, end, value, step, text[start:end], True))
    return found


_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5,
           "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8,
           "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
#: The fraction characters, for the prefilter's "may this text hold a number?" test.
VULGAR_CHARACTERS = "".join(_VULGAR)
VULGAR_FRACTION = re.compile(rf"(?<![\w.,])(?P<whole>\d+)?(?P<f>[{VULGAR_CHARACTERS}])(?!\d)")


def vulgar_fractions(text: str) -> list[NumberMatch]:
    """ "½ tbsp", "2½ miles": the fraction characters of Unicode, alone or after a whole."""
    found: list[NumberMatch] = []
    for m in VULGAR_FRACTION.finditer(text):
        whole = float(m.group("whole") or 0)
        found.append(NumberMatch(m.start(), m.end(), whole + _VULGAR[m.group("f")], 0.0,
                                 m.group(0)))
    return found


def find_numbers(text: str) -> list[NumberMatch]:
    """All numbers in ``text``, longest match first where they overlap, in text order."""
    candidates = (
        mixed_numbers(text) + slash_fractions(text) + vulgar_fractions(text)
        + digit_numbers(text) + word_numbers(text)
    )
    candidates.sort(key=lambda n: (n.start, -(n.end - n.start)))
    chosen: list[NumberMatch] = []
    last_end = -1
    for cand in candidates:
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen
