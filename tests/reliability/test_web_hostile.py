"""Hostile requests to the web app (issue 9, part 7), against a real uvicorn on 127.0.0.1.

Oversized bodies, slow uploads, malformed JSON and wrong content types each get a 4xx with a
clear message (JSON under /api/, the page elsewhere) and the server keeps serving; text from the
request is always escaped. The web engineer's tests (tests/web) cover the size and length
limits through the test client; these go over a socket, where a slow client really is slow.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (numcheck[web])")
httpx = pytest.importorskip("httpx")

from numcheck.web.limits import Limits  # noqa: E402
from tests.web.conftest import LiveServer, start_server  # noqa: E402

FOREST = "The reserve covers 25 square miles (40 square kilometres) of wetland."
BODY_SECONDS = 1.5


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    from numcheck.web.app import Settings

    live = start_server(Settings(limits=Limits(max_body_bytes=1024 * 1024,
                                               body_seconds=BODY_SECONDS), warm_up=False))
    yield live
    live.server.should_exit = True
    live.thread.join(timeout=10)


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, (response.status_code, response.text[:300])
    body = response.json()
    assert body["error"]["status"] == status
    message: str = body["error"]["message"]
    assert message and "\n" not in message, message
    return message


def _raw(server: LiveServer, request: bytes, then: bytes = b"", wait: float = 0.0,
         timeout: float = 30.0) -> bytes:
    """Send ``request``, optionally more after ``wait`` seconds; the whole answer."""
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        if wait:
            time.sleep(wait)
            with contextlib.suppress(OSError):  # the server answered and closed: as wanted
                sock.sendall(then)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


# --------------------------------------------------------------------------- sizes, speed


def test_oversized_body_is_413_before_parsing(server: LiveServer) -> None:
    body = json.dumps({"text": "word " * 400_000}).encode()  # 2 MB > 1 MB
    message = _error(httpx.post(f"{server.url}/api/check", content=body,
                                headers={"content-type": "application/json"}), 413)
    assert "too large: 1.9 MB, the limit is 1 MB" in message
    assert server.alive()


def test_oversized_upload_to_the_page_is_413_on_the_page(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/check",
                          files={"files": ("big.md", b"x" * 2_000_000, "text/markdown")})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "too large" in response.text


def test_slow_upload_is_408_with_a_clear_message(server: LiveServer) -> None:
    # Headers promise 1,000 bytes; a few arrive, then nothing (a stalled upload, or a
    # slowloris holding the connection). Without a body deadline this waited forever.
    head = (b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{\"text\": \"It")
    started = time.monotonic()
    answer = _raw(server, head, timeout=BODY_SECONDS + 30)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert time.monotonic() - started < BODY_SECONDS + 30  # it did not wait for the client
    body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
    assert "upload was too slow" in body["error"]["message"]
    assert server.alive()


def test_a_trickling_upload_is_cut_at_the_deadline_too(server: LiveServer) -> None:
    # Bytes keep coming, just too slowly to finish: the deadline is for the whole body.
    head = (b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
            b"\r\nContent-Length: 100\r\n\r\ntext=a")
    answer = _raw(server, head, then=b"b", wait=BODY_SECONDS + 0.5, timeout=BODY_SECONDS + 30)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b"text/html" in answer.split(b"\r\n\r\n", 1)[0]  # the page, not JSON


def test_a_normal_upload_is_not_affected_by_the_deadline(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/api/check", json={"text": FOREST})
    assert response.status_code == 200
    assert response.json()["findings"][0]["rule"] == "NC101"


# --------------------------------------------------------------------------- malformed


@pytest.mark.parametrize(("body", "status", "words"), [
    (b'{"text": "unterminated', 422, "Invalid request"),
    (b'[1, 2]', 422, "Invalid request"),
    (b'{"text": 5}', 422, "text: Input should be a valid string"),
    (b'{"text": "a", "evil": 1}', 422, "evil: Extra inputs are not permitted"),
    (b'{"text": "a", "date": NaN}', 422, "date"),
    (b"", 422, "Invalid request"),
    (b'{"text": "x", "date": ' + b"[" * 20_000 + b"]" * 20_000 + b"}", 400, "parsing"),
    (b'{"text": "It is 5 km \xff\xfe."}', 400, "parsing"),
])
def test_malformed_json_is_a_4xx_with_a_message(server: LiveServer, body: bytes, status: int,
                                               words: str) -> None:
    response = httpx.post(f"{server.url}/api/check", content=body,
                          headers={"content-type": "application/json"})
    assert words in _error(response, status)
    assert server.alive()


def test_lone_surrogate_escapes_are_checked_not_a_500(server: LiveServer) -> None:
    body = ('{"text": "' + FOREST + ' \\ud800 \\udbff\\uffff"}').encode()
    response = httpx.post(f"{server.url}/api/check", content=body,
                          headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert [f["rule"] for f in response.json()["findings"]] == ["NC101"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", ""])
def test_wrong_content_type_is_415_saying_what_to_send(server: LiveServer,
                                                      content_type: str) -> None:
    response = httpx.post(f"{server.url}/api/check", content=json.dumps({"text": FOREST}),
                          headers={"content-type": content_type})
    message = _error(response, 415)
    assert "application/json" in message


def test_json_sent_to_the_form_is_a_4xx_page(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/check", json={"text": FOREST})
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("text/html")


# --------------------------------------------------------------------------- escaping

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&'


def _no_markup_from_request(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html


def test_pasted_text_and_title_are_escaped(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/check",
                          data={"text": f"{EVIL} {FOREST}", "title": EVIL, "date": EVIL})
    assert response.status_code in (200, 400)
    _no_markup_from_request(response.text)
    assert "&lt;script&gt;" in response.text


def test_uploaded_names_and_contents_are_escaped(server: LiveServer) -> None:
    files = [("files", (f"{EVIL}.md", f"{EVIL} {FOREST}".encode(), "text/markdown")),
             ("files", (f"{EVIL}.exe", b"MZ\x00", "application/octet-stream"))]
    response = httpx.post(f"{server.url}/check", files=files)
    assert response.status_code == 200
    _no_markup_from_request(response.text)


def test_error_pages_escape_what_they_echo(server: LiveServer) -> None:
    for response in (httpx.get(f"{server.url}/published", params={"path": EVIL}),
                     httpx.get(f"{server.url}/{EVIL}"),
                     httpx.post(f"{server.url}/check", files={
                         "files": (f"{EVIL}.exe", b"MZ", "application/octet-stream")})):
        assert 400 <= response.status_code < 500
        _no_markup_from_request(response.text)


def test_api_path_with_line_breaks_cannot_inject_a_header() -> None:
    from numcheck.documents import Problem
    from numcheck.findings import Report
    from numcheck.web.app import _warnings

    report = Report(problems=(Problem("a\r\nX-Injected: 1\rb", "slow", "warning"),))
    (value,) = _warnings(report).values()
    assert "\r" not in value and "\n" not in value
