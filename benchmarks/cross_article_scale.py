"""Scale of cross-article checking and of the archive (benchmark targets, not timed tests).

    .venv/bin/python benchmarks/cross_article_scale.py check [--scales 1 2 4 8] [--jobs 2]
    .venv/bin/python benchmarks/cross_article_scale.py index --articles 100000 [--jobs 2]
    .venv/bin/python benchmarks/cross_article_scale.py against --db DB

``check``: checks 1×, 2×, 4× and 8× the BBC corpus together with rule NC201 only. Copy 0 is
the corpus itself; every other copy varies about half of the numbers of each article
(× 0.5–1.5) and gives each article a date in 2004–2005. The copies are revised versions of
the same stories, so each doubling also adds a version of every story: the worst case for
matching, whose work per article grows with the versions and reports of its subjects until
NC201's per-document caps (``max_neighbours``, ``max_versions``) bind. Each scale runs in a
fresh process; reported are wall time, the time of NC201 itself (best of three), and peak
resident memory of the main process (the corpus rule holds every document) and of all
processes together.

``index``: writes that many articles (BBC copies, varied the same way) to a temporary folder
and indexes them into a new archive with ``numcheck.archive.index``; reports time and peak
memory (main process, and all processes together). ``against``: checks one new draft against an
archive, in process after the extractor is loaded, and reports the lookup time alone and the
whole check.

Generated articles live in a temporary folder outside the repository and are deleted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._eval import require  # noqa: E402

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]*\d)")


def vary(text: str, rng: random.Random) -> str:
    """About half of the numbers scaled by 0.5–1.5 (years are left alone)."""
    def one(match: re.Match[str]) -> str:
        raw = match.group(1)
        value = float(raw.replace(",", ""))
        if 1900 <= value <= 2030 or rng.random() < 0.5:
            return raw
        new = value * rng.uniform(0.5, 1.5)
        if "." in raw:
            return f"{new:.{len(raw.split('.')[1])}f}"
        return f"{round(new):,}" if "," in raw else str(round(new))
    return _NUMBER.sub(one, text)


def write_corpus(folder: Path, articles: int, seed: int = 7) -> int:
    """``articles`` BBC articles (copies cycled, copy 0 unchanged) as dated Markdown files;
    every further copy is a revised version of the same stories with numbers varied."""
    sources = sorted(require("news/bbc").glob("*/*.txt"))
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sources]
    rng = random.Random(seed)
    written = 0
    copy = 0
    while written < articles:
        target = folder / f"copy{copy:03d}"
        target.mkdir(parents=True, exist_ok=True)
        for source, text in zip(sources, texts, strict=True):
            if written >= articles:
                break
            day = rng.randrange(730)
            date = time.strftime("%Y-%m-%d", time.gmtime(1072915200 + day * 86400))
            body = text if copy == 0 else vary(text, rng)
            name = f"{source.parent.name}-{source.stem}.md"
            (target / name).write_text(f"---\ndate: {date}\n---\n\n{body}", "utf-8")
            written += 1
        copy += 1
    return written


class Sampler:
    """Peak resident memory of this process and of its whole process tree (workers
    included), sampled every 0.1 s in a thread: worker pools outlive a run, so the kernel's
    ``RUSAGE_CHILDREN`` cannot see them."""

    def __init__(self) -> None:
        import threading

        import psutil

        self.me = psutil.Process()
        self.peak_tree = 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import psutil

        while not self.stop.wait(0.1):
            total = self.me.memory_info().rss
            for child in self.me.children(recursive=True):
                with contextlib.suppress(psutil.Error):  # a worker may just have exited
                    total += child.memory_info().rss
            self.peak_tree = max(self.peak_tree, total / 2**20)

    def finish(self) -> tuple[float, float]:
        """(peak MB of this process, peak MB of the process tree)."""
        self.stop.set()
        self.thread.join()
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB
        return own, max(self.peak_tree, own)


# --------------------------------------------------------------------------- child processes


def child_check(folder: str, jobs: int) -> None:
    from numcheck.config import Config
    from numcheck.engine import run_paths
    from numcheck.parallel import local_runner
    from numcheck.rules.kinds.cross_article import CrossArticleKind

    spent: list[float] = []
    seen: list[object] = []
    real = CrossArticleKind.check_corpus

    def timed(self: CrossArticleKind, rule, contexts):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        found = list(real(self, rule, contexts))
        spent.append(time.perf_counter() - started)
        seen.extend([self, rule, contexts])
        return iter(found)

    CrossArticleKind.check_corpus = timed  # type: ignore[method-assign]
    sampler = Sampler()
    started = time.perf_counter()
    run = run_paths([folder], Config(select=("NC201",)), runner=local_runner(jobs, None))
    wall = time.perf_counter() - started
    own, tree = sampler.finish()
    # The machine is shared: NC201 alone is timed twice more on the same contexts, best kept.
    for _ in range(2):
        started = time.perf_counter()
        list(real(*seen))  # type: ignore[arg-type]
        spent.append(time.perf_counter() - started)
    claims = sum(d.claims for d in run.report.documents)
    print(json.dumps({"documents": len(run.report.documents), "claims": claims,
                      "seconds": wall, "nc201_seconds": min(spent),
                      "findings": len(run.report.findings), "problems": len(run.report.problems),
                      "peak_main_mb": own, "peak_tree_mb": tree}))


def child_index(folder: str, db: str, jobs: int) -> None:
    from numcheck.archive import index

    sampler = Sampler()
    started = time.perf_counter()
    stats = index([folder], db, jobs=jobs)
    wall = time.perf_counter() - started
    own, tree = sampler.finish()
    print(json.dumps({"files": stats.indexed, "claims": stats.claims, "seconds": wall,
                      "peak_main_mb": own, "peak_tree_mb": tree,
                      "db_mb": Path(db).stat().st_size / 1e6}))


def child_against(db: str) -> None:
    from numcheck.archive import related_items, with_against
    from numcheck.config import Config
    from numcheck.documents import Document
    from numcheck.engine import run_documents
    from numcheck.extraction import extract_document
    from numcheck.matching import DocRef, items_of, text_hash
    from numcheck.rules.loader import load_rules
    from numcheck.rules.selection import select_rules

    source = sorted(require("news/bbc").glob("business/*.txt"))[10]
    text = vary(source.read_text("utf-8"), random.Random(99))
    draft = Document.from_text(text, "draft.md", {"date": "2005-06-01"})
    extract_document(Document.from_text("warm up: 5 km", "w.md"))  # load the extractor
    claims = extract_document(draft)
    draft_items = items_of(DocRef("draft.md", None, text_hash(text), 0), claims, text=text)
    lookups = []
    for _ in range(3):  # the first reads the file cold; the others show the warm cost
        started = time.perf_counter()
        found = related_items(db, draft_items)
        lookups.append(time.perf_counter() - started)
    selection = select_rules(load_rules(), with_against(Config(select=("NC201",)), db))
    started = time.perf_counter()
    run = run_documents([draft], selection)
    whole = time.perf_counter() - started
    print(json.dumps({"draft_claims": len(draft_items), "archived_candidates": len(found),
                      "lookup_seconds": lookups[0], "warm_lookup_seconds": min(lookups[1:]),
                      "check_seconds": whole,
                      "findings": len(run.report.findings)}))


# --------------------------------------------------------------------------- driver


def _child(*args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "_child", *args], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    check = sub.add_parser("check")
    check.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4, 8])
    check.add_argument("--jobs", type=int, default=2)
    idx = sub.add_parser("index")
    idx.add_argument("--articles", type=int, default=100_000)
    idx.add_argument("--jobs", type=int, default=2)
    idx.add_argument("--db", type=Path, default=None, help="keep the archive here")
    against = sub.add_parser("against")
    against.add_argument("--db", type=Path, required=True)
    child = sub.add_parser("_child")
    child.add_argument("what")
    child.add_argument("rest", nargs="*")
    args = parser.parse_args()

    if args.mode == "_child":
        if args.what == "check":
            child_check(args.rest[0], int(args.rest[1]))
        elif args.what == "index":
            child_index(args.rest[0], args.rest[1], int(args.rest[2]))
        else:
            child_against(args.rest[0])
        return

    require("news/bbc")
    if args.mode == "check":
        base = len(list(require("news/bbc").glob("*/*.txt")))
        print("scale  articles   claims  total s  NC201 s  findings  problems  peak main MB  "
              "peak all MB")
        for scale in args.scales:
            with tempfile.TemporaryDirectory(prefix="nc-scale-") as tmp:
                write_corpus(Path(tmp), base * scale)
                r = _child("check", tmp, str(args.jobs))
            print(f"{scale:>4}x  {int(r['documents']):>8}  {int(r['claims']):>7}  "
                  f"{r['seconds']:>7.1f}  {r['nc201_seconds']:>7.2f}  {int(r['findings']):>8}  "
                  f"{int(r['problems']):>8}  {r['peak_main_mb']:>12.0f}  "
                  f"{r['peak_tree_mb']:>11.0f}", flush=True)
    elif args.mode == "index":
        with tempfile.TemporaryDirectory(prefix="nc-index-") as tmp:
            started = time.perf_counter()
            write_corpus(Path(tmp) / "corpus", args.articles)
            print(f"wrote {args.articles:,} articles in {time.perf_counter() - started:.0f} s",
                  flush=True)
            db = args.db or Path(tmp) / "archive.duckdb"
            r = _child("index", str(Path(tmp) / "corpus"), str(db), str(args.jobs))
        print(f"indexed {int(r['files']):,} articles ({int(r['claims']):,} quantity claims) in "
              f"{r['seconds']:.0f} s with {args.jobs} worker(s); archive {r['db_mb']:.0f} MB; "
              f"peak memory: main process {r['peak_main_mb']:.0f} MB, all processes "
              f"{r['peak_tree_mb']:.0f} MB")
    else:
        r = _child("against", str(args.db))
        print(f"draft with {int(r['draft_claims'])} claims against {args.db}: lookup "
              f"{r['lookup_seconds'] * 1000:.0f} ms cold, {r['warm_lookup_seconds'] * 1000:.0f} "
              f"ms warm ({int(r['archived_candidates'])} archived candidates); whole check "
              f"(extraction, matching, judging) {r['check_seconds'] * 1000:.0f} ms; "
              f"{int(r['findings'])} finding(s)")


if __name__ == "__main__":
    main()
