"""``--format text``: findings the way a compiler reports errors, for a person at a terminal.

::

    examples/forest.md:5:26: NC101 conversion.restatement  25 square miles is 65 km², not 40 km²
      |
    5 | The forest, which covers 25 square miles (40 square kilometres), is home to 300 ...
      |                          ^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^^^^
      = 25 mi² × 2.590 = 64.75 km²; "40" allows 35–45 km²
      = suggestion: 25 square miles (65 square kilometres)

    1 error in 1 of 3 documents (3 checked, 41 claims)

Each line holding evidence is shown once, with ``^`` under every evidence span on it; evidence
in another file is introduced by ``::: path:line:col``. Long lines are cut to a window around
the spans. Carets line up under wide (CJK) characters and tabs. Colour (through rich) only when
asked: the CLI asks when the stream is a terminal and ``NO_COLOR`` is not set.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from numcheck.documents import Document
from numcheck.findings import Evidence, Finding, Report
from numcheck.report import DocKey, OutputOptions

Segment = tuple[str, str | None]  # (text, rich style or None)
Line = list[Segment]

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_GUTTER = "bold blue"


def wants_color(stream: TextIO) -> bool:
    """Colour for terminals only, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# --------------------------------------------------------------------------- excerpts


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide CJK = 2, combining marks = 0)."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _printable(text: str) -> str:
    # Tabs and other control characters would shift the carets; one space each keeps the
    # character count, so offsets stay valid.
    return "".join(" " if ch == "\t" or (ord(ch) < 32) else ch for ch in text)


@dataclass(frozen=True)
class _Excerpt:
    """One line of a document with the spans to mark on it (offsets within the line)."""

    doc: Document
    line_no: int
    line_start: int
    text: str
    spans: tuple[tuple[int, int], ...]


def _locate(doc: Document, ev: Evidence) -> tuple[int, int] | None:
    """Offsets of ``ev`` in the document's analysed text."""
    if ev.end > ev.start:
        return ev.start, ev.end
    # Hand-made evidence without offsets: usable when the analysed text is the source itself.
    if doc.source_map is not None and doc.source_map.offsets is not None:
        return None
    starts = [0] + [i + 1 for i, ch in enumerate(doc.text) if ch == "\n"]
    if not 1 <= ev.line <= len(starts):
        return None
    start = starts[ev.line - 1] + ev.column - 1
    return start, min(start + len(ev.text), len(doc.text))


def _excerpts(evidence: Sequence[Evidence], doc: Document) -> list[_Excerpt]:
    by_line: dict[int, tuple[int, str, int, list[tuple[int, int]]]] = {}
    for ev in evidence:
        where = _locate(doc, ev)
        if where is None:
            continue
        start, end = where
        line_no = ev.line
        # A span may wrap ("25 square\nmiles"): mark its part on every line it touches.
        while True:
            line_start = doc.text.rfind("\n", 0, start) + 1
            line_end = doc.text.find("\n", start)
            line_end = len(doc.text) if line_end == -1 else line_end
            text = doc.text[line_start:line_end].rstrip("\r")
            entry = by_line.setdefault(line_start, (line_no, text, line_start, []))
            entry[3].append((start - line_start, min(end, line_start + len(text)) - line_start))
            if end <= line_end + 1:
                break
            start = line_end + 1
            line_no = doc.position(start)[0]
    return [
        _Excerpt(doc, line_no, start, text, tuple(sorted(spans)))
        for line_no, text, start, spans in (by_line[k] for k in sorted(by_line))
    ]


