"""Plain text: the file is the prose."""

from __future__ import annotations

from numcheck.documents import Document, SourceMap
from numcheck.readers.decode import decode


def read(path: str, data: bytes, warnings: list[str]) -> list[Document]:
    text = decode(data, warnings)
    return [Document(path=path, text=text, source_map=SourceMap.for_source(text))]
