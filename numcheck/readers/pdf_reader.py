"""PDF: the text layer of every page (pypdf), one document per file, with a page map.

The analysed text is the pages' text joined by newlines; line and column numbers in findings
count within that extracted text (a PDF has no lines of its own to point at).
``meta["pages"]`` holds the offset at which each page starts ("0,1834,3920"), so rules can
say on which page a number is (:func:`numcheck.stats.pages.page_of`). ``meta["title"]`` and
``meta["date"]`` come from the PDF's document information when it has them.

Scanned PDFs without a text layer, encrypted PDFs and damaged files each get one clear message.
"""

from __future__ import annotations

import io
import logging
import re
from types import MappingProxyType
from typing import Any

from numcheck.documents import Document, InputError, SourceMap

_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def read(path: str, data: bytes, warnings: list[str]) -> list[Document]:
    from pypdf import PdfReader  # optional dependency (numcheck[pdf]); loading reports it
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("not a PDF file (no %PDF header)")
    logger = logging.getLogger("pypdf")
    previous = logger.level
    logger.setLevel(logging.ERROR)  # pypdf logs every recoverable quirk; we report our own
    try:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError("encrypted PDF: cannot read its text without the password")
            pages = _page_texts(reader, warnings)
        except InputError:
            raise
        except PdfReadError as exc:
            raise InputError(f"damaged or unsupported PDF: {exc}") from exc
        except Exception as exc:
            # pypdf meets damaged files with many exception types (its own LimitReachedError,
            # KeyError, TypeError, struct.error, ...): only pypdf runs here, and any of them
            # means the file cannot be read.
            raise InputError(f"damaged or unsupported PDF ({type(exc).__name__}: {exc})") \
                from exc
    finally:
        logger.setLevel(previous)

    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for text in pages:
        starts.append(offset)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        parts.append(text)
        offset += len(text) + 1  # pages are joined by a newline
    full = "\n".join(parts)
    if not full.strip():
        warnings.append("PDF has no text layer (scanned?); nothing to check")
        return []
    meta = {"pages": ",".join(str(s) for s in starts), "page_count": str(len(pages))}
    meta.update(_info(reader))
    return [Document(path=path, text=full, meta=MappingProxyType(meta),
                     source_map=SourceMap.for_source(full))]


def _page_texts(reader: Any, warnings: list[str]) -> list[str]:
    texts: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:  # one bad page must not lose the rest of the paper
            warnings.append(f"page {number}: text could not be extracted "
                            f"({type(exc).__name__}: {exc})")
            texts.append("")
    return texts


def _info(reader: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    try:
        info = reader.metadata
    except Exception:  # broken document information is not worth a warning
        return meta
    if not info:
        return meta
    title = info.get("/Title")
    if isinstance(title, str) and title.strip():
        meta["title"] = " ".join(title.split())
    created = info.get("/CreationDate")
    if isinstance(created, str):
        match = _PDF_DATE.match(created.strip())
        if match:
            year, month, day = match.groups()
            meta["date"] = "-".join(x for x in (year, month, day) if x)
    return meta
