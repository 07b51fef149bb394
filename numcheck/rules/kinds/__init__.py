"""One module per rule kind; importing this package registers them all.

Sibling modules are found with :mod:`pkgutil`, so adding ``numcheck/rules/kinds/<kind>.py``
(a class decorated with :func:`numcheck.rules.base.register`) is all it takes for YAML packs to
use the kind: there is no shared list to edit. Modules whose name starts with ``_`` are private
helpers and are not imported here.

A kind module that fails to import does not break ``import numcheck.rules.kinds``: the error is
kept in :data:`IMPORT_ERRORS`, and the pack loader names the module and the exception when a
rule asks for the missing kind (a clear pack error instead of a traceback from an unrelated
import; packs that do not use the kind load normally).
"""

from __future__ import annotations

import importlib
import pkgutil

#: module name → "ExceptionType: message" for kind modules that failed to import.
IMPORT_ERRORS: dict[str, str] = {}


def _import_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        try:
            importlib.import_module(f"{__name__}.{info.name}")
        except Exception as exc:  # one broken kind must not disable every other rule
            IMPORT_ERRORS[info.name] = f"{type(exc).__name__}: {exc}"


_import_all()
