"""What the web page and the API do with a submission: read it, check it, keep the claims.

Framework-free (no FastAPI here), so it is tested directly and the app stays a thin layer of
routes. :meth:`Checker.check` is synchronous and CPU-bound; the app runs it in a worker thread
under a time limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from types import MappingProxyType

from numcheck.claims import Claim
from numcheck.documents import Document, Problem
from numcheck.engine import Budget, doc_key, run_documents
from numcheck.findings import Report
from numcheck.loading import read_bytes
from numcheck.readers import SUFFIXES
from numcheck.rules.selection import RuleSelection
from numcheck.web.limits import Limits
from numcheck.web.markup import DocView

#: Path given to pasted text in findings (like ``<stdin>`` for standard input).
PASTED = "<pasted>"
#: File formats the page accepts (the CLI reads more).
UPLOAD_FORMATS = ("markdown", "text", "html", "docx")


class Refused(Exception):
    """A submission that cannot be checked; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


@dataclass(frozen=True)
class Submission:
    """What a person pasted or uploaded, with the optional headline and publication date."""

    text: str = ""
    title: str = ""
    date: str = ""
    path: str = ""
    uploads: tuple[Upload, ...] = ()


@dataclass(frozen=True)
class Checked:
    """A finished check: the report (the JSON contract) and every document with its claims."""

    report: Report
    views: tuple[DocView, ...]
    problems: tuple[Problem, ...] = ()


def accepted_suffixes() -> tuple[str, ...]:
    return tuple(sorted(s for s, fmt in SUFFIXES.items() if fmt in UPLOAD_FORMATS))


def parse_date(value: str) -> str:
    """A publication date as ``YYYY-MM-DD``; empty stays empty."""
    value = value.strip()
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise Refused(400, f"The publication date must look like 2019-02-06, not {value!r}.") \
            from None


def _with_meta(doc: Document, title: str, date: str) -> Document:
    # What the person typed on the page wins over what the file says about itself.
    meta = dict(doc.meta)
    if title:
        meta["title"] = title
    if date:
        meta["date"] = date
    return replace(doc, meta=MappingProxyType(meta))


@dataclass
class Checker:
    """Checks submissions with one rule selection; shared by every request (no state).

    Drafts are compared with published articles by the cross-article rule itself when the
    selection was configured with an archive (see :mod:`numcheck.web.archive_seam`).
    """

    selection: RuleSelection
    limits: Limits = field(default_factory=Limits)

    def documents(self, sub: Submission) -> tuple[list[Document], list[Problem]]:
        """Read the submission into documents; refuse what cannot be checked at all."""
        title = " ".join(sub.title.split())[:300]
        date = parse_date(sub.date)
        if len(sub.uploads) > self.limits.max_files:
            raise Refused(400, f"Too many files: {len(sub.uploads)}, the limit is "
                               f"{self.limits.max_files} per check.")
        docs: list[Document] = []
        problems: list[Problem] = []
        if sub.text.strip():
            path = sub.path.strip() or PASTED
            # Browsers send a textarea's line breaks as CRLF; pasted text has no file whose
            # columns a CR would shift, so one kind of break keeps offsets the same for the
            # page and the API.
            text = sub.text.replace("\r\n", "\n").replace("\r", "\n")
            meta = {k: v for k, v in (("title", title), ("date", date)) if v}
            docs.append(Document.from_text(text, path, meta))
        for upload in sub.uploads:
            name = PurePath(upload.filename.replace("\\", "/")).name or "upload"
            fmt = SUFFIXES.get(PurePath(name).suffix.lower())
            if fmt not in UPLOAD_FORMATS:
                problems.append(Problem(name, "cannot check this kind of file; upload "
                                              f"{', '.join(accepted_suffixes())}"))
                continue
            loaded = read_bytes(name, upload.data, fmt)
            problems.extend(loaded.problems)
            docs.extend(_with_meta(d, title, date) for d in loaded.documents)
        if not docs:
            detail = "; ".join(f"{p.path}: {p.message}" for p in problems)
            raise Refused(400, f"Nothing to check. {detail}" if detail else
                          "Nothing to check: paste an article or choose a file.")
        chars = sum(len(d.text) for d in docs)
        if chars > self.limits.max_chars:
            raise Refused(413, self.limits.too_long_message(chars))
        return docs, problems

    def check(self, docs: Sequence[Document], problems: Sequence[Problem] = ()) -> Checked:
        """Run the rules over ``docs``; keep every claim for underlining."""
        claims: dict[tuple[str, str | None], tuple[Claim, ...]] = {}

        def extract(doc: Document) -> Sequence[Claim]:
            from numcheck.extraction import extract_document

            found = tuple(extract_document(doc))
            claims[doc_key(doc)] = found  # kept for underlining: extracted once, used twice
            return found

        run = run_documents(docs, self.selection, extractor=extract,
                            budget=Budget(self.limits.seconds))
        report = replace(run.report, problems=(*problems, *run.report.problems))
        views = tuple(
            DocView(f"nc-d{i}", d, claims.get(doc_key(d), ()))
            for i, d in enumerate(docs, start=1)
        )
        return Checked(report, views, tuple(report.problems))

