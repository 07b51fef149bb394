"""The results cache: a document's outcome, kept under the hash of everything it depends on.

An outcome (claims, findings of the document-scope rules, problems) is a pure function of:

* the document: path, metadata, text and source map (findings carry lines and columns);
* the document-scope rules as configured: code, name, kind, level, message, parameters;
* numcheck's code and data (every file of the package) and the versions of the libraries that
  shape extraction (quantulum3, pint, inflect) and of Python.

The key is a SHA-256 over all three, so a changed document, a changed rule configuration or a
new numcheck (even an edited source file in a checkout) simply misses; nothing is ever
invalidated by hand. Outcomes cut short by the time budget, or with errors, are not stored.

Storage is one SQLite file in the user cache directory (``--cache-dir``; ``--no-cache`` skips
it). Only the parent process reads and writes it. A damaged database is moved aside and
rebuilt; a damaged entry is a miss; a locked or read-only database only disables caching for
the run. Entries unused for ``max_age_days`` are pruned when a run has written new ones.

Values are pickles: the cache directory belongs to the user, like their shell history, and is
trusted as such.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sqlite3
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar, overload

from numcheck import warm
from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.engine import CorpusFindings, DocOutcome, DocumentPlan
from numcheck.rules.base import DocumentContext, RuleSpec

__all__ = [
    "LazyClaims", "ResultCache", "code_fingerprint", "document_key", "freeze", "rules_fingerprint",
    "thaw",
]

_T = TypeVar("_T")

SCHEMA = 3  # 3: outcomes carry what corpus rules prepared on the document
_DAY = 86400.0


@cache
def code_fingerprint() -> str:
    """numcheck's code and data, and the versions of what extraction depends on."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        if path.suffix not in (".py", ".txt", ".yml", ".yaml", ".json", ".toml"):
            continue
        digest.update(str(path.relative_to(package)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    import sys

    from numcheck import __version__

    versions = [warm.version_of(name) for name in ("quantulum3", "pint", "inflect", "scipy")]
    digest.update(repr((SCHEMA, __version__, sys.version, versions)).encode())
    return digest.hexdigest()


def _canonical(value: Any) -> Any:
    """Parameters as plain, ordered data (mappings sorted by key) for hashing."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return tuple(sorted((str(k), _canonical(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_canonical(v) for v in value)
    return value


def rules_fingerprint(rules: Iterable[RuleSpec]) -> str:
    """What the rules of a plan do: identity, level, message and parameters, in order."""
    parts = [(r.code, r.name, r.kind, r.level, r.message, _canonical(r.params)) for r in rules]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def plan_fingerprint(plan: DocumentPlan) -> str:
    """The rules of a plan, and the corpus rules preparing documents with it (only the
    parameters their preparation reads, and any file those name)."""
    prepare = ""
    if plan.prepare:
        prepare = f"|{rules_fingerprint(plan.prepare)}|{_files_named(plan.prepare)!r}"
    return hashlib.sha256(
        f"{code_fingerprint()}|{rules_fingerprint(plan.rules)}{prepare}".encode()
    ).hexdigest()


def document_key(doc: Document, plan_key: str) -> str:
    """The cache key of ``doc`` checked with the plan whose fingerprint is ``plan_key``."""
    return hashlib.sha256(f"{plan_key}|{content_digest(doc)}".encode()).hexdigest()


def content_digest(doc: Document) -> str:
    """SHA-256 of everything in ``doc`` an outcome depends on: path, metadata, text, and the
    source map (findings carry lines and columns: a file whose markup moved while its text
    stayed the same must miss). Kept on the document, which is immutable, because a run asks
    twice: for its outcome and for the corpus key."""
    known: str | None = doc.__dict__.get("_numcheck_digest")
    if known is not None:
        return known
    digest = hashlib.sha256()
    meta = sorted((str(k), str(v)) for k, v in doc.meta.items())
    digest.update(repr((doc.path, meta)).encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(doc.text.encode("utf-8", "surrogatepass"))
    source = doc.source_map
    if source is not None:
        digest.update(array("q", source.line_starts).tobytes())
        if source.offsets is not None:
            digest.update(b"o")
            digest.update(array("q", source.offsets).tobytes())
    value = digest.hexdigest()
    object.__setattr__(doc, "_numcheck_digest", value)  # frozen: not a field, a memo
    return value


def _files_named(rules: Iterable[RuleSpec]) -> list[tuple[str, int, int]]:
    """Size and modification time of every file a rule parameter names (an archive for
    ``--against``, an edited subjects table): their contents are part of the answer."""
    found = []
    for rule in rules:
        for value in rule.params.values():
            if isinstance(value, str) and value and os.path.isfile(value):
                stat = os.stat(value)
                found.append((value, stat.st_size, stat.st_mtime_ns))
    return found


def corpus_key(contexts: Sequence[DocumentContext], rules: Sequence[RuleSpec]) -> str:
    """Every document, in order (claims follow from documents and code), the corpus rules
    and the files they read."""
    digest = hashlib.sha256(
        f"corpus|{code_fingerprint()}|{rules_fingerprint(rules)}".encode())
    digest.update(repr(_files_named(rules)).encode())
    for ctx in contexts:
        digest.update(content_digest(ctx.document).encode())
    return digest.hexdigest()


def cacheable(outcome: DocOutcome) -> bool:
    """Complete outcomes without errors: a failure may be transient (memory, a budget), while
    a warning (a long sentence read in pieces) follows from the text and is kept with it."""
    return outcome.complete and not any(p.severity == "error" for p in outcome.problems)


class _Pickled(Generic[_T]):
    """Pickled bytes, unpickled once, on first use."""

    def __init__(self, blob: bytes, empty: _T) -> None:
        self._blob: bytes | None = blob
        self._value = empty

    def _all(self) -> _T:
        if self._blob is not None:
            self._value = pickle.loads(self._blob)
            self._blob = None
        return self._value


class LazyClaims(_Pickled[tuple[Claim, ...]], Sequence[Claim]):
    """A document's claims as pickled bytes, unpickled only if something reads them: a
    report needs only their number, and corpus rules read them only when their own findings
    are not cached either. Unpickling 60,000 claims is a third of a cached re-check, and most
    of what a parent process does for its workers, otherwise."""

    def __init__(self, blob: bytes) -> None:
        super().__init__(blob, ())

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...
    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (self._all(),)


class LazyPrepared(_Pickled[dict[str, Any]], Mapping[str, Any]):
    """What corpus rules prepared on a document (by rule code), as pickled bytes unpickled
    only if a corpus rule reads them: not when the corpus findings come from the cache."""

    def __init__(self, blob: bytes) -> None:
        super().__init__(blob, {})

    def __getitem__(self, key: str) -> Any:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self._all(),)


_EMPTY: Mapping[str, Any] = MappingProxyType({})


def freeze(outcome: DocOutcome) -> tuple[Any, ...]:
    """An outcome as plain data with its claims and what corpus rules prepared pickled apart
    (stored, or sent by workers). The CRC covers both."""
    prepared = (pickle.dumps(dict(outcome.prepared), protocol=pickle.HIGHEST_PROTOCOL)
                if outcome.prepared else b"")
    claims = pickle.dumps(tuple(outcome.claims), protocol=pickle.HIGHEST_PROTOCOL)
    return (SCHEMA, outcome.findings, outcome.problems, outcome.complete, outcome.quantities,
            prepared, claims, zlib.crc32(claims, zlib.crc32(prepared)))


def thaw(stored: Any) -> DocOutcome | None:
    """The outcome :func:`freeze` made, its claims still packed; None if damaged."""
    if not (isinstance(stored, tuple) and len(stored) == 8 and stored[0] == SCHEMA):
        return None
    _, findings, problems, complete, quantities, prepared, claims, crc = stored
    if not (isinstance(claims, bytes) and isinstance(prepared, bytes)) or \
            zlib.crc32(claims, zlib.crc32(prepared)) != crc:
        return None  # the claims are read later: check now that they are intact
    return DocOutcome(LazyClaims(claims), findings, problems, complete, quantities,
                      LazyPrepared(prepared) if prepared else _EMPTY)


class ResultCache:
    """Outcomes by key, in an SQLite file. Every method fails soft: on any storage error the
    cache turns itself off for the rest of the run and the run goes on uncached."""

    def __init__(self, path: str | os.PathLike[str] | None = None, max_age_days: float = 30
                 ) -> None:
        self.path = Path(path) if path is not None else warm.results_path()
        self.max_age = max_age_days * _DAY
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._written = 0
        self._today = int(time.time() // _DAY)
        self.hits = 0
        self.misses = 0
        self.corpus_hits = 0

    # ------------------------------------------------------------------ connection

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        for attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS outcomes ("
                           "key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL)")
                db.execute("CREATE TABLE IF NOT EXISTS corpus ("
                           "key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL)")
                db.execute("BEGIN")
                self._db = db
                return db
            except sqlite3.DatabaseError:
                if attempt == 0 and self._set_aside():
                    continue  # a file that is not a database: start a new one
                self._broken = True
            except OSError:
                self._broken = True
        return None

    def _set_aside(self) -> bool:
        try:
            if self.path.exists():
                os.replace(self.path, self.path.with_name(self.path.name + ".corrupt"))
            for suffix in ("-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            return True
        except OSError:
            return False

    def _fail(self) -> None:
        self._broken = True
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # ------------------------------------------------------------------ entries

    def get(self, key: str) -> DocOutcome | None:
        stored = self._load("outcomes", key)
        outcome = thaw(stored) if stored is not None else None
        if outcome is None:
            if stored is not None:
                self._delete("outcomes", key)  # from another schema: recompute
            self.misses += 1
            return None
        self.hits += 1
        return outcome

    def put(self, key: str, outcome: DocOutcome) -> None:
        if cacheable(outcome):
            self._store("outcomes", key, freeze(outcome))

    def corpus(self, contexts: Sequence[DocumentContext], rules: Sequence[RuleSpec],
               compute: Callable[[], CorpusFindings]) -> CorpusFindings:
        """What the corpus-scope ``rules`` find over ``contexts``: remembered, or computed
        (and remembered when no rule failed)."""
        try:
            key = corpus_key(contexts, rules)
        except OSError:
            return compute()
        stored = self._load("corpus", key)
        if isinstance(stored, tuple) and len(stored) == 2:
            found: CorpusFindings = stored
            self.corpus_hits += 1
            self.commit()
            return found
        result = compute()
        if not result[1]:
            self._store("corpus", key, result)
        self.commit()  # this runs after the runner closed the cache for the documents
        return result

    def commit(self) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("COMMIT")
            self._db.execute("BEGIN")
        except sqlite3.DatabaseError:
            self._fail()

    def _load(self, table: str, key: str) -> Any:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute(f"SELECT value, used FROM {table} WHERE key = ?",
                             (key,)).fetchone()
        except sqlite3.DatabaseError:
            self._fail()
            return None
        if row is None:
            return None
        try:
            value = pickle.loads(row[0])
        except Exception:
            self._delete(table, key)  # damaged: a miss, and recomputed
            return None
        if row[1] != self._today:
            self._touch(table, key)
        return value

    def _store(self, table: str, key: str, value: Any) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            db.execute(f"INSERT OR REPLACE INTO {table} (key, value, used) VALUES (?, ?, ?)",
                       (key, blob, self._today))
            self._written += 1
            if self._written % 500 == 0:
                db.execute("COMMIT")  # keep transactions (and the WAL) bounded
                db.execute("BEGIN")
        except (sqlite3.DatabaseError, pickle.PicklingError):
            self._fail()

    def _touch(self, table: str, key: str) -> None:
        try:
            assert self._db is not None
            self._db.execute(f"UPDATE {table} SET used = ? WHERE key = ?", (self._today, key))
        except sqlite3.DatabaseError:
            self._fail()

    def _delete(self, table: str, key: str) -> None:
        try:
            assert self._db is not None
            self._db.execute(f"DELETE FROM {table} WHERE key = ?", (key,))
        except sqlite3.DatabaseError:
            self._fail()

    def close(self) -> None:
        """Commit, prune old entries if this run wrote any, and close."""
        db = self._db
        if db is None:
            return
        try:
            db.execute("COMMIT")
            if self._written:
                oldest = self._today - int(self.max_age // _DAY)
                for table in ("outcomes", "corpus"):
                    db.execute(f"DELETE FROM {table} WHERE used < ?", (oldest,))
            db.close()
        except sqlite3.DatabaseError:
            pass
        self._db = None

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
