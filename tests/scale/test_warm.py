"""The persistent load cache: it may make a run faster, never different."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from numcheck import warm


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    warm.configure(tmp_path)
    return tmp_path


def test_a_blob_round_trips(fresh: Path) -> None:
    warm.write_blob("thing", ("v1",), {"a": frozenset({1, 2})})
    assert warm.read_blob("thing", ("v1",)) == {"a": frozenset({1, 2})}


def test_another_version_is_a_miss_and_replaces_the_old_file(fresh: Path) -> None:
    warm.write_blob("thing", ("v1",), 1)
    assert warm.read_blob("thing", ("v2",)) is None
    warm.write_blob("thing", ("v2",), 2)
    assert len(list((fresh / "warm").glob("thing-*.pickle"))) == 1
    assert warm.read_blob("thing", ("v2",)) == 2


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_a_damaged_blob_is_ignored_and_removed(fresh: Path, damage: str) -> None:
    warm.write_blob("thing", ("v1",), list(range(1000)))
    (path,) = (fresh / "warm").glob("thing-*.pickle")
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-10] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data = bytearray(b"\x80\x05garbage")
    path.write_bytes(bytes(data))
    assert warm.read_blob("thing", ("v1",)) is None
    assert not path.exists()


def test_switched_off_it_neither_reads_nor_writes(tmp_path: Path) -> None:
    warm.configure(tmp_path, on=False)
    warm.write_blob("thing", ("v1",), 1)
    assert warm.read_blob("thing", ("v1",)) is None
    assert not (tmp_path / "warm").exists()


def test_a_memo_is_flushed_merged_and_read_back(fresh: Path) -> None:
    calls: list[str] = []

    def square(x: int) -> int:
        calls.append(f"{x}")
        return x * x

    first = warm.PersistentMemo("squares", ("v1",))
    assert first.lookup(3, lambda: square(3)) == 9
    assert first.lookup(3, lambda: square(3)) == 9
    other = warm.PersistentMemo("squares", ("v1",))  # another process, meanwhile
    other.lookup(4, lambda: square(4))
    other.flush()
    first.flush()
    again = warm.PersistentMemo("squares", ("v1",))
    assert again.values == {3: 9, 4: 16}
    assert calls == ["3", "4"]


_PROBE = """
import json, sys
from numcheck.api import extract
# Units the news lexicon does not know, so quantulum3 names them ("lumen", "tesla").
claims = extract("The lamp gives 800 lumens and the magnet 3 teslas. The dose was 2 "
                 "sieverts. It covers 25 square miles (40 square kilometres).")
print(json.dumps({
    "claims": [[c.text, c.value, c.unit, c.low, c.high] for c in claims],
    "inflect": "inflect" in sys.modules,
    "pint": "pint" in sys.modules,
}))
"""


def _probe(cache_dir: Path) -> dict[str, Any]:
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, env=env,
                          check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_a_warm_process_extracts_the_same_claims_without_inflect_or_pint(
        tmp_path: Path) -> None:
    cold = _probe(tmp_path)
    warmed = _probe(tmp_path)
    assert cold["claims"] == warmed["claims"]
    units = {c[2] for c in warmed["claims"]}
    assert {"lumen", "tesla", "sievert"} <= units
    assert cold["inflect"] and cold["pint"]  # the first run built everything
    assert not warmed["inflect"]  # quantulum3's tables came from the cache
    assert not warmed["pint"]  # every unit look-up was remembered

    # Damage the unit-word list and the pint memo (cheap to rebuild; a damaged table file
    # takes the same path, see test_a_damaged_blob_is_ignored_and_removed).
    for path in (tmp_path / "warm").glob("*.pickle"):
        if not path.name.startswith("quantulum3-tables"):
            path.write_bytes(path.read_bytes()[:100])
    damaged = _probe(tmp_path)
    assert damaged["claims"] == cold["claims"]
    assert damaged["pint"]  # the memo was rebuilt, not trusted
