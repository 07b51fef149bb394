"""Kind ``change``: a stated change must fit the start and end values it connects.

"rose from 40 to 50, an increase of 25%", "fell 12% to £3.4m from £3.9m", "10bn euros, up 8.1%
from 9.26bn euros", "fell by 3,000 to 12,000 from 15,000", "doubled from $20m to $45m", "shrank to
a third of its usual size, from 1,500 sq km to 300 sq km", "337,000 jobs, twice the 169,000
forecast", and the bare direction of "rose from 40 to 35".

Each sentence is rewritten with its quantities replaced by placeholders (``⟦0⟧``, ``⟦1⟧``...),
so the patterns below read the words *between* numbers without being confused by the numbers
themselves. A change is flagged only when no values the words allow (rounding, bounds such as
"more than", the looseness of "doubled") make it true: all arithmetic is done on intervals.

Rounding: the extractor reads "40" as rounded at its last non-zero digit ([35, 45)), which is
right for restatements but makes "rose from 40 to 35" look possible. Two numbers joined by
"from … to …" are written to the same precision, so a round integer is read at the precision of
its partner ("40" beside "35" is [39.5, 40.5)); ``tighten_round_numbers: false`` turns this off.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import groupby
from typing import Any, ClassVar

from numcheck import units
from numcheck.claims import Claim
from numcheck.findings import Evidence, Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register

# --------------------------------------------------------------------------- intervals


@dataclass(frozen=True)
class Span:
    """A closed interval of reals. Open ends are ignored on purpose: the kind flags only
    what is impossible, so treating every end as reachable can only make it quieter."""

    lo: float
    hi: float

    def overlaps(self, other: Span, eps: float = 1e-9) -> bool:
        ends = [abs(x) for x in (self.lo, self.hi, other.lo, other.hi) if math.isfinite(x)]
        slack = eps * max([1.0, *ends])
        return self.lo <= other.hi + slack and other.lo <= self.hi + slack

    def neg(self) -> Span:
        return Span(-self.hi, -self.lo)

    def scale(self, k: float) -> Span:
        a, b = self.lo * k, self.hi * k
        return Span(min(a, b), max(a, b))

    def shift(self, d: float) -> Span:
        return Span(self.lo + d, self.hi + d)

    def union(self, other: Span) -> Span:
        return Span(min(self.lo, other.lo), max(self.hi, other.hi))


def difference(a: Span, b: Span) -> Span:
    """All values of b − a."""
    return Span(b.lo - a.hi, b.hi - a.lo)


def ratio(a: Span, b: Span) -> Span | None:
    """All values of b / a, for a strictly positive and b non-negative; else None."""
    if a.lo <= 0 or b.lo < 0:
        return None
    hi = math.inf if math.isinf(b.hi) else b.hi / a.lo
    return Span(b.lo / a.hi if math.isfinite(a.hi) else 0.0, hi)


# --------------------------------------------------------------------------- operands

_PER_TIME = re.compile(r"\s*/\s*(?:year|month|week|day)$")
_PERCENT_WORDS = re.compile(r"%|per\s*cent|percent|points?\b", re.I)
_FRACTION_WORDS = re.compile(
    r"^(?:a|an|one|two|three|four)?[- ]?(?:half|halves|thirds?|quarters?|fifths?|tenths?)$",
    re.I,
)
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Operand:
    """A number as one of the terms of a change: a whole claim, or one end of a range claim."""

    claim: Claim
    value: float
    span: Span
    unit: str | None
    step: float
    start: int
    end: int
    text: str
    round_integer: bool  # written as an integer ending in zero ("40", "£20m", "2,000")

    @property
    def exact(self) -> bool:
        return self.claim.bound == "=" and math.isfinite(self.span.hi)


def _unit(claim: Claim) -> str | None:
    unit = claim.unit
    if unit == "percent" and not _PERCENT_WORDS.search(claim.text):
        # The extractor sometimes spreads a percent sign to a neighbour ("rose 5% to 300").
        return None
    return unit


def _base_unit(unit: str | None) -> str | None:
    """"USD / year" → "USD": "from £5.5bn to £8.2bn a year" puts "a year" on one end only."""
    return _PER_TIME.sub("", unit) if unit else unit


def _round_integer(text: str) -> bool:
    m = _WRITTEN_NUMBER.search(text)
    return m is not None and "." not in m.group(0) and m.group(0).rstrip(",").endswith("0")


def _claim_span(claim: Claim) -> Span:
    if claim.bound in ("=", "~") or math.isfinite(claim.high):
        return Span(claim.low, claim.high)
    return Span(claim.low, math.inf)


def operands_of(claim: Claim, sentence_start: int) -> list[tuple[int, int, Operand]]:
    """Operands of one claim with their offsets in the sentence: two for "4.1% to 5.3%"."""
    rel_start, rel_end = claim.start - sentence_start, claim.end - sentence_start
    unit = _unit(claim)
    if claim.upper is None:
        op = Operand(claim, claim.value, _claim_span(claim), unit, claim.step, claim.start,
                     claim.end, claim.text, _round_integer(claim.text))
        return [(rel_start, rel_end, op)]
    m = re.search(r"\s+to\s+", claim.text)
    if m is None or claim.bound != "=":
        return []
    half = claim.step / 2
    first = Operand(claim, claim.value, Span(claim.value - half, claim.value + half), unit,
                    claim.step, claim.start, claim.start + m.start(), claim.text[: m.start()],
                    _round_integer(claim.text[: m.start()]))
    second = Operand(claim, claim.upper, Span(claim.upper - half, claim.upper + half), unit,
                     claim.step, claim.start + m.end(), claim.end, claim.text[m.end():],
                     _round_integer(claim.text[m.end():]))
    return [(rel_start, rel_start + m.start(), first), (rel_start + m.end(), rel_end, second)]


def tightened(op: Operand, partner: Operand) -> Operand:
    """``op`` read at its partner's precision when ``op`` is a round integer written to the same
    unit with a coarser step ("from 40 to 35": 40 is [39.5, 40.5), not [35, 45))."""
    if not (op.round_integer and op.exact and partner.exact and op.unit == partner.unit):
        return op
    m = _WRITTEN_NUMBER.search(op.text)
    written = float(m.group(0).replace(",", "")) if m else 0.0
    scale = op.value / written if written else 1.0  # "£20m": the written 20 is in millions
    step = max(partner.step, scale)
    if step >= op.step:
        return op
    return replace(op, span=Span(op.value - step / 2, op.value + step / 2), step=step)


# --------------------------------------------------------------------------- the template

_MARK = re.compile(r"⟦(\d+)⟧")
N = r"⟦\d+⟧"


@dataclass(frozen=True, eq=False)
class Template:
    """One sentence with each quantity replaced by ``⟦i⟧`` (``i`` indexes ``operands``)."""

    text: str
    operands: tuple[Operand, ...]
    sentence: str
    sentence_start: int
    #: (template offset, sentence offset) at the start of every literal stretch
    anchors: tuple[tuple[int, int], ...]
    #: (start, end) in the template of each placeholder, in order (``marks[i]`` is ``⟦i⟧``)
    marks: tuple[tuple[int, int], ...] = ()

    def op(self, token: str) -> Operand:
        m = _MARK.fullmatch(token)
        assert m is not None
        return self.operands[int(m.group(1))]

    def doc_offset(self, pos: int) -> int:
        """Document offset of a template offset that lies in literal text."""
        i = bisect_right(self.anchors, (pos, math.inf)) - 1
        t, s = self.anchors[max(i, 0)]
        return self.sentence_start + s + (pos - t)

    def last_mark_before(self, pos: int) -> int | None:
        """Index of the last placeholder ending at or before ``pos``."""
        i = bisect_right(self.marks, (pos, pos)) - 1
        while i >= 0 and self.marks[i][1] > pos:
            i -= 1
        return i if i >= 0 else None

    @cached_property
    def exchange_rate(self) -> bool:
        return _EXCHANGE_RATE.search(self.sentence) is not None

    @cached_property
    def ranking(self) -> tuple[bool, bool]:
        return (_RANKING.search(self.sentence) is not None,
                _RANKING_WEAK.search(self.sentence) is not None)


_SMALL = r"(?:\d{1,3}(?![\d,.])|one|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)"
_RATIO_AFTER = re.compile(rf"\s+(?:in(?:\s+every)?|out\s+of)\s+{_SMALL}\b", re.I)
_RATIO_BEFORE = re.compile(rf"\b{_SMALL}\s+(?:in(?:\s+every)?|out\s+of)\s+$", re.I)


def _usable(claim: Claim, sentence: str, rel_start: int, rel_end: int) -> bool:
    if not claim.is_quantity or claim.kind == "statistic":
        return False
    if _FRACTION_WORDS.match(claim.text.strip()):
        return False  # "a third", "half": read as words by the multiplier patterns
    # Betting odds and scores ("4/6", "2-1") are not quantities that change.
    around = sentence[max(0, rel_start - 1) : rel_end + 1]
    if "/" in around:
        return False
    # "one in 13 cards … down from one in eight": both numbers of a ratio are one quantity.
    small = claim.unit is None and claim.value <= 100
    return not (small and (_RATIO_AFTER.match(sentence, rel_end) or _RATIO_BEFORE.search(
        sentence[max(0, rel_start - 20) : rel_start])))


def build_template(sentence: str, sentence_start: int, claims: Sequence[Claim]) -> Template:
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    operands: list[Operand] = []
    marks: list[tuple[int, int]] = []
    cursor = 0
    length = 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        rel_start = claim.start - sentence_start
        if rel_start < cursor or not _usable(claim, sentence, rel_start,
                                             claim.end - sentence_start):
            continue
        pieces = operands_of(claim, sentence_start)
        if not pieces:
            continue
        for piece_start, piece_end, op in pieces:
            literal = sentence[cursor:piece_start]
            anchors.append((length, cursor))
            parts.append(literal)
            length += len(literal)
            mark = f"⟦{len(operands)}⟧"
            operands.append(op)
            parts.append(mark)
            marks.append((length, length + len(mark)))
            length += len(mark)
            cursor = piece_end
    anchors.append((length, cursor))
    parts.append(sentence[cursor:])
    return Template("".join(parts), tuple(operands), sentence, sentence_start, tuple(anchors),
                    tuple(marks))


# --------------------------------------------------------------------------- vocabulary

# Third-person forms that are also plural nouns ("rises", "cuts", "gains") are left out: in
# "revised down the jobs gains from 157,000 to 133,000" the noun names what changed.
UP_VERBS = (
    r"rose|rise|risen|rising|increased|increase|increasing|grew|grow|grown|grows|growing"
    r"|climbed|climb|climbing|jumped|jump|jumping|soared|soar|soars|soaring|surged|surge"
    r"|surging|gained|gain|boosted|boost|boosting|raised|raise|raising|upped|hiked|lifted"
    r"|leapt|leaped|leap|rocketed|rocket|swell|swells|swelled|swollen|widened|widen|expand"
    r"|expanded|expands|expanding|went\s+up|gone\s+up|going\s+up|goes\s+up|edged\s+up"
    r"|revised\s+up(?:wards?)?|pushed\s+up|push\s+up|put\s+up|up"
)
DOWN_VERBS = (
    r"fell|fall|fallen|falling|dropped|drop|dropping|declined|decline|declining|decreased"
    r"|decrease|decreasing|dipped|dip|slumped|slump|plunged|plunge|plummet|plummets"
    r"|plummeting|plummeted|tumbled|tumble|slid|slide|sliding|shrank|shrunk|shrink|shrinks"
    r"|shrinking|cut|cutting|reduced|reduce|reduces|reducing|lowered|lower|lowers|lowering"
    r"|trimmed|trim|slashed|slash|slashing|narrowed|narrow|narrows|eased|easing|slowed|slow"
    r"|slows|contracted|sank|sunk|sink|sinks|shed|went\s+down|gone\s+down|goes\s+down"
    r"|edged\s+down|revised\s+down(?:wards?)?|brought\s+down|scaled\s+back|slipped|slip"
    r"|slipping|down"
)
UP_NOUNS = r"rise|increase|jump|gain|growth|hike|surge|boost|climb|leap|improvement"
DOWN_NOUNS = r"fall|drop|decline|decrease|cut|reduction|dip|slump|plunge|slide|contraction"

_UP = re.compile(rf"^(?:{UP_VERBS}|{UP_NOUNS})$", re.I)
_NEGATED = re.compile(r"\b(?:not|n't|never|no)\s+(?:\w+\s+)?$", re.I)
_BOUND_WORDS = (
    r"(?:(?:about|around|almost|nearly|roughly|some|approximately|an\s+estimated|just|more"
    r"|less|fewer|over|under|at\s+least|at\s+most|up\s+to|than)\s+)*"
)
# Words that end one clause and start another: a pattern never reaches across them.
_BREAK = re.compile(
    r";|\b(?:while|whereas|but|and|after|before|when|which|who|although|though|as|because"
    r"|since|said|says|with|compared|where|if|unless|whether)\b", re.I,
)


def direction_of(word: str) -> str:
    return "up" if _UP.match(re.sub(r"\s+", " ", word.strip())) else "down"


# --------------------------------------------------------------------------- pairs


@dataclass(frozen=True)
class Pair:
    """"from A to B": ``a`` is the start, ``b`` the end; ``first``/``last`` bound the pattern
    in the template (both placeholders included)."""

    a: Operand
    b: Operand
    first: int
    last: int
    #: only a stated change (a number, a multiplier) is checked: no verb of change governs
    #: the pair ("⟦B⟧, compared with ⟦A⟧ a year earlier, an increase of 25%")
    stated_only: bool = False


# "from last year's ⟦A⟧", "down from the third quarter's ⟦A⟧": the level A belongs to a time
# (lower-case words: "from Shell's ⟦A⟧" is another firm's figure, not an earlier one)
_POSSESSOR = r"(?-i:(?:the\s+)?(?:[a-z-]+\s+){0,2}?[a-z-]+['’]s\s+)?"
# The level a change starts from, after "from" or "compared with": "a loss of ⟦A⟧", "last
# year's ⟦A⟧", "about ⟦A⟧".
_START = rf"(?:an?\s+(?:\w+\s+)?of\s+)?{_POSSESSOR}{_BOUND_WORDS}(?P<a>{N})"
_SET_AGAINST = r"(?:compared\s+(?:with|to)|against|versus|vs\.?)"
_FROM_TO = re.compile(
    rf"\bfrom\s+{_START}(?P<gap>[^⟦;,]{{0,30}}?)\s+to\s+{_BOUND_WORDS}(?P<b>{N})",
    re.I,
)
_TO_FROM = re.compile(
    rf"\bto\s+{_BOUND_WORDS}(?P<b>{N})(?P<gap>[^;]{{0,90}}?)\b(?:from|{_SET_AGAINST})\s+{_START}",
    re.I,
)
# "Sales were ⟦B⟧, compared with ⟦A⟧ a year earlier, an increase of 25%": a level set against
# another with no verb of change; only a change stated after it is checked.
_COMPARED_WITH = re.compile(
    rf"(?P<b>{N})(?P<gap>(?:\s*\([^()]*\))?),?\s+{_SET_AGAINST}\s+{_START}",
    re.I,
)
# Company results as the UK financial press writes them: "pre-tax profit rose 25% to ⟦B⟧
# (2003: ⟦A⟧)", "turnover was ⟦B⟧ (2003/04: ⟦A⟧), up 17%": the bracket gives last year's level.
_YEAR_BRACKET = re.compile(
    rf"(?:\bto\s+{_BOUND_WORDS})?(?P<b>{N})(?P<gap>)\s*\(\s*(?:19|20)\d\d(?:[-/]\d{{1,4}})?\s*:\s*"
    rf"{_BOUND_WORDS}(?P<a>{N})\s*\)",
    re.I,
)
_UP_FROM = re.compile(
    rf"(?P<b>{N})(?P<gap>(?:\s*\([^()]*\))?[^⟦;()]{{0,25}}?),?\s+(?P<dir>up|down)\s+(?:by\s+)?"
    rf"(?:{_BOUND_WORDS}(?P<c>{N})\s+)?(?:from|on|compared\s+(?:with|to)|against)\s+"
    rf"{_POSSESSOR}{_BOUND_WORDS}(?P<a>{N})",
    re.I,
)


def _same_measure(a: Operand, b: Operand) -> bool:
    if a.claim.kind != b.claim.kind and {a.claim.kind, b.claim.kind} != {"count", "measure"}:
        return False
    ua, ub = _base_unit(a.unit), _base_unit(b.unit)
    if ua is None or ub is None:
        return ua is None and ub is None
    if units.is_currency(ua) or units.is_currency(ub):
        return ua == ub
    return units.compatible(ua, ub)


def _in_unit(op: Operand, unit: str | None) -> Span:
    source = _base_unit(op.unit)
    if source == unit or source is None or unit is None:
        return op.span
    factor, offset = units.affine(source, unit)
    return op.span.scale(factor).shift(offset)


def _clean_gap(t: Template, gap: str, a: Operand, b: Operand) -> bool:
    """A gap between two ends of a pair may hold a conversion in brackets or a time phrase,
    never a clause break, a verb of change (another change starts) nor another number of the
    same kind."""
    bare = re.sub(r"\([^()]*\)", " ", gap)
    if _BREAK.search(bare) or _CHANGE_WORD.search(bare):
        return False
    return all(not _same_measure(t.op(m.group(0)), a) for m in _MARK.finditer(gap))


def _mixed_sign_words(t: Template, first: int, last: int) -> bool:
    # "from a loss of £10m to a profit of £5m": a percentage of a loss is meaningless.
    return bool(re.search(r"\bloss|deficit|profit|surplus", t.text[first:last], re.I)) and \
        bool(re.search(r"\b(?:loss|deficit)", t.text[first:last], re.I))


# An exchange rate quoted as "43.3 rupees per dollar" moves against its currency: "the rupee
# climbed to 43.305 per US dollar, from 43.41" is right.
_EXCHANGE_RATE = re.compile(
    r"\b(?:per|to\s+the|against\s+the|versus\s+the|vs\.?\s+the)\s+(?:US\s+|American\s+)?"
    r"(?:dollar|euro|pound|yen|sterling|greenback|yuan|franc)|\bexchange\s+rates?\b",
    re.I,
)
# Positions in a chart, a league or a list go "up" as their number goes down.
_RANKING = re.compile(
    r"\b(?:number|No\.?)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|\b(?:places?|placed|positions?|charts?|ranked|rankings?|ranks?|league\s+tables?|spot"
    r"|seeded|seeds?|top\s+\d+)\b",
    re.I,
)


# Weaker signs of a ranking, trusted only for small bare numbers ("at five, up from 13").
_RANKING_WEAK = re.compile(
    r"\b(?:lists?|polls?|tables?|risers?|fallers?|climbers?|entr(?:y|ies))\b", re.I
)


def inverted_scale(t: Template, a: Operand) -> bool:
    """True when up and down may be reversed for ``a``'s numbers: exchange rates and ranks."""
    if t.exchange_rate:
        return True
    if a.unit is not None or a.claim.kind != "count":
        return False
    strong, weak = t.ranking
    if strong:
        return True
    small = a.value <= 200 and a.value == int(a.value) and not a.claim.quantity_of
    return small and weak


