"""JSON Lines: one article per line (``text``; optional ``id``, ``title``, ``date``).

Positions point into the file: the line of the record and the column of each character
inside the JSON string literal, escapes included.
"""

from __future__ import annotations

import json
from array import array
from types import MappingProxyType

from numcheck.documents import Document, InputError, SourceMap, line_starts_of
from numcheck.readers.decode import decode

_SIMPLE_ESCAPES = {
    '"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
}


def _string_offsets(line: str, start: int, base: int) -> tuple[str, array[int]] | None:
    """Decode the JSON string literal whose opening quote is at ``line[start]``.

    Returns the decoded text and, for each decoded character, its offset in the file.
    """
    chars: list[str] = []
    offsets = array("q")
    i = start + 1
    n = len(line)
    while i < n:
        ch = line[i]
        if ch == '"':
            return "".join(chars), offsets
        if ch == "\\" and i + 1 < n:
            esc = line[i + 1]
            if esc == "u" and i + 5 < n:
                code = int(line[i + 2 : i + 6], 16)
                width = 6
                if 0xD800 <= code < 0xDC00 and line[i + 6 : i + 8] == "\\u":
                    low = int(line[i + 8 : i + 12], 16)
                    # Only a low surrogate completes the pair ("\\udbff\\uffff" is two code
                    # units, as json.loads reads it; combining them overflowed chr()).
                    if 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        width = 12
                chars.append(chr(code))
                offsets.append(base + i)
                i += width
                continue
            chars.append(_SIMPLE_ESCAPES.get(esc, esc))
            offsets.append(base + i)
            i += 2
            continue
        chars.append(ch)
        offsets.append(base + i)
        i += 1
    return None


def _text_literal_start(line: str, expected: str) -> int | None:
    """Find the offset of the string literal holding ``expected`` as the "text" value."""
    encoded = json.dumps(expected, ensure_ascii=False)
    for needle in ('"text":', '"text" :'):
        pos = line.find(needle)
        while pos != -1:
            quote = line.find('"', pos + len(needle))
            if quote != -1:
                decoded = _string_offsets(line, quote, 0)
                if decoded is not None and decoded[0] == expected:
                    return quote
            pos = line.find(needle, pos + 1)
    pos = line.find(encoded)
    return pos if pos != -1 else None


def read(path: str, data: bytes, warnings: list[str]) -> list[Document]:
    source = decode(data, warnings)
    line_starts = line_starts_of(source)
    documents: list[Document] = []
    errors: list[str] = []
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: invalid JSON ({exc.msg})")
            continue
        except RecursionError:  # "[[[[…" 100,000 deep: one bad line, not a lost file
            errors.append(f"line {number}: invalid JSON (nested too deeply)")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            errors.append(f'line {number}: expected an object with a "text" string')
            continue
        text: str = record["text"]
        base = line_starts[number - 1]
        quote = _text_literal_start(line, text)
        decoded = _string_offsets(line, quote, base) if quote is not None else None
        offsets = decoded[1] if decoded is not None else array("q", [base] * len(text))
        meta = {
            key: str(record[key])
            for key in ("id", "title", "date")
            if key in record and record[key] is not None
        }
        meta.setdefault("id", str(number))
        documents.append(
            Document(
                path=path,
                text=text,
                meta=MappingProxyType(meta),
                source_map=SourceMap(line_starts=line_starts, offsets=offsets),
            )
        )
    if errors and not documents:
        raise InputError("; ".join(errors[:3]) + (" ..." if len(errors) > 3 else ""))
    warnings.extend(errors)
    return documents
