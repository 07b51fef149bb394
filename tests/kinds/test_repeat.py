"""Kind ``repeat`` (NC106): which mentions state one quantity, and when two of them conflict."""

from __future__ import annotations

import pytest

from numcheck.rules.kinds.repeat import Mention, mention_of, same_subject
from tests.kinds.conftest import MakeContext, RunKind

MESSAGE = "{second} {subject} contradicts {first} on line {first_line}"
KINDS = frozenset({"count", "measure", "money", "age"})


def _mentions(context: MakeContext, text: str) -> list[Mention | None]:
    return [mention_of(c, KINDS) for c in context(text).claims]


def test_a_change_is_not_a_level(context: MakeContext) -> None:
    (by, to) = _mentions(context, "The toll rose by 5 to 46.")
    assert by is None
    assert to is not None


def test_a_part_can_confirm_but_is_never_flagged(context: MakeContext) -> None:
    (part,) = [m for m in _mentions(context, "IBM says 500 of its patents will be freed.") if m]
    assert part is not None and part.support_only


def test_event_matching_needs_the_same_event(context: MakeContext) -> None:
    ctx = context("Police said 46 people were killed. Police said 39 people were injured. "
                  "The death toll has risen to 50.")
    killed, injured, toll = (mention_of(c, KINDS) for c in ctx.claims)
    assert killed and injured and toll
    assert same_subject(killed, injured, 10) is None
    assert same_subject(killed, toll, 10) == "event"
    assert toll.rises


def test_a_noun_phrase_alone_needs_two_words_and_a_reference_back(context: MakeContext) -> None:
    ctx = context("The plant employs 1,200 car workers. Its 1,500 car workers are young. "
                  "It has 900 staff. Its 700 staff are old.")
    cars, cars_again, staff, staff_again = (mention_of(c, KINDS) for c in ctx.claims)
    assert cars and cars_again and staff and staff_again
    assert same_subject(cars, cars_again, 10) == "phrase"
    assert same_subject(staff, staff_again, 10) is None  # one word: too vague


def test_conflict_message_and_evidence(run_kind: RunKind) -> None:
    text = ("At least 46 people were killed when the bomb went off.\n\n"
            "Police said 39 people were killed.")
    (f,) = run_kind("repeat", text, MESSAGE)
    assert f.message == "39 people killed contradicts 46 on line 1"
    assert f.line == 3
    assert [e.text for e in f.evidence] == ["39", "46"]
    assert "at least 46" in f.explanation and "38.5–39.5" in f.explanation
    assert f.suggestion is None


def test_cumulative_count_that_goes_down(run_kind: RunKind) -> None:
    text = "The bombing killed 46 people. The death toll has since risen to 39."
    (f,) = run_kind("repeat", text, MESSAGE)
    assert "cannot go down" in f.explanation
    assert run_kind("repeat", text.replace("39", "52"), MESSAGE) == []


def test_ages_of_one_named_person(run_kind: RunKind) -> None:
    (f,) = run_kind("repeat", "John Smith, 45, was arrested. Mr Smith, 47, denies it.", MESSAGE)
    assert f.message == "47 as the age of John Smith contradicts 45 on line 1"
    assert run_kind("repeat", "John Smith, 45, was arrested. Jane Smith, 47, denies it.",
                    MESSAGE) == []
    assert run_kind("repeat", "John Smith, 45, was held. Mr Smith, 47, and Mrs Smith, 44, "
                    "deny it.", MESSAGE) == []


def test_kinds_parameter_switches_ages_off(run_kind: RunKind) -> None:
    text = "John Smith, 45, was arrested. Mr Smith, 47, denies the charges."
    assert run_kind("repeat", text, MESSAGE, kinds=["count"]) == []


def test_min_count_applies_to_noun_phrase_matches(run_kind: RunKind) -> None:
    text = "The club has 8 youth coaches. Its 6 youth coaches are unpaid."
    assert run_kind("repeat", text, MESSAGE) == []
    assert len(run_kind("repeat", text, MESSAGE, min_count=5)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The bombing killed 46 people. Earlier reports said 39 people had died.",
        "At least 46 people were killed in the blast. In a separate attack, 12 people were "
        "killed.",
        "Officials said 12 people were killed in Basra. Officials said 30 people were killed in "
        "Baghdad.",
        "Police said 46 people were killed on Monday. Police said 39 people were killed on "
        "Sunday.",
        "The blast killed 46 people, including 12 children. The 12 children were all under ten.",
        "The bank will cut 2,850 jobs. About 1,100 jobs will go in investment banking while "
        "1,200 and 550 will go in IT and human resources respectively.",
        "John Smith, 45, was arrested. His wife, Mary Smith, 43, denies the charges.",
        "About 2,000 people were evacuated. Officials later said 2,150 people were evacuated.",
        "More than 60 people died in the fire. Fire officials said 64 people died.",
        "Up to 50 people may have died. Officials said 12 people died.",
        "Twelve people were killed in 2003. Thirty people were killed in 2004.",
        "The plant employs 1,200 workers. The firm expects its 1,500 workers to strike.",
    ],
)
def test_different_or_agreeing_figures_are_silent(text: str, run_kind: RunKind) -> None:
    assert run_kind("repeat", text, MESSAGE) == []


def test_a_level_reached_by_a_stated_change_is_an_update(run_kind: RunKind) -> None:
    text = "The bombing killed 46 people. The death toll has since risen by 6 to 52."
    assert run_kind("repeat", text, MESSAGE) == []


def test_round_ages_are_whole_years(run_kind: RunKind) -> None:
    (f,) = run_kind("repeat", "John Smith, 40, was arrested. Mr Smith, 43, denies it.", MESSAGE)
    assert "39.5–40.5" in f.explanation


def test_a_subject_repeated_like_a_table_is_not_prose(run_kind: RunKind) -> None:
    rows = " ".join(f"Officials said {n} people were killed." for n in range(10, 130))
    assert run_kind("repeat", rows, MESSAGE) == []
    assert len(run_kind("repeat", "Officials said 11 people were killed. Officials said 13 "
                        "people were killed.", MESSAGE)) == 1