# "rose 5% to £300m, against £320m forecast by analysts": the other figure is an expectation,
# not the start of the change.
_EXPECTED_AFTER = re.compile(
    r"[^⟦;,]{0,30}?\b(?:forecasts?|forecasted|expected|expectations?|predicted|predictions?"
    r"|estimated|estimates?|consensus|targets?|targeted|budgeted|planned)\b",
    re.I,
)


def _expected(t: Template, token_end: int) -> bool:
    return _EXPECTED_AFTER.match(t.text, token_end, token_end + 120) is not None


def _reached(t: Template, pair: Pair) -> Pair:
    """``pair`` starting at the "to" before its end value ("rose by 5% to ⟦B⟧, up from ⟦A⟧"),
    as "to ⟦B⟧ from ⟦A⟧" pairs do, so that what is stated before "to" is found."""
    to = re.search(rf"\bto\s+{_BOUND_WORDS}$", t.text[: pair.first], re.I)
    return replace(pair, first=to.start()) if to is not None else pair


def find_pairs(t: Template) -> list[Pair]:
    found: list[Pair] = []
    for pattern in (_FROM_TO, _TO_FROM, _COMPARED_WITH, _YEAR_BRACKET):
        for m in pattern.finditer(t.text):
            a, b = t.op(m.group("a")), t.op(m.group("b"))
            if not _same_measure(a, b) or not _clean_gap(t, m.group("gap"), a, b):
                continue
            if _mixed_sign_words(t, m.start(), m.end()) or inverted_scale(t, a):
                continue
            if _expected(t, m.end("a")):
                continue
            # (the bracket of "⟦B⟧ (2003: ⟦A⟧)" is the pair's: what follows it may state the change)
            last = m.end() if pattern is _YEAR_BRACKET else max(m.end("a"), m.end("b"))
            # with no "to" before B, a verb of change further back may be about something else
            stated_only = pattern is _COMPARED_WITH or (
                pattern is _YEAR_BRACKET and not t.text.startswith("to", m.start()))
            found.append(Pair(a, b, m.start(), last, stated_only=stated_only))
    return found


