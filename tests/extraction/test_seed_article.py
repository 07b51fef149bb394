"""The article numcheck was designed around: every quantity it states, nothing from its words."""

from __future__ import annotations

from numcheck.api import claims_from_paths
from tests.conftest import seed_path


def test_seed_article_claims() -> None:
    claims, problems = claims_from_paths([str(seed_path())])
    assert not problems
    quantities = [
        (c.text, c.value, c.bound, c.unit, c.quantity_of) for c in claims if c.is_quantity
    ]
    assert ("79", 79, "=", None, "member") in quantities
    assert ("99 per cent", 99, ">", "percent", "territory") in quantities
    assert ("99.5 per cent", 99.5, "=", "percent", "territory") in quantities
    assert ("5 square kilometers", 5, "<", "kilometer ** 2", None) in quantities
    assert ("2 square miles", 2, "<", "mile ** 2", None) in quantities
    assert ("four", 4, "=", None, "Americans") in quantities
    assert ("two", 2, "=", None, "service members") in quantities
    assert ("a Pentagon civilian", 1, "=", None, "Pentagon civilian") in quantities
    assert ("a US contractor", 1, "=", None, "US contractor") in quantities
    assert ("2,000", 2000, "~", None, "US troops") in quantities
    years = [(c.text, c.kind) for c in claims if c.kind == "year"]
    assert years == [("2016", "year")]
    sentences_with_claims = {c.sentence for c in claims}
    for sentence in sentences_with_claims:
        assert "no quarter" not in sentence and "a Trump goal" not in sentence
    assert not [c for c in claims if "Wednesday" in c.text or c.text.lower() in {"a", "no"}]
