"""Word files: text in reading order, positions as paragraph (line) and column."""

from __future__ import annotations

import io
import zipfile

import pytest

from numcheck.extraction import extract_document
from numcheck.loading import read_bytes

docx = pytest.importorskip("docx", reason="python-docx is not installed: "
                                          "pip install 'numcheck[web]'")


def _word(build: object) -> bytes:
    document = docx.Document()
    build(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _article(document: object) -> None:
    document.core_properties.title = "Forest reserve"  # type: ignore[attr-defined]
    document.add_heading("Reserve of 25 square miles", 1)  # type: ignore[attr-defined]
    document.add_paragraph("")  # type: ignore[attr-defined]
    document.add_paragraph(  # type: ignore[attr-defined]
        "The forest covers 25 square miles (40 square kilometres) of wetland.")
    table = document.add_table(rows=1, cols=3)  # type: ignore[attr-defined]
    table.cell(0, 0).text = "Area: 5 km"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Birds: 300"
    paragraph = document.add_paragraph("It has 12 lakes.")  # type: ignore[attr-defined]
    paragraph.add_run().add_break()
    paragraph.add_run(" And 7 rivers.")


def test_paragraphs_are_lines_and_columns_count_inside_them() -> None:
    loaded = read_bytes("story.docx", _word(_article))
    assert loaded.problems == ()
    [doc] = loaded.documents
    assert doc.title == "Forest reserve"
    claims = {c.text: (c.line, c.column) for c in extract_document(doc)}
    # Heading = paragraph 1, empty paragraph 2, body 3, table cells 4 and 5, last one 6.
    assert claims["25 square miles"] == (3, 19)
    assert claims["40 square kilometres"] == (3, 36)
    assert claims["5 km"] == (4, 7)
    assert claims["300"] == (5, 8)  # a merged cell is read once
    assert claims["12"] == (6, 8)
    assert claims["7"] == (6, 23)  # a line break inside a paragraph stays on its line


def test_sentences_do_not_run_across_paragraphs() -> None:
    def build(document: object) -> None:
        document.add_heading("Death toll 46", 1)  # type: ignore[attr-defined]
        document.add_paragraph("Officials said 39 people died.")  # type: ignore[attr-defined]

    [doc] = read_bytes("toll.docx", _word(build)).documents
    sentences = {c.text: c.sentence for c in extract_document(doc)}
    assert "Officials" not in sentences["46"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text, not a package", "not a .docx file"),
        (b"PK\x03\x04 broken zip", "not a .docx file"),
    ],
)
def test_files_that_are_not_word_documents(data: bytes, message: str) -> None:
    loaded = read_bytes("bad.docx", data)
    assert loaded.documents == ()
    assert message in loaded.problems[0].message


def test_zip_without_a_document_part() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "hi")
    loaded = read_bytes("other.docx", buffer.getvalue())
    assert "no word/document.xml" in loaded.problems[0].message


def test_empty_word_document_is_a_warning() -> None:
    loaded = read_bytes("empty.docx", _word(lambda d: None))
    assert loaded.documents == ()
    assert loaded.problems[0].severity == "warning"
    assert "no text" in loaded.problems[0].message
