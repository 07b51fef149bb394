"""Which unit follows (or precedes) a number: the news lexicon first, money in context.

The lexicon (``units_news.txt``) covers what news text writes; quantulum3's larger dictionary
is consulted only for words the lexicon does not know (see :mod:`numcheck.extraction.quantulum`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from numcheck import units


@dataclass(frozen=True)
class UnitMatch:
    unit: str  # pint canonical string or ISO currency code
    start: int
    end: int
    text: str


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("foot"):
        return word[:-4] + "feet"
    return word + "s"


class Lexicon(NamedTuple):
    folded_re: re.Pattern[str]  # case-insensitive surfaces ("square miles")
    exact_re: re.Pattern[str]  # case-sensitive symbols ("C", "km")
    glued_re: re.Pattern[str]  # symbols only read when glued to the number ("4in")
    folded: dict[str, str]
    exact: dict[str, str]
    capitalised: frozenset[str]  # word surfaces written with a capital ("Celsius"), folded


def surface_key(written: str) -> str:
    """How a matched surface is looked up: white space (line breaks too) folded to one space."""
    return " ".join(written.split())


@cache
def _lexicon() -> Lexicon:
    text = resources.files("numcheck.extraction").joinpath("units_news.txt").read_text("utf-8")
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    glued: dict[str, str] = {}
    capitalised: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        expression, *surfaces = (part.strip() for part in line.split("|"))
        unit = units.canonical(expression)
        for surface in surfaces:
            if surface.startswith("=="):
                glued[surface[2:]] = unit
                continue
            if surface.startswith("="):
                exact[surface[1:]] = unit
                continue
            folded[surface.lower()] = unit
            plural = surface
            if surface[-1].isalpha() and len(surface) >= 3:
                *head, last = surface.split(" ")
                plural = " ".join([*head, _plural(last)])
                folded.setdefault(plural.lower(), unit)
            if not surface.islower():
                capitalised.update((surface.lower(), plural.lower()))

    def alternation(words: dict[str, str]) -> str:
        # A space inside a surface matches any run of white space: "square\nmiles" wraps.
        return "|".join(
            re.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
        )

    # A unit ends at a word boundary (or right after a symbol such as % or ²).
    tail = r"(?:(?<=[^\w])|(?![\w²³]))"
    return Lexicon(
        folded_re=re.compile(rf"(?:{alternation(folded)}){tail}", re.I),
        exact_re=re.compile(rf"(?:{alternation(exact)}){tail}"),
        glued_re=re.compile(rf"(?:{alternation(glued)}){tail}"),
        folded=folded,
        exact=exact | glued,
        capitalised=frozenset(capitalised),
    )


def names_a_title(found: UnitMatch) -> bool:
    """A unit word written with a capital that English does not give it: the number and
    the word are a name ("21 Grams", "60 Minutes", "the Three Degrees"), not a quantity.
    Units spelt with a capital ("40 Celsius") and currencies ("5m Euros", as some styles
    write them) are units; a minor currency unit capitalised and singular is not ("50 Cent",
    the rapper: English writes 50 cents)."""
    word = found.text
    if word in ("Cent", "Penny"):
        return True
    return (len(word) >= 3 and word.isalpha() and word[0].isupper() and word[1:].islower()
            and word.lower() in _lexicon().folded and word.lower() not in _lexicon().capitalised
            and not units.is_currency(found.unit))


# Currency signs, written before the number ("$5", "₱500") or after it, as much of the world
# writes them ("15 €", "100元"; 元 only after). "$" alone means US dollars.
_SIGN_CODES = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "元": "CNY", "₹": "INR", "₩": "KRW",
    "₦": "NGN", "₪": "ILS", "₽": "RUB", "฿": "THB", "₫": "VND", "₺": "TRY", "₱": "PHP",
    "₴": "UAH", "₸": "KZT", "₡": "CRC", "₾": "GEL", "₭": "LAK",
}
_SIGNS = "".join(_SIGN_CODES)
# Currency written before the number. Longest first.
_PREFIX_CODES = {
    **{sign: code for sign, code in _SIGN_CODES.items() if sign != "元"},
    "US$": "USD", "$US": "USD", "US $": "USD", "USD": "USD", "U.S.$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD",
    "R$": "BRL", "GBP": "GBP", "EUR": "EUR", "JPY": "JPY", "CN¥": "CNY", "RMB": "CNY",
    "CNY": "CNY", "Rs.": "INR", "Rs": "INR", "INR": "INR", "RM": "MYR", "CHF": "CHF",
    "R": "ZAR", "$A": "AUD", "HK $": "HKD", "A $": "AUD", "C $": "CAD",
    "NZ $": "NZD", "S $": "SGD", "Rp": "IDR", "NT$": "TWD", "Mex$": "MXN", "MX$": "MXN",
    # An ISO code glued to the dollar sign names the dollar: "CAD$15", "MXN$200".
    **{f"{code}$": code for code in ("USD", "AUD", "CAD", "HKD", "NZD", "SGD", "MXN", "TWD")},
    # ASCII-folded text (unidecode and friends) writes £ as "PS" and ¥ as "Y=".
    "Y=": "JPY", "PS": "GBP",
    # HTML character references left in plain text: "&#163;1.8m fine".
    "&#163;": "GBP", "&#36;": "USD", "&#8364;": "EUR", "&#165;": "JPY",
}
_PREFIX_RE = re.compile(
    r"(?:"
    + "|".join(re.escape(p) for p in sorted(_PREFIX_CODES, key=len, reverse=True))
    + r")\s?$"
)

# Currency written after the number, with its qualifier where one is needed.
_MONEY_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:us|u\.s\.|american)\s+dollars?", "USD"),
    (r"australian\s+dollars?|aussie\s+dollars?", "AUD"),
    (r"canadian\s+dollars?", "CAD"),
    (r"hong\s+kong\s+dollars?", "HKD"),
    (r"new\s+zealand\s+dollars?", "NZD"),
    (r"singapore\s+dollars?", "SGD"),
    (r"dollars?", "USD"),
    (r"pounds?\s+sterling|sterling", "GBP"),
    (r"euro\s+cents?", "euro_cent"),
    (r"euros?", "EUR"),
    (r"(?:japanese\s+)?yen", "JPY"),
    (r"(?:chinese\s+)?(?:yuan|renminbi)", "CNY"),
    (r"(?:indian\s+)?rupees?", "INR"),
    (r"(?:pakistani\s+)?rupees?", "PKR"),
    (r"(?:malaysian\s+)?ringgit", "MYR"),
    (r"(?:israeli\s+)?(?:new\s+)?shekels?", "ILS"),
    (r"(?:russian\s+)?r[o]?ubles?", "RUB"),
    (r"swiss\s+francs?|francs?", "CHF"),
    (r"danish\s+(?:kroner|krone|crowns?)", "DKK"),
    (r"icelandic\s+(?:kronur|krona|krónur|króna)", "ISK"),
    (r"(?:swedish\s+)?(?:kronor|krona)|swedish\s+crowns?", "SEK"),
    (r"norwegian\s+(?:kroner|krone|crowns?)", "NOK"),
    (r"(?:south\s+african\s+)?rand", "ZAR"),
    (r"(?:nigerian\s+)?naira", "NGN"),
    (r"philippine\s+pesos?", "PHP"), (r"argentine\s+pesos?", "ARS"),
    (r"chilean\s+pesos?", "CLP"), (r"colombian\s+pesos?", "COP"),
    (r"(?:mexican\s+)?pesos?", "MXN"),
    (r"(?:brazilian\s+)?reais|brazilian\s+reals?", "BRL"),
    (r"(?:turkish\s+)?lira", "TRY"),
    (r"(?:indonesian\s+)?rupiah", "IDR"), (r"(?:thai\s+)?baht", "THB"),
    (r"qatari\s+riyals?", "QAR"), (r"(?:saudi\s+)?riyals?", "SAR"),
    (r"(?:iranian\s+)?rials?", "IRR"), (r"iraqi\s+dinars?", "IQD"),
    (r"kuwaiti\s+dinars?", "KWD"), (r"moroccan\s+dirhams?", "MAD"),
    (r"(?:uae\s+|emirati\s+)?dirhams?", "AED"), (r"egyptian\s+pounds?", "EGP"),
    (r"kenyan\s+shillings?", "KES"), (r"(?:polish\s+)?(?:zloty|zlotys|złoty|złotys)", "PLN"),
    (r"(?:czech\s+)?korun[ay]?|czech\s+crowns?", "CZK"), (r"(?:hungarian\s+)?forints?", "HUF"),
    (r"(?:vietnamese\s+)?dong", "VND"), (r"(?:ukrainian\s+)?hryvni?as?", "UAH"),
    (r"(?:kazakh\s+)?tenge", "KZT"), (r"(?:costa\s+rican\s+)?col(?:ón|on)(?:es)?", "CRC"),
    (r"(?:georgian\s+)?lari", "GEL"), (r"(?:lao\s+)?kip", "LAK"),
    (r"(?:south\s+)?korean\s+won", "KRW"),
    (r"bitcoins?|btc", "BTC"),
    (r"cents?", "cent"), (r"dimes?", "dime"), (r"nickels", "nickel"),
    (r"pence|p(?!\w)(?!\.m)", "penny"),
    (r"usd|us\$", "USD"), (r"eur", "EUR"), (r"gbp", "GBP"), (r"jpy", "JPY"),
    *((re.escape(sign), code) for sign, code in _SIGN_CODES.items()),  # "15 €", "100元"
    (r"zł", "PLN"), (r"Kč", "CZK"),
    (r"aud", "AUD"), (r"cad", "CAD"), (r"chf", "CHF"), (r"cny|rmb", "CNY"), (r"inr", "INR"),
    (r"hkd", "HKD"), (r"sek", "SEK"), (r"nok", "NOK"), (r"dkk", "DKK"),
)
# "4bn euros", and hyphenated to the number as a compound: "a 4bn-euro hole".
_MONEY_TAIL = rf"(?:\b|(?<=[{_SIGNS}]))"
_MONEY_AFTER = re.compile(
    r"[\s\u00a0-]?(?:" + "|".join(f"(?:{p})" for p, _ in _MONEY_WORDS) + ")" + _MONEY_TAIL, re.I
)


@cache
def _money_each() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each money word alone, in the same order, to tell which one matched (a named group for
    each in the one pattern made every failed match 2.6 times slower, and most numbers are no
    money); compiled when money is first met."""
    return tuple((re.compile(rf"[\s\u00a0-]?(?:{p}){_MONEY_TAIL}", re.I), code)
                 for p, code in _MONEY_WORDS)


