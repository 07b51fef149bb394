"""Checking documents on all cores, with the results cache in front: the local runner.

:func:`local_runner` returns an engine runner (:data:`numcheck.engine.Runner`). For every
document, in input order, it asks the results cache first; the misses are checked here (one
job) or in a pool of worker processes, and the outcomes are yielded in input order whatever
order the workers finish in, so ``--jobs 4`` prints the same bytes as ``--jobs 1``.

Worker processes (``concurrent.futures.ProcessPoolExecutor``) each receive the plan once, in
the pool initializer, build the rule kinds once, and load quantulum3 and pint from the
persistent load cache (:mod:`numcheck.warm`) only when a document needs them.

Start method: **forkserver** (spawn where there is none, i.e. Windows). ``fork`` would start
workers fastest, but it copies whatever threads the parent holds in whatever state they are
in: numcheck runs inside a web server's thread pool and beside a Dask client, and a worker
forked while another thread holds a lock (logging, stdio, an SQLite connection) can deadlock;
Python 3.12 warns about it and 3.14 stopped making it the default. The forkserver is a clean
single-threaded process that imports numcheck, its rule kinds and their libraries once
(``set_forkserver_preload``) and forks each worker from itself, so workers start in
milliseconds with those modules shared copy-on-write. A worker ends itself if the process
that started the pool disappears without shutting it down.

The pool is only worth its start-up when there is enough work: misses are held back until
``min_pool_bytes`` of text are waiting (then the pool starts and takes them all) or the input
ends (then they are checked here). One short article never starts a pool.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Any, Protocol

from numcheck import warm
from numcheck.cache import ResultCache, document_key, freeze, plan_fingerprint, thaw
from numcheck.documents import Document, Problem
from numcheck.engine import DocOutcome, DocumentPlan, Runner

__all__ = [
    "Handle", "PackedDocument", "default_jobs", "failed_outcome", "local_runner", "ordered", "pack",
    "unpack",
]

#: Below this much waiting text a pool costs more than it saves (about 1 s of one core);
#: ``NUMCHECK_POOL_MIN_BYTES`` overrides it (0: always use the pool when --jobs > 1).
MIN_POOL_BYTES = int(os.environ.get("NUMCHECK_POOL_MIN_BYTES", "400000"))

# What the forkserver imports once for every worker: the engine, extraction and every rule
# kind (with scipy behind the statistics rules).
_PRELOAD = ["numcheck.parallel", "numcheck.extraction", "numcheck.rules.kinds"]


def default_jobs() -> int:
    """All cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Handle(Protocol):
    """An outcome on its way: a ``concurrent.futures.Future`` or a ``distributed.Future``."""

    def done(self) -> bool: ...

    def result(self) -> Any: ...


class Executor(Protocol):
    def submit(self, doc: Document) -> Handle: ...

    def in_flight(self) -> int: ...

    def flush(self) -> None: ...


class _Ready:
    """An outcome already at hand (a cache hit, a document checked here): a Future costs a
    lock and a condition per document, which a re-check of thousands of files notices."""

    __slots__ = ("outcome",)

    def __init__(self, outcome: DocOutcome) -> None:
        self.outcome = outcome

    def done(self) -> bool:
        return True

    def result(self) -> DocOutcome:
        return self.outcome


def _ready(outcome: DocOutcome) -> _Ready:
    return _Ready(outcome)


def failed_outcome(doc: Document, exc: BaseException) -> DocOutcome:
    message = f"checking {doc.path} failed in a worker: {type(exc).__name__}: {exc}"
    return DocOutcome((), (), (Problem(doc.path, message),), complete=False)


def ordered(
    docs: Iterable[Document],
    plan: DocumentPlan,
    executor: Executor,
    cache: ResultCache | None,
    window: int,
) -> Iterator[tuple[Document, DocOutcome]]:
    """Outcomes of ``docs`` in input order: cache hits at once, misses from ``executor``.

    At most ``window`` misses are in flight beyond the first unfinished one, so memory stays
    bounded however long the input; new outcomes are stored in the cache as they are yielded.
    """
    plan_key = plan_fingerprint(plan) if cache is not None else ""
    pending: deque[tuple[Document, str | None, Handle]] = deque()

    def pop() -> tuple[Document, DocOutcome]:
        doc, key, handle = pending.popleft()
        try:
            outcome: DocOutcome = handle.result()
        except Exception as exc:  # a crashed worker costs one document, not the run
            outcome = failed_outcome(doc, exc)
        if key is not None and cache is not None:
            cache.put(key, outcome)
        return doc, outcome

    for doc in docs:
        key = document_key(doc, plan_key) if cache is not None else None
        hit = cache.get(key) if cache is not None and key is not None else None
        if hit is not None:
            pending.append((doc, None, _ready(hit)))
        else:
            pending.append((doc, key, executor.submit(doc)))
        while pending and (pending[0][2].done() or executor.in_flight() > window):
            yield pop()
    executor.flush()
    while pending:
        yield pop()


# --------------------------------------------------------------------------- in the worker

PackedDocument = tuple[str, str, dict[str, str], Any]


def pack(doc: Document) -> PackedDocument:
    """A document as plain data for another process (its metadata is a read-only mapping,
    which pickle cannot carry)."""
    return doc.path, doc.text, dict(doc.meta), doc.source_map


