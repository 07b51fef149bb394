"""Shared fixtures for the web tests: the app as a test client, and a live server.

The live server is uvicorn in a thread of the test process on a free port of 127.0.0.1; it
starts once per module that needs it and stops at its end.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from numcheck.web.app import Settings

WEB_EXTRA = "the web extra is not installed (pip install 'numcheck[web]')"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class LiveServer:
    url: str
    server: Any  # uvicorn.Server
    thread: threading.Thread

    def alive(self) -> bool:
        import httpx

        return bool(httpx.get(f"{self.url}/healthz", timeout=10).json() == {"status": "ok"})


def start_server(settings: Settings | None = None) -> LiveServer:
    pytest.importorskip("fastapi", reason=WEB_EXTRA)
    import uvicorn

    from numcheck.web.app import Settings, create_app

    port = free_port()
    config = uvicorn.Config(create_app(settings or Settings()), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)


def stop_server(live: LiveServer) -> None:
    live.server.should_exit = True
    live.thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    live = start_server()
    try:
        yield live
    finally:
        stop_server(live)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    pytest.importorskip("fastapi", reason=WEB_EXTRA)
    from fastapi.testclient import TestClient

    from numcheck.web.app import Settings, create_app

    with TestClient(create_app(Settings(warm_up=False))) as test_client:
        yield test_client
