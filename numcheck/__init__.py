"""numcheck: find the numbers in a text that cannot all be true.

Library use (no CLI needed)::

    import numcheck
    claims = numcheck.extract("It covers 25 square miles (40 km²).")
    report = numcheck.check(["It covers 25 square miles (40 km²)."])
    frame = numcheck.claims_frame(["articles/"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "claims_frame", "extract"]

if TYPE_CHECKING:
    from numcheck.api import check, claims_frame, extract


def __getattr__(name: str) -> Any:
    # Lazy: importing numcheck must stay cheap (quantulum3 takes seconds to load).
    if name in {"check", "claims_frame", "extract"}:
        from numcheck import api

        return getattr(api, name)
    raise AttributeError(name)
