"""``numcheck serve``: the copy-desk page on a local web server (FastAPI + uvicorn).

Uses the same configuration as ``numcheck check`` (the nearest ``numcheck.toml`` or
``[tool.numcheck]``, or ``--config``): the rules a newsroom tuned for CI are the rules its
copy desk sees. With ``--db`` drafts are also compared with the published articles in the
archive; when the archive cannot be used the server says why once and runs without it.
"""

from __future__ import annotations

from pathlib import Path

import click

from numcheck.cli import PATH, app, config_option
from numcheck.cli import fail as _fail


@app.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0: the whole "
                   "network).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--db", type=PATH, default=None,
              help="Claims archive (numcheck index) to compare drafts with.")
@config_option()
@click.option("--time-limit", type=click.FloatRange(min=1), default=30.0, show_default=True,
              help="Seconds one check may take.")
@click.option("--max-size", type=click.IntRange(min=1), default=8, show_default=True,
              help="Largest text or upload per check, in MB.")
def serve(host: str, port: int, db: Path | None, config: Path | None, time_limit: float,
          max_size: int) -> None:
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
                click.echo(f"numcheck: warning: {notice}", err=True)
        ruleset = load_rules(settings.packs)
        selection = select_rules(ruleset, settings)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    limits = Limits(max_body_bytes=max_size * MB, seconds=time_limit)
    web = create_app(Settings(selection=selection, ruleset=ruleset, limits=limits,
                              archive=archive, notice=notice))
    click.echo(f"numcheck: serving the copy-desk page on http://{host}:{port}/ "
               "(Ctrl+C to stop)", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")
