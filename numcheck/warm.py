"""The persistent load cache: what loading quantulum3 and pint builds, kept between runs.

A cold ``numcheck check one.md`` used to spend most of its time building things that never
change between runs: quantulum3's unit dictionary (about 3 s, most of it importing ``inflect``,
whose ``typeguard`` decorators re-parse its own source at import), the set of unit words
quantulum3 knows, and pint's registry (0.5–1 s) behind a few dozen unit-name look-ups. This
module keeps those results in the user cache directory (``platformdirs``), so that:

* the unit-word check before quantulum3 (``might_be_unit``) reads a 25 KB word list instead of
  importing quantulum3 at all;
* pint look-ups (canonical names, dimensions, conversion factors) come from a memo, and the
  registry is built only for an expression no earlier run has seen;
* when quantulum3's parser is needed, its unit and entity tables are unpickled (40 ms instead
  of 3 s) and ``inflect`` is replaced, during quantulum3's import only, by the plural forms
  it asked for on the run that built the cache.

Every file is keyed on the versions of what built it (Python, quantulum3, inflect, pint, and
the hash of numcheck's own unit definitions), carries a checksum, and is written atomically.
A file that is missing, stale, truncated or corrupt is ignored and rebuilt: the cache can make
a run faster, never different. Set ``NUMCHECK_CACHE_DIR`` (or ``--cache-dir``) to move it and
``NUMCHECK_WARM=0`` to switch it off.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import sys
import tempfile
import threading
import types
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "PersistentMemo",
    "cache_root",
    "configure",
    "enabled",
    "flush",
    "quantulum_parser",
    "quantulum_surfaces",
    "read_blob",
    "results_path",
    "write_blob",
]

_MAGIC = b"numcheck-warm-1\n"
_root: Path | None = None
_enabled: bool | None = None


def configure(root: str | os.PathLike[str] | None = None, *, on: bool | None = None) -> None:
    """Set the cache root (``--cache-dir``) and whether the load cache is used at all."""
    global _root, _enabled
    _root = Path(root) if root is not None else None
    _enabled = on
    _MEMOS.clear()


def cache_root() -> Path:
    """``--cache-dir``, else ``$NUMCHECK_CACHE_DIR``, else the platform's user cache dir."""
    if _root is not None:
        return _root
    env = os.environ.get("NUMCHECK_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("numcheck", appauthor=False))


def results_path(root: Path | None = None) -> Path:
    """Where the results cache (:mod:`numcheck.cache`) keeps outcomes: beside this cache,
    under ``root`` if given, else under :func:`cache_root`."""
    return (root if root is not None else cache_root()) / "results.sqlite"


def enabled() -> bool:
    if _enabled is not None:
        return _enabled
    return os.environ.get("NUMCHECK_WARM", "1") not in ("0", "false", "no", "off")


@cache
def version_of(distribution: str) -> str:
    """Installed version of a distribution ('' when absent), read without importing it.

    The ``name-version.dist-info`` folder beside the package gives it in a directory
    listing; ``importlib.metadata`` (50 ms to import, every run) is the fallback.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec(distribution.lower())
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        folder = Path(spec.origin).resolve().parent.parent
        prefix = f"{distribution.lower().replace('-', '_')}-"
        try:
            found = [entry for entry in os.listdir(folder)
                     if entry.lower().startswith(prefix) and entry.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0][len(prefix) : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- blobs


def _blob_path(name: str, key: tuple[object, ...]) -> Path:
    return cache_root() / "warm" / f"{name}-{_digest(name, key, sys.version)[:20]}.pickle"


def read_blob(name: str, key: tuple[object, ...]) -> Any | None:
    """The value stored under ``name`` for ``key``; None when absent, stale or damaged."""
    if not enabled():
        return None
    path = _blob_path(name, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum_end = len(_MAGIC) + 32
    if data[: len(_MAGIC)] != _MAGIC or len(data) < checksum_end:
        _discard(path)
        return None
    payload = data[checksum_end:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : checksum_end]:
        _discard(path)  # truncated or overwritten: rebuild rather than trust it
        return None
    try:
        stored_key, value = pickle.loads(payload)
    except Exception:
        _discard(path)
        return None
    return value if stored_key == key else None


def write_blob(name: str, key: tuple[object, ...], value: Any) -> None:
    """Store ``value`` atomically; a cache that cannot be written is silently skipped."""
    if not enabled():
        return
    path = _blob_path(name, key)
    try:
        payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename: readers never see half a file, and two
        # processes writing at once leave one complete version.
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:  # older versions of the same thing
                _discard(stale)
    except Exception:
        return


def _discard(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


# --------------------------------------------------------------------------- memos

_MEMOS: dict[str, PersistentMemo] = {}


class PersistentMemo:
    """A dict of results of a pure function, loaded from the cache on first use and written
    back by :func:`flush` when it has grown. Only successful results are kept: an input that
    raised is recomputed (and raises the real exception) every time."""

    def __init__(self, name: str, key: tuple[object, ...]) -> None:
        self.name = name
        self.key = key
        self._values: dict[Hashable, Any] | None = None
        self._added = 0

    @property
    def values(self) -> dict[Hashable, Any]:
        if self._values is None:
            stored = read_blob(self.name, self.key)
            self._values = stored if isinstance(stored, dict) else {}
        return self._values

    def lookup(self, argument: Hashable, compute: Callable[[], Any]) -> Any:
        values = self.values
        try:
            return values[argument]
        except KeyError:
            pass
        result = compute()
        values[argument] = result
        self._added += 1
        return result

    def flush(self) -> None:
        if not self._added:
            return
        merged = read_blob(self.name, self.key)
        # Another process may have written meanwhile: keep its entries too.
        values = {**merged, **self.values} if isinstance(merged, dict) else self.values
        write_blob(self.name, self.key, values)
        self._values = values
        self._added = 0


def memo(name: str, key: tuple[object, ...]) -> PersistentMemo:
    """The process-wide memo called ``name`` (one per name and key)."""
    found = _MEMOS.get(name)
    if found is None or found.key != key:
        if not _MEMOS:
            # Library use has no "end of run": write what was learned when Python exits.
            # (Worker processes end with os._exit; the pool flushes after each task.)
            atexit.register(flush)
        found = _MEMOS[name] = PersistentMemo(name, key)
    return found


def flush() -> None:
    """Write every memo that learned something (end of a run, or after a worker's task)."""
    for item in list(_MEMOS.values()):
        item.flush()


# --------------------------------------------------------------------------- quantulum3


def _quantulum_key() -> tuple[object, ...]:
    return ("quantulum3", version_of("quantulum3"), version_of("inflect"))


def quantulum_surfaces() -> frozenset[str]:
    """Every unit surface and symbol quantulum3 knows (exact and lower-cased)."""
    key = _quantulum_key()
    stored = read_blob("quantulum3-surfaces", key)
    if isinstance(stored, frozenset):
        return stored
    quantulum_parser()  # builds (and stores) the tables the surfaces come from
    from quantulum3 import load

    table = load.units("en_US")
    surfaces = frozenset(table.surfaces_all) | frozenset(table.symbols_all)
    write_blob("quantulum3-surfaces", key, surfaces)
    return surfaces


_LOADING = threading.Lock()


@cache
def quantulum_parser() -> Any:
    """``quantulum3.parser``, loaded from the cached tables when they are there."""
    import warnings

    # One loader at a time: the inflect stand-in lives in sys.modules while quantulum3 is
    # imported (Dask workers run as threads in tests).
    with _LOADING, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        if "quantulum3.parser" in sys.modules or not enabled():
            from quantulum3 import parser

            return parser
        key = _quantulum_key()
        stored = read_blob("quantulum3-tables", key)
        if isinstance(stored, _Tables):
            try:
                return _parser_from(stored)
            except Exception:
                pass  # fall through: a normal (slow) load is always correct
        return _build_tables(key)


class _Tables:
    """What quantulum3 builds on load: entities, units, and the plurals it asked for."""

    def __init__(self, entities: Any, units: Any, plurals: dict[tuple[str, Any], str]) -> None:
        self.entities = entities
        self.units = units
        self.plurals = plurals


class _NumOutOfRangeError(Exception):
    pass


class _CachedEngine:
    """Stands in for ``inflect.engine()`` inside quantulum3: known plurals from the cache,
    anything else from the real inflect (imported then, and only then)."""

    def __init__(self, plurals: dict[tuple[str, Any], str]) -> None:
        self.plurals = plurals
        self._module: Any = None
        self._real: Any = None

    def real(self) -> Any:
        if self._real is None:
            with _without_shim():
                import inflect

            self._module = inflect
            self._real = inflect.engine()
        return self._real

    def plural(self, word: str, count: Any = None) -> str:
        try:
            return self.plurals[(word, count)]
        except (KeyError, TypeError):
            return str(self.real().plural(word, count))

    def number_to_words(self, number: Any) -> str:
        real = self.real()
        try:
            return str(real.number_to_words(number))
        except self._module.NumOutOfRangeError as exc:
            raise _NumOutOfRangeError(str(exc)) from exc


class _Recorder:
    """Wraps the real inflect engine while the tables are built, noting each plural."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.plurals: dict[tuple[str, Any], str] = {}

    def plural(self, word: str, count: Any = None) -> str:
        result = str(self.real.plural(word, count))
        with suppress(TypeError):
            self.plurals[(word, count)] = result
        return result

    def number_to_words(self, number: Any) -> Any:
        return self.real.number_to_words(number)


@contextmanager
def _without_shim() -> Iterator[None]:
    shim = sys.modules.get("inflect")
    if isinstance(shim, types.ModuleType) and getattr(shim, "_numcheck_shim", False):
        del sys.modules["inflect"]
        try:
            yield
        finally:
            if "inflect" not in sys.modules:
                sys.modules["inflect"] = shim
    else:
        yield


def _hash_flags(load: Any, kind: str) -> int:
    # quantulum3 keys its table caches on these flags (see quantulum3.load.units/entities);
    # the same expression here finds the same slot in this process.
    return hash((
        "en_US",
        getattr(load, f"USE_GENERAL_{kind}"),
        getattr(load, f"USE_LANGUAGE_{kind}"),
        getattr(load, f"USE_ADDITIONAL_{kind}"),
        getattr(load, f"USE_CUSTOM_{kind}"),
    ))


def _parser_from(tables: _Tables) -> Any:
    engine = _CachedEngine(tables.plurals)
    shim = types.ModuleType("inflect")
    shim.engine = lambda: engine  # type: ignore[attr-defined]
    shim.NumOutOfRangeError = _NumOutOfRangeError  # type: ignore[attr-defined]
    shim._numcheck_shim = True  # type: ignore[attr-defined]
    installed = "inflect" not in sys.modules
    if installed:
        sys.modules["inflect"] = shim
    try:
        from quantulum3 import load

        load._CACHED_ENTITIES[_hash_flags(load, "ENTITIES")] = tables.entities
        load._CACHED_UNITS[_hash_flags(load, "UNITS")] = tables.units
        from quantulum3 import parser
        from quantulum3._lang.en_US import parser as _en_parser  # noqa: F401  (imports inflect)
    finally:
        # Only quantulum3's own module keeps the stand-in; a later ``import inflect``
        # anywhere else gets the real package.
        if installed and sys.modules.get("inflect") is shim:
            del sys.modules["inflect"]
    parser.parse("warm up: 5 km at 3000 rpm")  # compiles the unit regexes
    return parser


def _build_tables(key: tuple[object, ...]) -> Any:
    from quantulum3 import load, parser
    from quantulum3._lang.en_US import load as en_load

    recorder = _Recorder(en_load.PLURALS)
    en_load.PLURALS = recorder
    try:
        load.clear_caches()  # nothing built yet normally; never keep tables we did not record
        units = load.units("en_US")
        entities = load.entities("en_US")
        parser.parse("warm up: 5 km at 3000 rpm")  # numberwords asks for a few plurals too
    finally:
        en_load.PLURALS = recorder.real
    write_blob("quantulum3-tables", key, _Tables(entities, units, dict(recorder.plurals)))
    return parser
