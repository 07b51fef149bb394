"""Kind ``part-whole``: a total and the parts listed with it in the same sentence.

Two shapes of English enumeration, with different promises:

* a *complete* list — apposition after a dash or colon ("killed four Americans – two service
  members, a Pentagon civilian and a US contractor"), "made up of", "comprising", "consisting
  of" — names every part, so the parts must add up to the total;
* a *partial* list — "including", "among them", "of whom", "of which", "Of the 30 dead, 20 were
  soldiers and 12 civilians" — names some parts, so they must not add up to more than it.

The list is read from the text, item by item: each item starts with a number (or "a"/"an", a
count of one) and ends at a separator (", ", " and ", ", and "). A complete list must be regular
from its first item to its end, with "and" before its last item; anything else (an uncounted
item such as "and their driver", a clause, another number) means it is not checked. A partial
list simply stops at the first irregularity: fewer parts can never make a false alarm.

Numbers in one list are read at one precision, the finest written in it: beside "12 children",
"30 people" means 30, not 25 to 35; counts are whole numbers ("four" is exactly 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from numcheck.claims import Claim, Interval
from numcheck.findings import Evidence, Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._pairing import (
    BOUND_WORDS,
    add,
    allowed,
    describe,
    fmt,
    in_scale,
    integral,
    is_count,
    literal_step,
    render,
    replace_number,
    sentence_groups,
    written_scale,
)
from numcheck.safe_regex import SafePattern, any_of

DEFAULT_COMPLETE = (
    r"[–—:]", r"\s-\s", r"made\s+up\s+of", r"compris(?:ing|ed|es|e)",
    r"consist(?:ing|ed|s)?\s+of",
    r"(?:split|divided|broken\s+down)\s+(?:into|between)",
)
DEFAULT_PARTIAL = (
    r"including", r"among\s+(?:them|whom|those)", r"amongst\s+(?:them|whom)", r"of\s+whom",
    r"of\s+which", r"included",
)

# An item that is not a claim: "a"/"an" before a noun counts one ("a Pentagon civilian").
_ONE = re.compile(r"(?:an?|one)\s+(?=[A-Za-z])", re.I)
_BOUNDS = re.compile(BOUND_WORDS, re.I)
# After an item's number: its noun (no digits, no clause punctuation), then a separator or the
# end of the list.
_ITEM_TAIL = re.compile(
    r"(?P<noun>[^\d.;:()\[\]–—,!?\"“”]*?)"
    r"(?:(?P<sep>\s*,\s*(?:and\s+|or\s+|plus\s+)?|\s+(?:and|or|plus|as\s+well\s+as)\s+)"
    r"|(?P<end>\s*(?:[.;:()\[\]–—!?\"“”]|\s-\s|$)))"
)
# "45 points: 10 more than Arsenal and 12 ahead of Everton": differences, not parts.
_COMPARATIVE = re.compile(
    r"^(?:more|fewer|less|ahead|behind|higher|lower|up|down|above|below|short|clear|better"
    r"|worse|extra|additional|over|under|times|fold|per\s*cent|percent|a\s+(?:year|day|week"
    r"|month|head)|each|apiece|per)\b",
    re.I,
)
_AND = re.compile(r"\b(?:and|or|plus|as\s+well\s+as)\b", re.I)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|said|says|been|being|did|do|"
    r"does|can|may|might|must)\b",
    re.I,
)
_FRACTION = re.compile(r"half|third|quarter|fifth|tenth|/", re.I)
_OF_THE = re.compile(
    r"\b[Oo]f\s+(?:the|these|those|its|his|her|their|our|all)\s+" + BOUND_WORDS + r"$"
)
_OF_THE_TAIL = re.compile(r"[^\d.;:()\[\]–—,]{0,40},\s+")
# Numbers that name rather than count: "the Three Gorges" (a capitalised number word inside a
# sentence), "the 3230 and 7710" (a number after "the" with nothing counted), "top three hits" (a
# rank band), "the last five years".
_NAME_WORD = re.compile(r"[A-Z][a-z]+$")
_RANK_BEFORE = re.compile(
    r"\b(?:top|bottom|first|last|final|best|worst|next|previous|past|the)[\s-]+$", re.I
)
_HEAD_NOUN = re.compile(r"^[^\d.;:()\[\]–—!?\"“”]{0,80}$")
# "killed 12 people – including two children": a partial list may follow a dash.
_PARTIAL_HEAD = re.compile(r"^[^\d.;:()\[\]!?\"“”]{0,80}$")
_NOUN_WORDS = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(frozen=True)
class Item:
    """One listed part: a claim, or "a"/"an" counting one."""

    start: int
    end: int
    claim: Claim | None
    noun: str

    @property
    def value(self) -> float:
        return 1.0 if self.claim is None else self.claim.value


@dataclass(frozen=True)
class Listing:
    """A total and the parts listed with it."""

    total: Claim
    items: tuple[Item, ...]
    complete: bool
    trigger: str


@cache
def _trigger_re(patterns: tuple[str, ...]) -> SafePattern:
    # Triggers come from rule packs (user YAML): matched under a time limit, so a pattern that
    # backtracks catastrophically stops this rule on one document instead of hanging the run.
    return any_of(patterns, re.I)


def _same_family(total: Claim, part: Claim) -> bool:
    """Parts are counted like the total: both bare counts, or both in one unit."""
    if part.change or part.kind in ("percent", "age") or part.unit == "percent":
        return False
    if is_count(total):
        return is_count(part) and float(part.value).is_integer() and not _FRACTION.search(
            part.text
        )
    return part.unit == total.unit


def names_something(claim: Claim, text: str) -> bool:
    """True for a number that is part of a name or a rank, not a count of anything."""
    before = text[max(claim.sentence_start, claim.start - 12) : claim.start]
    if claim.start > claim.sentence_start and _NAME_WORD.match(claim.text):
        return True
    if _RANK_BEFORE.search(before):
        # "the two men" still counts; "the 3230" (nothing counted) and "top three" do not.
        return not before.lower().rstrip().endswith("the") or not claim.quantity_of
    return False


def _item_at(
    text: str, pos: int, limit: int, total: Claim, starts: Mapping[int, Claim]
) -> tuple[Claim | None, int] | None:
    """The item starting at ``pos`` (its claim, or None for "a"/"an") and where its number
    ends; None when no part of this total starts there."""
    bound = _BOUNDS.match(text, pos, limit)
    claim = starts.get(bound.end() if bound else pos) or starts.get(pos)
    if claim is not None:
        if not _same_family(total, claim) or names_something(claim, text):
            return None
        return claim, claim.end
    one = _ONE.match(text, pos, limit)
    if one is None or not is_count(total):
        return None
    return None, one.end()


def _read_items(
    text: str, pos: int, limit: int, total: Claim, starts: Mapping[int, Claim]
) -> tuple[list[Item], bool, bool]:
    """Items from ``pos``: (items, regular to the end, "and" before the last item)."""
    items: list[Item] = []
    before_last = ""  # the separator before the latest item
    pending: str | None = None  # the separator after it
    while pos < limit:
        found = _item_at(text, pos, limit, total, starts)
        if found is None:
            if pending is None or _AND.search(pending):
                return items, False, False  # nothing listed, or "and their driver"
            return items, True, bool(_AND.search(before_last))  # ", who ..." ends the list
        claim, after = found
        tail = _ITEM_TAIL.match(text, after, limit)
        if tail is None:
            return items, False, False
        noun = tail.group("noun").strip()
        if _COMPARATIVE.match(noun):
            return items, False, False
        items.append(Item(pos, after, claim, noun or (claim.quantity_of or "" if claim else "")))
        before_last = pending or ""
        if tail.group("sep") is None:
            return items, True, bool(_AND.search(before_last))
        pending = tail.group("sep")
        if len(items) == 1 and "," in pending and _AND.search(pending):
            # ", and" after one item starts a new clause (an Oxford comma needs three items).
            return items, True, False
        pos = tail.end()
    return items, True, bool(_AND.search(before_last))


# A part named first, its number in brackets: "health (£500m), education (£400m) and transport
# (£200m)".
_NAMED_PART = re.compile(r"\s*(?P<noun>[A-Za-z][^\d.;:()\[\]–—,!?\"“”]{0,40}?)\s*\(\s*")
_NAMED_PART_END = re.compile(
    r"\s*\)(?:(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+)|(?P<end>\s*(?:[.;:–—!?]|\s-\s|$)))"
)


def _read_named_items(
    text: str, pos: int, limit: int, total: Claim, starts: Mapping[int, Claim]
) -> tuple[list[Item], bool, bool]:
    """Items written "noun (number)", in the shape :func:`_read_items` returns."""
    items: list[Item] = []
    separators: list[str] = []
    while pos < limit:
        head = _NAMED_PART.match(text, pos, limit)
        claim = starts.get(head.end()) if head is not None else None
        if head is None or claim is None or not _same_family(total, claim):
            return items, False, False
        tail = _NAMED_PART_END.match(text, claim.end, limit)
        if tail is None:
            return items, False, False
        items.append(Item(claim.start, claim.end, claim, head.group("noun").strip()))
        if tail.group("sep") is None:
            last_and = bool(separators) and bool(_AND.search(separators[-1]))
            return items, True, last_and
        separators.append(tail.group("sep"))
        pos = tail.end()
    return items, False, False


def _regular_complete(items: Sequence[Item], regular: bool, last_and: bool) -> bool:
    if not regular or len(items) < 2 or not last_and:
        return False
    for item in items:
        words = _NOUN_WORDS.findall(item.noun)
        if len(words) > 6 or _FINITE_VERB.search(item.noun) or _AND.search(item.noun):
            return False
    return True


def listings(
    ctx: DocumentContext,
    complete: Sequence[str] = DEFAULT_COMPLETE,
    partial: Sequence[str] = DEFAULT_PARTIAL,
) -> Iterator[Listing]:
    """Every total with a list of its parts, in text order."""
    text = ctx.document.text
    complete_re = _trigger_re(tuple(complete))
    partial_re = _trigger_re(tuple(partial))
    for group in sentence_groups(ctx.claims):
        starts = {c.start: c for c in group}
        sentence_end = group[0].sentence_start + len(group[0].sentence)
        for index, total in enumerate(group):
            if total.change or total.kind not in ("count", "money", "measure"):
                continue
            if (total.kind == "count" and not is_count(total)) or names_something(total, text):
                continue
            yield from _parts_before(text, group, index, starts)
            of = _part_of_whole(text, group[index - 1], total) if index > 0 else None
            if of is not None:  # "25 of the 27 buildings", "nine out of 10 members"
                part = group[index - 1]
                yield Listing(total, (Item(part.start, part.end, part, ""),), False, of)
            following = group[index + 1] if index + 1 < len(group) else None
            if following is None:
                continue
            found = _after_trigger(text, total, following, complete_re, partial_re)
            if found is None:
                found = _of_the(text, total, following)
            if found is None:
                continue
            pos, is_complete, trigger = found
            items, regular, last_and = _read_items(text, pos, sentence_end, total, starts)
            if not items and is_complete:
                items, regular, last_and = _read_named_items(text, pos, sentence_end, total,
                                                             starts)
            if not items:
                continue
            if is_complete and not _regular_complete(items, regular, last_and):
                continue
            yield Listing(total, tuple(items), is_complete, trigger)


# A total after its parts: "5,000 in the UK, 3,000 in France and 2,500 in Germany, a total of
# 10,000", "..., making 10,500 in all".
_TOTAL_AFTER = re.compile(
    r",?\s+(?:a\s+total\s+of|for\s+a\s+total\s+of|making(?:\s+a\s+total\s+of)?|totall?ing"
    r"|in\s+all|altogether)\s+" + BOUND_WORDS + r"$",
    re.I,
)


def _parts_before(text: str, group: Sequence[Claim], index: int, starts: Mapping[int, Claim]
                  ) -> Iterator[Listing]:
    """The parts listed before the total ``group[index]`` ("…, a total of 10,000"): the
    longest run of items, from an earlier claim, that ends right where the total's words
    begin and makes a regular list."""
    total = group[index]
    words = _TOTAL_AFTER.search(text, max(total.sentence_start, total.start - 40), total.start)
    if words is None:
        return
    for first in group[:index]:
        items, regular, last_and = _read_items(text, first.start, words.start(), total, starts)
        if not items or items[-1].end + len(items[-1].noun) + 1 < words.start() - 1:
            continue  # the run stops short of the total's words: not its parts
        if _regular_complete(items, regular, last_and):
            yield Listing(total, tuple(items), True, words.group(0).strip(" ,"))
        return


# A part named before its whole: "25 of the 27 buildings", "nine out of 10 members", "10 of
# its 27 plants", "1.1m of the UK's 1.6m Muslims", "three of the world's 10 biggest banks".
_PART_OF = re.compile(
    r"\s+(?P<of>out\s+of|of\s+(?:the|its|their|his|her|our|these|those|all"
    r"|(?:the\s+)?(?:[\w.&-]+\s+){0,2}[\w.&-]+['’]s))\s+" + BOUND_WORDS + r"$",
    re.I,
)


def _part_of_whole(text: str, part: Claim, total: Claim) -> str | None:
    """The words ("of the", "out of") by which ``part`` counts some of ``total``, written "N
    of the M": one part of the same kind and unit, a number (not "a third of the 2,000")."""
    if part.kind != total.kind or part.unit != total.unit or part.upper is not None \
            or part.change or part.value < 1 or part.end > total.start:
        return None
    if re.match(r"-\w", text[total.end : total.end + 2]) \
            or re.search(r"\b(?:one|two|three|four|five|a|\d+)\s+in\s+$",
                         text[max(0, part.start - 12) : part.start]):
        return None  # "500 of its 777-200LR planes" (a model); "one in 13 of the 48 million"
    m = _PART_OF.fullmatch(text, part.end, total.start)
    return None if m is None else " ".join(m.group("of").split())


