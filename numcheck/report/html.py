"""``--format html``: one self-contained page, marked like the copy-desk page.

Every document with findings is shown whole, quantities underlined and findings highlighted in
place, its findings beside it; documents without findings are listed by name. The page needs
nothing else: the web page's CSS and script are inlined, and a Content-Security-Policy in the
page allows exactly those two by hash (no network, no other script, even when the report is
served from a web server that adds no headers of its own).

Quantities are extracted again for the documents shown (the report holds findings, not claims;
extraction is deterministic, so the marks are the claims the rules saw). Output is
deterministic: no timestamps, documents and findings in report order.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from typing import TextIO

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.findings import Report
from numcheck.report import OutputOptions
from numcheck.web.markup import DocView, esc
from numcheck.web.pages import asset, results_html, shell


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_assets() -> str:
    """The CSS and script inlined, and a CSP that allows exactly them."""
    css, js = asset("numcheck.css"), asset("numcheck.js")
    csp = (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return (f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">'
            f"<style>{css}</style><script>{js}</script>")


def _claims(document: Document) -> Sequence[Claim]:
    from numcheck.extraction import extract_document  # lazy: quantulum3 is slow to import

    try:
        return extract_document(document)
    except Exception:  # underlines are a nicety; the findings are already in the report
        return ()


def _views(report: Report, options: OutputOptions) -> list[DocView]:
    views: list[DocView] = []
    for summary in report.documents:
        key = (summary.path, None) if (summary.path, None) in options.documents else \
            (summary.path, summary.doc_id)
        document = options.documents.get(key)
        if document is None or summary.findings == 0:
            continue
        views.append(DocView(f"nc-d{len(views) + 1}", document, _claims(document)))
    return views


def _clean_list(report: Report, shown: Sequence[DocView]) -> str:
    shown_paths = {(v.document.path, v.document.meta.get("id")) for v in shown}
    clean = [d for d in report.documents
             if d.findings == 0 and (d.path, d.doc_id) not in shown_paths]
    if not clean:
        return ""
    items = ", ".join(
        f"<code>{esc(d.path)}{'#' + esc(d.doc_id) if d.doc_id else ''}</code> ({d.claims})"
        for d in clean
    )
    return (f'<p class="nc-clean-list"><strong>No findings</strong> in {len(clean)} '
            f"{'document' if len(clean) == 1 else 'documents'} (quantities checked): "
            f"{items}</p>")


def render_page(report: Report, options: OutputOptions) -> str:
    views = _views(report, options)
    count = len(report.documents)
    head = ('<header class="nc-report-head"><h1>Numbers report</h1>'
            f"<p>{count} {'document' if count == 1 else 'documents'} checked by numcheck. "
            "Select a highlight to see why it was flagged.</p></header>")
    body = head + results_html(report, views) + _clean_list(report, views)
    return shell("numcheck report", body, inline_assets(), tool="Report", home=None)


def write(report: Report, out: TextIO, options: OutputOptions) -> None:
    out.write(render_page(report, options))
