"""Undo what typesetting and PDF extraction do to statistics, keeping a map back to the text.

Statistics in papers reach us with Unicode minus signs, non-breaking and thin spaces, zero-width
characters, ligatures, superscript digits (χ², 10⁻³), Symbol-font characters in the Private Use
Area, Lancet-style decimal points (0·03) and, in some publishers' PDFs, "<" and ">" turned into
"b" and "N" after a p. :func:`normalize` rewrites all of these into the plain ASCII forms the
extractor's patterns expect and records, for every character of the result, the offset of the
character it came from, so evidence always quotes the original text.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

_MINUS = "\u2212\u2012\u2013\u2010\u2011\ufe63\uff0d\u2796"
_SPACE = ("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"
          "\u205f\u3000\t\r\f\v")
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_SINGLE: dict[str, str] = {
    **{c: "-" for c in _MINUS},
    **{c: " " for c in _SPACE},
    **{c: "" for c in _DROP},
    "\u00b2": "2", "\u2082": "2", "\u00b3": "3", "\u00b9": "1", "\u2070": "0",
    "\u2074": "4", "\u2075": "5", "\u2076": "6", "\u2077": "7", "\u2078": "8", "\u2079": "9",
    "\u207b": "-", "\u208b": "-",
    "\uff1c": "<", "\uff1e": ">", "\uff1d": "=", "\ufe64": "<", "\ufe65": ">",
    "\u2266": "\u2264", "\u2a7d": "\u2264", "\u2267": "\u2265", "\u2a7e": "\u2265",
    "\u22c5": "\u00d7", "\u2219": "\u00d7",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    # Symbol-font glyphs that PDF extractors leave in the Private Use Area (U+F000 + code).
    "\uf063": "\u03c7", "\uf0a3": "\u2264", "\uf0b3": "\u2265", "\uf0b4": "\u00d7",
    "\uf0b1": "\u00b1",
    **{chr(0xF000 + code): chr(code) for code in range(0x20, 0x41)},
}

_NEEDS_WORK = re.compile("[" + re.escape("".join(_SINGLE)) + "\u00b7]|[pP]\\s?[bN]\\s?\\.?\\d")
# "p b .001" / "p N .05": a "<" or ">" lost to a font encoding (seen in Elsevier PDFs).
_GARBLED_COMPARISON = re.compile(r"(?<![A-Za-z])([pP]\s?)([bN])(?=\s?-?\s?\.?\d)")
_MIDDLE_DOT = re.compile(r"(?<=\d)\u00b7(?=\d)")


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the offset in the original text."""

    text: str
    #: ``offsets[i]`` is the original offset of ``text[i]``; one extra entry maps the end.
    #: ``None`` when nothing changed (the common case for clean text).
    offsets: array[int] | None = None

    def original(self, offset: int) -> int:
        if self.offsets is None:
            return offset
        return self.offsets[min(max(offset, 0), len(self.offsets) - 1)]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if self.offsets is None or end <= start:
            return self.original(start), self.original(end)
        return self.original(start), self.original(end - 1) + 1


def normalize(text: str) -> Normalized:
    if not _NEEDS_WORK.search(text):
        return Normalized(text)
    chars: list[str] = []
    offsets: array[int] = array("q")
    middle_dots = {m.start() for m in _MIDDLE_DOT.finditer(text)}
    for index, char in enumerate(text):
        replacement = "." if index in middle_dots else _SINGLE.get(char, char)
        for piece in replacement:
            chars.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    result = "".join(chars)
    # Same-length substitution, so the offset map stays valid.
    result = _GARBLED_COMPARISON.sub(
        lambda m: m.group(1) + ("<" if m.group(2) == "b" else ">"), result
    )
    return Normalized(result, offsets)


def normalize_slice(text: str, start: int, end: int) -> Normalized:
    """:func:`normalize` of ``text[start:end]`` whose offsets are offsets into ``text``."""
    local = normalize(text[start:end])
    size = len(local.text) + 1
    if local.offsets is None:
        offsets = array("q", range(start, start + size))
    else:
        offsets = array("q", (start + o for o in local.offsets))
    return Normalized(local.text, offsets)
