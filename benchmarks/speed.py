"""Speed and scale of ``numcheck check`` on the 1,714 BBC articles: every target a ratio
measured in this one run, on this machine, with the commands printed.

    .venv/bin/python benchmarks/speed.py [--repeat 3] [--limit N] [--only throughput,jobs,...]

Every measurement runs the real command in a fresh process, on a snapshot of the package
taken at the start (so edits to the checkout during the run change nothing), against a private
cache folder (``NUMCHECK_CACHE_DIR`` in a temporary directory; the user's cache is never
touched). The load
cache (:mod:`numcheck.warm`) is built once first, as any earlier run of numcheck would have; the
results cache is off (``--no-cache``) except where re-checking is measured. Timed commands are
repeated ``--repeat`` times, interleaved, and the fastest run counts (the machine may be shared).

Targets (numcheck issue 7):

* throughput: ``numcheck check --jobs 1`` with all in-article rules over the corpus at least
  3x the throughput of ``quantulum3.parser.parse`` called once per article (its load excluded);
* jobs: ``--jobs 2`` at least 1.8x ``--jobs 1`` (on 2 cores), every rule as ``numcheck
  check`` runs them (``--only jobs``); the throughput step also compares them on the
  in-article rules only (``jobs-in-article``);
* cold: ``numcheck check`` of one short article at most 0.5x the time of
  ``python -c "from quantulum3 import parser; parser.parse('5 km')"``;
* recheck: re-checking the unchanged corpus (all rules, default jobs) at least 20x faster than
  the first check;
* memory: peak RSS of every process of a whole-corpus run under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import require

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
NUMCHECK = [PYTHON, "-m", "numcheck", "check"]
QUANTULUM_CALL = "from quantulum3 import parser; parser.parse('5 km')"

# A short article whose units only quantulum3 knows: the slowest path a cold start can take.
LONG_TAIL = ("Sony's new camera has a 3,000 lumens lamp and records at 120 fps. The sensor, "
             "launched on 3 March, costs £1,200 (about $1,500). Its battery lasts 410 shots, "
             "and the body weighs 650 grams.\n")


@dataclass
class Timing:
    seconds: float
    cpu: float
    returncode: int
    stdout: bytes
    user: float = 0.0


def snapshot(folder: Path) -> Path:
    """A copy of the package, its rule packs and pyproject.toml: every command of the run
    checks with the same code (the results cache is keyed on it, and this checkout may be
    edited while the benchmark runs). ``python -m numcheck`` run there imports the copy."""
    target = folder / "snapshot"
    shutil.copytree(ROOT / "numcheck", target / "numcheck",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", target / "rules")
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    # Byte-compiled, as an installed package is (pip compiles on install, and a checkout
    # writes __pycache__ on first import): with PYTHONDONTWRITEBYTECODE set, as it may be in
    # CI and sandboxes, every timed command would otherwise compile numcheck from source.
    import compileall

    compileall.compile_dir(target / "numcheck", quiet=1)
    return target


CODE = ROOT  # where commands run (and import numcheck from); main() points it at a snapshot


def run(command: Sequence[str], env: dict[str, str], stdout: bool = False,
        strict: bool = True) -> Timing:
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False, cwd=CODE)
    seconds = time.perf_counter() - started
    after = os.times()
    if strict and done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(command[:8])} ...\n"
                 f"{done.stderr.decode()[-2000:]}")
    # Children reaped by this process: the command itself (and what it waits for), not the
    # worker processes of a forkserver, which are never its children.
    user = after.children_user - before.children_user
    cpu = user + (after.children_system - before.children_system)
    return Timing(seconds, cpu, done.returncode, done.stdout if stdout else b"", user)


def best(times: list[Timing]) -> Timing:
    return min(times, key=lambda t: t.seconds)


def interleaved(commands: dict[str, Sequence[str]], env: dict[str, str], repeat: int,
                stdout: bool = False) -> dict[str, Timing]:
    found: dict[str, list[Timing]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            found[name].append(run(command, env, stdout=stdout))
    return {name: best(times) for name, times in found.items()}


def show(command: Sequence[str], files: Sequence[str]) -> str:
    text = " ".join(command).replace(PYTHON, "python")
    joined = " ".join(files)
    return text.replace(joined, f"<{len(files)} BBC articles>") if files else text


# --------------------------------------------------------------------------- the measurements


@dataclass
class Result:
    name: str
    value: float
    target: str
    passed: bool
    detail: str


def corpus_scope_codes(env: dict[str, str]) -> list[str]:
    script = ("from numcheck.config import Config\n"
              "from numcheck.engine import _selection, split_rules\n"
              "print(' '.join(r.code for r in split_rules(_selection(Config(), None, ()))[1]))\n")
    done = subprocess.run([PYTHON, "-c", script], env=env, capture_output=True, check=True,
                          cwd=CODE)
    return done.stdout.decode().split()


def quantulum_seconds(files: Sequence[str], env: dict[str, str]) -> float:
    """quantulum3.parser.parse once per article, timed after quantulum3 has loaded."""
    script = (
        "import sys, time, warnings\n"
        "warnings.simplefilter('ignore')\n"
        "from quantulum3 import parser\n"
        "parser.parse('warm up: 5 km')\n"
        "texts = [open(p, encoding='utf-8', errors='replace').read() for p in sys.argv[1:]]\n"
        "started = time.perf_counter()\n"
        "for text in texts:\n"
        "    parser.parse(text)\n"
        "print(time.perf_counter() - started)\n"
    )
    done = subprocess.run([PYTHON, "-c", script, *files], env=env, capture_output=True,
                          check=True, cwd=CODE)
    return float(done.stdout.decode().split()[-1])


def throughput_and_jobs(files: list[str], env: dict[str, str], repeat: int, ignore: list[str],
                        size: int, skip_quantulum: bool) -> list[Result]:
    base = [*NUMCHECK, "--format", "json", "--no-cache", "--quiet"]
    base += [part for code in ignore for part in ("--ignore", code)]
    one = [*base, "--jobs", "1", *files]
    two = [*base, "--jobs", "2", *files]
    timings = interleaved({"jobs1": one, "jobs2": two}, env, repeat, stdout=True)
    t1, t2 = timings["jobs1"], timings["jobs2"]
    same = t1.stdout == t2.stdout
    results = []
    print(f"  {show(one, files)}: {t1.seconds:.2f} s wall, {t1.cpu:.2f} s CPU "
          f"({size / t1.seconds / 1e3:.0f} KB/s)")
    print(f"  {show(two, files)}: {t2.seconds:.2f} s wall, {t2.cpu:.2f} s CPU")
    if not skip_quantulum:
        q3 = quantulum_seconds(files, env)
        print(f"  quantulum3.parser.parse, one call per article: {q3:.2f} s "
              f"({size / q3 / 1e3:.0f} KB/s), load excluded")
        ratio = q3 / t1.seconds
        results.append(Result("throughput", ratio, ">= 3x", ratio >= 3,
                              f"numcheck --jobs 1 {t1.seconds:.1f} s (whole process) vs "
                              f"quantulum3 {q3:.1f} s (parse calls only)"))
    ratio = t1.seconds / t2.seconds
    results.append(Result("jobs-in-article", ratio, ">= 1.8x", ratio >= 1.8 and same,
                          f"--jobs 1 {t1.seconds:.2f} s, --jobs 2 {t2.seconds:.2f} s; "
                          f"{'byte-identical' if same else 'DIFFERENT'} JSON"))
    return results


def jobs(files: list[str], env: dict[str, str], repeat: int) -> list[Result]:
    """``numcheck check --jobs 2`` against ``--jobs 1`` as a user runs it: every rule, the
    cross-article one included, results cache off. The parent's own CPU is reported too:
    on two cores whatever the parent spends is taken from the two workers."""
    base = [*NUMCHECK, "--format", "json", "--no-cache", "--quiet"]
    one = [*base, "--jobs", "1", *files]
    two = [*base, "--jobs", "2", *files]
    found: dict[str, list[Timing]] = {"jobs1": [], "jobs2": []}
    for _ in range(repeat):
        found["jobs1"].append(run(one, env, stdout=True))
        found["jobs2"].append(run(two, env, stdout=True))
    t1, t2 = best(found["jobs1"]), best(found["jobs2"])
    same = all(t.stdout == t1.stdout for t in (*found["jobs1"], *found["jobs2"]))
    for name, command, timing in (("jobs1", one, t1), ("jobs2", two, t2)):
        walls = " ".join(f"{t.seconds:.2f}" for t in found[name])
        print(f"  {show(command, files)}: {timing.seconds:.2f} s wall (runs: {walls}), "
              f"parent {timing.user:.2f} s user, {timing.cpu - timing.user:.2f} s sys")
    split = cpu_split(two, env)
    print(f"  CPU of one more --jobs 2 run, per process (psutil, sampled every 50 ms): "
          f"{split}")
    ratio = t1.seconds / t2.seconds
    return [Result("jobs", ratio, ">= 1.8x", ratio >= 1.8 and same,
                   f"all rules: --jobs 1 {t1.seconds:.2f} s, --jobs 2 {t2.seconds:.2f} s "
                   f"(parent {t2.user:.2f} s user); "
                   f"{'byte-identical' if same else 'DIFFERENT'} JSON in every run")]


def short_article(files: list[str]) -> str:
    """The shortest article with at least five numbers in it (deterministic)."""
    for path in sorted(files, key=lambda p: (os.path.getsize(p), p)):
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        if len(re.findall(r"\d[\d,.]*", text)) >= 5:
            return path
    return files[0]


def cold_start(files: list[str], env: dict[str, str], repeat: int, folder: Path
               ) -> list[Result]:
    article = short_article(files)
    tail = folder / "long-tail.md"
    tail.write_text(LONG_TAIL, encoding="utf-8")
    bare = [PYTHON, "-c", QUANTULUM_CALL]
    commands = {
        "quantulum": bare,
        "numcheck": [*NUMCHECK, "--no-cache", article],
        "long-tail": [*NUMCHECK, "--no-cache", str(tail)],
        "cached": [*NUMCHECK, article],
    }
    run(commands["cached"], env)  # its results cache entry, for the last line
    found: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(max(repeat, 5)):
        for name, command in commands.items():
            found[name].append(run(command, env).seconds)
    median = {name: statistics.median(times) for name, times in found.items()}
    size = os.path.getsize(article)
    print(f"  {show(bare, [])}: {median['quantulum']:.2f} s (median)")
    print(f"  numcheck check --no-cache {Path(article).name} ({size} bytes): "
          f"{median['numcheck']:.2f} s")
    print(f"  numcheck check --no-cache long-tail.md (quantulum3's parser needed): "
          f"{median['long-tail']:.2f} s")
    print(f"  numcheck check {Path(article).name} (results cache hit): {median['cached']:.2f} s")
    ratio = median["numcheck"] / median["quantulum"]
    tail_ratio = median["long-tail"] / median["quantulum"]
    return [
        Result("cold", ratio, "<= 0.5x", ratio <= 0.5,
               f"{median['numcheck']:.2f} s vs {median['quantulum']:.2f} s"),
        Result("cold (long-tail units)", tail_ratio, "<= 0.5x", tail_ratio <= 0.5,
               f"{median['long-tail']:.2f} s vs {median['quantulum']:.2f} s"),
    ]


def recheck(files: list[str], env: dict[str, str], warm: Path, repeat: int) -> list[Result]:
    """All rules (the corpus-scope cross-article rule too), first with an empty results
    cache, then again; with the default --jobs (all cores) and with --jobs 1."""
    results = []
    for label, jobs in (("recheck", []), ("recheck vs --jobs 1", ["--jobs", "1"])):
        firsts, agains = [], []
        outputs: set[bytes] = set()
        command = [*NUMCHECK, "--format", "json", "--quiet", *jobs, *files]
        for _ in range(repeat):
            # A results cache of its own each time; the load cache as an earlier run left it.
            folder = Path(tempfile.mkdtemp(prefix="numcheck-recheck-"))
            shutil.copytree(warm / "warm", folder / "warm")
            local = {**env, "NUMCHECK_CACHE_DIR": str(folder)}
            first = run(command, local, stdout=True)
            again = run(command, local, stdout=True)
            outputs.update((first.stdout, again.stdout))
            firsts.append(first)
            agains.append(again)
            shutil.rmtree(folder, ignore_errors=True)
        first, again = best(firsts), best(agains)
        print(f"  first  {show(command, files)}: {first.seconds:.2f} s wall, "
              f"{first.cpu:.2f} s CPU (this process)")
        print(f"  again  (same command, unchanged files): {again.seconds:.2f} s wall, "
              f"{again.cpu:.2f} s CPU")
        ratio = first.seconds / again.seconds
        same = len(outputs) == 1
        results.append(Result(label, ratio, ">= 20x", ratio >= 20 and same,
                              f"{first.seconds:.2f} s then {again.seconds:.2f} s; "
                              f"{'identical' if same else 'DIFFERENT'} JSON"))
    return results


def _process_trees(process: subprocess.Popen[bytes], root: Any, psutil: Any
                   ) -> Iterator[list[Any]]:
    """The process and all its descendants, every 50 ms while it runs."""
    while process.poll() is None:
        try:
            yield [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        time.sleep(0.05)


def cpu_split(command: Sequence[str], env: dict[str, str]) -> str:
    """CPU seconds of the command's process, its forkserver and each worker (Linux): where a
    run's CPU goes whatever else shares the machine."""
    import importlib

    psutil: Any = importlib.import_module("psutil")  # (distributed brings it; no stubs)

    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=CODE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    root = psutil.Process(process.pid)
    cpu: dict[int, float] = {}
    seen: dict[int, float] = {}
    # A process's parent as first seen (the forkserver outlives the command by a moment and
    # is then the child of init) and its command line as last seen (right after the fork,
    # before exec, a child still shows the command's).
    first_parent: dict[int, int] = {}
    line: dict[int, str] = {}
    for tree in _process_trees(process, root, psutil):
        for proc in tree:
            try:
                times = proc.cpu_times()
                line[proc.pid] = " ".join(proc.cmdline())
                first_parent.setdefault(proc.pid, proc.ppid())
            except psutil.Error:
                continue
            cpu[proc.pid] = times.user + times.system
            seen.setdefault(proc.pid, time.perf_counter() - started)
    role = {pid: ("parent" if pid == root.pid
                  else "resource tracker" if "resource_tracker" in line.get(pid, "")
                  else "forkserver" if first_parent.get(pid) == root.pid
                  else "worker")
            for pid in cpu}
    wall = time.perf_counter() - started
    parts = [f"parent {sum(v for k, v in cpu.items() if role[k] == 'parent'):.2f} s",
             f"forkserver {sum(v for k, v in cpu.items() if role[k] == 'forkserver'):.2f} s"]
    workers = sorted((seen[k], v) for k, v in cpu.items() if role[k] == "worker")
    parts += [f"worker {v:.2f} s (from {at:.2f} s)" for at, v in workers]
    return f"{', '.join(parts)}; {wall:.2f} s wall"


