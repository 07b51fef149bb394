"""Words for findings: what was recomputed, what the text says, what would have been possible.

Kept apart from the rule kinds so the CLI table, the rules and tests describe a result the
same way.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from numcheck.stats.consistency import Options, Verdict
from numcheck.stats.granularity import DebitResult, GrimmerResult, GrimResult
from numcheck.stats.pvalues import SYMMETRIC, compute_p


def fmt_p(p: float, decimals: int = 3) -> str:
    """A p-value the APA way: ".036", "< .001", "1"."""
    if math.isnan(p):
        return "undefined"
    if p >= 1:
        return "1"
    threshold = 10.0**-decimals
    if p < threshold:
        return "< " + f"{threshold:.{decimals}f}".lstrip("0")
    return f"{p:.{decimals}f}".lstrip("0")


def either(values: list[str] | tuple[str, ...]) -> str:
    """"a", "a or b", "a, b or c"."""
    if len(values) <= 2:
        return " or ".join(values)
    return ", ".join(values[:-1]) + " or " + values[-1]


def p_phrase(p: float, decimals: int = 3) -> str:
    """"p = .036" or "p < .001"."""
    text = fmt_p(p, decimals)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def fmt_stat(x: float, decimals: int) -> str:
    """A bound of a statistic's rounding interval: one decimal more than the statistic."""
    return f"{x:.{decimals + 1}f}".replace("-", "−")


def reported_p(verdict: Verdict) -> str:
    test = verdict.test
    if test.p_comp == "ns":
        return "ns"
    comp = {"<=": "≤", ">=": "≥"}.get(test.p_comp, test.p_comp)
    return f"p {comp} {test.p_text}"


def _decimals(verdict: Verdict) -> int:
    """Enough decimals to show the difference from the reported p (at least APA's three)."""
    dec = verdict.test.p_decimals
    return 3 if dec is None else min(max(dec + 1, 3), 6)


@dataclass(frozen=True)
class Described:
    """Placeholders for a rule's message template, plus the explanation and a suggestion."""

    fields: dict[str, str]
    explanation: str
    suggestion: str | None


def describe_verdict(verdict: Verdict, options: Options, where: str = "") -> Described:
    test = verdict.test
    tails = "one-tailed" if verdict.one_tailed else (
        "two-tailed" if test.test_type in SYMMETRIC else "")
    computed = p_phrase(verdict.computed_p, _decimals(verdict))
    low = fmt_p(verdict.p_low, _decimals(verdict) + 1)
    high = fmt_p(verdict.p_high, _decimals(verdict) + 1)
    half = 0.5 * 10.0**-test.value_decimals
    dec = test.value_decimals
    stat_range = f"{fmt_stat(test.value - half, dec)} to {fmt_stat(test.value + half, dec)}"
    fields = {
        "raw": test.raw,
        "statistic": test.test_type,
        "reported": reported_p(verdict),
        "computed": computed,
        "range": f"{low}–{high}",
        "alpha": f"{options.alpha:g}",
        "tails": tails,
        "reason": verdict.impossible or "",
    }
    name = _name(test.test_type)
    parts = [
        f"{name}{_dfs(verdict)} = {test.value_text} gives {computed}"
        + (f" ({tails})" if tails else "")
        + f"; as a rounded number {name} = {test.value_text} stands for {stat_range}, which "
        + f"allows p from {low} to {high}, but the text says {reported_p(verdict)}{where}."
    ]
    if verdict.decision_error:
        claimed = "significant" if _claims_significance(verdict, options) else "not significant"
        parts.append(f"At α = {options.alpha:g} the text calls the result {claimed}; the "
                     f"recomputed p says the opposite.")
    if verdict.one_tailed and verdict.error is False:
        parts.append("Consistent as a one-tailed test (the text mentions one-sided testing).")
    elif verdict.one_tailed_fits:
        one = p_phrase(compute_p(test.test_type, test.value, test.df1, test.df2, False),
                       _decimals(verdict))
        mention = ("the document mentions one-sided testing"
                   if verdict.one_tailed_in_text else "the document does not say so")
        parts.append(f"A one-tailed test would give {one}, which fits ({mention}; statcheck "
                     "accepts it with OneTailedTxt, numcheck with one_tailed: text).")
    if verdict.zero_p:
        parts.append("A p-value is never exactly zero; write p < .001.")
    suggestion = None
    if verdict.error and not math.isnan(verdict.computed_p):
        p_part = p_phrase(verdict.computed_p, 3)
        suggestion = re.sub(r"(?:[pP]\b.*|\bn\.?\s?s\.?)$", p_part, test.raw, count=1)
    return Described(fields, " ".join(parts), suggestion)


def _claims_significance(verdict: Verdict, options: Options) -> bool:
    test = verdict.test
    if test.p_comp == "ns":
        return False
    assert test.p_value is not None
    if test.p_comp in {">", ">="}:
        return False
    return test.p_value <= options.alpha if options.p_equal_alpha_sig else (
        test.p_value < options.alpha)


def _name(test_type: str) -> str:
    return {"Chi2": "χ²", "Z": "z"}.get(test_type, test_type)


