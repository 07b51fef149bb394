"""Kind ``percent-total``: shares of one whole that add up to more than the whole.

Most sentences with several percentages are *not* shares of one whole: "70% of over-65s ...,
compared with 39% of people under 55" (two wholes), "87% said X, while 92% said Y" (two
questions), "rose from 70% to 85%" (one share at two times). The kind checks a run of
percentages only when the sentence itself says they split one whole, in one of five frames:

* *remainder*: "... with foreign films taking the remaining 62.5%", "... and the rest
  undecided": the list names the whole; with a remainder figure it claims to be complete;
* *complement*: "53% had sympathy, with 40% saying they did not": answers to one question;
* *answers*: "45% backed the plan, 38% opposed it and 22% did not know": for, against and
  don't know (or undecided, unsure, no opinion) are the answers to one question;
* *gapping*: "40% voted Labour, 35% Conservative and 30% Lib Dem", "85% owned by the
  government and 15% by its staff": later items drop the verb of choice or allocation, so they
  share it — and its whole;
* *labelled results*: "Labour 40%, the Conservatives 35%, the Lib Dems 30%" in a sentence about
  votes, seats or shares.

A run is broken by a number of anything else, a comparison ("compared with", "than", "from",
"to") or another whole ("30% of women", "in Frankfurt"). Each share is read as rounded to its
last written digit ("40%" is 39.5–40.5); the run is flagged when even the smallest values
allowed add up to more than 100%, or — for a complete list — the largest fall well short of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from numcheck.claims import Claim, Interval
from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._pairing import (
    add,
    allowed,
    describe,
    fmt,
    literal_step,
    render,
    sentence_groups,
)

# The separator between one share's words and the next share's label.
_SEPARATOR = re.compile(
    r"(?:\s*[,;]\s*(?:and\s+|while\s+|with\s+|whereas\s+|but\s+|plus\s+)?|\s+(?:and|while|with"
    r"|whereas|but|plus)\s+)(?!.*(?:[,;]|\b(?:and|while|with|whereas|but|plus)\b))",
    re.I | re.S,
)
# Words that make two percentages a comparison, a change, two times or two different wholes.
_BREAK = re.compile(
    r"\b(?:compared|comparison|than|versus|vs|from|up|down|rise|rising|rose|fall|fell"
    r"|falling|increase[ds]?|decrease[ds]?|previous|previously|earlier|ago|respectively|each"
    r"|per|among|amongst|whom|which)\b"
    r"|\d",
    re.I,
)
# Time words: a share "last year" and another "this year" are one share at two times.
_TIME = re.compile(
    r"\b(?:before|after|last|this|next|now|year|years|month|months|quarter|week|weeks"
    r"|today|currently|once|then|previous|earlier|later)\b",
    re.I,
)
# A share whose label ends in one of these is the end of a change or comparison ("to 49%").
_BREAK_LABEL = re.compile(r"\b(?:to|from|than|of|by|at)\s*$", re.I)
_REMAINDER_LABEL = re.compile(
    r"\b(?:the\s+)?(?:remaining|rest|remainder|other|others|balance)\b\W*(?:of\s+\w+\s+)?$", re.I
)
_REMAINDER_TAIL = re.compile(
    r"\b(?:the\s+(?:rest|remainder|balance)|all\s+(?:the\s+)?others|everyone\s+else)\b", re.I
)
_COMPLEMENT = re.compile(
    r"\b(?:did\s+not|didn't|do\s+not|don't|does\s+not|doesn't|were\s+not|weren't|was\s+not"
    r"|disagreed|disagree|opposed|oppose|against|undecided|not\s+sure|no\s+opinion|unsure"
    r"|said\s+no|voted\s+no|rejected|neither)\b",
    re.I,
)
# The last answer of a poll question: those who gave none.
_DONT_KNOW = re.compile(
    r"\b(?:did\s+not|didn't|do\s+not|don't|does\s+not|doesn't)\s+know\b|\bundecided\b"
    r"|\bnot\s+sure\b|\bunsure\b|\bno\s+opinion\b|\bneither\b|\bdon't\s+knows\b",
    re.I,
)
_CHOICE = re.compile(
    r"\b(?:voted|vote|votes|voting|backed|backing|supported|support|supports|chose|chosen"
    r"|choose|preferred|prefer|prefers|favoured|favour|favored|favor|opted|picked"
    r"|(?:owned|held|controlled)\s+by"
    r"|went|go|goes|going|gone|allocated|given|paid|spent|used|invested|directed|set\s+aside"
    r"|made\s+available|divided|split|share|stake|came|comes|earmarked|assigned|awarded"
    r"|won)\b",
    re.I,
)
# A gapped item: its words start with a preposition of the shared verb or with a name.
_GAPPED = re.compile(r"^(?:by|for|to|on|with|into|as|the\s+[A-Z]|[A-Z])")
_LABEL = re.compile(
    r"(?:^|\b)(?:(?:the|and|while|with)\s+)?(?:[A-Z][\w.'’&-]*\s+){0,3}[A-Z][\w.'’&-]*\s*"
    r"(?:(?:was|were|is|are|stood|remained|polled|got|had|has|have|took|received|won)\b\s*)?"
    r"(?:on|at|with|\()?\s*$"
)
_RESULTS = re.compile(
    r"\b(?:vote[sd]?|voting|poll|polls|polled|share|seats|support|backing|ballot|election"
    r"|referendum|market)\b",
    re.I,
)
_OF_AFTER = re.compile(r"^\s*of\s+([^,;]{0,40})")


@dataclass(frozen=True)
class Share:
    """One percentage in a run, with the words before it (its label) and after it."""

    claim: Claim
    label: str
    words: str


@dataclass(frozen=True)
class ShareList:
    shares: tuple[Share, ...]
    frame: str
    complete: bool


def _is_share(c: Claim) -> bool:
    return c.unit == "percent" and c.change is None and 0 <= c.value <= 100


def _split(gap: str) -> tuple[str, str] | None:
    """A gap between two shares → (words of the first, label of the second)."""
    if len(gap) > 100 or _BREAK.search(gap):
        return None
    sep = _SEPARATOR.search(gap)
    if sep is None:
        return None
    label = gap[sep.end() :].strip()
    if _BREAK_LABEL.search(label):
        return None
    return gap[: sep.start()].strip(), label


def _runs(text: str, group: Sequence[Claim]) -> Iterator[list[Share]]:
    """Maximal runs of percentages joined by list separators."""
    run: list[Share] = []
    pending_label = ""
    for index, c in enumerate(group):
        previous = group[index - 1] if index else None
        if not _is_share(c):
            if len(run) >= 2:
                yield run
            run = []
            continue
        split = _split(text[previous.end : c.start]) if previous is not None and run else None
        if run and split is not None and previous is run[-1].claim:
            run[-1] = Share(run[-1].claim, run[-1].label, split[0])
            run.append(Share(c, split[1], ""))
            continue
        if len(run) >= 2:
            yield run
        start = max(c.sentence_start, previous.end if previous is not None else 0)
        pending_label = text[start : c.start]
        label = re.split(r"[,;:]|\band\b", pending_label)[-1].strip()
        run = [Share(c, label, "")]
    if len(run) >= 2:
        yield run


def _tail(text: str, c: Claim) -> str:
    end = c.sentence_start + len(c.sentence)
    words = text[c.end : end]
    return re.split(r"[;]|,\s*(?:but|while|although)\b", words, maxsplit=1)[0][:80]


def _frame(run: Sequence[Share], tail: str, sentence: str) -> tuple[str, bool] | None:
    """Which frame makes this run shares of one whole, and whether it claims completeness."""
    first_of = _OF_AFTER.match(run[0].words)
    later = [s.words or "" for s in run[1:]]
    later[-1] = later[-1] or tail.strip()
    for words in later:
        of = _OF_AFTER.match(words)
        if of is not None and (first_of is None or of.group(1) != first_of.group(1)):
            return None  # "60% of women ..., 39% of men": two wholes
    later_words = [f"{s.label} {s.words}" for s in run[1:]]
    later_words[-1] += " " + tail
    if _TIME.search(run[0].words) and any(_TIME.search(w) for w in later_words):
        return None  # "40% last year and 35% this year": one share at two times
    if any(_REMAINDER_LABEL.search(s.label) for s in run[1:]):
        return "remainder", True
    if _REMAINDER_TAIL.search(tail):
        return "remainder", False
    if len(run) == 2 and _COMPLEMENT.search(later[-1] + " " + run[1].label):
        return "complement", False
    middle = zip(run[1:-1], later[:-1], strict=True)
    if len(run) >= 3 and _DONT_KNOW.search(later[-1] + " " + run[-1].label) and any(
            _COMPLEMENT.search(f"{share.label} {words}") for share, words in middle):
        # "45% backed the plan, 38% opposed it and 22% did not know": for, against and
        # don't know are the answers to one question
        return "answers", False
    first_words = run[0].words or ""
    if _CHOICE.search(first_words) and all(_GAPPED.match(w) for w in later):
        return "gapping", False
    # The first share may name the whole: "Google has 80% of the search market, Yahoo 15%".
    between = [run[0].words if not first_of else "", *(s.words for s in run[1:-1])]
    # The first label may follow other words ("The poll put Labour on"); the later ones must be
    # names alone, or "in the German market Deutsche Telekom" would pass for a label.
    labelled = (
        _LABEL.search(run[0].label) is not None
        and all(_LABEL.fullmatch(s.label) for s in run[1:])
        and not any(w.strip(" )") for w in between)
    )
    if labelled and _RESULTS.search(sentence):
        return "labelled results", False
    return None


def share_lists(ctx: DocumentContext) -> Iterator[ShareList]:
    """Every run of percentages the sentence presents as shares of one whole."""
    text = ctx.document.text
    for group in sentence_groups(ctx.claims):
        for run in _runs(text, group):
            last = run[-1].claim
            frame = _frame(run, _tail(text, last), last.sentence)
            if frame is not None:
                yield ShareList(tuple(run), frame[0], frame[1])


def total(shares: Sequence[Share]) -> Interval:
    result = Interval(0.0, 0.0, True, True)
    for s in shares:
        result = add(result, allowed(s.claim, literal_step(s.claim)))
    return result


@register
class PercentTotalKind:
    """Shares of one whole whose total cannot be 100%."""

    kind: ClassVar[str] = "percent-total"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Adds up percentages that one sentence presents as shares of one whole (votes, "
            "answers, owners, allocations) and flags a total above 100%, or — when the list "
            "claims to be complete (\"the remaining 30%\") — well short of it."
        ),
        why=(
            "Shares of one whole cannot exceed it. A total of 105% means at least one share "
            "is wrong, usually a figure copied from an older poll or a different question."
        ),
        example="In the poll 40% backed Labour, 35% the Conservatives and 30% the Lib Dems.",
        fix="In the poll 40% backed Labour, 35% the Conservatives and 20% the Lib Dems.",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "slack": {
                "description": "Percentage points allowed above 100 beyond each share's "
                               "rounding.",
                "type": "number", "minimum": 0, "default": 0,
            },
            "short_by": {
                "description": "How many points a complete list may fall short of 100 beyond "
                               "rounding before it is flagged.",
                "type": "number", "minimum": 0, "default": 2,
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        slack = float(rule.param("slack", 0))
        short_by = float(rule.param("short_by", 2))
        for shares in share_lists(ctx):
            iv = total(shares.shares)
            over = iv.low > 100 + slack or (iv.low == 100 + slack and not iv.low_closed)
            short = shares.complete and iv.high < 100 - short_by
            if over or short:
                yield self._finding(rule, ctx, shares, iv, over)

    def _finding(
        self, rule: RuleSpec, ctx: DocumentContext, shares: ShareList, iv: Interval, over: bool
    ) -> Finding:
        stated = sum(s.claim.value for s in shares.shares)
        terms = " + ".join(fmt(s.claim.value) for s in shares.shares)
        comparison = "more than 100%" if over else "well short of 100% for a complete list"
        fields = {"sum": fmt(stated), "comparison": comparison, "frame": shares.frame}
        bound = (f"even the smallest values the rounding allows add up to {fmt(iv.low)}%"
                 if over else f"even the largest values the rounding allows add up to only "
                              f"{fmt(iv.high)}%")
        explanation = (
            f"{terms} = {fmt(stated)}% ({describe(iv)}% allowing for rounding); {bound}, and "
            f"the sentence presents them as shares of one whole ({shares.frame})"
        )
        evidence = [ctx.evidence(s.claim) for s in shares.shares]
        return ctx.finding(rule, render(rule.message, fields), evidence, explanation, None)
