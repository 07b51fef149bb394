"""The HTML pages: one shell, the check form, a result, an error, the rules.

Plain string building with every value escaped by :func:`numcheck.web.markup.esc`. No inline
scripts, styles or event handlers: the web app serves CSS and JavaScript as files (``static/``)
under a ``'self'``-only Content-Security-Policy; the HTML report inlines the same two files and
allows exactly them by hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from numcheck.documents import Problem
from numcheck.findings import Report
from numcheck.web.archive_seam import Published
from numcheck.web.limits import MB, Limits
from numcheck.web.markup import (
    DocView,
    LinkFor,
    document_block,
    esc,
    external_link,
    number,
    safe_link,
)

ASSETS = ("numcheck.css", "numcheck.js")


def asset(name: str) -> str:
    """A shipped static file's text (``numcheck/web/static/<name>``)."""
    return resources.files("numcheck.web").joinpath("static", name).read_text("utf-8")


def shell(title: str, body: str, head: str, *, tool: str = "Copy desk",
          home: str | None = "./") -> str:
    """The page around ``body``; ``head`` links or inlines the CSS and script."""
    brand = '<span class="nc-logo" aria-hidden="true">#</span>numcheck'
    brand = f'<a class="nc-brand" href="{esc(home)}">{brand}</a>' if home else \
        f'<span class="nc-brand">{brand}</span>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">'
        f"<title>{esc(title)}</title>{head}</head>"
        '<body><header class="nc-top"><div class="nc-top-inner">'
        f'{brand}<span class="nc-tool">{esc(tool)}</span>'
        "</div></header>"
        f'<main class="nc-main">{body}</main>'
        '<footer class="nc-foot">numcheck flags numbers that cannot all be true. '
        "It does not know the facts: every finding is a question for the writer.</footer>"
        "</body></html>\n"
    )


def linked_assets() -> str:
    return ('<link rel="stylesheet" href="static/numcheck.css">'
            '<script src="static/numcheck.js" defer></script>')


@dataclass(frozen=True)
class FormValues:
    text: str = ""
    title: str = ""
    date: str = ""


def form(limits: Limits, values: FormValues, suffixes: Sequence[str] = ()) -> str:
    accept = ",".join(suffixes)
    kinds = ", ".join(s for s in (".docx", ".md", ".txt", ".html") if s in suffixes)
    return (
        '<form class="nc-compose" method="post" action="check" enctype="multipart/form-data" '
        f'data-max-bytes="{limits.max_body_bytes}" data-max-chars="{limits.max_chars}">'
        '<div class="nc-row">'
        '<label class="nc-field nc-grow"><span>Headline <span class="nc-opt">optional</span>'
        f'</span><input type="text" name="title" maxlength="300" value="{esc(values.title)}">'
        '</label><label class="nc-field"><span>Publication date <span class="nc-opt">optional'
        f'</span></span><input type="date" name="date" value="{esc(values.date)}"></label></div>'
        '<label class="nc-field" for="nc-text">Article text</label>'
        '<textarea id="nc-text" name="text" rows="12" spellcheck="false" '
        'placeholder="Paste the article here.">'
        f"{esc(values.text)}</textarea>"
        '<div class="nc-row nc-bottom">'
        '<label class="nc-file">or upload files '
        f'<input type="file" name="files" multiple accept="{esc(accept)}"></label>'
        f'<span class="nc-hint">{esc(kinds)} · up to {limits.max_body_bytes // MB} MB</span>'
        '<button class="nc-button" type="submit">Check numbers</button></div>'
        '<p class="nc-form-error" role="alert" hidden></p>'
        "</form>"
    )


def compose_page(limits: Limits, head: str, suffixes: Sequence[str],
                 notice: str | None = None) -> str:
    intro = (
        '<section class="nc-intro"><h1>Check the numbers before you publish</h1>'
        "<p>Paste a story or upload a Word file. numcheck underlines every quantity it reads "
        "and highlights numbers that cannot all be true: a wrong conversion, parts that do not "
        "add up to the total, a percentage that does not match its count, a toll that goes "
        "down.</p></section>"
    )
    box = f'<section class="nc-card-box">{form(limits, FormValues(), suffixes)}</section>'
    body = (intro + _notice(notice)
            + f'<div class="nc-compose-layout">{box}{_what_it_checks()}</div>')
    return shell("numcheck — check the numbers", body, head)


def _what_it_checks() -> str:
    items = (
        ("Conversions", "25 square miles (40 square kilometres)"),
        ("Parts and totals", "five Americans: two soldiers, a civilian and a contractor"),
        ("Percentages", "12 of 40 members (25%)"),
        ("Changes", "rose from 120 to 150, an increase of 20%"),
        ("Repeated figures", "46 dead in one paragraph, 39 in the next"),
        ("Dates and ages", "born in 1950, aged 62 in 2019"),
        ("Statistics", "t(28) = 2.20, p = .30"),
    )
    rows = "".join(f"<li><strong>{esc(a)}</strong><span>{esc(b)}</span></li>" for a, b in items)
    return ('<aside class="nc-checks" aria-label="What numcheck checks">'
            f"<h2>What it checks</h2><ul>{rows}</ul>"
            "<p>The text is checked on this server and is not stored.</p></aside>")


