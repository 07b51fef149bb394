"""The claims archive: documents and claims in one embedded DuckDB file.

``numcheck index CORPUS --db archive.duckdb`` fills it; ``numcheck check draft.md --against
archive.duckdb`` matches a draft against everything in it (rule NC201); the claims table can
be queried with SQL or loaded as a pandas DataFrame::

    from numcheck.archive import claims_frame, query
    claims_frame("archive.duckdb", "kind = 'money' AND unit = 'GBP'")
    query("archive.duckdb", "SELECT subject_head, count(*) FROM claims GROUP BY 1")

Tables (one row per …):

* ``files``: file indexed — path, content hash (sha256 of the bytes), documents, when;
* ``documents``: document — ``doc_key`` (path, or ``path#id`` in multi-document files), path,
  id, text hash, title, date, number of claims;
* ``claims``: claim — every column of :class:`numcheck.claims.Claim`, the sentence hash, and
  the matching subject (``subject_head``, ``subject_modifiers``, ``unit_class``, ``places``,
  ``entities``, ``events``, ``period``, ``nature``; NULL/empty for claims without one);
* ``claim_keys``: blocking key of a claim (:meth:`numcheck.matching.Subject.blocking_keys`)
  with a copy of the claim's row, so that lookups by key never scan ``claims``.

Indexing is incremental and safe to interrupt: a file whose bytes are unchanged is skipped;
a changed file's rows are replaced; every batch of files is written in one transaction
together with its ``files`` rows, so a killed run keeps what it committed and the next run
resumes with the files it had not reached. Worker processes extract claims; only the parent
writes to the database. duckdb is imported lazily: numcheck's core never needs it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from numcheck.claims import Claim
from numcheck.documents import Document, Problem
from numcheck.matching import (
    DocRef,
    Item,
    Subject,
    Table,
    items_of,
    parse_when,
    sentence_hash,
    text_hash,
    words_in,
)

if TYPE_CHECKING:
    import pandas as pd

    from numcheck.config import Config

SCHEMA_VERSION = "3"
BATCH_FILES = 200
#: DuckDB's own memory cap while indexing and querying (the process stays well under 2 GB).
MEMORY_LIMIT = "1GB"

_LIST = "VARCHAR[]"
CLAIM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_key", "VARCHAR"), ("doc_no", "BIGINT"), ("ord", "INTEGER"), ("path", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("line", "INTEGER"), ("col", "INTEGER"), ("start_offset", "INTEGER"),
    ("end_offset", "INTEGER"), ("text", "VARCHAR"), ("value", "DOUBLE"), ("low", "DOUBLE"),
    ("high", "DOUBLE"), ("low_closed", "BOOLEAN"), ("high_closed", "BOOLEAN"),
    ("bound", "VARCHAR"), ("unit", "VARCHAR"), ("kind", "VARCHAR"), ("quantity_of", "VARCHAR"),
    ("change", "VARCHAR"), ("step", "DOUBLE"), ("upper", "DOUBLE"), ("sentence", "VARCHAR"),
    ("sentence_start", "INTEGER"), ("doc_date", "VARCHAR"), ("sentence_hash", "VARCHAR"),
    ("subject_head", "VARCHAR"), ("subject_modifiers", _LIST), ("unit_class", "VARCHAR"),
    ("places", _LIST), ("entities", _LIST), ("events", _LIST), ("period", _LIST),
    ("nature", "VARCHAR"), ("generic", "BOOLEAN"), ("counted", "BOOLEAN"),
)

_DDL = (
    "CREATE TABLE IF NOT EXISTS numcheck_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS files (path VARCHAR PRIMARY KEY, file_hash VARCHAR, "
    "size BIGINT, documents INTEGER, indexed_at TIMESTAMP DEFAULT current_timestamp)",
    # doc_no numbers documents in the order they were written: claims of one document are
    # stored together, so a lookup by doc_no reads only the row groups that hold them.
    "CREATE TABLE IF NOT EXISTS documents (doc_key VARCHAR, doc_no BIGINT, path VARCHAR, "
    "doc_id VARCHAR, "
    "text_hash VARCHAR, title VARCHAR, date VARCHAR, claims INTEGER)",
    "CREATE TABLE IF NOT EXISTS claims ("
    + ", ".join(f"{name} {kind}" for name, kind in CLAIM_COLUMNS) + ")",
    # A claim with a subject is copied once per blocking key, so that `--against` reads the
    # candidates of a key from this table alone (no scan of ``claims``).
    "CREATE TABLE IF NOT EXISTS claim_keys (key VARCHAR, "
    + ", ".join(f"{name} {kind}" for name, kind in CLAIM_COLUMNS) + ")",
)


class ArchiveError(RuntimeError):
    """The archive cannot be opened or used (one line for the user)."""


# --------------------------------------------------------------------------- connection


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ArchiveError("the archive needs duckdb: pip install 'numcheck[archive]'") from exc
    return duckdb


@contextmanager
def connect(db: str | Path, *, read_only: bool = False) -> Iterator[Any]:
    """A DuckDB connection to ``db`` with the schema in place (created if missing)."""
    duckdb = _duckdb()
    if read_only and not Path(db).exists():
        raise ArchiveError(f"{db}: no such archive (create it with numcheck index)")
    if not read_only:
        _create(duckdb, Path(db))
    try:
        con = duckdb.connect(str(db), read_only=read_only)
    except Exception as exc:
        raise ArchiveError(f"{db}: cannot open archive: {exc}") from None
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        if not read_only:
            tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
            if tables:
                _check_schema(con, db)  # never write new rows into an old layout
            for statement in _DDL:
                con.execute(statement)
            con.execute("INSERT OR REPLACE INTO numcheck_meta VALUES ('schema', ?)",
                        [SCHEMA_VERSION])
        else:
            _check_schema(con, db)
        yield con
    finally:
        con.close()


def _create(duckdb: Any, db: Path) -> None:
    """Create ``db`` whole or not at all.

    DuckDB creates its file empty and writes the headers after: a run killed in between left
    a 0-byte file that no later run could open ("not a valid DuckDB database file"). The new
    archive is built beside it and linked into place complete; ``os.link`` fails if another
    run got there first, so two runs creating one archive never replace each other's file.
    An empty file (only an interrupted creation leaves one) is replaced.
    """
    try:
        if db.stat().st_size > 0:
            return
        db.unlink()  # 0 bytes: no archive was ever written into it
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise ArchiveError(f"{db}: cannot open archive: {exc.strerror or exc}") from None
    temporary = db.with_name(f".{db.name}.{os.getpid()}.new")
    try:
        con = duckdb.connect(str(temporary))
        try:
            for statement in _DDL:
                con.execute(statement)
            con.execute("INSERT OR REPLACE INTO numcheck_meta VALUES ('schema', ?)",
                        [SCHEMA_VERSION])
        finally:
            con.close()
        with contextlib.suppress(FileExistsError):  # another run created it: use theirs
            os.link(temporary, db)
    except ArchiveError:
        raise
    except Exception as exc:
        raise ArchiveError(f"{db}: cannot create archive: {exc}") from None
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
            leftover.unlink(missing_ok=True)


def _check_schema(con: Any, db: str | Path) -> None:
    try:
        rows = con.execute("SELECT value FROM numcheck_meta WHERE key = 'schema'").fetchall()
    except Exception:
        raise ArchiveError(f"{db}: not a numcheck archive") from None
    row = rows[0] if rows else None
    if row is None or row[0] != SCHEMA_VERSION:
        raise ArchiveError(f"{db}: archive schema {row[0] if row else '?'} is not "
                           f"{SCHEMA_VERSION}; re-index into a new file")


# --------------------------------------------------------------------------- rows


def doc_key(path: str, doc_id: str | None) -> str:
    return path if doc_id is None else f"{path}#{doc_id}"


def _claim_row(key: str, ord_: int, item: Item) -> dict[str, Any]:
    c, s = item.claim, item.subject
    return {
        "doc_key": key, "doc_no": None, "ord": ord_, "path": c.path, "doc_id": c.doc_id,
        "line": c.line,
        "col": c.column, "start_offset": c.start, "end_offset": c.end, "text": c.text,
        "value": c.value, "low": c.low, "high": c.high, "low_closed": c.low_closed,
        "high_closed": c.high_closed, "bound": c.bound, "unit": c.unit, "kind": c.kind,
        "quantity_of": c.quantity_of, "change": c.change, "step": c.step, "upper": c.upper,
        "sentence": c.sentence, "sentence_start": c.sentence_start, "doc_date": c.doc_date,
        "sentence_hash": sentence_hash(c.sentence),
        "subject_head": s.head if s else None,
        "subject_modifiers": list(s.modifiers) if s else [],
        "unit_class": s.unit_class if s else None,
        "places": list(s.places) if s else [], "entities": list(s.entities) if s else [],
        "events": list(s.events) if s else [], "period": list(s.period) if s else [],
        "nature": s.nature if s else None, "generic": s.generic if s else None,
        "counted": s.counted if s else None,
    }


def _claim_of(row: Mapping[str, Any]) -> Claim:
    return Claim(
        text=row["text"], value=row["value"], low=row["low"], high=row["high"],
        bound=row["bound"], unit=row["unit"], kind=row["kind"],
        quantity_of=row["quantity_of"], change=row["change"], low_closed=row["low_closed"],
        high_closed=row["high_closed"], start=row["start_offset"], end=row["end_offset"],
        path=row["path"], line=row["line"], column=row["col"], sentence=row["sentence"],
        sentence_start=row["sentence_start"], doc_date=row["doc_date"], doc_id=row["doc_id"],
        step=row["step"], upper=row["upper"],
    )


def _subject_of(row: Mapping[str, Any]) -> Subject | None:
    if row["subject_head"] is None:
        return None
    return Subject(
        head=row["subject_head"], modifiers=tuple(row["subject_modifiers"] or ()),
        unit_class=row["unit_class"], places=tuple(row["places"] or ()),
        entities=tuple(row["entities"] or ()), events=tuple(row["events"] or ()),
        period=tuple(row["period"] or ()), nature=row["nature"],
        generic=bool(row["generic"]), counted=bool(row["counted"]),
    )


@dataclass(frozen=True)
class FileRows:
    """Everything one file contributes to the archive (built in a worker process)."""

    path: str
    file_hash: str
    size: int
    documents: tuple[dict[str, Any], ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    keys: tuple[dict[str, Any], ...] = ()
    problems: tuple[Problem, ...] = ()


Extractor = Callable[[Document], Sequence[Claim]]


def _default_extractor(doc: Document) -> Sequence[Claim]:
    from numcheck.extraction import extract_document

    return extract_document(doc)


def file_rows(path: str, data: bytes, extractor: Extractor | None = None,
              table: Table | None = None) -> FileRows:
    """Read, extract and match one file: the rows to store for it."""
    from numcheck.loading import read_bytes

    extract = extractor or _default_extractor
    digest = hashlib.sha256(data).hexdigest()
    loaded = read_bytes(path, data)
    problems = list(loaded.problems)
    documents: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    for document in loaded.documents:
        doc_id = document.meta.get("id")
        key = doc_key(path, doc_id)
        try:
            found = list(extract(document))
        except Exception as exc:  # one bad document never stops indexing
            problems.append(Problem(path, f"extraction failed: {type(exc).__name__}: {exc}"))
            found = []
        when, timed = parse_when(document.date)
        ref = DocRef(path, doc_id, text_hash(document.text), 0, when, timed)
        # Every claim is stored (years and dates too, for SQL); quantities carry subjects.
        subjects = {id(i.claim): i for i in items_of(ref, found, table, document.text)}
        documents.append({"doc_key": key, "path": path, "doc_id": doc_id,
                          "text_hash": ref.text_hash, "title": document.title,
                          "date": document.date,
                          "claims": sum(1 for c in found if c.is_quantity)})
        for ord_, claim in enumerate(found):
            item = subjects.get(id(claim)) or Item(ref, claim, None)
            row = _claim_row(key, ord_, item)
            claims.append(row)
            if item.subject is not None:
                keys.extend({"key": k, **row} for k in item.subject.blocking_keys())
    return FileRows(path, digest, len(data), tuple(documents), tuple(claims), tuple(keys),
                    tuple(problems))


# --------------------------------------------------------------------------- indexing


@dataclass(frozen=True)
class IndexStats:
    """What an ``index`` run did."""

    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    documents: int = 0
    claims: int = 0
    problems: tuple[Problem, ...] = field(default=())


def _write(con: Any, batch: Sequence[FileRows], replace: set[str]) -> None:
    import pyarrow as pa

    con.execute("BEGIN TRANSACTION")
    try:
        stale = [r.path for r in batch if r.path in replace]
        if stale:
            _delete_paths(con, stale)
        first = con.execute("SELECT coalesce(max(doc_no), 0) + 1 FROM documents").fetchall()
        numbers = {d["doc_key"]: first[0][0] + n for n, d in enumerate(
            d for r in batch for d in r.documents)}
        docs = [{**d, "doc_no": numbers[d["doc_key"]]} for r in batch for d in r.documents]
        claims = [{**c, "doc_no": numbers[c["doc_key"]]} for r in batch for c in r.claims]
        keys = [{**k, "doc_no": numbers[k["doc_key"]]} for r in batch for k in r.keys]
        if docs:
            con.register("nc_docs", pa.Table.from_pylist(docs))
            con.execute("INSERT INTO documents BY NAME SELECT * FROM nc_docs")
            con.unregister("nc_docs")
        if claims:
            schema = pa.schema([(name, _arrow_type(kind)) for name, kind in CLAIM_COLUMNS])
            con.register("nc_claims", pa.Table.from_pylist(claims, schema=schema))
            con.execute("INSERT INTO claims BY NAME SELECT * FROM nc_claims")
            con.unregister("nc_claims")
        if keys:
            key_schema = pa.schema([("key", pa.string())] + [
                (name, _arrow_type(kind)) for name, kind in CLAIM_COLUMNS])
            con.register("nc_keys", pa.Table.from_pylist(keys, schema=key_schema))
            con.execute("INSERT INTO claim_keys BY NAME SELECT * FROM nc_keys")
            con.unregister("nc_keys")
        files = pa.table({"path": [r.path for r in batch],
                          "file_hash": [r.file_hash for r in batch],
                          "size": pa.array([r.size for r in batch], pa.int64()),
                          "documents": pa.array([len(r.documents) for r in batch], pa.int32())})
        con.register("nc_files", files)
        con.execute("INSERT OR REPLACE INTO files (path, file_hash, size, documents) "
                    "SELECT path, file_hash, size, documents FROM nc_files")
        con.unregister("nc_files")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
            "DOUBLE": pa.float64(),
            "BOOLEAN": pa.bool_(), _LIST: pa.list_(pa.string())}[kind]


def _delete_paths(con: Any, paths: Sequence[str]) -> None:
    import pyarrow as pa

    con.register("nc_stale", pa.table({"path": list(paths)}))
    for table in ("claim_keys", "claims", "documents"):
        con.execute(f"DELETE FROM {table} WHERE path IN (SELECT path FROM nc_stale)")
    con.execute("DELETE FROM files WHERE path IN (SELECT path FROM nc_stale)")
    con.unregister("nc_stale")


def _worker(path: str, data: bytes) -> FileRows:
    return file_rows(path, data)


def _read(path: str) -> bytes | Problem:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return Problem(path, f"cannot read: {exc.strerror or exc}")


def index(
    paths: Iterable[str],
    db: str | Path,
    *,
    jobs: int = 1,
    prune: bool = False,
    extractor: Extractor | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch_files: int = BATCH_FILES,
) -> IndexStats:
    """Index ``paths`` (files and folders) into ``db``; see the module docs.

    ``jobs`` > 1 extracts in that many worker processes (the shipped extractor only).
    ``prune`` removes archived files under the given paths that no longer exist.
    ``progress(done, total)`` is called after each batch.
    """
    from numcheck.loading import expand_paths

    roots = list(paths)
    problems: list[Problem] = []
    files: list[str] = []
    for entry in expand_paths(roots):
        if isinstance(entry, Problem):
            problems.append(entry)
        elif entry != "-":
            files.append(entry)
    counts = {"indexed": 0, "unchanged": 0, "documents": 0, "claims": 0}
    with connect(db) as con:
        known: dict[str, str] = dict(con.execute("SELECT path, file_hash FROM files").fetchall())

        def changed() -> Iterator[tuple[str, bytes]]:
            # Files are read lazily: only the ones in flight are held in memory.
            for path in files:
                data = _read(path)
                if isinstance(data, Problem):
                    problems.append(data)
                elif known.get(path) == hashlib.sha256(data).hexdigest():
                    counts["unchanged"] += 1
                else:
                    yield path, data

        batch: list[FileRows] = []
        archived = set(known)  # files whose old rows a new version must replace

        def flush() -> None:
            if batch:
                _write(con, batch, archived)
                for rows in batch:
                    counts["indexed"] += 1
                    counts["documents"] += len(rows.documents)
                    counts["claims"] += sum(int(d["claims"]) for d in rows.documents)
                    problems.extend(rows.problems)
                batch.clear()
            if progress is not None:
                progress(counts["indexed"] + counts["unchanged"], len(files))

        for rows in _extract_all(changed(), jobs, extractor):
            batch.append(rows)
            if len(batch) >= batch_files:
                flush()
        flush()
        removed = _prune(con, roots, set(files)) if prune else 0
    return IndexStats(counts["indexed"], counts["unchanged"], removed, counts["documents"],
                      counts["claims"], tuple(problems))


def _extract_all(work: Iterator[tuple[str, bytes]], jobs: int, extractor: Extractor | None
                 ) -> Iterator[FileRows]:
    """Rows of each file, in input order; at most ``4 × jobs`` files in flight."""
    if jobs <= 1 or extractor is not None:
        for path, data in work:
            yield file_rows(path, data, extractor)
        return
    window = max(4 * jobs, 8)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[Future[FileRows]] = []
        for path, data in work:
            pending.append(pool.submit(_worker, path, data))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def _prune(con: Any, roots: Sequence[str], present: set[str]) -> int:
    folders = [os.path.normpath(r) for r in roots if os.path.isdir(r)]
    files = {os.path.normpath(r) for r in roots if not os.path.isdir(r)}
    archived = [row[0] for row in con.execute("SELECT path FROM files").fetchall()]
    gone = [p for p in archived if p not in present and (
        p in files or any(p.startswith(f + os.sep) for f in folders))]
    if gone:
        con.execute("BEGIN TRANSACTION")
        _delete_paths(con, gone)
        con.execute("COMMIT")
    return len(gone)


# --------------------------------------------------------------------------- lookups


def related_items(
    db: str | Path,
    items: Sequence[Item],
    *,
    per_key: int = 25,
    max_documents: int = 25,
    min_words: int = 8,
) -> list[Item]:
    """Archived claims that may match ``items`` (the documents being checked).

    Two lookups, both by index keys rather than by scanning claims in Python: claims sharing
    a blocking key with a checked claim (at most ``per_key`` documents per key, the most
    recent first), and every claim of archived documents that share a sentence word for word
    with a checked document (candidate versions of it; sentences found in more than
    ``max_documents`` documents are boilerplate). Archived documents identical to a checked
    one are left out.
    """
    keys = sorted({k for i in items if i.subject is not None for k in i.subject.blocking_keys()})
    hashes = sorted({sentence_hash(i.claim.sentence) for i in items
                     if words_in(i.claim.sentence) >= min_words})
    identical = {i.doc.text_hash for i in items}
    with connect(db, read_only=True) as con:
        # Small literal IN lists: DuckDB filters the key column while scanning and reads the
        # other columns only for the rows that match.
        in_keys, key_params = _in_list(keys)
        rows = _dicts(con.execute(_BY_KEY_SQL.format(keys=in_keys), [*key_params, per_key]))
        in_hashes, hash_params = _in_list(hashes)
        shared = con.execute(f"SELECT sentence_hash, doc_no FROM claims WHERE sentence_hash "
                             f"IN {in_hashes}", hash_params).fetchall()
        versions = _versions(shared, max_documents)
        if versions:
            in_docs, doc_params = _in_list(versions)
            rows += _dicts(con.execute(f"SELECT * FROM claims WHERE doc_no IN {in_docs} "
                                       f"ORDER BY doc_no, ord", doc_params))
        found_docs = sorted({int(row["doc_no"]) for row in rows})
        in_found, found_params = _in_list(found_docs)
        docs = [d for d in con.execute(
            f"SELECT doc_key, path, doc_id, text_hash, date FROM documents WHERE doc_no IN "
            f"{in_found}", found_params).fetchall() if d[3] not in identical]
    refs: dict[str, DocRef] = {}
    for order, (key, path, doc_id, t_hash, date) in enumerate(sorted(docs)):
        when, timed = parse_when(date)
        refs[key] = DocRef(path, doc_id, t_hash, -len(docs) + order, when, timed,
                           archived=True)
    found: list[Item] = []
    seen: set[tuple[str, int]] = set()
    for row in rows:
        ref = refs.get(row["doc_key"])
        claim = _claim_of(row)
        ident = (row["doc_key"], row["ord"])
        if ref is not None and claim.is_quantity and ident not in seen:
            seen.add(ident)
            found.append(Item(ref, claim, _subject_of(row)))
    return found


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


# Claims sharing a key with the draft, from the most recent ``?`` documents per key.
_BY_KEY_SQL = """
WITH hits AS (
    SELECT *, dense_rank() OVER (PARTITION BY key ORDER BY doc_date DESC NULLS LAST,
                                                   doc_no DESC) AS nc_rank
    FROM claim_keys WHERE key IN {keys}
)
SELECT * EXCLUDE (key, nc_rank) FROM hits WHERE nc_rank <= ? ORDER BY doc_no, ord
"""


def _in_list(values: Sequence[Any]) -> tuple[str, list[Any]]:
    """``(?, ?, …)`` and its parameters; ``(NULL)`` (matches nothing) for no values."""
    if not values:
        return "(NULL)", []
    return "(" + ", ".join("?" * len(values)) + ")", list(values)


def _versions(shared: Sequence[tuple[str, int]], max_documents: int) -> list[int]:
    """Documents sharing a sentence with the draft, leaving out boilerplate sentences (found
    in more than ``max_documents`` documents)."""
    by_hash: dict[str, set[int]] = {}
    for digest, number in shared:
        by_hash.setdefault(digest, set()).add(int(number))
    return sorted({n for docs in by_hash.values() if len(docs) <= max_documents for n in docs})


def items_where(db: str | Path, where: str, params: Sequence[Any] = ()) -> list[Item]:
    """Archived quantity claims matching an SQL condition on ``claims``, as matching items."""
    with connect(db, read_only=True) as con:
        cursor = con.execute(
            f"SELECT c.*, d.text_hash AS nc_text_hash, d.date AS nc_date FROM claims c "
            f"JOIN documents d USING (doc_key) WHERE {where} ORDER BY c.doc_key, c.ord",
            list(params))
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    refs: dict[str, DocRef] = {}
    found: list[Item] = []
    for row in rows:
        claim = _claim_of(row)
        if not claim.is_quantity:
            continue
        ref = refs.get(row["doc_key"])
        if ref is None:
            when, timed = parse_when(row["nc_date"])
            ref = DocRef(row["path"], row["doc_id"], row["nc_text_hash"], len(refs), when,
                         timed, archived=True)
            refs[row["doc_key"]] = ref
        found.append(Item(ref, claim, _subject_of(row)))
    return found


# --------------------------------------------------------------------------- check --against

AGAINST_RULE = ("NC201", "cross.contradiction")


def with_against(config: Config, db: str | Path) -> Config:
    """``config`` with the cross-article rule (NC201) set to check against ``db`` as well.

    Raises :class:`ArchiveError` when ``db`` is not a readable archive, before any document
    is read.
    """
    from numcheck.config import RuleConfig

    with connect(db, read_only=True):
        pass
    rules = dict(config.rules)
    key = next((k for k in rules if k in AGAINST_RULE), AGAINST_RULE[0])
    current = rules.get(key, RuleConfig())
    params = MappingProxyType({**current.params, "against": str(db)})
    rules[key] = RuleConfig(level=current.level, params=params)
    return replace(config, rules=MappingProxyType(rules))


# --------------------------------------------------------------------------- SQL and pandas


def query(db: str | Path, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
    """Run any SQL over the archive (read-only) and return a pandas DataFrame."""
    with connect(db, read_only=True) as con:
        frame: pd.DataFrame = con.execute(sql, list(params or [])).fetchdf()
    return frame


def claims_frame(db: str | Path, where: str | None = None,
                 params: Sequence[Any] | None = None) -> pd.DataFrame:
    """The archived claims as a DataFrame, optionally filtered by an SQL ``where`` clause
    (``"kind = 'money' AND unit = ?"``, with ``params``), ordered by document and position."""
    condition = f"WHERE {where}" if where else ""
    return query(db, f"SELECT * FROM claims {condition} ORDER BY doc_key, ord", params)


def documents_frame(db: str | Path) -> pd.DataFrame:
    return query(db, "SELECT * FROM documents ORDER BY doc_key")
