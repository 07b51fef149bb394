"""An article as HTML with its quantities underlined and its findings highlighted in place.

Shared by the web page and ``numcheck check --format html``, so both mark text identically.
Standard library only. Every piece of article text, message, path and title goes through
:func:`esc`; the markup carries no inline event handlers or styles (the pages run under a
strict Content-Security-Policy), only classes, ids, ``href`` and ``data-`` attributes that the
shipped script reads.

How marking works: the start and end offsets of every claim and every piece of evidence cut the
text into segments; each segment knows which claims and findings cover it and is wrapped in at
most one ``<span class="nc-q">`` (a quantity) inside at most one ``<a class="nc-hit">`` (a
finding). Spans that overlap or nest therefore never produce crossed tags.

Ids: finding numbers are global to a page; a document block has an anchor (``nc-d1``), its
finding cards are ``nc-d1-f3`` and the places of their evidence ``nc-d1-f3-e0``, so a finding
that spans two documents (cross-article) has a card and marks in each without duplicate ids.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.findings import SEVERITY_RANK, Evidence, Finding

SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Note"}
_BOUND_WORDS = {"=": "", "~": "about ", ">": "more than ", ">=": "at least ",
                "<": "less than ", "<=": "at most "}

#: Gives the address of evidence in a document that is not on the page (a published article
#: in the archive), or None when there is none worth linking.
LinkFor = Callable[[Evidence], str | None]


def esc(text: object) -> str:
    """HTML-escape text for element content and quoted attribute values alike."""
    return html.escape(str(text), quote=True)


def safe_link(address: str) -> str | None:
    """``address`` if it is an http(s) URL (never ``javascript:`` or ``data:``), else None."""
    lowered = address.strip().lower()
    if lowered.startswith(("https://", "http://")) and not any(c in address for c in "\"'<> "):
        return address.strip()
    return None


def external_link(evidence: Evidence) -> str | None:
    """The default :data:`LinkFor`: a path that is itself a web address."""
    return safe_link(evidence.path)


@dataclass(frozen=True)
class DocView:
    """One document as the page shows it: its text and the claims found in it."""

    anchor: str
    document: Document
    claims: Sequence[Claim] = ()

    def holds(self, evidence: Evidence) -> bool:
        doc_id = self.document.meta.get("id")
        return evidence.path == self.document.path and evidence.doc_id in (None, doc_id)


@dataclass(frozen=True)
class Numbered:
    """A finding and its number on the page (1-based, report order)."""

    number: int
    finding: Finding

    @property
    def severity(self) -> str:
        return self.finding.severity


def number(findings: Sequence[Finding]) -> tuple[Numbered, ...]:
    return tuple(Numbered(i, f) for i, f in enumerate(findings, start=1))


def findings_in(view: DocView, findings: Sequence[Numbered]) -> tuple[Numbered, ...]:
    """The findings with evidence in ``view`` (or reported on its path), in report order."""
    doc = view.document
    return tuple(
        n for n in findings
        if any(view.holds(e) for e in n.finding.evidence)
        or (n.finding.path == doc.path and n.finding.doc_id in (None, doc.meta.get("id")))
    )


# --------------------------------------------------------------------------- claims in words


def unit_label(unit: str | None) -> str:
    """pint's canonical unit string, readable: ``kilometer ** 2`` → ``kilometer²``."""
    if not unit:
        return ""
    label = unit.replace(" ** 2", "²").replace(" ** 3", "³").replace("_", " ")
    return {"percent": "%"}.get(label, label)


def _num(value: float) -> str:
    if math.isinf(value):
        return "∞"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def describe_claim(claim: Claim) -> str:
    """How numcheck read a quantity, for its tooltip: ``measure: less than 5 kilometer²``."""
    unit = unit_label(claim.unit)
    sep = "" if unit in ("", "%") else " "
    stated = _num(claim.value) if claim.upper is None else \
        f"{_num(claim.value)}–{_num(claim.upper)}"
    read = f"{_BOUND_WORDS.get(claim.bound, '')}{stated}{sep}{unit}"
    allowed = ""
    if claim.bound in ("=", "~") and math.isfinite(claim.low) and math.isfinite(claim.high) \
            and claim.low != claim.high:
        allowed = f" (allows {_num(claim.low)}–{_num(claim.high)})"
    return f"{claim.kind}: {read}{allowed}"


# --------------------------------------------------------------------------- the article


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    claim: Claim | None = None
    numbered: Numbered | None = None
    evidence_index: int = 0


def _marks(view: DocView, findings: Sequence[Numbered]) -> list[_Mark]:
    marks = [_Mark(c.start, c.end, claim=c) for c in view.claims if c.is_quantity]
    for n in findings:
        for index, evidence in enumerate(n.finding.evidence):
            if view.holds(evidence) and evidence.end > evidence.start:
                marks.append(_Mark(evidence.start, evidence.end, numbered=n,
                                   evidence_index=index))
    return marks