def unpack(packed: PackedDocument) -> Document:
    path, text, meta, source_map = packed
    return Document(path, text, MappingProxyType(meta), source_map)


_PLAN: DocumentPlan | None = None


def _initialise(plan: DocumentPlan, cache_root: str | None, warm_on: bool | None,
                parent: int) -> None:
    global _PLAN
    warm.configure(cache_root, on=warm_on)
    _PLAN = plan
    if os.name == "posix":  # os.kill(pid, 0) probes on POSIX; on Windows it would kill
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    plan.kinds()  # build the rule kinds once per worker


def _watch(parent: int) -> None:
    """End this worker when the process that started the pool is gone (killed, or ended
    without shutting the pool down): an idle worker would otherwise wait for work forever."""
    while True:
        time.sleep(2)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(3)
        except OSError:
            pass


def _work(packed: PackedDocument) -> tuple[Any, ...]:
    assert _PLAN is not None, "worker used before its initializer ran"
    try:
        # Claims travel pickled apart: the parent unpacks them only if it reads them.
        return freeze(_PLAN.check(unpack(packed)))
    finally:
        warm.flush()  # workers end with os._exit, so atexit never runs there


# --------------------------------------------------------------------------- in the parent


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class LocalExecutor:
    """Misses checked here (one job) or in a worker pool started once there is enough work."""

    def __init__(self, plan: DocumentPlan, jobs: int, min_pool_bytes: int,
                 cache_root: str | None) -> None:
        self.plan = plan
        self.jobs = jobs
        self.min_pool_bytes = min_pool_bytes
        self.cache_root = cache_root
        self.pool: ProcessPoolExecutor | None = None
        self.started = False
        self.broken = False
        self.waiting: list[tuple[Document, Future[DocOutcome]]] = []
        self.waiting_bytes = 0
        self.submitted: deque[Future[tuple[Any, ...]]] = deque()

    def submit(self, doc: Document) -> Handle:
        if self.jobs <= 1 or self.broken:
            return _ready(self._here(doc))
        if self.pool is not None:
            return self._to_pool(doc)
        future: Future[DocOutcome] = Future()
        self.waiting.append((doc, future))
        self.waiting_bytes += len(doc.text)
        if self.waiting_bytes >= self.min_pool_bytes:
            self._start()
        return future

    def in_flight(self) -> int:
        while self.submitted and self.submitted[0].done():
            self.submitted.popleft()
        return len(self.submitted)

    def flush(self) -> None:
        waiting, self.waiting = self.waiting, []
        for doc, future in waiting:  # too little work for a pool: check it here
            future.set_result(self._here(doc))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _here(self, doc: Document) -> DocOutcome:
        return self.plan.check(doc)

    def _start(self) -> None:
        self.started = True
        self.pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=_context(),
            initializer=_initialise,
            initargs=(self.plan, self.cache_root, warm.enabled(), os.getpid()),
        )
        waiting, self.waiting = self.waiting, []
        for doc, future in waiting:
            self._to_pool(doc, future)

    def _to_pool(self, doc: Document, target: Future[DocOutcome] | None = None) -> Handle:
        assert self.pool is not None
        target = target or Future()
        try:
            raw = self.pool.submit(_work, pack(doc))
        except (BrokenProcessPool, RuntimeError):
            self.broken = True  # the rest is checked here
            target.set_result(self._here(doc))
            return target
        self.submitted.append(raw)
        raw.add_done_callback(partial(_arrived, target))
        return target


def _arrived(target: Future[DocOutcome], raw: Future[tuple[Any, ...]]) -> None:
    """A worker's answer, unfrozen (claims still packed) into the handle the engine holds."""
    exc = raw.exception()
    outcome = thaw(raw.result()) if exc is None else None
    if outcome is not None:
        target.set_result(outcome)
    else:
        target.set_exception(exc or RuntimeError("a worker sent back a damaged outcome"))


@dataclass
class LocalRunner:
    """The runner of ``numcheck check``: results cache, then this process or a pool."""

    jobs: int = 1
    cache: ResultCache | None = None
    min_pool_bytes: int = MIN_POOL_BYTES
    window: int = 0  # misses in flight; 0: 4 per job
    used_pool: bool = False  # after a run: did documents go to worker processes?

    def __call__(self, docs: Iterable[Document], plan: DocumentPlan
                 ) -> Iterator[tuple[Document, DocOutcome]]:
        portable = plan.portable()
        # A plan that only this process can run (a test's extractor, a kind registered at
        # run time) is checked here, and its outcomes are never cached.
        jobs = self.jobs if portable else 1
        cache = self.cache if portable else None
        root = str(warm.cache_root()) if warm.enabled() else None
        executor = LocalExecutor(plan, jobs, self.min_pool_bytes, root)
        try:
            yield from ordered(docs, plan, executor, cache, self.window or 4 * jobs)
        finally:
            self.used_pool = executor.started
            executor.close()
            if cache is not None:
                cache.close()
            warm.flush()


def local_runner(jobs: int | None = None, cache: ResultCache | None = None,
                 min_pool_bytes: int = MIN_POOL_BYTES) -> Runner:
    """A runner over ``jobs`` processes (default: all cores) behind ``cache`` (None: none)."""
    runner: Callable[[Iterable[Document], DocumentPlan], Iterator[tuple[Document, DocOutcome]]]
    runner = LocalRunner(jobs or default_jobs(), cache, min_pool_bytes)
    return runner