# --------------------------------------------------------------------------- what is claimed


@dataclass(frozen=True)
class Stated:
    """What the words say about the change from A to B."""

    what: str  # "relative" | "absolute" | "factor" | "direction"
    direction: str | None  # "up" | "down" | None (unknown)
    span: Span | None  # the relative change (fraction), absolute change or factor allowed
    words: str  # the words as written, for messages ("rose 5%", "doubled")
    word_start: int  # document offsets of those words
    word_end: int
    operand: Operand | None = None  # the stated number, when there is one
    points_too: bool = False  # a percent change of a percentage may mean points


_CHANGE_WORD = re.compile(
    rf"\b(?:(?P<w>{UP_VERBS}|{DOWN_VERBS})|(?:an?|the)\s+(?:\w+\s+)?(?P<n>{UP_NOUNS}|{DOWN_NOUNS}))\b",
    re.I,
)


def _direction_before(t: Template, pos: int, reach: int = 70) -> tuple[str, int, int] | None:
    """The verb of change governing whatever starts at ``pos``: (direction, start, end)."""
    begin = max(0, pos - reach)
    while 0 < begin < pos and t.text[begin - 1].isalpha():  # never start inside a word
        begin += 1
    window = t.text[begin:pos]
    if "⟧" in window:
        window = window[window.rindex("⟧") + 1 :]
    # Verbs, and nouns only after an article ("a sharp rise from"): a bare noun is usually the
    # subject ("growth forecasts slipped to 1.8% from 2.0%"). The last one governs the pair.
    found = list(_CHANGE_WORD.finditer(window))
    if not found:
        return None
    m = found[-1]
    # "revised down the jobs gains in December 2004, from 157,000 to 133,000": a comma may
    # stand just before the pair, nowhere else.
    tail = re.sub(r",\s*(?:from\s*)?$", "", window[m.end() :])
    if _BREAK.search(tail) or "," in tail:
        return None
    if _NEGATED.search(window[: m.start()]):
        return None
    offset = pos - len(window)
    word = "w" if m.group("w") else "n"
    return direction_of(m.group(word)), offset + m.start(word), offset + m.end(word)


def _change_operand(t: Template, tok: str, pair: Pair) -> tuple[str, Span] | None:
    """How the number ``tok`` states the change of ``pair``: relative (a percentage of the
    start) or absolute (in the pair's unit), and the interval it allows."""
    op = t.op(tok)
    if op is pair.a or op is pair.b:
        return None
    unit = _base_unit(op.unit)
    pair_unit = _base_unit(pair.a.unit)
    span = op.span
    if op.round_integer and op.exact and unit in ("percent", "percentage_point"):
        # "up 20%": percentages of change are written to the whole number.
        span = Span(op.value - 0.5, op.value + 0.5)
    if unit == "percent" and pair_unit != "percent":
        return "relative", span.scale(0.01)
    if unit == "percent" and pair_unit == "percent":
        return "relative_or_points", span
    if unit in ("percentage_point", "basis_point") and pair_unit == "percent":
        factor = 1.0 if unit == "percentage_point" else 0.01
        return "absolute", span.scale(factor)
    if unit == "index_point" and pair_unit == "percent":
        return "absolute", span  # "rose 0.3 points to 4.6%": points of a percentage
    if _same_measure(op, pair.a):
        return "absolute", _in_unit(op, pair_unit)
    return None


