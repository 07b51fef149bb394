"""Kind ``percent-of``: a count, its whole and the percentage said to relate them.

The three numbers must stand in one of the shapes English uses for "N is P% of M":

* "12 of the 20 members (60%)", "12 out of 20, or 60%" — count, whole, percentage;
* "45% of the 2,000 staff, or 900 people", "45% of its 2,000 staff (900)" — percentage, whole,
  count;
* "900 staff, or 45%, of the 2,000", "900 (45%) of the 2,000 staff" — count, percentage, whole;
* "60% (12 of 20)" — percentage, count, whole;
* "Of the 1,000 people surveyed, 450 (45%) said yes" — whole, count, percentage.

N / M is recomputed over every value the words allow (counts are whole numbers; the count and
the whole are read at the finest precision written in either) and compared with the interval of
P as written ("60%" is 59.5–60.5). Writers often truncate (two-thirds → "66%"), so by default P
may also stand for anything up to its next step.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from numcheck.claims import Claim, Interval
from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._pairing import (
    BOUND_WORDS,
    allowed,
    balanced_end,
    computed_phrase,
    describe,
    digit_step,
    fmt,
    integral,
    is_count,
    literal_step,
    number_text,
    render,
    replace_number,
    round_to,
    sentence_groups,
)

_OWNER = (
    r"(?:(?:the|its|their|his|her|our|all|these|those|all\s+the)\s+"
    r"|(?:the\s+)?[\w.&-]+(?:'s|’s)\s+)?"
)
# count → whole: "12 of the 20", "12 out of 20", "one in five"
_OF = re.compile(
    rf"(?P<noun>[^\d.;:()\[\]–—,!?]{{0,30}}?)\s+(?:out\s+of|of|in)\s+{_OWNER}{BOUND_WORDS}$",
    re.I,
)
# percentage → whole: "45% of the 2,000", "45 per cent of Britain's 60 million"
_PERCENT_OF = re.compile(rf"\s+of\s+{_OWNER}{BOUND_WORDS}$", re.I)
# one figure restated by the next: "(", ", or", " – ", ", "
_RESTATED = re.compile(
    rf"(?P<noun>[^\d.;:()\[\]–—!?]{{0,40}}?)(?:\s*\(|\s*,\s*or\s+|\s*,\s+|\s+[-–—]\s+"
    rf"|\s*[–—]\s*|\s+or\s+){BOUND_WORDS}$",
    re.I,
)
# percentage → whole after a restated count: "900 staff, or 45%, of the 2,000"
_THEN_OF = re.compile(rf"\s*[)–—]?\s*,?\s*(?:[-–—]\s*)?of\s+{_OWNER}{BOUND_WORDS}$", re.I)
# whole → count after "Of the": "Of the 1,000 people surveyed, 450 (45%) said yes"
_OF_THE_BEFORE = re.compile(rf"\b[Oo]f\s+{_OWNER}{BOUND_WORDS}$")
_OF_THE_GAP = re.compile(rf"[^\d.;:()\[\]–—!?,]{{0,60}},\s+{BOUND_WORDS}")
# A percentage followed by "of" is a share of something else ("60% of whom", "5% of GDP") unless
# that something is the same whole.
_OF_AFTER = re.compile(r"\s+of\b(?!\s+(?:the\s+)?(?:total|them|all|those|these)\b)", re.I)


@dataclass(frozen=True)
class Ratio:
    """A count, its whole and the percentage the text gives for count / whole."""

    count: Claim
    whole: Claim
    percent: Claim
    shape: str


def _is_share(p: Claim) -> bool:
    return p.unit == "percent" and p.change is None


def _is_amount(c: Claim) -> bool:
    return c.change is None and c.unit != "percent" and c.kind in ("count", "money", "measure")


def _same_units(count: Claim, whole: Claim) -> bool:
    return (is_count(count) and is_count(whole)) or (
        count.unit is not None and count.unit == whole.unit
    )


def _between(text: str, a: Claim, b: Claim) -> str:
    return text[a.end : b.start] if b.start >= a.end else "\0"


def _share_of_other(text: str, p: Claim) -> bool:
    return _OF_AFTER.match(text, p.end) is not None


def ratios(ctx: DocumentContext) -> Iterator[Ratio]:
    """Every count–whole–percentage triple in one of the recognised shapes, in text order."""
    text = ctx.document.text
    for group in sentence_groups(ctx.claims):
        for x, y, z in zip(group, group[1:], group[2:], strict=False):
            found = _shape(text, x, y, z)
            if found is not None and _same_units(found.count, found.whole):
                yield found


def _shape(text: str, x: Claim, y: Claim, z: Claim) -> Ratio | None:
    g1, g2 = _between(text, x, y), _between(text, y, z)
    count_whole_percent = _is_amount(x) and _is_amount(y) and _is_share(z)
    if count_whole_percent and _OF.fullmatch(g1) and _RESTATED.fullmatch(g2) \
            and not _share_of_other(text, z):
        return Ratio(x, y, z, "count-whole-percent")  # "12 of the 20 members (60%)"
    if _is_share(x) and _is_amount(y) and _is_amount(z):
        # "45% of the 2,000 staff, or 900 people"
        if _PERCENT_OF.fullmatch(g1) and _RESTATED.fullmatch(g2):
            return Ratio(z, y, x, "percent-whole-count")
        # "60% (12 of 20)"
        if re.fullmatch(rf"\s*\(\s*{BOUND_WORDS}", g1, re.I) and _OF.fullmatch(g2):
            return Ratio(y, z, x, "percent-count-whole")
    whole_count_percent = _is_amount(x) and _is_amount(y) and _is_share(z)
    if whole_count_percent and _OF_THE_GAP.fullmatch(g1) and _RESTATED.fullmatch(g2) \
            and _OF_THE_BEFORE.search(text[max(x.sentence_start, x.start - 30) : x.start]) \
            and not _share_of_other(text, z):
        return Ratio(y, x, z, "of-the-whole-count-percent")  # "Of the 1,000 asked, 450 (45%)"
    count_percent_whole = _is_amount(x) and _is_share(y) and _is_amount(z)
    if count_percent_whole and _RESTATED.fullmatch(g1) and _THEN_OF.fullmatch(g2):
        return Ratio(x, z, y, "count-percent-whole")  # "900 staff, or 45%, of the 2,000"
    return None


# --------------------------------------------------------------------------- arithmetic


def _amount(claim: Claim, step: float) -> Interval:
    iv = allowed(claim, step)
    return integral(iv) if is_count(claim) else iv


def _share_interval(p: Claim, truncation: bool) -> Interval:
    step = literal_step(p)
    iv = allowed(p, step)
    if truncation and p.bound == "=":
        # "66%" for two-thirds: a truncated figure stands for anything below its next step.
        return Interval(iv.low, p.value + step, iv.low_closed, False)
    return iv


@dataclass(frozen=True)
class Verdict:
    computed: Interval
    stated: Interval
    point: float
    holds: bool


def judge(r: Ratio, truncation: bool = True) -> Verdict | None:
    finest = min(r.count.step, r.whole.step)

    def step(c: Claim) -> float:
        return min(c.step, max(literal_step(c), finest))

    n = _amount(r.count, step(r.count))
    m = _amount(r.whole, step(r.whole))
    if m.high <= 0 or r.whole.value <= 0:
        return None
    low = 100 * n.low / m.high if math.isfinite(m.high) else 0.0
    high = 100 * n.high / m.low if m.low > 0 else math.inf
    computed = Interval(low, high, True, True)
    stated = _share_interval(r.percent, truncation)
    point = 100 * r.count.value / r.whole.value
    return Verdict(computed, stated, point, computed.overlaps(stated))


@register
class PercentOfKind:
    """A percentage that is not the stated count divided by the stated whole."""

    kind: ClassVar[str] = "percent-of"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Recomputes a percentage given with its count and whole — \"N of M (P%)\", "
            "\"P% of M, or N\", \"N, or P%, of M\" — and compares it with the percentage written."
        ),
        why=(
            "The count, the whole and the percentage are three statements of one fact; a slip "
            "in any one of them (often a percentage left over from an earlier draft) makes the "
            "sentence contradict itself."
        ),
        example="Twelve of the 20 board members (70%) voted to sell.",
        fix="Twelve of the 20 board members (60%) voted to sell.",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "allow_truncation": {
                "description": "Accept a percentage truncated rather than rounded "
                               "(two-thirds written as 66%).",
                "type": "boolean", "default": True,
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        truncation = bool(rule.param("allow_truncation", True))
        for r in ratios(ctx):
            verdict = judge(r, truncation)
            if verdict is None or verdict.holds:
                continue
            yield self._finding(rule, ctx, r, verdict)

    def _finding(self, rule: RuleSpec, ctx: DocumentContext, r: Ratio, v: Verdict) -> Finding:
        text = ctx.document.text
        p = r.percent
        step = literal_step(p)
        computed_text = number_text(round_to(v.point, step), step, thousands=False) + "%"
        fields = {
            "count": fmt(r.count.value, 12),
            "whole": fmt(r.whole.value, 12),
            "computed": computed_text,
            "percent": p.text,
        }
        if p.bound == "=":
            truncated = v.stated.high > p.value + step / 2
            allowance = "by rounding or truncation" if truncated else "by rounding"
        else:
            allowance = "for an approximate figure" if p.bound == "~" else "by its bound"
        explanation = (
            f"{fmt(r.count.value, 12)} / {fmt(r.whole.value, 12)} × 100 "
            f"{computed_phrase(v.computed.low, v.computed.high, v.point, '%')}; the text says "
            f"{p.text} ({describe(v.stated)}% allowed {allowance})"
        )
        evidence = [ctx.evidence(c) for c in sorted((r.count, r.whole, p), key=lambda c: c.start)]
        return ctx.finding(
            rule, render(rule.message, fields), evidence, explanation,
            _suggest(r, v, text, computed_text),
        )


def _suggest(r: Ratio, v: Verdict, text: str, computed_text: str) -> str:
    """The three numbers with the restating one recomputed: the count in "45% of the 2,000
    staff, or 900 people", the percentage everywhere else."""
    claims = (r.count, r.whole, r.percent)
    first = min(c.start for c in claims)
    last = balanced_end(text, first, max(c.end for c in claims))
    if r.shape == "percent-whole-count":
        target = r.count
        exact = r.percent.value / 100 * r.whole.value
        step = max(literal_step(r.count), digit_step(exact, 2))
        new = number_text(round_to(exact, step), step)
    else:
        target = r.percent
        new = computed_text.rstrip("%")
    return (text[first : target.start] + replace_number(target.text, new)
            + text[target.end : last])
