"""Rule kind ``grim``: means, SDs and percentages that whole-number data cannot produce.

``params.test`` chooses the check: ``grim`` (a mean of n integer answers), ``grimmer`` (its
SD), ``debit`` (mean and SD of 0/1 data) or ``percent`` (a percentage of n people). The values
come from :func:`numcheck.stats.descriptives.find_descriptives`, which only pairs a value with a
sample size when the sentence makes the pairing clear and the words say the data are whole
numbers (scores, ratings, people). Message placeholders: ``{value}``, ``{sd}``, ``{n}``,
``{items}``, ``{nearby}``, ``{what}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from numcheck.findings import Evidence, Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds.stats import fill
from numcheck.segment import Sentence
from numcheck.stats.descriptives import Descriptive, find_descriptives
from numcheck.stats.explain import Described, describe_debit, describe_grim, describe_grimmer
from numcheck.stats.granularity import debit, grim, grimmer
from numcheck.stats.pages import where
from numcheck.stats.rounding import SCHEMES


@lru_cache(maxsize=16)
def _descriptives(text: str, sentences: tuple[Sentence, ...]) -> tuple[Descriptive, ...]:
    return tuple(find_descriptives(text, sentences))


@register
class GrimKind:
    kind: ClassVar[str] = "grim"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Tests whether a reported mean, SD or percentage could come from whole-number data "
            "of the stated sample size: GRIM for means and percentages, GRIMMER for SDs, DEBIT "
            "for the mean and SD of 0/1 data, with the rounding schemes of the R package "
            "scrutiny."
        ),
        why=(
            "The mean of 28 answers on a 1–5 scale is a multiple of 1/28 (3.46, 3.50, ...); "
            "3.47 cannot happen. Such a value means a typo, a wrong sample size, excluded "
            "cases that were not reported, or numbers that were never computed (Brown & "
            "Heathers 2017)."
        ),
        example="A study of 28 people found a mean score of 3.47.",
        fix=(
            "Check the mean (or SD, or percentage) and the sample size against the data. If "
            "the scale has several items, say how many: more items allow finer means."
        ),
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "test": {"enum": ["grim", "grimmer", "debit", "percent"], "default": "grim",
                     "description": "Which granularity test this rule runs."},
            "rounding": {"enum": list(SCHEMES), "default": "up_or_down",
                         "description": "How the reported values were rounded."},
            "symmetric": {"type": "boolean", "default": False,
                          "description": "Round negative ties like positive ones."},
            "items": {"type": "integer", "minimum": 1, "default": 1,
                      "description": "Items per respondent when the text does not say."},
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        params = rule.params
        test = str(params.get("test", "grim"))
        scheme = str(params.get("rounding", "up_or_down"))
        symmetric = bool(params.get("symmetric", False))
        default_items = int(params.get("items", 1))
        text = ctx.document.text
        for found in _descriptives(text, tuple(ctx.sentences)):
            place = where(ctx.document.meta, found.value.start)
            described = _run(test, found, scheme, symmetric, default_items, place)
            if described is None:
                continue
            # The value under test comes first: the finding is located at it.
            evidence = [_evidence(ctx, found.value.start, found.value.end)]
            if found.sd is not None and test in {"grimmer", "debit"}:
                evidence.append(_evidence(ctx, found.sd.start, found.sd.end))
            evidence.append(_evidence(ctx, found.n.start, found.n.end))
            yield ctx.finding(rule, fill(rule.message, described.fields), evidence,
                              described.explanation, described.suggestion)


def _evidence(ctx: DocumentContext, start: int, end: int) -> Evidence:
    return ctx.span_evidence(start, end)


def _run(test: str, found: Descriptive, scheme: str, symmetric: bool, default_items: int,
         place: str) -> Described | None:
    n = found.n_value
    if n < 1:
        return None
    if test == "percent":
        if found.kind != "percent":
            return None
        result = grim(found.value.text, n, percent=True, scheme=scheme, symmetric=symmetric)
        return None if result.consistent else describe_grim(result, True, place)
    if test == "debit":
        if found.kind != "binary" or found.sd is None or n < 2:
            return None
        outcome = debit(found.value.text, found.sd.text, n, scheme, symmetric)
        return None if outcome.consistent else describe_debit(outcome, place)
    if found.kind != "mean":
        return None
    items = found.items or default_items
    if test == "grim":
        result = grim(found.value.text, n, items, scheme=scheme, symmetric=symmetric)
        return None if result.consistent else describe_grim(result, found.items is not None,
                                                            place)
    if test == "grimmer" and found.sd is not None and n >= 2:
        checked = grimmer(found.value.text, found.sd.text, n, items, scheme, symmetric)
        # A mean GRIM already rejects is the grim rule's finding, not this one's.
        if checked.consistent or checked.reason == "GRIM inconsistent":
            return None
        return describe_grimmer(checked, place)
    return None
