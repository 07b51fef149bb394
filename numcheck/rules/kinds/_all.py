"""Importing this module imports every rule kind: what the worker processes' forkserver
preloads (:data:`numcheck.workers.PRELOAD`), so each worker starts with all of them."""

from numcheck.rules.kinds import import_all

import_all()
