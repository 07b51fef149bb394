"""Starting the worker processes' forkserver early: only when the inputs are large enough
for a pool, judged from the sizes the file system gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck import workers


def _write(path: Path, size: int) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x" * size, encoding="utf-8")
    return str(path)


def test_inputs_reach_counts_files_and_documents_in_folders(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.md", 300)
    _write(tmp_path / "news" / "a.txt", 400)
    _write(tmp_path / "news" / "deeper" / "b.html", 500)
    assert workers.inputs_reach([one], 300)
    assert not workers.inputs_reach([one], 301)
    assert workers.inputs_reach([str(tmp_path / "news")], 900)
    assert not workers.inputs_reach([str(tmp_path / "news")], 901)
    assert workers.inputs_reach([one, str(tmp_path / "news")], 1200)


def test_inputs_reach_counts_only_what_the_loader_would_read(tmp_path: Path) -> None:
    # Pictures, hidden files and hidden folders are not documents; stdin and missing paths
    # have no size to count (the loader reports a missing path, not this hint).
    _write(tmp_path / "photo.png", 10_000)
    _write(tmp_path / ".draft.md", 10_000)
    _write(tmp_path / ".git" / "notes.txt", 10_000)
    _write(tmp_path / "story.md", 100)
    assert workers.inputs_reach([str(tmp_path)], 100)
    assert not workers.inputs_reach([str(tmp_path)], 101)
    assert not workers.inputs_reach(["-", str(tmp_path / "missing.md")], 1)


def test_start_early_only_when_a_pool_is_likely(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from multiprocessing import forkserver

    started: list[bool] = []
    monkeypatch.setattr(forkserver, "ensure_running", lambda: started.append(True))
    big = _write(tmp_path / "big.md", 2_000)
    small = _write(tmp_path / "small.md", 10)
    assert not workers.start_early([big], jobs=1, min_pool_bytes=1_000)  # one job: no pool
    assert not workers.start_early([small], jobs=2, min_pool_bytes=1_000)  # too little text
    assert started == []
    assert workers.start_early([big], jobs=2, min_pool_bytes=1_000)
    assert started == [True]


def test_check_starts_early_only_when_no_document_can_come_from_the_cache(
        tmp_path: Path) -> None:
    # A re-check answered by the results cache never uses the pool: there, an early
    # forkserver is only cost.
    from numcheck.cli.check_cmd import _all_misses
    from numcheck.warm import results_path

    assert _all_misses(no_cache=True, cache_dir=tmp_path)
    assert _all_misses(no_cache=False, cache_dir=tmp_path)  # no results cache yet
    results_path(tmp_path).write_bytes(b"")
    assert not _all_misses(no_cache=False, cache_dir=tmp_path)
    assert _all_misses(no_cache=True, cache_dir=tmp_path)


def test_inputs_reach_ends_on_a_folder_link_loop(tmp_path: Path) -> None:
    _write(tmp_path / "news" / "a.md", 10)
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
    assert workers.inputs_reach([str(tmp_path / "news")], 10)
    assert not workers.inputs_reach([str(tmp_path / "news")], 11)
