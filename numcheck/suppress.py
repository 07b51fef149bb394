"""Inline suppressions: comments that switch rules off for some lines of a document.

::

    <!-- numcheck: disable=NC101,NC102 -->   rules off from this line ...
    <!-- numcheck: enable -->                 ... to this one (exclusive); enable=NC101 too
    <!-- numcheck: disable -->                every rule off
    <!-- numcheck: ignore-next-line -->       every rule off on the next line (or =NC101)

Any comment form works (``<!-- -->``, ``#``, ``//``, ``/* */``, ``%``, ``;``): a directive is
``numcheck:`` right after a comment opener. Codes may be rule codes or rule names. A
``disable`` without ``enable`` lasts to the end of its document.

A finding is suppressed when its *line* (the line of its first evidence, in the source file)
lies in a region that covers its rule. Suppressions are per file: a cross-article finding is
suppressed by the comments of the file it is reported in.

Directives are read from each document's analysed text. Readers that keep comments in that text
(plain text, Markdown) therefore support suppressions; the HTML reader drops comments, so HTML
files do not (yet).

Directives that did nothing are reported by the built-in rule ``NC001 suppression.unused``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from numcheck.documents import Document
from numcheck.findings import Evidence, Finding
from numcheck.rules.base import RuleSpec

Action = Literal["disable", "enable", "ignore-next-line"]
ACTIONS: tuple[str, ...] = ("disable", "enable", "ignore-next-line")

_OPENER = r"(?:<!--|#|//|/\*|%|;|--|\*)"
_DIRECTIVE = re.compile(
    _OPENER + r"[ \t]*(?P<body>numcheck:[ \t]*(?P<action>[A-Za-z][\w-]*)"
    r"(?:[ \t]*=[ \t]*(?P<codes>[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))?)"
)

_ACTION_OF: dict[str, Action] = {"disable": "disable", "enable": "enable",
                                 "ignore-next-line": "ignore-next-line"}
#: How a region matched when it covers every rule.
ALL = "*"
#: Usage of a suppression: (directive index in its file, the code it matched or ``ALL``).
Usage = tuple[int, str]


@dataclass(frozen=True)
class Directive:
    """One ``numcheck:`` comment. ``codes`` is None for "all rules"; ``action`` is None when
    numcheck did not understand the word after ``numcheck:`` (kept in ``word``)."""

    path: str
    line: int
    column: int
    text: str
    start: int
    end: int
    word: str
    action: Action | None
    codes: frozenset[str] | None
    doc_id: str | None = None


@dataclass(frozen=True)
class Region:
    """Lines ``first``..``last`` (inclusive) where ``codes`` (None: all, minus ``exempt``) are
    off, because of directive number ``directive``."""

    first: int
    last: int
    codes: frozenset[str] | None
    exempt: frozenset[str]
    directive: int

    def covers(self, line: int, rule: str, name: str) -> str | None:
        """The code this region suppresses ``rule`` under (``ALL`` for "all"), or None."""
        if not self.first <= line <= self.last:
            return None
        if self.codes is None:
            return ALL if rule not in self.exempt and name not in self.exempt else None
        if rule in self.codes:
            return rule
        if name in self.codes:
            return name
        return None


@dataclass(frozen=True)
class FileSuppressions:
    """Every directive of one document and the regions they make."""

    path: str
    doc_id: str | None
    directives: tuple[Directive, ...]
    regions: tuple[Region, ...]
    #: directives that made no region: ``enable`` with nothing disabled, unknown words.
    idle: tuple[int, ...]


def parse_directives(doc: Document) -> tuple[Directive, ...]:
    text = doc.text
    if "numcheck:" not in text:  # the common case costs one substring search
        return ()
    found: list[Directive] = []
    for match in _DIRECTIVE.finditer(text):
        start = match.start("body")
        line, column = doc.position(start)
        word = match.group("action")
        codes_text = match.group("codes")
        codes = (
            frozenset(c.strip() for c in codes_text.split(",") if c.strip())
            if codes_text
            else None
        )
        action = _ACTION_OF.get(word.lower())
        found.append(
            Directive(
                path=doc.path,
                line=line,
                column=column,
                text=match.group("body"),
                start=start,
                end=match.end("body"),
                word=word,
                action=action,
                codes=codes,
                doc_id=doc.meta.get("id"),
            )
        )
    return tuple(found)


def build(doc: Document) -> FileSuppressions | None:
    """The suppressions of one document, or None when it has no directives."""
    directives = parse_directives(doc)
    if not directives:
        return None
    # An unclosed ``disable`` lasts to the end of *this* document, not of the file: several
    # documents may share a file (JSONL).
    last_line = doc.position(len(doc.text))[0]
    regions: list[Region] = []
    idle: list[int] = []
    # Open regions: code → (first line, directive); None → "all" with its exemptions.
    open_codes: dict[str, tuple[int, int]] = {}
    open_all: tuple[int, int, frozenset[str]] | None = None

    def close_all(before: int) -> None:
        nonlocal open_all
        if open_all is not None:
            first, index, exempt = open_all
            regions.append(Region(first, before - 1, None, exempt, index))
            open_all = None

    for index, d in enumerate(directives):
        if d.action == "disable":
            if d.codes is None:
                close_all(d.line)  # a second bare disable restarts the region
                open_all = (d.line, index, frozenset())
            else:
                for code in d.codes:
                    if code not in open_codes:
                        open_codes[code] = (d.line, index)
        elif d.action == "enable":
            changed = False
            targets = d.codes if d.codes is not None else set(open_codes)
            for code in sorted(targets):
                if code in open_codes:
                    first, opener = open_codes.pop(code)
                    regions.append(Region(first, d.line - 1, frozenset({code}), frozenset(),
                                          opener))
                    changed = True
            if open_all is not None:
                if d.codes is None:
                    close_all(d.line)
                else:
                    first, opener, exempt = open_all
                    close_all(d.line)
                    open_all = (d.line, opener, exempt | d.codes)
                changed = True
            if not changed:
                idle.append(index)
        elif d.action == "ignore-next-line":
            target = doc.position(d.end)[0] + 1
            regions.append(Region(target, target, d.codes, frozenset(), index))
        else:
            idle.append(index)
    for code, (first, opener) in sorted(open_codes.items()):
        regions.append(Region(first, last_line, frozenset({code}), frozenset(), opener))
    close_all(last_line + 1)
    return FileSuppressions(doc.path, doc.meta.get("id"), directives, tuple(regions),
                            tuple(idle))


def apply(
    findings: Iterable[Finding], files: Sequence[FileSuppressions]
) -> tuple[list[Finding], set[tuple[int, Usage]]]:
    """Drop suppressed findings. Returns the kept findings and which (file index, usage) pairs
    hid at least one finding."""
    by_path: dict[str, list[int]] = {}
    for number, file in enumerate(files):
        by_path.setdefault(file.path, []).append(number)
    kept: list[Finding] = []
    used: set[tuple[int, Usage]] = set()
    for finding in findings:
        hidden = False
        for number in by_path.get(finding.path, ()):
            for region in files[number].regions:
                code = region.covers(finding.line, finding.rule, finding.name)
                if code is not None:
                    used.add((number, (region.directive, code)))
                    hidden = True
        if not hidden:
            kept.append(finding)
    return kept, used


def unused(
    files: Sequence[FileSuppressions],
    used: set[tuple[int, Usage]],
    rule: RuleSpec,
    active: frozenset[str],
    known: frozenset[str],
) -> list[Finding]:
    """Findings of ``rule`` (NC001) for directives that did nothing.

    ``active`` are the codes and names of the rules that ran: a code of a rule that did not run
    cannot be judged unused. ``known`` are all codes and names: anything else is a typo.
    """
    results: list[Finding] = []
    for number, file in enumerate(files):
        for index, d in enumerate(file.directives):
            verdict = _verdict(d, index, number, file, used, active, known)
            if verdict is not None:
                results.append(_finding(rule, d, verdict))
    return results


@dataclass(frozen=True)
class _Verdict:
    problem: str
    explanation: str
    suggestion: str | None = None


_UNUSED = "no finding on the lines it covers needed it"
_NOOP = "numcheck cannot act on this comment, so it suppresses nothing"


def _verdict(
    d: Directive,
    index: int,
    number: int,
    file: FileSuppressions,
    used: set[tuple[int, Usage]],
    active: frozenset[str],
    known: frozenset[str],
) -> _Verdict | None:
    if d.action is None:
        close = difflib.get_close_matches(d.word.lower(), ACTIONS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return _Verdict(f"unknown numcheck directive {d.word!r}{hint}", _NOOP)
    unknown = sorted(c for c in d.codes or () if c not in known)
    if unknown:
        names = ", ".join(repr(c) for c in unknown)
        return _Verdict(f"suppression names no known rule: {names}", _NOOP)
    if index in file.idle:
        return _Verdict(f"'{d.text}' has nothing to re-enable", "no rule is disabled here",
                        "remove the comment")
    if d.action == "enable":
        return None
    if d.codes is None:
        if (number, (index, ALL)) in used:
            return None
        return _Verdict(f"unused suppression '{d.text}'", _UNUSED, "remove the comment")
    idle_codes = sorted(c for c in d.codes if c in active and (number, (index, c)) not in used)
    if not idle_codes:
        return None
    if len(idle_codes) == len(d.codes):
        return _Verdict(f"unused suppression '{d.text}'", _UNUSED, "remove the comment")
    plural = "s" if len(idle_codes) > 1 else ""
    return _Verdict(f"unused code{plural} in '{d.text}': {', '.join(idle_codes)}", _UNUSED,
                    f"remove {', '.join(idle_codes)} from the comment")


def _finding(rule: RuleSpec, d: Directive, verdict: _Verdict) -> Finding:
    evidence = Evidence(d.path, d.line, d.column, d.text, d.start, d.end, d.doc_id)
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=rule.level,
        message=rule.message.replace("{problem}", verdict.problem),
        path=d.path,
        line=d.line,
        column=d.column,
        evidence=(evidence,),
        explanation=verdict.explanation,
        suggestion=verdict.suggestion,
        doc_id=d.doc_id,
    )
