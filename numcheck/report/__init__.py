"""Output formats, one module each, looked up by name (no if/elif chain in the CLI).

Every format module exposes ``write(report, out, options)``. Modules load lazily: rendering
JSON must not import rich or the SARIF machinery. To add a format, add its module and one line
to :data:`FORMATS`.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TextIO

from numcheck.documents import Document
from numcheck.findings import Report
from numcheck.rules.base import RuleSpec

#: Format name → module implementing ``write``.
FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "text": "numcheck.report.text",
        "json": "numcheck.report.json_format",
        "sarif": "numcheck.report.sarif",
        "github": "numcheck.report.github",
        "html": "numcheck.report.html",
    }
)

DocKey = tuple[str, str | None]


@dataclass(frozen=True)
class OutputOptions:
    """What a writer may use besides the report.

    ``documents`` (from :class:`numcheck.engine.Run`) give the text under the findings for
    source excerpts; ``rules`` (code → spec) give rule metadata (SARIF's rule table).
    Writers work without either: they just show less.
    """

    documents: Mapping[DocKey, Document] = field(default_factory=lambda: MappingProxyType({}))
    rules: Mapping[str, RuleSpec] = field(default_factory=lambda: MappingProxyType({}))
    color: bool = False
    quiet: bool = False
    #: widest excerpt of a source line in the text format, in characters
    width: int = 100


Writer = Callable[[Report, TextIO, OutputOptions], None]


class UnknownFormat(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")


def writer_for(name: str) -> Writer:
    if name not in FORMATS:
        raise UnknownFormat(name)
    write: Writer = importlib.import_module(FORMATS[name]).write
    return write


def render(report: Report, name: str, options: OutputOptions | None = None) -> str:
    """The whole output of format ``name`` as a string."""
    buffer = io.StringIO()
    writer_for(name)(report, buffer, options or OutputOptions())
    return buffer.getvalue()
