"""``numcheck extract``: the claims table of the given documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from numcheck.cli import app

FORMATS = ("json", "csv", "parquet")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json, csv or parquet.")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    all_kinds: Annotated[
        bool, typer.Option("--all", help="Include years, dates, ordinals and identifiers.")
    ] = True,
) -> None:
    """List every quantity numcheck finds, with its interval, unit and kind."""
    from numcheck.api import claims_from_paths
    from numcheck.report.claims_table import write_claims

    if fmt not in FORMATS:
        typer.echo(f"numcheck: unknown format {fmt!r} (choose from {', '.join(FORMATS)})", err=True)
        raise typer.Exit(2)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        typer.echo("numcheck: parquet is binary; give --output FILE", err=True)
        raise typer.Exit(2)
    claims, problems = claims_from_paths(paths)
    for problem in problems:
        typer.echo(f"numcheck: {problem}", err=True)
    if not all_kinds:
        claims = [c for c in claims if c.is_quantity]
    write_claims(claims, fmt, output)
    raise typer.Exit(2 if any(p.severity == "error" for p in problems) else 0)
