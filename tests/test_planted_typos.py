"""The typo generator of benchmarks/planted_typos.py: a typo is a typo (the value changes, the
way the number is written does not), and the benchmark's notion of a checked number."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from benchmarks.planted_typos import _digits_typo, _numbers, _relation_spans

_WRITTEN = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")


@st.composite
def written_numbers(draw: st.DrawFn) -> str:
    whole = draw(st.integers(min_value=1, max_value=10_000_000))
    decimals = draw(st.integers(min_value=0, max_value=3))
    grouped = draw(st.booleans())
    head = f"{whole:,}" if grouped else str(whole)
    tail = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=decimals,
                                 max_size=decimals)))
    return head + (f".{tail}" if decimals else "")


@given(written_numbers(), st.integers(min_value=0, max_value=2**32))
def test_a_typo_changes_the_value_and_keeps_the_format(number: str, seed: int) -> None:
    typo = _digits_typo(number, random.Random(seed))
    if typo is None:
        return  # no typo of the drawn kind fits this number ("5" has no two digits to swap)
    kind, new = typo
    assert kind in ("changed", "swapped", "dropped", "doubled")
    assert new != number
    assert _WRITTEN.fullmatch(new)
    assert ("," in new) == ("," in number and float(new.replace(",", "")) >= 1000)
    assert len(new.partition(".")[2]) == len(number.partition(".")[2])
    assert not (len(new.partition(".")[0]) > 1 and new.startswith("0"))


def test_a_number_held_to_a_relation_is_checked_and_a_lone_one_is_not() -> None:
    text = "The reserve covers 25 square miles (65 square kilometres). It has 300 birds."
    spans = _relation_spans(text, "t.txt", _numbers(text, "t.txt"))
    assert [text[a:b] for a, b in spans] == ["25", "65"]