def _after_trigger(
    text: str,
    total: Claim,
    following: Claim,
    complete_re: SafePattern,
    partial_re: SafePattern,
) -> tuple[int, bool, str] | None:
    """ "four Americans – two ...", "30 people, including 12 ...": where the items start."""
    gap_end = following.start
    gap = text[total.end : gap_end]
    best: tuple[int, bool, str] | None = None
    for is_complete, pattern in ((True, complete_re), (False, partial_re)):
        for m in pattern.finditer(gap):
            head = gap[: m.start()]
            if not (_HEAD_NOUN if is_complete else _PARTIAL_HEAD).match(head):
                continue
            if is_complete and ("," in head or len(_NOUN_WORDS.findall(head)) > 6):
                continue  # apposition attaches to the total's own noun phrase
            if not is_complete and head.count(",") > 2:
                continue
            start = total.end + m.end()
            while start < gap_end and text[start].isspace():
                start += 1
            candidate = (start, is_complete, m.group(0).strip() or m.group(0))
            if best is None or candidate[0] > best[0]:
                best = candidate
    return best


def _of_the(text: str, total: Claim, following: Claim) -> tuple[int, bool, str] | None:
    """ "Of the 30 dead, 20 were soldiers and 12 civilians": a partial list after the total."""
    before = text[max(total.sentence_start, total.start - 40) : total.start]
    if not _OF_THE.search(before):
        return None
    tail = _OF_THE_TAIL.match(text, total.end, following.start + 1)
    if tail is None:
        return None
    return tail.end(), False, "of the"


