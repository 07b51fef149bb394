"""Kind ``date-arith`` (NC107): reading years, births and durations, and the arithmetic."""

from __future__ import annotations

from typing import Any

import pytest

from numcheck.documents import Document
from numcheck.extraction import extract_sentences
from numcheck.findings import Finding
from numcheck.rules.base import KINDS, DocumentContext
from numcheck.rules.kinds.date_arith import (
    When,
    births_in,
    parse_doc_date,
    ranges_in,
    years_in,
)
from numcheck.segment import Sentence, sentences
from tests.kinds.conftest import make_rule

MESSAGE = "{stated} does not fit the dates: {computed}"


def _context(text: str, date: str | None = None) -> DocumentContext:
    doc = Document.from_text(text, "test.md", meta={"date": date} if date else {})
    parts = sentences(doc.text)
    return DocumentContext(doc, parts, extract_sentences(doc, parts))


def run(text: str, date: str | None = None, **params: Any) -> list[Finding]:
    rule = make_rule("date-arith", MESSAGE, params)
    return list(KINDS["date-arith"]().check(rule, _context(text, date)))


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2019-02-07", When(2019, 2, 7)), ("2019-02", When(2019, 2)), ("2019", When(2019)),
     ("2019-13-01", When(2019)), ("yesterday", None), (None, None)],
)
def test_document_dates(value: str | None, expected: When | None) -> None:
    assert parse_doc_date(value) == expected


def test_years_leave_out_decades_counts_and_amounts() -> None:
    text = "In 1991 the 1990s ended for 2,000 fans; 1990 people came and sales hit £2005m in 2004."
    ctx = _context(text)
    found = [y.year for y in years_in(text, ctx.claims, 0)]
    assert found == [1991, 2004]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 1990-1995 war", [(1990, 1995, False)]),
        ("Hailey (1920-2004) wrote", [(1920, 2004, False)]),
        ("from 1997 to 2007 he led", [(1997, 2007, False)]),
        ("in office 1983-92", [(1983, 1992, False)]),
        ("the 1999-01 season", [(1999, 2001, False)]),
        ("between 1990 and 2000", [(1990, 2000, True)]),
        ("call 2005-2005", []),
    ],
)
def test_year_ranges(text: str, expected: list[tuple[int, int, bool]]) -> None:
    assert [(r.first, r.last, r.between) for r in ranges_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "when", "person"),
    [
        ("Gordon Brown was born in Glasgow on 20 February 1951.", When(1951, 2, 20), "Brown"),
        ("Born in January 1934, Rowlands won a scholarship.", When(1934, 1), "Rowlands"),
        ("Depp was born in Kentucky in 1963.", When(1963), "Depp"),
        ("She was born Lilian Alicia Marks in London in 1910.", When(1910), None),
        ("Born in 1912 and educated at Portsmouth, Lord Callaghan became a clerk.", When(1912),
         "Callaghan"),
    ],
)
def test_births(text: str, when: When, person: str | None) -> None:
    (birth,) = births_in(Sentence(0, len(text), text, 0))
    assert birth.when == when
    assert (birth.person.surname if birth.person else None) == person


def test_a_compound_born_is_not_a_birth() -> None:
    text = "Glasgow-born Campbell moved to the UK in 1966."
    assert births_in(Sentence(0, len(text), text, 0)) == []


# --------------------------------------------------------------------------- checks


def test_age_against_birth_year_and_article_date() -> None:
    text = "The 75-year-old actor, born in 1946, returned to the stage."
    (f,) = run(text, "2019-02-07")
    assert f.message == "75-year-old does not fit the dates: aged 72 or 73"
    assert [e.text for e in f.evidence] == ["75-year-old", "born in 1946"]
    assert run(text.replace("75", "72"), "2019-02-07") == []
    assert run(text.replace("75", "73"), "2019-02-07") == []
    assert run(text) == []  # no date: no "now"


def test_full_birth_date_decides_the_age() -> None:
    text = "Gordon Brown was born in Glasgow on 20 February 1951. Mr Brown, 54, spoke."
    (f,) = run(text, "2005-02-01")  # before his birthday: 53
    assert f.suggestion == "53"
    assert run(text, "2005-03-01") == []


def test_ages_at_other_times_are_left_alone() -> None:
    assert run("Born in 1946, she left school at 16 to work in a mill.", "2019-02-07") == []
    assert run("The 45-year-old, whose son was born in 1990, denied it.", "2019-02-07") == []


def test_age_at_a_stated_death() -> None:
    (f,) = run("Lord Callaghan, who was born in 1912, died in 2005 at the age of 95.")
    assert "aged 92 or 93" in f.message
    assert "2005 − 1912 = 93" in f.explanation


def test_years_ago_needs_the_article_date() -> None:
    text = "Richey Edwards vanished 12 years ago, on 1 February 1995."
    (f,) = run(text, "2005-02-01")
    assert f.suggestion == "10 years ago"
    assert run(text) == []


def test_round_numbers_of_years_get_the_slack_parameter() -> None:
    text = "The band split up 20 years ago, in 1982."
    assert run(text, "2005-06-01") == []  # 23 years: within 20 ± 2 and a year of months
    assert len(run(text, "2005-06-01", round_year_slack=0)) == 1


def test_anniversaries() -> None:
    (f,) = run("Nasa marked the 40th anniversary of the 1969 Moon landing.", "2019-07-16")
    assert f.suggestion == "50th anniversary"
    (g,) = run("In 2001, the band marked the 15th anniversary of the album's release in 1991.")
    assert "the 10th anniversary" in g.message
    assert run("Nasa marked the fiftieth anniversary of the 1969 Moon landing.", "2019-07-16") \
        == []


def test_durations_and_offsets() -> None:
    (f,) = run("The 1990-1995 war lasted seven years.")
    assert f.suggestion == "5 years"
    (g,) = run("In 1991, twenty years after his death in 1980, he sold more records.")
    assert "11 years" in g.message
    (h,) = run("She joined the firm in 1990 and left five years later, in 1998.")
    assert h.suggestion == "8 years later"
    assert run("He spent three years in jail between 1990 and 2000.") == []


def test_checks_parameter_turns_checks_off() -> None:
    text = "The 1990-1995 war lasted seven years."
    assert run(text, checks=["age", "ago"]) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The Lyric began 50 years ago but the doors opened at its present site in 1968.",
         "2005-01-10"),
        ("She first appeared on Playschool 25 years ago and was made an OBE in 2001.",
         "2005-01-10"),
        ("The Two Ronnies ran from 1971 to 1987 and attracted 17 million viewers.", None),
        ("He served in Northern Ireland from 1981 to 1987, then spent two years at the Treasury.",
         None),
        ("It took another 10 years before another black woman won a seat in 1987.", None),
        ("He rose to fame in the 1990s, 25 years ago.", "2019-02-07"),
        ("Depp, 41, was born in Kentucky in 1963.", "2005-01-10"),
        ("A five-year plan from 2005 to 2010 was agreed.", None),
    ],
)
def test_consistent_or_unlinked_dates_are_silent(text: str, date: str | None) -> None:
    assert run(text, date) == []


def test_an_age_in_a_sentence_dated_otherwise_is_left_alone() -> None:
    text = "In 1990, the 32-year-old, born in 1958, became chief executive."
    assert run(text, "2019-02-07") == []
