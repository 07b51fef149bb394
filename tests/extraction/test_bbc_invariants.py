"""Invariants of extraction over real news text (BBC politics articles, ../shared/eval)."""

from __future__ import annotations

from itertools import pairwise

from numcheck import extract
from tests.conftest import eval_path


def test_no_text_is_two_claims_in_real_articles() -> None:
    # Each pass of the correction layer adds claims of its own ("a" list items, shared
    # currency signs, compounds); none may claim text another claim already holds ("a third
    # of them" was also "1 third"; "by 2008 £60bn" was "2008 £" and "£60bn").
    folder = eval_path("news/bbc/politics")
    overlapping = []
    for path in sorted(folder.glob("*.txt")):
        claims = sorted(extract(path.read_text("utf-8", errors="replace")),
                        key=lambda c: (c.start, c.end))
        overlapping += [(path.name, a.text, b.text) for a, b in pairwise(claims)
                        if b.start < a.end]
    assert overlapping == []
