"""Research statistics: statcheck-style p-value checks and the GRIM family, in Python.

* :func:`extract_tests` — reported t, F, r, χ², z and Q results, as written;
* :func:`check_text` — a verdict on each (error, decision error, impossible values);
* :func:`results_frame` — statcheck's results table as a pandas DataFrame
  (also :func:`summary`, :func:`trim`, :func:`p_values_frame`);
* :func:`grim`, :func:`grimmer`, :func:`debit` — granularity checks, exact arithmetic;
* :func:`find_descriptives` — means, SDs and percentages with their sample sizes in prose.

See docs/statistics.md. Names load lazily, so rule kinds importing a submodule do not pay for
pandas.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "extract_tests": "numcheck.stats.extract",
    "extract_p_values": "numcheck.stats.extract",
    "ReportedTest": "numcheck.stats.extract",
    "Options": "numcheck.stats.consistency",
    "Verdict": "numcheck.stats.consistency",
    "check_text": "numcheck.stats.pipeline",
    "results_frame": "numcheck.stats.table",
    "summary": "numcheck.stats.table",
    "trim": "numcheck.stats.table",
    "p_values_frame": "numcheck.stats.table",
    "grim": "numcheck.stats.granularity",
    "grimmer": "numcheck.stats.granularity",
    "debit": "numcheck.stats.granularity",
    "find_descriptives": "numcheck.stats.descriptives",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'numcheck.stats' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
