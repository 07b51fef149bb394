"""``numcheck serve`` as a person starts it: a real process on a free port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.web.conftest import free_port

pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install 'numcheck[web]'")
httpx = pytest.importorskip("httpx")


def test_serve_starts_answers_and_says_why_a_missing_archive_is_not_used(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "numcheck", "serve", "--port", str(port),
         "--db", str(tmp_path / "absent.duckdb")],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "numcheck serve did not start"
            time.sleep(0.2)
        page = httpx.get(url + "/", timeout=10).text
        assert "Check the numbers before you publish" in page
        assert "absent.duckdb is not used" in page
        result = httpx.post(f"{url}/api/check", timeout=60,
                            json={"text": "It covers 25 square miles (40 square kilometres)."})
        assert [f["rule"] for f in result.json()["findings"]] == ["NC101"]
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert "absent.duckdb is not used" in err
    assert f"http://127.0.0.1:{port}/" in err