_POUNDS = re.compile(r"[\s\u00a0-]?pounds?\b(?![\s-]?f(?:ee|oo)t)", re.I)  # "a 20-pound bag"
_MONEY_CONTEXT = re.compile(
    r"\b(?:cost|costs|costing|paid|pay|pays|price|prices|priced|worth|fine|fined|spend|spent|"
    r"salary|salaries|earn|earns|earned|budget|fund|funding|profit|profits|revenue|sales|sold|"
    r"bought|deal|raise|raised|bid|offer|debt|loan|tax|£|sterling|bonus|wage|wages|cash)\b|£",
    re.I,
)
_MASS_CONTEXT = re.compile(
    r"\b(?:weigh\w*|heav\w*|lighter|ounces?|kg|kilos?|stone|fish|baby)\b", re.I
)
# "a trillion pounds", "5m pounds in value": millions of pounds are money unless they are
# pounds *of* something ("2 million pounds of cheese").
_SCALED_NOT_OF = re.compile(r"(?:\d\s?(?:m|bn)|\b(?:million|billion|trillion)s?)$", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)
# "won" is Korea's currency only after an amount no score or count of wins is written as
# ("1.5 trillion won", "21,000 won"; not "Burnout 3 won three awards").
_WON = re.compile(r"\swon\b")
_LARGE_AMOUNT_BEFORE = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d\s?(?:m|bn|tn)|\b(?:million|billion|trillion))$", re.I)
_MONEY_SHAPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:m|bn|k)\b")