# --------------------------------------------------------------------------- arithmetic


def _steps(listing: Listing) -> dict[int, float]:
    """One precision for the whole statement: the finest step among its numbers."""
    claims = [listing.total, *(i.claim for i in listing.items if i.claim is not None)]
    finest = min(c.step for c in claims)
    return {c.start: min(c.step, max(literal_step(c), finest)) for c in claims}


def _value_interval(claim: Claim | None, steps: Mapping[int, float]) -> Interval:
    if claim is None:
        return Interval(1.0, 1.0, True, True)
    iv = allowed(claim, steps.get(claim.start))
    return integral(iv) if is_count(claim) else iv


@dataclass(frozen=True)
class Verdict:
    total: Interval
    parts: Interval
    holds: bool


def judge(listing: Listing) -> Verdict:
    steps = _steps(listing)
    total = _value_interval(listing.total, steps)
    parts = Interval(0.0, 0.0, True, True)
    for item in listing.items:
        parts = add(parts, _value_interval(item.claim, steps))
    if listing.complete:
        holds = parts.overlaps(total)
    else:
        holds = parts.low < total.high or (
            parts.low == total.high and parts.low_closed and total.high_closed
        )
    return Verdict(total, parts, holds)


_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)


def _as_written(value: float, like: Claim) -> str:
    """``value`` in the style of ``like``: words for small numbers written in words, the
    scale it is written in ("3.5 million": 3.9, to stand before its "million")."""
    if not re.search(r"\d", like.text) and value.is_integer() and 0 <= value <= 20:
        word = _WORDS[int(value)]
        return word.capitalize() if like.text[:1].isupper() else word
    return fmt(value / written_scale(like), 12)