_PRE_GAP = re.compile(
    rf"^,?\s*(?:(?P<noun>{UP_NOUNS}|{DOWN_NOUNS})s?\s+)?"
    rf"(?:(?:in|for|on|of)\s+[^⟦,;]{{0,30}}?,?\s+)?"  # "a 25% increase in revenue, from"
    # "rose 25% year-on-year to": when the change was measured
    r"(?:(?:year[\s-]on[\s-]year|on\s+the\s+year|last\s+year|this\s+year|annually)\s+)?"
    rf"(?:\(\s*[^()⟦]*\)\s*)?$",
    re.I,
)
_POST_GAP = re.compile(  # used with match(text, pos, endpos): anchored at pos, "$" at endpos
    rf"(?:\s*\([^()]*\))?(?:\s+[^,;()]{{1,50}}?)?\s*(?:,|–|—|-|\()\s*"
    rf"(?P<link>(?:a|an)\s+(?:\w+\s+)?(?P<noun>{UP_NOUNS}|{DOWN_NOUNS})s?\s+of\s+"
    rf"|(?P<dir>up|down)\s+(?:by\s+)?|(?P<or>or)\s+(?:by\s+)?|(?P<art>a|an)\s+)"
    rf"{_BOUND_WORDS}$",
    re.I,
)
_NOUN_AFTER = re.compile(rf"\s*(?P<noun>{UP_NOUNS}|{DOWN_NOUNS})s?\b", re.I)
_ENDPOINT_BEFORE = re.compile(rf"\b(?:from|to|against|versus|compared\s+(?:with|to)){_BOUND_WORDS}"
                              rf"\s*$", re.I)


def _stated_number(t: Template, pair: Pair) -> Stated | None:
    """A percentage or amount of change linked to ``pair``, before or after it."""
    pair_start = pair.first
    # Before: "rose 5% to ⟦B⟧ from ⟦A⟧", "a 5% rise from ⟦A⟧ to ⟦B⟧", "rose by 44% to".
    index = t.last_mark_before(pair_start)
    if index is not None:
        mark_start, mark_end = t.marks[index]
        token = t.text[mark_start:mark_end]
        gap = t.text[mark_end:pair_start]
        pre = _PRE_GAP.match(gap)
        # "rose from ⟦2⟧ to ⟦3⟧, rose from ⟦3⟧…": a number that ends another pair is no change.
        endpoint = _ENDPOINT_BEFORE.search(t.text, max(0, mark_start - 30), mark_start)
        if pre is not None and not _BREAK.search(gap) and endpoint is None:
            op = t.op(token)
            kind = _change_operand(t, token, pair)
            noun = pre.group("noun")
            verb = _direction_before(t, mark_start)
            direction = (direction_of(noun) if noun else verb[0] if verb else op.claim.change)
            if kind is not None and direction is not None:
                start = t.doc_offset(verb[1]) if verb and not noun else op.start
                end = t.doc_offset(mark_end + pre.end("noun")) if noun else op.end
                return _stated(kind, direction, op, t, start, end)
    # After: "from ⟦A⟧ to ⟦B⟧, an increase of 25%", "…, up 1.2 percentage points", "…, or 12.9%".
    for m in _MARK.finditer(t.text, pair.last, pair.last + 200):
        post = _POST_GAP.match(t.text, pair.last, m.start())
        if post is None or _BREAK.search(t.text, pair.last, m.start()):
            # "from ⟦A⟧ to ⟦B⟧ in the ⟦three months⟧ to April, an increase of 25%": a number of
            # another kind (a period, a count of something else) may stand in between.
            skipped = t.op(m.group(0))
            if _same_measure(skipped, pair.a) or skipped.unit in ("percent", "percentage_point"):
                break
            continue
        op = t.op(m.group(0))
        kind = _change_operand(t, m.group(0), pair)
        if kind is None:
            break
        if post.group("or") and kind[0] == "absolute" and _base_unit(op.unit) != \
                _base_unit(pair.b.unit):
            break  # "from 5 miles to 6 miles, or 9.6km": a conversion of the end value
        noun = post.group("noun")
        word = post.group("dir")
        end = op.end
        if post.group("art"):  # "…, a 25% increase"
            tail = _NOUN_AFTER.match(t.text, m.end())
            if tail is None:
                break
            noun = tail.group("noun")
            end = t.doc_offset(tail.end())
        direction = direction_of(noun or word) if (noun or word) else op.claim.change
        start = t.doc_offset(post.start("link"))
        return _stated(kind, direction, op, t, start, end)
    return None


def _stated(kind: tuple[str, Span], direction: str | None, op: Operand, t: Template,
            start: int, end: int) -> Stated:
    what, span = kind
    words = t.sentence[start - t.sentence_start : end - t.sentence_start]
    if what == "relative_or_points":
        return Stated("relative", direction, span.scale(0.01), words, start, end, op, True)
    return Stated(what, direction, span, words, start, end, op)


# Multipliers: "doubled", "more than trebled", "nearly halved", "three-fold", "by a third".
_MULT_WORDS: Mapping[str, float] = {
    "doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5, "halved": 0.5,
}
_NUMBER_WORDS: Mapping[str, float] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twice": 2,
}
_FRACTIONS: Mapping[str, float] = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75,
    "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1,
}
_FRACTION = r"(?:an?|one|two|three)?[- ]?(?:half|thirds?|quarters?|fifth|tenth)"
_MODIFIER = (
    r"(?P<mod>more\s+than|less\s+than|almost|nearly|just\s+over|just\s+under|over|under"
    r"|roughly|about|around|some|close\s+to|at\s+least|approximately)"
)
_MULTIPLIER = re.compile(
    rf"(?:{_MODIFIER}\s+)?(?:(?P<verb>doubled|doubling|doubles|double|tripled|tripling|trebled"
    rf"|trebling|quadrupled|quadrupling|halved|halving)"
    rf"|(?P<fold>{N}|two|three|four|five|six|seven|eight|nine|ten)[- ]?fold"
    rf"|(?P<fverb>{UP_VERBS}|{DOWN_VERBS})\s+(?P<prep>by|to)\s+(?:(?P<fmod>about|around|almost"
    rf"|nearly|roughly|more\s+than|less\s+than|just\s+over|just\s+under)\s+)?"
    rf"(?P<frac>{_FRACTION})"
    rf"(?:\s+of\s+(?:its|their|the|his|her)\s+(?:[a-z'-]+\s+){{0,2}}?"
    rf"(?:size|level|value|total|peak|figure|number|amount|capacity|price|area))?)",
    re.I,
)


def _fraction_value(words: str) -> float | None:
    key = re.sub(r"\s+", " ", words.lower().strip()).rstrip("s")
    if key in ("two third", "two-third", "three quarter", "three-quarter"):
        key += "s"
    for name, value in _FRACTIONS.items():
        if key == name or key == name.rstrip("s"):
            return value
    if key in ("third", "quarter", "fifth", "tenth"):
        return _FRACTIONS[f"a {key}"]
    return None


# What a modifier does to the multiplier or fraction after it.
_ABOVE = frozenset({"more than", "over", "just over", "at least"})
_BELOW = frozenset({"less than", "under", "just under"})
_NEARLY = frozenset({"almost", "nearly", "close to"})


def _modifier(words: str | None) -> str:
    return re.sub(r"\s+", " ", (words or "").lower())


def factor_span(factor: float, modifier: str | None, tol: float, loose: float) -> Span:
    """The ratio B/A a multiplier allows: "doubled" 2 ± tol, "nearly doubled" [2 − loose, 2],
    "more than doubled" (2, ∞); for shrinking factors (< 1) "nearly halved" is [0.5, 0.5 +]."""
    mod = _modifier(modifier)
    if mod in _ABOVE:
        return Span(factor, math.inf) if factor >= 1 else Span(0.0, factor)
    if mod in _BELOW:
        return Span(0.0, factor) if factor >= 1 else Span(factor, 1.0)
    if mod in _NEARLY:
        return Span(factor * (1 - loose), factor) if factor >= 1 else \
            Span(factor, min(1.0, factor * (1 + loose)))
    width = loose if mod else tol
    return Span(factor * (1 - width), factor * (1 + width))


