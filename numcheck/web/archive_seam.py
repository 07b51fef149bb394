"""The optional seam to the claims archive (``numcheck serve --db archive.duckdb``).

The archive (:mod:`numcheck.archive`, DuckDB, ``numcheck[archive]``) is what ``numcheck index``
builds and ``numcheck check --against`` reads. The page uses it the same way: the cross-article
rule (NC201) is configured to match drafts against it, so its findings arrive in the report with
evidence in the published articles. This module adds what the page needs beyond that: a short
notice of what is compared, and the published article behind a piece of evidence (the archive
keeps claims and their sentences, not whole texts), for the page that evidence links to.

When the archive module, duckdb or the file is missing, :func:`attach` returns the configuration
unchanged and one line saying why; the page then works exactly as without ``--db``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from numcheck.findings import Evidence

if TYPE_CHECKING:
    from numcheck.config import Config


@dataclass(frozen=True)
class PublishedClaim:
    text: str
    line: int
    column: int
    #: offsets of the claim inside its sentence
    start: int
    end: int


@dataclass(frozen=True)
class PublishedSentence:
    line: int
    text: str
    claims: tuple[PublishedClaim, ...]


@dataclass(frozen=True)
class Published:
    """What the archive knows of one published article."""

    path: str
    title: str | None
    date: str | None
    sentences: tuple[PublishedSentence, ...]


@dataclass(frozen=True)
class ArchiveView:
    """Read-only look-ups in one archive file, for the page."""

    db: str

    def link(self, evidence: Evidence) -> str | None:
        """The page's address for a published article, at the evidence (relative URL)."""
        query = urlencode({"path": evidence.path, "line": evidence.line,
                           "column": evidence.column})
        return f"published?{query}#nc-here"

    def documents(self) -> int | None:
        try:
            frame = self._query("SELECT count(*) AS n FROM documents", [])
        except Exception:  # a count for a notice is not worth failing over
            return None
        return int(frame["n"].iloc[0])

    def article(self, path: str) -> Published | None:
        docs = self._query("SELECT title, date FROM documents WHERE path = ? "
                           "ORDER BY doc_key LIMIT 1", [path])
        if docs.empty:
            return None
        rows = self._query(
            "SELECT line, col, text, sentence, sentence_start, start_offset, end_offset "
            "FROM claims WHERE path = ? ORDER BY sentence_start, start_offset", [path])
        sentences: dict[int, tuple[int, str, list[PublishedClaim]]] = {}
        for row in rows.itertuples(index=False):
            start = int(row.sentence_start)
            entry = sentences.setdefault(start, (int(row.line), str(row.sentence), []))
            entry[2].append(PublishedClaim(
                str(row.text), int(row.line), int(row.col),
                int(row.start_offset) - start, int(row.end_offset) - start))
        title, date = docs.iloc[0]["title"], docs.iloc[0]["date"]
        return Published(
            path,
            str(title) if isinstance(title, str) and title else None,
            str(date) if isinstance(date, str) and date else None,
            tuple(PublishedSentence(line, text, tuple(claims))
                  for _, (line, text, claims) in sorted(sentences.items())),
        )

    def _query(self, sql: str, params: Sequence[Any]) -> Any:
        from numcheck.archive import query

        return query(self.db, sql, params)


def attach(config: Config, db: str | Path) -> tuple[Config, ArchiveView | None, str]:
    """``config`` set to match drafts against the archive ``db``, the archive, and a notice.

    On any problem: ``config`` unchanged, no archive, and the notice says why.
    """
    try:
        from numcheck.archive import with_against
    except ImportError as exc:
        missing = getattr(exc, "name", None) or str(exc)
        return config, None, (f"--db {db} is not used: archive support is missing from this "
                              f"installation ({missing})")
    try:
        configured = with_against(config, db)
    except Exception as exc:  # ArchiveError, or duckdb failing in its own way
        return config, None, f"--db {db} is not used: {exc}"
    view = ArchiveView(str(db))
    count = view.documents()
    what = ("the published articles" if count is None else
            f"{count:,} published {'article' if count == 1 else 'articles'}")
    return configured, view, f"Drafts are also compared with {what} in {Path(db).name}."
