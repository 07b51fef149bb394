"""The results cache: hits for unchanged documents, misses for any change that matters, and
never a wrong answer from a damaged cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType

import pytest

from numcheck import cache as cache_module
from numcheck.cache import ResultCache, code_fingerprint, document_key
from numcheck.claims import Claim
from numcheck.config import Config, RuleConfig
from numcheck.documents import Document
from numcheck.engine import DocOutcome, Run, run_paths
from numcheck.parallel import LocalRunner
from tests.scale.conftest import as_json


def check(paths: list[str], db: Path, config: Config | None = None,
          select: Sequence[str] | None = None) -> tuple[Run, ResultCache]:
    store = ResultCache(db)
    run = run_paths(paths, config or Config(), select=select,
                    runner=LocalRunner(jobs=1, cache=store))
    return run, store


def rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        count: int = conn.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0]
    return count


def test_unchanged_documents_are_hits_with_the_same_report(corpus: list[str],
                                                           tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    first, cold = check(corpus, db)
    second, warm = check(corpus, db)
    assert (cold.hits, cold.misses) == (0, len(corpus))
    assert (warm.hits, warm.misses) == (len(corpus), 0)
    assert as_json(second) == as_json(first)
    assert first.report.findings  # the comparison is not between two empty reports


def test_a_changed_document_misses_alone(corpus: list[str], tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    check(corpus, db)
    forest = next(p for p in corpus if p.endswith("forest.md"))
    Path(forest).write_text("The forest covers 25 square miles (65 square kilometres).\n",
                            encoding="utf-8")
    run, store = check(corpus, db)
    assert (store.hits, store.misses) == (len(corpus) - 1, 1)
    assert not any(f.rule == "NC101" for f in run.report.findings)  # the fix is seen


def test_a_rule_change_misses_everything(corpus: list[str], tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    check(corpus, db)
    tuned = Config(rules=MappingProxyType({"NC101": RuleConfig(params={"tolerance": 0.2})}))
    _, by_params = check(corpus, db, tuned)
    assert by_params.hits == 0
    _, by_selection = check(corpus, db, select=["NC101", "NC102"])
    assert by_selection.hits == 0
    _, again = check(corpus, db)  # the original configuration is still there
    assert again.misses == 0


def test_new_code_or_version_misses_everything(corpus: list[str], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "results.sqlite"
    check(corpus, db)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "an edited checkout")
    _, store = check(corpus, db)
    assert store.hits == 0
    monkeypatch.undo()

    import numcheck

    code_fingerprint.cache_clear()
    monkeypatch.setattr(numcheck, "__version__", "99.0")
    try:
        _, store = check(corpus, db)
        assert store.hits == 0
    finally:
        monkeypatch.undo()
        code_fingerprint.cache_clear()


def test_the_key_covers_path_metadata_text_and_source_map() -> None:
    base = Document.from_text("It rose 5%.", "a.md", {"date": "2024-01-01"})
    key = document_key(base, "plan")
    assert document_key(Document.from_text("It rose 5%.", "a.md", {"date": "2024-01-01"}),
                        "plan") == key
    variants = [
        Document.from_text("It rose 5%.", "b.md", {"date": "2024-01-01"}),
        Document.from_text("It rose 5%.", "a.md", {"date": "2024-01-02"}),
        Document.from_text("It rose 6%.", "a.md", {"date": "2024-01-01"}),
    ]
    assert all(document_key(v, "plan") != key for v in variants)
    assert document_key(base, "other plan") != key
    # Same text, but it sits elsewhere in its source file (HTML markup moved): other lines.
    moved = Document(base.path, base.text, base.meta,
                     type(base.source_map).for_source("\n\n" + base.text,  # type: ignore[union-attr]
                                                      list(range(2, 2 + len(base.text)))))
    assert document_key(moved, "plan") != key


def test_a_corrupt_database_is_set_aside_and_rebuilt(corpus: list[str], tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    reference, _ = check(corpus, db)
    db.write_bytes(b"this is not an SQLite database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    run, store = check(corpus, db)
    assert as_json(run) == as_json(reference)
    assert store.hits == 0
    assert (tmp_path / "results.sqlite.corrupt").exists()
    _, again = check(corpus, db)
    assert again.hits == len(corpus)


def test_a_damaged_entry_is_a_miss_and_is_recomputed(corpus: list[str], tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    reference, _ = check(corpus, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE outcomes SET value = X'8004deadbeef'")
    run, store = check(corpus, db)
    assert store.hits == 0 and store.misses == len(corpus)
    assert as_json(run) == as_json(reference)


def test_an_unusable_cache_location_only_turns_caching_off(corpus: list[str],
                                                           tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    reference, _ = check(corpus, tmp_path / "results.sqlite")
    run, store = check(corpus, blocker / "results.sqlite")
    assert as_json(run) == as_json(reference)
    assert store.hits == 0


def _no_claims(doc: Document) -> Sequence[Claim]:
    return ()


def test_outcomes_of_a_test_extractor_are_never_cached(corpus: list[str],
                                                       tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    store = ResultCache(db)
    run_paths(corpus, Config(), extractor=_no_claims, runner=LocalRunner(jobs=1, cache=store))
    assert store.hits == store.misses == 0
    assert not db.exists() or rows(db) == 0


def test_incomplete_or_failed_outcomes_are_not_stored(tmp_path: Path) -> None:
    from numcheck.documents import Problem

    db = tmp_path / "results.sqlite"
    with ResultCache(db) as store:
        store.put("cut-short", DocOutcome((), (), (), complete=False))
        store.put("failed", DocOutcome((), (), (Problem("a.md", "rule failed"),)))
        store.put("fine", DocOutcome((), (), ()))
        store.put("noted", DocOutcome((), (), (Problem("a.md", "read in pieces", "warning"),)))
    assert rows(db) == 2
    with ResultCache(db) as store:
        fine = store.get("fine")
        assert fine is not None and list(fine.claims) == [] and fine.complete
        assert store.get("cut-short") is None


def test_claims_come_back_equal_and_damaged_claims_are_a_miss(corpus: list[str],
                                                              tmp_path: Path) -> None:
    import pickle

    db = tmp_path / "results.sqlite"
    from numcheck.api import claims_frame

    check(corpus, db)
    with sqlite3.connect(db) as conn:
        keys = [k for (k,) in conn.execute("SELECT key FROM outcomes")]
    with ResultCache(db) as store:
        claims = [c for key in keys if (o := store.get(key)) is not None for c in o.claims]
    assert len(claims) == len(claims_frame(corpus))
    with sqlite3.connect(db) as conn:
        for key, value in conn.execute("SELECT key, value FROM outcomes").fetchall():
            *head, blob, crc = pickle.loads(value)
            damaged = blob[:-1] + bytes([blob[-1] ^ 1])
            conn.execute("UPDATE outcomes SET value = ? WHERE key = ?",
                         (pickle.dumps((*head, damaged, crc)), key))
    _, store = check(corpus, db)
    assert store.hits == 0


def check_all(paths: list[str], db: Path, config: Config | None = None
              ) -> tuple[Run, ResultCache]:
    store = ResultCache(db)
    run = run_paths(paths, config or Config(), runner=LocalRunner(jobs=1, cache=store),
                    corpus_cache=store)
    return run, store


def test_corpus_findings_are_remembered_for_the_same_documents(corpus: list[str],
                                                               tmp_path: Path) -> None:
    db = tmp_path / "results.sqlite"
    first, cold = check_all(corpus, db)
    second, warm = check_all(corpus, db)
    assert (cold.corpus_hits, warm.corpus_hits) == (0, 1)
    assert as_json(second) == as_json(first)
    assert any(f.rule == "NC201" for f in second.report.findings)

    troops = next(p for p in corpus if p.endswith("troops-b.md"))
    Path(troops).write_text("---\ndate: 2019-10-15\n---\nSome 2,000 American soldiers are "
                            "deployed in Syria, officials said.\n", encoding="utf-8")
    third, changed = check_all(corpus, db)
    assert changed.corpus_hits == 0
    assert not any(f.rule == "NC201" for f in third.report.findings)
    _, fewer = check_all(corpus[1:], db)  # the same documents, one fewer: another corpus
    assert fewer.corpus_hits == 0


def test_a_file_a_corpus_rule_reads_is_part_of_the_key(corpus: list[str],
                                                       tmp_path: Path) -> None:
    import numcheck

    subjects = tmp_path / "subjects.txt"
    shipped = Path(numcheck.__file__).parent / "subjects.txt"
    subjects.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    config = Config(rules=MappingProxyType(
        {"NC201": RuleConfig(params={"subjects": str(subjects)})}))
    db = tmp_path / "results.sqlite"
    check_all(corpus, db, config)
    _, same = check_all(corpus, db, config)
    assert same.corpus_hits == 1
    with subjects.open("a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    _, edited = check_all(corpus, db, config)
    assert edited.corpus_hits == 0


def test_a_recheck_from_the_cache_never_imports_the_rule_kinds(corpus: list[str],
                                                               tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    probe = ("import sys, json\n"
             "from numcheck.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith("
             "('numcheck.rules.kinds', 'scipy', 'pint', 'quantulum3')))), file=sys.stderr)\n")
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    outputs, modules = [], []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", probe, "check", "--format", "json",
                               "--jobs", "1", *corpus], capture_output=True, env=env,
                              check=True)
        outputs.append(done.stdout)
        modules.append(json.loads(done.stderr.decode().strip().splitlines()[-1]))
    assert outputs[0] == outputs[1]
    assert "numcheck.rules.kinds" in modules[0]
    assert modules[1] == []  # rules, findings and corpus findings all came from the caches
