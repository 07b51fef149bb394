"""The ``numcheck`` command. Thin: each sub-command lives in its own module, parses options
and calls the library. Import cost matters (cold start), so heavy modules load lazily inside
the commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="numcheck",
    help="Find numbers that cannot all be true: in one article, across many, and in papers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """numcheck: numeric claims consistency checker."""


def _register() -> None:
    # Each module adds its command(s) to ``app`` on import.
    from numcheck.cli import check_cmd as check_cmd
    from numcheck.cli import extract_cmd  # noqa: F401
    from numcheck.cli import index_cmd as index_cmd
    from numcheck.cli import rules_cmd as rules_cmd
    from numcheck.cli import serve_cmd as serve_cmd
    from numcheck.cli import stats_cmd as stats_cmd
    from numcheck.cli import timeline_cmd as timeline_cmd


def main() -> None:
    _register()
    app()
