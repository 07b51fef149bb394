"""Snapshot tests: each output format rendered from one fixed run, compared byte for byte with
the file beside this test. Regenerate after an intended change with::

    NUMCHECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden

and review the diff before committing it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

import pytest

from numcheck import __version__
from numcheck.documents import Document, Problem
from numcheck.engine import Run, run_documents
from numcheck.findings import Finding
from numcheck.report import FORMATS, OutputOptions, render
from numcheck.rules.base import KINDS, DocumentContext, RuleDocs, RuleSpec, register
from numcheck.rules.builtin import SUPPRESSION_UNUSED
from numcheck.rules.loader import kinds_available
from tests.engine.fakes import FAKES, no_claims, spec

HERE = Path(__file__).parent
UPDATE = os.environ.get("NUMCHECK_UPDATE_GOLDEN") == "1"
FILES = {"text": "report.txt", "json": "report.json", "sarif": "report.sarif",
         "github": "report.github", "html": "report.html"}


class SquareMiles:
    """A miniature conversion rule, enough to render a realistic finding."""

    kind: ClassVar[str] = "golden-square-miles"
    scope: ClassVar[str] = "document"
    docs: ClassVar[RuleDocs] = RuleDocs(
        what="Checks 'N square miles (M square kilometres)' restatements.",
        why="A wrong conversion tells readers two different sizes.",
        example="25 square miles (40 square kilometres)",
        fix="Recompute the conversion: 25 square miles (65 square kilometres).",
    )
    params_schema: ClassVar[Mapping[str, Any]] = {"type": "object"}
    _PATTERN = re.compile(r"(\d+) square miles \((\d+) square kilometres\)")

    def check(self, rule: RuleSpec, ctx: DocumentContext) -> Iterator[Finding]:
        for m in self._PATTERN.finditer(ctx.document.text):
            miles, km = int(m.group(1)), int(m.group(2))
            exact = miles * 2.589988
            if abs(exact - km) > 5:
                yield ctx.finding(
                    rule,
                    f"{miles} square miles is {exact:.1f} km², not {km} km²",
                    [ctx.span_evidence(m.start(1), m.start(1) + len(m.group(1)) + 13),
                     ctx.span_evidence(m.start(2), m.end(2) + 18)],
                    f"{miles} mi² × 2.590 = {exact:.2f} km²; \"{km}\" allows {km - 5}–{km + 5} km²",
                    f"{miles} square miles ({round(exact)} square kilometres)",
                )


@pytest.fixture(autouse=True)
def kinds() -> Iterator[None]:
    kinds_available()

    for cls in (*FAKES, SquareMiles):
        register(cls)
    yield
    for cls in (*FAKES, SquareMiles):
        KINDS.pop(cls.kind, None)


def golden_run() -> Run:
    forest = Document.from_text(
        "---\ntitle: Forest\n---\n# The forest\n\n"
        "The forest, which covers 25 square miles (40 square kilometres), is home to 300 "
        "species of birds, according to a survey published last spring by the park service.\n"
        "\nIt is SHARED by two counties.\n<!-- numcheck: disable=NC201 -->\n",
        "examples/forest.md",
    )
    river = Document.from_text("The river is 40 km long. Its delta is SHARED too.\n"
                               "The BAD number: 50% of 12 is “6”.\n", "examples/river.md")
    clean = Document.from_text("Nothing to see here.\n", "examples/clean.md")
    rules = (
        SUPPRESSION_UNUSED,
        RuleSpec("NC101", "conversion.restatement", "golden-square-miles", "error",
                 "{message}", groups=("news",), docs=SquareMiles.docs),
        spec("NC201", level="warning", name="test.marker"),
        spec("NC501", kind="test-corpus", level="info", name="test.cross-article"),
    )
    run = run_documents([forest, river, clean], rules, extractor=no_claims)
    problems = (Problem("examples/broken.pdf", "cannot read pdf files: not a PDF"),
                *run.report.problems)
    return replace(run, report=replace(run.report, problems=problems))


def rendered(fmt: str) -> str:
    run = golden_run()
    options = OutputOptions(documents=run.documents, rules={r.code: r for r in run.rules})
    out = render(run.report, fmt, options)
    # The tool version would churn the SARIF snapshot on every release.
    return out.replace(f'"{__version__}"', '"VERSION"') if fmt == "sarif" else out


def test_every_format_has_a_golden_file() -> None:
    assert set(FILES) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_golden(fmt: str) -> None:
    path = HERE / FILES[fmt]
    actual = rendered(fmt)
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="")
    if not path.exists():
        pytest.fail(f"{path.name} missing; create it with NUMCHECK_UPDATE_GOLDEN=1")
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{fmt} output changed; if intended, regenerate (see docstring)"


def test_rendering_twice_gives_the_same_bytes() -> None:
    for fmt in FILES:
        assert rendered(fmt) == rendered(fmt)