def _dfs(verdict: Verdict) -> str:
    test = verdict.test
    dfs = [d for d in (test.df1, test.df2) if d is not None]
    return "(" + ", ".join(f"{d:g}" for d in dfs) + ")" if dfs else ""


def describe_impossible(verdict: Verdict, where: str = "") -> Described:
    test = verdict.test
    reason = verdict.impossible or ""
    fields = {"raw": test.raw, "statistic": test.test_type, "reason": reason,
              "reported": reported_p(verdict), "computed": "", "range": "", "alpha": "",
              "tails": ""}
    parts: list[str] = []
    suggestion = None
    if verdict.impossible is None and verdict.zero_p:
        fields["reason"] = f"{reported_p(verdict)} is impossible: no p-value is zero"
        computed = compute_p(test.test_type, test.value, test.df1, test.df2)
        parts.append(f"{reported_p(verdict)}: a p-value can be very small but never zero "
                     f"(recomputed: {p_phrase(computed, 6)}){where}. Report it as p < .001.")
        suggestion = re.sub(r"[pP]\s?[<=≤]\s?[0.]+$", "p < .001", test.raw)
    elif test.test_type == "r" and abs(test.value) > 1:
        parts.append(f"A correlation lies between −1 and 1; r = {test.value_text} cannot be "
                     f"one{where}.")
        digits = test.value_text.lstrip("-")
        if digits.isdigit() and len(digits) <= 2 and test.df2:
            guess = math.copysign(float("0." + digits), test.value)
            p = compute_p("r", guess, None, test.df2)
            parts.append(f"A lost decimal point? r = {guess:g} would give {p_phrase(p)}.")
    else:
        parts.append(f"{reason}{where}: these values cannot all be real, so the result cannot "
                     "be checked.")
    return Described(fields, " ".join(parts), suggestion)


def describe_grim(result: GrimResult, items_stated: bool, where: str = "") -> Described:
    total = result.n * result.items
    value = result.value.text + ("%" if result.percent else "")
    what = "percentage" if result.percent else "mean"
    nearby = either([v + ("%" if result.percent else "") for v in result.nearby])
    fields = {"value": value, "n": str(result.n), "items": str(result.items),
              "nearby": nearby, "what": what}
    low, high = result.sums
    if result.percent:
        grains = (f"{low} of {total} is {_pct(low, total, result)} and {high} of {total} is "
                  f"{_pct(high, total, result)}")
        lead = f"A percentage of {total} is a whole count out of {total}"
    else:
        grains = (f"{low}/{total} = {low / total:.4f} and {high}/{total} = {high / total:.4f}")
        lead = (f"A mean of {total} whole-number answers is a multiple of 1/{total}")
    parts = [
        f"{lead}: {grains}, so the closest possible values are {nearby}; {value} is not "
        f"possible{where}."
    ]
    if not result.percent and result.items == 1 and not items_stated:
        parts.append("This assumes one item per respondent (the text names no number of items; "
                     "a scale of several items allows finer means).")
    if result.alternative_n:
        others = ", ".join(str(m) for m in result.alternative_n)
        parts.append(f"{value} would be possible with n = {others}.")
    decimals = result.value.decimals
    written = (f"{decimals} decimal{'' if decimals == 1 else 's'}" if decimals else
               "no decimals")
    parts.append(f"(With {total} {'people' if result.percent else 'answers'}, "
                 f"{result.probability:.0%} of all {what}s written with {written} are "
                 f"impossible.)")
    suggestion = f"check the {what} or the sample size: with n = {result.n}, {nearby} is possible"
    return Described(fields, " ".join(parts), suggestion)


def _pct(count: int, total: int, result: GrimResult) -> str:
    return f"{100 * count / total:.{max(result.value.decimals, 1)}f}%"


def describe_grimmer(result: GrimmerResult, where: str = "") -> Described:
    grim = result.grim
    nearby = either(result.nearby) if result.nearby else "none nearby"
    fields = {"value": grim.value.text, "sd": result.sd.text, "n": str(grim.n),
              "items": str(grim.items), "nearby": nearby, "what": "SD"}
    test = ("no whole-number sum of squares gives it"
            if result.reason.endswith("(test 1)") else
            "the sums of squares that give it have the wrong parity (a sum of squares is odd "
            "exactly when the sum is)")
    text = (f"With n = {grim.n} whole-number answers and mean {grim.value.text}, an SD of "
            f"{result.sd.text} is impossible: {test}{where}. The closest possible SDs are "
            f"{nearby}.")
    return Described(fields, text, f"check the SD: {nearby} would be possible")


def describe_debit(result: DebitResult, where: str = "") -> Described:
    possible = " to ".join(result.possible_sds) if result.possible_sds else "none"
    fields = {"value": result.mean.text, "sd": result.sd.text, "n": str(result.n),
              "items": "1", "nearby": possible, "what": "SD"}
    text = (f"0/1 data from {result.n} cases with a mean of {result.mean.text} have an SD of "
            f"{possible} (SD² = k(n − k) / (n(n − 1)) for k ones), not {result.sd.text}{where}. "
            f"{result.reason}.")
    return Described(fields, text, f"check the mean and SD: an SD of {possible} would fit")