def _by_fraction_span(factor: float, modifier: str | None, loose: float) -> Span:
    """The ratio B/A that "rose by a quarter" (``factor`` 1.25) or "fell by a third" (0.667)
    allows. The words state the fraction moved, so the slack is on it, the same up and down:
    "by a quarter" is a change of 20–30%, "nearly a third" 26.7–33.3%, "more than a
    third" above 33.3%. (Slack on the ratio would let "rose by a quarter" be anything from
    +12.5% to +37.5%, but "fell by a quarter" only −17.5% to −32.5%.)"""
    fraction, up = abs(factor - 1), factor > 1
    mod = _modifier(modifier)
    if mod in _ABOVE:
        moved = Span(fraction, math.inf if up else 1.0)
    elif mod in _BELOW:
        moved = Span(0.0, fraction)
    elif mod in _NEARLY:
        moved = Span(fraction * (1 - loose), fraction)
    else:
        moved = Span(fraction * (1 - loose), fraction * (1 + loose))
    if up:
        return Span(1 + moved.lo, 1 + moved.hi)
    return Span(max(0.0, 1 - moved.hi), 1 - moved.lo)


def _stated_multiplier(t: Template, pair: Pair, tol: float, loose: float) -> Stated | None:
    """"doubled from ⟦A⟧ to ⟦B⟧", "halved to ⟦B⟧ from ⟦A⟧", "fell by a third to ⟦B⟧ from ⟦A⟧"."""
    window_start = max(0, pair.first - 120)
    best = None
    for m in _MULTIPLIER.finditer(t.text, window_start, pair.first):
        best = m
    if best is None:
        return None
    gap = t.text[best.end() : pair.first]
    # "fell by a third, from 120 to 80": one comma may separate the multiplier from its pair.
    gap = re.sub(r"^\s*,", " ", gap)
    if _MARK.search(gap) or _BREAK.search(gap) or "," in gap or len(gap) > 40:
        return None
    factor = _multiplier_factor(t, best)
    if factor is None:
        return None
    modifier = best.group("mod") or best.group("fmod")  # "nearly doubled", "by nearly a third"
    if best.group("frac") and best.group("prep").lower() == "by":
        span = _by_fraction_span(factor, modifier, loose)
    else:
        span = factor_span(factor, modifier, tol, loose)
    start = t.doc_offset(best.start())
    end = _fold_end(t, best) if best.group("fold") and _MARK.match(best.group("fold")) \
        else t.doc_offset(best.end())
    words = t.sentence[start - t.sentence_start : end - t.sentence_start]
    direction = "up" if factor > 1 else "down"
    return Stated("factor", direction, span, words, start, end)


def _fold_end(t: Template, m: re.Match[str]) -> int:
    op = t.op(m.group("fold"))
    return op.end + (m.end() - m.end("fold"))


def _multiplier_factor(t: Template, m: re.Match[str]) -> float | None:
    if m.group("verb"):
        stem = m.group("verb").lower()
        return next((v for k, v in _MULT_WORDS.items() if stem.startswith(k)), None)
    if m.group("fold"):
        fold = m.group("fold")
        if _MARK.fullmatch(fold):
            op = t.op(fold)
            if op.unit is not None or op.value < 2 or op.value != int(op.value):
                return None
            return op.value
        return _NUMBER_WORDS.get(fold.lower())
    fraction = _fraction_value(m.group("frac"))
    if fraction is None:
        return None
    if m.group("prep").lower() == "to":
        return fraction
    return 1 + fraction if direction_of(m.group("fverb")) == "up" else 1 - fraction


# --------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Problem:
    """A change statement that no values allowed by the words can satisfy."""

    pair: Pair | None
    a: Operand
    b: Operand
    stated: Stated
    actual: str  # the change the numbers give ("+37.5%", "×2.8", "a fall")
    explanation: str
    suggestion: str | None


def _fmt(x: float, digits: int = 4) -> str:
    """A number for people: "37.5", "190,328", "638.5m", "1.125bn"."""
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0:
        return "0"
    for size, suffix in ((1e9, "bn"), (1e6, "m")):
        if abs(x) >= size:
            return _fmt(x / size, max(digits, 6)) + suffix
    magnitude = math.floor(math.log10(abs(x)))
    decimals = max(0, digits - 1 - magnitude)
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


def _fmt_span(s: Span, unit: str = "", digits: int = 4) -> str:
    if math.isclose(s.lo, s.hi, rel_tol=1e-12):
        return f"{_fmt(s.lo, digits)}{unit}"
    if math.isinf(s.hi):
        return f"more than {_fmt(s.lo, digits)}{unit}"
    return f"{_fmt(s.lo, digits)}–{_fmt(s.hi, digits)}{unit}"


def _say_change(s: Span, unit: str = "") -> str:
    """A span of signed changes in words: "a fall of more than 600", "a rise of 2–3"."""
    if s.lo >= 0 or s.hi <= 0:
        word = "a rise" if s.lo >= 0 else "a fall"
        mag = s if s.lo >= 0 else s.neg()
        if math.isinf(mag.hi):
            return f"{word} of more than {_fmt(mag.lo)}{unit}"
        return f"{word} of {_fmt_span(mag, unit)}"
    return f"{_fmt_span(s, unit)}"


def _signed_pct(x: float, decimals: int = 1) -> str:
    sign = "+" if x >= 0 else "−"
    return f"{sign}{abs(x):.{decimals}f}%".replace(".0%", "%") if decimals else \
        f"{sign}{abs(x):.0f}%"


def _decimals(text: str) -> int:
    m = _WRITTEN_NUMBER.search(text)
    if m is None or "." not in m.group(0):
        return 0
    return len(m.group(0).split(".", 1)[1])


def _replace_number(text: str, new: str) -> str:
    return _WRITTEN_NUMBER.sub(new, text, count=1) if _WRITTEN_NUMBER.search(text) else text


def _pct_text(value: float, like: Operand) -> str:
    """``value`` written with as many decimals as ``like`` (the stated percentage), more when
    that would repeat the stated number or be more than a tenth out ("0.6%", not "1%", for a
    stated "6%")."""
    decimals = _decimals(like.text)
    while decimals < 3 and value > 0 and (
            value * 10**decimals < 1 or abs(round(value, decimals) / value - 1) > 0.1):
        decimals += 1
    text = f"{value:.{decimals}f}"
    if float(text) == like.value and decimals < 3:
        text = f"{value:.{decimals + 1}f}"
    return text


_BOUND_BEFORE = re.compile(r"(?:(?:more|less|fewer)\s+than|over|under|at\s+least|at\s+most"
                           r"|up\s+to|almost|nearly|about|around|some)\s+$", re.I)
#: Two values this far apart in a change are more likely a slipped multiplier (m for bn).
_MAGNITUDE_SLIP = 100.0


def _fits_either_way(change: Span, stated: Span, direction: str | None) -> bool:
    """Whether ``change`` can be the size ``stated`` gives in ``direction``; with no direction
    ("from A to B, or 12.9%") it may be a rise or a fall of that size, but not anything in
    between: −15.9% … +15.9% is no reading of "or 15.9%"."""
    if direction == "down":
        return change.overlaps(stated.neg())
    if direction is None:
        return change.overlaps(stated) or change.overlaps(stated.neg())
    return change.overlaps(stated)