def _segments(
    start: int, end: int, marks: Sequence[_Mark]
) -> Iterator[tuple[int, int, list[_Mark]]]:
    """Cut [start, end) at every mark boundary; yield each piece with the marks covering it.

    A sweep over sorted boundaries: linear in text length plus marks, whatever they overlap.
    """
    opening: dict[int, list[_Mark]] = {}
    closing: dict[int, list[int]] = {}
    cuts = {start, end}
    for i, mark in enumerate(marks):
        a, b = max(mark.start, start), min(mark.end, end)
        if a >= b:
            continue
        opening.setdefault(a, []).append(mark)
        closing.setdefault(b, []).append(i)
        cuts.update((a, b))
    active: dict[int, _Mark] = {}
    ids = {id(m): i for i, m in enumerate(marks)}
    for a, b in pairwise(sorted(cuts)):
        for i in closing.get(a, ()):
            active.pop(i, None)
        for mark in opening.get(a, ()):
            active[ids[id(mark)]] = mark
        yield a, b, list(active.values())


def _hit_title(numbered: Sequence[Numbered]) -> str:
    return "\n".join(
        f"{SEVERITY_LABEL[n.severity]} {n.finding.rule}: {n.finding.message}" for n in numbered
    )


_HARD_WRAP = re.compile(
    # A single line break inside a paragraph, after a line that does not end a sentence, a
    # heading or a list item, and before a line that does not start a block of its own.
    r"(?<=[^\s.!?:;\"”’)\]])\n(?![ \t]*(?:\n|[-*+>|#]|\d+[.)]\s))"
)
_HEADING_LINE = re.compile(r"^[ \t]*#[^\n]*$", re.M)


def display_text(text: str) -> str:
    """``text`` as it should read on screen, *character for character the same length*.

    Hard-wrapped Markdown and e-mail text break lines mid-sentence; shown with
    ``white-space: pre-wrap`` that looks broken, so those breaks become spaces. Paragraphs,
    headings, list items and lines that end a sentence keep their breaks (a pasted article
    often has one paragraph per line). Carriage returns become spaces. Offsets into the
    analysed text stay valid because no character is added or removed.
    """
    headings = {m.end() for m in _HEADING_LINE.finditer(text)}
    chars = list(text.replace("\r", " "))
    for match in _HARD_WRAP.finditer(text):
        if match.start() not in headings:
            chars[match.start()] = " "
    return "".join(chars)


def _keep_last_word(text: str, tags: str) -> str:
    """Escaped ``text`` followed by finding numbers that never wrap away from its last word.

    The numbers sit inside the highlight (a link), so without script a click on them goes where
    a click on the highlight goes: to the finding.
    """
    if not tags:
        return esc(text)
    cut = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t")) + 1
    return f'{esc(text[:cut])}<span class="nc-keep">{esc(text[cut:])}{tags}</span>'


def article_html(view: DocView, findings: Sequence[Numbered]) -> str:
    """The document's text as HTML (for a ``white-space: pre-wrap`` container)."""
    text = display_text(view.document.text)
    # Blanked front matter and leading blank lines are not prose; trailing space neither.
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    marks = _marks(view, findings)
    last_end: dict[int, int] = {}
    for m in marks:
        if m.numbered is not None:
            key = m.numbered.number
            last_end[key] = max(last_end.get(key, 0), min(m.end, end))
    out: list[str] = []
    for a, b, active in _segments(start, end, marks):
        out.extend(
            f'<span class="nc-anchor" id="{view.anchor}-f{m.numbered.number}'
            f'-e{m.evidence_index}"></span>'
            for m in active if m.numbered is not None and max(m.start, start) == a
        )
        tags = ""
        for key in sorted(k for k, v in last_end.items() if v == b):
            n = next(h for h in findings if h.number == key)
            tags += f'<span class="nc-tag nc-{n.severity}" data-f="{key}">{key}</span>'
            del last_end[key]
        piece = _keep_last_word(text[a:b], tags)
        claims = [m.claim for m in active if m.claim is not None]
        if claims:
            piece = (f'<span class="nc-q" title="{esc(describe_claim(claims[0]))}">'
                     f"{piece}</span>")
        hits = sorted({m.numbered.number: m.numbered for m in active
                       if m.numbered is not None}.values(), key=lambda n: n.number)
        if hits:
            worst = max(hits, key=lambda n: SEVERITY_RANK[n.severity]).severity
            numbers = " ".join(str(n.number) for n in hits)
            piece = (f'<a class="nc-hit nc-{worst}" href="#{view.anchor}-f{hits[0].number}" '
                     f'data-f="{numbers}" data-doc="{view.anchor}" '
                     f'title="{esc(_hit_title(hits))}">{piece}</a>')
        out.append(piece)
    return "".join(out)


# --------------------------------------------------------------------------- findings


def _place(e: Evidence) -> str:
    return f"line {e.line}, column {e.column}"