def peak_rss(command: Sequence[str], env: dict[str, str]) -> dict[str, float]:
    """Peak resident memory (MB) of the command and every process it starts (Linux)."""
    import psutil  # type: ignore[import-untyped]  # (distributed brings it; no stubs)

    process = subprocess.Popen(command, env=env, cwd=CODE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    peaks: dict[int, tuple[str, float]] = {}
    root = psutil.Process(process.pid)

    def hwm(pid: int) -> float | None:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return None
        found = re.search(r"VmHWM:\s+(\d+) kB", status)
        return int(found.group(1)) / 1024 if found else None

    def poll() -> None:
        for tree in _process_trees(process, root, psutil):
            for proc in tree:
                value = hwm(proc.pid)
                if value is not None:
                    name = "main" if proc.pid == root.pid else "child"
                    peaks[proc.pid] = (name, max(value, peaks.get(proc.pid, ("", 0))[1]))

    watcher = threading.Thread(target=poll)
    watcher.start()
    process.wait()
    watcher.join()
    main = max((mb for name, mb in peaks.values() if name == "main"), default=0.0)
    children = max((mb for name, mb in peaks.values() if name == "child"), default=0.0)
    return {"main": main, "child": children}


def memory(files: list[str], env: dict[str, str]) -> list[Result]:
    if not Path("/proc/self/status").exists():
        print("  skipped: needs /proc (Linux)")
        return []
    results = []
    for jobs in ("1", "2"):
        command = [*NUMCHECK, "--format", "json", "--no-cache", "--jobs", jobs, *files]
        peaks = peak_rss(command, env)
        worst = max(peaks.values())
        print(f"  {show(command, files)}: main {peaks['main']:.0f} MB, largest other "
              f"process {peaks['child']:.0f} MB")
        results.append(Result(f"memory --jobs {jobs}", worst, "< 500 MB", worst < 500,
                              f"peak RSS of the largest process: {worst:.0f} MB"))
    return results


# --------------------------------------------------------------------------- main


_BURN = "x = 0\nfor i in range(20_000_000):\n    x += i\n"


def parallel_capacity() -> float:
    """How much faster two CPU-bound processes finish than one doing the same work twice:
    2.0 on two idle cores, less when other work shares the machine. --jobs 2 cannot beat it."""
    def burn(count: int) -> float:
        started = time.perf_counter()
        procs = [subprocess.Popen([PYTHON, "-c", _BURN]) for _ in range(count)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - started

    one = min(burn(1) for _ in range(2))
    two = min(burn(2) for _ in range(2))
    return 2 * one / two


def machine() -> None:
    print("machine:")
    print(f"  nproc: {os.cpu_count()}")
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in lscpu.splitlines()[:10]:
            print(f"  {line}")
    except OSError:
        pass
    print(f"  python: {platform.python_version()} ({platform.platform()})")
    print(f"  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"  parallel capacity now (2 CPU-bound processes vs 1): {parallel_capacity():.2f}x "
          "(2.00 on two idle cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--only", default="throughput,jobs,cold,recheck,memory",
                        help="comma-separated: throughput (with --jobs 2 on in-article "
                             "rules), jobs (--jobs 2 vs 1, all rules), cold, recheck, memory")
    parser.add_argument("--skip-quantulum", action="store_true",
                        help="do not time quantulum3 over the corpus (two minutes)")
    args = parser.parse_args()
    wanted = set(args.only.split(","))

    files = [str(p) for p in sorted(require("news/bbc").glob("*/*.txt"))]
    files = files[: args.limit] if args.limit else files
    size = sum(os.path.getsize(p) for p in files)
    machine()
    print(f"corpus: {len(files)} articles, {size / 1e6:.2f} MB")

    scratch = Path(tempfile.mkdtemp(prefix="numcheck-speed-"))
    global CODE
    CODE = snapshot(scratch)
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(scratch / "cache")}
    env.pop("NUMCHECK_POOL_MIN_BYTES", None)
    # The load cache, as any earlier numcheck run leaves it (quantulum3 tables, pint answers,
    # rules); one whole-corpus run also remembers every unit name the corpus uses.
    (scratch / "tail.md").write_text(LONG_TAIL, encoding="utf-8")
    run([*NUMCHECK, "--no-cache", str(scratch / "tail.md")], env, strict=False)
    run([*NUMCHECK, "--no-cache", "--quiet", *files], env, strict=False)
    ignore = corpus_scope_codes(env)
    print(f"in-article rules: all but the corpus-scope {', '.join(ignore) or '(none)'}")

    results: list[Result] = []
    steps: list[tuple[str, Callable[[], list[Result]]]] = [
        ("throughput", lambda: throughput_and_jobs(files, env, args.repeat, ignore, size,
                                                   args.skip_quantulum)),
        ("jobs", lambda: jobs(files, env, args.repeat)),
        ("cold", lambda: cold_start(files, env, args.repeat, scratch)),
        ("recheck", lambda: recheck(files, env, scratch / "cache", args.repeat)),
        ("memory", lambda: memory(files, env)),
    ]
    for name, step in steps:
        if name in wanted:
            print(f"{name}:")
            results.extend(step())

    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"parallel capacity at end: {parallel_capacity():.2f}x")
    print("\nresults:")
    for r in results:
        unit = "MB" if r.name.startswith("memory") else "x"
        print(f"  {'PASS' if r.passed else 'FAIL'}  {r.name:<24} {r.value:8.2f} {unit:<3} "
              f"(target {r.target})  {r.detail}")
    print(json.dumps({r.name: round(r.value, 3) for r in results}))
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
