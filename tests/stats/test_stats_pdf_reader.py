"""The PDF reader: text per page, the page map, and clear messages for unusable files."""

from __future__ import annotations

import pytest

from numcheck.loading import read_bytes
from numcheck.stats.pages import page_of
from numcheck.stats.table import results_frame


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], title: str = "A test paper") -> bytes:
    """A small valid PDF: one Helvetica text line per string, one page per list."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for number, lines in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
            f"{page_ids[number] + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream
                       + b"\nendstream")
    info_id = len(objects) + 1
    objects.append(f"<< /Title ({title}) /CreationDate (D:20240131120000Z) >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{index} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def test_pages_text_and_metadata() -> None:
    data = make_pdf([["Results", "t(28) = 2.20, p = .03"],
                     ["More results", "F(2, 56) = 1.20, p = .31"]])
    loaded = read_bytes("paper.pdf", data)
    assert loaded.problems == ()
    (doc,) = loaded.documents
    assert "t(28) = 2.20, p = .03" in doc.text and "F(2, 56) = 1.20" in doc.text
    assert doc.meta["page_count"] == "2"
    assert doc.meta["title"] == "A test paper"
    assert doc.meta["date"] == "2024-01-31"
    assert page_of(doc.meta, doc.text.index("t(28)")) == 1
    assert page_of(doc.meta, doc.text.index("F(2, 56)")) == 2
    frame = results_frame([doc])
    assert frame["page"].tolist() == [1, 2]
    assert frame["error"].tolist() == [True, False]
    line, _ = doc.position(doc.text.index("F(2, 56)"))
    assert line == doc.text[: doc.text.index("F(2, 56)")].count("\n") + 1


def test_page_of_without_a_page_map() -> None:
    assert page_of({}, 10) is None
    assert page_of({"pages": "0,100"}, 99) == 1
    assert page_of({"pages": "0,100"}, 100) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello, not a pdf at all", "not a PDF"),
        (b"%PDF-1.4\n garbage garbage", "PDF"),
    ],
)
def test_unusable_files_get_one_clear_error(data: bytes, message: str) -> None:
    loaded = read_bytes("broken.pdf", data)
    assert loaded.documents == ()
    (problem,) = loaded.problems
    assert problem.severity == "error" and message in problem.message


def test_pdf_without_text_layer_is_a_warning() -> None:
    loaded = read_bytes("scan.pdf", make_pdf([[]]))
    assert loaded.documents == ()
    (problem,) = loaded.problems
    assert problem.severity == "warning" and "no text layer" in problem.message
