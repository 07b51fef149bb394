"""The short fuzzing run of the test suite (issue 9, part 2); benchmarks/fuzz.py is the long one.

A fixed random seed and a fixed number of inputs: the same inputs on every run, so a failure
here is reproducible, not flaky. Seeds come from ../shared (BBC articles, the shared seed
article) at run time, dressed as every format; without it, from the repository's examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.fuzz import FORMATS, Harness, _docx, _html, _pdf, run_random, seeds, summary

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _corpus() -> list[tuple[str, bytes]]:
    shared = seeds(limit=8, docx_every=4)
    if shared:
        return shared
    corpus: list[tuple[str, bytes]] = []
    for path in sorted(EXAMPLES.glob("*.md")):
        text = path.read_text("utf-8")
        corpus += [("markdown", text.encode()), ("text", text.encode()),
                   ("html", _html(path.stem, text)), ("pdf", _pdf(text))]
        word = _docx(text)
        if word is not None:
            corpus.append(("docx", word))
    return corpus


@pytest.fixture(scope="module")
def harness() -> Harness:
    return Harness(slow_seconds=30.0)


def test_every_format_has_seeds() -> None:
    formats = {fmt for fmt, _ in _corpus()}
    assert formats >= set(FORMATS) - {"jsonl", "docx"}


def test_seeds_themselves_pass_the_oracle(harness: Harness) -> None:
    for fmt, data in _corpus():
        harness.run(fmt, data)
    assert not harness.stats.crashes, summary(harness.stats)


def test_short_fuzz_run_finds_no_failure(harness: Harness) -> None:
    # ~250 mutants: bounded by count (reproducible), with a time cap as a safety net only.
    stats = run_random(seconds=60, seed=9, corpus=_corpus(), harness=harness,
                       max_inputs=harness.stats.inputs + 250)
    assert stats.inputs >= 100
    assert not stats.crashes, summary(stats)


def test_the_oracle_can_fail() -> None:
    # A reader that raises something other than InputError is a crash to the oracle.
    probe = Harness()
    probe.run("pdf", b"%PDF-1.4\n" + b"1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n"
              b"trailer << /Root 1 0 R >>\n%%EOF")
    from numcheck.readers import pdf_reader

    real = pdf_reader.read

    def broken(path: str, data: bytes, warnings: list[str]) -> list[object]:
        raise TypeError("planted")

    pdf_reader.read = broken  # type: ignore[assignment]
    try:
        probe.run("pdf", b"%PDF-1.4")
    finally:
        pdf_reader.read = real
    assert [key for key in probe.stats.crashes if key.startswith("reader pdf: TypeError")]