def check_stated(a: Operand, b: Operand, stated: Stated, pair: Pair | None,
                 relative: Span | None = None) -> Problem | None:
    """The problem with ``stated`` for a change from ``a`` to ``b``, or None if it can hold.

    ``relative`` is the change ``(b − a) / a`` the numbers allow when ``a`` is not written
    but derived from ``b`` (then their roundings are not independent); by default it is
    worked out from the two intervals."""
    unit = _base_unit(a.unit)
    a_span, b_span = a.span, _in_unit(b, unit)
    diff = difference(a_span, b_span)
    a_desc = f"{_fmt_span(a_span)}"
    b_desc = f"{_fmt_span(b_span)}"
    if stated.direction is not None and stated.what in ("direction", "relative", "absolute"):
        possible = diff.hi > 0 if stated.direction == "up" else diff.lo < 0
        if not possible:
            went = "fell" if stated.direction == "up" else "rose"
            explanation = (
                f"{b.text} is {'less' if stated.direction == 'up' else 'more'} than {a.text} "
                f"(with rounding {b_desc} against {a_desc}), so the value {went}; "
                f"the text says \"{stated.words}\""
            )
            factor = max(a.value, b.value) / min(a.value, b.value) if min(a.value, b.value) > 0 \
                else 0.0
            if factor >= _MAGNITUDE_SLIP:
                # "1.33bn, up from A$246bn": the direction is fine, a multiplier is not.
                explanation += (f"; the values differ by a factor of {_fmt(factor, 3)}: is one "
                                f"of the multipliers (thousand, m, bn) wrong?")
            suggestion = None
            if factor < _MAGNITUDE_SLIP:
                suggestion = _opposite(stated.words)
                if suggestion is not None and stated.what == "relative" and stated.operand and \
                        a.value > 0:
                    # "rose 5%" for 350 → 300: "fell 14%"
                    pct = _pct_text(abs(b.value / a.value - 1) * 100, stated.operand)
                    suggestion = suggestion.replace(
                        stated.operand.text, _replace_number(stated.operand.text, pct), 1)
            return Problem(pair, a, b, stated, "a fall" if went == "fell" else "a rise",
                           explanation, suggestion)
    if stated.what == "direction" or stated.span is None:
        return None
    if stated.what in ("relative", "factor") and units.is_temperature(unit):
        return None  # 10C to 15C is not "a 50% rise": a temperature's zero is arbitrary
    if stated.what == "relative":
        r = ratio(a_span, b_span)
        if r is None:
            return None
        rel = relative if relative is not None else r.shift(-1.0)
        if _fits_either_way(rel, stated.span, stated.direction):
            return None
        if stated.points_too and _fits_either_way(diff, stated.span.scale(100.0),
                                                  stated.direction):
            return None
        exact = (b.value / a.value - 1) * 100 if a.value else math.inf
        assert stated.operand is not None
        shown = _pct_text(abs(exact), stated.operand)
        explanation = (
            f"({_fmt(b.value)} − {_fmt(a.value)}) / {_fmt(a.value)} = {_signed_pct(exact)}; "
            f"with rounding ({a_desc} to {b_desc}) the change is "
            f"{_signed_pct(rel.lo * 100)} to {_signed_pct(rel.hi * 100)}; "
            f"\"{stated.operand.text}\" allows {_fmt_span(stated.span.scale(100), '%')}"
        )
        if stated.points_too:
            explanation += f" (or {_fmt_span(stated.span.scale(100))} points)"
        suggestion = stated.words.replace(
            stated.operand.text, _replace_number(stated.operand.text, shown), 1)
        return Problem(pair, a, b, stated, _signed_pct(exact), explanation, suggestion)
    if stated.what == "absolute":
        allowed = stated.span if stated.direction != "down" else stated.span.neg()
        if _fits_either_way(diff, stated.span, stated.direction):
            return None
        assert stated.operand is not None
        exact = b.value - a.value if _base_unit(b.unit) == unit else \
            (b_span.lo + b_span.hi) / 2 - a.value
        says = _say_change(allowed) if stated.direction is not None else \
            f"a rise or a fall of {_fmt_span(stated.span)}"
        explanation = (
            f"{_fmt(b.value)} − {_fmt(a.value)} = {_fmt(exact)}; with rounding "
            f"({a_desc} to {b_desc}) the change is {_fmt(diff.lo)} to {_fmt(diff.hi)}; "
            f"\"{stated.words}\" allows {says}"
        )
        suggestion = None
        if re.fullmatch(r"[£$€]?\d[\d,]*", stated.operand.text.strip()):
            # "fell by 30,000" → "fell by 120,000", written as the writer wrote the number;
            # "fell by more than £600" → "fell by £596": the bound no longer applies
            written = f"{abs(exact):,.0f}" if "," in stated.operand.text else f"{abs(exact):.0f}"
            at = stated.words.rfind(stated.operand.text)
            head = _BOUND_BEFORE.sub("", stated.words[:at])
            suggestion = head + _replace_number(stated.operand.text, written) + \
                stated.words[at + len(stated.operand.text):]
        return Problem(pair, a, b, stated, _fmt(exact), explanation, suggestion)
    # factor
    r = ratio(a_span, b_span)
    if r is None or r.overlaps(stated.span):
        return None
    exact = b.value / a.value
    explanation = (
        f"{_fmt(b.value)} / {_fmt(a.value)} = ×{_fmt(exact, 3)}; with rounding "
        f"({a_desc} to {b_desc}) the ratio is ×{_fmt(r.lo, 3)} to ×{_fmt(r.hi, 3)}; "
        f"\"{stated.words}\" allows ×{_fmt_span(stated.span, '', 3)}"
    )
    return Problem(pair, a, b, stated, f"×{_fmt(exact, 3)}", explanation,
                   _multiplier_words(exact))


_MULTIPLIER_NAMES: Mapping[float, str] = {
    0.25: "fell by three-quarters", 1 / 3: "fell by two-thirds", 0.5: "halved",
    2 / 3: "fell by a third", 0.75: "fell by a quarter", 2.0: "doubled", 3.0: "tripled",
    4.0: "quadrupled",
}


def _multiplier_words(ratio_value: float) -> str:
    """How to say a ratio: "tripled" when it is within 3% of one, else "rose 206%"."""
    for factor, name in _MULTIPLIER_NAMES.items():
        if abs(ratio_value / factor - 1) <= 0.03:
            return name
    change_pct = (ratio_value - 1) * 100
    return f"{'rose' if change_pct >= 0 else 'fell'} {abs(change_pct):.0f}%"


# "⟦B⟧ …, twice the ⟦A⟧", "⟦B⟧, a third of its usual ⟦A⟧", "less than half of the ⟦A⟧".
# The ratio is said of B: in apposition ("⟦B⟧ - less than half of the ⟦A⟧") or through a verb
# of being ("⟦B⟧ new jobs … was twice the ⟦A⟧"); "more than half of the ⟦A⟧ population lives"
# after some unrelated ⟦B⟧ is a share, not a comparison.
_COMPARATIVE = re.compile(
    rf"(?P<b>{N})(?P<gap>(?:\s+[^⟦;,]{{0,50}}?\s+(?:is|was|are|were|be|been|stood\s+at|stands\s+at"
    rf"|totalled|totaled|reached))?)(?:\s*,\s*|\s+[-–—]\s*|\s+)"
    rf"(?:{_MODIFIER}\s+)?(?P<ratio>twice|double|(?P<times>{N})\s+times|{_FRACTION})"
    rf"\s+(?:of\s+)?(?:(?:the|its|their|his|her|that\s+of|what)\s+)"
    rf"(?:[a-z'-]+\s+){{0,2}}?(?:(?:of|at)\s+)?(?P<a>{N})",
    re.I,
)


def _comparatives(t: Template, tol: float, loose: float) -> Iterator[tuple[Operand, Operand,
                                                                          Stated]]:
    for m in _COMPARATIVE.finditer(t.text):
        a, b = t.op(m.group("a")), t.op(m.group("b"))
        if not _same_measure(a, b) or _BREAK.search(m.group("gap")) or "," in m.group("gap"):
            continue
        if inverted_scale(t, a):
            continue
        if not (a.exact or a.claim.bound == "~"):
            continue
        word = m.group("ratio").lower()
        factor: float | None
        if word in ("twice", "double"):
            factor = 2.0
        elif m.group("times"):
            op = t.op(m.group("times"))
            factor = op.value if op.unit is None and op.value >= 2 else None
        else:
            factor = _fraction_value(word)
        if factor is None:
            continue
        span = factor_span(factor, m.group("mod"), tol, loose)
        if m.group("times") and not m.group("mod"):
            # "three times the size" is read by some writers as ×3, by others as ×4
            span = span.union(factor_span(factor + 1, None, tol, loose))
        start = t.doc_offset(m.start("mod") if m.group("mod") else m.start("ratio"))
        if m.group("times"):
            end = t.op(m.group("times")).end + len(" times")
        else:
            end = t.doc_offset(m.end("ratio"))
        words = t.sentence[start - t.sentence_start : end - t.sentence_start]
        yield a, b, Stated("factor", None, span, words, start, end)


# --------------------------------------------------------------------------- the kind


