"""Kind ``repeat``: one quantity of one thing stated twice in an article with values that cannot
both be true ("46 people were killed" in one paragraph, "the 39 victims" in the next; "Smith,
45," then "Mr Smith, 46,").

Two mentions are taken to state the same quantity only when everything says so, because a
false alarm here accuses the writer of an error that is not there:

* the same *subject*: the same event class with the same counted noun ("46 people were killed",
  "killing 39 people", "the death toll rose to 39"); or the same named person's age; or the same
  specific noun phrase with the second mention definite ("the firm's 1,200 staff" … "its 1,500
  staff");
* the same kind and unit dimension (currencies: the same currency);
* the same time and place words in both sentences ("last year", "in 2003", "on Monday", "in
  Basra"), and neither sentence marking its figure as another one (a separate attack, earlier
  reports, a forecast, an average, a subset: "including 12 children");
* neither number a change ("rose by 5"), a bound of a range, a comparison ("more than last
  year's 45"), or one of several same-subject numbers in its sentence (a breakdown).

Then the two intervals (rounding and bounds included: "more than 60" is (60, ∞)) must be
disjoint. A later "has risen to 39" after "46 were killed" is an update only when it goes up:
a cumulative count that goes down is a contradiction.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from numcheck import units
from numcheck.claims import Claim, Interval
from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._subjects import (
    GENERIC_HEADS,
    Person,
    Subject,
    other_figure,
    person_before,
    place_words,
    qualifier_scope,
    subject_of,
    surname_is_shared,
    time_words,
)

# "the death toll has risen to 39", "climbed to 46": a cumulative update of the same count.
_RISEN_TO = re.compile(
    r"\b(?:risen|rose|rises|climbed|climbs|jumped|increased|grown|grew|reached|reaches|hit)\b"
    r"(?:[^.;]{0,30}?\bto)?\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+"
    r"|almost\s+)?$",
    re.I,
)
# "fell by 5 to 41", "was revised to 41": the level a change reached, not the change.
_CHANGED_TO = re.compile(r"\bto\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+"
                         r"|nearly\s+|almost\s+)?$", re.I)
# The number is a change, a comparison or a subset, not the quantity itself.
_NOT_A_LEVEL = re.compile(
    r"(?:\b(?:by|up|down|another|further|additional|extra|from|against|versus|including"
    r"|includes|included|of\s+whom|of\s+them|among\s+them|such\s+as|one\s+in|out\s+of"
    r"|compared\s+(?:with|to)|a\s+further|an\s+additional|first|last|next|final|remaining"
    r"|latest|initial|other)|(?<!more)(?<!less)(?<!fewer)"
    r"(?<!rather)\s+than)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+"
    r"|almost\s+|only\s+|just\s+)?$",
    re.I,
)
_PARTITIVE_AFTER = re.compile(r"^\s*(?:of|out\s+of|in\s+(?:every|\d)|per\b|each\b|apiece\b)",
                              re.I)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|his|her|all|those|these|our)\s+$", re.I)
# "Smith, then 30," / "Smith, 30 when he joined": an age at another time.
_AGE_THEN_BEFORE = re.compile(r"\bthen\s+(?:aged\s+)?$", re.I)
_AGE_THEN_AFTER = re.compile(r"^\s*,?\s*(?:when|at\s+the\s+time|in\s+(?:19|20)\d\d)\b", re.I)


# "About 1,100 jobs will go in investment banking": a part of the whole, scoped by a bare
# lower-case noun phrase — not a place (compared separately), not the event ("in the blast"),
# not a determined location ("at its Oxford plant", "from their homes").
_EVENT_SCOPES = (
    r"the\s+(?:\w+\s+)?(?:blast|attack|bombing|explosion|fire|crash|accident|collision|"
    r"earthquake|quake|tsunami|flood|floods|flooding|storm|hurricane|violence|fighting|clashes|"
    r"incident|disaster|riot|riots|raid|shooting|ambush|avalanche|landslide|stampede|collapse)"
)
_SCOPE = re.compile(
    rf"^\s*(?i:(?:(?:were|was|are|is|have|has|had|will|would|be|been|being)\s+)*"
    rf"(?:killed|dead|died|injured|wounded|hurt|arrested|detained|missing|evacuated|go|lost|cut"
    rf"|axed|shed)?\s*(?:in|at|among|across|within|from)\s+(?!{_EVENT_SCOPES}))"
    rf"(?!(?:the|its|their|his|her|a|an|this|that|our|these|those)\b)(?=[a-z])",
)
_SCOPE_AFTER = re.compile(r"^\s*(?:respectively|each|apiece)\b", re.I)


def _scoped(sentence: str, end: int, phrase: str | None) -> bool:
    after = sentence[end : end + 120]
    if phrase:
        at = after.find(phrase)
        if 0 <= at <= 3:
            after = after[at + len(phrase) :]
    if re.search(r"\brespectively\b", sentence[end : end + 300], re.I):
        return True
    return _SCOPE.match(after) is not None


@dataclass(frozen=True)
class Mention:
    """One number that may restate a quantity stated elsewhere in the article."""

    claim: Claim
    subject: Subject
    person: Person | None
    definite: bool
    rises: bool
    times: frozenset[str]
    places: frozenset[str]
    other: bool  # the number's clause marks it as another figure (a forecast, earlier reports)
    #: a subset or comparison ("500 of its patents"): it can confirm a later mention but is
    #: never itself flagged nor compared as a whole
    support_only: bool = False

    @property
    def sentence_start(self) -> int:
        return self.claim.sentence_start


def _relative(claim: Claim) -> tuple[str, int, int]:
    return claim.sentence, claim.start - claim.sentence_start, claim.end - claim.sentence_start


def mention_of(claim: Claim, kinds: frozenset[str]) -> Mention | None:
    """The mention a claim makes, or None when it cannot be matched safely."""
    if claim.kind not in kinds or claim.upper is not None:
        return None
    sentence, start, end = _relative(claim)
    before = sentence[max(0, start - 40) : start]
    after = sentence[end : end + 60]
    support_only = bool(_NOT_A_LEVEL.search(before) or _PARTITIVE_AFTER.match(after)
                        or _SCOPE_AFTER.match(after))
    subject = subject_of(sentence, start, end, claim.quantity_of)
    if claim.change is not None and not _CHANGED_TO.search(before) and \
            subject.event != "job-loss":
        # A change ("rose by 5", "a 5% fall") unless it is the level a change reached; job
        # cuts ("will cut 1,200 jobs") are the one event counted by a verb of change.
        return None
    person = person_before(sentence, start) if claim.kind == "age" else None
    if claim.kind == "age" and (person is None or _AGE_THEN_BEFORE.search(before)
                                or _AGE_THEN_AFTER.match(after)):
        return None  # only "Name, 45," — the age now — is compared
    scope = qualifier_scope(sentence, start, end)
    if not support_only and subject.event is not None:
        support_only = _scoped(sentence, end, claim.quantity_of)
    return Mention(
        claim=claim,
        subject=subject,
        person=person,
        definite=bool(_DEFINITE_BEFORE.search(before)),
        rises=bool(_RISEN_TO.search(before)),
        times=time_words(scope),
        places=place_words(scope),
        other=other_figure(scope),
        support_only=support_only,
    )


def same_subject(a: Mention, b: Mention, min_count: float) -> str | None:
    """How ``a`` and ``b`` are known to state one quantity ("event", "age", "phrase"), or None."""
    if a.claim.kind != b.claim.kind:
        return None
    if a.claim.kind == "age":
        if a.person is None or b.person is None or not a.person.same_as(b.person):
            return None
        return "age"
    if a.person or b.person:
        return None
    sa, sb = a.subject, b.subject
    if sa.event is not None or sb.event is not None:
        if sa.event != sb.event:
            return None
        if sa.key == sb.key:
            return "event"
        generic = {sa.head, sb.head} <= GENERIC_HEADS | {None}
        return "event" if generic and (sa.head is None or sb.head is None) else None
    # A noun phrase alone identifies a quantity only when it is specific (two or more content
    # words) and the later mention refers back to it ("the 1,200 car workers").
    if len(sa.key) < 2 or sa.key != sb.key or not b.definite:
        return None
    if min(a.claim.value, b.claim.value) < min_count:
        return None
    return "phrase"


def _comparable_units(a: Claim, b: Claim) -> bool:
    if a.unit is None or b.unit is None:
        return a.unit is None and b.unit is None
    if units.is_currency(a.unit) or units.is_currency(b.unit):
        return a.unit == b.unit
    return units.compatible(a.unit, b.unit)


def _own_interval(claim: Claim) -> Interval:
    # An age is a count of whole years: "Smith, 40," is 40, not the 35–45 a measurement
    # rounded at its last non-zero digit would allow.
    if claim.kind == "age" and claim.bound == "=":
        return Interval(claim.value - 0.5, claim.value + 0.5, True, False)
    return claim.interval


def _interval(claim: Claim, unit: str | None) -> Interval:
    if claim.unit is None or unit is None or claim.unit == unit:
        return _own_interval(claim)
    factor, offset = units.affine(claim.unit, unit)
    return _own_interval(claim).scaled(factor, offset)


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "∞"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.0f}"


def _allowed(claim: Claim, iv: Interval) -> str:
    if claim.bound in (">", ">="):
        return f"{'at least' if claim.bound == '>=' else 'more than'} {_fmt(iv.low)}"
    if claim.bound in ("<", "<="):
        return f"{'at most' if claim.bound == '<=' else 'less than'} {_fmt(iv.high)}"
    if math.isclose(iv.low, iv.high):
        return _fmt(iv.low)
    return f"{_fmt(iv.low)}–{_fmt(iv.high)}"


@dataclass(frozen=True)
class Conflict:
    first: Mention
    second: Mention
    how: str  # "event" | "age" | "phrase"
    went_down: bool  # a cumulative update that goes down


def _mentions(ctx: DocumentContext, kinds: frozenset[str]) -> list[Mention]:
    mentions = [m for c in ctx.claims if (m := mention_of(c, kinds)) is not None]
    # A sentence with two numbers about one subject is a breakdown or a list: "12 were killed in
    # Basra and 34 in Baghdad". None of them stands for the whole.
    per_sentence = Counter((m.sentence_start, m.subject, m.person) for m in mentions)
    return [m for m in mentions if per_sentence[(m.sentence_start, m.subject, m.person)] == 1]


def _bucket(m: Mention) -> tuple[str, ...] | None:
    """Mentions that can state one quantity share a bucket (see :func:`same_subject`)."""
    if m.claim.kind == "age":
        return ("age", m.person.surname) if m.person else None
    if m.subject.event is not None:
        return (m.claim.kind, m.subject.event)
    if len(m.subject.key) >= 2:
        return (m.claim.kind, *m.subject.key)
    return None


#: A subject stated more often than this in one document is a table or a list, not prose.
MAX_MENTIONS = 100


def conflicts(ctx: DocumentContext, kinds: frozenset[str], min_count: float) -> Iterator[Conflict]:
    buckets: dict[tuple[str, ...], list[Mention]] = {}
    for m in _mentions(ctx, kinds):
        key = _bucket(m)
        if key is not None:
            buckets.setdefault(key, []).append(m)
    found = [c for group in buckets.values() if len(group) <= MAX_MENTIONS
             for c in _conflicts_in(ctx, group, min_count)]
    yield from sorted(found, key=lambda c: (c.second.claim.start, c.first.claim.start))


def _conflicts_in(ctx: DocumentContext, group: list[Mention], min_count: float
                  ) -> Iterator[Conflict]:
    mentions = sorted(group, key=lambda m: m.claim.start)
    for j, b in enumerate(mentions):
        if b.support_only:
            continue
        earlier = [(a, how) for a in mentions[:j] if (how := _matches(ctx, a, b, min_count))]
        # A later mention that agrees with any earlier one of its subject is not flagged: "IBM
        # frees 500 of its patents … the 500 patents" is fine whatever else was said.
        if not earlier or any(_overlap(a, b) for a, _ in earlier):
            continue
        wholes = [(a, how) for a, how in earlier if not a.support_only]
        if not wholes:
            continue
        a, how = wholes[-1]  # against the nearest earlier statement of the whole
        ia, ib = _own_interval(a.claim), _interval(b.claim, a.claim.unit)
        went_down = b.rises and ib.high <= ia.low
        if b.rises and not went_down:
            continue  # "has risen to 52" after "46 were killed": an update
        yield Conflict(a, b, how, went_down)


def _overlap(a: Mention, b: Mention) -> bool:
    return _own_interval(a.claim).overlaps(_interval(b.claim, a.claim.unit))


def _matches(ctx: DocumentContext, a: Mention, b: Mention, min_count: float) -> str | None:
    """How ``a`` and ``b`` (in different sentences) state one quantity, or None."""
    if a.sentence_start == b.sentence_start:
        return None
    how = same_subject(a, b, min_count)
    if how is None or not _comparable_units(a.claim, b.claim):
        return None
    if how == "age":
        assert a.person is not None
        return None if surname_is_shared(ctx.document.text, a.person.surname) else how
    if a.times != b.times or a.places != b.places:
        return None
    if a.other or b.other:
        return None
    return how


_EVENT_WORDS: Mapping[str, str] = {
    "death": "killed", "injury": "injured", "arrest": "arrested", "missing": "missing",
    "evacuation": "evacuated", "job-loss": "to go", "hostage": "held hostage",
}
_EVENT_NOUNS = re.compile(r"\b(?:deaths?|dead|fatalities|injur|wounded|arrests|cuts|losses"
                          r"|redundancies|layoffs|evacuees|hostages)", re.I)


def describe_subject(c: Conflict) -> str:
    """What both numbers count, in the later mention's words: "people killed", "job cuts"."""
    if c.how == "age":
        person = c.first.person
        assert person is not None
        return f"as the age of {' '.join((*person.given, person.surname))}"
    later = c.second.claim.quantity_of or c.first.claim.quantity_of
    event = c.first.subject.event
    if event is None:
        return later or "of the same thing"
    if later and _EVENT_NOUNS.search(later):
        return later  # "job cuts", "deaths": the noun names the event
    who = later or ("jobs" if event == "job-loss" else "people")
    return f"{who} {_EVENT_WORDS.get(event, event)}"