def _evidence_item(
    n: Numbered, index: int, e: Evidence, views: Sequence[DocView], here: DocView,
    link_for: LinkFor,
) -> str:
    quote = f'<q class="nc-quote">{esc(e.text)}</q>'
    view = next((v for v in views if v.holds(e)), None)
    if view is not None:
        where = _place(e) if view is here else \
            f"{esc(_doc_name(view.document))}, {_place(e)}"
        return (f'<li><a class="nc-goto" href="#{view.anchor}-f{n.number}-e{index}" '
                f'data-f="{n.number}" data-doc="{view.anchor}">{quote}</a> '
                f'<span class="nc-where">{where}</span></li>')
    # Evidence in a document that is not on the page: a published article from the archive.
    address = link_for(e)
    name = esc(e.path)
    source = f'<a class="nc-source" href="{esc(address)}" rel="noopener noreferrer">{name}</a>' \
        if address else f'<span class="nc-source">{name}</span>'
    return (f'<li class="nc-elsewhere">{quote} <span class="nc-where">in {source}, '
            f"{_place(e)}</span></li>")


def finding_card(
    n: Numbered, here: DocView, views: Sequence[DocView], link_for: LinkFor = external_link
) -> str:
    f = n.finding
    evidence = "".join(_evidence_item(n, i, e, views, here, link_for)
                       for i, e in enumerate(f.evidence))
    suggestion = "" if not f.suggestion else (
        f'<p class="nc-suggest"><span class="nc-label">Suggestion</span> '
        f"{esc(f.suggestion)}</p>")
    explanation = "" if not f.explanation else (
        f'<p class="nc-explain"><span class="nc-label">Why</span> {esc(f.explanation)}</p>')
    return (
        f'<li class="nc-card nc-{f.severity}" id="{here.anchor}-f{n.number}" '
        f'data-f="{n.number}">'
        f'<div class="nc-card-head"><span class="nc-num">{n.number}</span>'
        f'<span class="nc-sev">{SEVERITY_LABEL[f.severity]}</span>'
        f'<code class="nc-rule">{esc(f.rule)}</code>'
        f'<span class="nc-rule-name">{esc(f.name)}</span></div>'
        f'<p class="nc-message">{esc(f.message)}</p>'
        f'<ul class="nc-evidence">{evidence}</ul>{explanation}{suggestion}</li>'
    )


def _doc_name(document: Document) -> str:
    # Pasted text has a placeholder path such as "<pasted>": not a name to show as a headline.
    if document.title:
        return document.title
    return "Pasted text" if document.path.startswith("<") else document.path


def _tally(findings: Sequence[Numbered]) -> str:
    counts = {s: sum(1 for n in findings if n.severity == s) for s in SEVERITY_LABEL}
    words = {"error": ("error", "errors"), "warning": ("warning", "warnings"),
             "info": ("note", "notes")}
    parts = [f'<span class="nc-count nc-{s}">{c} {words[s][c != 1]}</span>'
             for s, c in counts.items() if c]
    return " · ".join(parts)


def document_block(
    view: DocView,
    findings: Sequence[Numbered],
    views: Sequence[DocView],
    link_for: LinkFor = external_link,
) -> str:
    """One document: heading, marked text, and the list of its findings beside it."""
    doc = view.document
    mine = findings_in(view, findings)
    quantities = sum(1 for c in view.claims if c.is_quantity)
    # Pasted text has a placeholder path ("<pasted>"), not worth showing; a file's name is.
    meta = [f'<span class="nc-path">{esc(doc.path)}</span>'] \
        if doc.title and not doc.path.startswith("<") else []
    if doc.date:
        meta.append(f'<span class="nc-date">{esc(doc.date)}</span>')
    meta.append(f"<span>{quantities} {'quantity' if quantities == 1 else 'quantities'} "
                f"checked</span>")
    if mine:
        status = (f'<p class="nc-status nc-has-findings">{_tally(mine)} '
                  f'<span class="nc-status-hint">Select a highlight to see why.</span></p>')
        cards = "".join(finding_card(n, view, views, link_for) for n in mine)
        listing = f'<ol class="nc-cards">{cards}</ol>'
    else:
        status = ('<p class="nc-status nc-clean">No inconsistent numbers found. '
                  "Underlined quantities were checked.</p>")
        listing = '<p class="nc-empty">Nothing to fix in this document.</p>'
    # Head, findings, text: on a narrow screen they stack in this order, so the list of
    # findings comes before a long article; on a wide one the findings sit beside the text.
    return (
        f'<section class="nc-doc" id="{view.anchor}" aria-label="{esc(_doc_name(doc))}">'
        f'<header class="nc-doc-head"><h2>{esc(_doc_name(doc))}</h2>'
        f'<p class="nc-meta">{" · ".join(meta)}</p>{status}</header>'
        f'<aside class="nc-findings" aria-label="Findings"><h3>Findings</h3>{listing}</aside>'
        f'<div class="nc-doc-body"><div class="nc-text">{article_html(view, mine)}</div></div>'
        f"</section>"
    )
