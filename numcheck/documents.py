"""Documents: the text numcheck analyses, and the way back to the file it came from.

Every reader produces :class:`Document` objects whose ``text`` is the prose to check. Offsets
into ``text`` map back to 1-based line and column numbers *in the original file* through a
:class:`SourceMap`, so a finding in an HTML page or a JSONL record points at the exact place a
person would open in an editor.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class SourceMap:
    """Maps offsets in a document's analysed text to positions in its source file.

    ``line_starts`` are the offsets (in characters) at which each line of the source begins.
    ``offsets`` maps each character of the analysed text to its source offset; ``None`` means
    the analysed text *is* the source (plain text, Markdown with its front matter blanked).
    """

    line_starts: tuple[int, ...]
    offsets: Sequence[int] | None = None

    @classmethod
    def for_source(cls, source: str, offsets: Sequence[int] | None = None) -> SourceMap:
        return cls(line_starts=line_starts_of(source), offsets=offsets)

    def source_offset(self, offset: int) -> int:
        if self.offsets is None:
            return offset
        if not self.offsets:
            return 0
        if offset >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[max(offset, 0)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into the analysed text."""
        src = self.source_offset(offset)
        index = bisect.bisect_right(self.line_starts, src) - 1
        index = max(index, 0)
        return index + 1, src - self.line_starts[index] + 1


def line_starts_of(source: str) -> tuple[int, ...]:
    starts = [0]
    find = source.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return tuple(starts)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with lone UTF-16 surrogates (from JSON escapes such as "\\udbff") replaced by
    U+FFFD. They cannot be encoded, so every report writer would fail on them; one character
    for one keeps every offset valid."""
    if text.isascii() or _LONE_SURROGATE.search(text) is None:  # isascii: O(1), a flag
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class Document:
    """One article or paper: the prose to check and where it came from."""

    path: str
    text: str
    meta: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    source_map: SourceMap | None = None

    def __post_init__(self) -> None:
        # Also the path: a file name that is not UTF-8 comes from os.scandir with surrogates
        # ("caf\udce9.md"); the file was read already, and this is only its name in reports.
        text, path = without_surrogates(self.text), without_surrogates(self.path)
        if text is not self.text:
            object.__setattr__(self, "text", text)
        if path is not self.path:
            object.__setattr__(self, "path", path)
        if self.meta and any(isinstance(v, str) and _LONE_SURROGATE.search(v)
                             for v in self.meta.values()):
            meta = {k: without_surrogates(v) for k, v in self.meta.items()}
            object.__setattr__(self, "meta", MappingProxyType(meta))

    @classmethod
    def from_text(
        cls, text: str, path: str = "<string>", meta: Mapping[str, str] | None = None
    ) -> Document:
        return cls(
            path=path,
            text=text,
            meta=MappingProxyType(dict(meta or {})),
            source_map=SourceMap.for_source(text),
        )

    def position(self, offset: int) -> tuple[int, int]:
        if self.source_map is None:
            object.__setattr__(self, "source_map", SourceMap.for_source(self.text))
        assert self.source_map is not None
        return self.source_map.position(offset)

    @property
    def date(self) -> str | None:
        return self.meta.get("date") or None

    @property
    def title(self) -> str | None:
        return self.meta.get("title") or None


@dataclass(frozen=True)
class Problem:
    """A file that could not be read (error) or was read with a caveat (warning)."""

    path: str
    message: str
    severity: str = "error"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


class InputError(Exception):
    """Raised by a reader when a file cannot be turned into documents."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
