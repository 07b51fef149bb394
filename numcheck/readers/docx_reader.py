"""Word (.docx): the text of every paragraph, body and tables, in document order (python-docx).

A .docx file has no lines a person could open in an editor, so positions count in the extracted
text: **line N is the document's N-th paragraph** (empty paragraphs and paragraphs inside table
cells count too, in reading order) and the column counts characters inside that paragraph.

The analysed text joins paragraphs with a blank line, so the sentence splitter sees paragraph
ends (a heading without a full stop never runs into the next sentence); the source map takes
each character back to its paragraph and column.

Title and date come from the document properties when they are set (``title``; ``date`` is not
read from ``created``, which is when the file was made, not when the article is published).
"""

from __future__ import annotations

import io
import zipfile
from array import array
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

from numcheck.documents import Document, InputError, SourceMap, line_starts_of

#: Uncompressed size of word/document.xml beyond which a file is refused (a zip bomb, or not an
#: article): python-docx parses the whole XML tree in memory.
MAX_XML_BYTES = 200 * 1024 * 1024

def read(path: str, data: bytes, warnings: list[str]) -> list[Document]:
    document = _open(data)
    paragraphs = _paragraphs(document)
    source = "\n".join(paragraphs)
    if not source.strip():
        warnings.append("Word document has no text; nothing to check")
        return []
    text, offsets = _join(paragraphs)
    return [
        Document(
            path=path,
            text=text,
            meta=MappingProxyType(_meta(document)),
            source_map=SourceMap(line_starts=line_starts_of(source), offsets=offsets),
        )
    ]


def _check_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            try:
                info = package.getinfo("word/document.xml")
            except KeyError:
                raise InputError("not a Word document (no word/document.xml inside)") from None
    except zipfile.BadZipFile:
        raise InputError("not a .docx file (not a ZIP package; old .doc files are not read)") \
            from None
    if info.file_size > MAX_XML_BYTES:
        raise InputError(
            f"Word document too large to read ({info.file_size / 1e6:.0f} MB of XML uncompressed)"
        )


def _open(data: bytes) -> Any:
    _check_package(data)
    import docx  # optional dependency (numcheck[web]); loading reports it when missing
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(f"damaged or unsupported Word document: {exc}") from None
    except Exception as exc:
        # A damaged member (zipfile.BadZipFile, zlib.error, lxml's XMLSyntaxError, EOFError):
        # only python-docx runs here, and any failure means the file cannot be read.
        raise InputError(f"damaged Word document ({type(exc).__name__}: {exc})") from None


def _paragraphs(document: Any) -> list[str]:
    """Text of every paragraph in reading order, table cells included (row by row)."""
    from docx.table import Table

    def walk(container: Any) -> Iterator[str]:
        # iter_inner_content keeps paragraphs and tables in document order.
        for block in container.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in _unique_cells(row):
                        yield from walk(cell)
            else:
                yield _clean(block.text)

    return list(walk(document))


def _unique_cells(row: Any) -> Iterator[Any]:
    # A merged cell appears once per grid column it spans; its text must be read once.
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        yield cell


def _clean(text: str) -> str:
    # Line breaks inside a paragraph (<w:br/>, Shift+Enter) would start new "lines" in the
    # source map and break the paragraph = line promise; they read as spaces.
    return text.replace("\r", " ").replace("\n", " ").replace("\v", " ")


def _join(paragraphs: list[str]) -> tuple[str, array[int]]:
    """Paragraphs joined by blank lines, and each character's offset in the one-line-per-
    paragraph source (the separator maps to the newline ending the paragraph before it)."""
    offsets = array("q")
    parts: list[str] = []
    source_at = 0
    for index, paragraph in enumerate(paragraphs):
        if index:
            parts.append("\n\n")
            offsets.extend((source_at - 1, source_at - 1))
        parts.append(paragraph)
        offsets.extend(range(source_at, source_at + len(paragraph)))
        source_at += len(paragraph) + 1
    return "".join(parts), offsets


def _meta(document: Any) -> dict[str, str]:
    try:
        title = document.core_properties.title or ""
    except Exception:  # properties are a nicety; the text was already read
        return {}
    title = " ".join(title.split())
    return {"title": title} if title else {}