def _notice(notice: str | None) -> str:
    return f'<p class="nc-notice">{esc(notice)}</p>' if notice else ""


def error_page(status: int, message: str, limits: Limits, head: str,
               suffixes: Sequence[str], values: FormValues | None = None) -> str:
    body = (
        f'<div class="nc-alert" role="alert"><strong>Not checked.</strong> {esc(message)}</div>'
        f'<section class="nc-card-box">{form(limits, values or FormValues(), suffixes)}'
        "</section>"
    )
    return shell(f"numcheck — not checked ({status})", body, head)


def problems_html(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    items = "".join(
        f'<li class="nc-problem-{esc(p.severity)}"><strong>{esc(p.path)}</strong>: '
        f"{esc(p.message)}</li>"
        for p in problems
    )
    return f'<ul class="nc-problems" aria-label="Problems reading the input">{items}</ul>'


def verdict(report: Report) -> str:
    """The one-line answer at the top of a result: how many findings, how many checked."""
    errors = sum(1 for f in report.findings if f.severity == "error")
    warnings = sum(1 for f in report.findings if f.severity == "warning")
    notes = len(report.findings) - errors - warnings
    claims = sum(d.claims for d in report.documents)
    docs = len(report.documents)
    checked = (f"{claims} {'quantity' if claims == 1 else 'quantities'} in {docs} "
               f"{'document' if docs == 1 else 'documents'} checked")
    if not report.findings:
        return (f'<div class="nc-verdict nc-ok"><strong>No inconsistent numbers found.</strong> '
                f"<span>{checked}.</span></div>")
    parts = [f"{n} {word if n == 1 else word + 's'}"
             for n, word in ((errors, "error"), (warnings, "warning"), (notes, "note")) if n]
    worst = "error" if errors else "warning" if warnings else "info"
    return (f'<div class="nc-verdict nc-{worst}"><strong>{esc(", ".join(parts))} to check.'
            f"</strong> <span>{checked}.</span></div>")


def results_html(
    report: Report, views: Sequence[DocView], link_for: LinkFor = external_link
) -> str:
    """Verdict, input problems and one block per document (shared with the HTML report)."""
    numbered = number(report.findings)
    blocks = "".join(document_block(v, numbered, views, link_for) for v in views)
    return verdict(report) + problems_html(report.problems) + blocks


def result_page(report: Report, views: Sequence[DocView], limits: Limits, head: str,
                suffixes: Sequence[str], values: FormValues,
                link_for: LinkFor = external_link, notice: str | None = None) -> str:
    edit = (
        '<details class="nc-edit"><summary>Edit and check again</summary>'
        f"{form(limits, values, suffixes)}</details>"
    )
    body = (f'<div class="nc-result-bar"><a class="nc-new" href="./">New check</a></div>'
            f"{_notice(notice)}{results_html(report, views, link_for)}{edit}")
    title = views[0].document.title if len(views) == 1 and views[0].document.title else "result"
    return shell(f"numcheck — {title}", body, head)


def published_page(article: Published, head: str, line: int = 0, column: int = 0) -> str:
    """A published article as the archive knows it: its sentences that hold numbers, each
    number underlined, the one a finding pointed at (``line``, ``column``) highlighted."""
    items: list[str] = []
    for sentence in article.sentences:
        out: list[str] = []
        at = 0
        for claim in sentence.claims:
            if claim.start < at or claim.end > len(sentence.text):
                continue  # overlapping or out-of-range offsets: leave the text unmarked
            wanted = (claim.line, claim.column) == (line, column)
            css = "nc-hit nc-warning" if wanted else "nc-q"
            ident = ' id="nc-here"' if wanted else ""
            out.append(esc(sentence.text[at:claim.start]))
            out.append(f'<span class="{css}"{ident}>{esc(sentence.text[claim.start:claim.end])}'
                       "</span>")
            at = claim.end
        out.append(esc(sentence.text[at:]))
        items.append(f'<li><span class="nc-where">line {sentence.line}</span> '
                     f'<span class="nc-sentence">{"".join(out)}</span></li>')
    external = safe_link(article.path)
    source = (f'<a href="{esc(external)}" rel="noopener noreferrer">{esc(article.path)}</a>'
              if external else f'<span class="nc-path">{esc(article.path)}</span>')
    meta = " · ".join(x for x in (source, esc(article.date or "")) if x)
    body = (
        '<div class="nc-result-bar"><a class="nc-new" href="./">New check</a></div>'
        '<section class="nc-published"><p class="nc-kicker">Published article</p>'
        f"<h1>{esc(article.title or article.path)}</h1><p class=\"nc-meta\">{meta}</p>"
        "<p class=\"nc-note\">The archive keeps the sentences that hold numbers, "
        "not the whole text.</p>"
        f'<ol class="nc-sentences">{"".join(items)}</ol></section>'
    )
    return shell(f"numcheck — {article.title or article.path}", body, head)
