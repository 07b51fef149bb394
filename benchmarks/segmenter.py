"""Choosing the sentence splitter: accuracy on tricky news sentences and speed on BBC text.

    .venv/bin/python benchmarks/segmenter.py            # pysbd is compared when installed

Candidates: numcheck's rule-based splitter (``numcheck.segment``), pysbd (a rule-based port of
the Golden Rules; ``pip install pysbd``) and a naive split on ". ". Gold boundaries come from
the passages below, written for this benchmark; each "|" marks a sentence end.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._eval import EVAL

GOLD = [
    "Mr. Smith paid $3.5m for the site.| Then U.S. officials left.|",
    "The index rose 2.5% to 4,577.10.| Traders were surprised.|",
    "Dr. Jane Okafor, 45, said the rate was 1.93 per cent.| It fell later.|",
    "He arrived at 5 p.m. on Monday.| The talks began at 6 p.m.| They ended at midnight.|",
    "The company, Acme Inc., lost 12% on Tuesday.| Its shares trade at $4.20.|",
    "J. K. Rowling was born in 1965.| She lives in Edinburgh.|",
    "\"We will not cede leadership,\" he said.| \"Never.\"|",
    "It covers 25 sq. mi. of forest.| Rangers patrol it daily.|",
    "Sales were up (by about 5%).| Profits fell.|",
    "Is it true?| Nobody knows!| The vote is on Jan. 12.|",
    "The No. 10 spokesman declined to comment.| A statement followed.|",
    "Prices rose 0.4% in Jan. and 0.3% in Feb.| Economists expected more.|",
    "The U.K. economy grew.| The U.S. economy shrank.|",
    "Gen. Smith and Lt. Col. Brown met at 10 a.m.| They spoke for an hour.|",
    "It is 5 km long (3 miles).| Work starts in 2025.|",
    "The firm – based in St. Louis – hired 200 staff.| More will follow.|",
    "Temperatures hit 40C.| Schools closed early.|",
    "The score was 3-1.| Fans cheered.|",
    "He said: \"It's over.\"| Then he left.|",
    "The vote was 52 per cent to 48 per cent.| Turnout was 72.2%.|",
]


def gold_ends(passage: str) -> tuple[str, set[int]]:
    text, ends, offset = [], set(), 0
    for part in passage.split("|"):
        text.append(part)
        offset += len(part)
        if part:
            ends.add(offset)
    return "".join(text), ends


def numcheck_split(text: str) -> list[int]:
    from numcheck.segment import sentences

    return [s.end for s in sentences(text)]


def naive_split(text: str) -> list[int]:
    ends = [m.end() for m in re.finditer(r"[.!?][\"”)]?(?=\s)", text)]
    return [*ends, len(text.rstrip())]


def pysbd_split() -> Callable[[str], list[int]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[int]:
        return [span.start + len(span.sent.rstrip()) for span in segmenter.segment(text)]

    return split


def boundary_f1(split: Callable[[str], list[int]]) -> tuple[float, int]:
    tp = fp = fn = 0
    perfect = 0
    for passage in GOLD:
        text, gold = gold_ends(passage)
        found = {e for e in split(text) if e > 0}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        perfect += found == gold
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), perfect


def speed(split: Callable[[str], list[int]], texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        split(text)
    return sum(len(t) for t in texts) / (time.perf_counter() - started) / 1e3


def main() -> None:
    candidates: dict[str, Callable[[str], list[int]]] = {
        "numcheck.segment": numcheck_split,
        "naive '. '": naive_split,
    }
    sbd = pysbd_split()
    if sbd is not None:
        candidates["pysbd 0.3"] = sbd
    bbc = EVAL / "news" / "bbc"
    texts = [p.read_text("utf-8", errors="replace") for p in sorted(bbc.glob("*/*.txt"))[:300]]
    print(f"{'splitter':<18} {'boundary F1':>11} {'passages right':>15} {'KB/s (300 BBC)':>15}")
    for name, split in candidates.items():
        f1, perfect = boundary_f1(split)
        rate = f"{speed(split, texts):,.0f}" if texts else "skipped"
        print(f"{name:<18} {f1:11.3f} {perfect:>9}/{len(GOLD):<5} {rate:>15}")


if __name__ == "__main__":
    main()
