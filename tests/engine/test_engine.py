"""The engine: resilience, order, summaries, levels, budgets, corpus rules, paths."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from numcheck.claims import Claim
from numcheck.config import Config
from numcheck.documents import Document
from numcheck.engine import Budget, check_documents, run_documents, run_paths
from numcheck.report import render
from numcheck.rules.selection import RuleSelection
from tests.engine.fakes import claim, no_claims, spec


def docs() -> list[Document]:
    return [
        Document.from_text("fine\nBAD here\nand BAD again\n", "b.md"),
        Document.from_text("BAD first\n", "a.md"),
        Document.from_text("nothing\n", "c.md"),
    ]


def test_findings_sorted_documents_in_input_order() -> None:
    report = check_documents(docs(), [spec("T102"), spec("T101")], extractor=no_claims)
    assert [(f.path, f.line, f.column, f.rule) for f in report.findings] == [
        ("a.md", 1, 1, "T101"), ("a.md", 1, 1, "T102"),
        ("b.md", 2, 1, "T101"), ("b.md", 2, 1, "T102"),
        ("b.md", 3, 5, "T101"), ("b.md", 3, 5, "T102"),
    ]
    assert [(d.path, d.findings) for d in report.documents] == [
        ("b.md", 4), ("a.md", 2), ("c.md", 0)]


def test_output_is_byte_identical_whatever_the_rule_order() -> None:
    outputs = set()
    for rules in itertools.permutations([spec("T101"), spec("T102"), spec("T103")]):
        report = check_documents(docs(), rules, extractor=no_claims)
        outputs.add(render(report, "json"))
    assert len(outputs) == 1


def test_a_raising_rule_becomes_a_problem_and_keeps_findings() -> None:
    rules = [spec("T101"), spec("T900", kind="test-boom"), spec("T102")]
    report = check_documents(docs(), rules, extractor=no_claims)
    problems = [p.message for p in report.problems]
    assert problems == [
        "rule T900 failed on b.md: ValueError: kaboom",
        "rule T900 failed on a.md: ValueError: kaboom",
        "rule T900 failed on c.md: ValueError: kaboom",
    ]
    assert all(p.severity == "error" for p in report.problems)
    # Rules after the failing one still ran, and the failing rule's own finding survived.
    assert [f.rule for f in report.findings if f.path == "a.md"] == ["T101", "T102", "T900"]


def test_a_failing_extractor_is_a_problem_and_rules_still_run() -> None:
    def broken(doc: Document) -> Sequence[Claim]:
        if doc.path == "a.md":
            raise RuntimeError("parser crashed")
        return [claim("3"), claim("2020", kind="year")]

    report = check_documents(docs(), [spec("T101")], extractor=broken)
    assert [p.message for p in report.problems] == [
        "claim extraction failed on a.md: RuntimeError: parser crashed"]
    assert len(report.findings) == 3
    # Summaries count quantity claims only (the year is a typed non-quantity).
    assert [(d.path, d.claims) for d in report.documents] == [
        ("b.md", 1), ("a.md", 0), ("c.md", 1)]


def test_corpus_rules_see_every_document() -> None:
    corpus = [Document.from_text("x SHARED\n", "one.md"), Document.from_text("SHARED\n", "two.md"),
              Document.from_text("none\n", "three.md")]
    run = run_documents(corpus, [spec("T500", kind="test-corpus")], extractor=no_claims)
    (finding,) = run.report.findings
    assert finding.message == "SHARED in 2 documents"
    assert [(e.path, e.line, e.column) for e in finding.evidence] == [
        ("one.md", 1, 3), ("two.md", 1, 1)]
    # Both documents the evidence points into are kept for excerpts, the third is not.
    assert sorted(run.documents) == [("one.md", None), ("two.md", None)]


def test_a_raising_corpus_rule_is_reported() -> None:
    rules = [spec("T501", kind="test-corpus-boom"), spec("T101")]
    report = check_documents(docs(), rules, extractor=no_claims)
    assert [p.message for p in report.problems] == [
        "rule T501 failed on <corpus>: KeyError: 'index'"]
    assert len(report.findings) == 3


def test_level_overrides_are_forced_on_findings() -> None:
    rule = spec("T101", level="error")
    selection = RuleSelection((rule,), frozenset({"T101"}), {"T101": "info"})
    report = check_documents(docs(), selection, extractor=no_claims)
    assert {f.severity for f in report.findings} == {"info"}


def test_time_budget_skips_remaining_rules_and_keeps_findings() -> None:
    ticks = iter(range(0, 1000, 5))   # every clock reading is 5 s later than the last
    budget = Budget(seconds=7, clock=lambda: float(next(ticks)))
    rules = [spec("T101"), spec("T102"), spec("T103")]
    report = check_documents(docs()[1:2], rules, extractor=no_claims, budget=budget)
    # start=0, deadline=7; checks before T101 (5: ok), T102 (10: out)
    assert [f.rule for f in report.findings] == ["T101"]
    (problem,) = report.problems
    assert problem.severity == "error"  # the document was not fully checked: exit 2
    assert "time budget of 7 s per document used up; rules from T102 on were skipped" in \
        problem.message


def test_no_budget_never_expires() -> None:
    assert Budget().start()() is False


def test_run_paths_checks_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("BAD\n", encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "pack.yml").write_text(
        "rules:\n  - {code: T101, name: test.one, kind: test-mark, level: error, "
        "message: 'found {word}'}\n", encoding="utf-8")
    config = Config(packs=(str(tmp_path / "pack.yml"),), select=("T101",))
    missing = str(tmp_path / "missing.md")
    run = run_paths([str(tmp_path / "good.md"), missing, str(tmp_path / "empty.md")], config,
                    extractor=no_claims)
    report = run.report
    assert [(p.path, p.severity) for p in report.problems] == [
        (missing, "error"), (str(tmp_path / "empty.md"), "warning")]
    assert [f.message for f in report.findings] == ["found BAD"]
    assert [r.code for r in run.rules] == ["T101"]
    assert report.has_input_errors


def test_json_contract_shape() -> None:
    report = check_documents(docs()[1:2], [spec("T101")], extractor=no_claims)
    data = json.loads(render(report, "json"))
    assert data == {
        "findings": [{
            "rule": "T101", "name": "test.t101", "severity": "error", "message": "found BAD",
            "path": "a.md", "line": 1, "column": 1,
            "evidence": [{"path": "a.md", "line": 1, "column": 1, "text": "BAD"}],
            "explanation": "BAD is marked", "suggestion": "remove BAD",
        }],
        "documents": [{"path": "a.md", "claims": 0, "findings": 1}],
    }


def test_only_documents_with_findings_are_kept_for_excerpts() -> None:
    run = run_documents(docs(), [spec("T101")], extractor=no_claims)
    assert sorted(run.documents) == [("a.md", None), ("b.md", None)]


def test_documents_sharing_a_file_are_told_apart_by_id() -> None:
    records = [Document.from_text("BAD", "feed.jsonl", {"id": "r1"}),
               Document.from_text("fine", "feed.jsonl", {"id": "r2"}),
               Document.from_text("BAD BAD", "feed.jsonl", {"id": "r3"})]
    run = run_documents(records, [spec("T101")], extractor=no_claims)
    assert [(d.doc_id, d.findings) for d in run.report.documents] == [
        ("r1", 1), ("r2", 0), ("r3", 2)]
    assert sorted(run.documents) == [("feed.jsonl", "r1"), ("feed.jsonl", "r3")]


def test_what_a_run_keeps_is_hidden_from_the_collector_only_while_it_runs() -> None:
    # A run holding thousands of outcomes freezes them (gc.freeze) as it goes, so that full
    # collections stop walking them; whatever happens, it hands them back when it ends.
    import gc

    from numcheck.engine import _KeptFromCollector, serial_runner

    frozen_during: list[int] = []

    def watching(documents: Any, plan: Any) -> Any:
        for item in serial_runner(documents, plan):
            frozen_during.append(gc.get_freeze_count())
            yield item

    many = [Document.from_text(f"Item {i}.\n", f"d{i}.md")
            for i in range(2 * _KeptFromCollector.EVERY + 1)]
    run_documents(many, [spec("T500", kind="test-corpus")], extractor=no_claims,
                  runner=watching)
    assert frozen_during[0] == 0 and frozen_during[-1] > 0
    assert gc.get_freeze_count() == 0

    def failing(documents: Any, plan: Any) -> Any:
        yield from itertools.islice(serial_runner(documents, plan), _KeptFromCollector.EVERY)
        raise RuntimeError("the input broke")

    with pytest.raises(RuntimeError):
        run_documents(many, [spec("T101")], extractor=no_claims, runner=failing)
    assert gc.get_freeze_count() == 0
