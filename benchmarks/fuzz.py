"""Bounded fuzzing of the document readers, the extractor and the rules (issue 9, part 2).

    .venv/bin/python benchmarks/fuzz.py --seconds 600                  # atheris if installed
    .venv/bin/python benchmarks/fuzz.py --seconds 60 --engine random   # no atheris needed
    .venv/bin/python benchmarks/fuzz.py --seconds 600 --json fuzz.json # figures as JSON

One input is a format (text, markdown, html, jsonl, pdf, docx) and bytes. It goes through the
format's reader, then every shipped rule (extraction included), then every report writer, and
is judged by an oracle:

* a reader may refuse input only with ``InputError`` (any other exception is a crash: the
  loader would turn it into a vague "could not read" and lose the file);
* the engine must report no "... failed on ..." problem (a rule or the extractor raised);
* every claim and every piece of evidence must point at the text it quotes;
* every report writer must produce output that encodes as UTF-8;
* an input taking longer than ``--slow`` seconds is recorded as slow.

Seeds are read at run time from ``../shared/eval/news/bbc`` and ``../shared/seeds`` (never
copied into this repository) and dressed as every format: Markdown with front matter, HTML,
JSON Lines, Word (python-docx) and a small hand-built PDF with the article as its text layer;
the statcheck test papers (PDF, HTML) are added when present. With ``--engine atheris`` the
corpus is mutated by libFuzzer with coverage feedback from numcheck's own code (the run happens
in a child process, because libFuzzer ends the process when its time is up); ``--engine random``
mutates seeds with byte flips, splices, repeats and hostile tokens.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
FORMATS = ("text", "markdown", "html", "jsonl", "pdf", "docx")
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html", "jsonl": ".jsonl",
          "pdf": ".pdf", "docx": ".docx"}

# Tokens that have broken parsers before, spliced into inputs by the random engine.
HOSTILE_TOKENS = (
    b"1e308", b"1.8e308", b"9" * 400, b"10^10^10", b"99999999999999999999 km", b"\x00",
    b"\xff\xfe", b"\xef\xbb\xbf", b"\\udbff\\uffff", b"\\ud800", b"&#xD800;", b"&#99999999;",
    b"<div>" * 50, b"<!--", b"<script>", b"---\n", b"\n---\n", b"&a [*a, *a]", b"[" * 200,
    b"{" * 200, b"%PDF-1.4", b"%%EOF", b"endstream", b"PK\x03\x04", b"\r\n", b"\r",
    b" (40 square kilometres)", b" \xe2\x80\x93 ", b"p < .05", b"t(28) = ", b"M = 3.45, n = ",
    b"<!-- numcheck: disable=NC101 -->", b"\xe2\x80\xae", b"\t" * 100, b"." * 500,
    b"\n" * 300, b"x" * 3000, b"5, " * 300,
)


# --------------------------------------------------------------------------- seeds


def _article_files(limit: int | None) -> list[Path]:
    files = sorted((SHARED / "eval" / "news" / "bbc").glob("*/*.txt"))
    files += sorted((SHARED / "seeds").glob("*.txt"))
    if limit is not None and len(files) > limit:
        # An even spread over the categories, not just the first folder.
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def _pdf(text: str) -> bytes:
    """A small valid PDF whose text layer is ``text`` (one line per Tj, Helvetica)."""
    lines = [line for line in text.splitlines() if line.strip()][:60]
    ops = ["BT", "/F1 9 Tf", "11 TL", "40 800 Td"]
    for line in lines:
        safe = (line.encode("latin-1", "replace").decode("latin-1").replace("\\", "\\\\")
                .replace("(", "\\(").replace(")", "\\)"))
        ops.append(f"({safe[:120]}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def _docx(text: str) -> bytes | None:
    try:
        import docx
    except ImportError:
        return None
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _html(title: str, body: str) -> bytes:
    import html

    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>"
            f"<style>p {{ margin: 0 }}</style></head><body><article><h1>{html.escape(title)}"
            f"</h1>\n{paragraphs}</article><script>var x = '5 km';</script></body></html>"
            ).encode()


def seeds(limit: int | None = 120, docx_every: int = 10) -> list[tuple[str, bytes]]:
    """(format, bytes) seeds built from the shared articles; [] when they are absent."""
    out: list[tuple[str, bytes]] = []
    for index, path in enumerate(_article_files(limit)):
        data = path.read_bytes()
        text = data.decode("utf-8", "replace")
        title, _, body = text.partition("\n\n")
        day = index % 28 + 1
        out.append(("text", data))
        out.append(("markdown", f"---\ntitle: {json.dumps(title.strip())}\ndate: 2005-01-{day:02d}"
                                f"\n---\n{body}".encode()))
        out.append(("html", _html(title.strip(), body)))
        out.append(("jsonl", (json.dumps({"id": str(index), "title": title.strip(), "text": body,
                                          "date": f"2005-02-{day:02d}"}) + "\n").encode()))
        out.append(("pdf", _pdf(text)))
        if index % docx_every == 0:
            word = _docx(body)
            if word is not None:
                out.append(("docx", word))
    papers = SHARED / "eval" / "statcheck" / "test_dir"
    for path in sorted(papers.glob("*.pdf")) + sorted(papers.glob("*.htm")):
        out.append(("pdf" if path.suffix == ".pdf" else "html", path.read_bytes()))
    return out


# --------------------------------------------------------------------------- the oracle


@dataclasses.dataclass
class Crash:
    """One distinct failure: what went wrong where, how often, and the smallest input seen."""

    key: str
    fmt: str
    detail: str
    count: int = 0
    sample: bytes = b""

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "format": self.fmt, "detail": self.detail, "count": self.count,
                "sample": self.sample[:300].decode("utf-8", "backslashreplace")}


@dataclasses.dataclass
class Stats:
    inputs: int = 0
    per_format: dict[str, int] = dataclasses.field(default_factory=dict)
    crashes: dict[str, Crash] = dataclasses.field(default_factory=dict)
    slow_count: int = 0
    #: seconds a second run of a slow input took (fast again: a one-off load or a busy
    #: machine, not the input)
    again: dict[int, float] = dataclasses.field(default_factory=dict)
    #: (format, seconds, input) of the five slowest inputs over the harness's limit
    slow: list[tuple[str, float, bytes]] = dataclasses.field(default_factory=list)
    seconds: float = 0.0
    engine: str = ""
    seeds: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"engine": self.engine, "seconds": round(self.seconds, 1), "seeds": self.seeds,
                "inputs": self.inputs, "per_format": dict(sorted(self.per_format.items())),
                "crashes": [c.to_json() for c in sorted(self.crashes.values(),
                                                        key=lambda c: c.key)],
                "slow_inputs": self.slow_count,
                "slow": [{"format": f, "seconds": round(s, 2),
                          "again": round(self.again.get(id(d), -1.0), 2),
                          "sample": d.decode("utf-8", "backslashreplace")}
                         for f, s, d in self.slow[:5]]}


def _where(exc: BaseException) -> str:
    """The innermost numcheck frame of a traceback: file:line of the failing code."""
    frames = traceback.extract_tb(exc.__traceback__)
    marker = f"{os.sep}numcheck{os.sep}"
    ours = [f for f in frames if marker in f.filename]
    if not (ours or frames):
        return "?"
    frame = (ours or frames)[-1]
    return f"{frame.filename.rsplit(marker, 1)[-1]}:{frame.lineno}"


class Harness:
    """Runs one input through readers, engine and writers, and records what the oracle finds."""

    def __init__(self, slow_seconds: float = 5.0) -> None:
        from numcheck.engine import default_selection

        self.selection = default_selection()
        self.slow_seconds = slow_seconds
        self.stats = Stats()

    def _crash(self, key: str, fmt: str, detail: str, data: bytes) -> None:
        crash = self.stats.crashes.get(key)
        if crash is None:
            crash = self.stats.crashes[key] = Crash(key, fmt, detail, sample=data)
        crash.count += 1
        if len(data) < len(crash.sample):
            crash.sample = data

    def run(self, fmt: str, data: bytes) -> None:
        started = time.monotonic()
        self.stats.inputs += 1
        self.stats.per_format[fmt] = self.stats.per_format.get(fmt, 0) + 1
        try:
            self._run(fmt, data)
        except Exception as exc:  # the oracle's own checks and anything unexpected
            self._crash(f"{type(exc).__name__} at {_where(exc)}", fmt,
                        f"{type(exc).__name__}: {str(exc)[:300]}", data)
        spent = time.monotonic() - started
        if spent > self.slow_seconds:
            self.stats.slow_count += 1
            self.stats.slow.append((fmt, spent, data))
            again = time.monotonic()
            with contextlib.suppress(Exception):  # recorded the first time
                self._run(fmt, data)
            self.stats.again[id(data)] = time.monotonic() - again
            self.stats.slow.sort(key=lambda item: -item[1])
            del self.stats.slow[5:]  # the five slowest are kept whole, for reproduction

    def _run(self, fmt: str, data: bytes) -> None:
        from numcheck.documents import InputError
        from numcheck.engine import run_documents
        from numcheck.readers import reader_for
        from numcheck.report import FORMATS, OutputOptions, render

        warnings: list[str] = []
        try:
            documents = reader_for(fmt)(f"fuzz{SUFFIX[fmt]}", data, warnings)
        except InputError:
            return
        except ImportError:
            return  # an optional dependency is missing: not a bug in numcheck
        except Exception as exc:
            self._crash(f"reader {fmt}: {type(exc).__name__} at {_where(exc)}", fmt,
                        f"{type(exc).__name__}: {str(exc)[:300]}", data)
            return
        for warning in warnings:
            if "\n" in warning:
                self._crash(f"reader {fmt}: multi-line warning", fmt, warning[:300], data)
        run = run_documents(documents, self.selection)
        for problem in run.report.problems:
            if " failed on " in problem.message:
                # "rule NC102 failed on fuzz.md: TypeError: ..." (the path holds no ": ")
                what, _, rest = problem.message.partition(" failed on ")
                kind = rest.partition(": ")[2].partition(":")[0] or "?"
                self._crash(f"{what}: {kind}", fmt, problem.message[:300], data)
        texts = {(d.path, d.meta.get("id")): d for d in documents}
        for finding in run.report.findings:
            for e in finding.evidence:
                doc = texts.get((e.path, e.doc_id)) or texts.get((e.path, None))
                if doc is not None and doc.text[e.start:e.end] != e.text:
                    self._crash(f"evidence text mismatch {finding.rule}", fmt,
                                f"{e.text!r} vs {doc.text[e.start:e.end]!r}", data)
                if doc is not None and doc.position(e.start) != (e.line, e.column):
                    self._crash(f"evidence position mismatch {finding.rule}", fmt,
                                f"{e.line}:{e.column} vs {doc.position(e.start)}", data)
        options = OutputOptions(documents=run.documents, rules={r.code: r for r in run.rules})
        for name in FORMATS:
            try:
                render(run.report, name, options).encode("utf-8")
            except Exception as exc:
                self._crash(f"writer {name}: {type(exc).__name__} at {_where(exc)}", fmt,
                            f"{type(exc).__name__}: {str(exc)[:300]}", data)


# --------------------------------------------------------------------------- engines


def mutate(rnd: random.Random, data: bytes, pool: Sequence[bytes]) -> bytes:
    """One to five random edits: flips, inserts, deletes, splices, repeats, hostile tokens."""
    out = bytearray(data)
    for _ in range(rnd.randint(1, 5)):
        at = rnd.randint(0, len(out))
        choice = rnd.randrange(8)
        if choice == 0 and out:  # flip a byte
            at = min(at, len(out) - 1)
            out[at] ^= 1 << rnd.randrange(8)
        elif choice == 1:  # insert random bytes
            out[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
        elif choice == 2 and out:  # delete a run
            out[at : at + rnd.randint(1, 64)] = b""
        elif choice == 3 and pool:  # splice from another input
            other = rnd.choice(pool)
            start = rnd.randint(0, max(0, len(other) - 1))
            out[at:at] = other[start : start + rnd.randint(1, 400)]
        elif choice == 4 and out:  # repeat a chunk (growth: long lines, deep nesting)
            start = rnd.randint(0, len(out) - 1)
            chunk = bytes(out[start : start + rnd.randint(1, 40)])
            out[at:at] = chunk * rnd.randint(2, 200)
        elif choice == 5:  # truncate
            del out[at:]
        else:  # a token that broke a parser somewhere once
            out[at:at] = rnd.choice(HOSTILE_TOKENS)
    return bytes(out[:400_000])


def run_random(seconds: float, seed: int, corpus: Sequence[tuple[str, bytes]],
               harness: Harness | None = None, max_inputs: int | None = None) -> Stats:
    """Mutation fuzzing without coverage feedback (no atheris needed)."""
    harness = harness or Harness()
    rnd = random.Random(seed)
    pool = [data for _, data in corpus]
    started = time.monotonic()
    # Every seed once as it is, then mutants until the time is up.
    for fmt, data in corpus:
        if time.monotonic() - started > seconds:
            break
        harness.run(fmt, data)
    while time.monotonic() - started < seconds:
        if max_inputs is not None and harness.stats.inputs >= max_inputs:
            break
        fmt, data = rnd.choice(corpus)
        if rnd.random() < 0.05:
            fmt = rnd.choice(FORMATS)  # the wrong reader for the bytes
        harness.run(fmt, mutate(rnd, data, pool))
    harness.stats.seconds = time.monotonic() - started
    harness.stats.engine = "random"
    harness.stats.seeds = len(corpus)
    return harness.stats


def _atheris_child(stats_path: Path, corpus_dir: Path, seconds: int, artifacts: Path) -> None:
    import importlib

    atheris: Any = importlib.import_module("atheris")  # optional, and without type stubs

    with atheris.instrument_imports(include=["numcheck"]):
        import numcheck.engine
        import numcheck.readers  # noqa: F401

    harness = Harness()
    started = time.monotonic()
    last_write = [0.0]

    def save(force: bool = False) -> None:
        now = time.monotonic()
        if force or now - last_write[0] > 5:
            last_write[0] = now
            harness.stats.seconds = now - started
            harness.stats.engine = "atheris"
            stats_path.write_text(json.dumps(harness.stats.to_json(), indent=1), "utf-8")

    def one_input(data: bytes) -> None:
        if not data:
            return
        before = len(harness.stats.crashes)
        harness.run(FORMATS[data[0] % len(FORMATS)], data[1:])
        save(force=len(harness.stats.crashes) != before)

    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-timeout=120",
                   "-rss_limit_mb=6000", "-max_len=200000", "-print_final_stats=1",
                   f"-artifact_prefix={artifacts}{os.sep}", str(corpus_dir)], one_input)
    atheris.Fuzz()


def run_atheris(seconds: int, corpus: Sequence[tuple[str, bytes]]) -> Stats:
    """Coverage-guided fuzzing with libFuzzer, in a child process (libFuzzer exits when done)."""
    with tempfile.TemporaryDirectory(prefix="numcheck-fuzz-") as tmp:
        folder = Path(tmp)
        corpus_dir, artifacts = folder / "corpus", folder / "artifacts"
        corpus_dir.mkdir()
        artifacts.mkdir()
        for index, (fmt, data) in enumerate(corpus):
            (corpus_dir / f"seed{index:05d}").write_bytes(bytes([FORMATS.index(fmt)]) + data)
        stats_path = folder / "stats.json"
        child = subprocess.run(
            [sys.executable, __file__, "_atheris_child", str(stats_path), str(corpus_dir),
             str(seconds), str(artifacts)],
            capture_output=True, text=True, errors="replace", timeout=seconds + 900)
        if not stats_path.exists():
            sys.exit(f"atheris run produced no figures:\n{child.stderr[-3000:]}")
        figures = json.loads(stats_path.read_text("utf-8"))
        stats = Stats(inputs=figures["inputs"], per_format=figures["per_format"],
                      seconds=figures["seconds"], engine="atheris", seeds=len(corpus))
        for item in figures["crashes"]:
            stats.crashes[item["key"]] = Crash(item["key"], item["format"], item["detail"],
                                               item["count"], item["sample"].encode())
        stats.slow = [(s["format"], s["seconds"], s["sample"].encode()) for s in figures["slow"]]
        stats.slow_count = figures["slow_inputs"]
        for path in sorted(artifacts.iterdir()):
            data = path.read_bytes()
            fmt = FORMATS[data[0] % len(FORMATS)] if data else "?"
            if path.name.startswith("slow-unit-"):
                # libFuzzer keeps its slowest input: slow, not a failure (the oracle's own
                # slow list has the figures).
                stats.slow.append((fmt, -1.0, data[1:]))
                continue
            # libFuzzer's own verdicts: timeouts, out-of-memory, deadly signals.
            kind = path.name.split("-")[0]
            stats.crashes[f"libFuzzer {kind}"] = Crash(f"libFuzzer {kind}", fmt, path.name, 1,
                                                       data[1:])
        tail = [line for line in child.stderr.splitlines() if line.startswith("stat::")]
        if tail:
            print("\n".join(tail), file=sys.stderr)
        return stats


def summary(stats: Stats) -> str:
    lines = [f"engine {stats.engine}: {stats.inputs:,} inputs in {stats.seconds:,.0f} s "
             f"from {stats.seeds:,} seeds ("
             + ", ".join(f"{k} {v:,}" for k, v in sorted(stats.per_format.items())) + ")",
             f"distinct failures: {len(stats.crashes)}"]
    for crash in sorted(stats.crashes.values(), key=lambda c: -c.count):
        lines.append(f"  {crash.count:>6} × {crash.key}  [{crash.fmt}] {crash.detail[:160]}")
        lines.append(f"         smallest input: {crash.sample[:160]!r}")
    if stats.slow:
        lines.append(f"inputs over the time limit: {stats.slow_count}; slowest: "
                     + ", ".join(f"{f} {s:.1f} s (again: {stats.again.get(id(d), -1):.1f} s)"
                                 for f, s, d in stats.slow if s >= 0))
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["_atheris_child"]:
        _atheris_child(Path(args[1]), Path(args[2]), int(args[3]), Path(args[4]))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles", type=int, default=120,
                        help="articles to build seeds from (each becomes 5-6 formats)")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    options = parser.parse_args(args)
    corpus = seeds(options.articles)
    if not corpus:
        sys.exit(f"skipped: no seeds ({SHARED} is absent; it sits beside the repository)")
    engine = options.engine
    if engine == "auto":
        import importlib.util

        engine = "atheris" if importlib.util.find_spec("atheris") else "random"
    runner: Callable[[], Stats] = (
        (lambda: run_atheris(int(options.seconds), corpus)) if engine == "atheris"
        else (lambda: run_random(options.seconds, options.seed, corpus)))
    stats = runner()
    print(summary(stats))
    if options.json:
        options.json.write_text(json.dumps(stats.to_json(), indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
