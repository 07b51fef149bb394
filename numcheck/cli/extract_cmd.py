"""``numcheck extract``: the claims table of the given documents."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from numcheck.cli import PATH, app

FORMATS = ("json", "csv", "parquet")


@app.command("extract")
@click.argument("paths", nargs=-1, required=True, help="Files, folders, or - for stdin.")
@click.option("--format", "-f", "fmt", default="json", show_default=True,
              help="json, csv or parquet.")
@click.option("--output", "-o", type=PATH, default=None, help="Write here instead of stdout.")
@click.option("--all", "all_kinds", is_flag=True, default=True, flag_value=True,
              show_default=True, help="Include years, dates, ordinals and identifiers.")
def extract(paths: tuple[str, ...], fmt: str, output: Path | None, all_kinds: bool) -> None:
    """List every quantity numcheck finds, with its interval, unit and kind."""
    from numcheck.api import claims_from_paths
    from numcheck.report.claims_table import write_claims

    if fmt not in FORMATS:
        click.echo(f"numcheck: unknown format {fmt!r} (choose from {', '.join(FORMATS)})", err=True)
        raise click.exceptions.Exit(2)
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        click.echo("numcheck: parquet is binary; give --output FILE", err=True)
        raise click.exceptions.Exit(2)
    claims, problems = claims_from_paths(list(paths))
    for problem in problems:
        click.echo(f"numcheck: {problem}", err=True)
    if not all_kinds:
        claims = [c for c in claims if c.is_quantity]
    write_claims(claims, fmt, output)
    raise click.exceptions.Exit(2 if any(p.severity == "error" for p in problems) else 0)
