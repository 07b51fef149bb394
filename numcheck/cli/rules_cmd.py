"""``numcheck rules`` (the table of rules) and ``numcheck explain CODE`` (one rule's docs)."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from numcheck.cli import app, config_option
from numcheck.cli import fail as _fail

if TYPE_CHECKING:
    from numcheck.rules.base import RuleSpec
    from numcheck.rules.loader import RuleSet
    from numcheck.rules.selection import RuleSelection

#: ``--config`` as ``rules`` and ``explain`` describe it.
_config = config_option("numcheck.toml or pyproject.toml (default: the nearest).")


def _load(config: Path | None) -> tuple[RuleSet, RuleSelection]:
    from numcheck.config import ConfigError, discover
    from numcheck.rules.loader import PackError, load_rules
    from numcheck.rules.selection import select_rules

    try:
        settings = discover(config)
        ruleset = load_rules(settings.packs)
        return ruleset, select_rules(ruleset, settings)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))


def rule_rows(ruleset: RuleSet, selection: RuleSelection) -> list[dict[str, str]]:
    rows = []
    for rule in ruleset:
        active = selection.get(rule.code)
        shown = active or rule
        rows.append({
            "code": shown.code,
            "name": shown.name,
            "level": shown.level,
            "kind": shown.kind,
            "groups": ", ".join(shown.groups),
            "enabled": "yes" if active is not None else "no",
        })
    return rows


def plain_table(rows: list[dict[str, str]]) -> str:
    if not rows:
        return "no rules\n"
    headers = list(rows[0])
    widths = {h: max(len(h), *(len(r[h]) for r in rows)) for h in headers}
    lines = ["  ".join(h.ljust(widths[h]) for h in headers).rstrip()]
    lines += ["  ".join(r[h].ljust(widths[h]) for h in headers).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


@app.command("rules")
@_config
@click.option("--format", "-f", "fmt", default="text", show_default=True, help="text or json.")
def list_rules(config: Path | None, fmt: str) -> None:
    """List every rule: code, name, level, kind, groups, and whether it runs here."""
    from numcheck.report.text import wants_color

    if fmt not in ("text", "json"):
        _fail(f"unknown format {fmt!r} (choose from text, json)")
    rows = rule_rows(*_load(config))
    if fmt == "json":
        click.echo(json.dumps({"rules": rows}, ensure_ascii=False, indent=2))
    elif wants_color(sys.stdout):
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for header in rows[0] if rows else ():
            # codes and names must stay whole; the groups column may wrap instead
            table.add_column(header, no_wrap=header != "groups")
        for row in rows:
            table.add_row(*row.values(), style=None if row["enabled"] == "yes" else "dim")
        Console().print(table)
    else:
        sys.stdout.write(plain_table(rows))


def _indent(text: str, wrap: bool, width: int = 88) -> str:
    """Indent by two; prose paragraphs are re-wrapped, examples kept verbatim."""
    if not wrap:
        return "\n".join(f"  {line}" if line else "" for line in text.splitlines())
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(
        textwrap.fill(" ".join(p.split()), width, initial_indent="  ", subsequent_indent="  ")
        for p in paragraphs
    )


def explanation(rule: RuleSpec, enabled: bool) -> str:
    """The text ``numcheck explain`` prints: ruff-style sections, then the parameters."""
    groups = ", ".join(rule.groups) or "none"
    state = "" if enabled else " · not enabled here"
    parts = [
        f"{rule.code} {rule.name}",
        f"level: {rule.level} · kind: {rule.kind} · groups: {groups}{state}",
    ]
    sections = (("What it checks", rule.docs.what), ("Why it matters", rule.docs.why),
                ("Example", rule.docs.example), ("Fix", rule.docs.fix))
    for title, body in sections:
        if body:
            parts.append(f"\n{title}\n{_indent(body, wrap=title != 'Example')}")
    if rule.params:
        lines = [f"  {key} = {json.dumps(value, ensure_ascii=False)}"
                 for key, value in sorted(rule.params.items())]
        parts.append("\nParameters (set in [rules." + rule.code + ".params])\n" + "\n".join(lines))
    return "\n".join(parts) + "\n"


@app.command("explain")
@click.argument("code", help="A rule code (NC101) or name.")
@_config
def explain(code: str, config: Path | None) -> None:
    """Show what a rule checks, why it matters, an example and the fix."""
    ruleset, selection = _load(config)
    rule = ruleset.get(code) or ruleset.get(code.upper())
    if rule is None:
        _fail(f"unknown rule {code!r}{ruleset.suggest(code)}")
    active = selection.get(rule.code)
    sys.stdout.write(explanation(active or rule, active is not None))
