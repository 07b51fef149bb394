"""Determinism (issue 9, part 6): the same input gives the same bytes in every output format.

The speed tests already compare JSON across ``--jobs 1/2``, the Dask engine with the local one
and cached with fresh reports (tests/scale); this module adds what they leave out: SARIF,
text, GitHub and HTML too, across hash seeds (``PYTHONHASHSEED``: set iteration order differs
between processes) with a worker pool, across runs of the command, and across the order of the
files on the command line.

Each configuration is one child process that checks the corpus and renders every format, so
a difference names the format and the configuration that produced it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs ``numcheck check`` once per format in one process (the command itself, through click's
# test runner, so options are parsed as a user's are) and prints each output's hash, plus the
# JSON itself for the error message.
_CHILD = r"""
import hashlib, json, sys
from click.testing import CliRunner
from numcheck.cli import _register, app

_register()
options, paths = sys.argv[1].split(), sys.argv[2:]
out, errors = {}, {}
for name in ("json", "sarif", "text", "github", "html"):
    result = CliRunner().invoke(app, ["check", "--format", name, *options, *paths])
    assert result.exit_code == 1, (name, result.exit_code, result.output, result.exception)
    out[name], errors[name] = result.stdout, result.stderr
print(json.dumps({"hashes": {k: hashlib.sha256(v.encode()).hexdigest() for k, v in out.items()},
                  "json": out["json"], "problems": errors["json"]}))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The repository's example articles, two that disagree across articles (undated, so
    the order rule decides where the finding goes) and a JSON Lines file of three."""
    folder = tmp_path_factory.mktemp("determinism")
    paths = []
    for example in sorted((ROOT / "examples").glob("*.md")):
        target = folder / example.name
        target.write_bytes(example.read_bytes())
        paths.append(str(target))
    extra = {
        "troops-a.md": "There are about 2,000 US troops in Syria, the Pentagon said.\n",
        "troops-b.md": "Some 4,000 American soldiers are deployed in Syria, officials said.\n",
        "wire.jsonl": "".join(json.dumps(r) + "\n" for r in [
            {"id": "w1", "text": "The lake covers 25 square miles (40 square kilometres)."},
            {"id": "w2", "text": "Of the 200 staff, 50 (40%) left; 45% stayed and 30% moved."},
            {"id": "w3", "text": "At least 46 people died. Police said 39 people died."},
        ]),
    }
    for name, text in extra.items():
        (folder / name).write_text(text, "utf-8")
        paths.append(str(folder / name))
    return paths


def _outputs(paths: list[str], *, hash_seed: str, options: str = "--no-cache",
             ) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "NUMCHECK_POOL_MIN_BYTES": "0"}
    done = subprocess.run([sys.executable, "-c", _CHILD, options, *paths],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def baseline(corpus: list[str]) -> dict[str, object]:
    out = _outputs(corpus, hash_seed="0")
    report = json.loads(str(out["json"]))
    rules = {f["rule"] for f in report["findings"]}
    # Enough happens for a difference to show: document rules, the corpus rule, suppressions.
    assert {"NC101", "NC102", "NC106", "NC201"} <= rules, rules
    return out


def _same(a: dict[str, object], b: dict[str, object]) -> None:
    assert a["hashes"] == b["hashes"], (a["json"], b["json"])
    assert a["problems"] == b["problems"]


def test_another_hash_seed_and_a_worker_pool_change_no_format(
    corpus: list[str], baseline: dict[str, object]
) -> None:
    # PYTHONHASHSEED changes set and dict-of-set iteration order between processes; the pool
    # (forced on for this small corpus) checks documents in other processes, each with its
    # own hash seed. JSON across --jobs is also tested in tests/scale; every other format
    # is only tested here.
    _same(baseline, _outputs(corpus, hash_seed="1", options="--no-cache --jobs 2"))


def test_cli_sarif_results_do_not_depend_on_input_order(corpus: list[str]) -> None:
    # The command itself, stdout: the same files named in another order (and another hash
    # seed) give the same results. Documents are listed in input order, so the bytes of the
    # whole log differ only there; byte-identity across runs is tested above.
    logs = []
    for seed, order in (("0", corpus), ("99", corpus[::-1])):
        done = subprocess.run(
            [sys.executable, "-m", "numcheck", "check", "--no-cache", "--format", "sarif",
             *order],
            capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT,
            timeout=300)
        assert done.returncode == 1, done.stderr.decode()[-2000:]
        logs.append(json.loads(done.stdout))
    first, reversed_order = (log["runs"][0]["results"] for log in logs)
    assert first and first == reversed_order
