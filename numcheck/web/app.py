"""The FastAPI application behind ``numcheck serve``.

Routes::

    GET  /             the page: paste or upload, headline, publication date
    POST /check        the form (multipart): the article back, marked (works without JS)
    POST /api/check    {"text", "date"?, "title"?, "path"?} → the JSON contract of DESIGN.md
    GET  /api/rules    the rules: code, name, level, kind, groups, enabled, docs
    GET  /published    a published article from the archive (with ``--db``), as far as the
                       archive knows it: its sentences with numbers, the one in question marked
    GET  /healthz      {"status": "ok"}
    GET  /static/...   numcheck.css, numcheck.js

Errors are one clear sentence: JSON ``{"error": {"status", "message"}}`` under ``/api/``, the
page with an alert elsewhere. Every response carries a strict Content-Security-Policy (scripts
and styles from this server only, no inline code), ``nosniff`` and ``frame-ancestors 'none'``.
Warnings about a check (a time budget used up, a file read with a fallback encoding) reach API
clients in ``X-Numcheck-Warning`` headers, leaving the JSON contract exactly as specified.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from numcheck.findings import Report
from numcheck.rules.loader import RuleSet, load_rules
from numcheck.rules.selection import RuleSelection, select_rules
from numcheck.web import pages
from numcheck.web.archive_seam import ArchiveView
from numcheck.web.limits import ASGIApp, BodyLimit, Limits, Message, Receive, Scope, Send
from numcheck.web.markup import LinkFor, external_link
from numcheck.web.service import Checked, Checker, Refused, Submission, Upload, accepted_suffixes

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    date: str | None = None
    title: str | None = Field(default=None, max_length=300)
    path: str | None = Field(default=None, max_length=300)


@dataclass(frozen=True)
class Settings:
    """Everything the app is built from (the CLI fills it in; tests build it directly)."""

    #: the rules that run (default: the shipped packs as ``numcheck check`` runs them)
    selection: RuleSelection | None = None
    #: every known rule, for ``/api/rules`` (default: :func:`load_rules`)
    ruleset: RuleSet | None = None
    limits: Limits = field(default_factory=Limits)
    #: the published articles (``--db``); ``selection`` must already match against it
    archive: ArchiveView | None = None
    #: shown on the page, e.g. what ``--db`` compares with, or why it is not used
    notice: str | None = None
    #: warm the extractor in the background at start-up so the first check is not slow
    warm_up: bool = True


def create_app(settings: Settings | None = None) -> ASGIApp:
    """The ASGI application: FastAPI inside the body limit and the security headers."""
    settings = settings or Settings()
    limits = settings.limits
    ruleset = settings.ruleset or load_rules()
    selection = settings.selection or select_rules(ruleset)
    checker = Checker(selection, limits)
    suffixes = accepted_suffixes()
    head = pages.linked_assets()
    link_for: LinkFor = settings.archive.link if settings.archive else external_link

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if settings.warm_up:
            threading.Thread(target=_warm_up, name="numcheck-warm-up", daemon=True).start()
        yield

    app = FastAPI(title="numcheck", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.limiter = anyio.CapacityLimiter(limits.concurrent)
    static = Path(__file__).parent / "static"
    app.mount("/static", StaticFiles(directory=static), name="static")

    async def run_check(checker_call: Callable[[], Checked]) -> Checked:
        # The engine's own budget stops rules between stages; this limit answers the request
        # even when one stage runs long (the abandoned thread finishes on its own).
        with anyio.fail_after(limits.seconds + 1.0):
            return await anyio.to_thread.run_sync(
                checker_call, limiter=app.state.limiter, abandon_on_cancel=True
            )

    def html(status: int, message: str, values: pages.FormValues | None = None) -> Response:
        page = pages.error_page(status, message, limits, head, suffixes,
                                values or pages.FormValues())
        return HTMLResponse(page, status_code=status)

    @app.get("/", response_class=HTMLResponse)
    async def index() -> HTMLResponse:
        return HTMLResponse(pages.compose_page(limits, head, suffixes, settings.notice))

    @app.post("/check", response_class=HTMLResponse)
    async def check_form(request: Request) -> Response:
        form = await request.form(max_files=limits.max_files + 1,
                                  max_part_size=limits.max_body_bytes)
        values = pages.FormValues(text=_field(form.get("text")),
                                  title=_field(form.get("title")),
                                  date=_field(form.get("date")))
        uploads = []
        for item in form.getlist("files"):
            if isinstance(item, UploadFile) and item.filename:
                uploads.append(Upload(item.filename, await item.read()))
        sub = Submission(text=values.text, title=values.title, date=values.date,
                         uploads=tuple(uploads))
        try:
            docs, problems = checker.documents(sub)
            checked = await run_check(lambda: checker.check(docs, problems))
        except Refused as exc:
            return html(exc.status, exc.message, values)
        except TimeoutError:
            return html(503, limits.too_slow_message(), values)
        page = pages.result_page(checked.report, checked.views, limits, head, suffixes,
                                 values, link_for, settings.notice)
        return HTMLResponse(page)

    @app.post("/api/check")
    async def check_api(body: CheckRequest) -> Response:
        sub = Submission(text=body.text, title=body.title or "", date=body.date or "",
                         path=body.path or "")
        try:
            docs, problems = checker.documents(sub)
            checked = await run_check(lambda: checker.check(docs, problems))
        except Refused as exc:
            return _json_error(exc.status, exc.message)
        except TimeoutError:
            return _json_error(503, limits.too_slow_message())
        return JSONResponse(checked.report.to_json(), headers=_warnings(checked.report))

    @app.get("/published", response_class=HTMLResponse)
    async def published(path: str = "", line: int = 0, column: int = 0) -> Response:
        archive = settings.archive
        if archive is None:
            return html(404, "This server has no archive of published articles (--db).")
        found = await anyio.to_thread.run_sync(archive.article, path)
        if found is None:
            return html(404, f"No published article {path!r} in the archive.")
        return HTMLResponse(pages.published_page(found, head, line, column))

    @app.get("/api/rules")
    async def rules() -> JSONResponse:
        return JSONResponse({"rules": rule_listing(ruleset, selection)})

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok"})

    @app.get("/check")
    async def check_again() -> Response:
        # Reloading a result page, or a bookmarked /check: back to the form.
        return RedirectResponse("./", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # 404, 405, a malformed multipart body: the same one-sentence errors as everywhere.
        message = {404: "There is no such page here.",
                   405: "This address does not accept that kind of request."}.get(
                       exc.status_code, str(exc.detail))
        if request.url.path.startswith("/api/"):
            return _json_error(exc.status_code, message)
        return html(exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        message = _validation_message(exc.errors())
        if request.url.path.startswith("/api/"):
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if request.method == "POST" and kind != "application/json":
                # A form or plain text sent to the API fails validation as "not an object":
                # say what is wrong instead.
                return _json_error(415, "Send the request as JSON with Content-Type: "
                                        f"application/json (got {kind or 'none'}), e.g. "
                                        '{"text": "..."}.')
            return _json_error(422, message)
        return html(422, message)

    def error_page(status: int, message: str) -> tuple[bytes, str]:
        return pages.error_page(status, message, limits, head, suffixes).encode(), "text/html"

    return SecurityHeaders(BodyLimit(app, limits, error_page))


def rule_listing(ruleset: RuleSet, selection: RuleSelection) -> list[dict[str, object]]:
    """Every known rule; ``enabled`` and ``level`` as this server runs it."""
    running = {r.code: r for r in selection.rules}
    listing: list[dict[str, object]] = []
    for rule in ruleset:
        active = running.get(rule.code)
        docs = rule.docs
        listing.append({
            "code": rule.code,
            "name": rule.name,
            "level": (active or rule).level,
            "kind": rule.kind,
            "groups": list(rule.groups),
            "enabled": active is not None,
            "message": rule.message,
            "docs": {"what": docs.what, "why": docs.why, "example": docs.example,
                     "fix": docs.fix},
        })
    return listing


def _field(value: object) -> str:
    return value if isinstance(value, str) else ""


def _json_error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _warnings(report: Report) -> dict[str, str]:
    notes = [str(p) for p in report.problems]
    # Header values must be one line of latin-1; messages are ours but paths are not (a CR
    # in an API "path" made an illegal header value: the response was lost).
    text = " | ".join(" ".join(n.split()) for n in notes)
    return {"X-Numcheck-Warning": text.encode("latin-1", "replace").decode("latin-1")} \
        if notes else {}


def _validation_message(errors: Sequence[Any]) -> str:
    parts = []
    for error in errors[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "Invalid request: " + "; ".join(parts)


class SecurityHeaders:
    """Adds the security headers to every HTTP response, errors and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def _warm_up() -> None:
    # quantulum3 and the unit registry load lazily (seconds); a first request should not pay.
    from numcheck.extraction import extract_text

    extract_text("The reserve covers 25 square miles (40 square kilometres).")
