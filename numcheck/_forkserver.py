"""Imported once by the worker pool's forkserver (:data:`numcheck.parallel._PRELOAD`), after
numcheck, extraction and the rule kinds: what every worker would otherwise load on its own,
loaded once and shared copy-on-write by the workers forked from it.

* quantulum3's parser from the load cache (0.3 s of CPU per process otherwise; the first
  article needing it would pay it in each worker). Only from the cache: if the tables are not
  there (a first run, another ``--cache-dir``), workers load them as before.

Nothing here may fail the forkserver: any error only leaves the work to the workers.
"""

from __future__ import annotations

import contextlib

from numcheck import warm

with contextlib.suppress(Exception):
    warm.preload_quantulum()