# A dollar named by its country before an amount, as financial copy writes it: "a record
# Australian dollars 648m ($492m) profit", "a deficit of Australian dollar 29.4bn".
# (The code comes from _MONEY_WORDS, the one table of currency names.)
_NAMED_BEFORE = re.compile(
    r"\b(?:australian|canadian|us|u\.s\.|american|hong\s+kong|new\s+zealand|singapore)"
    r"\s+dollars?(?=\s$)", re.I)


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """An ISO code written just before ``start`` (``$``, ``US$``, ``£``, "Australian
    dollars" before an amount in millions...) and its offset."""
    window = text[max(0, start - 7) : start]
    m = _PREFIX_RE.search(window)
    if not m:
        named = _NAMED_BEFORE.search(text, max(0, start - 24), start)
        if named is None or not _MONEY_SHAPED.match(text, start):
            return None
        code = next(code for each, code in _money_each() if each.fullmatch(named.group(0)))
        return code, named.start()
    token = m.group(0).rstrip()
    if token == "R" and not re.search(r"(?:^|\s)R\s?$", window):
        return None
    if token == "PS" and not _MONEY_SHAPED.match(text, start):
        return None  # "PS5" is a games console; only money-shaped amounts are pounds
    if token.isalpha() and len(token) >= 2:
        before = text[: start - len(m.group(0))]
        if before and before[-1].isalpha():  # part of a word, e.g. "FOUR5"
            return None
    return _PREFIX_CODES[token], start - len(m.group(0))


