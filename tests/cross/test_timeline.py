"""numcheck timeline: one quantity over time from the archive, conflicts marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from numcheck.archive import index
from numcheck.timeline import TimelineError, collect, timeline
from tests.cross.helpers import PAIRS

pytest.importorskip("duckdb")
pytest.importorskip("matplotlib")

LATER = """---
title: Drawdown continues
date: 2019-11-20
---

About 1,000 US troops remain in Syria, the Pentagon said on Wednesday.
"""


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(PAIRS / "troops", folder / "troops")
    shutil.copytree(PAIRS / "lake", folder / "lake")
    (folder / "troops" / "c.md").write_text(LATER, "utf-8")
    db = tmp_path / "a.duckdb"
    index([str(folder)], db)
    return db


def test_timeline_collects_the_subject_and_marks_the_conflict(archive: Path) -> None:
    found = collect(archive, "US troops in Syria")
    assert [p.value for p in found.points] == [2000, 4000, 1000]
    assert [p.conflicting for p in found.points] == [True, True, False]
    assert len(found.conflicts) == 1
    assert found.undated == 0


def test_timeline_converts_to_one_unit(archive: Path) -> None:
    found = collect(archive, "area of Lake Chad")
    assert found.unit is not None
    assert len(found.points) == 2 and all(p.conflicting for p in found.points)


def test_timeline_writes_a_png(archive: Path, tmp_path: Path) -> None:
    output = tmp_path / "troops.png"
    found = timeline(archive, "American soldiers in Syria", output)
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(found.points) == 3
    again = tmp_path / "again.png"
    timeline(archive, "American soldiers in Syria", again)
    assert again.read_bytes() == output.read_bytes()  # deterministic output


def test_timeline_of_nothing_is_a_clear_error(archive: Path) -> None:
    with pytest.raises(TimelineError, match="no claims about"):
        collect(archive, "US troops in Iraq")
