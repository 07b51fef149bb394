"""``numcheck timeline``: plot one quantity across the articles of an archive over time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from numcheck.cli import app


@app.command()
def timeline(
    subject: Annotated[str, typer.Argument(help='What to plot, e.g. "US troops in Syria".')],
    db: Annotated[Path, typer.Option("--db", help="The archive (numcheck index).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The image to write (.png, .svg or .pdf).")
    ] = Path("timeline.png"),
    title: Annotated[str | None, typer.Option("--title", help="Plot title.")] = None,
) -> None:
    """Plot a quantity across articles over time, with conflicting claims marked.

    Exit codes: 0 plotted with no conflicts, 1 plotted with conflicts, 2 nothing to plot or
    an unreadable archive.
    """
    from numcheck.archive import ArchiveError
    from numcheck.timeline import TimelineError, summary
    from numcheck.timeline import timeline as draw

    try:
        found = draw(db, subject, output, title=title)
    except (ArchiveError, TimelineError) as exc:
        typer.echo(f"numcheck: {exc}", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo(f"numcheck: {output}: cannot write: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(summary(found, output))
    raise typer.Exit(1 if found.conflicts else 0)