def money_after(text: str, end: int) -> UnitMatch | None:
    m = _MONEY_AFTER.match(text, end)
    if m:
        written = m.group(0)
        code = next(code for each, code in _money_each() if each.match(text, end))
        if code == "penny" and written.strip().lower() == "p" and written[0] in " \u00a0":
            return None  # "68p", but not "5 p" in a list or "p = .03"
        if written.strip() in _SIGNS and re.match(r"\s?\d", text[m.end() :]):
            return None  # "by 2008 £60bn more": the sign is the next amount's
        lead = len(written) - len(written.lstrip())
        return UnitMatch(code, m.start() + lead, m.end(), written.strip())
    won = _WON.match(text, end)
    if won is not None and _LARGE_AMOUNT_BEFORE.search(text, max(0, end - 24), end):
        return UnitMatch("KRW", won.start() + 1, won.end(), "won")  # "1.5 trillion won"
    m = _POUNDS.match(text, end)
    scaled = _SCALED_NOT_OF.search(text[:end]) is not None
    if m and (_MONEY_CONTEXT.search(text) or (scaled and not _OF_AFTER.match(text, m.end()))) \
            and not _MASS_CONTEXT.search(text):
        return UnitMatch("GBP", m.start() + 1 if m.group(0)[0].isspace() else m.start(),
                         m.end(), m.group(0).strip())
    if m:
        return UnitMatch("pound", m.start() + 1 if m.group(0)[0].isspace() else m.start(),
                         m.end(), m.group(0).strip())
    return None


_GAP = re.compile(r"[\s\u00a0]?-?(?=\S)")


def unit_after(text: str, end: int, allow_metre: bool = True) -> UnitMatch | None:
    """The unit written right after a number ending at ``end`` ("5 km", "5-mile", "40C")."""
    money = money_after(text, end)
    gap = _GAP.match(text, end)
    pos = gap.end() if gap else end
    lexicon = _lexicon()
    best: UnitMatch | None = None
    for regex, table, fold, at in (
        (lexicon.folded_re, lexicon.folded, True, pos),
        (lexicon.exact_re, lexicon.exact, False, pos),
        (lexicon.glued_re, lexicon.exact, False, end),  # "4in", never "4 in"
    ):
        m = regex.match(text, at)
        if m and (best is None or m.end() > best.end):
            key = surface_key(m.group(0))
            best = UnitMatch(table[key.lower() if fold else key], m.start(), m.end(), m.group(0))
    if money is not None and (best is None or money.end >= best.end):
        return money
    if best is None:
        return _spaced_inches(text, end) or _decimal_seconds(text, end)
    if best.text in ("C", "F") and text[pos - 1 : pos] == " " and not _temperature_context(text):
        return None  # "grade C", "Form F"
    if best.unit == "meter" and best.text == "m" and not allow_metre:
        return None
    if best.unit == "second" and re.match(r"[\s-]hand\b", text[best.end : best.end + 6]):
        return None  # "six second-hand planes"
    if pos > end and text[end] == "-" and best.unit in {"percent"}:
        return None
    return best


# Alone, a spaced "in" after a number is a preposition ("2 in 10 adults"). It is inches after
# a number of feet ("6 ft 2 in"), before a dimension or "of" ("4 in of snow", "2 in thick")
# and at the end of a sentence: the preposition is never followed by those.
_FEET_THEN_NUMBER = re.compile(r"\d\s?(?:ft|feet|foot)\s+\d+(?:\.\d+)?$")
_SPACED_IN = re.compile(r"[\s\u00a0]in\b(?![\s\u00a0]+(?:the|a|an|his|her|its|their)\b)")
_SENTENCE_END = re.compile(r"[.!?]?\s*$")  # "my pencil is 2 in.": no object follows
_DIMENSION_AFTER_IN = re.compile(
    r"[\s\u00a0]+(?:thick|long|wide|tall|deep|high|across|of|in\s+(?:diameter|length|width))\b"
)


def _spaced_inches(text: str, end: int) -> UnitMatch | None:
    m = _SPACED_IN.match(text, end)
    if m is None or not (_FEET_THEN_NUMBER.search(text, max(0, end - 24), end)
                         or _DIMENSION_AFTER_IN.match(text, m.end())
                         or _SENTENCE_END.match(text, m.end())):
        return None
    return UnitMatch("inch", m.start() + 1, m.end(), "in")


