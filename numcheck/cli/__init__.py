"""The ``numcheck`` command. Thin: each sub-command lives in its own module, parses options
and calls the library. Import cost matters (cold start, and a re-check from the results
cache takes a few hundred milliseconds in all), so the CLI is plain click, each command's
module is imported only when that command runs (or help lists it), and heavy modules load
lazily inside the commands."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

#: Every command, in the order ``numcheck --help`` lists them, and the module defining it
#: (which adds it to :data:`app` on import).
COMMANDS: dict[str, str] = {
    "check": "check_cmd",
    "extract": "extract_cmd",
    "index": "index_cmd",
    "rules": "rules_cmd",
    "explain": "rules_cmd",
    "serve": "serve_cmd",
    "stats": "stats_cmd",
    "timeline": "timeline_cmd",
}


class _Commands(click.Group):
    """A group that imports a command's module only when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            # Bare ``numcheck``: the help on stdout and exit 2 (click would print it on stderr).
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"numcheck.cli.{COMMANDS[cmd_name]}")
        return self.commands.get(cmd_name)


@click.group(
    "numcheck",
    cls=_Commands,
    help="Find numbers that cannot all be true: in one article, across many, and in papers.",
    no_args_is_help=True,
    # Help as wide as the terminal (up to 120 columns), so command summaries are not cut.
    context_settings={"max_content_width": 120},
)
def app() -> None:
    """numcheck: numeric claims consistency checker."""


def fail(message: str) -> NoReturn:
    """Report a usage, configuration or input error (each line prefixed) and exit 2."""
    for line in message.splitlines():
        click.echo(f"numcheck: {line}", err=True)
    raise click.exceptions.Exit(2)


#: A path option's type: given as typed (never checked for existence), as a ``Path``.
PATH = click.Path(path_type=Path)


def config_option(help: str = "numcheck.toml or pyproject.toml to use instead of the nearest "
                              "one.") -> Callable[[F], F]:
    """``--config FILE``, shared by ``check``, ``serve``, ``rules`` and ``explain``."""
    return click.option("--config", type=PATH, default=None, help=help)


def _register() -> None:
    # Import every command module (each adds its command(s) to ``app``); the group would
    # otherwise import them one at a time, when asked for.
    for module in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"numcheck.cli.{module}")


def main() -> None:
    app()
