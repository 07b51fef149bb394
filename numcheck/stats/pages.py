"""Page numbers of offsets in text extracted from paged sources (PDF).

The PDF reader records where each page starts in ``Document.meta["pages"]`` as comma-separated
character offsets ("0,1834,3920"); page *k* (1-based) starts at the *k*-th offset.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping


def page_starts(meta: Mapping[str, str]) -> tuple[int, ...]:
    raw = meta.get("pages", "")
    try:
        return tuple(int(x) for x in raw.split(",") if x.strip())
    except ValueError:
        return ()


def page_of(meta: Mapping[str, str], offset: int) -> int | None:
    """1-based page of ``offset``, or None when the document has no page map."""
    starts = page_starts(meta)
    if not starts:
        return None
    return max(bisect.bisect_right(starts, offset), 1)


def where(meta: Mapping[str, str], offset: int) -> str:
    """" (page 3)" for paged documents, "" otherwise: appended to explanations."""
    page = page_of(meta, offset)
    return f" (page {page})" if page is not None else ""
