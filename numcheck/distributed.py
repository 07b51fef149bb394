"""The Dask engine (``numcheck check --engine dask [--scheduler ADDRESS]``).

The same engine as a local run, with the document-scope work on a ``dask.distributed``
cluster: the client (this process) reads the documents, asks the results cache, and sends the
misses in batches of ``batch_size`` to the workers, where :func:`check_batch` extracts claims
and runs the document-scope rules. The plan (rules, budget) is scattered to every worker once;
each worker builds the rule kinds once per plan. Outcomes come back in input order
(:func:`numcheck.parallel.ordered`), so the engine then gathers them exactly as it does
locally: corpus-scope rules (cross-article) run in the client over every document's claims
after the document-scope results are in, and ``--claims-out`` writes the same Parquet parts.
The report is byte-for-byte the local engine's.

Without ``--scheduler`` a ``LocalCluster`` (one single-threaded worker process per core) is
started for the run and closed after it. Workers need numcheck installed (the code is not
shipped with the tasks); they use their own user cache directory for the load cache.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from numcheck import warm
from numcheck.cache import ResultCache, freeze, thaw
from numcheck.documents import Document
from numcheck.engine import DocOutcome, DocumentPlan, serial_runner
from numcheck.parallel import (
    Handle,
    PackedDocument,
    default_jobs,
    failed_outcome,
    ordered,
    pack,
    unpack,
)

__all__ = ["DaskEngineError", "DaskRunner", "check_batch"]

BATCH_SIZE = 16
CONNECT_TIMEOUT = "10s"


class DaskEngineError(RuntimeError):
    """The cluster cannot be reached or started; ``str()`` is the one-line message."""


def check_batch(plan: DocumentPlan, packed: list[PackedDocument]) -> list[tuple[Any, ...]]:
    """Runs on a worker: check a batch of documents with the (scattered) plan. Outcomes go
    back frozen (claims pickled apart), as from a local worker."""
    try:
        return [freeze(plan.check(unpack(item))) for item in packed]
    finally:
        warm.flush()


class _Batch:
    """One task's result, fetched from the cluster once for all its documents."""

    def __init__(self, future: Any, docs: list[Document]) -> None:
        self.future = future
        self.docs = docs
        self._value: list[DocOutcome] | None = None

    def done(self) -> bool:
        return self._value is not None or bool(self.future.done())

    def value(self) -> list[DocOutcome]:
        if self._value is None:
            try:
                thawed = [thaw(item) for item in self.future.result()]
                self._value = [outcome if outcome is not None
                               else failed_outcome(doc, RuntimeError("damaged outcome"))
                               for doc, outcome in zip(self.docs, thawed, strict=True)]
            except Exception as exc:
                self._value = [failed_outcome(doc, exc) for doc in self.docs]
            self.future = None  # let the cluster forget it
        return self._value


class _Item:
    def __init__(self, batch: _Batch | None, index: int) -> None:
        self.batch = batch
        self.index = index

    def done(self) -> bool:
        return self.batch is not None and self.batch.done()

    def result(self) -> DocOutcome:
        assert self.batch is not None, "result() of a document whose batch was never sent"
        return self.batch.value()[self.index]


class DaskExecutor:
    def __init__(self, client: Any, plan: Any, batch_size: int) -> None:
        self.client = client
        self.plan = plan  # a future of the scattered plan
        self.batch_size = batch_size
        self.docs: list[Document] = []
        self.items: list[_Item] = []
        self.sent: list[_Batch] = []

    def submit(self, doc: Document) -> Handle:
        item = _Item(None, len(self.docs))
        self.docs.append(doc)
        self.items.append(item)
        if len(self.docs) >= self.batch_size:
            self.flush()
        return item

    def in_flight(self) -> int:
        self.sent = [b for b in self.sent if not b.done()]
        return sum(len(b.docs) for b in self.sent)

    def flush(self) -> None:
        if not self.docs:
            return
        future = self.client.submit(check_batch, self.plan, [pack(d) for d in self.docs],
                                    pure=False)
        batch = _Batch(future, self.docs)
        for item in self.items:
            item.batch = batch
        self.sent.append(batch)
        self.docs, self.items = [], []


@dataclass
class DaskRunner:
    """A runner on a Dask cluster: ``scheduler`` is its address, or None for a LocalCluster
    of ``workers`` processes (``processes=False``: threads in this process, for tests)."""

    scheduler: str | None = None
    cache: ResultCache | None = None
    workers: int | None = None
    processes: bool = True
    batch_size: int = BATCH_SIZE
    cluster_options: dict[str, Any] = field(default_factory=dict)

    def __call__(self, docs: Iterable[Document], plan: DocumentPlan
                 ) -> Iterator[tuple[Document, DocOutcome]]:
        if not plan.portable():
            # A test's extractor or a kind registered at run time exists only here.
            yield from serial_runner(docs, plan)
            return
        client, cluster = self._connect()
        try:
            scattered = client.scatter(plan, broadcast=True, hash=False)
            executor = DaskExecutor(client, scattered, self.batch_size)
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            window = 4 * self.batch_size * workers
            yield from ordered(docs, plan, executor, self.cache, window)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            if self.cache is not None:
                self.cache.close()
            warm.flush()

    def _connect(self) -> tuple[Any, Any]:
        import distributed

        # distributed is only partly typed; the two constructors are used as documented.
        Client: Any = distributed.Client
        LocalCluster: Any = distributed.LocalCluster
        if self.scheduler:
            try:
                return Client(self.scheduler, timeout=CONNECT_TIMEOUT), None
            except (OSError, TimeoutError, ValueError) as exc:
                raise DaskEngineError(f"cannot reach the Dask scheduler at {self.scheduler}: "
                                      f"{exc}") from exc
        options: dict[str, Any] = {
            "n_workers": self.workers or default_jobs(),
            "threads_per_worker": 1,
            "processes": self.processes,
            "dashboard_address": None,
            "silence_logs": logging.ERROR,
        }
        options.update(self.cluster_options)
        cluster = LocalCluster(**options)
        return Client(cluster), cluster
