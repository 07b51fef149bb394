"""``numcheck index``: store documents and their claims in a DuckDB archive, incrementally."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from numcheck.cli import PATH, app


@app.command("index")
@click.argument("paths", nargs=-1, required=True, help="Files and folders to index.")
@click.option("--db", type=PATH, required=True, help="The archive file (created if missing).")
@click.option("--jobs", "-j", type=int, default=None,
              help="Worker processes for extraction (default: one per CPU).")
@click.option("--prune", is_flag=True,
              help="Remove archived files under PATHS that no longer exist.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary.")
def index(paths: tuple[str, ...], db: Path, jobs: int | None, prune: bool, quiet: bool) -> None:
    """Index articles into an archive for `check --against` and `timeline`.

    Unchanged files are skipped (content hash), changed ones replaced; an interrupted run
    keeps every batch it wrote and resumes where it stopped.
    """
    from numcheck.archive import ArchiveError
    from numcheck.archive import index as run_index

    show = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            sys.stderr.write(f"\rnumcheck: indexed {done:,} of {total:,} files")
            sys.stderr.flush()

    workers = jobs if jobs is not None else max(1, os.cpu_count() or 1)
    try:
        stats = run_index(paths, db, jobs=workers, prune=prune, progress=progress)
    except ArchiveError as exc:
        click.echo(f"numcheck: {exc}", err=True)
        raise click.exceptions.Exit(2) from None
    if show:
        sys.stderr.write("\n")
    for problem in stats.problems:
        if problem.severity == "error" or not quiet:
            click.echo(f"numcheck: {problem}", err=True)
    if not quiet:
        click.echo(f"{db}: {stats.indexed:,} files indexed ({stats.documents:,} documents, "
                   f"{stats.claims:,} claims), {stats.unchanged:,} unchanged, "
                   f"{stats.removed:,} removed", err=True)
    raise click.exceptions.Exit(2 if any(p.severity == "error" for p in stats.problems) else 0)
