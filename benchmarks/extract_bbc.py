"""Extraction over the 1,714 BBC articles: no crash, claims per article, throughput vs quantulum3.

    .venv/bin/python benchmarks/extract_bbc.py [--limit N]

Both systems run in this process on the same texts, after both are loaded (quantulum3's load
is paid once, outside the timings). Raw quantulum3 is called the way a user would call it: one
``parser.parse`` per article.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import require


def articles(limit: int | None) -> list[Path]:
    paths = sorted(require("news/bbc").glob("*/*.txt"))
    return paths[:limit] if limit else paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    paths = articles(args.limit)

    from numcheck.extraction import extract_document
    from numcheck.loading import read_path

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3

    documents = []
    for path in paths:
        loaded = read_path(str(path))
        documents.extend(loaded.documents)
    texts = [d.text for d in documents]
    total_bytes = sum(len(t.encode()) for t in texts)
    extract_document(documents[0])
    q3.parse("warm up 5 km")

    started = time.perf_counter()
    counts = [sum(c.is_quantity for c in extract_document(d)) for d in documents]
    numcheck_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for text in texts:
        q3.parse(text)
    quantulum_seconds = time.perf_counter() - started

    print(f"articles: {len(documents)} ({total_bytes / 1e6:.2f} MB)")
    print(f"quantities per article: mean {statistics.mean(counts):.1f}, "
          f"median {statistics.median(counts):.0f}, max {max(counts)}")
    print(f"numcheck extract: {numcheck_seconds:.1f} s "
          f"({total_bytes / numcheck_seconds / 1e3:.0f} KB/s)")
    print(f"quantulum3 parse: {quantulum_seconds:.1f} s "
          f"({total_bytes / quantulum_seconds / 1e3:.0f} KB/s)")
    print(f"speed ratio numcheck / quantulum3: {quantulum_seconds / numcheck_seconds:.1f}x")


if __name__ == "__main__":
    main()
