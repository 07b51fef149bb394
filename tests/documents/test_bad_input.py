"""Bad input gets a one-line message naming the file; the other files are still read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from numcheck.api import claims_from_paths
from numcheck.loading import load


def test_each_bad_file_is_named_and_the_rest_is_extracted(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The lake covers 40 km².\n", "utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 prices rose 5% in 2004.\n".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    missing = tmp_path / "missing.txt"
    claims, problems = claims_from_paths([str(p) for p in (binary, latin, empty, missing, good)])
    messages = {Path(p.path).name: (p.severity, p.message) for p in problems}
    assert messages["image.txt"][0] == "error" and "binary" in messages["image.txt"][1]
    assert messages["latin.txt"][0] == "warning" and "UTF-8" in messages["latin.txt"][1]
    assert messages["empty.txt"][0] == "warning" and "empty" in messages["empty.txt"][1]
    assert messages["missing.txt"] == ("error", "no such file or directory")
    assert {Path(c.path).name for c in claims} == {"latin.txt", "good.txt"}
    assert any(c.text == "5%" for c in claims)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("It covers 40 km².".encode("utf-16"))
    claims, problems = claims_from_paths([str(path)])
    assert not problems and claims[0].text == "40 km²"


def test_malformed_front_matter_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\ndate: 2019\n---\nIt covers 40 km².\n", "utf-8")
    (loaded,) = load([str(path)])
    (problem,) = loaded.problems
    assert problem.severity == "error" and "front matter" in problem.message
    assert problem.line is not None


def test_folders_are_walked_in_order_and_symlink_loops_reported(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("It is 2 km long.\n", "utf-8")
    (tmp_path / "a.txt").write_text("It is 1 km long.\n", "utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    loaded = list(load([str(tmp_path)]))
    names = [Path(item.path).name for item in loaded if item.documents]
    assert names == ["a.txt", "two.md"]
    assert any("symlink loop" in p.message for item in loaded for p in item.problems)


def test_cli_exit_code_2_and_one_line_per_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The lake covers 40 km².\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "numcheck", "extract", str(tmp_path / "nope.md"), str(good),
         "--format", "csv"],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"numcheck: {tmp_path / 'nope.md'}: error: no such file or directory"
    ]
    assert "40 km²" in result.stdout
