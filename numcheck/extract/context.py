"""What the words around a number say about it: bounds, direction, and what it counts.

Bounds are scoped to the number they modify: a trigger counts only when it stands right before
the number (optionally through "by", a currency sign or another trigger), so "more than" in
"more than 60 per cent ... 45 countries" bounds 60 and not 45.
"""

from __future__ import annotations

import re

from numcheck.claims import Bound

_BOUND_TRIGGERS: tuple[tuple[str, Bound], ...] = (
    (r"just\s+(?:over|above)|slightly\s+(?:more|over|above)(?:\s+than)?", ">"),
    (r"just\s+(?:under|below|short\s+of)|slightly\s+(?:less|fewer|under|below)(?:\s+than)?", "<"),
    (r"(?:more|greater|higher|larger|bigger|longer|older)\s+than|over|above|upwards\s+of"
     r"|in\s+excess\s+of|exceeding|beyond|north\s+of|topping|a\s+record", ">"),
    (r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum\s+of", ">="),
    (r"(?:less|fewer|lower|smaller|shorter|younger)\s+than|under|below|beneath|short\s+of"
     r"|shy\s+of|south\s+of|sub", "<"),
    (r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|as\s+(?:many|much|high|long|few|"
     r"little)\s+as|a\s+maximum\s+of|maximum\s+of|capped\s+at|as\s+much\s+as", "<="),
    (r"nearly|almost|close\s+to|approaching|not\s+quite|getting\s+on\s+for", "~"),
    (r"about|around|roughly|approximately|approx\.?|some|an\s+estimated|estimated|circa|c\.|~|≈"
     r"|more\s+or\s+less|an\s+average\s+of|averag(?:e|ed|es|ing)|on\s+average|a\s+mean\s+of"
     r"|upward\s+of|in\s+the\s+region\s+of|something\s+like|an\s+approximate|a\s+projected"
     r"|a\s+predicted|an\s+expected|expected\s+to\s+(?:be|reach|hit)|projected\s+to", "~"),
)
_BOUND_RE = re.compile(
    r"(?:"
    + "|".join(f"(?P<b{i}>\\b(?:{p}))" for i, (p, _) in enumerate(_BOUND_TRIGGERS))
    + r")[\s\u00a0]*(?:\b(?:by|of)\s+)?(?:the\s+)?$",
    re.I,
)
_APPROXIMATE_CEILING = re.compile(r"\b(?:nearly|almost|close\s+to|approaching|not\s+quite)\W*$", re.I)

_UP = (
    r"up|rose|rise|rises|rising|risen|gain|gains|gained|gaining|climb|climbs|climbed|climbing"
    r"|jump|jumps|jumped|jumping|add|adds|added|adding|advance|advances|advanced|advancing"
    r"|grow|grows|grew|grown|growing|increase|increases|increased|increasing|surge|surges"
    r"|surged|surging|soar|soars|soared|soaring|boost|boosts|boosted|higher|lift|lifts|lifted"
    r"|rally|rallied|rallies|spike|spiked|leapt|leaped|leap|leaps|rebound|rebounded|trending\s+up"
    r"|increase\s+of|rise\s+of|gain\s+of|jump\s+of|hike|hiked|raise|raised|raising|expand"
    r"|expanded|widened|accelerated|swelled|doubled|improved"
)
_DOWN = (
    r"down|fell|fall|falls|falling|fallen|drop|drops|dropped|dropping|decline|declines"
    r"|declined|declining|lose|loses|lost|losing|plunge|plunges|plunged|plunging|slide|slides"
    r"|slid|sliding|slip|slips|slipped|slipping|tumble|tumbles|tumbled|tumbling|cut|cuts"
    r"|cutting|lower|lowered|decrease|decreases|decreased|decreasing|shed|sheds|shedding|sank"
    r"|sink|sinks|sinking|sunk|plummet|plummets|plummeted|plummeting|dip|dips|dipped|dipping"
    r"|retreat|retreated|retreats|slump|slumps|slumped|slumping|eased|eases|easing|shrank"
    r"|shrink|shrinks|shrunk|contracted|contract|narrowed|slowed|reduced|reduce|reduces"
    r"|reducing|trimmed|slashed|dive|dived|dove|sag|sagged|fall\s+of|drop\s+of|decline\s+of"
    r"|cut\s+of|loss\s+of|decrease\s+of|trending\s+down|off|halved"
)
_MODIFIERS = (
    r"(?:\s+(?:by|of|about|around|nearly|almost|some|roughly|approximately|just|only|a\s+further"
    r"|another|an\s+additional|more\s+than|over|under|less\s+than|as\s+much\s+as|up\s+to"
    r"|a\s+whopping|a\s+staggering|a\s+massive|a\s+modest|a\s+sharp|a\s+steep|an?|sharply"
    r"|slightly|steeply|strongly|marginally|further|its|their|a\s+record)\b)*"
)
_DIRECTION_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})){_MODIFIERS}[\s\u00a0]*(?:[$£€¥]|US\$|A\$)?$",
    re.I,
)
_DIRECTION_AFTER = re.compile(
    r"^(?:[\s-]*(?:per\s*cent|percent|%|percentage\s+points?|points?|basis\s+points?))?[\s-]+"
    r"(?:(?P<up>increase|rise|gain|jump|surge|growth|hike|climb|rally|uptick|spike|boost|"
    r"improvement|higher|more|up)|(?P<down>decrease|fall|drop|decline|cut|reduction|loss|slump|"
    r"slide|plunge|dip|contraction|fewer|lower|less|down|off|slowdown))\b",
    re.I,
)


