"""From paths (files, folders, ``-`` for stdin) to documents, never stopping at a bad file.

Every file that cannot be used becomes a :class:`~numcheck.documents.Problem` naming it; the
others are read. Folders are walked recursively in sorted order (deterministic output), links
are followed once (a symlink loop is reported, not followed forever).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from numcheck.documents import Document, InputError, Problem
from numcheck.readers import SUFFIXES, reader_for

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Loaded:
    """What reading one input gave: its documents and any problems."""

    path: str
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]


def format_of(path: str, default: str = "text") -> str:
    """The format a path's suffix names (``Path(path).suffix``, without building a Path:
    this runs once per file, and a re-check from the cache does little else)."""
    name = os.path.basename(path)
    if not name or name in (".", ".."):  # a trailing separator or dot: as pathlib reads it
        return SUFFIXES.get(Path(path).suffix.lower(), default)
    dot = name.rfind(".")
    suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
    return SUFFIXES.get(suffix.lower(), default)


def read_bytes(path: str, data: bytes, fmt: str | None = None) -> Loaded:
    """Turn one file's bytes into documents (or problems)."""
    warnings: list[str] = []
    fmt = fmt or format_of(path)
    if not data.strip():
        return Loaded(path, (), (Problem(path, "empty file, nothing to check", "warning"),))
    try:
        documents = reader_for(fmt)(path, data, warnings)
    except InputError as exc:
        return Loaded(path, (), (Problem(path, exc.message, "error", exc.line),))
    except ImportError as exc:
        message = f"cannot read {fmt} files: missing dependency ({exc.name})"
        return Loaded(path, (), (Problem(path, message),))
    except Exception as exc:  # a reader bug must not stop the run
        message = f"could not read as {fmt}: {type(exc).__name__}: {exc}"
        return Loaded(path, (), (Problem(path, message),))
    problems = tuple(Problem(path, w, "warning") for w in warnings)
    return Loaded(path, tuple(documents), problems)


def _too_large(path: str, size: int, max_bytes: int) -> Loaded:
    message = (
        f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit; "
        "raise it with --max-size)"
    )
    return Loaded(path, (), (Problem(path, message),))


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES,
              info: os.stat_result | None = None) -> Loaded:
    """Read one file (``info``: its ``os.stat``, when the caller has just taken it)."""
    try:
        if info is None:
            info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            # A named pipe or a device (/dev/zero) would block or never end: never open one.
            message = "not a regular file (a pipe, device or socket); skipped"
            return Loaded(path, (), (Problem(path, message),))
        if info.st_size > max_bytes:
            return _too_large(path, info.st_size, max_bytes)
        with open(path, "rb") as handle:
            # At most one byte past the limit: a file that grows while it is read (or reports
            # no size, as /proc files do) cannot take all memory. The size stat gave, plus one
            # byte, is asked for first: read(n) allocates n bytes up front, and 50 MB per
            # article cost more than reading it.
            want = min(info.st_size, max_bytes) + 1
            data = handle.read(want)
            if len(data) == want and want <= max_bytes:  # it grew, or has no size: read on
                data += handle.read(max_bytes + 1 - want)
        if len(data) > max_bytes:
            return _too_large(path, len(data), max_bytes)
    except FileNotFoundError:
        return Loaded(path, (), (Problem(path, "no such file or directory"),))
    except IsADirectoryError:
        return Loaded(path, (), (Problem(path, "is a directory"),))
    except PermissionError:
        return Loaded(path, (), (Problem(path, "permission denied"),))
    except OSError as exc:
        return Loaded(path, (), (Problem(path, f"cannot read: {exc.strerror or exc}"),))
    return read_bytes(path, data)


def expand_paths(paths: Iterable[str]) -> Iterator[str | Problem]:
    """Yield the files to read (or a Problem) for each given path, folders expanded."""
    for item, _ in _expand(paths):
        yield item


def _expand(paths: Iterable[str]) -> Iterator[tuple[str | Problem, os.stat_result | None]]:
    # expand_paths, plus the stat of a path given directly (one stat instead of three per
    # file: isdir, lexists, then read_path's own).
    for path in paths:
        if path == "-":
            yield "-", None
            continue
        try:
            info: os.stat_result | None = os.stat(path)
        except (OSError, ValueError):  # missing, a broken link, a NUL in the name, ...
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            yield from ((item, None) for item in _walk(path))
        elif info is None and not os.path.lexists(path):
            yield Problem(path, "no such file or directory"), None
        else:
            yield path, info


def _walk(root: str) -> Iterator[str | Problem]:
    seen: set[str] = set()

    def visit(folder: str) -> Iterator[str | Problem]:
        real = os.path.realpath(folder)
        if real in seen:
            yield Problem(folder, "symlink loop, folder already visited; skipped", "warning")
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except PermissionError:
            yield Problem(folder, "permission denied")
            return
        except OSError as exc:
            yield Problem(folder, f"cannot list folder: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            full = os.path.normpath(os.path.join(folder, entry.name))
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(full)
            elif Path(entry.name).suffix.lower() in SUFFIXES:
                if entry.is_symlink() and not os.path.exists(full):
                    yield Problem(full, "broken symbolic link")
                else:
                    yield full

    yield from visit(root)


def load(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Loaded]:
    """Read every input in order; each yields a :class:`Loaded` (documents or problems)."""
    for item, info in _expand(paths):
        if isinstance(item, Problem):
            yield Loaded(item.path, (), (item,))
        elif item == "-":
            yield read_bytes("<stdin>", sys.stdin.buffer.read(), "markdown")
        else:
            yield read_path(item, max_bytes, info)
