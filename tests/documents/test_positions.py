"""Every claim maps back to the exact 1-based line and column of the original file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.api import claims_from_paths


def located(path: Path, needle: str) -> tuple[int, int]:
    """Where ``needle`` starts in the file, as a person's editor shows it."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        column = line.find(needle)
        if column != -1:
            return number, column + 1
    raise AssertionError(f"{needle!r} not in {path}")


def claim_at(path: Path, text: str) -> tuple[int, int]:
    claims, problems = claims_from_paths([str(path)])
    assert not [p for p in problems if p.severity == "error"]
    matches = [c for c in claims if c.text == text]
    assert matches, [c.text for c in claims]
    return matches[0].line, matches[0].column


def test_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nThe lake covers 40 km² today.\nIt is 5 km wide.\n", "utf-8")
    assert claim_at(path, "40 km²") == located(path, "40 km²")
    assert claim_at(path, "5 km") == located(path, "5 km")


def test_markdown_front_matter_is_metadata_not_prose(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Lake 2019 report\ndate: 2019-02-07\n---\n\n# Lake\n\nIt covers 40 km².\n",
        "utf-8",
    )
    claims, _ = claims_from_paths([str(path)])
    assert [c.text for c in claims] == ["40 km²"]  # nothing from the front matter
    assert (claims[0].line, claims[0].column) == located(path, "40 km²")
    assert claims[0].doc_date == "2019-02-07"


def test_html_visible_text_with_entities_and_tags(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>T</title><style>p{width:5px}</style>"
        "<script>var n = 12;</script></head>\n<body>\n"
        "<p>The &amp; lake <b>covers</b> 40&nbsp;km&sup2; and</p>\n"
        "<p>is   <i>5 km</i> wide.</p></body></html>\n",
        "utf-8",
    )
    claims, _ = claims_from_paths([str(path)])
    texts = [c.text for c in claims]
    assert "12" not in texts and "5px" not in " ".join(texts)
    five = next(c for c in claims if c.text == "5 km")
    assert (five.line, five.column) == located(path, "5 km")
    forty = next(c for c in claims if c.text.startswith("40"))
    assert (forty.line, forty.column) == located(path, "40&nbsp;")


def test_jsonl_positions_inside_the_string_literal(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    records = [
        {"id": "x1", "date": "2019-02-07", "text": "Prices rose \"sharply\" by 5%.\nIt cost $3m."},
        {"id": "x2", "text": "The caf\u00e9 seats 40 people."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    claims, _ = claims_from_paths([str(path)])
    three = next(c for c in claims if c.text == "$3m")
    assert (three.line, three.column) == located(path, "$3m")
    assert three.doc_id == "x1" and three.doc_date == "2019-02-07"
    forty = next(c for c in claims if c.text.startswith("40"))
    assert forty.line == 2
    assert forty.column == located(path, "40 people")[1]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_columns_count_characters_not_bytes(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(f"Zoë’s café – “quoted” 12 miles.{newline}".encode())
    line, column = claim_at(path, "12 miles")
    assert (line, column) == (1, "Zoë’s café – “quoted” ".__len__() + 1)
