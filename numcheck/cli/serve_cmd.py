"""``numcheck serve``: the copy-desk page on a local web server (FastAPI + uvicorn).

Uses the same configuration as ``numcheck check`` (the nearest ``numcheck.toml`` or
``[tool.numcheck]``, or ``--config``): the rules a newsroom tuned for CI are the rules its
copy desk sees. With ``--db`` drafts are also compared with the published articles in the
archive; when the archive cannot be used the server says why once and runs without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from numcheck.cli import app


def _fail(message: str) -> NoReturn:
    for line in message.splitlines():
        typer.echo(f"numcheck: {line}", err=True)
    raise typer.Exit(2)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine "
                                           "only; 0.0.0.0: the whole network).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Claims archive (numcheck index) to compare drafts with."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="numcheck.toml or pyproject.toml to use instead of the "
                                     "nearest one."),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=1, help="Seconds one check may take.")
    ] = 30.0,
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Largest text or upload per check, in MB.")
    ] = 8,
) -> None:
    """Serve the copy-desk page: paste or upload an article, see its numbers checked."""
    try:
        import uvicorn

        from numcheck.web.app import Settings, create_app
    except ImportError as exc:
        _fail(f"the web page needs the web extra: pip install 'numcheck[web]' ({exc.name} is "
              "missing)")
    from numcheck.config import ConfigError, discover
    from numcheck.rules.loader import PackError, load_rules
    from numcheck.rules.selection import select_rules
    from numcheck.web.archive_seam import ArchiveView, attach
    from numcheck.web.limits import MB, Limits

    archive: ArchiveView | None = None
    notice = None
    try:
        settings = discover(config)
        if db is not None:
            settings, archive, notice = attach(settings, db)
            if archive is None:
                typer.echo(f"numcheck: warning: {notice}", err=True)
        ruleset = load_rules(settings.packs)
        selection = select_rules(ruleset, settings)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    limits = Limits(max_body_bytes=max_size * MB, seconds=time_limit)
    web = create_app(Settings(selection=selection, ruleset=ruleset, limits=limits,
                              archive=archive, notice=notice))
    typer.echo(f"numcheck: serving the copy-desk page on http://{host}:{port}/ "
               "(Ctrl+C to stop)", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")
