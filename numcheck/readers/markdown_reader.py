"""Markdown with optional YAML front matter (``title``, ``date``, ...).

The front matter is metadata, not prose: it is blanked out (replaced by spaces, newlines kept)
so that offsets in the analysed text equal offsets in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from types import MappingProxyType

from numcheck.documents import Document, InputError, SourceMap
from numcheck.readers.decode import decode

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)
# HTML comments carry suppressions but are not prose either.
_BLANK_NON_NEWLINE = re.compile(r"[^\n]")


def _blank(segment: str) -> str:
    return _BLANK_NON_NEWLINE.sub(" ", segment)


def _meta_value(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


#: Nesting deeper than this is not metadata (PyYAML's scanner slows down quadratically with
#: depth, and its composer recurses: "[[[[…" 100,000 deep would take hours or crash).
MAX_DEPTH = 20


def _refuse_aliases(block: str) -> None:
    """Metadata has no use for YAML aliases, and nine nested aliases ("billion laughs") expand
    to 387 million strings when a value is turned into text: refuse them, and deep nesting,
    while the events stream, before anything is built."""
    import yaml

    depth = 0
    for event in yaml.parse(block, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 2 if event.start_mark is not None else 2
        if isinstance(event, yaml.AliasEvent):
            raise InputError("malformed front matter: YAML aliases (*name) are not allowed",
                             line)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError("malformed front matter: nested too deeply", line)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Return (metadata, length of the front matter block) for ``text``."""
    match = _FRONT.match(text)
    if not match:
        return {}, 0
    import yaml  # (10 ms; only files with front matter need it)

    try:
        _refuse_aliases(match.group(1))
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(f"malformed front matter: {getattr(exc, 'problem', exc)}", line) from None
    except RecursionError:
        raise InputError("malformed front matter: nested too deeply", 2) from None
    except (ValueError, OverflowError) as exc:
        # A value YAML cannot build: "date: 2005-01-54" (day is out of range for month).
        raise InputError(f"malformed front matter: {exc}", 2) from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise InputError("malformed front matter: expected key: value pairs", 2)
    meta = {str(k): _meta_value(v) for k, v in loaded.items() if v is not None}
    return meta, match.end()


def read(path: str, data: bytes, warnings: list[str]) -> list[Document]:
    source = decode(data, warnings)
    meta, end = parse_front_matter(source)
    text = _blank(source[:end]) + source[end:] if end else source
    return [
        Document(
            path=path,
            text=text,
            meta=MappingProxyType(meta),
            source_map=SourceMap.for_source(source),
        )
    ]
