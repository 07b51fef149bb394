"""``numcheck check``: check documents and report findings.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration or input errors (2 wins over 1). Unreadable inputs are reported on stderr, one line
each (``numcheck: path: error: message``); the other documents are still checked and reported.
A rule or the extractor failing on a document is reported the same way and also exits 2: the
check of that document is incomplete, and a CI run must not pass silently.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from numcheck.cli import PATH, app, config_option
from numcheck.cli import fail as _fail

if TYPE_CHECKING:
    from numcheck.cache import ResultCache
    from numcheck.documents import Document
    from numcheck.engine import Runner

FAIL_ON = ("error", "warning", "info", "never")
ENGINES = ("local", "dask")


def _split(values: Sequence[str] | None) -> list[str] | None:
    """``--select A,B --select C`` → [A, B, C]; None when not given (or given empty)."""
    parts = [part.strip() for value in values or () for part in value.split(",")]
    return [part for part in parts if part] or None


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def exit_code(has_input_errors: bool, severities: list[str], fail_on: str) -> int:
    from numcheck.findings import SEVERITY_RANK

    if has_input_errors:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[s] >= threshold for s in severities) else 0


class ProgressBar:
    """A progress bar on stderr for long runs, driven by the engine's ``on_document`` hook
    (called in input order as each document is done, wherever it was checked).

    It appears only after ``delay`` seconds (short runs stay silent), only when stderr is a
    terminal and ``--quiet`` is not given, and is removed when the run ends. rich reads
    ``NO_COLOR`` itself, so the bar is colourless then.
    """

    def __init__(self, paths: Sequence[str], delay: float = 1.0) -> None:
        from numcheck.loading import expand_paths, format_of

        files = [p for p in expand_paths(paths) if isinstance(p, str)]
        # A JSON Lines file holds many documents: the total is unknown then.
        many = any(p != "-" and format_of(p) == "jsonl" for p in files)
        self.total = None if many else len(files)
        self.delay = delay
        self.done = 0
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    @staticmethod
    def wanted(quiet: bool) -> bool:
        return not quiet and sys.stderr.isatty()

    def __call__(self, document: Document) -> None:
        self.done += 1
        if self.bar is None and time.monotonic() - self.started >= self.delay:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.description}"),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=self.total)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, description=document.path[-50:])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _all_misses(no_cache: bool, cache_dir: Path | None) -> bool:
    """True when no document can come from the results cache: it is off, or there is none
    yet. Only then is a pool certain enough to start its forkserver before reading anything:
    on a re-check that a cache answers, the unused forkserver costs 15 % (measured)."""
    if no_cache:
        return True
    from numcheck import warm

    return not warm.results_path(cache_dir).exists()


def build_runner(engine: str, jobs: int | None, scheduler: str | None, no_cache: bool,
                 cache_dir: Path | None, claims_out: Path | None
                 ) -> tuple[Runner, ResultCache | None]:
    """Where documents are checked (``--engine``, ``--jobs``), and the results cache in front
    of it (None with ``--no-cache``), which also remembers corpus-scope findings."""
    from numcheck import warm
    from numcheck.cache import ResultCache

    if cache_dir is not None:
        warm.configure(cache_dir)
    cache = None if no_cache else ResultCache()
    runner: Runner
    if engine == "dask":
        try:
            import distributed  # noqa: F401  (here, for a clear message; the run needs it)

            from numcheck.distributed import DaskRunner
        except ImportError as exc:
            _fail(f"--engine dask needs dask[distributed] ({exc.name} is missing): "
                  "pip install 'numcheck[dask]'")
        runner = DaskRunner(scheduler, cache, workers=jobs)
    else:
        from numcheck.parallel import local_runner

        runner = local_runner(jobs, cache)
    if claims_out is not None:
        from numcheck.partitions import ClaimsParts, tee

        try:
            runner = tee(runner, ClaimsParts(claims_out))
        except OSError as exc:
            _fail(f"{claims_out}: cannot write claims: {exc.strerror or exc}")
    return runner, cache


def _is_run_error(exc: Exception) -> bool:
    # The archive and Dask modules are imported only by runs that use them; an exception
    # cannot be one of theirs unless they were.
    archive = sys.modules.get("numcheck.archive")
    dask = sys.modules.get("numcheck.distributed")
    return (archive is not None and isinstance(exc, archive.ArchiveError)) or (
        dask is not None and isinstance(exc, dask.DaskEngineError))


@app.command("check")
@click.argument("paths", nargs=-1,
                help="Files, folders, or - for stdin. Default: the current folder.")
@click.option("--format", "-f", "fmt", default=None,
              help="text, json, sarif, github or html (default: github inside GitHub Actions, "
                   "else text).")
@click.option("--output", "-o", type=PATH, default=None,
              help="Write the report here, not stdout.")
@click.option("--fail-on", default=None,
              help="Lowest level that fails the run: error, warning, info or never (default: "
                   "warning, or fail-on in the config).")
@click.option("--select", multiple=True,
              help="Run only these rules: codes, prefixes, names, groups or ALL; "
                   "comma-separated, repeatable. Replaces the config's.")
@click.option("--ignore", multiple=True,
              help="Do not run these rules (added to the config's).")
@config_option()
@click.option("--quiet", "-q", is_flag=True,
              help="Findings and input errors only: no summary line, no warnings about inputs.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Documents checked in this many worker processes (default: all cores; "
                   "small inputs are checked in this process).")
@click.option("--engine", default="local", show_default=True,
              help="local (this machine) or dask (a Dask cluster; needs numcheck[dask]).")
@click.option("--scheduler", default=None,
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster "
                   "for the run).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the results cache.")
@click.option("--cache-dir", type=PATH, default=None,
              help="Cache folder (default: the user cache directory, or NUMCHECK_CACHE_DIR).")
@click.option("--claims-out", type=PATH, default=None,
              help="Also write every claim as partitioned Parquet (part-00000.parquet, ...) "
                   "into this folder.")
@click.option("--against", type=PATH, default=None,
              help="Also match against every claim in this archive (numcheck index) for "
                   "cross-article findings (NC201).")
@click.option("--max-size", metavar="SIZE", default=None,
              help="Largest file read, in bytes or as 20MB / 1GB; larger files are refused "
                   "with an error naming them. Default: max-size in the config, else 50MB.")
@click.option("--time-budget", type=click.FloatRange(min=0), metavar="SECONDS", default=None,
              help="Seconds one document may take; the rest of its check is then skipped with "
                   "an error naming it (exit 2). 0: no limit. Default: time-budget in the "
                   "config, else 60.")
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config: Path | None,
    quiet: bool,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    no_cache: bool,
    cache_dir: Path | None,
    claims_out: Path | None,
    against: Path | None,
    max_size: str | None,
    time_budget: float | None,
) -> None:
    """Find numbers that cannot all be true, and report them."""
    if engine == "local" and _all_misses(no_cache, cache_dir):
        from numcheck import workers

        # Before the imports below: the worker processes' forkserver loads numcheck on the
        # other core while this process does (see numcheck.workers).
        workers.start_early(paths or ["."], jobs, workers.MIN_POOL_BYTES)
    from numcheck.config import ConfigError, budget_seconds, discover, parse_size
    from numcheck.engine import run_paths
    from numcheck.report import FORMATS, OutputOptions, writer_for
    from numcheck.rules.loader import PackError

    name = fmt or default_format()
    if name not in FORMATS:
        _fail(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    if fail_on is not None and fail_on not in FAIL_ON:
        _fail(f"unknown --fail-on level {fail_on!r} (choose from {', '.join(FAIL_ON)})")
    if engine not in ENGINES:
        _fail(f"unknown --engine {engine!r} (choose from {', '.join(ENGINES)})")
    if scheduler is not None and engine != "dask":
        _fail("--scheduler needs --engine dask")
    runner, cache = build_runner(engine, jobs, scheduler, no_cache, cache_dir, claims_out)
    progress = ProgressBar(paths or ["."]) if ProgressBar.wanted(quiet) else None
    try:
        settings = discover(config)
        if time_budget is not None:
            settings = replace(settings, time_budget=budget_seconds(time_budget))
        if max_size is not None:
            settings = replace(settings, max_size=parse_size(max_size))
        if against is not None:
            from numcheck.archive import with_against  # DuckDB and matching: only when asked

            settings = with_against(settings, against)
        run = run_paths(paths or ["."], settings, select=_split(select),
                        ignore=_split(ignore) or (), runner=runner,
                        on_document=progress, corpus_cache=cache)
    except Exception as exc:
        if isinstance(exc, (ConfigError, PackError)) or _is_run_error(exc):
            _fail(str(exc))
        raise
    finally:
        if progress is not None:
            progress.close()
        if cache is not None:
            cache.close()
    report = run.report

    for problem in report.problems:
        if problem.severity == "error" or not quiet:
            click.echo(f"numcheck: {problem}", err=True)
    if not report.documents and not report.problems and not quiet:
        click.echo("numcheck: warning: no documents to check", err=True)

    def emit(stream: TextIO, color: bool) -> None:
        options = OutputOptions(documents=run.documents, rules={r.code: r for r in run.rules},
                                color=color, quiet=quiet)
        writer_for(name)(report, stream, options)

    if output is None:
        if name == "text":
            from numcheck.report.text import wants_color  # (the text writer's module)

            emit(sys.stdout, wants_color(sys.stdout))
        else:
            emit(sys.stdout, False)
    else:
        try:
            with output.open("w", encoding="utf-8", newline="\n") as stream:
                emit(stream, False)
        except OSError as exc:
            _fail(f"{output}: cannot write report: {exc.strerror or exc}")

    level = fail_on or settings.fail_on
    code = exit_code(report.has_input_errors, [f.severity for f in report.findings], level)
    raise click.exceptions.Exit(code)
