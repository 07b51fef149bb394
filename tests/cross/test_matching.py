"""Reading a claim's subject, the editable table, and blocking that is not all-pairs."""

from __future__ import annotations

import pytest

from numcheck.extraction import extract_text
from numcheck.matching import (
    DocRef,
    Item,
    Subject,
    TableError,
    agreement,
    parse_query,
    parse_table,
    subject_pairs,
    subjects,
)


def subject(sentence: str, text: str) -> Subject | None:
    """The subject of the claim written ``text`` in ``sentence``."""
    claims = extract_text(sentence)
    found = {c.text: s for c, s in subjects(claims)}
    assert any(c.text == text for c in claims), [c.text for c in claims]
    return found.get(text)


@pytest.mark.parametrize(("sentence", "text", "head", "modifiers", "places"), [
    ("There are about 2,000 US troops in Syria.", "2,000", "troop", (), ("syria", "us")),
    ("Some 4,000 American soldiers are deployed in Syria.", "4,000", "troop", (),
     ("syria", "us")),
    ("The death toll from the earthquake in Nepal has risen to 2,500.", "2,500", "death", (),
     ("nepal",)),
    ("More than 300 civilians were killed in Aleppo.", "300", "death", ("civilian",),
     ("aleppo",)),
    ("The quake killed 2,012 people in Morocco.", "2,012", "death", (), ("morocco",)),
    ("Police arrested 45 people in London on Saturday.", "45", "arrest", (), ("london",)),
    ("The Maldives has gross domestic product of $660m.", "$660m", "gdp", (), ("maldives",)),
    ("Unemployment in Germany rose to 5.2 million in January.", "5.2 million", "unemployment",
     (), ("germany",)),
    ("The bridge is 2,737 metres long.", "2,737 metres", "length", ("bridge",), ()),
])
def test_subjects_are_read_and_normalised(sentence: str, text: str, head: str,
                                          modifiers: tuple[str, ...],
                                          places: tuple[str, ...]) -> None:
    found = subject(sentence, text)
    assert found is not None
    assert (found.head, found.modifiers, found.places) == (head, modifiers, places)


def test_running_totals_and_stocks() -> None:
    toll = subject("At least 1,800 people have died in the Nepal earthquake.", "1,800")
    troops = subject("There are about 2,000 US troops in Syria.", "2,000")
    assert toll is not None and troops is not None
    assert (toll.nature, troops.nature) == ("cumulative", "stock")
    assert toll.events == ("earthquake",)


@pytest.mark.parametrize(("sentence", "text"), [
    ("Profits jumped 76% to $1.13bn.", "76%"),                      # a change, not a level
    ("Sales fell by 3,000 units in Germany.", "3,000"),              # a change
    ("Troop numbers in Syria are up from 2,000 in Syria last year.", "2,000"),  # a baseline
    ("The firm may cut 5,000 jobs in France.", "5,000"),             # a forecast
    ("About 80% of UK adults own a mobile.", "80%"),                 # share of a base
    ("Will 3,000 US troops stay in Syria?", "3,000"),                # a question
    ("Elvis scored his 18th number one single in the UK.", "one"),  # a rank
])
def test_claims_that_are_not_levels_have_no_subject(sentence: str, text: str) -> None:
    assert subject(sentence, text) is None


def test_place_inside_a_name_is_part_of_the_name() -> None:
    lake = subject("Lake Chad now covers about 1,350 sq km.", "1,350 sq km")
    assert lake is not None
    assert lake.places == () and lake.entities == ("lake chad",) and lake.head == "area"


def test_agreement_needs_subject_place_and_enough_context() -> None:
    syria = subject("There are about 2,000 US troops in Syria.", "2,000")
    iraq = subject("There are about 5,200 US troops in Iraq.", "5,200")
    again = subject("Some 4,000 American soldiers are in Syria.", "4,000")
    farms_a = subject("The firm operates 13 farms in Venezuela.", "13")
    farms_b = subject("Authorities have seized 500 farms in Venezuela.", "500")
    assert syria and iraq and again and farms_a and farms_b
    assert agreement(syria, iraq) is None          # different places
    assert agreement(syria, again) == "both count troops in Syria, US"
    assert agreement(farms_a, farms_b) is None     # one place is not enough for a count


def test_synonym_table_is_editable() -> None:
    table = parse_table("[synonyms]\nboffin = scientist\n[places]\nruritania: ruritanian\n")
    claims = extract_text("There are 40 Ruritanian boffins in Ruritania.")
    (found,) = [s for _, s in subjects(claims, table)]
    assert (found.head, found.places) == ("scientist", ("ruritania",))


@pytest.mark.parametrize(("text", "message"), [
    ("boffin = scientist\n", "mine.txt:1: entry before any [section]"),
    ("[nonsense]\nx\n", "mine.txt:1: unknown section [nonsense]"),
    ("[synonyms]\n\nboffin scientist\n", "mine.txt:3: expected 'word = canonical'"),
])
def test_bad_tables_are_reported_with_their_line(text: str, message: str) -> None:
    with pytest.raises(TableError) as caught:
        parse_table(text, "mine.txt")
    assert str(caught.value).startswith(message)


def test_queries_read_like_subjects() -> None:
    query = parse_query("American soldiers in Syria")
    assert query is not None
    assert (query.head, query.places) == ("troop", ("syria", "us"))
    deaths = parse_query("people killed in Nepal")
    assert deaths is not None and deaths.head == "death"


def _item(order: int, head: str, place: str) -> Item:
    claim = extract_text("There are 5 things.")[0]
    ref = DocRef(f"d{order}.md", None, f"h{order}", order)
    return Item(ref, claim, Subject(head, (), "count", (place, "us"), ()))


def test_matching_is_not_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = agreement

    def counting(a: Subject, b: Subject) -> str | None:
        nonlocal calls
        calls += 1
        return real(a, b)

    # subject_pairs calls agreement() once per candidate pair it meets.
    monkeypatch.setattr("numcheck.matching.pairs.agreement", counting)
    # 400 documents about 200 different subjects: only documents sharing a subject meet.
    distinct = [_item(i, f"thing{i // 2}", "syria") for i in range(400)]
    assert len(list(subject_pairs(distinct))) == 200
    assert calls == 200
    # 400 documents about one subject: each meets at most max_neighbours earlier ones.
    calls = 0
    same = [_item(i, "troop", "syria") for i in range(400)]
    pairs = list(subject_pairs(same, max_neighbours=10))
    assert calls == len(pairs) <= 400 * 10
