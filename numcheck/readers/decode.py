"""Bytes to text: UTF-8 first, then the encodings real newsroom files arrive in."""

from __future__ import annotations

import codecs

from numcheck.documents import InputError

_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    """True for data no text reader should try: NUL bytes outside a UTF-16/32 BOM."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    # Many control bytes (not tab/newline/CR/form feed/escape) mean an executable or image.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(head) > 0 and controls / len(head) > 0.05


def decode(data: bytes, warnings: list[str]) -> str:
    """Decode ``data``; append a warning when a fallback encoding was needed.

    Raises :class:`InputError` for binary data. Newlines are normalised to ``\\n`` by the
    caller only where a format needs it; here ``\\r\\n`` stays so columns match the file.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 ({exc.reason} at byte {exc.start})") from None
    if looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    warnings.append(f"not valid UTF-8 (byte {first_bad}); read as {encoding}")
    return text
