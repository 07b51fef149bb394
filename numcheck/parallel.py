"""Checking documents on all cores, with the results cache in front: the local runner.

:func:`local_runner` returns an engine runner (:data:`numcheck.engine.Runner`). For every
document, in input order, it asks the results cache first; the misses are checked here (one
job) or in a pool of worker processes, and the outcomes are yielded in input order whatever
order the workers finish in, so ``--jobs 4`` prints the same bytes as ``--jobs 1``.

Worker processes (``concurrent.futures.ProcessPoolExecutor``) each receive the plan once, in
the pool initializer, build the rule kinds once, and load quantulum3 and pint from the
persistent load cache (:mod:`numcheck.warm`) only when a document needs them.

Workers come from a forkserver that has imported numcheck and every rule kind once
(:mod:`numcheck.workers`: why not ``fork``, and how ``numcheck check`` starts it early). A
worker ends itself if the process that started the pool disappears without shutting it down.

The pool is only worth its start-up when there is enough work: misses are held back until
``min_pool_bytes`` of text are waiting (then the pool starts and takes them all) or the input
ends (then they are checked here). One short article never starts a pool.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial
from types import MappingProxyType
from typing import Any, Protocol

from numcheck import warm, workers
from numcheck.cache import ResultCache, document_key, freeze, plan_fingerprint, thaw
from numcheck.documents import Document, Problem
from numcheck.engine import DocOutcome, DocumentPlan, Runner
from numcheck.rules.loader import kind_class
from numcheck.workers import MIN_POOL_BYTES, default_jobs

__all__ = [
    "Handle", "PackedDocument", "default_jobs", "failed_outcome", "local_runner", "ordered", "pack",
    "unpack",
]

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


def _work(batch: list[PackedDocument]) -> list[tuple[Any, ...] | str]:
    """Check a batch of documents; each outcome frozen (claims and what corpus rules
    prepared pickled apart: the parent unpacks them only if it reads them), or the error
    that stopped it, as text (it costs that document, not the batch)."""
    assert _PLAN is not None, "worker used before its initializer ran"
    out: list[tuple[Any, ...] | str] = []
    try:
        for packed in batch:
            try:
                out.append(freeze(_PLAN.check(unpack(packed))))
            except Exception as exc:
                out.append(f"{type(exc).__name__}: {exc}")
        return out
    finally:
        warm.flush()  # workers end with os._exit, so atexit never runs there


# --------------------------------------------------------------------------- in the parent


#: Documents go to workers in batches of up to this many documents or bytes of text: one
#: task per document costs the parent a pickled call, a queue hand-off between two threads
#: and a pipe write each way, which on two cores is CPU the workers do not get.
BATCH_DOCUMENTS = 8
BATCH_BYTES = 64_000
BATCH_WAIT = 0.05


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
        # Set (under the lock) when the workers are up and take documents as they come, or
        # when the pool failed to start.
        self.up = threading.Event()
        self.broken = False
        self.waiting: list[tuple[Document, Future[DocOutcome]]] = []
        self.waiting_bytes = 0
        self.batch: list[tuple[Document, Future[DocOutcome]]] = []
        self.batch_bytes = 0
        self.lock = threading.Lock()
        # A batch begun is sent by ``due`` even if nothing fills it: one thread watches the
        # deadline for the whole run (a timer per batch started ~200 threads on the corpus).
        self.due: float | None = None
        self.wake = threading.Condition(self.lock)
        self.flusher: threading.Thread | None = None
        self.closed = False
        self.submitted: deque[tuple[int, Future[Any]]] = deque()
        self.submitted_docs = 0

    def submit(self, doc: Document) -> Handle:
        if self.jobs <= 1:
            return _ready(self._here(doc))
        future: Future[DocOutcome] = Future()
        with self.lock:
            if self.up.is_set() and not self.broken:
                self._to_batch_locked(doc, future)
                return future
            # Before the pool is up (or while it is starting) documents wait.
            self.waiting.append((doc, future))
            self.waiting_bytes += len(doc.text)
        if self.broken:
            self._check_waiting()
        elif not self.started and self.waiting_bytes >= self.min_pool_bytes:
            self._start()
        return future

    def in_flight(self) -> int:
        """Documents sent to workers and not back yet (not those still being batched)."""
        with self.lock:
            while self.submitted and self.submitted[0][1].done():
                self.submitted_docs -= self.submitted.popleft()[0]
            return self.submitted_docs

    def flush(self) -> None:
        """The input has ended: what is batched goes out, and what waits for a pool that
        never started (too little work) or that failed is checked here."""
        if self.started:
            self.up.wait()  # the workers take what waits the moment they are up
        self._send()
        self._check_waiting()

    def _check_waiting(self) -> None:
        with self.lock:
            waiting, self.waiting, self.waiting_bytes = self.waiting, [], 0
        for doc, future in waiting:
            future.set_result(self._here(doc))

    def close(self) -> None:
        with self.lock:
            pool, self.pool = self.pool, None
            self.closed = True
            self.wake.notify_all()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _here(self, doc: Document) -> DocOutcome:
        return self.plan.check(doc)

    def _start(self) -> None:
        """Start the pool; a thread waits for its workers (the forkserver imports numcheck,
        extraction and every rule kind before forking them, about 0.3 s) while this process
        goes on reading documents, which wait until the workers are up. This process checks
        none itself: that would cost it the import of every rule kind (0.3 s of CPU that the
        workers, on two cores, do not get) for a tenth of a second of checking."""
        self.started = True
        pool = self.pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=workers.context(),
            initializer=_initialise,
            initargs=(self.plan, self.cache_root, warm.enabled(), os.getpid()),
        )
        threading.Thread(target=self._bring_up, args=(pool,), daemon=True).start()
        # Meanwhile, the kinds of the corpus rules this process will run after the last
        # document (30 ms of imports taken off that serial step).
        for rule in self.plan.prepare:
            kind_class(rule.kind)

    def _bring_up(self, pool: ProcessPoolExecutor) -> None:
        """Start every worker of ``pool`` (it starts one per task it is given while none is
        idle, up to ``jobs``), then send them the documents waiting: at least one batch per
        worker, then full ones. If the pool fails, they are left to be checked here."""
        try:
            probes = [pool.submit(_nothing) for _ in range(self.jobs)]
            up = all(probe.exception() is None for probe in probes)
        except (BrokenProcessPool, RuntimeError, CancelledError):  # cancelled: closed early
            up = False
        with self.lock:
            if not up:
                self.broken = True
            else:
                waiting, self.waiting, self.waiting_bytes = self.waiting, [], 0
                size = max(1, min(BATCH_DOCUMENTS, -(-len(waiting) // self.jobs)))
                for start in range(0, len(waiting), size):
                    self.batch = waiting[start : start + size]
                    self._send_locked(here=False)
            self.up.set()

    def _to_batch_locked(self, doc: Document, target: Future[DocOutcome]) -> None:
        self.batch.append((doc, target))
        self.batch_bytes += len(doc.text)
        if len(self.batch) >= BATCH_DOCUMENTS or self.batch_bytes >= BATCH_BYTES:
            self._send_locked(here=True)
        elif len(self.batch) == 1:
            # Input may stall (a pipe, a slow disk): a batch begun is sent within
            # BATCH_WAIT seconds whether or not it fills.
            self.due = time.monotonic() + BATCH_WAIT
            if self.flusher is None:
                self.flusher = threading.Thread(target=self._send_when_due, daemon=True)
                self.flusher.start()
            else:
                self.wake.notify()

    def _send(self) -> None:
        with self.lock:
            self._send_locked(here=True)

    def _send_when_due(self) -> None:
        """The flusher thread: sends the batch begun when its deadline passes unfilled."""
        with self.wake:
            while not self.closed:
                if self.due is None:
                    self.wake.wait()
                elif (remaining := self.due - time.monotonic()) > 0:
                    self.wake.wait(remaining)
                else:
                    self._send_locked(here=False)

    def _send_locked(self, here: bool) -> None:
        """Send the batch to the pool. If the pool is broken, its documents are checked here
        (``here``: on the engine's thread; never on the flusher's, which would run rules in
        two threads at once) or fail as the documents of a dead worker do."""
        batch, self.batch, self.batch_bytes = self.batch, [], 0
        self.due = None
        if not batch:
            return
        targets = [target for _, target in batch]
        problem: BaseException = BrokenProcessPool("the worker pool is gone")
        if self.pool is not None and not self.broken:
            try:
                raw = self.pool.submit(_work, [pack(doc) for doc, _ in batch])
            except (BrokenProcessPool, RuntimeError) as exc:
                self.broken = True  # the rest is checked here
                problem = exc
            else:
                self.submitted.append((len(batch), raw))
                self.submitted_docs += len(batch)
                raw.add_done_callback(partial(_arrived, targets, bool(self.plan.prepare)))
                return
        for doc, target in batch:
            if here:
                target.set_result(self._here(doc))
            else:
                target.set_exception(problem)


def _nothing() -> None:
    """A task that only proves a worker is up (its initializer has run)."""


def _unpack(outcome: DocOutcome) -> None:
    """Unpickle an outcome's claims and prepared data now (they unpack on first use). A
    failure here must not lose the outcome: it would show again where they are read."""
    with contextlib.suppress(Exception):
        len(outcome.claims)
        len(outcome.prepared)


def _arrived(targets: list[Future[DocOutcome]], eager: bool, raw: Future[Any]) -> None:
    """A worker's answers, unfrozen into the handles the engine holds. A worker that died
    costs the documents it was sent. Claims and prepared data stay packed unless ``eager``
    (corpus rules will read them): then they are unpacked here, on the pool's thread while
    the workers run, not in the corpus step after the last document."""
    exc = raw.exception()
    answers: list[Any] = raw.result() if exc is None else []
    if exc is None and (not isinstance(answers, list) or len(answers) != len(targets)):
        exc = RuntimeError("a worker sent back a damaged batch")
    for index, target in enumerate(targets):
        if exc is not None:
            target.set_exception(exc)
            continue
        answer = answers[index]
        outcome = thaw(answer) if not isinstance(answer, str) else None
        if outcome is not None:
            if eager:
                _unpack(outcome)
            target.set_result(outcome)
        else:
            target.set_exception(RuntimeError(answer if isinstance(answer, str)
                                              else "a worker sent back a damaged outcome"))


@dataclass
class LocalRunner:
    """The runner of ``numcheck check``: results cache, then this process or a pool."""

    jobs: int = 1
    cache: ResultCache | None = None
    min_pool_bytes: int = MIN_POOL_BYTES
    window: int = 0  # misses in flight; 0: 4 batches per job
    used_pool: bool = False  # after a run: did documents go to worker processes?

    def __call__(self, docs: Iterable[Document], plan: DocumentPlan
                 ) -> Iterator[tuple[Document, DocOutcome]]:
        portable = plan.portable()
        # A plan that only this process can run (a test's extractor, a kind registered at
        # run time) is checked here, and its outcomes are never cached.
        jobs = self.jobs if portable else 1
        cache = self.cache if portable else None
        if jobs <= 1 and cache is None and plan.prepare:
            # Checked here one after another and kept nowhere: preparing gains nothing, and
            # the corpus step reading every document in one pass is cheaper than the same
            # work interleaved with extraction (0.3 s of 10 on the BBC corpus).
            plan = replace(plan, prepare=())
        root = str(warm.cache_root()) if warm.enabled() else None
        executor = LocalExecutor(plan, jobs, self.min_pool_bytes, root)
        try:
            window = self.window or 4 * jobs * BATCH_DOCUMENTS
            yield from ordered(docs, plan, executor, cache, window)
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

