"""The local runner: worker processes give the same bytes as one job, in input order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from numcheck.claims import Claim
from numcheck.config import Config
from numcheck.documents import Document
from numcheck.engine import DocOutcome, DocumentPlan, run_paths
from numcheck.parallel import LocalRunner, ordered
from tests.scale.conftest import as_json


def test_two_jobs_give_byte_identical_json_to_one_job(corpus: list[str]) -> None:
    serial = run_paths(corpus, Config(), runner=LocalRunner(jobs=1))
    pooled_runner = LocalRunner(jobs=2, min_pool_bytes=0)
    pooled = run_paths(corpus, Config(), runner=pooled_runner)

    assert pooled_runner.used_pool  # the documents really went to worker processes
    assert {f.rule for f in serial.report.findings} >= {"NC101", "NC102", "NC103", "NC201"}
    assert as_json(pooled) == as_json(serial)
    assert [d.path for d in pooled.report.documents] == corpus  # input order


def test_small_inputs_never_start_a_pool(corpus: list[str]) -> None:
    runner = LocalRunner(jobs=2)  # default threshold: far more text than this corpus
    run_paths(corpus[:3], Config(), runner=runner)
    assert not runner.used_pool


def _no_claims(doc: Document) -> Sequence[Claim]:
    return ()


def test_a_plan_only_this_process_can_run_stays_here(corpus: list[str]) -> None:
    # A test's extractor does not exist in a fresh worker process: no pool, same answer.
    runner = LocalRunner(jobs=2, min_pool_bytes=0)
    run = run_paths(corpus, Config(), runner=runner, extractor=_no_claims)
    assert not runner.used_pool
    assert all(d.claims == 0 for d in run.report.documents)


class _Reversed:
    """An executor whose work finishes last-submitted-first, like a slow first document."""

    def __init__(self, fail: str | None = None) -> None:
        self.futures: list[tuple[Document, Future[DocOutcome]]] = []
        self.fail = fail

    def submit(self, doc: Document) -> Future[DocOutcome]:
        future: Future[DocOutcome] = Future()
        self.futures.append((doc, future))
        return future

    def in_flight(self) -> int:
        return sum(1 for _, f in self.futures if not f.done())

    def flush(self) -> None:
        for doc, future in reversed(self.futures):
            if doc.path == self.fail:
                future.set_exception(RuntimeError("worker died"))
            else:
                future.set_result(DocOutcome((), (), ()))


def _docs(n: int) -> Iterator[Document]:
    for i in range(n):
        yield Document.from_text(f"text {i}", f"d{i}.md")


def test_outcomes_come_back_in_input_order_whatever_finishes_first() -> None:
    plan = DocumentPlan(())
    paths = [doc.path for doc, _ in ordered(_docs(6), plan, _Reversed(), None, window=100)]
    assert paths == [f"d{i}.md" for i in range(6)]


def test_a_failed_worker_costs_one_document_not_the_run() -> None:
    plan = DocumentPlan(())
    results = list(ordered(_docs(3), plan, _Reversed(fail="d1.md"), None, window=100))
    assert [doc.path for doc, _ in results] == ["d0.md", "d1.md", "d2.md"]
    problems = [p for _, outcome in results for p in outcome.problems]
    assert len(problems) == 1
    assert problems[0].path == "d1.md" and "worker died" in problems[0].message
    assert problems[0].severity == "error"


def test_cli_jobs_one_and_two_print_the_same_bytes(corpus: list[str], tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "NUMCHECK_POOL_MIN_BYTES": "0"}
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "numcheck", "check", "--format", "json", "--no-cache",
             "--jobs", jobs, *corpus],
            capture_output=True, env=env, cwd=tmp_path, check=False,
        )
        assert done.returncode == 1, done.stderr.decode()  # findings at warning or above
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert b'"NC201"' in outputs[0]


_ABANDON = """
import os, sys, time
from numcheck.config import Config
from numcheck.documents import Document
from numcheck.engine import run_documents
from numcheck.parallel import LocalRunner

def docs():
    for i in range(4):
        yield Document.from_text(f"It rose {i}% to 5 km.", f"d{i}.md")
    print("ready", flush=True)
    time.sleep(600)  # the input stalls; the pool is up and idle

if __name__ == "__main__":
    run_documents(docs(), runner=LocalRunner(jobs=2, min_pool_bytes=0))
"""


def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    import pytest

    psutil = pytest.importorskip("psutil")
    script = tmp_path / "abandon.py"
    script.write_text(_ABANDON, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == b"ready"
        deadline = time.monotonic() + 30
        workers: list[Any] = []
        while time.monotonic() < deadline and len(workers) < 2:
            tree = psutil.Process(parent.pid).children(recursive=True)
            workers = [p for p in tree if "forkserver" in " ".join(p.cmdline())
                       and p.ppid() != parent.pid]
            time.sleep(0.2)
        assert len(workers) == 2
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def test_a_batch_begun_is_sent_when_the_input_stalls() -> None:
    # Input may stall (a pipe, a slow disk): a document waiting in a batch that nothing else
    # fills must still reach a worker, without the engine flushing.
    from numcheck.parallel import LocalExecutor

    executor = LocalExecutor(DocumentPlan(()), jobs=2, min_pool_bytes=0, cache_root=None)
    try:
        # The first document starts the pool and goes to the first worker up ...
        executor.submit(Document.from_text("It rose 5% to 5 km.", "a.md")).result()
        # ... the second waits alone in a batch, and no third comes.
        waiting = executor.submit(Document.from_text("It fell by 3 km.", "b.md"))
        outcome = waiting.result(timeout=60)
        assert outcome.complete and len(outcome.claims) == 1
        assert executor.pool is not None  # it was a worker's answer
    finally:
        executor.close()


_KINDS_IMPORTED = """
import sys
from numcheck.config import Config
from numcheck.engine import run_paths
from numcheck.parallel import LocalRunner

if __name__ == "__main__":
    runner = LocalRunner(jobs=2, min_pool_bytes=0)
    run = run_paths(sys.argv[1:], Config(), runner=runner)
    assert runner.used_pool and any(f.rule == "NC201" for f in run.report.findings)
    print(" ".join(sorted(name.rpartition(".")[2] for name in sys.modules
                          if name.startswith("numcheck.rules.kinds.")
                          and not name.rpartition(".")[2].startswith("_"))))
"""


def test_with_workers_this_process_imports_only_the_corpus_rules_kinds(
        corpus: list[str], tmp_path: Path) -> None:
    # The workers check the documents; this process only joins what they prepared for the
    # corpus rule (NC201). Importing every kind here as well would cost 0.3 s of CPU that
    # the workers do not get. (The first run in a new load cache imports them all to learn
    # which rules are corpus rules; later runs remember.)
    import os
    import subprocess
    import sys

    script = tmp_path / "kinds_imported.py"
    script.write_text(_KINDS_IMPORTED, encoding="utf-8")
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    imported = []
    for _ in range(2):
        done = subprocess.run([sys.executable, str(script), *corpus], capture_output=True,
                              text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr
        imported.append(done.stdout.split())
    assert "stats" in imported[0]
    assert imported[1] == ["cross_article"]