# "9.58s", "0-62mph in 3.9s": an "s" glued to a decimal is seconds. Whole numbers keep "s" as
# a plural ("the 1990s", "in her 30s"), which a decimal cannot be.
_DECIMAL_BEFORE = re.compile(r"\d\.\d+$")
_GLUED_S = re.compile(r"s(?![\w'’-])")


def _decimal_seconds(text: str, end: int) -> UnitMatch | None:
    m = _GLUED_S.match(text, end)
    if m is None or not _DECIMAL_BEFORE.search(text, max(0, end - 12), end):
        return None
    return UnitMatch("second", m.start(), m.end(), "s")


# Symbols read only inside a compound written with a slash ("A/cm2", "m/s2", "t/ha"): alone
# they are letters or words ("A", "s", "t"), so the lexicon leaves them out.
_IN_COMPOUNDS = {
    "A": "ampere", "mA": "milliampere", "s": "second", "t": "tonne", "h": "hour",
    "d": "day", "yr": "year", "min": "minute", "l": "liter", "N": "newton", "J": "joule",
    "kJ": "kilojoule", "Pa": "pascal", "kPa": "kilopascal", "K": "kelvin", "mol": "mole",
    "V": "volt", "g": "gram", "L": "liter", "fb": "femtobarn", "pb": "picobarn",
}
_COMPOUND = re.compile(r"[\s\u00a0]?((?:[A-Za-zµμ]{1,4}(?:\^?-?[1-3])?)"
                       r"(?:/[A-Za-zµμ]{1,4}(?:\^?-?[1-3])?)+)(?![\w/^])")
_COMPOUND_PART = re.compile(r"([A-Za-zµμ]{1,4})(?:\^?(-?[1-3]))?")
# Symbols with their powers written, SI style, ending in a negative power: "s-1", "kg m-3",
# "m s−1" (a power is what makes "s" a second here, not a plural or a letter).
_POWERS = re.compile(r"[\s\u00a0]?((?:[A-Za-zµμ]{1,4}(?:\^?[-−]?[1-3])?[\s\u00a0·]){0,3}"
                     r"[A-Za-zµμ]{1,4}\^?[-−][1-3])(?![\w/^])")


def compound_after(text: str, end: int) -> UnitMatch | None:
    """A unit written as symbols joined by slashes right after a number ending at ``end``
    ("9.8 m/s2", "1.3 A/cm2", "5 t/ha"), or as symbols with their powers written, the last
    a negative one (science's "4e14 s-1", "1.2 kg m-3", "5 fb−1"), each symbol one the
    lexicon knows or one of :data:`_IN_COMPOUNDS`. None when any part is not a symbol."""
    m = _COMPOUND.match(text, end)
    if m is not None and re.fullmatch(r"[A-Z](?:/[A-Z])+", m.group(1)) is None:
        parts = [(part, -1 if index else 1) for index, part in enumerate(m.group(1).split("/"))]
    else:  # single capitals joined by a slash are abbreviations: "N/A", "P/E"
        m = _POWERS.match(text, end)
        if m is None:
            return None
        parts = [(part, 1) for part in re.split(r"[\s\u00a0·]", m.group(1))]
    exact = _lexicon().exact
    factors = []
    for part, sign in parts:
        piece = _COMPOUND_PART.fullmatch(part.replace("−", "-"))
        name = (exact.get(piece.group(1)) or _IN_COMPOUNDS.get(piece.group(1))
                if piece else None)
        if piece is None or name is None or units.is_currency(name):
            return None
        factors.append(f"({name}) ** {int(piece.group(2) or 1) * sign}")
    try:
        unit = units.canonical(" * ".join(factors))
    except Exception:  # pint refuses the combination: no unit, as if unwritten
        return None
    return UnitMatch(unit, m.start(1), m.end(1), m.group(1))


_TEMPERATURE = re.compile(
    r"\b(?:temperatures?|degrees?|heat|heatwave|hot|hotter|warm\w*|cold|colder|chilly|freez\w*|"
    r"melting|boiling|thermometer|celsius|fahrenheit|°)",
    re.I,
)


def _temperature_context(text: str) -> bool:
    return bool(_TEMPERATURE.search(text))


def kind_of(unit: str | None) -> str:
    if unit is None:
        return "count"
    if unit in ("percent", "percentage_point", "basis_point"):
        return "percent"
    if units.is_currency(unit):
        return "money"
    return "measure"
