"""``numcheck stats``: statcheck's results table for papers (PDF, HTML, text, Markdown).

One row per reported test statistic: source, statistic, dfs, value, reported p, computed p,
error, decision error, plus numcheck's columns (line, page, p range, one-tailed, impossible).

Exit codes: 0 no inconsistent result (per ``--fail-on``); 1 at least one; 2 usage or input
errors (unreadable files are reported on stderr; the others are still checked).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from numcheck.cli import PATH, app
from numcheck.cli import fail as _fail

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("text", "csv", "json")
FAIL_ON = ("error", "decision", "never")


@app.command("stats")
@click.argument("paths", nargs=-1, required=True,
                help="Papers: files, folders, or - for stdin.")
@click.option("--format", "-f", "fmt", default="text", show_default=True,
              help="text, csv or json.")
@click.option("--output", "-o", type=PATH, default=None,
              help="Write the table here, not stdout.")
@click.option("--alpha", type=float, default=0.05, show_default=True,
              help="Significance level for decision errors.")
@click.option("--one-tailed", default="never", show_default=True,
              help="never (statcheck's default), text (accept one-tailed p-values in documents "
                   "that mention one-sided tests) or always.")
@click.option("--apa-only", is_flag=True, help="Read only strict APA layout, as statcheck.")
@click.option("--p-zero-error/--no-p-zero-error", default=True, show_default=True,
              help="Count p = .000 as an inconsistency.")
@click.option("--p-equal-alpha-sig/--p-equal-alpha-nonsig", default=True, show_default=True,
              help="Whether p = α counts as significant.")
@click.option("--all-p-values", is_flag=True,
              help="List every p-value instead, with or without a statistic.")
@click.option("--fail-on", default="error", show_default=True,
              help="error (any inconsistency), decision or never.")
def stats(paths: tuple[str, ...], fmt: str, output: Path | None, alpha: float, one_tailed: str,
          apa_only: bool, p_zero_error: bool, p_equal_alpha_sig: bool, all_p_values: bool,
          fail_on: str) -> None:
    """Recompute the p-values of reported test statistics (statcheck's table)."""
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if one_tailed not in ("never", "text", "always"):
        _fail(f"--one-tailed must be never, text or always, not {one_tailed!r}")
    if fail_on not in FAIL_ON:
        _fail(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if not 0 < alpha < 1:
        _fail(f"--alpha must lie between 0 and 1, not {alpha}")

    from numcheck.loading import load
    from numcheck.stats.consistency import Options
    from numcheck.stats.table import Source, p_values_frame, results_frame

    sources: list[Source] = []
    input_errors = False
    for loaded in load(paths):
        for problem in loaded.problems:
            click.echo(f"numcheck: {problem}", err=True)
            input_errors = input_errors or problem.severity == "error"
        for doc in loaded.documents:
            name = doc.path if "id" not in doc.meta else f"{doc.path}#{doc.meta['id']}"
            sources.append(Source(name, doc.text, doc))
    options = Options(alpha=alpha, p_equal_alpha_sig=p_equal_alpha_sig,
                      p_zero_error=p_zero_error, one_tailed=one_tailed)  # type: ignore[arg-type]
    if all_p_values:
        frame = p_values_frame(sources)
        failed = False
    else:
        frame = results_frame(sources, options, apa_only=apa_only)
        failed = _failed(frame, fail_on)
    text = render(frame, fmt, all_p_values)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    raise click.exceptions.Exit(2 if input_errors else 1 if failed else 0)


def _failed(frame: pd.DataFrame, fail_on: str) -> bool:
    if fail_on == "never" or frame.empty:
        return False
    column = "decision_error" if fail_on == "decision" else "error"
    flagged = bool(frame[column].fillna(False).astype(bool).any())
    if fail_on == "error":
        flagged = flagged or bool(frame["impossible"].notna().any())
    return flagged


def _plain(value: Any) -> Any:
    """JSON-ready scalars: NaN and pandas NA become null, numpy types plain Python."""
    if value is None or value is _na():
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _na() -> Any:
    import pandas as pd

    return pd.NA


def render(frame: pd.DataFrame, fmt: str, p_values_only: bool = False) -> str:
    if fmt == "csv":
        return str(frame.to_csv(index=False, lineterminator="\n"))
    records = [{str(k): _plain(v) for k, v in row.items()}
               for row in frame.to_dict("records")]
    if fmt == "json":
        key = "p_values" if p_values_only else "results"
        return json.dumps({key: records}, ensure_ascii=False, indent=2) + "\n"
    if p_values_only:
        lines = [f"{r['source']}: {r['raw']}" for r in records]
        return "\n".join(lines) + ("\n" if lines else "") + f"{len(records)} p-values\n"
    return _text_table(records)


def _text_table(records: list[dict[str, Any]]) -> str:
    from numcheck.stats.explain import fmt_p

    header = ("where", "result", "computed p", "verdict")
    rows: list[tuple[str, str, str, str]] = []
    for r in records:
        place = r["source"]
        if r["line"] is not None:
            place += f":{r['line']}:{r['column']}"
        if r["page"] is not None:
            place += f" (p. {r['page']})"
        if r["impossible"]:
            verdict = f"impossible: {r['impossible']}"
            computed = ""
        else:
            computed = fmt_p(r["computed_p"], 4)
            verdict = ("decision error" if r["decision_error"] else "inconsistent"
                       if r["error"] else "ok")
            if r["one_tailed"]:
                verdict += " (one-tailed)"
            elif r["error"] and r["one_tailed_fits"]:
                verdict += " (fits if one-tailed)"
        rows.append((place, " ".join(str(r["raw"]).split()), computed, verdict))
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    errors = sum(1 for r in records if r["error"] and not r["decision_error"])
    decisions = sum(1 for r in records if r["decision_error"])
    impossible = sum(1 for r in records if r["impossible"])
    sources = len({r["source"] for r in records})
    lines.append("")
    lines.append(f"{len(records)} results in {sources} document{'s' if sources != 1 else ''}: "
                 f"{errors} inconsistent, {decisions} decision error"
                 f"{'s' if decisions != 1 else ''}, {impossible} impossible")
    return "\n".join(lines) + "\n"
