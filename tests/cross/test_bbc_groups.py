"""BBC same-headline groups (../shared/eval): identical duplicates never conflict; revised
versions are reported only where their numbers really contradict.

All grouped articles are checked together, so pairs across groups are judged too.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from numcheck.findings import Finding
from numcheck.loading import read_path
from tests.conftest import eval_path
from tests.cross.helpers import findings

pytestmark = pytest.mark.eval


@cache
def groups() -> tuple[tuple[bool, tuple[str, ...]], ...]:
    data = json.loads(eval_path("news/bbc_same_title_groups.json").read_text("utf-8"))
    root = eval_path("news/bbc")
    out = []
    for group in data:
        paths = tuple(str(root / f) for f in group["files"])
        # Some groups name articles of a category that is not in this copy of the corpus.
        if all((root / f).exists() for f in group["files"]):
            out.append((bool(group["identical"]), paths))
    return tuple(out)


@cache
def run(identical: bool) -> tuple[Finding, ...]:
    paths = [p for same, group in groups() if same is identical for p in group]
    docs = [d for p in paths for d in read_path(p).documents]
    return tuple(findings(docs))


def test_identical_duplicates_give_no_cross_article_findings() -> None:
    assert len([g for same, g in groups() if same]) >= 50
    assert run(True) == ()


def test_revised_versions_are_reported_only_where_the_numbers_contradict() -> None:
    found = run(False)
    # One real contradiction among the revised versions: "$1.8 billion (£9.4 million)" in one
    # version, "(£94 million)" in the other, in the same sentence.
    assert [(f.evidence[0].text, f.evidence[1].text) for f in found] == [
        ("£94 million", "£9.4 million")]
    (finding,) = found
    assert {e.path.rsplit("/", 2)[-2] + "/" + e.path.rsplit("/", 1)[-1]
            for e in finding.evidence} == {"tech/064.txt", "tech/338.txt"}
    assert "the same sentence in both articles" in finding.explanation
