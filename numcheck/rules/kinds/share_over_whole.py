"""Kind ``share-over-whole``: one share of a whole said to be more than all of it.

A percentage can exceed 100 — prices "up 150%", debt "140% of GDP", a pay rise "120% of
inflation" — but not when the sentence makes it a part of a whole counted in its own terms.
The kind reads four frames, each a part of a whole whatever the number:

* *of a group*: "47% of voters", "55% of those polled", "a third of the company's 60% of the
  market": people, respondents, an electorate, an audience, a market, a company, its shares;
* *poll answer*: "47% said …", "36% thought …", "41% backed …": a percentage that is the
  subject of a verb of saying, thinking, choosing or voting is a share of those asked;
* *holding*: "a 55% stake", "its holding from 75% to 60%", "BBC Two's share of the audience
  fell from 11.2% to 9.6%": ownership and audience or market share;
* *accounting for*: "accounted for 35.7% of", "made up 40% of": a part of a total;
* *fall*: "sales fell 155%": a fall is a share of the level fallen from, and what cannot go
  below zero cannot lose more than all of itself (profits, earnings, balances, rates, growth
  and the like can, and are left alone).

Only a percentage whose lowest reading is above 100 is flagged ("100%" of voters is possible,
"100.4%" rounds to 100 only when written so); a rise ("up 150%") never is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from numcheck.claims import Claim
from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._pairing import render

_GROUP = (
    r"(?:people|adults|voters|respondents|those\s+(?:polled|questioned|surveyed|asked|who)"
    r"|population|electorate|public|children|pupils|students|women|men|households|families"
    r"|firms|companies|businesses|britons|americans|users|customers|employees|staff|workers"
    r"|members|viewers|listeners|readers|audience|market|vote|votes|seats|shares|company"
    r"|firm|group|stock|equity|shareholders|patients|doctors|teachers|parents|consumers)"
)
# "of voters", "of the 2,000 people questioned", "of all UK households", "of its shares"
_OF_A_GROUP = re.compile(
    rf"^\s+of\s+(?:the\s+|all\s+(?:the\s+)?|those\s+|its\s+|their\s+|[A-Z][\w.&-]*(?:'s|’s)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_GROUP}\b",
    re.I,
)
# A verb whose subject is a share of people asked: "47% said", "36% of them thought".
_POLL_VERB = re.compile(
    r"^\s+(?:of\s+(?:them|those|us|people|voters|respondents|adults)\s+)?"
    r"(?:said|say|says|think|thought|thinks|believe|believed|believes|agree|agreed|agrees"
    r"|disagree|disagreed|back|backed|backs|support|supported|supports|want|wanted|wants"
    r"|oppose|opposed|opposes|saw|see|felt|feel|feels|voted|vote|favour|favoured|favor"
    r"|favored|prefer|preferred|prefers|expect|expected|expects|admitted|claimed|reported)\b",
    re.I,
)
# Where a poll answer's percentage stands: first in its clause.
_CLAUSE_START = re.compile(r"(?:^|[.;:,]\s*|\b(?:and|while|but|whereas|with)\s+)$", re.I)
_HOLDING_AFTER = re.compile(r"^[\s-]+(?:stake|holding|shareholding|interest|share)\b", re.I)
_HOLDING_BEFORE = re.compile(
    r"\b(?:stake|holding|shareholding|(?:market|audience|viewing|vote)\s+share"
    r"|share\s+of\s+(?:the\s+)?(?:market|audience|viewers|vote|votes))\b"
    r"[^.;%\d]{0,40}?\b(?:from|to|at|of|was|is|stood\s+at|reached)\s+(?:about\s+|around\s+"
    r"|nearly\s+|almost\s+|just\s+)?$",
    re.I,
)
_ACCOUNTING = re.compile(
    r"\b(?:accounted\s+for|accounts\s+for|account\s+for|accounting\s+for|made\s+up|make\s+up"
    r"|makes\s+up|making\s+up)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+"
    r"|more\s+than\s+|just\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class Share:
    claim: Claim
    frame: str  # "of a group", "poll answer", "holding", "accounting for", "fall"
    whole: str  # what it is a share of, as the text names it


def _frame(claim: Claim, text: str) -> tuple[str, str] | None:
    start, end = claim.start, claim.end
    before = text[max(claim.sentence_start, start - 80) : start]
    after = text[end : end + 80]
    group = _OF_A_GROUP.match(after)
    if group is not None:
        return "of a group", group.group(0).strip()[len("of"):].strip()
    if _HOLDING_AFTER.match(after) or _HOLDING_BEFORE.search(before):
        return "holding", "what is owned or watched"
    if _ACCOUNTING.search(before):
        return "accounting for", "the total"
    if _POLL_VERB.match(after) and _CLAUSE_START.search(before):
        return "poll answer", "those asked"
    return None


# What may fall below zero, so fall by more than all of it: "profits fell 150%" (to a loss).
_CAN_GO_NEGATIVE = re.compile(
    r"\b(?:profits?|earnings|income|net|loss|losses|deficits?|surplus|balance|margins?|returns?"
    r"|cash\s*flow|ebit(?:da)?|result|results|yield|yields|rates?|growth|inflation|temperature)\b",
    re.I,
)


def _fall_frame(claim: Claim, text: str) -> tuple[str, str] | None:
    """ "sales fell 155%": a fall is a share of the level it fell from, which a quantity that
    cannot go below zero (sales, prices, passengers) cannot lose more than all of."""
    if claim.change != "down" or claim.bound not in ("=", "~", ">", ">="):
        return None
    clause = re.split(r"[;,]|\b(?:while|but|and|whereas)\b",
                      text[claim.sentence_start : claim.start])[-1]
    if _CAN_GO_NEGATIVE.search(clause) or _CAN_GO_NEGATIVE.search(
            text[claim.end : claim.end + 30].split(".")[0]):
        return None
    return "fall", "the level it fell from"


def shares_over_whole(ctx: DocumentContext) -> Iterator[Share]:
    """Every percentage above 100 that its sentence makes a part of a whole."""
    text = ctx.document.text
    for claim in ctx.claims:
        if claim.unit != "percent" or not claim.is_quantity or not claim.low > 100:
            continue
        fall = _fall_frame(claim, text)
        if fall is not None:
            yield Share(claim, *fall)
            continue
        frame = _frame(claim, text)
        if frame is None:
            continue
        if claim.change is not None and frame[0] != "holding":
            continue  # "voters rose 150%": a change, not a share
        yield Share(claim, *frame)


@register
class ShareOverWholeKind:
    """A share of a whole written as more than 100%."""

    kind: ClassVar[str] = "share-over-whole"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Flags a percentage above 100 that its sentence makes a part of a whole: a share of "
            "people or voters, a poll answer, a stake or audience share, or what something "
            "accounted for."
        ),
        why="A part cannot be more than the whole; such a figure is a typo or a misplaced "
            "digit.",
        example="And 447% saw their family's economic conditions improving.",
        fix="And 47% saw their family's economic conditions improving.",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object", "additionalProperties": False, "properties": {},
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        for share in shares_over_whole(ctx):
            fields = {"percent": share.claim.text, "whole": share.whole, "frame": share.frame}
            explanation = (
                f"{share.claim.text} is read as at least {share.claim.low:g}%; the sentence "
                f"makes it a share of {share.whole} ({share.frame}), which is at most 100%"
            )
            yield ctx.finding(rule, render(rule.message, fields), [ctx.evidence(share.claim)],
                              explanation, None)
