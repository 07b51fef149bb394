"""Cross-article findings (NC201) over all 1,714 BBC articles checked together.

    .venv/bin/python benchmarks/cross_article_bbc.py [--jobs N] [--pairs]

The BBC articles are undated, so every pair is read as written at the same time (the rule's
default): the strictest setting for false alarms. Prints every finding with its evidence and
explanation, for a person to judge, and the rate per 100 articles. ``--pairs`` also lists
every matched pair (claims judged to be about the same thing), agreeing or not.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import require


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pairs", action="store_true", help="list every matched pair")
    args = parser.parse_args()
    root = require("news/bbc")

    from numcheck.engine import run_documents
    from numcheck.loading import read_path
    from numcheck.matching import Pair
    from numcheck.parallel import local_runner
    from numcheck.rules.kinds import cross_article
    from numcheck.rules.loader import load_rules

    rule = load_rules().get("NC201")
    assert rule is not None
    paths = sorted(root.glob("*/*.txt"))
    # Paths relative to the corpus ("tech/064.txt") keep the output short.
    docs = [d for p in paths for d in read_path(str(p)).documents]
    docs = [d.__class__(str(Path(d.path).relative_to(root)), d.text, d.meta, d.source_map)
            for d in docs]

    matched: list[tuple[str, Pair]] = []
    real_subject, real_revision = cross_article.subject_pairs, cross_article.revision_pairs

    def spy(kind: str, pairs: Iterable[Pair]) -> Iterator[Pair]:
        for pair in pairs:
            matched.append((kind, pair))
            yield pair

    # Count the matched pairs as the rule streams them (the rule itself is unchanged).
    cross_article.subject_pairs = lambda *a, **k: spy("subject", real_subject(*a, **k))
    cross_article.revision_pairs = lambda *a, **k: spy("revision", real_revision(*a, **k))

    started = time.perf_counter()
    run = run_documents(docs, [rule], runner=local_runner(args.jobs, None))
    seconds = time.perf_counter() - started
    report = run.report
    findings = [f for f in report.findings if f.rule == "NC201"]
    claims = sum(d.claims for d in report.documents)
    print(f"articles: {len(report.documents)}, quantity claims: {claims}, "
          f"checked in {seconds:.1f} s with {args.jobs} worker(s)")
    by_kind = {k: sum(1 for kind, _ in matched if kind == k) for k in ("subject", "revision")}
    print(f"matched pairs (the same thing in two articles): {by_kind['subject']} by subject, "
          f"{by_kind['revision']} in revised versions")
    rate = 100 * len(findings) / max(1, len(report.documents))
    print(f"cross-article findings: {len(findings)} ({rate:.2f} per 100 articles)")
    for problem in report.problems:
        print(f"  problem: {problem}")
    for finding in findings:
        print(f"\n{finding.path}:{finding.line}:{finding.column}: {finding.message}")
        for line in finding.explanation.splitlines():
            print(f"    {line}")
    if args.pairs:
        print("\nmatched pairs:")
        for kind, pair in matched:
            a, b = pair.a, pair.b
            print(f"  [{kind}] {a.doc.path} {a.claim.text!r} ~ {b.doc.path} {b.claim.text!r}: "
                  f"{pair.why}")


if __name__ == "__main__":
    main()