def bound_before(text: str, start: int) -> tuple[Bound, bool] | None:
    """The bound word right before ``start``; second item True for "nearly"-type ceilings."""
    window = text[max(0, start - 40) : start]
    m = _BOUND_RE.search(window)
    if not m:
        return None
    for i, (_, bound) in enumerate(_BOUND_TRIGGERS):
        if m.group(f"b{i}"):
            if bound == ">" and re.search(r"\bover\s+(?:the\s+)?$", window, re.I):
                # "over 10 years" is a duration ("during"), "over the" never bounds.
                if re.search(r"\bover\s+the\s+$", window, re.I):
                    return None
            return bound, bool(_APPROXIMATE_CEILING.search(window))
    return None


def direction(text: str, start: int, end: int) -> str | None:
    """``"up"``/``"down"`` when a verb of change governs the number ("rose 5%", "a 5% fall")."""
    before = _DIRECTION_BEFORE.search(text[max(0, start - 60) : start])
    if before:
        return "up" if before.group("up") else "down"
    after = _DIRECTION_AFTER.match(text[end : end + 40])
    if after:
        return "up" if after.group("up") else "down"
    return None


# Words that end a counted noun phrase: determiners, prepositions, conjunctions, pronouns,
# auxiliaries and common verbs (no POS tagger: spaCy models are not available).
STOPWORDS = frozenset(
    """a an the and or but nor so yet of in on at to for from by with without about into onto
    over under above below between among through during before after since until than as per
    via like near across against along around behind beyond inside outside toward towards
    upon within is are was were be been being am has have had do does did will would shall
    should can could may might must that which who whom whose what when where why how this
    these those there here it its it's they them their he him his she her we us our you your
    i me my not no also only just even still more most less least very too each every all
    both either neither any some such other another said says say told according while if
    because although though whether then thus however including include includes included
    against up down out off again once ago last next this year years""".split()
)
_WORD_RE = re.compile(r"[A-Za-z][\w'’&.-]*")
_VERBISH = re.compile(r".*(?:ed|ing)$")


def quantity_of(text: str, end: int, max_words: int = 4) -> str | None:
    """The noun phrase a number counts or measures: "2,000 [US troops] from Syria"."""
    pos = end
    skipped_of = False
    words: list[str] = []
    while len(words) < max_words:
        gap = re.match(r"[\s\u00a0]*(?:-(?=[A-Za-z]))?", text[pos:])
        start = pos + (gap.end() if gap else 0)
        m = _WORD_RE.match(text, start)
        if not m:
            break
        word = m.group(0).rstrip(".")
        lower = word.lower()
        if not words and lower in ("of", "of the") and not skipped_of:
            skipped_of = True
            pos = m.end()
            after = re.match(r"\s+(?:the|its|their|his|her|our|all|those|these)\b", text[pos:])
            if after:
                pos += after.end()
            continue
        acronym = word.isupper() and len(word) > 1  # "US troops": not the pronoun "us"
        if (lower in STOPWORDS and not acronym) or (_VERBISH.match(lower) and words) or (
            lower.endswith("ly") and not acronym
        ):
            break
        words.append(word)
        pos = m.end()
        if text[pos : pos + 1] in ",;:()\"”“" or text[pos : pos + 2] in (" –", " —"):
            break
    return " ".join(words) if words else None


_IRREGULAR = {"people": "people", "children": "child", "men": "man", "women": "woman",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
              "police": "police", "staff": "staff", "news": "news", "series": "series",
              "species": "species", "data": "data", "media": "media", "crises": "crisis"}


def singular(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def head_noun(phrase: str | None) -> str | None:
    """The last word of a noun phrase, singular and lower case: "US troops" → "troop"."""
    if not phrase:
        return None
    return singular(phrase.split()[-1])
