"""The DuckDB archive: incremental indexing, resuming, SQL and pandas, checking against it."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from numcheck.archive import (
    ArchiveError,
    claims_frame,
    documents_frame,
    index,
    query,
    related_items,
)
from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.extraction import extract_document
from tests.cross.helpers import PAIRS, documents, findings, items, pair_paths

pytest.importorskip("duckdb")


def corpus(tmp_path: Path, *pairs: str) -> Path:
    folder = tmp_path / "corpus"
    for pair in pairs:
        shutil.copytree(PAIRS / pair, folder / pair)
    return folder


def test_index_stores_documents_and_claims(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    stats = index([str(corpus(tmp_path, "troops", "lake"))], db)
    assert (stats.indexed, stats.unchanged, stats.documents) == (4, 0, 4)
    docs = documents_frame(db)
    assert sorted(Path(p).name for p in docs["path"]) == ["a.md", "a.md", "b.md", "b.md"]
    assert set(docs["date"]) == {"2019-10-14", "2019-10-15", "2023-03-01", "2023-03-05"}
    frame = claims_frame(db, "subject_head = ?", ["troop"])
    assert sorted(frame["text"]) == ["2,000", "4,000"]
    assert list(frame.iloc[0]["places"]) == ["syria", "us"]
    counts = query(db, "SELECT kind, count(*) AS n FROM claims GROUP BY kind ORDER BY kind")
    assert "count" in set(counts["kind"])


def test_unchanged_files_are_skipped_and_changed_ones_replaced(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    folder = corpus(tmp_path, "troops")
    index([str(folder)], db)
    again = index([str(folder)], db)
    assert (again.indexed, again.unchanged) == (0, 2)
    target = folder / "troops" / "b.md"
    target.write_text(target.read_text().replace("Some 4,000", "Some 3,000"), "utf-8")
    changed = index([str(folder)], db)
    assert (changed.indexed, changed.unchanged) == (1, 1)
    texts = sorted(claims_frame(db, "subject_head = 'troop'")["text"])
    assert texts == ["2,000", "3,000"]  # the old 4,000 is gone, not duplicated
    assert len(documents_frame(db)) == 2


def test_prune_removes_deleted_files(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    folder = corpus(tmp_path, "troops")
    index([str(folder)], db)
    (folder / "troops" / "a.md").unlink()
    stats = index([str(folder)], db, prune=True)
    assert stats.removed == 1
    assert [Path(p).name for p in documents_frame(db)["path"]] == ["b.md"]


class Interrupt(BaseException):
    """Stands in for Ctrl-C (a BaseException, like KeyboardInterrupt) in the middle of a run."""


def test_an_interrupted_run_loses_nothing_and_resumes(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    folder = corpus(tmp_path, "troops", "lake", "toll-falls")
    seen: list[str] = []

    def flaky(document: Document) -> Sequence[Claim]:
        if len(seen) == 3:
            raise Interrupt
        seen.append(document.path)
        return extract_document(document)

    with pytest.raises(Interrupt):
        index([str(folder)], db, extractor=flaky, batch_files=1)
    kept = documents_frame(db)
    assert len(kept) == 3  # every batch written before the interruption is kept
    resumed = index([str(folder)], db)
    assert (resumed.indexed, resumed.unchanged) == (3, 3)
    assert len(documents_frame(db)) == 6


def test_parallel_indexing_gives_the_same_rows(tmp_path: Path) -> None:
    folder = corpus(tmp_path, "troops", "lake")
    serial, parallel = tmp_path / "s.duckdb", tmp_path / "p.duckdb"
    index([str(folder)], serial)
    index([str(folder)], parallel, jobs=2)
    columns = "path, ord, text, low, high, unit, subject_head"
    assert query(serial, f"SELECT {columns} FROM claims ORDER BY path, ord").equals(
        query(parallel, f"SELECT {columns} FROM claims ORDER BY path, ord"))


def test_check_against_the_archive_finds_the_archived_claim(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    archived, draft = pair_paths("troops")
    index([archived], db)
    (finding,) = findings(documents([draft]), against=str(db))
    later, earlier = finding.evidence
    assert later.path == draft and later.text == "4,000"
    assert earlier.path == archived and earlier.text == "2,000" and earlier.line == 8


def test_a_draft_identical_to_an_archived_article_never_conflicts_with_it(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    paths = pair_paths("troops")
    index(paths, db)
    # Checking the archived articles themselves: each is identical to its archived copy, but
    # the two still contradict each other, once.
    found = findings(documents(paths), against=str(db))
    assert len(found) == 1


def test_related_items_use_the_blocking_keys(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    index([str(corpus(tmp_path, "troops", "lake", "toll-falls"))], db)
    draft = items(documents([pair_paths("troops")[1]]))
    found = related_items(db, draft)
    assert {Path(i.doc.path).parent.name for i in found} == {"troops"}
    assert all(i.doc.archived for i in found)


def test_a_missing_archive_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such archive"):
        claims_frame(tmp_path / "nope.duckdb")
    (tmp_path / "junk.duckdb").write_bytes(b"not a database at all")
    with pytest.raises(ArchiveError, match=r"junk\.duckdb"):
        claims_frame(tmp_path / "junk.duckdb")


def test_an_archive_of_another_layout_is_refused_not_mixed(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE numcheck_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO numcheck_meta VALUES ('schema', '0')")
    con.close()
    with pytest.raises(ArchiveError, match="schema 0 is not"):
        index(pair_paths("troops"), db)
    with pytest.raises(ArchiveError, match="schema 0 is not"):
        claims_frame(db)
