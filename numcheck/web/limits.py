"""What one request may cost: body size, text length, files, processing time, concurrency.

The body limit is enforced by :class:`BodyLimit`, a pure ASGI middleware that runs before
FastAPI parses anything, so a 20 MB paste is never parsed, held as a form or decoded as JSON.

Why the middleware *drains* an oversized body (up to :attr:`Limits.drain_bytes`) before it
answers 413: a browser that is still uploading when the server replies and closes shows a
"connection reset" page instead of our message. Reading and discarding a few more megabytes on
a local network is cheap; beyond ``drain_bytes`` the connection is simply closed after the
answer.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

import anyio

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: largest request body (JSON, a pasted form, uploaded files together)
    max_body_bytes: int = 8 * MB
    #: longest text checked per request, in characters, after reading files (~150,000 words)
    max_chars: int = 1_000_000
    max_files: int = 20
    #: seconds a check may take before the request is answered with 503
    seconds: float = 30.0
    #: checks running at once; later requests wait (the work is CPU-bound)
    concurrent: int = 4
    #: how much of an oversized body is read and discarded before answering (see module doc)
    drain_bytes: int = 64 * MB
    #: seconds a client may take to send its whole request body; a slower upload (or a client
    #: that stops sending, holding a connection open) is answered 408
    body_seconds: float = 60.0

    def too_large_message(self, size: int | None) -> str:
        got = f"{size / MB:.1f} MB" if size is not None else "more"
        return (f"The text or file is too large: {got}, the limit is "
                f"{self.max_body_bytes / MB:.0f} MB per check. Check a shorter text or split "
                "the file.")

    def too_long_message(self, chars: int) -> str:
        return (f"The text is too long: {chars:,} characters, the limit is "
                f"{self.max_chars:,} per check. Split it into parts.")

    def slow_upload_message(self) -> str:
        return (f"The upload was too slow: the request did not arrive within "
                f"{self.body_seconds:g} seconds. Try again, or send a shorter text.")

    def too_slow_message(self) -> str:
        return (f"The check took longer than {self.seconds:g} seconds and was stopped. "
                "Check a shorter text, or split it into parts.")


ErrorPage = Callable[[int, str], tuple[bytes, str]]


def json_error(status: int, message: str) -> tuple[bytes, str]:
    """The JSON error body: ``{"error": {"status": 413, "message": "..."}}``."""
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    return body, "application/json"


class BodyLimit:
    """Answer 413 to requests whose body exceeds ``limits.max_body_bytes``.

    Declared sizes (``Content-Length``) are refused before the app runs; undeclared (chunked)
    bodies are counted as they stream: the read that crosses the limit raises inside the app,
    whatever the app answers to that is dropped, and the 413 is sent instead. ``page`` renders
    the answer for browser routes; ``/api/`` routes get JSON.
    """

    def __init__(self, app: ASGIApp, limits: Limits, page: ErrorPage = json_error) -> None:
        self.app = app
        self.limits = limits
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        limit = self.limits.max_body_bytes
        if declared is not None and declared > limit:
            await self._refuse(scope, receive, send, declared, drain=self.limits.drain_bytes)
            return

        received = 0
        refused = False
        ended = False
        slow = False
        deadline = anyio.current_time() + self.limits.body_seconds

        async def counted() -> Message:
            nonlocal received, refused, ended, slow
            if ended:  # after the body: waiting for a disconnect is not an upload
                return await receive()
            try:
                with anyio.fail_after(max(deadline - anyio.current_time(), 0.0)):
                    message = await receive()
            except TimeoutError:
                refused = slow = True
                raise _TooSlow() from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                ended = not message.get("more_body", False)
                if received > limit:
                    refused = True
                    raise _TooLarge(received)
            return message

        async def guarded(message: Message) -> None:
            # Once refused, whatever the app answers (an error page for the exception raised
            # in its receive) is dropped: the client gets the 413 below instead.
            if not refused:
                await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not refused:
                raise
        if slow:
            # A slowloris or a stalled upload: answer at once, read nothing more, close.
            await self._answer(scope, send, 408, self.limits.slow_upload_message())
        elif refused:
            # Draining past the end of the body would wait for a disconnect that never comes.
            budget = 0 if ended else self.limits.drain_bytes - received
            await self._refuse(scope, receive, send, None, drain=budget)

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, size: int | None, drain: int
    ) -> None:
        await _drain(receive, drain)
        await self._answer(scope, send, 413, self.limits.too_large_message(size))

    async def _answer(self, scope: Scope, send: Send, status: int, message: str) -> None:
        path = str(scope.get("path", ""))
        render = json_error if path.startswith("/api/") else self.page
        body, content_type = render(status, message)
        await send({
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", f"{content_type}; charset=utf-8".encode()),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        })
        await send({"type": "http.response.body", "body": body})


class _TooSlow(Exception):
    """Raised in the app's receive when the body has not arrived in time."""


class _TooLarge(Exception):
    def __init__(self, received: int) -> None:
        super().__init__(received)
        self.received = received


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _drain(receive: Receive, budget: int) -> None:
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return
