"""The library surface: what ``import numcheck`` offers without the CLI."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from numcheck.claims import Claim
from numcheck.documents import Document, Problem

if TYPE_CHECKING:
    import pandas as pd

    from numcheck.findings import Report


def extract(text: str, path: str = "<string>") -> list[Claim]:
    """Every claim in ``text`` (quantities and typed non-quantities), in text order."""
    from numcheck.extraction import extract_text

    return extract_text(text, path)


def claims_from_paths(paths: Iterable[str]) -> tuple[list[Claim], list[Problem]]:
    """Claims of every document under ``paths`` and the problems met reading them."""
    from numcheck.extraction import extract_document
    from numcheck.loading import load

    claims: list[Claim] = []
    problems: list[Problem] = []
    for loaded in load(paths):
        problems.extend(loaded.problems)
        for document in loaded.documents:
            try:
                claims.extend(extract_document(document))
            except Exception as exc:  # one bad document never stops the run
                problems.append(
                    Problem(document.path, f"extraction failed: {type(exc).__name__}: {exc}")
                )
    return claims, problems


def claims_frame(paths_or_claims: Iterable[str] | Sequence[Claim]) -> pd.DataFrame:
    """The claims table as a pandas DataFrame (one row per claim, columns as in ``extract``)."""
    from numcheck.report.claims_table import frame

    items = list(paths_or_claims)
    if items and isinstance(items[0], Claim):
        return frame([c for c in items if isinstance(c, Claim)])
    claims, _ = claims_from_paths([str(p) for p in items])
    return frame(claims)


def check(texts: Iterable[str | Document], date: str | None = None) -> Report:
    """Check texts (or documents) with the shipped rules; returns the report."""
    from numcheck.engine import check_documents

    documents = [
        t if isinstance(t, Document)
        else Document.from_text(t, f"<text {i + 1}>", {"date": date} if date else None)
        for i, t in enumerate(texts)
    ]
    return check_documents(documents)
