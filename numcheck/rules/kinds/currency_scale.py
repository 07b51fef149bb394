"""Kind ``currency-scale``: an amount restated in another currency at an impossible scale.

numcheck never converts one currency into another: no exchange rate is assumed, so "£5m ($6m)"
is not checked by ``conversion``. But some currencies have stayed within a small factor of each
other for decades — the US, Canadian, Australian, New Zealand and Singapore dollars, the pound,
the euro, the Swiss franc: one of them is worth between a third and three of another — and an
amount restated among them ("$6.3m (£3.35m)") cannot be ten times larger or smaller than the
original whatever the day's rate. When it is, a scale word or a digit was lost: "$6.3 (£3.35m)",
"$13.5 (£7m)", "$33.1m (£17.m)", "$1.8 billion (£9.4 million)".

Pairs are read as ``conversion`` reads restatements ("X (Y)", "X, or Y", "X – about Y"), and
the amounts after the first inside one bracket ("$186m (£98m; 143m euros)") restate the first.
Minor units count in their major unit (150p is £1.50).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from numcheck import units
from numcheck.claims import Claim
from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.kinds._pairing import fmt, render, sentence_groups
from numcheck.rules.kinds.conversion import restates

# Currencies whose exchange rates have stayed within a factor of about three of each other.
CLOSE_CURRENCIES = frozenset({"USD", "GBP", "EUR", "CHF", "CAD", "AUD", "NZD", "SGD"})
# "$186m (£98m; 143m euros)": a further restatement inside the same bracket.
_NEXT_IN_BRACKET = re.compile(r"^\s*[;,/]\s*(?:about\s+|around\s+|some\s+|roughly\s+)?$", re.I)
_SCALES = ((1e9, "bn"), (1e6, "m"), (1e3, "k"))
# A bracket of restatements: "$186m (£98m; 143m euros)", "(about £7m)".
_OPENS = re.compile(r"^\s*\(\s*(?:about\s+|around\s+|some\s+|roughly\s+|approximately\s+)?$",
                    re.I)


@dataclass(frozen=True)
class Restated:
    first: Claim
    second: Claim
    ratio: float  # the second amount over the first, each in its major unit
    currencies: tuple[str, str]  # their ISO codes ("penny" counts as GBP)


def _major(claim: Claim) -> tuple[str, float] | None:
    """The close currency of a money claim and its amount in it (150p is £1.50), or None."""
    code = units.currency_code(claim.unit)
    if claim.unit is None or claim.upper is not None or code not in CLOSE_CURRENCIES:
        return None
    return code, units.convert(claim.value, claim.unit, code)


def restated_amounts(ctx: DocumentContext) -> Iterator[Restated]:
    """Every amount restated in another close currency, with the ratio of the two."""
    text = ctx.document.text
    for group in sentence_groups(ctx.claims):
        for i, first in enumerate(group):
            a = _major(first)
            if a is None:
                continue
            end, bracket = first.end, False
            for second in group[i + 1 :]:
                gap = text[end : second.start]
                if end == first.end:  # the first restatement: "(£98m", ", or £98m"
                    opened = _OPENS.match(gap) is not None \
                        and ")" in text[second.end : second.end + 60]
                    if not (opened or restates(text, first.end, second.start, second.end)):
                        break
                    bracket = "(" in gap
                elif not (bracket and _NEXT_IN_BRACKET.match(gap)):
                    break  # further ones only inside its bracket: "; 143m euros)"
                b = _major(second)
                if b is not None and b[0] != a[0] and a[1] > 0 and b[1] > 0:
                    yield Restated(first, second, b[1] / a[1], (a[0], b[0]))
                end = second.end


def _suggestion(r: Restated, text: str) -> str | None:
    """The amount missing its scale word, with it: "$6.3 (£3.35m)" → "$6.3m (£3.35m)"."""
    small, large = (r.first, r.second) if r.ratio > 1 else (r.second, r.first)
    factor = max(r.ratio, 1 / r.ratio)
    if re.search(r"(?i)\d\s*(?:k|m|bn|tn|thousand|million|billion|trillion)\b|\.$",
                 small.text):
        return None
    for scale, word in _SCALES:
        if scale / 10 < factor < scale * 10 and re.search(r"(?i)\d\s*(?:m|bn|k|million"
                                                          r"|billion|thousand)\b", large.text):
            number = re.search(r"\d[\d,.]*\d|\d", small.text)
            if number is None:
                return None
            fixed = small.text[: number.end()] + word + small.text[number.end() :]
            start, end = min(r.first.start, r.second.start), max(r.first.end, r.second.end)
            return (text[start : small.start] + fixed + text[small.end : end]
                    + (")" if text[start:end].count("(") > text[start:end].count(")") else ""))
    return None


@register
class CurrencyScaleKind:
    """An amount restated in a currency of like value at ten times or a tenth of itself."""

    kind: ClassVar[str] = "currency-scale"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Compares an amount with its restatement in another currency of like value (US, "
            "Canadian, Australian, New Zealand or Singapore dollars, pounds, euros, Swiss "
            "francs) and flags a ratio no exchange rate comes near."
        ),
        why="A restatement at a thousand or a million times the original has lost a scale "
            "word or a digit; one of the two figures is wrong.",
        example="It came in seventh, taking $6.3 (£3.35m).",
        fix="It came in seventh, taking $6.3m (£3.35m).",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_factor": {
                "description": "The largest ratio between two restated amounts that passes "
                               "(either way).",
                "type": "number", "exclusiveMinimum": 1, "default": 10,
            },
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        limit = float(rule.param("max_factor", 10))
        for r in restated_amounts(ctx):
            if 1 / limit <= r.ratio <= limit:
                continue
            factor = max(r.ratio, 1 / r.ratio)
            size = "larger" if r.ratio > 1 else "smaller"
            fields = {"first": r.first.text, "second": r.second.text, "factor": fmt(factor, 3),
                      "compared": f"{fmt(factor, 3)} times {size}"}
            explanation = (
                f"{r.second.text} is {fmt(r.ratio, 3)} times {r.first.text}; between "
                f"{r.currencies[0]} and {r.currencies[1]} no exchange rate is beyond "
                f"{fmt(limit, 3)} either way, so a scale word (m, bn) or a digit is wrong"
            )
            evidence = [ctx.evidence(r.first), ctx.evidence(r.second)]
            yield ctx.finding(rule, render(rule.message, fields), evidence, explanation,
                              _suggestion(r, ctx.document.text))
