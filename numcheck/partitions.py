"""Claims as partitioned Parquet (``numcheck check --claims-out DIR``).

Every part holds the claims of ``docs_per_part`` consecutive documents, in input order:
``part-00000.parquet``, ``part-00001.parquet``… so ``pandas.read_parquet(DIR)`` (or DuckDB,
Spark, Dask) reads the whole table back in document order. Columns are those of
``numcheck extract`` with a fixed Arrow schema, so a part whose documents hold no claims, or
only counts without units, still has the same column types as the others.

Parts are written by whichever process consumes the outcomes in order (the parent of a local
run, the client of a Dask run), so both engines write the same files and the folder need not
be shared with the workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.engine import DocOutcome, DocumentPlan, Runner
from numcheck.report.claims_table import COLUMNS, rows

__all__ = ["DOCS_PER_PART", "ClaimsParts", "schema", "tee"]

DOCS_PER_PART = 256

_TYPES = {
    "line": "int64", "column": "int64", "start": "int64", "end": "int64",
    "value": "float64", "low": "float64", "high": "float64", "upper": "float64",
    "step": "float64", "low_closed": "bool", "high_closed": "bool",
}


def schema() -> Any:
    import pyarrow as pa

    kinds = {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, kinds.get(_TYPES.get(name, ""), pa.string())) for name in COLUMNS])


class ClaimsParts:
    """Collects each document's claims and writes a part every ``docs_per_part`` documents."""

    def __init__(self, folder: str | Path, docs_per_part: int = DOCS_PER_PART) -> None:
        self.folder = Path(folder)
        self.docs_per_part = max(1, docs_per_part)
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("part-*.parquet"):
            old.unlink()  # parts of an earlier, longer run would mix with this one
        self._claims: list[Claim] = []
        self._docs = 0
        self.parts = 0

    def add(self, claims: Sequence[Claim]) -> None:
        """The claims of the next document (possibly none)."""
        self._claims.extend(claims)
        self._docs += 1
        if self._docs >= self.docs_per_part:
            self._write()

    def close(self) -> None:
        if self._docs or not self.parts:
            self._write()  # the last part; an empty run still leaves one (empty) part

    def _write(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows(self._claims), schema=schema())
        path = self.folder / f"part-{self.parts:05d}.parquet"
        pq.write_table(table, path)
        self.parts += 1
        self._claims = []
        self._docs = 0


def tee(runner: Runner, parts: ClaimsParts) -> Runner:
    """``runner``, writing each document's claims to ``parts`` as the outcomes go by."""

    def run(docs: Iterable[Document], plan: DocumentPlan
            ) -> Iterator[tuple[Document, DocOutcome]]:
        try:
            for doc, outcome in runner(docs, plan):
                parts.add(outcome.claims)
                yield doc, outcome
        finally:
            parts.close()

    return run
