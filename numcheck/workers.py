"""Where the worker processes of ``--jobs N`` come from, and starting that early.

Start method: **forkserver** (spawn where there is none, i.e. Windows). ``fork`` would start
workers fastest, but it copies whatever threads the parent holds in whatever state they are
in: numcheck runs inside a web server's thread pool and beside a Dask client, and a worker
forked while another thread holds a lock (logging, stdio, an SQLite connection) can deadlock;
Python 3.12 warns about it and 3.14 stopped making it the default. The forkserver is a clean
single-threaded process that imports numcheck, extraction and every rule kind once
(:data:`PRELOAD`) and forks each worker from itself, so workers start in milliseconds with
those modules shared copy-on-write.

Those imports take the forkserver about 0.3 s. ``numcheck check`` spends its first tenth of a
second importing its own modules before it reads a document, so when the inputs are large
enough for a pool it starts the forkserver first (:func:`start_early`): the two overlap on two
cores instead of following each other. This module imports nothing heavy for that reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

__all__ = ["MIN_POOL_BYTES", "PRELOAD", "context", "default_jobs", "inputs_reach", "start_early"]

#: Below this much waiting text a pool costs more than it saves (about 1 s of one core);
#: ``NUMCHECK_POOL_MIN_BYTES`` overrides it (0: always use the pool when --jobs > 1).
MIN_POOL_BYTES = int(os.environ.get("NUMCHECK_POOL_MIN_BYTES", "400000"))

# What the forkserver imports once for every worker: the engine, extraction and every rule
# kind. Not quantulum3's parser (0.3 s to load even from the load cache): news text rarely
# needs it (no sentence of the 1,714 BBC articles does), and a worker that meets a unit only
# quantulum3 knows loads it then, while the other keeps working.
PRELOAD = ["numcheck.parallel", "numcheck.extraction", "numcheck.rules.kinds._all"]


def default_jobs() -> int:
    """All cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def context() -> Any:
    """The multiprocessing context worker pools are made with."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


#: At most this many folder entries are looked at for the hint (a tree of tiny files).
MAX_ENTRIES = 100_000


def inputs_reach(paths: Iterable[str], size: int) -> bool:
    """True when the documents under ``paths`` hold at least ``size`` bytes, by the sizes
    the file system gives (folders walked as the loader walks them, stopping as soon as the
    sum is reached; linked folders are not entered, so a link loop ends the walk). Standard
    input and unreadable paths count nothing: this is a hint, the loader reports errors."""
    from numcheck.readers import SUFFIXES

    total = 0
    looked = 0
    stack = [path for path in reversed(list(paths)) if path != "-"]
    while stack and looked < MAX_ENTRIES:
        path = stack.pop()
        try:
            if os.path.isdir(path):
                with os.scandir(path) as entries:
                    for entry in entries:
                        looked += 1
                        if entry.name.startswith("."):
                            continue
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        elif os.path.splitext(entry.name)[1].lower() in SUFFIXES:
                            total += entry.stat().st_size
            else:
                total += os.stat(path).st_size
        except OSError:
            continue
        if total >= size:
            return True
    return total >= size


def start_early(paths: Iterable[str], jobs: int | None, min_pool_bytes: int) -> bool:
    """Start the forkserver now if a run over ``paths`` with ``jobs`` workers will likely
    want a pool (enough text for one: the pool itself still starts only once that much
    text is waiting unchecked). Costs this process about 5 ms; a forkserver left unused
    ends with it. True when it was started."""
    if (jobs or default_jobs()) <= 1 or not inputs_reach(paths, min_pool_bytes):
        return False
    if context().get_start_method() != "forkserver":  # (context sets the preload list)
        return False
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return True
