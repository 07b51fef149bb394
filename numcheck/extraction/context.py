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
     r"|in\s+excess\s+of|exceeding|beyond|north\s+of|topping", ">"),
    (r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of"
     r"|minimum\s+of", ">="),
    (r"(?:less|fewer|lower|smaller|shorter|younger)\s+than|under|below|beneath|short\s+of"
     r"|shy\s+of|south\s+of", "<"),
    (r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|as\s+(?:many|much|high|long|few|"
     r"little)\s+as|a\s+maximum\s+of|maximum\s+of|capped\s+at|as\s+much\s+as", "<="),
    (r"nearly|almost|close\s+to|approaching|not\s+quite|getting\s+on\s+for", "~"),
    (r"about|around|roughly|approximately|approx\.?|some|an\s+estimated|estimated|circa|c\.|~|≈"
     r"|more\s+or\s+less"
     r"|upward\s+of|in\s+the\s+region\s+of|something\s+like|an\s+approximate|a\s+projected"
     r"|a\s+predicted|an\s+expected|expected\s+to\s+(?:be|reach|hit)|projected\s+to", "~"),
)
_BOUND_RE = re.compile(
    r"(?:"
    + "|".join(f"(?P<b{i}>\\b(?:{p}))" for i, (p, _) in enumerate(_BOUND_TRIGGERS))
    + r"|(?P<sym_approx>[~≈])|(?P<sym_lt>\bsub-|<|≤)|(?P<sym_gt>>|≥|\+\s*(?=$)))"
    + r"[\s\u00a0]*(?:\b(?:by|of)\s+)?$",
    re.I,
)
_SYMBOL_BOUNDS: dict[str, Bound] = {"sym_approx": "~", "sym_lt": "<", "sym_gt": ">"}
_APPROXIMATE_CEILING = re.compile(
    r"\b(?:nearly|almost|close\s+to|approaching|not\s+quite)\W*$", re.I
)

