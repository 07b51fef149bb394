"""The shortcuts of file reading (issue 7: a re-check from the results cache mostly reads
files) give the answers of the plain versions they replaced."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from numcheck.documents import Document, without_surrogates
from numcheck.loading import expand_paths, format_of, load, read_path
from numcheck.readers import SUFFIXES
from numcheck.readers.decode import looks_binary

_NAME_PARTS = st.sampled_from(["a", "b", ".", "..", "/", "txt", "md", "MD", "Html", "jsonl",
                               "pdf", " ", "-", "x.y", "~"])


@given(st.lists(_NAME_PARTS, max_size=8).map("".join))
def test_format_of_reads_the_suffix_as_pathlib_does(path: str) -> None:
    assert format_of(path) == SUFFIXES.get(Path(path).suffix.lower(), "text")
    assert format_of(path, "markdown") == SUFFIXES.get(Path(path).suffix.lower(), "markdown")


def _looks_binary_per_byte(data: bytes) -> bool:
    # The definition looks_binary had before it counted with bytes.translate.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(head) > 0 and controls / len(head) > 0.05


@given(st.binary(max_size=400) | st.lists(st.sampled_from([1, 2, 9, 10, 27, 31, 32, 65]),
                                          max_size=400).map(bytes))
def test_looks_binary_counts_control_bytes_as_before(data: bytes) -> None:
    assert looks_binary(data) == _looks_binary_per_byte(data)


def test_control_bytes_past_the_sniffed_head_do_not_count() -> None:
    assert not looks_binary(b"a" * 8192 + b"\x01" * 8192)
    assert looks_binary(b"a" * 7000 + b"\x01" * 1192)


def test_a_file_that_grew_after_its_stat_is_read_whole(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The lake covers 40 km².\n", "utf-8")
    stale = os.stat(article)  # the size read_path asks for first
    article.write_text("The lake covers 40 km². It is 25 miles long.\n", "utf-8")
    (doc,) = read_path(str(article), info=stale).documents
    assert doc.text == article.read_text("utf-8")


def test_a_file_that_reports_no_size_is_read_whole(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Roughly 2,000 troops.\n" * 50, "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    no_size = os.stat(empty)  # as /proc files report st_size 0
    (doc,) = read_path(str(article), info=no_size).documents
    assert doc.text == article.read_text("utf-8")


def test_a_file_that_grew_past_the_limit_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("x" * 10, "utf-8")
    stale = os.stat(article)
    article.write_text("x" * 100, "utf-8")
    loaded = read_path(str(article), max_bytes=50, info=stale)
    assert loaded.documents == ()
    (problem,) = loaded.problems
    assert problem.message.startswith("file too large")
    exact = read_path(str(article), max_bytes=100, info=stale)
    assert exact.documents[0].text == "x" * 100


def test_load_reads_what_expand_paths_lists(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "b.md").write_text("Some 5 km.\n", "utf-8")
    (tmp_path / "a.txt").write_text("About 3 miles.\n", "utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    given_paths = [str(tmp_path / "a.txt"), str(tmp_path / "dir"), str(tmp_path / "gone.txt"),
                   str(tmp_path / "broken.txt"), "bad\0name.txt"]
    listed = [item if isinstance(item, str) else item.path for item in expand_paths(given_paths)]
    loaded = list(load(given_paths))
    assert [entry.path for entry in loaded] == listed
    by_path = {entry.path: entry for entry in loaded}
    assert by_path[str(tmp_path / "gone.txt")].problems[0].message == "no such file or directory"
    assert by_path[str(tmp_path / "broken.txt")].problems[0].message == (
        "no such file or directory")
    assert by_path["bad\0name.txt"].problems[0].message == "no such file or directory"
    assert by_path[str(tmp_path / "a.txt")].documents[0].text == "About 3 miles.\n"


def test_surrogates_are_replaced_in_non_ascii_text_and_ascii_text_is_kept() -> None:
    text = "Café prices rose \udbff 5%"
    assert without_surrogates(text) == "Café prices rose \ufffd 5%"
    plain = "Prices rose 5%"
    assert without_surrogates(plain) is plain
    assert Document(path="caf\udce9.md", text="£5 \ud800").path == "caf\ufffd.md"
