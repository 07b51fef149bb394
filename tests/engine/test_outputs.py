"""Output formats: text excerpts and colour, SARIF (schema-validated), GitHub escaping."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from numcheck.documents import Document, Problem
from numcheck.engine import run_documents
from numcheck.findings import Evidence, Finding, Report
from numcheck.report import (
    FORMATS,
    OutputOptions,
    UnknownFormat,
    github,
    render,
    sarif,
    text,
    writer_for,
)
from numcheck.rules.base import RuleSpec
from tests.engine.fakes import DOCS

# ../shared/eval relative to the repository root; never copied into the repository.
REPO = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = REPO.parent / "shared" / "eval" / "sarif" / "sarif-schema-2.1.0.json"


def finding_in(doc: Document, *words: str, rule: str = "T101", message: str = "m",
               severity: str = "error") -> Finding:
    evidence = []
    for word in words:
        start = doc.text.index(word)
        line, column = doc.position(start)
        evidence.append(Evidence(doc.path, line, column, word, start, start + len(word)))
    first = evidence[0]
    return Finding(rule, "test.rule", severity, message, first.path, first.line, first.column,  # type: ignore[arg-type]
                   tuple(evidence), "because", "do this")


def one(doc: Document, finding: Finding, **options: Any) -> str:
    report = Report((finding,), ())
    return render(report, "text", OutputOptions(documents={(doc.path, None): doc}, **options))


def test_registry_lists_formats_and_rejects_unknown() -> None:
    assert set(FORMATS) == {"text", "json", "sarif", "github", "html"}
    with pytest.raises(UnknownFormat, match=r"unknown format 'xml' \(choose from text, json"):
        writer_for("xml")


# --------------------------------------------------------------------------- text


def test_text_marks_every_span_on_the_line() -> None:
    doc = Document.from_text("Intro.\n\nIt covers 25 square miles (40 square kilometres) now.\n",
                             "f.md")
    out = one(doc, finding_in(doc, "25 square miles", "40 square kilometres"), quiet=True)
    assert out == (
        "f.md:3:11: T101 test.rule  m\n"
        "  |\n"
        "3 | It covers 25 square miles (40 square kilometres) now.\n"
        "  |           ^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^^^^\n"
        "  = because\n"
        "  = suggestion: do this\n"
    )


def test_text_carets_align_under_wide_characters_and_tabs() -> None:
    doc = Document.from_text("東京\tcovers 5 km\n", "w.md")
    out = one(doc, finding_in(doc, "5 km"), quiet=True)
    line, carets = out.splitlines()[2:4]
    assert line == "1 | 東京 covers 5 km"
    assert carets == "  |" + " " * (1 + 4 + 1 + 7) + "^^^^"


def test_text_shows_each_evidence_line_and_other_files() -> None:
    a = Document.from_text("first 5 km\nsecond\nthird 8 km\n", "a.md")
    b = Document.from_text("elsewhere 9 km\n", "b.md")
    f = finding_in(a, "5 km", "8 km")
    start = b.text.index("9 km")
    f = Finding(f.rule, f.name, f.severity, f.message, f.path, f.line, f.column,
                (*f.evidence, Evidence("b.md", 1, 11, "9 km", start, start + 4)), "", None)
    report = Report((f,), ())
    out = render(report, "text", OutputOptions(
        documents={("a.md", None): a, ("b.md", None): b}, quiet=True))
    assert out == (
        "a.md:1:7: T101 test.rule  m\n"
        "  |\n"
        "1 | first 5 km\n"
        "  |       ^^^^\n"
        "3 | third 8 km\n"
        "  |       ^^^^\n"
        "  ::: b.md:1:11\n"
        "  |\n"
        "1 | elsewhere 9 km\n"
        "  |           ^^^^\n"
    )


def test_text_cuts_long_lines_around_the_spans() -> None:
    filler = "word " * 60
    doc = Document.from_text(f"{filler}it is 5 km (9 miles) long {filler}\n", "l.md")
    out = one(doc, finding_in(doc, "5 km", "9 miles"), quiet=True, width=60)
    line, carets = out.splitlines()[2:4]
    assert line.startswith("1 | ... ") and line.endswith(" ...")
    assert len(line) <= 4 + 60 + 8
    shown = line[4:]
    assert shown[carets.index("^") - 4:].startswith("5 km")
    assert carets.count("^") == len("5 km") + len("9 miles")


def test_text_without_source_still_reports() -> None:
    doc = Document.from_text("BAD\n", "x.md")
    report = Report((finding_in(doc, "BAD"),), ())
    assert render(report, "text").splitlines()[:2] == ["x.md:1:1: T101 test.rule  m", "  = because"]


@pytest.mark.parametrize(("severities", "expected"), [
    ([], "no findings in 3 documents (3 checked, 12 claims)"),
    (["error"], "1 error in 1 of 3 documents (3 checked, 12 claims)"),
    (["error", "warning", "warning", "info"],
     "1 error, 2 warnings, 1 info in 1 of 3 documents (3 checked, 12 claims)"),
])
def test_summary_line(severities: list[str], expected: str) -> None:
    from numcheck.findings import DocumentSummary

    doc = Document.from_text("BAD\n", "x.md")
    findings = tuple(finding_in(doc, "BAD", severity=s) for s in severities)
    documents = (DocumentSummary("x.md", 10, len(findings)), DocumentSummary("y.md", 2, 0),
                 DocumentSummary("z.md", 0, 0))
    assert text.summary(Report(findings, documents)) == expected


def test_summary_counts_input_errors() -> None:
    report = Report((), (), (Problem("bad.pdf", "unreadable"), Problem("w.md", "note", "warning")))
    assert text.summary(report) == "no findings in 0 documents (0 checked, 0 claims, " \
                                   "1 input error)"


def test_colour_only_for_terminals_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert text.wants_color(Tty()) is True
    assert text.wants_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert text.wants_color(Tty()) is False


def test_coloured_text_has_the_same_words() -> None:
    doc = Document.from_text("It is 5 km long.\n", "c.md")
    plain = one(doc, finding_in(doc, "5 km"))
    coloured = one(doc, finding_in(doc, "5 km"), color=True)
    assert "\x1b[" in coloured
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


# --------------------------------------------------------------------------- SARIF


def rule_spec() -> RuleSpec:
    return RuleSpec("T101", "test.rule", "test-mark", "error", "m", groups=("tests",), docs=DOCS)


def sarif_of(report: Report, rules: dict[str, RuleSpec] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(report, "sarif", OutputOptions(rules=rules or {})))
    return data


def sample_report() -> Report:
    a = Document.from_text("Intro\nIt covers 25 sq mi (40 km²).\n", "dir/a b.md")
    return Report(
        (finding_in(a, "25 sq mi", "40 km²"), finding_in(a, "40 km²", rule="T102",
                                                         severity="info")),
        (),
        (Problem("bad.pdf", "cannot read pdf files"),),
    )


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema absent ({SARIF_SCHEMA}); ../shared/eval is not here")
    from jsonschema import validators

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = validators.validator_for(schema)(schema)
    for rules in ({}, {"T101": rule_spec()}):
        log = sarif_of(sample_report(), rules)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_sarif_content() -> None:
    log = sarif_of(sample_report(), {"T101": rule_spec()})
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["T101", "T102"]
    assert rules[0]["fullDescription"]["text"] == "Flags a marker word."
    assert "## Why it matters" in rules[0]["help"]["markdown"]
    first, second = run["results"]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == ("T101", 0, "error")
    assert second["level"] == "note"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "dir/a%20b.md"
    assert location["region"] == {"startLine": 2, "startColumn": 11, "endColumn": 19,
                                  "snippet": {"text": "25 sq mi"}}
    related = first["relatedLocations"][0]
    assert related["physicalLocation"]["region"]["startColumn"] == 21
    assert related["message"]["text"] == "40 km²"
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"] == "cannot read pdf files"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_line_moves_and_separate_duplicates() -> None:
    def prints(prefix: str) -> list[str]:
        doc = Document.from_text(prefix + "It is 5 km (9 mi). Again 5 km (9 mi).\n", "a.md")
        first = finding_in(doc, "5 km", "9 mi")
        start = doc.text.rindex("5 km")
        line, col = doc.position(start)
        second = Finding("T101", "test.rule", "error", "m", "a.md", line, col,
                         (Evidence("a.md", line, col, "5 km", start, start + 4),
                          Evidence("a.md", line, col + 6, "9 mi")), "", None)
        log = sarif_of(Report((first, second), ()))
        return [r["partialFingerprints"]["numcheck/v1"] for r in log["runs"][0]["results"]]

    before, after = prints(""), prints("New paragraph.\n\nMore text.\n")
    assert before == after
    assert before[0] != before[1] and before[0].split(":")[0] == before[1].split(":")[0]


def test_artifact_uris() -> None:
    assert sarif.artifact_uri("a/b c.md") == "a/b%20c.md"
    assert sarif.artifact_uri("/abs/x.md") == "file:///abs/x.md"
    assert sarif.artifact_uri("<stdin>") == "%3Cstdin%3E"
    assert sarif.artifact_uri("dir\\win.md") == "dir/win.md"


# --------------------------------------------------------------------------- GitHub


def test_github_escaping_rules() -> None:
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotation_lines() -> None:
    doc = Document.from_text("x\nIt is 5 km, or 9 mi: 100%.\n", "dir/a,b:c.md")
    f = finding_in(doc, "5 km", "9 mi", message="5 km is 3.1 mi, not 9 mi: 190% off")
    info = finding_in(doc, "9 mi", rule="NC001", severity="info")
    report = Report((f, info), (), (Problem("bad.txt", "empty file", "warning"),))
    assert render(report, "github").splitlines() == [
        "::warning file=bad.txt,title=numcheck input warning::empty file",
        "::error file=dir/a%2Cb%3Ac.md,line=2,col=7,endColumn=11,title=T101 test.rule"
        "::5 km is 3.1 mi, not 9 mi: 190%25 off%0Abecause%0Asuggestion: do this",
        "::notice file=dir/a%2Cb%3Ac.md,line=2,col=16,endColumn=20,title=NC001 test.rule"
        "::m%0Abecause%0Asuggestion: do this",
    ]


def test_writers_take_documents_from_a_run() -> None:
    # The Run's documents are what the text writer needs for excerpts.
    from tests.engine.fakes import no_claims, spec

    doc = Document.from_text("a BAD day\n", "r.md")
    run = run_documents([doc], [spec("T101")], extractor=no_claims)
    out = render(run.report, "text", OutputOptions(documents=run.documents))
    assert "1 | a BAD day\n  |   ^^^\n" in out


def test_a_span_wrapped_over_two_lines_is_marked_on_both() -> None:
    text = "The forest covers 25 square\nmiles (40 square kilometres).\n"
    run = run_documents([Document.from_text(text, "a.md")])
    out = render(run.report, "text", OutputOptions(documents=run.documents))
    lines = out.splitlines()
    first, first_marks = lines[2], lines[3]
    second, second_marks = lines[4], lines[5]
    column = first.index("25 square")
    assert first_marks[column:].rstrip() == "^^^^^^^^^"  # "25 square" on line 1
    column = second.index("miles")
    assert second_marks[column:].rstrip() == "^^^^^  ^^^^^^^^^^^^^^^^^^^^"  # line 2
