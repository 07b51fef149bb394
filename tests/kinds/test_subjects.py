"""Subject helpers shared by ``repeat`` and ``date-arith``: what a number is about."""

from __future__ import annotations

import pytest

from numcheck.rules.kinds._subjects import (
    Person,
    event_of,
    other_figure,
    person_before,
    phrase_key,
    place_words,
    subject_of,
    surname_is_shared,
    time_words,
)


def test_phrase_keys_are_singular_lower_case_content_words() -> None:
    assert phrase_key("US troops") == ("us", "troop")
    assert phrase_key("some 300 new jobs") == ("new", "job")
    assert phrase_key(None) == ()


@pytest.mark.parametrize(
    ("sentence", "number", "phrase", "event"),
    [
        ("At least 46 people were killed in the blast.", "46", "people", "death"),
        ("The bombing killed 46 people.", "46", "people", "death"),
        ("The death toll has risen to 46.", "46", None, "death"),
        ("There were 46 deaths.", "46", "deaths", "death"),
        ("Police arrested 23 people.", "23", "people", "arrest"),
        ("Some 3,000 jobs will go.", "3,000", "jobs", "job-loss"),
        ("The firm employs 3,000 people.", "3,000", "people", None),
    ],
)
def test_events(sentence: str, number: str, phrase: str | None, event: str | None) -> None:
    start = sentence.index(number)
    assert event_of(sentence, start, start + len(number), phrase) == event


def test_job_cut_wordings_share_one_key() -> None:
    cuts = "The 1,500 job cuts will hit Wales."
    go = "Some 1,500 jobs will go."
    a = subject_of(cuts, 4, 9, "job cuts")
    b = subject_of(go, 5, 10, "jobs")
    assert a == b


def test_time_and_place_words() -> None:
    assert time_words("46 people died on Monday in 2003, a year earlier.") == frozenset(
        {"monday", "2003", "a year earlier"})
    assert place_words("Twelve died in northern Iraq and at Basra, not in the city.") == \
        frozenset({"iraq", "basra"})


def test_other_figures() -> None:
    assert other_figure("Earlier reports said 39 people had died.")
    assert other_figure("In a separate attack, 12 people were killed.")
    assert not other_figure("Police said 39 people were killed.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("John Smith, 45, was arrested.", Person("Smith", ("John",), None)),
        ("Mr Smith (45) denies it.", Person("Smith", (), "Mr")),
        ("His wife, Mary Smith, 43, denies it.", Person("Smith", ("Mary",), None, True)),
        ("In London, 45 people died.", None),
    ],
)
def test_person_before_an_age(sentence: str, expected: Person | None) -> None:
    number = "45" if "45" in sentence else "43"
    assert person_before(sentence, sentence.index(number)) == expected


def test_same_person() -> None:
    john = Person("Smith", ("John",), None)
    assert john.same_as(Person("Smith", (), "Mr"))
    assert not john.same_as(Person("Smith", ("Jane",), None))
    assert not Person("Smith", (), "Mr").same_as(Person("Smith", (), "Mrs"))
    assert not john.same_as(Person("Smith", (), "Mr", relative=True))


def test_shared_surnames() -> None:
    assert surname_is_shared("John Smith and Jane Smith were held.", "Smith")
    assert surname_is_shared("Mr Smith and Mrs Smith were held.", "Smith")
    assert not surname_is_shared("John Smith was held. Mr Smith denies it.", "Smith")
