"""Realistic pairs of short articles: conflicting pairs are flagged, consistent ones stay quiet.

Each consistent pair is also checked to be *matched* (the two claims are recognised as the
same thing and judged): otherwise "no finding" would prove nothing.
"""

from __future__ import annotations

import pytest

from numcheck.matching import revision_pairs, subject_pairs
from numcheck.rules.kinds.cross_article import Settings, judge
from tests.cross.helpers import documents, findings, items, pair_paths


@pytest.mark.parametrize(
    ("pair", "later", "texts", "message"),
    [
        ("troops", "b.md", ("4,000", "2,000"), "troops (Syria, US): Some 4,000 here, but about "
                                               "2,000 in"),
        ("lake", "b.md", ("2,500 square miles", "1,350 sq km"), "area (Lake Chad)"),
        ("toll-falls", "b.md", ("1,305", "2,012"), "deaths (Morocco): 1,305 here, but 2,012"),
    ],
)
def test_conflicting_pairs_are_flagged(pair: str, later: str, texts: tuple[str, str],
                                       message: str) -> None:
    paths = pair_paths(pair)
    found = findings(documents(paths))
    assert len(found) == 1, [f.message for f in found]
    finding = found[0]
    assert finding.rule == "NC201" and finding.name == "cross.contradiction"
    assert finding.path.endswith(later)
    assert message in finding.message
    # Evidence in each document, each with its own place.
    assert [e.text for e in finding.evidence] == list(texts)
    assert {e.path for e in finding.evidence} == set(paths)
    assert all(e.line > 1 and e.column >= 1 for e in finding.evidence)
    assert "same thing:" in finding.explanation


def test_a_falling_toll_is_explained_as_a_running_total() -> None:
    (finding,) = findings(documents(pair_paths("toll-falls")))
    assert "running total may rise but not fall" in finding.explanation
    assert "2023-09-10" in finding.explanation and "2023-09-11" in finding.explanation


def test_the_same_falling_toll_read_in_reverse_date_order_is_still_flagged_at_the_later() -> None:
    docs = list(reversed(documents(pair_paths("toll-falls"))))
    (finding,) = findings(docs)
    assert finding.path.endswith("b.md")


@pytest.mark.parametrize("pair", ["toll-rises", "bridge", "rounded"])
def test_consistent_pairs_are_matched_and_stay_quiet(pair: str) -> None:
    docs = documents(pair_paths(pair))
    assert findings(docs) == []
    matched = list(subject_pairs(items(docs)))
    assert matched, f"{pair}: the two claims should be recognised as the same thing"
    assert all(judge(p, Settings()) is None for p in matched)


def test_a_rising_toll_is_consistent_but_the_same_rise_backwards_is_not() -> None:
    docs = documents(pair_paths("toll-rises"))
    assert findings(docs) == []
    # Swap the dates: 2,012 first, then 820 a day later.
    a, b = docs
    swapped = [a.__class__.from_text(a.text, a.path, {"date": "2023-09-11"}),
               b.__class__.from_text(b.text, b.path, {"date": "2023-09-10"})]
    (finding,) = findings(swapped)
    assert finding.evidence[0].text == "820"


def test_bridge_in_feet_and_metres_is_converted_not_compared_raw() -> None:
    docs = documents(pair_paths("bridge"))
    (pair,) = list(subject_pairs(items(docs)))
    assert {pair.a.claim.unit, pair.b.claim.unit} == {"foot", "meter"}


def test_currencies_are_never_compared() -> None:
    docs = documents(pair_paths("currency"))
    assert findings(docs) == []
    assert list(subject_pairs(items(docs))) == []
    assert list(revision_pairs(items(docs))) == []


def test_articles_about_different_things_are_never_matched() -> None:
    docs = documents(pair_paths("unrelated"))
    assert findings(docs) == []
    assert list(subject_pairs(items(docs))) == []
