"""The results table statcheck users know, as a pandas DataFrame.

One row per reported test statistic: ``source, test_type, df1, df2, test_comp, test_value,
p_comp, reported_p, computed_p, raw, error, decision_error, one_tailed_in_txt, apa_factor``
(statcheck's column names), followed by numcheck's additions: where the result is (``line``,
``column``, ``page``), the range of p the statistic allows (``p_low``, ``p_high``), whether the
verdict is one-tailed or would fit if it were, ``impossible`` (values that cannot be real; such
rows have no verdict, and statcheck leaves them out) and ``apa`` (strict APA layout).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from numcheck.documents import Document
from numcheck.stats.consistency import Options, Verdict
from numcheck.stats.extract import extract_p_values
from numcheck.stats.pages import page_of
from numcheck.stats.pipeline import check_text

STATCHECK_COLUMNS = (
    "source", "test_type", "df1", "df2", "test_comp", "test_value", "p_comp", "reported_p",
    "computed_p", "raw", "error", "decision_error", "one_tailed_in_txt", "apa_factor",
)
EXTRA_COLUMNS = (
    "line", "column", "page", "p_low", "p_high", "one_tailed", "one_tailed_fits",
    "impossible", "apa",
)
COLUMNS = STATCHECK_COLUMNS + EXTRA_COLUMNS
TRIM_COLUMNS = ("source", "raw", "computed_p", "error", "decision_error")

_DTYPES: dict[str, str] = {
    "source": "object", "test_type": "object", "df1": "float64", "df2": "float64",
    "test_comp": "object", "test_value": "float64", "p_comp": "object",
    "reported_p": "float64", "computed_p": "float64", "raw": "object", "error": "boolean",
    "decision_error": "boolean", "one_tailed_in_txt": "bool", "apa_factor": "float64",
    "line": "Int64", "column": "Int64", "page": "Int64", "p_low": "float64",
    "p_high": "float64", "one_tailed": "bool", "one_tailed_fits": "bool",
    "impossible": "object", "apa": "bool",
}


@dataclass(frozen=True)
class Source:
    """A named text to check, optionally the document it came from (for line and page)."""

    name: str
    text: str
    document: Document | None = None


def as_sources(
    inputs: Mapping[str, str] | Sequence[str] | Sequence[Document] | Iterable[Source],
) -> list[Source]:
    """Texts (named "1", "2", ... as statcheck does), a name → text mapping, or documents."""
    if isinstance(inputs, Mapping):
        return [Source(str(k), str(v)) for k, v in inputs.items()]
    sources: list[Source] = []
    for index, item in enumerate(inputs, start=1):
        if isinstance(item, Source):
            sources.append(item)
        elif isinstance(item, Document):
            sources.append(Source(item.path, item.text, item))
        else:
            sources.append(Source(str(index), str(item)))
    return sources


def apa_factor(text: str, verdicts: Sequence[Verdict]) -> float:
    """Share of the p-values in ``text`` that belong to a checkable APA-style result."""
    p_count = len(extract_p_values(text))
    if p_count == 0:
        return math.nan
    apa = sum(1 for v in verdicts if v.test.apa and v.impossible is None)
    return round(apa / p_count, 2)


def _row(source: Source, verdict: Verdict, factor: float) -> dict[str, object]:
    test = verdict.test
    line = column = page = None
    if source.document is not None:
        line, column = source.document.position(test.start)
        page = page_of(source.document.meta, test.start)
    return {
        "source": source.name,
        "test_type": test.test_type,
        "df1": test.df1,
        "df2": test.df2,
        "test_comp": test.test_comp,
        "test_value": test.value,
        "p_comp": test.p_comp,
        "reported_p": test.p_value,
        "computed_p": verdict.computed_p,
        "raw": test.raw,
        "error": verdict.error,
        "decision_error": verdict.decision_error,
        "one_tailed_in_txt": verdict.one_tailed_in_text,
        "apa_factor": factor,
        "line": line,
        "column": column,
        "page": page,
        "p_low": verdict.p_low,
        "p_high": verdict.p_high,
        "one_tailed": verdict.one_tailed,
        "one_tailed_fits": verdict.one_tailed_fits,
        "impossible": verdict.impossible,
        "apa": test.apa,
    }


def results_frame(
    inputs: Mapping[str, str] | Sequence[str] | Sequence[Document] | Iterable[Source],
    options: Options | None = None,
    apa_only: bool = False,
    include_impossible: bool = True,
) -> pd.DataFrame:
    """One row per reported test statistic in the inputs, in order (see the module doc).

    With ``include_impossible=False`` the rows statcheck would drop (p > 1, |r| > 1, negative
    F or χ², df ≤ 0) are left out, which reproduces statcheck's table exactly in shape.
    """
    rows: list[dict[str, object]] = []
    for source in as_sources(inputs):
        verdicts = check_text(source.text, options, apa_only=apa_only)
        factor = apa_factor(source.text, verdicts)
        for verdict in verdicts:
            if verdict.impossible is not None and not include_impossible:
                continue
            rows.append(_row(source, verdict, factor))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype(_DTYPES)


def trim(frame: pd.DataFrame) -> pd.DataFrame:
    """Only the columns needed to read a verdict (statcheck's ``trim()``)."""
    return frame.loc[:, list(TRIM_COLUMNS)]


def summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per source and in total: results checked, errors and decision errors
    (statcheck's ``summary()``)."""
    checked = frame[frame["error"].notna()]
    rows = []
    for name, group in checked.groupby("source", sort=False):
        rows.append(_counts(str(name), group))
    rows.append(_counts("Total", checked))
    return pd.DataFrame(rows, columns=["source", "nr_p_values", "nr_errors",
                                       "nr_decision_errors"])


def _counts(name: str, group: pd.DataFrame) -> dict[str, object]:
    return {
        "source": name,
        "nr_p_values": len(group),
        "nr_errors": int(group["error"].fillna(False).astype(bool).sum()),
        "nr_decision_errors": int(group["decision_error"].fillna(False).astype(bool).sum()),
    }


def p_values_frame(
    inputs: Mapping[str, str] | Sequence[str] | Sequence[Document] | Iterable[Source],
) -> pd.DataFrame:
    """Every p-value and "ns" in the inputs, with or without a statistic (statcheck's
    ``AllPValues``)."""
    rows = []
    for source in as_sources(inputs):
        for p in extract_p_values(source.text):
            rows.append({"source": source.name, "p_comp": p.p_comp, "reported_p": p.p_value,
                         "raw": p.raw})
    frame = pd.DataFrame(rows, columns=["source", "p_comp", "reported_p", "raw"])
    return frame.astype({"source": "object", "p_comp": "object", "reported_p": "float64",
                         "raw": "object"})