def _total_phrase(listing: Listing, text: str) -> str:
    total = listing.total
    noun = total.quantity_of
    phrase = text[total.start : total.end]
    if noun and text[total.end : total.end + len(noun) + 2].lstrip(" -").startswith(noun):
        phrase += text[total.end : total.end + text[total.end :].index(noun) + len(noun)]
    return phrase


def _attaches_elsewhere(listing: Listing, claims: Sequence[Claim]) -> bool:
    """ "1,500 members in 30 countries, including 500 in Britain": a partial list may belong to
    an earlier total of the same sentence; when one of those can hold it, the sentence is
    ambiguous, not wrong."""
    if listing.complete:
        return False
    total = listing.total
    parts = {id(item.claim) for item in listing.items}
    for other in claims:
        if other.sentence_start != total.sentence_start or other.end > total.start \
                or id(other) in parts:  # "25 of the 27": a part is no total of itself
            continue
        if other.change or (not _same_family(other, total) and not (
            other.unit == total.unit and other.kind == total.kind
        )):
            continue
        if judge(Listing(other, listing.items, False, listing.trigger)).holds:
            return True
    return False


_LEADING_VERB = re.compile(r"^(?:(?:is|are|was|were|had|have|has|been|being)\s+)+", re.I)


def _label(noun: str) -> str:
    """An item's noun as a label: "were soldiers" → "soldiers"."""
    return _LEADING_VERB.sub("", noun).strip()


