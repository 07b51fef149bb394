"""The Dask engine and the local engine give identical results on the whole BBC corpus.

    .venv/bin/python benchmarks/dask_equal.py [--limit N] [--workers 2] [--scheduler ADDRESS]

Runs ``numcheck check --format json --no-cache`` over the 1,714 articles three ways: the local
engine with one job, the local engine with ``--workers`` jobs, and the Dask engine (a
``LocalCluster`` of ``--workers`` single-threaded processes started by numcheck for the run, or
the cluster at ``--scheduler``), each with ``--claims-out``. It compares the JSON reports byte
for byte and the Parquet claims table row for row, prints the times, and exits 1 on any
difference. All rules run, including the corpus-scope cross-article rule, which the Dask engine
runs in the client over the claims gathered from the workers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import require

ROOT = Path(__file__).resolve().parent.parent


def check(files: list[str], extra: list[str], claims: Path, env: dict[str, str]
          ) -> tuple[bytes, float]:
    command = [sys.executable, "-m", "numcheck", "check", "--format", "json", "--no-cache",
               "--quiet", "--claims-out", str(claims), *extra, *files]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"numcheck check {' '.join(extra)} failed ({done.returncode}):\n"
                 f"{done.stderr.decode()[-2000:]}")
    return done.stdout, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", default=None)
    args = parser.parse_args()

    import pandas as pd

    files = [str(p) for p in sorted(require("news/bbc").glob("*/*.txt"))]
    files = files[: args.limit] if args.limit else files
    scratch = Path(tempfile.mkdtemp(prefix="numcheck-dask-"))
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(scratch / "cache")}
    dask = ["--engine", "dask", "--jobs", str(args.workers)]
    if args.scheduler:
        dask += ["--scheduler", args.scheduler]
    runs = {
        "local --jobs 1": ["--jobs", "1"],
        f"local --jobs {args.workers}": ["--jobs", str(args.workers)],
        " ".join(dask): dask,
    }
    print(f"{len(files)} articles; python {sys.version.split()[0]}, {os.cpu_count()} cores")
    outputs: dict[str, bytes] = {}
    tables: dict[str, pd.DataFrame] = {}
    for index, (name, extra) in enumerate(runs.items()):
        claims = scratch / f"claims-{index}"
        outputs[name], seconds = check(files, extra, claims, env)
        tables[name] = pd.read_parquet(claims)
        parts = len(list(claims.glob("part-*.parquet")))
        print(f"  {name:<28} {seconds:6.1f} s  {len(outputs[name]):>9} bytes of JSON, "
              f"{len(tables[name])} claims in {parts} Parquet parts")

    reference = next(iter(runs))
    failed = False
    for name in runs:
        if name == reference:
            continue
        same_json = outputs[name] == outputs[reference]
        try:
            pd.testing.assert_frame_equal(tables[name], tables[reference])
            same_claims = True
        except AssertionError:
            same_claims = False
        failed |= not (same_json and same_claims)
        print(f"  {name} vs {reference}: JSON {'identical' if same_json else 'DIFFERENT'}, "
              f"claims {'identical' if same_claims else 'DIFFERENT'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
