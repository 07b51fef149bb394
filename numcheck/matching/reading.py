"""Reading a claim's subject from its sentence (:func:`subject_of`, :func:`subjects`).

The counted noun after the number, or the noun phrase the number is predicated of, plus
the places, names, events and times of the claim's own stretch of the sentence. Claims that
are not statements of a current level (changes, baselines, forecasts, questions, ranks) get
no subject."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from numcheck.claims import Claim
from numcheck.matching.subject import ATTRIBUTE_WORDS, ATTRIBUTES, Nature, Subject, unit_class
from numcheck.matching.table import Table, default_table
from numcheck.matching.words import (
    POSSESSIVE,
    WORD,
    entities_in,
    events_in,
    hedged,
    is_place_phrase,
    known_names,
    normalise_phrase,
    period_in,
    places_in,
    tokens_of,
)

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
NP_STOP = frozenset(
    "a an the and or but of in on at to for from by with without about into onto over under "
    "is are was were be been has have had do does did will would can could may might must "
    "that which who this these those there here it its they them their he his she her we our "
    "you your i my not no also only just even still very too each every all both either any "
    "some such other another said says say told according while if because than as per when "
    "where new".split()
)
_PREPOSITIONS = frozenset("of in from for at on among across over near between along under "
                          "beside".split())
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


_STATED_BOUND = re.compile(
    r"(?:\b(?:about|around|roughly|approximately|some|nearly|almost|just|over|under|only|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|close\s+to|"
    r"an\s+estimated|as\s+many\s+as|below|above)\s+)+$", re.I)


def stated(claim: Claim) -> str:
    """The number as written with the bound words before it: "Some 4,000", "at least 300"."""
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    m = _STATED_BOUND.search(before[-40:])
    return f"{m.group(0)}{claim.text}" if m else claim.text


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
        lowered = [POSSESSIVE.sub("", w.lower()) for w in run]
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
    noun = _split_phrase(WORD.findall(claim.quantity_of), table)
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
    tokens = tokens_of(_BOUND_TAIL.sub("", before))
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
    return token.lower() not in NP_STOP and token.lower() not in _LINK_VERBS and \
        token.lower() not in _CHANGE_VERBS and token.lower() not in _AUX


# "the roughly 2,000 US troops", "all 4,000 troops": a definite reference to an existing
# quantity, which stays a statement of fact even in a sentence about the future.
_DEFINITE = re.compile(r"\b(?:the|all|its|their|his|her|our|those|these)\s+(?:(?:roughly|about|"
                       r"around|some|nearly|almost|estimated|remaining|last)\s+)*$", re.I)
_DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday "
                       "today tonight".split())
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
    if "?" in claim.sentence:
        return None
    if hedged(clause, table) and not _DEFINITE.search(before):
        return None  # a forecast or condition; "will withdraw [the] 2,000 troops" is not
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
    entities = entities_in(clause, table, at_start, known) | set(noun.names)
    head, modifiers = noun.head, list(noun.modifiers)
    if not head and claim.kind != "measure":
        return None  # "Microsoft ... 5,000": a name, not what is counted
    if claim.kind == "measure":
        attribute = ATTRIBUTES.get(klass)
        if attribute is None:
            return None
        # A measured thing is named by its attribute; the noun ("bridge") becomes a modifier,
        # words that only restate the attribute ("surface area", "total length") are dropped.
        modifiers = [m for m in (*modifiers, head) if m and m not in ATTRIBUTE_WORDS]
        head = attribute
    words = WORD.findall(clause)
    places = places_in(words, table)
    own = {head, *modifiers}
    entities = {e for e in entities if not is_place_phrase(e, table)
                and not set(normalise_phrase(e.split(), table)) <= own}
    modifiers = [m for m in modifiers if m not in table.places]
    generic = claim.kind != "measure" and (head in table.generic or head in table.people)
    period = period_in(clause) | period_in(_sentence_opening(claim, others or (claim,)))
    if claim.kind == "measure":
        # The day a bridge was crossed is not when its length held: for a measured attribute
        # only years, months and longer spans tell two measurements apart.
        period = {p for p in period if p not in _DAY_WORDS}
    nature: Nature = "cumulative" if head in table.cumulative or " ".join(
        (*modifiers, head)) in table.cumulative else "stock"
    return Subject(
        head=head,
        modifiers=tuple(dict.fromkeys(modifiers)),  # as written; compared as a set
        unit_class=klass,
        places=tuple(sorted(places)),
        entities=tuple(sorted(entities)),
        events=tuple(sorted(events_in(words, table))),
        period=tuple(sorted(period)),
        nature=nature,
        generic=generic,
        counted=counted is not None and claim.kind != "measure",
    )


def subjects(claims: Iterable[Claim], table: Table | None = None, text: str | None = None
             ) -> Iterator[tuple[Claim, Subject]]:
    """Every claim with a subject, in order; claims are read with their sentence's others.
    ``text`` (the document's, for claims of one document) supplies the article's setting for
    running totals that name no place or event of their own."""
    table = table or default_table()
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    ordered = [c for c in claims if c.is_quantity]
    sentences: dict[str, dict[int, str]] = defaultdict(dict)
    for claim in ordered:
        by_sentence[(claim.path, claim.sentence_start)].append(claim)
        sentences[claim.path][claim.sentence_start] = claim.sentence
    known = {path: known_names(texts.values()) for path, texts in sentences.items()}
    settings: dict[str, tuple[set[str], set[str]]] = {}
    for claim in ordered:
        subject = subject_of(claim, by_sentence[(claim.path, claim.sentence_start)], table,
                             known[claim.path])
        if subject is None:
            continue
        if subject.nature == "cumulative" and not (subject.places and subject.events):
            if claim.path not in settings:
                context = [text] if text is not None else sentences[claim.path].values()
                settings[claim.path] = _setting(context, table)
            subject = _in_setting(subject, *settings[claim.path])
        yield claim, subject


def _setting(sentences: Iterable[str], table: Table) -> tuple[set[str], set[str]]:
    """The places and events named anywhere in a document."""
    places: set[str] = set()
    events: set[str] = set()
    for sentence in sentences:
        words = WORD.findall(sentence)
        places |= places_in(words, table)
        events |= events_in(words, table)
    return places, events


def _in_setting(subject: Subject, places: set[str], events: set[str]) -> Subject:
    """A running total without a place or event of its own ("the death toll has risen to
    2,012") takes the document's, when the document names only one of each: an article
    about one earthquake in one country counts that earthquake's dead."""
    if not subject.places and len(places) == 1:
        subject = replace(subject, places=tuple(places))
    if not subject.events and len(events) == 1:
        subject = replace(subject, events=tuple(events))
    return subject
