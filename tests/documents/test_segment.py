"""Sentence splitting for news prose: offsets exact, abbreviations and numbers kept whole."""

from __future__ import annotations

import pytest

from numcheck.segment import paragraphs, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith paid $3.5m. Then U.S. officials left.",
         ["Mr. Smith paid $3.5m.", "Then U.S. officials left."]),
        ("The index rose 2.5% to 4,577.10. Traders were surprised.",
         ["The index rose 2.5% to 4,577.10.", "Traders were surprised."]),
        ("It was J. Smith at 5 p.m. on Monday. He left.",
         ["It was J. Smith at 5 p.m. on Monday.", "He left."]),
        ("He arrived at 5 p.m. They left at 6.", ["He arrived at 5 p.m.", "They left at 6."]),
        ("Prices rose in Jan. Sales fell in Feb. 2019.",
         ["Prices rose in Jan.", "Sales fell in Feb. 2019."]),
        ('"We will not cede," he said. "Never."', ['"We will not cede," he said.', '"Never."']),
        ("Gen. Smith met Lt. Col. Brown. They spoke.",
         ["Gen. Smith met Lt. Col. Brown.", "They spoke."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    found = sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


def test_headline_and_paragraphs() -> None:
    text = "Storm hits coast\n\nAt least 46 people died. Rescuers searched.\n\nMore later.\n"
    found = sentences(text)
    assert [s.text for s in found] == [
        "Storm hits coast", "At least 46 people died.", "Rescuers searched.", "More later.",
    ]
    assert [s.paragraph for s in found] == [0, 1, 1, 2]
    assert len(list(paragraphs(text))) == 3


def test_a_heading_line_without_punctuation_is_its_own_sentence() -> None:
    found = sentences("# Lake report\nThe lake covers 40 km².")
    assert [s.text for s in found] == ["# Lake report", "The lake covers 40 km²."]


def test_prose_wrapped_at_a_fixed_width_stays_one_sentence() -> None:
    text = "It found 44% for Labour, 17% for Reform and\n12% for the Liberal Democrats.\n"
    assert len(sentences(text)) == 1