@register
class PartWholeKind:
    """Listed parts that cannot make up the total they are listed with."""

    kind: ClassVar[str] = "part-whole"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Adds up the parts listed with a total in one sentence. A complete list (set off "
            "by a dash or colon, \"made up of\", \"comprising\") must add up to the total; a "
            "partial list (\"including\", \"of whom\", \"among them\") must not exceed it."
        ),
        why=(
            "When the parts and the total disagree, at least one of the numbers is wrong — "
            "often a casualty figure updated in one place and not the other."
        ),
        example=(
            "The bombing killed five Americans – two service members, a Pentagon civilian and "
            "a US contractor."
        ),
        fix=(
            "The bombing killed four Americans – two service members, a Pentagon civilian and "
            "a US contractor."
        ),
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "complete_triggers": {
                "description": "Regular expressions introducing a list of all the parts.",
                "type": "array", "items": {"type": "string", "format": "regex"},
                "default": list(DEFAULT_COMPLETE),
            },
            "partial_triggers": {
                "description": "Regular expressions introducing a list of some of the parts.",
                "type": "array", "items": {"type": "string", "format": "regex"},
                "default": list(DEFAULT_PARTIAL),
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        complete = tuple(rule.param("complete_triggers", DEFAULT_COMPLETE))
        partial = tuple(rule.param("partial_triggers", DEFAULT_PARTIAL))
        text = ctx.document.text
        for listing in listings(ctx, complete, partial):
            verdict = judge(listing)
            if verdict.holds or _attaches_elsewhere(listing, ctx.claims):
                continue
            yield self._finding(rule, ctx, listing, verdict, text)

    def _finding(
        self, rule: RuleSpec, ctx: DocumentContext, listing: Listing, verdict: Verdict,
        text: str,
    ) -> Finding:
        parts = verdict.parts
        exact = parts.low == parts.high
        shown = in_scale(parts.low, listing.total)
        parts_text = shown if exact else f"at least {shown}"
        terms = " + ".join(
            f"{fmt(i.value, 12)}{f' ({_label(i.noun)})' if _label(i.noun) else ''}"
            for i in listing.items
        )
        total_phrase = _total_phrase(listing, text)
        if listing.complete:
            rule_text = f"a list introduced by “{listing.trigger}” names every part"
        else:
            rule_text = f"the parts listed after “{listing.trigger}” cannot exceed the total"
        explanation = (
            f"{terms} = {fmt(parts.low, 12) if exact else describe(parts)}; the text says "
            f"{total_phrase} ({describe(verdict.total)} allowed); {rule_text}"
        )
        suggestion = None
        if listing.complete and exact:
            total = listing.total
            new = _as_written(parts.low, total)
            suggestion = replace_number(total_phrase, new) if re.search(r"\d", total.text) \
                else new + total_phrase[len(total.text):]
        evidence: list[Evidence] = [ctx.evidence(listing.total)]
        for item in listing.items:
            evidence.append(ctx.evidence(item.claim) if item.claim is not None
                            else ctx.span_evidence(item.start, item.end + len(item.noun) + 1))
        fields = {"total": total_phrase, "parts": parts_text, "trigger": listing.trigger}
        return ctx.finding(rule, render(rule.message, fields), evidence, explanation, suggestion)
