"""Inline suppressions through the whole engine: what they hide, and what is reported unused."""

from __future__ import annotations

import pytest

from numcheck.documents import Document
from numcheck.engine import check_documents
from numcheck.findings import Report
from numcheck.rules.base import RuleSpec
from numcheck.rules.builtin import SUPPRESSION_UNUSED
from numcheck.rules.selection import RuleSelection
from numcheck.suppress import build
from tests.engine.fakes import no_claims, spec

T101 = spec("T101")                       # flags BAD
T102 = spec("T102", params={"word": "WORSE"})
RULES = (SUPPRESSION_UNUSED, T101, T102)


def run(text: str, rules: tuple[RuleSpec, ...] = RULES, path: str = "a.md") -> Report:
    doc = Document.from_text(text, path)
    return check_documents([doc], RuleSelection.of(rules), extractor=no_claims)


def found(report: Report, rule: str | None = None) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in report.findings if rule is None or f.rule == rule]


def messages(report: Report) -> list[str]:
    return [f"{f.line}: {f.message}" for f in report.findings if f.rule == "NC001"]


def test_without_suppressions_everything_is_reported() -> None:
    report = run("BAD\nWORSE\nBAD WORSE\n")
    assert found(report) == [("T101", 1), ("T102", 2), ("T101", 3), ("T102", 3)]


def test_disable_codes_until_enable() -> None:
    text = ("BAD\n"
            "<!-- numcheck: disable=T101 -->\n"
            "BAD WORSE\n"
            "BAD\n"
            "<!-- numcheck: enable -->\n"
            "BAD\n")
    report = run(text)
    assert found(report) == [("T101", 1), ("T102", 3), ("T101", 6)]
    assert messages(report) == []


def test_disable_all_and_enable_one_code() -> None:
    text = ("<!-- numcheck: disable -->\n"
            "BAD WORSE\n"
            "<!-- numcheck: enable=T102 -->\n"
            "BAD WORSE\n")
    report = run(text)
    assert found(report) == [("T102", 4)]
    assert messages(report) == []


def test_enable_one_of_several_codes() -> None:
    text = ("<!-- numcheck: disable=T101,T102 -->\n"
            "BAD WORSE\n"
            "<!-- numcheck: enable=T101 -->\n"
            "BAD WORSE\n")
    assert found(run(text)) == [("T101", 4)]


def test_unclosed_disable_lasts_to_end_of_document() -> None:
    assert found(run("BAD\n<!-- numcheck: disable=test.t101 -->\n\n\nBAD\nBAD")) == [("T101", 1)]


@pytest.mark.parametrize("comment", [
    "<!-- numcheck: ignore-next-line -->",
    "# numcheck: ignore-next-line",
    "// numcheck: ignore-next-line",
    "/* numcheck: ignore-next-line */",
    "% numcheck: ignore-next-line",
    "<!--numcheck:ignore-next-line=T101-->",
])
def test_ignore_next_line_in_any_comment_form(comment: str) -> None:
    report = run(f"{comment}\nBAD\nBAD\n")
    assert found(report) == [("T101", 3)]


def test_ignore_next_line_with_codes_keeps_other_rules() -> None:
    report = run("<!-- numcheck: ignore-next-line=T102 -->\nBAD WORSE\n")
    assert found(report) == [("T101", 2)]


def test_prose_mentioning_numcheck_is_not_a_directive() -> None:
    report = run("We ran numcheck: disable nothing. BAD\n")
    assert found(report) == [("T101", 1)]


def test_unused_suppressions_are_reported_at_their_comment() -> None:
    text = ("<!-- numcheck: disable=T101 -->\n"       # nothing to hide
            "fine\n"
            "<!-- numcheck: enable -->\n"
            "<!-- numcheck: ignore-next-line -->\n"   # nothing on the next line
            "fine\n"
            "<!-- numcheck: disable=T101,T102 -->\n"  # T102 hid nothing
            "BAD\n")
    report = run(text)
    assert messages(report) == [
        "1: unused suppression 'numcheck: disable=T101'",
        "4: unused suppression 'numcheck: ignore-next-line'",
        "6: unused code in 'numcheck: disable=T101,T102': T102",
    ]
    first = report.findings[0]
    assert (first.name, first.severity, first.column) == ("suppression.unused", "info", 6)
    assert first.evidence[0].text == "numcheck: disable=T101"
    assert first.suggestion == "remove the comment"


def test_typos_are_reported() -> None:
    text = ("<!-- numcheck: disabel=T101 -->\n"
            "BAD\n"
            "<!-- numcheck: ignore-next-line=T1O1 -->\n"
            "BAD\n"
            "<!-- numcheck: enable -->\n")
    report = run(text)
    assert found(report, "T101") == [("T101", 2), ("T101", 4)]
    assert messages(report) == [
        "1: unknown numcheck directive 'disabel' (did you mean 'disable'?)",
        "3: suppression names no known rule: 'T1O1'",
        "5: 'numcheck: enable' has nothing to re-enable",
    ]


def test_codes_of_rules_not_running_are_not_called_unused() -> None:
    # T102 is known (e.g. ignored in the config) but not running: numcheck cannot judge it.
    selection = RuleSelection((SUPPRESSION_UNUSED, T101),
                              frozenset({"T101", "T102", "NC001"}))
    doc = Document.from_text("<!-- numcheck: disable=T102 -->\nWORSE\n", "a.md")
    report = check_documents([doc], selection, extractor=no_claims)
    assert report.findings == ()


def test_no_unused_reports_when_nc001_is_not_selected() -> None:
    report = run("<!-- numcheck: disable -->\nfine\n", rules=(T101,))
    assert report.findings == ()


def test_suppressions_are_per_file() -> None:
    docs = [Document.from_text("<!-- numcheck: disable -->\nBAD\n", "a.md"),
            Document.from_text("fine\nBAD\n", "b.md")]
    report = check_documents(docs, RuleSelection.of(RULES), extractor=no_claims)
    assert [(f.path, f.rule, f.line) for f in report.findings] == [("b.md", "T101", 2)]


def test_regions_of_one_record_stop_at_its_end() -> None:
    # Several documents in one file (JSONL): an unclosed disable ends with its own document.
    doc = Document.from_text("<!-- numcheck: disable -->\nx\n", "a.jsonl")
    suppressions = build(doc)
    assert suppressions is not None
    (region,) = suppressions.regions
    assert (region.first, region.last) == (1, 3)


def test_documents_without_directives_cost_nothing() -> None:
    assert build(Document.from_text("plain text, 5 km", "a.md")) is None
