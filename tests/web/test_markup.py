"""Marking an article: nesting, escaping, ids, and the text shown character for character."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.findings import Evidence, Finding
from numcheck.web.markup import (
    DocView,
    article_html,
    describe_claim,
    display_text,
    document_block,
    number,
    safe_link,
)

_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class _Checker(HTMLParser):
    """Fails on crossed or unclosed tags; collects ids and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.in_tag = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if tag not in _VOID:
            self.stack.append(tag)
        if "nc-tag" in (attributes.get("class") or "").split():
            self.in_tag += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"crossed tags: </{tag}> in {self.stack}"
        self.stack.pop()
        if self.in_tag and tag == "span":
            self.in_tag -= 1

    def handle_data(self, data: str) -> None:
        if not self.in_tag:  # finding numbers are not article text
            self.text.append(data)


def _parse(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    return checker


def _claim(text: str, whole: str, kind: str = "measure") -> Claim:
    start = whole.index(text)
    return Claim(text=text, value=1.0, low=0.5, high=1.5, bound="=", unit="mile ** 2",
                 kind=kind, start=start, end=start + len(text))  # type: ignore[arg-type]


def _evidence(text: str, whole: str, path: str = "a.md", occurrence: int = 0) -> Evidence:
    start = [m.start() for m in re.finditer(re.escape(text), whole)][occurrence]
    return Evidence(path, 1, start + 1, text, start, start + len(text))


def _finding(*evidence: Evidence, severity: str = "error", rule: str = "NC101") -> Finding:
    first = evidence[0]
    return Finding(rule, "conversion.restatement", severity, "message <b>", first.path,  # type: ignore[arg-type]
                   first.line, first.column, evidence, "why & how", "fix <i>")


TEXT = "It covers 25 square miles (40 square kilometres), or <b>40</b> & more."


def test_overlapping_marks_nest_and_keep_the_text() -> None:
    doc = Document.from_text(TEXT, "a.md")
    claims = [_claim("25 square miles", TEXT), _claim("40 square kilometres", TEXT)]
    # Evidence that starts inside one claim and ends inside the next, and a finding over it.
    wide = Evidence("a.md", 1, 15, "square miles (40 square", 13, 36)
    findings = number([_finding(_evidence("25 square miles", TEXT),
                                _evidence("40 square kilometres", TEXT)),
                       _finding(wide, severity="warning", rule="NC999")])
    markup = article_html(DocView("nc-d1", doc, claims), findings)
    parsed = _parse(markup)
    assert "".join(parsed.text) == TEXT.strip()
    assert len(parsed.ids) == len(set(parsed.ids))
    assert {"nc-d1-f1-e0", "nc-d1-f1-e1", "nc-d1-f2-e0"} <= set(parsed.ids)
    # The overlap of both findings is marked as the worse one and names both.
    assert re.search(r'class="nc-hit nc-error"[^>]*data-f="1 2"', markup)
    # Article text is escaped, never markup.
    assert "<b>40</b>" not in markup and "&lt;b&gt;40&lt;/b&gt; &amp; more" in markup


def test_finding_numbers_follow_the_last_highlight_of_their_finding() -> None:
    doc = Document.from_text(TEXT, "a.md")
    findings = number([_finding(_evidence("25 square miles", TEXT),
                                _evidence("40 square kilometres", TEXT))])
    markup = article_html(DocView("nc-d1", doc, ()), findings)
    assert markup.count('class="nc-tag') == 1
    # The number sits right after "kilometres", inside the highlight, kept with the last word.
    assert re.search(r'<span class="nc-keep">kilometres<span class="nc-tag nc-error" '
                     r'data-f="1">1</span></span></a>\)', markup)


def test_cards_carry_escaped_message_explanation_and_suggestion() -> None:
    doc = Document.from_text(TEXT, "a.md")
    view = DocView("nc-d1", doc, [_claim("25 square miles", TEXT)])
    findings = number([_finding(_evidence("25 square miles", TEXT))])
    block = document_block(view, findings, [view])
    _parse(block)
    assert "message &lt;b&gt;" in block and "why &amp; how" in block and "fix &lt;i&gt;" in block
    assert 'href="#nc-d1-f1-e0"' in block  # the card jumps to the text
    assert 'href="#nc-d1-f1"' in block  # the highlight jumps to the card


def test_a_finding_across_two_documents_has_a_card_in_each_without_duplicate_ids() -> None:
    other = "Officials said 40 square miles were lost."
    a, b = Document.from_text(TEXT, "a.md"), Document.from_text(other, "b.md")
    views = [DocView("nc-d1", a, ()), DocView("nc-d2", b, ())]
    findings = number([_finding(_evidence("25 square miles", TEXT),
                                _evidence("40 square miles", other, path="b.md"))])
    page = "".join(document_block(v, findings, views) for v in views)
    parsed = _parse(page)
    assert len(parsed.ids) == len(set(parsed.ids))
    assert {"nc-d1-f1", "nc-d2-f1", "nc-d1-f1-e0", "nc-d2-f1-e1"} <= set(parsed.ids)
    assert 'href="#nc-d2-f1-e1"' in page  # from a.md's card to the place in b.md


def test_evidence_in_an_unseen_document_links_only_to_web_addresses() -> None:
    doc = Document.from_text(TEXT, "a.md")
    view = DocView("nc-d1", doc, ())
    elsewhere = [Evidence("https://example.org/a?x=1&y=2", 3, 4, "30 square miles"),
                 Evidence("javascript:alert(1)", 1, 1, "31 square miles"),
                 Evidence("archive/old.md", 2, 2, "32 square miles")]
    block = document_block(view, number([_finding(_evidence("25 square miles", TEXT),
                                                  *elsewhere)]), [view])
    assert 'href="https://example.org/a?x=1&amp;y=2"' in block
    assert "javascript:alert(1)" in block and 'href="javascript' not in block
    assert "archive/old.md" in block


@pytest.mark.parametrize(
    ("address", "expected"),
    [("https://example.org/x", "https://example.org/x"), ("HTTP://a.b", "HTTP://a.b"),
     ("javascript:alert(1)", None), ("data:text/html,x", None), ("//evil.example", None),
     ('https://a.b/"onmouseover="x', None), ("archive/a.md", None)],
)
def test_safe_link(address: str, expected: str | None) -> None:
    assert safe_link(address) == expected


def test_display_text_joins_hard_wraps_only() -> None:
    text = ("# A heading\nThe forest, which covers 25 square\nmiles (40 km), is big.\n"
            "A paragraph per line.\n- one\n- two\n\nNext\r\nparagraph")
    shown = display_text(text)
    assert len(shown) == len(text)
    assert "covers 25 square miles (40 km)" in shown
    assert "# A heading\nThe forest" in shown
    assert "is big.\nA paragraph" in shown
    assert "- one\n- two\n\nNext" in shown
    assert "\r" not in shown


def test_describe_claim_says_how_the_number_was_read() -> None:
    claim = Claim(text="fewer than 5 square kilometres", value=5.0, low=0.0, high=5.0,
                  bound="<", unit="kilometer ** 2", kind="measure")
    assert describe_claim(claim) == "measure: less than 5 kilometer²"
    about = Claim(text="roughly 2,000", value=2000.0, low=1300.0, high=2700.0, bound="~",
                  unit=None, kind="count")
    assert describe_claim(about) == "count: about 2,000 (allows 1,300–2,700)"
    share = Claim(text="99.5 per cent", value=99.5, low=99.45, high=99.55, bound="=",
                  unit="percent", kind="percent")
    assert describe_claim(share) == "percent: 99.5% (allows 99.45–99.55)"


def test_everything_shown_is_escaped_in_titles_too() -> None:
    evil = '"><img src=x onerror=alert(1)>'
    doc = Document.from_text(TEXT, evil, {"title": evil, "date": evil})
    view = DocView("nc-d1", doc, ())
    block = document_block(view, (), [view])
    assert "<img" not in block
    assert html.escape(evil, quote=True) in block
