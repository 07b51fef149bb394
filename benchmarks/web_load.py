"""Load on the copy-desk server: 200 checks of a 1,000-word article, 8 at a time, on 127.0.0.1.

    .venv/bin/python benchmarks/web_load.py [--requests 200] [--concurrency 8] [--page]

Starts ``numcheck serve`` as its own process on a free port (as a newsroom runs it), waits until
it answers, sends ``--requests`` POST /api/check requests from ``--concurrency`` clients at once
and reports latency (median, 95th percentile, max) and throughput. Every request carries a
*different* 1,000-word article (the numbers are shifted per request), so per-sentence caches in
the extractor do not flatter the figures; ``--same`` sends one article every time instead.
With ``--page`` the form route (POST /check, the marked HTML page) is measured instead of the
JSON API.

Fails (exit 1) on any error: a status other than 200, a transport error, or an answer that
differs from what the library computes for the same article in this process (so concurrency
cannot change results unnoticed).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = 1000


def base_article() -> str:
    """About 1,000 words of news prose from the repository's examples (front matter removed)."""
    paragraphs: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.md")):
        text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
        paragraphs.extend(p.strip() for p in re.split(r"\n\s*\n", text)
                          if p.strip() and not p.strip().startswith("#"))
    article: list[str] = []
    count = 0
    while count < WORDS:
        for paragraph in paragraphs:
            words = paragraph.split()
            if count + len(words) > WORDS:
                words = words[: WORDS - count]
            article.append(" ".join(words))
            count += len(words)
            if count >= WORDS:
                break
    return "\n\n".join(article)


def variant(text: str, index: int) -> str:
    """The article with every integer not inside a larger number shifted by ``index``."""
    if index == 0:
        return text
    return re.sub(r"(?<![\d.,])\d+(?!\d|[.,]\d)", lambda m: str(int(m.group()) + index), text)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int) -> subprocess.Popen[bytes]:
    import httpx

    process = subprocess.Popen(
        [sys.executable, "-m", "numcheck", "serve", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            detail = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"server exited: {detail}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("server did not start within 90 s")


async def load(url: str, articles: list[str], concurrency: int, page: bool
               ) -> tuple[list[float], list[str], list[Any]]:
    import httpx

    latencies: list[float] = [0.0] * len(articles)
    answers: list[Any] = [None] * len(articles)
    errors: list[str] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(articles)):
        queue.put_nowait(index)

    async def client(http: httpx.AsyncClient) -> None:
        while True:
            try:
                index = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            try:
                if page:
                    response = await http.post(f"{url}/check", data={"text": articles[index]})
                else:
                    response = await http.post(f"{url}/api/check",
                                               json={"text": articles[index]})
            except httpx.HTTPError as exc:
                errors.append(f"request {index}: {type(exc).__name__}: {exc}")
                continue
            latencies[index] = time.perf_counter() - started
            if response.status_code != 200:
                errors.append(f"request {index}: HTTP {response.status_code}: "
                              f"{response.text[:200]}")
                continue
            answers[index] = response.text if page else response.json()

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
    return latencies, errors, answers


def verify(articles: list[str], answers: list[Any], page: bool) -> list[str]:
    """Compare every answer with the library's result for the same article."""
    import json

    from numcheck.documents import Document
    from numcheck.engine import check_documents

    wrong: list[str] = []
    for index, (text, answer) in enumerate(zip(articles, answers, strict=True)):
        if answer is None:
            continue
        report = check_documents([Document.from_text(text, "<pasted>")])
        if page:
            expected = sum(1 for f in report.findings)
            got = len(re.findall(r'<li class="nc-card ', answer))
            if got != expected:
                wrong.append(f"request {index}: page shows {got} findings, library {expected}")
        elif json.loads(json.dumps(report.to_json())) != answer:
            wrong.append(f"request {index}: answer differs from the library's")
    return wrong


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--page", action="store_true", help="measure POST /check (HTML)")
    parser.add_argument("--same", action="store_true", help="one article for every request")
    args = parser.parse_args()

    base = base_article()
    articles = [base if args.same else variant(base, i) for i in range(args.requests)]
    words = len(base.split())
    port = free_port()
    server = start_server(port)
    try:
        url = f"http://127.0.0.1:{port}"
        # One request first: the server warms its extractor in the background at start-up.
        asyncio.run(load(url, [variant(base, 10_000)], 1, args.page))
        started = time.perf_counter()
        latencies, errors, answers = asyncio.run(load(url, articles, args.concurrency,
                                                      args.page))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors += verify(articles, answers, args.page)

    route = "POST /check (HTML page)" if args.page else "POST /api/check (JSON)"
    done = [t for t, a in zip(latencies, answers, strict=True) if a is not None]
    print(f"{route}: {args.requests} requests, {args.concurrency} concurrent, "
          f"{words:,}-word article{' (same each time)' if args.same else ' (different each time)'}")
    print(f"cpu: {os.cpu_count()} logical; python {sys.version.split()[0]}")
    if done:
        print(f"latency  median {statistics.median(done) * 1000:7.1f} ms   "
              f"p95 {percentile(done, 95) * 1000:7.1f} ms   max {max(done) * 1000:7.1f} ms")
        print(f"throughput {len(done) / elapsed:6.1f} requests/s over {elapsed:.1f} s")
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print(f"  {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
