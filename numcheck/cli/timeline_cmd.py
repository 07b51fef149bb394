"""``numcheck timeline``: plot one quantity across the articles of an archive over time."""

from __future__ import annotations

from pathlib import Path

import click

from numcheck.cli import PATH, app


@app.command("timeline")
@click.argument("subject", help='What to plot, e.g. "US troops in Syria".')
@click.option("--db", type=PATH, required=True, help="The archive (numcheck index).")
@click.option("--output", "-o", type=PATH, default=Path("timeline.png"), show_default=True,
              help="The image to write (.png, .svg or .pdf).")
@click.option("--title", default=None, help="Plot title.")
def timeline(subject: str, db: Path, output: Path, title: str | None) -> None:
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
        click.echo(f"numcheck: {exc}", err=True)
        raise click.exceptions.Exit(2) from None
    except OSError as exc:
        click.echo(f"numcheck: {output}: cannot write: {exc.strerror or exc}", err=True)
        raise click.exceptions.Exit(2) from None
    click.echo(summary(found, output))
    raise click.exceptions.Exit(1 if found.conflicts else 0)
