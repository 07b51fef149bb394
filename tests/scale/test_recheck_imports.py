"""What a re-check from the results cache imports (issue 7: it must take a twentieth of the
first check, and most of what is left is Python starting and importing).

Schema validation (jsonschema and its dependencies), YAML, the ``regex`` module and the
pydantic that typer brought are needed only to validate configuration files and rule packs;
a run without a configuration file whose rules come from the load cache needs none of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("jsonschema", "referencing", "yaml", "regex", "pydantic", "typer",
         "importlib.resources", "numcheck.safe_regex")

_PROBE = (
    "import sys, json\n"
    "from numcheck.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    f"print(json.dumps(sorted(m for m in sys.modules if m in {HEAVY!r})), file=sys.stderr)\n"
)


def _run(args: list[str], cwd: Path, cache: Path) -> tuple[bytes, list[str]]:
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, env=env,
                          cwd=cwd, check=True)
    return done.stdout, json.loads(done.stderr.decode().strip().splitlines()[-1])


@pytest.fixture
def texts(tmp_path: Path) -> list[str]:
    """Plain-text articles, as the BBC corpus is (Markdown front matter needs YAML)."""
    articles = {
        "forest.txt": "The forest, which covers 25 square miles (40 square kilometres), is home "
                      "to more than 300 species of birds.\n",
        "troops-a.txt": "There are about 2,000 US troops in Syria, officials said.\n",
        "troops-b.txt": "Some 4,000 American soldiers are deployed in Syria.\n",
    }
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


def test_a_cached_recheck_imports_no_validation_library(texts: list[str],
                                                        tmp_path: Path) -> None:
    args = ["check", "--format", "json", "--jobs", "1", *texts]
    first, first_modules = _run(args, tmp_path, tmp_path / "cache")
    again, modules = _run(args, tmp_path, tmp_path / "cache")
    assert first == again
    assert "jsonschema" in first_modules  # the first run validated the packs
    assert modules == []


def test_a_configuration_file_is_still_validated(corpus: list[str], tmp_path: Path) -> None:
    (tmp_path / "numcheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    args = ["check", "--format", "json", "--jobs", "1", *corpus]
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # a second run (warm caches) fails the same way
        done = subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True,
                              env=env, cwd=tmp_path, text=True, check=False)
        assert done.returncode == 2
        assert done.stderr.startswith("numcheck: numcheck.toml: fail-on: 'sometimes' is not "
                                      "one of 'error', 'warning', 'info', 'never'")


@pytest.mark.parametrize("pack", ["rules:\n  - code: [\n", "rules: []\nextra: 1\n"])
def test_a_bad_user_pack_still_fails(corpus: list[str], tmp_path: Path, pack: str) -> None:
    (tmp_path / "house.yml").write_text(pack, encoding="utf-8")
    (tmp_path / "numcheck.toml").write_text('packs = ["house.yml"]\n', encoding="utf-8")
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "numcheck", "check", *corpus],
                              capture_output=True, env=env, cwd=tmp_path, text=True,
                              check=False)
        assert done.returncode == 2
        assert done.stderr.startswith("numcheck: house.yml:"), done.stderr
