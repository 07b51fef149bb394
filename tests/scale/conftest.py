"""Fixtures for the speed-and-scale tests: a small corpus with known findings, and caches
kept out of the user's cache directory."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from numcheck import warm
from numcheck.engine import Run

# Articles with planted problems (a conversion, a part-whole list, a share of a total), one
# with a unit only quantulum3 knows ("rpm"), two that disagree across articles (NC201), and
# clean ones. Together they exercise extraction, document rules and corpus rules.
ARTICLES: dict[str, str] = {
    "forest.md": "---\ndate: 2024-03-01\n---\nThe forest, which covers 25 square miles "
                 "(40 square kilometres), is home to 300 species.\n",
    "troops-a.md": "---\ndate: 2019-10-14\n---\nThere are about 2,000 US troops in Syria, "
                   "the Pentagon said on Monday.\n",
    "troops-b.md": "---\ndate: 2019-10-15\n---\nSome 4,000 American soldiers are deployed "
                   "in Syria, officials said.\n",
    "layoffs.md": "Of the 200 workers at the plant, 50 (40%) were laid off in March.\n",
    "engine.md": "The 1.6-litre engine revs at 6,500 rpm and weighs 120 kg (265 lb).\n",
    "hurt.md": "Five Americans were hurt: two service members and a US contractor.\n",
    "heat.md": "Temperatures reached 40C (104F) in Seville, and 38C (100F) in Cordoba.\n",
    "clean-1.md": "The council approved a budget of £4.5m for 2025, up from £4.1m.\n",
    "clean-2.md": "About 1,200 homes were flooded when the river rose 2.5 metres.\n",
    "clean-3.md": "No numbers at all in this one, just words about the weather.\n",
    "suppressed.md": "<!-- numcheck: disable=NC101 -->\nIt covers 10 miles (30 km).\n"
                     "<!-- numcheck: enable -->\n",
    "shares.md": "Labour won 45% of the vote, the Conservatives 40% and the Liberal "
                 "Democrats 25%.\n",
}


@pytest.fixture(scope="session")
def warm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One load cache for the whole session (building it costs a few seconds once)."""
    return tmp_path_factory.mktemp("warm")


@pytest.fixture(autouse=True)
def isolated_cache(warm_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Worker processes read the environment; this process reads warm.configure().
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(warm_dir))
    warm.configure(None)
    yield
    warm.configure(None)


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


def as_json(run: Run) -> str:
    from numcheck.report import OutputOptions, writer_for

    buffer = io.StringIO()
    options = OutputOptions(documents=run.documents, rules={r.code: r for r in run.rules})
    writer_for("json")(run.report, buffer, options)
    return buffer.getvalue()