def _window(excerpt: _Excerpt, width: int) -> tuple[str, list[tuple[int, int]]]:
    """The part of the line to show and the spans shifted into it."""
    text = _printable(excerpt.text)
    spans = [(max(0, a), max(a + 1, b)) for a, b in excerpt.spans]
    if len(text) <= width:
        return text, spans
    low = min(a for a, _ in spans)
    high = max(b for _, b in spans)
    margin = max(10, (width - (high - low)) // 2)
    begin = max(0, low - margin)
    end = min(len(text), max(high, begin + width))
    begin = max(0, min(begin, end - width)) if end - begin < width else begin
    begin, end = _snap(text, begin, end, low, high)
    prefix = "... " if begin > 0 else ""
    suffix = " ..." if end < len(text) else ""
    shift = len(prefix) - begin
    shown = prefix + text[begin:end] + suffix
    return shown, [(a + shift, b + shift) for a, b in spans]


def _snap(text: str, begin: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Move cut points to word boundaries (at most 15 characters, never into a span)."""
    if begin > 0:
        space = text.find(" ", begin, min(low, begin + 15))
        begin = space + 1 if space != -1 else begin
    if end < len(text):
        space = text.rfind(" ", max(high, end - 15), end)
        end = space if space != -1 else end
    return begin, end


def _caret_line(shown: str, spans: Sequence[tuple[int, int]]) -> str:
    marks: list[str] = []
    cursor = 0
    for start, end in spans:
        start = max(start, cursor)
        if end <= start:
            continue
        marks.append(" " * _width(shown[cursor:start]))
        marks.append("^" * max(1, _width(shown[start:end])))
        cursor = end
    return "".join(marks)


# --------------------------------------------------------------------------- findings


def _source(options: OutputOptions, path: str, doc_id: str | None) -> Document | None:
    docs = options.documents
    key: DocKey = (path, None)
    return docs.get(key) or docs.get((path, doc_id))


def _evidence_groups(finding: Finding) -> list[tuple[str, str | None, list[Evidence]]]:
    """Evidence grouped by document, the finding's own document first."""
    groups: dict[tuple[str, str | None], list[Evidence]] = {}
    own = (finding.path, finding.doc_id)
    groups[own] = []
    for ev in finding.evidence:
        groups.setdefault((ev.path, ev.doc_id), []).append(ev)
    return [(path, doc_id, evs) for (path, doc_id), evs in groups.items() if evs]


def _finding_lines(finding: Finding, options: OutputOptions) -> list[Line]:
    style = _STYLE.get(finding.severity)
    lines: list[Line] = [[
        (f"{finding.path}:{finding.line}:{finding.column}:", "bold"),
        (" ", None),
        (finding.rule, style),
        (f" {finding.name}  ", None),
        (finding.message, "bold"),
    ]]
    blocks: list[tuple[Evidence, list[_Excerpt]]] = []
    for path, doc_id, evs in _evidence_groups(finding):
        doc = _source(options, path, doc_id)
        if doc is not None:
            excerpts = _excerpts(evs, doc)
            if excerpts:
                blocks.append((evs[0], excerpts))
    numbers = [str(x.line_no) for _, xs in blocks for x in xs]
    pad = max((len(n) for n in numbers), default=1)
    gutter = " " * pad + " |"
    for index, (first, excerpts) in enumerate(blocks):
        if index:
            lines.append([(" " * pad + " ::: ", _GUTTER),
                          (f"{first.path}:{first.line}:{first.column}", None)])
        lines.append([(gutter, _GUTTER)])
        for excerpt in excerpts:
            shown, spans = _window(excerpt, options.width)
            lines.append([(f"{excerpt.line_no:>{pad}} | ", _GUTTER), (shown, None)])
            lines.append([(gutter + " ", _GUTTER), (_caret_line(shown, spans), style)])
    indent = " " * pad + " "
    if finding.explanation:
        lines.extend(_note(indent, "", finding.explanation))
    if finding.suggestion:
        lines.extend(_note(indent, "suggestion: ", finding.suggestion))
    return lines


def _note(indent: str, label: str, text: str) -> list[Line]:
    first, *rest = text.splitlines() or [""]
    lines: list[Line] = [[(f"{indent}= ", _GUTTER), (label, "bold"), (first, None)]]
    lines.extend([[(f"{indent}  {more}", None)] for more in rest])
    return lines


# --------------------------------------------------------------------------- summary


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def summary(report: Report) -> str:
    """``1 error in 1 of 3 documents (3 checked, 41 claims)``."""
    counts = {level: sum(1 for f in report.findings if f.severity == level)
              for level in ("error", "warning", "info")}
    parts = [_plural(n, level) for level, n in counts.items() if n]
    checked = len(report.documents)
    claims = sum(d.claims for d in report.documents)
    flagged = sum(1 for d in report.documents if d.findings)
    details = [f"{checked} checked", _plural(claims, "claim")]
    input_errors = sum(1 for p in report.problems if p.severity == "error")
    if input_errors:
        details.append(_plural(input_errors, "input error"))
    if parts:
        head = f"{', '.join(parts)} in {flagged} of {_plural(checked, 'document')}"
    else:
        head = f"no findings in {_plural(checked, 'document')}"
    return f"{head} ({', '.join(details)})"


def _lines(report: Report, options: OutputOptions) -> list[Line]:
    lines: list[Line] = []
    for finding in report.findings:
        lines.extend(_finding_lines(finding, options))
        lines.append([])
    if not options.quiet:
        lines.append([(summary(report), "bold")])
    elif lines:
        lines.pop()  # quiet: no blank line before a summary that is not printed
    return lines


def write(report: Report, out: TextIO, options: OutputOptions) -> None:
    lines = _lines(report, options)
    if not options.color:
        out.write("".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines))
        return
    from rich.console import Console  # only when colour is wanted: rich is an optional extra
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, markup=False,
                      emoji=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*((text, style or "") for text, style in line)))
