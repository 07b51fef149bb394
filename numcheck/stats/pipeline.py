"""From a document's text to verdicts on every reported statistic, cached per text.

Several rules (inconsistency, decision error, impossible value) look at the same statistics;
extraction runs once per text and is shared through a small cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from numcheck.stats.consistency import Options, Verdict, check_all
from numcheck.stats.extract import ReportedTest, extract_tests, mentions_one_tailed


@lru_cache(maxsize=16)
def cached_tests(text: str, apa_only: bool) -> tuple[ReportedTest, ...]:
    return tuple(extract_tests(text, apa_only=apa_only))


@lru_cache(maxsize=16)
def cached_one_tailed(text: str) -> bool:
    return mentions_one_tailed(text)


def check_text(text: str, options: Options | None = None, apa_only: bool = False) -> list[Verdict]:
    """Verdicts for every test statistic in ``text``, in order of appearance."""
    return check_all(cached_tests(text, apa_only), options or Options(), cached_one_tailed(text))


def options_from_params(params: Mapping[str, object]) -> Options:
    """:class:`Options` from a rule's YAML ``params`` (unknown keys are the schema's job)."""
    defaults = Options()
    alpha = params.get("alpha", defaults.alpha)
    one_tailed = params.get("one_tailed", defaults.one_tailed)
    return Options(
        alpha=float(alpha) if isinstance(alpha, int | float) else defaults.alpha,
        p_equal_alpha_sig=bool(params.get("p_equal_alpha_sig", defaults.p_equal_alpha_sig)),
        p_zero_error=bool(params.get("p_zero_error", defaults.p_zero_error)),
        one_tailed=one_tailed if one_tailed in ("never", "text", "always") else "never",
    )
