"""``numcheck serve --db``: drafts compared with published articles, and linked to them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'numcheck[web]'")
pytest.importorskip("duckdb", reason="the archive extra is not installed: "
                                     "pip install 'numcheck[archive]'")

from fastapi.testclient import TestClient

from numcheck.config import Config
from numcheck.rules.loader import load_rules
from numcheck.rules.selection import select_rules
from numcheck.web.app import Settings, create_app
from numcheck.web.archive_seam import attach

PUBLISHED = ("---\ntitle: Pentagon update\ndate: 2019-10-14\n---\n"
             "There are about 2,000 US troops in Syria, the Pentagon said.\n")
DRAFT = "Some 4,000 American soldiers are deployed in Syria."


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from numcheck.archive import index

    root = tmp_path_factory.mktemp("published")
    (root / "pentagon.md").write_text(PUBLISHED, encoding="utf-8")
    db = root / "archive.duckdb"
    stats = index([str(root / "pentagon.md")], db)
    assert stats.documents == 1
    return db


@pytest.fixture(scope="module")
def archived(archive: Path) -> Iterator[TestClient]:
    config, view, notice = attach(Config(), archive)
    assert view is not None, notice
    ruleset = load_rules(config.packs)
    settings = Settings(selection=select_rules(ruleset, config), ruleset=ruleset,
                        archive=view, notice=notice, warm_up=False)
    with TestClient(create_app(settings)) as client:
        yield client


def test_notice_says_what_is_compared(archived: TestClient) -> None:
    page = archived.get("/").text
    assert "Drafts are also compared with 1 published article in archive.duckdb." in page


def test_conflict_with_a_published_article_is_found_and_linked(
    archived: TestClient, archive: Path
) -> None:
    body = archived.post("/api/check", json={"text": DRAFT, "date": "2019-10-15"}).json()
    cross = [f for f in body["findings"] if f["rule"] == "NC201"]
    assert cross, body
    published = str(archive.parent / "pentagon.md")
    assert [e["path"] for e in cross[0]["evidence"]] == ["<pasted>", published]

    page = archived.post("/check", data={"text": DRAFT, "date": "2019-10-15"}).text
    links = re.findall(r'<a class="nc-source" href="([^"]+)"', page)
    assert len(links) == 1 and links[0].startswith("published?path=")
    target = archived.get(links[0].replace("&amp;", "&"))
    assert target.status_code == 200
    assert "Pentagon update" in target.text and "2019-10-14" in target.text
    marked = re.search(r'<span class="nc-hit nc-warning" id="nc-here">([^<]+)</span>',
                       target.text)
    assert marked is not None and marked.group(1) == "2,000"


def test_unknown_published_article_is_404(archived: TestClient) -> None:
    response = archived.get("/published", params={"path": "nowhere.md"})
    assert response.status_code == 404
    assert "No published article" in response.text


def test_missing_archive_leaves_the_configuration_alone(tmp_path: Path) -> None:
    config = Config()
    same, view, notice = attach(config, tmp_path / "absent.duckdb")
    assert same is config and view is None
    assert "absent.duckdb" in notice and "not used" in notice


def test_published_page_needs_an_archive(client: TestClient) -> None:
    response = client.get("/published", params={"path": "a.md"})
    assert response.status_code == 404
    assert "no archive" in response.text
