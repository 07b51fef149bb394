"""Project configuration: ``numcheck.toml`` or ``[tool.numcheck]`` in ``pyproject.toml``.

Found by walking up from the current folder (the first ``numcheck.toml``, or the first
``pyproject.toml`` that has a ``[tool.numcheck]`` table, wins) or given with ``--config``.
Validated with a JSON Schema; an error is one line naming the file and the bad key::

    numcheck.toml: unknown key 'rulez' (did you mean 'rules'?)

Example::

    select = ["news", "NC2"]          # codes, code prefixes, names, groups, or "ALL"
    ignore = ["NC105"]
    fail-on = "warning"               # error | warning | info | never
    max-size = "20MB"                 # bytes (integer) or a size with KB/MB/GB
    time-budget = 10                  # seconds per document (default 60; 0: no limit)
    packs = ["house-rules.yml"]       # extra rule packs, relative to this file

    [rules.NC101]                     # a code or a rule name
    level = "warning"
    params = { tolerance = 0.15 }

This module only reads and validates the file; :mod:`numcheck.rules.selection` applies it to
the loaded rules (unknown rule codes and bad parameters are reported there, with the same
one-line format).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, cast

from numcheck.findings import Severity
from numcheck.loading import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

FailOn = Literal["error", "warning", "info", "never"]
CONFIG_NAME = "numcheck.toml"
#: Seconds one document may take unless configured: far above what an article needs (BBC
#: articles take ~10 ms each), low enough that a pathological input stops with an error
#: naming it instead of holding up a CI run.
DEFAULT_TIME_BUDGET = 60.0

_SELECTORS = {"type": "array", "items": {"type": "string", "minLength": 1}}

SCHEMA: Mapping[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "select": _SELECTORS,
        "ignore": _SELECTORS,
        "fail-on": {"enum": ["error", "warning", "info", "never"]},
        "max-size": {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": r"(?i)^\s*\d+(\.\d+)?\s*(b|[kmg]i?b)?\s*$"},
            ]
        },
        "time-budget": {"type": "number", "minimum": 0},
        "packs": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "rules": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "level": {"enum": ["error", "warning", "info"]},
                    "params": {"type": "object"},
                },
            },
        },
    },
}


class ConfigError(ValueError):
    """A configuration problem; ``str()`` is the one-line message to show."""


@dataclass(frozen=True)
class RuleConfig:
    """Per-rule overrides from ``[rules.<code or name>]``."""

    level: Severity | None = None
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Config:
    """Validated settings; the defaults are what a run without any configuration uses.

    ``select`` is ``None`` when not given: then every rule its pack enables runs.
    ``packs`` are resolved against the configuration file's folder. ``source`` names the file
    in later error messages (rule codes and parameters are checked once rules are loaded).
    """

    source: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, RuleConfig] = field(default_factory=lambda: MappingProxyType({}))
    packs: tuple[str, ...] = ()
    fail_on: FailOn = "warning"
    max_size: int = DEFAULT_MAX_BYTES
    time_budget: float | None = DEFAULT_TIME_BUDGET  # None: no limit


# --------------------------------------------------------------------------- finding the file


def has_numcheck_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # a broken pyproject.toml that is not ours is not our business
    tool = data.get("tool")
    return isinstance(tool, dict) and "numcheck" in tool


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``numcheck.toml`` or ``pyproject.toml`` with ``[tool.numcheck]``."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and has_numcheck_table(pyproject):
            return pyproject
    return None


def discover(explicit: str | Path | None = None, start: Path | None = None) -> Config:
    """The configuration to use: ``explicit`` (``--config``), else the nearest one, else
    defaults."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        return load_config(path)
    found = find_config(start)
    return load_config(found) if found is not None else Config()


# --------------------------------------------------------------------------- reading it


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def load_config(path: Path) -> Config:
    """Read and validate one configuration file. Raises :class:`ConfigError`."""
    shown = _display(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{shown}: invalid TOML: nested too deeply") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    where = shown
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("numcheck", {}) if isinstance(tool, dict) else {}
        where = f"{shown}: [tool.numcheck]"
    return parse_config(data, where, base=path.parent)


def parse_config(data: Mapping[str, Any], where: str, base: Path | None = None) -> Config:
    """Validate a configuration table (already parsed) and build a :class:`Config`."""
    # Imported here: jsonschema costs 50-80 ms to import, and a run without a configuration
    # file (or one that only re-checks cached documents) should not pay for it.
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(dict(data)), key=_error_order)
    if errors:
        raise ConfigError(f"{where}: {describe(errors[0])}")
    rules = {
        str(key): RuleConfig(
            level=cast("Severity | None", table.get("level")),
            params=MappingProxyType(dict(table.get("params", {}))),
        )
        for key, table in data.get("rules", {}).items()
    }
    folder = base or Path.cwd()
    packs = tuple(str(folder / p) for p in data.get("packs", ()))  # absolute p stays p
    select = data.get("select")
    return Config(
        source=where,
        select=tuple(select) if select is not None else None,
        ignore=tuple(data.get("ignore", ())),
        rules=MappingProxyType(rules),
        packs=packs,
        fail_on=cast("FailOn", data.get("fail-on", "warning")),
        max_size=parse_size(data.get("max-size", DEFAULT_MAX_BYTES)),
        time_budget=budget_seconds(data.get("time-budget", DEFAULT_TIME_BUDGET)),
    )


def budget_seconds(value: float) -> float | None:
    """A configured time budget: 0 means no limit (None)."""
    return float(value) if value > 0 else None


def _error_order(error: ValidationError) -> tuple[int, list[str]]:
    # Report unknown keys first: a misspelt key explains most other errors.
    return (0 if error.validator == "additionalProperties" else 1, [str(p) for p in error.path])


def describe(error: ValidationError) -> str:
    """One line for one schema error, naming the key (did-you-mean for misspelt keys)."""
    from numcheck.rules.loader import describe_error

    problem = describe_error(error)[0]
    key = ".".join(str(part) for part in problem.name)
    if error.validator == "anyOf" and problem.name and problem.name[-1] == "max-size":
        return f"max-size: {error.instance!r} is not a size (use bytes or e.g. \"20MB\")"
    return f"{key}: {problem.message}" if key else problem.message


_SIZE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*(b|[kmg]i?b)?\s*$")
_UNITS = {"b": 1, "kb": 1024, "kib": 1024, "mb": 1024**2, "mib": 1024**2, "gb": 1024**3,
          "gib": 1024**3}


def parse_size(value: int | str) -> int:
    """Bytes from an integer or a string such as ``"20MB"`` (binary multiples, like the
    default of 50 MB = 50 × 1024² bytes)."""
    if isinstance(value, int):
        return value
    match = _SIZE.match(value)
    if match is None:
        raise ConfigError(f"max-size: {value!r} is not a size (use bytes or e.g. \"20MB\")")
    unit = (match.group(2) or "b").lower()
    return int(float(match.group(1)) * _UNITS[unit])
