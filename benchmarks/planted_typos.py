"""How often a typo in a number of a real article is caught: plant one, check, look.

    .venv/bin/python benchmarks/planted_typos.py                 # all BBC articles
    .venv/bin/python benchmarks/planted_typos.py --limit 200     # the first 200
    .venv/bin/python benchmarks/planted_typos.py --misses 30     # print missed typos in
                                                                 # sentences a rule checks

A copy desk's worry is a number that was mistyped: a digit changed, two digits swapped, one
dropped or doubled. For each quantity written in digits in each of the 1,714 BBC articles
(``../shared/eval/news/bbc``, read at run time, never copied here), this script makes one such
typo (chosen by a seeded random generator: the run is repeatable), checks the altered article
with the shipped in-article rules (what ``numcheck check`` runs by default on one document)
and counts the typo as *caught* when a finding the original article did not have points at
the altered number (its evidence covers it).

Most numbers in news stand alone: nothing else in the article can contradict "2,000 troops"
if it is the only mention. So two rates are reported:

* over all typos: the share of mistyped numbers numcheck would flag (a floor on what any
  internal-consistency checker can reach on news, and the figure to watch grow);
* over *checked* typos: those in a number the rules hold to something in the original article
  (a restatement, a list of parts and its total, shares of one whole, a change and its
  levels, a repeat, a direction or a bound): a number is checked when an error of half again,
  up or down, in it is flagged. What is missed there is a typo the words still allow (a
  smaller change within the rounding of the numbers written, "about", "more than", a fall
  that stays a fall) or a gap to fix.

Findings that appear elsewhere in the altered article (not at the typo) are counted too: a
typo should not make the rules accuse other numbers.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import EVAL, require
from numcheck.documents import Document
from numcheck.engine import run_documents
from numcheck.findings import Finding

BBC = EVAL / "news" / "bbc"
QUANTITIES = ("count", "measure", "money", "percent")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Typo:
    path: str
    kind: str  # changed / swapped / dropped / doubled
    start: int  # the altered number in the altered text
    end: int
    before: str
    after: str
    checked: bool  # the original number was evidence of a rule's relation


def _digits_typo(number: str, rng: random.Random) -> tuple[str, str] | None:
    """One typo in ``number`` ("1,500" → "1,800"), keeping its format; None when none fits."""
    whole, _, decimals = number.replace(",", "").partition(".")
    digits = whole + decimals
    kind = rng.choice(("changed", "swapped", "dropped", "doubled"))
    i = rng.randrange(len(digits))
    if kind == "changed":
        new = digits[:i] + rng.choice([d for d in "0123456789" if d != digits[i]]) + digits[i + 1 :]
    elif kind == "swapped":
        if len(digits) < 2:
            return None
        i = min(i, len(digits) - 2)
        if digits[i] == digits[i + 1]:
            return None
        new = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
    elif kind == "dropped":
        if len(whole) < 2 or i >= len(whole):
            return None  # a dropped decimal digit changes the format, not only the value
        new = digits[:i] + digits[i + 1 :]
    else:
        if i >= len(whole):
            return None
        new = digits[:i] + digits[i] + digits[i:]
    cut = len(new) - len(decimals)
    new_whole, new_decimals = new[:cut], new[cut:]
    if len(new_whole) > 1 and new_whole.startswith("0"):
        return None  # "0500" is no number a writer types
    if "," in number:
        new_whole = f"{int(new_whole):,}"
    text = new_whole + (f".{new_decimals}" if decimals else "")
    return (kind, text) if text != number else None


def _findings(text: str, path: str) -> list[Finding]:
    return list(run_documents([Document.from_text(text, path)]).report.findings)


def _covers(finding: Finding, start: int, end: int) -> bool:
    return any(e.start < end and start < e.end for e in finding.evidence)


def _key(finding: Finding) -> tuple[str, str]:
    # A finding the original article had is the same finding when it says the same thing
    # (its offsets move when the typo changes the number's length).
    return finding.rule, finding.message


def _numbers(text: str, path: str) -> list[tuple[int, int, str]]:
    """Where the number of each quantity is written in ``text``: (start, end, as written)."""
    from numcheck import extract

    found = []
    for claim in extract(text, path):
        m = _NUMBER.search(claim.text) if claim.kind in QUANTITIES else None
        if m is not None:
            found.append((claim.start + m.start(), claim.start + m.end(), m.group(0)))
    return found


def plant(path: Path, text: str, rng: random.Random, numbers: list[tuple[int, int, str]],
          evidence_spans: list[tuple[int, int]]) -> list[tuple[Typo, str]]:
    planted = []
    for start, end, written in numbers:
        typo = _digits_typo(written, rng)
        if typo is None:
            continue
        kind, new = typo
        altered = text[:start] + new + text[end:]
        checked = any(a < end and start < b for a, b in evidence_spans)
        planted.append((Typo(str(path), kind, start, start + len(new), written, new, checked),
                        altered))
    return planted


def _relation_spans(text: str, path: str, numbers: list[tuple[int, int, str]]
                    ) -> list[tuple[int, int]]:
    """The numbers the rules hold to something in ``text`` (a relation with other numbers,
    a direction, a bound): those for which an error of half again, up or down (×1.5 or
    ÷1.5), is flagged."""
    spans = []
    for start, end, written in numbers:
        decimals = len(written.partition(".")[2])
        value = float(written.replace(",", ""))
        for factor in (1.5, 1 / 1.5):
            new = f"{value * factor:,.{decimals}f}" if "," in written \
                else f"{value * factor:.{decimals}f}"
            altered = text[:start] + new + text[end:]
            if any(_covers(f, start, start + len(new)) for f in _findings(altered, path)):
                spans.append((start, end))
                break
    return spans


@dataclass(frozen=True)
class ArticleResult:
    typos: list[Typo]
    caught: list[bool]
    rules: list[frozenset[str]]
    elsewhere: list[str]


def check_article(job: tuple[int, int, str]) -> ArticleResult:
    """Plant, check and judge every typo of one article (its own seeded generator, so a run
    gives the same typos however the articles are spread over processes)."""
    index, seed, name = job
    path = Path(name)
    rng = random.Random(seed * 100_003 + index)
    text = path.read_bytes().decode("utf-8", errors="replace")
    original = {_key(f) for f in _findings(text, name)}
    numbers = _numbers(text, name)  # extracted once, for the probes and the typos
    spans = _relation_spans(text, name, numbers)
    typos, caught, rules, elsewhere = [], [], [], []
    for typo, altered in plant(path, text, rng, numbers, spans):
        new = [f for f in _findings(altered, name) if _key(f) not in original]
        hits = [f for f in new if _covers(f, typo.start, typo.end)]
        typos.append(typo)
        caught.append(bool(hits))
        rules.append(frozenset(f.rule for f in hits))
        elsewhere += [f"{f.rule} {f.message} (after {typo.before} → {typo.after} at {name}:"
                      f"{typo.start})" for f in new if f not in hits]
    return ArticleResult(typos, caught, rules, elsewhere)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--every", type=int, default=1, help="every Nth article only")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--misses", type=int, default=0,
                        help="print up to N missed typos in numbers the rules check")
    args = parser.parse_args()
    paths = sorted(require("news/bbc").rglob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    paths = paths[:: args.every]
    started = time.perf_counter()
    totals: Counter[str] = Counter()
    by_kind: Counter[tuple[str, bool]] = Counter()
    by_rule: Counter[str] = Counter()
    misses: list[Typo] = []
    elsewhere: list[str] = []
    jobs = [(i, args.seed, str(p)) for i, p in enumerate(paths)]
    with multiprocessing.get_context("forkserver").Pool(args.jobs) as pool:
        for result in pool.imap(check_article, jobs, chunksize=4):
            totals["elsewhere"] += len(result.elsewhere)
            elsewhere.extend(result.elsewhere)
            for typo, caught, rules in zip(result.typos, result.caught, result.rules,
                                           strict=True):
                totals["typos"] += 1
                totals["checked"] += typo.checked
                totals["caught"] += caught
                totals["checked caught"] += caught and typo.checked
                by_kind[(typo.kind, caught)] += 1
                by_rule.update(rules)
                if typo.checked and not caught:
                    misses.append(typo)
    seconds = time.perf_counter() - started

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.1f}%" if b else "–"

    print(f"{len(paths)} articles, {totals['typos']} typos planted, one per number written in "
          f"digits ({seconds:.0f} s, {args.jobs} processes)")
    print(f"caught, all typos:      {totals['caught']:>6} / {totals['typos']:<6} "
          f"{pct(totals['caught'], totals['typos'])}")
    print(f"caught, checked typos:  {totals['checked caught']:>6} / {totals['checked']:<6} "
          f"{pct(totals['checked caught'], totals['checked'])}")
    print(f"findings elsewhere in altered articles: {totals['elsewhere']}")
    print("by typo: " + ", ".join(
        f"{kind} {pct(by_kind[(kind, True)], by_kind[(kind, True)] + by_kind[(kind, False)])}"
        for kind in ("changed", "swapped", "dropped", "doubled")))
    print("caught by rule: " + ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items())))
    for line in elsewhere[: args.misses]:
        print("ELSEWHERE", line)
    for typo in misses[: args.misses]:
        text = Path(typo.path).read_bytes().decode("utf-8", errors="replace")
        at = typo.start
        window = text[max(0, at - 110) : at] + "[[" + typo.after + "]]" \
            + text[at + len(typo.before) : at + len(typo.before) + 80]
        print(f"MISS {Path(typo.path).relative_to(BBC)} {typo.before} → {typo.after}: "
              + " ".join(window.split()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
