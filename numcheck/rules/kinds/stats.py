"""Rule kind ``stats``: reported test statistics recomputed, the way statcheck does it.

One kind, three things a rule can flag (``params.flag``):

* ``inconsistency`` — the reported p does not match the p recomputed from the statistic and its
  degrees of freedom (after allowing for the statistic's rounding), without changing the
  conclusion at α;
* ``decision-error`` — the mismatch flips significance at α;
* ``impossible`` — values that cannot be real: p > 1, p < 0, p written as zero ("p = .000"),
  a correlation outside [−1, 1], a negative F or χ², a df ≤ 0.

Each statistic gets at most one finding per rule; the three flags never overlap for the same
problem (an inconsistency that is also a decision error is reported only as the latter).
Message placeholders: ``{raw}``, ``{statistic}``, ``{reported}``, ``{computed}``, ``{range}``,
``{alpha}``, ``{tails}``, ``{reason}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any, ClassVar

from numcheck.findings import Finding
from numcheck.rules.base import DocumentContext, RuleDocs, RuleSpec, register
from numcheck.stats.consistency import Options, Verdict, is_error
from numcheck.stats.explain import Described, describe_impossible, describe_verdict
from numcheck.stats.pages import where
from numcheck.stats.pipeline import check_text, options_from_params


class _Blank(dict[str, str]):
    """Unknown placeholders in a user's message template stay as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, fields: Mapping[str, str]) -> str:
    try:
        return template.format_map(_Blank(fields))
    except (ValueError, IndexError):  # a stray brace in a user template: show it unfilled
        return template


@register
class StatsKind:
    kind: ClassVar[str] = "stats"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what=(
            "Finds APA-style and common non-APA test results (t, F, r, χ², z, Q with their "
            "degrees of freedom and p) and recomputes p from the statistic, treating the "
            "statistic as a rounded number. `flag` chooses what a rule reports: p-values "
            "that do not match (`inconsistency`), mismatches that flip significance at α "
            "(`decision-error`) or values that cannot exist (`impossible`)."
        ),
        why=(
            "Statistics are copied by hand between software output and manuscript; about half "
            "of psychology papers contain at least one inconsistent p-value (Nuijten et al. "
            "2016). A p that does not follow from its own statistic is either a typo or a "
            "wrong test, and readers cannot tell which."
        ),
        example="The effect was significant, t(28) = 2.20, p = .03.",
        fix=(
            "Recompute the test and report the statistic and p from the same output. If the "
            "test was one-tailed, say so next to the result."
        ),
    )
    params_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "flag": {"enum": ["inconsistency", "decision-error", "impossible"],
                     "default": "inconsistency",
                     "description": "What this rule reports."},
            "alpha": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1,
                      "default": 0.05, "description": "Significance level for decisions."},
            "p_equal_alpha_sig": {"type": "boolean", "default": True,
                                  "description": "Count p = α as significant."},
            "p_zero_error": {"type": "boolean", "default": True,
                             "description": "Count p = .000 as an inconsistency."},
            "one_tailed": {"enum": ["never", "text", "always"], "default": "never",
                           "description": "never (statcheck's default), text (accept a "
                                          "one-tailed reading when the document mentions "
                                          "one-sided tests) or always."},
            "apa_only": {"type": "boolean", "default": False,
                         "description": "Read only strict APA layout, as statcheck does."},
        },
    }

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        params = rule.params
        options = options_from_params(params)
        flag = params.get("flag", "inconsistency")
        text = ctx.document.text
        for verdict in check_text(text, options, apa_only=bool(params.get("apa_only", False))):
            described = _describe(flag, verdict, options, ctx)
            if described is None:
                continue
            test = verdict.test
            evidence = [ctx.span_evidence(test.start, test.end)]
            yield ctx.finding(rule, fill(rule.message, described.fields), evidence,
                              described.explanation, described.suggestion)


def _describe(flag: str, verdict: Verdict, options: Options,
              ctx: DocumentContext) -> Described | None:
    place = where(ctx.document.meta, verdict.test.start)
    if flag == "impossible":
        if verdict.impossible is None and not verdict.zero_p:
            return None
        return describe_impossible(verdict, place)
    if verdict.impossible is not None or not verdict.error:
        return None
    if flag == "decision-error":
        return describe_verdict(verdict, options, place) if verdict.decision_error else None
    # A zero p is reported by the impossible-value rule; on its own it is not a mismatch.
    if verdict.decision_error or (verdict.zero_p and _only_zero(verdict, options)):
        return None
    return describe_verdict(verdict, options, place)


def _only_zero(verdict: Verdict, options: Options) -> bool:
    """The error comes from p = .000 alone (statcheck's ``pZeroError``), not a mismatch."""
    relaxed = replace(options, p_zero_error=False)
    return not is_error(verdict.test, relaxed, two_tailed=not verdict.one_tailed)
