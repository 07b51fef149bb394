"""The Dask engine gives the local engine's report and claims, on a cluster the test owns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from numcheck.config import Config
from numcheck.engine import run_paths
from numcheck.parallel import LocalRunner
from numcheck.partitions import ClaimsParts, tee
from tests.conftest import eval_path
from tests.scale.conftest import as_json

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    # Two single-threaded workers in this process: the real scheduler protocol, tasks
    # serialised to the workers, and no process start-up cost in the test.
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _both(paths: list[str], scheduler: str, out: Path) -> tuple[str, str, Path, Path]:
    from numcheck.distributed import DaskRunner

    local = run_paths(paths, Config(), runner=tee(LocalRunner(jobs=1),
                                                  ClaimsParts(out / "local", 4)))
    dask = run_paths(paths, Config(), runner=tee(DaskRunner(scheduler, batch_size=3),
                                                 ClaimsParts(out / "dask", 4)))
    return as_json(local), as_json(dask), out / "local", out / "dask"


def _same_parts(a: Path, b: Path) -> None:
    import pandas as pd

    names = sorted(p.name for p in a.glob("part-*.parquet"))
    assert names == sorted(p.name for p in b.glob("part-*.parquet"))
    assert len(names) > 1  # really partitioned
    pd.testing.assert_frame_equal(pd.read_parquet(a), pd.read_parquet(b))


def test_dask_engine_equals_local_engine(corpus: list[str], scheduler: str,
                                         tmp_path: Path) -> None:
    local, dask, local_parts, dask_parts = _both(corpus, scheduler, tmp_path)
    assert dask == local
    assert '"NC201"' in dask  # the corpus rule ran over claims gathered from the workers
    _same_parts(local_parts, dask_parts)


def test_dask_engine_equals_local_engine_on_bbc(scheduler: str, tmp_path: Path) -> None:
    folder = eval_path("news/bbc")
    paths = [str(p) for p in sorted(folder.glob("*/*.txt"))[::60]]  # 29 across all sections
    local, dask, local_parts, dask_parts = _both(paths, scheduler, tmp_path)
    assert dask == local
    _same_parts(local_parts, dask_parts)


def test_cli_engine_dask_with_a_scheduler(corpus: list[str], scheduler: str) -> None:
    from click.testing import CliRunner

    from numcheck.cli import _register, app

    _register()
    runner = CliRunner()
    local = runner.invoke(app, ["check", "--format", "json", "--no-cache", "--jobs", "1",
                                *corpus])
    dask = runner.invoke(app, ["check", "--format", "json", "--no-cache", "--engine", "dask",
                               "--scheduler", scheduler, *corpus])
    assert local.exit_code == dask.exit_code == 1
    assert dask.stdout == local.stdout
