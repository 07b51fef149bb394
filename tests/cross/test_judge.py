"""Judging matched claims over time, revised versions of one article, identical duplicates."""

from __future__ import annotations

import pytest

from tests.cross.helpers import doc, findings

TROOPS_A = "There are about 2,000 US troops in Syria, the Pentagon said."
TROOPS_B = "Some 4,000 American soldiers are deployed in Syria, officials said."
TOLL_A = "The earthquake in Nepal has killed 2,500 people, officials said."
TOLL_B = "The earthquake in Nepal has killed 1,800 people, officials said."


@pytest.mark.parametrize(("dates", "params", "expected"), [
    (("2019-10-14", "2019-10-15"), {}, 1),
    (("2019-01-01", "2019-03-01"), {}, 0),                        # may have changed
    (("2019-01-01", "2019-03-01"), {"window_days": 90}, 1),
    ((None, None), {}, 1),                                          # read as the same time
    ((None, None), {"undated": "skip"}, 0),
    (("2019-10-14", None), {}, 1),
])
def test_stocks_must_agree_within_the_window(dates: tuple[str | None, str | None],
                                             params: dict[str, object], expected: int) -> None:
    docs = [doc(TROOPS_A, "a.md", dates[0]), doc(TROOPS_B, "b.md", dates[1])]
    assert len(findings(docs, **params)) == expected


@pytest.mark.parametrize(("dates", "params", "expected"), [
    (("2015-04-26", "2015-04-27"), {}, 1),                        # fell a day later
    (("2015-04-27", "2015-04-26"), {}, 0),                        # rose a day later
    (("2015-04-26", "2015-04-26"), {}, 0),                        # same day: order unknown
    (("2015-04-26T09:00:00Z", "2015-04-26T15:00:00Z"), {}, 1),    # same day, times known
    ((None, None), {}, 0),                                          # undated: order unknown
    (("2014-04-26", "2015-04-27"), {}, 0),                        # beyond the window
    (("2014-04-26", "2015-04-27"), {"cumulative_window_days": 400}, 1),
])
def test_running_totals_may_rise_but_not_fall(dates: tuple[str | None, str | None],
                                              params: dict[str, object], expected: int) -> None:
    docs = [doc(TOLL_A, "a.md", dates[0]), doc(TOLL_B, "b.md", dates[1])]
    found = findings(docs, **params)
    assert len(found) == expected
    if found:
        assert found[0].path == "b.md" and "may rise but not fall" in found[0].explanation


ARTICLE = """Tech firms bet on music phones

The market for full-track music downloads was worth just $20 million (£10.5 million) in 2004,
but is set to be worth $1.8 billion (£{gbp}) by 2009, according to {source} Research.

Nearly 700 million mobile phones were sold worldwide last year, the analysts said.
"""


def test_revised_versions_are_compared_number_by_number() -> None:
    first = doc(ARTICLE.format(gbp="9.4 million", source="Jupiter"), "v1.txt")
    second = doc(ARTICLE.format(gbp="94 million", source="Juniper"), "v2.txt")
    (finding,) = findings([first, second])
    assert [e.text for e in finding.evidence] == ["£94 million", "£9.4 million"]
    assert "the same sentence in both articles" in finding.explanation


def test_identical_duplicates_never_conflict() -> None:
    text = ARTICLE.format(gbp="9.4 million", source="Jupiter")
    assert findings([doc(text, "a.txt"), doc(text, "b.txt"), doc(text, "c.txt")]) == []


def test_a_revision_that_only_rewords_is_quiet() -> None:
    first = doc("A Linux machine reached a top speed of 42.7 trillion calculations per second "
                "(teraflops) in October, IBM said.\n\nIt has 32,768 processors, said IBM.", "a")
    second = doc("A Linux machine reached a top speed of 42.7 teraflops in October, IBM said."
                 "\n\nIt has 32,768 processors, said IBM.", "b")
    assert findings([first, second]) == []


def test_revisions_can_be_switched_off() -> None:
    first = doc(ARTICLE.format(gbp="9.4 million", source="Jupiter"), "v1.txt")
    second = doc(ARTICLE.format(gbp="94 million", source="Juniper"), "v2.txt")
    assert findings([first, second], revisions=False) == []


def test_one_finding_per_claim_and_other_article() -> None:
    other = "About 2,000 US troops are in Syria, the Pentagon said on Monday."
    docs = [doc(TROOPS_A, "a.md", "2019-10-14"), doc(TROOPS_A, "b.md", "2019-10-14"),
            doc(other, "c.md", "2019-10-14"), doc(TROOPS_B, "d.md", "2019-10-15")]
    found = findings(docs)
    # d contradicts a, b and c; a and b are identical copies of one article: reported once.
    assert sorted(tuple(e.path for e in f.evidence) for f in found) == [
        ("d.md", "a.md"), ("d.md", "c.md")]


LATER = "He scored 12 goals in his first season at the club, his manager said."
TOUR = "The band will play 20 concerts across the country in March, their agent said."


def test_overlapping_claims_in_revised_sentences_are_aligned_safely() -> None:
    # "6ft 2in" and "15st 4lb" are read as several overlapping claims by the extractor.
    joined = "The striker, who is 6ft 2in and weighs 15st 4lb, joined the club in 2004 for a fee"
    first = doc(f"{joined} of £3.2m, the club said.\n\n{LATER}", "a")
    second = doc(f"{joined} of £4.5m, the club said.\n\n{LATER}", "b")
    (finding,) = findings([first, second])
    assert [e.text for e in finding.evidence] == ["£4.5m", "£3.2m"]


def test_a_hash_sign_in_the_text_is_not_mistaken_for_a_number() -> None:
    single = "The single went straight to #1 in the chart and sold {} copies in its first week"
    first = doc(single.format("120,000") + f", the label said.\n\n{TOUR}", "a")
    second = doc(single.format("150,000") + f", the label said.\n\n{TOUR}", "b")
    (finding,) = findings([first, second])
    assert [e.text for e in finding.evidence] == ["150,000", "120,000"]


ROAD = "The new road bridge over the Tay is 2,250 metres long, engineers said."
CROSSED = "Traffic crossed the {} Tay bridge for the first time on Sunday."


@pytest.mark.parametrize(("length", "expected"), [("7,382ft", 0), ("9,000ft", 1)])
def test_a_named_measure_matches_with_or_without_its_common_noun(length: str,
                                                                 expected: int) -> None:
    docs = [doc(ROAD, "a.md", "2022-05-01"), doc(CROSSED.format(length), "b.md", "2022-05-03")]
    found = findings(docs)
    assert len(found) == expected
    if found:
        assert found[0].message.startswith("length of the bridge (Tay): 9,000ft here")


def test_two_bridges_over_one_river_are_two_things() -> None:
    rail = "The rail bridge over the Tay is 3,264 metres long, engineers said."
    assert findings([doc(ROAD, "a.md", "2022-05-01"), doc(rail, "b.md", "2022-05-02")]) == []
