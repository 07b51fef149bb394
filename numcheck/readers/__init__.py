"""Readers turn a file's bytes into :class:`~numcheck.documents.Document` objects.

One module per format. Each exposes ``read(path, data) -> list[Document]`` and raises
:class:`~numcheck.documents.InputError` for input it cannot use. Decoding (and its warnings)
lives in :mod:`numcheck.readers.decode`.
"""

from __future__ import annotations

from collections.abc import Callable

from numcheck.documents import Document

Reader = Callable[[str, bytes, list[str]], list[Document]]

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".pdf": "pdf",
    ".docx": "docx",
}


def reader_for(name: str) -> Reader:
    """The reader function for a format name from :data:`SUFFIXES`."""
    import importlib

    module = importlib.import_module(f"numcheck.readers.{name}_reader")
    reader: Reader = module.read
    return reader