def _render(template: str, fields: Mapping[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: fields.get(m.group(1), m.group(0)), template)


def templates(ctx: DocumentContext) -> Iterator[Template]:
    """One template per sentence with a quantity, in text order."""
    by_sentence = {s.start: s for s in ctx.sentences}
    ordered = sorted(ctx.claims, key=lambda c: (c.sentence_start, c.start))
    for start, group in groupby(ordered, key=lambda c: c.sentence_start):
        claims = list(group)
        if not any(c.is_quantity for c in claims):
            continue
        sentence = by_sentence.get(start)
        text = sentence.text if sentence is not None else claims[0].sentence
        yield build_template(text, start, claims)


# Words that make a change small: "fell marginally", "a slight drop", "edged up", "inched".
_SMALL_CHANGE = re.compile(
    r"\b(?:slight(?:ly)?|marginal(?:ly)?|fractional(?:ly)?|a\s+little|a\s+touch|modest(?:ly)?"
    r"|edged|edging|edges|edge|inched|inching|inches|nudged|nudging|nudges|ticked)\b",
    re.I,
)
# How far a "slight" change may go: BBC copy calls a 12% fall in profits "a slight drop", and
# no copy calls a change of half again or more slight; a decimal slip makes it tenfold.
_SMALL_CHANGE_FACTOR = 1.5
_SMALL_CHANGE_SPAN = Span(1 / _SMALL_CHANGE_FACTOR, _SMALL_CHANGE_FACTOR)


def _small_change_problem(t: Template, verb: tuple[str, int, int], pair: Pair, a: Operand,
                          b: Operand) -> Problem | None:
    """ "fell marginally to £180,226, from £1,804,444": a change the words call small that the
    values make a factor of 1.5 or more."""
    small = _SMALL_CHANGE.search(t.text, max(0, verb[1] - 25), pair.first)
    if small is None or "⟧" in t.text[small.end() : pair.first]:
        return None
    unit = _base_unit(a.unit)
    r = ratio(a.span, _in_unit(b, unit))
    if r is None or r.overlaps(_SMALL_CHANGE_SPAN):
        return None  # a change the words allow
    start = t.doc_offset(min(small.start(), verb[1]))
    end = t.doc_offset(max(small.end(), verb[2]))
    words = t.sentence[start - t.sentence_start : end - t.sentence_start]
    stated = Stated("factor", verb[0], _SMALL_CHANGE_SPAN, words, start, end)
    exact = b.value / a.value if a.value else math.inf
    explanation = (
        f"{_fmt(b.value)} / {_fmt(a.value)} = ×{_fmt(exact, 3)}; with rounding the ratio is "
        f"×{_fmt(r.lo, 3)} to ×{_fmt(r.hi, 3)}; \"{words}\" says the change is small, and a "
        f"change of ×{_fmt(_SMALL_CHANGE_FACTOR, 2)} or more is not: is a digit or a "
        f"multiplier wrong?"
    )
    return Problem(pair, a, b, stated, f"×{_fmt(exact, 3)}", explanation, None)


def problems(t: Template, tighten: bool, tol: float, loose: float) -> Iterator[Problem]:
    seen: set[tuple[int, int]] = set()
    for pair in find_pairs(t):
        key = (pair.a.start, pair.b.start)
        if key in seen:
            continue
        seen.add(key)
        a, b = pair.a, pair.b
        if tighten:
            a, b = tightened(a, b), tightened(b, a)
        stated = _stated_multiplier(t, pair, tol, loose) or _stated_number(t, pair)
        verb = None
        if stated is None:
            if pair.stated_only:
                continue
            verb = _direction_before(t, pair.first)
            if verb is None:
                continue
            start, end = t.doc_offset(verb[1]), t.doc_offset(verb[2])
            words = t.sentence[start - t.sentence_start : end - t.sentence_start]
            stated = Stated("direction", verb[0], None, words, start, end)
        problem = check_stated(a, b, stated, pair)
        if problem is None and verb is not None:  # only a direction: is it called small?
            problem = _small_change_problem(t, verb, pair, a, b)
        if problem is not None:
            yield problem
    for m in _UP_FROM.finditer(t.text):
        ends = _change_between(t, m, seen)
        # "a margin of 45.6%, less than the 47.3% forecast by analysts and down from 47.1%":
        # neither end may be an expectation.
        if ends is None or _expected(t, m.end("a")) or _expected(t, m.end("b")):
            continue
        a, b = ends
        seen.add((a.start, b.start))
        if tighten:
            a, b = tightened(a, b), tightened(b, a)
        direction = m.group("dir").lower()
        start = t.doc_offset(m.start("dir"))
        stated_op = t.op(m.group("c")) if m.group("c") else None
        pair = Pair(a, b, m.start(), m.end())
        if stated_op is not None:
            kind = _change_operand(t, m.group("c"), pair)
            if kind is None:
                continue
            stated = _stated(kind, direction, stated_op, t, start, stated_op.end)
        elif (said := _stated_number(t, _reached(t, pair))) is not None \
                and said.direction == direction:
            # "rose by 0.3 points to ⟦4.6%⟧, up from ⟦3.8%⟧": the amount is stated before B
            # (or after A: "…, up from ⟦3.8%⟧, an increase of 0.3 points")
            stated = said
        else:
            end = t.doc_offset(m.end("dir"))
            stated = Stated("direction", direction, None, t.sentence[
                start - t.sentence_start : end - t.sentence_start], start, end)
        problem = check_stated(a, b, stated, pair)
        if problem is not None:
            yield problem
    for m in _HIGHER_THAN.finditer(t.text):
        ends = _change_between(t, m, seen)
        if ends is None:
            continue
        a, b = ends
        seen.add((a.start, b.start))
        if tighten:
            a, b = tightened(a, b), tightened(b, a)
        pair = Pair(a, b, m.start(), m.end())
        kind = _change_operand(t, m.group("c"), pair)
        if kind is None:
            continue
        stated_op = t.op(m.group("c"))
        direction = "down" if m.group("cmp").lower() in _LOWER else "up"
        stated = _stated(kind, direction, stated_op, t, stated_op.start,
                         t.doc_offset(m.end("cmp")))
        problem = check_stated(a, b, stated, pair)
        if problem is not None:
            yield problem
    for a, b, stated in _comparatives(t, tol, loose):
        if (a.start, b.start) in seen:
            continue
        problem = check_stated(a, b, stated, None)
        if problem is not None:
            yield problem


def _change_between(t: Template, m: re.Match[str], seen: set[tuple[int, int]]
                    ) -> tuple[Operand, Operand] | None:
    """A and B of a match that states the change after B ("⟦B⟧, up 5% from ⟦A⟧", "⟦B⟧ were
    25% higher than ⟦A⟧"); None when that pair was checked already or is none: two
    measures, an inverted scale, or a clause break between B and the change."""
    a, b = t.op(m.group("a")), t.op(m.group("b"))
    if (a.start, b.start) in seen or not _same_measure(a, b) or inverted_scale(t, a):
        return None
    if _BREAK.search(re.sub(r"\([^()]*\)", " ", m.group("gap"))):
        return None
    return a, b


# "Sales of ⟦B⟧ were ⟦25%⟧ higher than last year's ⟦A⟧", "⟦B⟧, ⟦£800,000⟧ more than the ⟦A⟧
# raised in 2003": a difference stated between two levels. Whatever A is (last year's figure, a
# forecast), "25% higher than A" is arithmetic on A and B.
_LOWER = frozenset({"lower", "less", "fewer", "smaller", "below"})  # the rest say "higher"
_HIGHER_THAN = re.compile(
    rf"(?P<b>{N})(?P<gap>[^⟦;]{{0,40}}?),?\s+(?P<c>{N})\s+(?P<cmp>higher|lower|more|less|fewer"
    rf"|greater|bigger|larger|smaller|above|below)\s+than\s+(?:[^⟦;,]{{0,30}}?\s+)?"
    rf"(?P<a>{N})",
    re.I,
)


# "The Dow fell 475.86 points, or 1.4%, to 33,618.88": an amount, the same change as a
# percentage (either may come first), and the level reached. The start is the level less the
# amount (plus it, for a fall), so the percentage can be checked against it.
_AMOUNT_OR_PERCENT_TO = re.compile(
    rf"\b(?P<verb>{UP_VERBS}|{DOWN_VERBS})\s+(?:by\s+)?{_BOUND_WORDS}(?P<x>{N}),?\s+or\s+"
    rf"(?:by\s+)?{_BOUND_WORDS}(?P<y>{N}),?\s+(?:to\s+(?:(?:close|end|settle|finish)\s+at\s+)?"
    rf"|at\s+)"
    rf"{_BOUND_WORDS}(?P<b>{N})",
    re.I,
)


def _moved_share(moved: Span, level: Span, direction: str) -> Span | None:
    """The change, as a share of the start, of a move of ``moved`` that ended at ``level``:
    x / (b − x) after a rise, −x / (b + x) after a fall. Each grows with x and shrinks with
    b, so the ends come from the ends of the two intervals; working it out as (b − a) / a from
    a start interval of its own would count the rounding of b twice ("rose 8p, or 1.1%, to
    605p" is 1.25–1.43%, not 1.09–1.59%)."""
    if direction == "up":
        if level.lo - moved.hi <= 0:
            return None
        return Span(moved.lo / (level.hi - moved.lo), moved.hi / (level.lo - moved.hi))
    return Span(moved.lo / (level.hi + moved.lo), moved.hi / (level.lo + moved.hi)).neg()


def amount_and_percent_problems(t: Template, tighten: bool) -> Iterator[Problem]:
    for m in _AMOUNT_OR_PERCENT_TO.finditer(t.text):
        amount, percentage = m.group("x"), m.group("y")
        if _base_unit(t.op(amount).unit) == "percent":
            amount, percentage = percentage, amount  # "rose 3.2%, or $1.2bn, to $39bn"
        x, y, b = t.op(amount), t.op(percentage), t.op(m.group("b"))
        if x.unit is not None and (b.unit or "").split(" / ")[0] == x.unit:
            x = replace(x, unit=b.unit)  # "rose $12.40, or 0.6%, to $1,987.30 an ounce"
        if _base_unit(y.unit) != "percent" or not _same_measure(x, b) or b.unit == "percent":
            continue
        if inverted_scale(t, b) or not (x.exact and b.exact):
            continue
        direction = direction_of(m.group("verb"))
        if tighten:
            x, b = tightened(x, b), tightened(b, x)
        moved = _in_unit(x, _base_unit(b.unit))
        if direction == "up":
            span, value = Span(b.span.lo - moved.hi, b.span.hi - moved.lo), b.value - x.value
        else:
            span, value = Span(b.span.lo + moved.lo, b.span.hi + moved.hi), b.value + x.value
        if span.lo <= 0:
            continue  # a start of nothing or less: no percentage to check
        # The start is not written: it stands in the text where the amount is, so that the
        # message and the evidence point at the numbers that give it.
        a = replace(b, value=value, span=span, start=x.start, end=x.end,
                    text=f"{b.text} {'−' if direction == 'up' else '+'} {x.text}",
                    round_integer=False)
        pair = Pair(a, b, m.start(), m.end())
        kind = _change_operand(t, percentage, pair)
        if kind is None:
            continue
        start = t.doc_offset(m.start("verb"))
        problem = check_stated(a, b, _stated(kind, direction, y, t, start, y.end), pair,
                               _moved_share(moved, b.span, direction))
        if problem is not None:
            yield problem


# "Unemployment stood at 1.45 million in March. … Unemployment fell by 30,000 to 1.4 million."
# The start of a change stated a sentence or two earlier, under the same subject; both
# sentences must open with that subject, so nothing else can be meant.
_SUBJECT = r"(?P<subj>[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?)"
_BY_TO = re.compile(
    rf"^{_SUBJECT}\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{UP_VERBS}|{DOWN_VERBS})\s+by\s+"
    rf"{_BOUND_WORDS}(?P<x>{N})\s+to\s+{_BOUND_WORDS}(?P<b>{N})(?![^.;]*\bfrom\s+{N})"
)
_LEVEL = re.compile(
    rf"^{_SUBJECT}\s+(?:was|is|stood\s+at|stands\s+at|totalled|totaled|reached|had\s+been)"
    rf"\s+(?P<a>{N})"
)


def earlier_start_problems(t: Template, previous: Sequence[Template], tighten: bool
                           ) -> Iterator[Problem]:
    m = _BY_TO.match(t.text)
    if m is None:
        return
    subject = m.group("subj").lower()
    starts = [(p, lv) for p in previous if (lv := _LEVEL.match(p.text)) is not None
              and lv.group("subj").lower() == subject]
    if len(starts) != 1:
        return
    earlier, level = starts[0]
    a, b = earlier.op(level.group("a")), t.op(m.group("b"))
    if not _same_measure(a, b) or inverted_scale(t, b):
        return
    if tighten:
        a, b = tightened(a, b), tightened(b, a)
    pair = Pair(a, b, m.start("x"), m.end("b"))
    kind = _change_operand(t, m.group("x"), pair)
    if kind is None:
        return
    start = t.doc_offset(m.start("verb"))
    stated = _stated(kind, direction_of(m.group("verb")), t.op(m.group("x")), t, start,
                     t.op(m.group("x")).end)
    problem = check_stated(a, b, stated, pair)
    if problem is not None:
        yield problem


@register
class ChangeKind:
    """A stated change (a percentage, an amount, a multiplier or a direction) that the start and
    end values it connects cannot produce.

    Message placeholders: ``{stated}`` (the words of the change, "rose 5%"), ``{start}`` and
    ``{end}`` (the two values as written), ``{actual}`` (what the values give: "+20%",
    "×2.8", "a fall").
    """

    kind: ClassVar[str] = "change"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Checks a change against the values it connects in one sentence: a percentage "
            "(\"rose from 40 to 50, an increase of 25%\"), an amount (\"fell by 3,000 to 12,000 "
            "from 15,000\"), a multiplier (\"doubled\", \"more than halved\", \"fell by a third\","
            " \"twice the\") or just a direction (\"rose from 40 to 35\")."
        ),
        why=(
            "Readers take the percentage or the \"doubled\" at face value; when it does not "
            "follow from the two figures, at least one of the three numbers is wrong."
        ),
        example="Sales rose from 40,000 to 55,000, an increase of 25%.",
        fix="Sales rose from 40,000 to 55,000, an increase of 38%.",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "tighten_round_numbers": {
                "description": "Read a round integer (\"40\") at the precision of the number "
                               "it is paired with (\"35\") instead of at its last non-zero "
                               "digit.",
                "type": "boolean", "default": True,
            },
            "multiplier_tolerance": {
                "description": "Relative slack for a bare multiplier: \"doubled\" allows "
                               "×2 ± this fraction.",
                "type": "number", "minimum": 0, "maximum": 0.5, "default": 0.1,
            },
            "approximate_multiplier_tolerance": {
                "description": "How far \"nearly doubled\" may be from the multiplier, and "
                               "a change \"by a third\" / \"by about a quarter\" from the "
                               "fraction it names, as a fraction of it.",
                "type": "number", "minimum": 0, "maximum": 0.6, "default": 0.2,
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        tighten = bool(rule.param("tighten_round_numbers", True))
        tol = float(rule.param("multiplier_tolerance", 0.1))
        loose = float(rule.param("approximate_multiplier_tolerance", 0.2))
        previous: list[Template] = []
        for t in templates(ctx):
            for problem in problems(t, tighten, tol, loose):
                yield self._finding(rule, ctx, problem)
            for problem in amount_and_percent_problems(t, tighten):
                yield self._finding(rule, ctx, problem)
            for problem in earlier_start_problems(t, previous[-2:], tighten):
                yield self._finding(rule, ctx, problem)
            previous.append(t)

    def _finding(self, rule: RuleSpec, ctx: DocumentContext, p: Problem) -> Finding:
        fields = {
            "stated": p.stated.words,
            "start": p.a.text,
            "end": p.b.text,
            "actual": p.actual,
        }
        evidence: list[Evidence] = [ctx.span_evidence(p.stated.word_start, p.stated.word_end)]
        for op in (p.a, p.b):
            ev = ctx.span_evidence(op.start, op.end)
            if all(e.start != ev.start for e in evidence):
                evidence.append(ev)
        evidence.sort(key=lambda e: e.start)
        return ctx.finding(rule, _render(rule.message, fields), evidence, p.explanation,
                           p.suggestion)


_OPPOSITES: Mapping[str, str] = {
    "rose": "fell", "risen": "fallen", "rise": "fall", "rises": "falls", "increased": "decreased",
    "increase": "decrease", "grew": "shrank", "up": "down", "climbed": "fell", "jumped": "fell",
    "fell": "rose", "fallen": "risen", "fall": "rise", "falls": "rises", "dropped": "rose",
    "decreased": "increased", "declined": "rose", "down": "up", "cut": "raised",
    "reduced": "raised", "raised": "cut", "lowered": "raised", "shrank": "grew",
}


def _opposite(words: str) -> str | None:
    """The change words with their verb of direction reversed: "rose 5%" → "fell 5%"."""
    for m in re.finditer(r"[A-Za-z]+", words):
        other = _OPPOSITES.get(m.group(0).lower())
        if other is not None:
            if m.group(0)[0].isupper():
                other = other.capitalize()
            return words[: m.start()] + other + words[m.end() :]
    return None