@register
class RepeatKind:
    """A quantity stated twice in one article with values that cannot both be true.

    Message placeholders: ``{subject}`` ("people killed", "the age of John Smith"),
    ``{first}``/``{second}`` (the two numbers as written, in text order) and ``{first_line}``.
    """

    kind: ClassVar[str] = "repeat"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Checks that a quantity stated twice in one article — a death toll, the number of "
            "jobs to go, a named person's age — is stated with compatible values, allowing for "
            "rounding and for words such as \"more than\" or \"about\"."
        ),
        why=(
            "When a story says 46 people died in one paragraph and 39 in the next, readers "
            "cannot tell which is right, and one of them is not."
        ),
        example=(
            "At least 46 people were killed in the blast. … Police said 39 people were killed."
        ),
        fix="Use one figure, or say why they differ (\"an earlier count put the toll at 39\").",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "kinds": {
                "description": "Claim kinds compared (percentages are left out by default: "
                               "two shares in one article are rarely of the same whole).",
                "type": "array",
                "items": {"enum": ["count", "measure", "money", "age", "percent"]},
                "uniqueItems": True,
                "default": ["count", "measure", "money", "age"],
            },
            "min_count": {
                "description": "Two mentions matched by their noun phrase alone (no event, no "
                               "person) are compared only when both numbers are at least this.",
                "type": "number", "minimum": 0, "default": 10,
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        kinds = frozenset(rule.param("kinds", ["count", "measure", "money", "age"]))
        min_count = float(rule.param("min_count", 10))
        for c in conflicts(ctx, kinds, min_count):
            yield self._finding(rule, ctx, c)

    def _finding(self, rule: RuleSpec, ctx: DocumentContext, c: Conflict) -> Finding:
        a, b = c.first.claim, c.second.claim
        subject = describe_subject(c)
        ia, ib = _own_interval(a), _interval(b, a.unit)
        explanation = (
            f"line {a.line}: \"{a.text}\" allows {_allowed(a, ia)}; line {b.line}: \"{b.text}\" "
            f"allows {_allowed(b, ib)}; no value satisfies both"
        )
        if c.went_down:
            explanation += "; a count that has risen cannot go down"
        fields = {"subject": subject, "first": a.text, "second": b.text,
                  "first_line": str(a.line)}
        message = re.sub(r"\{(\w+)\}", lambda m: fields.get(m.group(1), m.group(0)),
                         rule.message)
        # No suggestion: nothing says which of the two figures is the right one.
        return ctx.finding(rule, message, [ctx.evidence(b), ctx.evidence(a)], explanation)