_UP = (
    r"up|rose|rise|rises|rising|risen|gain|gains|gained|gaining|climb|climbs|climbed|climbing"
    r"|jump|jumps|jumped|jumping|add|adds|added|adding|advance|advances|advanced|advancing"
    r"|grow|grows|grew|grown|growing|increase|increases|increased|increasing|surge|surges"
    r"|surged|surging|soar|soars|soared|soaring|boost|boosts|boosted|higher|lift|lifts|lifted"
    r"|rally|rallied|rallies|spike|spiked|leapt|leaped|leap|leaps|rebound|rebounded|trending\s+up"
    r"|increase\s+of|rise\s+of|gain\s+of|jump\s+of|hike|hiked|expand"
    r"|expanded|widened|accelerated|swelled|doubled|improved|upwards?"
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
    r"|cut\s+of|decrease\s+of|trending\s+down|halved|downwards?"
)
_MODIFIERS = (
    r"(?:\s+(?:by|of|about|around|nearly|almost|some|roughly|approximately|just|only|a\s+further"
    r"|another|an\s+additional|more\s+than|over|under|less\s+than|as\s+much\s+as|up\s+to"
    r"|a\s+whopping|a\s+staggering|a\s+massive|a\s+modest|a\s+sharp|a\s+steep|an?|sharply"
    r"|slightly|steeply|strongly|marginally|further|its|their|a\s+record|(?:an\s+)?average)\b)*"
)
_DIRECTION_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})){_MODIFIERS}[\s\u00a0]*(?:[$£€¥]|US\$|A\$|Y=|RM)?$",
    re.I,
)
# "grow sales by 35%", "cut its forecast by a third": a verb of change, its object, then "by"
# and the amount. Only verbs: "up"/"down"/"higher"/"lower" before an object are not changes.
_DIRECTION_OVER_OBJECT = re.compile(
    # "raised rates by 0.25 points" (before the amount, "raised £5m" is money collected)
    rf"\b(?!(?:up|down|higher|lower)\b)(?:(?P<up>{_UP}|raise|raises|raised|raising)"
    rf"|(?P<down>{_DOWN}))"
    rf"(?:\s+[\w'’-]+){{1,3}}\s+by{_MODIFIERS}[\s\u00a0]*(?:[$£€¥]|US\$|A\$|Y=|RM)?$",
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
    for group, symbol_bound in _SYMBOL_BOUNDS.items():
        if m.group(group):
            if group == "sym_gt" and m.group(group).startswith("+"):
                return None  # "+0.2%" is a rise, not a bound
            return symbol_bound, False
    for i, (_, bound) in enumerate(_BOUND_TRIGGERS):
        if m.group(f"b{i}"):
            return bound, bool(_APPROXIMATE_CEILING.search(window))
    return None


_PHRASAL = re.compile(
    r"\b(?:gave|give|gives|giving|given|set|sets|made|make|makes|pick|picked|picks|sign|signed|"
    r"signs|show|showed|shows|turn|turned|turns|took|take|takes|back|lay|laid|"
    r"lays|paid|pay|pays|sold|sell|sells|cut|cuts|shut|broke|break|kick|kicked|started|start|"
    r"bottomed|ramp|ramped|scale|scaled|line|lined|hold|held|hands|handed)\s+(?:up|down|off)"
    r"\b[^.]*$",
    re.I,
)


def direction(text: str, start: int, end: int) -> str | None:
    """``"up"``/``"down"`` when a verb of change governs the number ("rose 5%", "fell by 3").

    Only the verb before the number counts: "a 5% fall" describes a change but leaves the
    number itself exact (NewsQuant labels it "="); rules read such nouns from the sentence.
    """
    window = text[max(0, start - 60) : start]
    if text[start : start + 1] == "+":
        return "up"
    before = _DIRECTION_BEFORE.search(window) or _DIRECTION_OVER_OBJECT.search(window)
    if before is None:
        return None
    if _PHRASAL.search(window[max(0, before.start() - 12) :]):
        return None  # "gave up 517 yards", "lay off 600 staff"
    return "up" if before.group("up") else "down"


def direction_after(text: str, end: int) -> str | None:
    """Direction named by a noun after the number: "a 5% fall", "34% higher"."""
    after = _DIRECTION_AFTER.match(text[end : end + 40])
    if after is None:
        return None
    return "up" if after.group("up") else "down"


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
    against up down out off again once ago last next this year years whilst whereas worldwide
    available apiece respectively combined nationwide overall altogether instead already rather
    left went came made took gave got saw found became began held kept met ran sat sold sent
    spent stood won wrote fell rose grew hit put set let led fled fought bought brought thought
    caught taught built lent meant felt dealt knew drew shot lay laid became sank swam struck
    see sees seen get gets make makes take takes go goes come comes use uses need needs
    twice thrice worth plus minus compared versus later earlier now ago today tomorrow
    yesterday
    """.split()
)
_IRREGULAR_PLURALS = frozenset(
    "people children men women feet teeth mice geese police staff personnel cattle".split()
)
_WORD_RE = re.compile(r"[A-Za-z][\w'’&.-]*")
_VERBISH = re.compile(r".*(?:ed|ing)$")
_OBJECT_AFTER = re.compile(
    r"\s+(?:it|them|him|her|us|me|the|this|that|these|those|his|their|a|an)\b", re.I
)


def _noun_follows(text: str, pos: int) -> bool:
    """Whether a word ending in "-ly" (or "higher", "lower") is an adjective or noun in the
    phrase ("500 million monthly users", "2,000 family homes", "3,000 higher education
    students") rather than an adverb ending it ("3 early on", "200 reportedly died", "3% lower
    at 250p"): a content word, not a verb form, comes next."""
    m = re.match(r" ([a-z][a-z-]*)\b", text[pos : pos + 40])
    if m is None:
        return False
    word = m.group(1)
    return word not in STOPWORDS and not _VERBISH.match(word) and not word.endswith("ly")


# Nouns ending in s that go on to a head noun: "4,500 news sources", "two series finales".
_S_MODIFIERS = frozenset("news series species means physics economics politics".split())


def _plural_noun(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return True
    return (
        lower not in _S_MODIFIERS
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        and len(lower) > 2
    )


NEXT_CAPITALISED = re.compile(r"\s+[A-Z][a-z]")
_MODEL_NUMBER = re.compile(r"\d+[A-Za-z]{0,2}\b")


def _name_continues(text: str, pos: int) -> bool:
    """ "eight Las Vegas resorts": a capitalised word followed by another is part of a name,
    not a plural head noun, even when it ends in -s."""
    word_start = text.rfind(" ", 0, pos) + 1
    return text[word_start : word_start + 1].isupper() and bool(NEXT_CAPITALISED.match(text, pos))


_COMPOUND_ADJECTIVE = re.compile(r"-(?P<word>[a-z]+)\s+(?P<head>[a-z][\w'’-]*)")


_COORDINATED = re.compile(r"\s+(?P<modifier>[A-Za-z][\w'’-]*)\s+(?P<head>[A-Za-z][\w'’-]*)")


def _coordinated_head(text: str, pos: int) -> list[str] | None:
    """After "British and" in "2,000 British and French troops": the second modifier and the
    plural head noun both modifiers share, or None when "and" does not join two modifiers of
    one noun ("5 apples and oranges" ended at "apples" already; "40 British and 30 French"
    has a number)."""
    m = _COORDINATED.match(text, pos)
    if m is None:
        return None
    modifier, head = m.group("modifier"), m.group("head")
    if modifier.lower() in STOPWORDS or head.lower() in STOPWORDS or _plural_noun(modifier):
        return None
    if not _plural_noun(head) or _VERBISH.match(head.lower()):
        return None
    return [modifier, head]


def quantity_of(text: str, end: int, max_words: int = 4, plural: bool = False,
                share: bool = False) -> str | None:
    """The noun phrase a number counts or measures: "2,000 [US troops] from Syria".

    With ``plural`` (a number other than one), the phrase ends at its first plural noun:
    "14 first-team players left the club" counts players. A ``share`` (a fraction) may be of
    something singular: "a third of the population lives" is a share of the population.
    """
    if re.match(r"[sS]\b", text[end : end + 2]):
        end += 1  # "in her 20s", "the over-65s": a plural of the number, not a word after it
    if re.match(r"x\b", text[end : end + 2]):
        return "times"  # "3x what I earn", "10x faster": a multiplier written with an x
    compound = _COMPOUND_ADJECTIVE.match(text, end)
    if compound and compound.group("word") == "strong" \
            and compound.group("head").lower() not in STOPWORDS:
        # "the nine-strong (rate-setting) committee": nine members of it
        return quantity_of(text, compound.end("word")) or compound.group("head")
    if compound and compound.group("head").lower() not in STOPWORDS \
            and compound.group("word") not in STOPWORDS:
        # "six-cylinder engines", "a three-bedroom house": the number counts the word it is
        # hyphenated to (six cylinders), and the whole compound describes the noun after it.
        # ("one-off gains" has no such word.)
        return compound.group("word")
    pos = end
    skipped_of = False
    words: list[str] = []
    adverbs = 0  # "-ly" words kept inside the phrase do not count towards its length
    while len(words) - adverbs < max_words:
        gap = re.match(r"[\s\u00a0]*(?:-(?=[A-Za-z]))?", text[pos:])
        start = pos + (gap.end() if gap else 0)
        m = _WORD_RE.match(text, start)
        if not m:
            m = _MODEL_NUMBER.match(text, start)
            named = m is not None and (
                (words and any(ch.isupper() for ch in words[-1]))
                or NEXT_CAPITALISED.match(text, m.end())
            )
            if not named:
                break  # "two new 737 Max jets", "63,150 Model 3s": a number inside a name
        assert m is not None
        word = m.group(0).rstrip(".")
        lower = word.lower()
        if not words and lower == "worth" and re.match(r"\s+of\b", text[m.end() :]):
            pos = m.end()  # "$1.2bn worth of shares": what the money is of
            continue
        if not words and lower in ("of", "of the") and not skipped_of:
            skipped_of = True
            plural = True  # partitive: "one of the best speakers" counts speakers
            pos = m.end()
            after = re.match(r"\s+(?:the|its|their|his|her|our|all|those|these)\b"
                             r"(?:\s+[\w-]+(?:'s|’s)(?=\s+(?:most|least|best|worst|top"
                             r"|leading|[a-z]+est)\b))?(?:\s+(?:most|least)\b)?",
                             # "one of the world's (most) profitable firms"
                             text[pos:])
            if after:
                pos += after.end()
            continue
        acronym = word.isupper() and len(word) > 1  # "US troops": not the pronoun "us"
        gerund_modifier = lower.endswith("ing") and bool(
            re.match(r"\s+[a-z]+s\b", text[m.end() : m.end() + 30])
        )  # "9.3 million shipping containers"
        ends_phrase = (
            (lower in STOPWORDS and not acronym)
            # "one in four opposed it": a verb with its object, not "four opposed (things)"
            or (not words and lower.endswith("ed") and bool(_OBJECT_AFTER.match(text, m.end())))
            or (lower.endswith("ing") and not gerund_modifier and word[:1].islower())
            or (_VERBISH.match(lower) and words)
            or ((lower.endswith("ly") or lower in ("higher", "lower")) and not acronym
                and not _noun_follows(text, m.end()))  # "3% lower at 250p"
        )
        if ends_phrase:
            coordinated = _coordinated_head(text, m.end()) if (
                lower in ("and", "or", "&") and plural and words
                and not any(_plural_noun(w) for w in words)) else None
            if coordinated is not None:  # "2,000 British and French troops"
                words.extend([word, *coordinated])
            break
        if (not plural or share) and words and _plural_noun(word) and not acronym:
            break  # "one proposal asks", "a third of the population lives": a verb
        words.append(word)
        adverbs += lower.endswith("ly")
        pos = m.end()
        if plural and _plural_noun(word) and not acronym and not _name_continues(text, pos):
            break
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
    if lower.endswith("men") and len(lower) > 4:
        return lower[:-3] + "man"
    if lower.endswith(("ruses", "nuses", "puses", "tuses")):
        return lower[:-2]
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
