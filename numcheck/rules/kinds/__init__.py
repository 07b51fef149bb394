"""One module per rule kind, each registering its kind when imported.

Sibling modules are found with :mod:`pkgutil`, so adding ``numcheck/rules/kinds/<kind>.py``
(a class decorated with :func:`numcheck.rules.base.register`) is all it takes for YAML packs to
use the kind: there is no shared list to edit. Modules whose name starts with ``_`` are private
helpers and are not imported here.

Importing this package imports no kind: :func:`import_all` does (the pack loader calls it
through :func:`numcheck.rules.loader.kinds_available`), and :func:`import_kind` imports only the
module named after one kind (``cross-article`` → ``cross_article.py``), falling back to all of
them. A process that only joins what worker processes prepared (the corpus step of ``--jobs
2``) then imports one kind's module, not the regular expressions of all ten (0.3 s).

A kind module that fails to import does not break the others: the error is kept in
:data:`IMPORT_ERRORS`, and the pack loader names the module and the exception when a rule asks
for the missing kind (a clear pack error instead of a traceback from an unrelated import;
packs that do not use the kind load normally).
"""

from __future__ import annotations

import importlib
import pkgutil

__all__ = ["IMPORT_ERRORS", "import_all", "import_kind"]

#: module name → "ExceptionType: message" for kind modules that failed to import.
IMPORT_ERRORS: dict[str, str] = {}

_imported_all = False


def _import(name: str) -> None:
    try:
        importlib.import_module(f"{__name__}.{name}")
    except Exception as exc:  # one broken kind must not disable every other rule
        IMPORT_ERRORS[name] = f"{type(exc).__name__}: {exc}"


def import_all() -> None:
    """Import (and so register) every kind module; the second call does nothing."""
    global _imported_all
    if _imported_all:
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            _import(info.name)
    _imported_all = True


def import_kind(kind: str) -> None:
    """Import the module that registers ``kind``: the one named after it (the convention of
    every shipped kind), or all of them if that one does not."""
    from numcheck.rules.base import KINDS

    name = kind.replace("-", "_")
    if not name.startswith("_") and any(info.name == name
                                        for info in pkgutil.iter_modules(__path__)):
        _import(name)
    if kind not in KINDS:
        import_all()
