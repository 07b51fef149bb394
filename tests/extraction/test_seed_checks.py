"""Issue 4's acceptance check on the seed article: clean as published; one changed number
makes the right rule fire at the right line."""

from __future__ import annotations

import pytest

from numcheck.documents import Document
from numcheck.engine import check_documents
from tests.conftest import seed_path


def findings(text: str) -> list[tuple[str, int]]:
    report = check_documents([Document.from_text(text, "seed.txt")])
    return sorted((f.rule, f.line) for f in report.findings if f.severity != "info")


def test_the_published_seed_article_has_no_findings() -> None:
    assert findings(seed_path().read_text("utf-8")) == []


@pytest.mark.parametrize(
    ("before", "after", "rule"),
    [
        ("less than 2 square miles", "less than 1 square mile", "NC101"),
        ("killed four Americans", "killed five Americans", "NC102"),
        ("killed four Americans", "killed three Americans", "NC102"),
    ],
)
def test_one_changed_number_fires_the_right_rule_at_the_right_line(
    before: str, after: str, rule: str
) -> None:
    text = seed_path().read_text("utf-8")
    assert before in text
    line = text[: text.index(before)].count("\n") + 1
    assert findings(text.replace(before, after)) == [(rule, line)]
