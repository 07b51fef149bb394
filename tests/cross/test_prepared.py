"""Cross-article work done per document where the document is checked (``prepare``): the
same findings as when the corpus step reads every document itself, whatever carried the
prepared data (this process, a worker, the results cache)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import numcheck
from numcheck.cache import ResultCache, freeze, plan_fingerprint, thaw
from numcheck.documents import Document
from numcheck.engine import (
    DocOutcome,
    DocumentPlan,
    Runner,
    preparations,
    run_documents,
    serial_runner,
)
from numcheck.parallel import LocalRunner
from numcheck.rules.kinds.cross_article import CrossArticleKind, Prepared
from tests.cross.helpers import PAIRS, doc, documents, rule_with

# Two versions of one story (a number changed in the same sentence) plus every pair folder:
# subject matches, revision alignment and archive-free judging all take part.
VERSION_A = ("The company said it would invest $1.8 billion (£9.4 million) in the new plant "
             "over the next five years. About 2,000 people will work at the plant when it "
             "opens next spring, officials said.\n")
VERSION_B = ("The company said it would invest $1.8 billion (£94 million) in the new plant "
             "over the next five years. About 2,000 people will work at the plant when it "
             "opens next spring, officials said.\n")


def corpus() -> list[Document]:
    paths = [str(p) for p in sorted(PAIRS.glob("*/*.md"))]
    return [*documents(paths), doc(VERSION_A, "v/a.md", "2020-01-01"),
            doc(VERSION_B, "v/b.md", "2020-01-02")]


def unprepared(docs: Iterable[Document], plan: DocumentPlan
               ) -> Iterator[tuple[Document, DocOutcome]]:
    """A runner whose outcomes carry nothing prepared (as a custom runner's might)."""
    for document, outcome in serial_runner(docs, plan):
        yield document, replace(outcome, prepared={})


def test_prepared_documents_give_the_findings_the_corpus_step_computes() -> None:
    seen: list[DocOutcome] = []

    def watching(docs: Iterable[Document], plan: DocumentPlan
                 ) -> Iterator[tuple[Document, DocOutcome]]:
        for document, outcome in serial_runner(docs, plan):
            seen.append(outcome)
            yield document, outcome

    for params in ({}, {"revisions": False}, {"min_sentence_words": 4}):
        rules = [rule_with(**params)]
        seen.clear()
        prepared = run_documents(corpus(), rules, runner=watching).report
        computed = run_documents(corpus(), rules, runner=unprepared).report
        assert all(isinstance(o.prepared.get("NC201"), Prepared) for o in seen)
        assert prepared == computed
        assert len(prepared.findings) >= 3, params
    texts = {(f.evidence[0].text, f.evidence[1].text)
             for f in run_documents(corpus(), [rule_with()]).report.findings}
    assert ("£94 million", "£9.4 million") in texts  # the revision, found from prepared data


def test_preparation_sees_only_the_parameters_it_reads() -> None:
    (rule,) = preparations([rule_with(window_days=5, against="archive.duckdb")])
    assert set(rule.params) <= set(CrossArticleKind.prepare_params)
    plan = DocumentPlan((), prepare=preparations([rule_with(window_days=5)]))
    same = DocumentPlan((), prepare=preparations([rule_with(window_days=60,
                                                            against="archive.duckdb")]))
    other = DocumentPlan((), prepare=preparations([rule_with(min_sentence_words=5)]))
    # Changing what only the corpus step reads keeps the documents' cache keys.
    assert plan_fingerprint(plan) == plan_fingerprint(same) != plan_fingerprint(other)


def test_a_subjects_table_a_rule_names_is_part_of_the_document_key(tmp_path: Path) -> None:
    table = tmp_path / "subjects.txt"
    shipped = Path(numcheck.__file__).parent / "subjects.txt"
    table.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    plan = DocumentPlan((), prepare=preparations([rule_with(subjects=str(table))]))
    before = plan_fingerprint(plan)
    with table.open("a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    assert plan_fingerprint(plan) != before


def test_what_was_prepared_survives_freezing_and_damage_is_a_miss() -> None:
    plan = DocumentPlan((), prepare=preparations([rule_with()]))
    troops = plan.check(doc("There are about 2,000 US troops in Syria, the Pentagon said.",
                            "t.md")).prepared["NC201"]
    assert isinstance(troops, Prepared) and troops.subjects[0] is not None
    outcome = plan.check(doc(VERSION_A, "v/a.md", "2020-01-01"))
    prepared = outcome.prepared["NC201"]
    assert isinstance(prepared, Prepared) and prepared.quantities == 4 and prepared.shapes
    back = thaw(freeze(outcome))
    assert back is not None and back.prepared["NC201"] == prepared
    frozen = freeze(outcome)
    blob = frozen[5]
    damaged = (*frozen[:5], blob[:-1] + bytes([blob[-1] ^ 1]), *frozen[6:])
    assert thaw(damaged) is None


def test_cached_outcomes_carry_their_preparation_to_the_corpus_step(tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    paths = []
    for name, text, date in (("a.md", VERSION_A, "2020-01-01"),
                             ("b.md", VERSION_B, "2020-01-02")):
        path = tmp_path / name
        path.write_text(f"---\ndate: {date}\n---\n{text}", encoding="utf-8")
        paths.append(str(path))
    reports = []
    for _ in range(2):
        store = ResultCache(db)
        docs = documents(paths)
        reports.append(run_documents(docs, [rule_with()],
                                     runner=LocalRunner(jobs=1, cache=store)).report)
    assert store.hits == 2  # the second run's corpus step read prepared data from the cache
    assert reports[0] == reports[1]
    assert any(f.evidence[0].text == "£94 million" for f in reports[1].findings)


def test_one_job_without_a_cache_leaves_the_reading_to_the_corpus_step(tmp_path: Path) -> None:
    seen: dict[str, bool] = {}

    def record(runner: LocalRunner) -> Runner:
        def wrapped(docs: Iterable[Document], plan: DocumentPlan
                    ) -> Iterator[tuple[Document, DocOutcome]]:
            for document, outcome in runner(docs, plan):
                seen[document.path] = "NC201" in outcome.prepared
                yield document, outcome
        return wrapped

    plain = run_documents(corpus(), [rule_with()], runner=record(LocalRunner(jobs=1)))
    assert seen and not any(seen.values())  # one pass at the end is cheaper than interleaving
    seen.clear()
    cached = run_documents(corpus(), [rule_with()], runner=record(
        LocalRunner(jobs=1, cache=ResultCache(tmp_path / "results.sqlite"))))
    assert seen and all(seen.values())  # kept with the outcomes for later runs
    assert plain.report == cached.report
