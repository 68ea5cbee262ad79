"""The write API: store articles, correct merges. Bearer tokens; no cross-site writes.

    POST /api/ingest    an article record, or {"url": …} for a page or a feed   -> 201
    POST /api/merge     {"event": ID, "into": "ev-…"}: put an article's event in a merged one
    POST /api/unmerge   {"event": ID}: take an article's event out on its own

Every write needs `Authorization: Bearer TOKEN` (401 without a valid token), takes JSON
only (415 otherwise; an HTML form cannot send JSON), and answers 403 when the service
is read-only (beyond loopback, no token configured). Before any of that, a request a
browser marks as coming from another origin is refused with 403 (`guard_cross_site_writes`):
bearer tokens already keep other sites out, this keeps it so if a cookie or a form
ever comes in.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from kizuna.errors import KizunaError
from kizuna.store import MergeError
from kizuna.store import tokens as api_tokens
from kizuna.store.locks import RETRY_AFTER_S, StoreBusy
from kizuna.web import guards
from kizuna.web.urls import http_url, same_origin
from kizuna.web.writing import UrlFailed, Writer

URL_WORKERS = 2  # URL ingests fetched and extracted at once
URL_WAITING = 8  # more queued behind them before 503
URL_RETRY_AFTER = 30  # seconds
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SECURITY_SCHEMES = {"bearer": {
    "type": "http", "scheme": "bearer",
    "description": "A token from `kizuna token create` (stored hashed; "
                   "`kizuna token revoke` ends it)."}}

_STRING = {"type": "string"}
ERROR_SCHEMA = {"type": "object", "required": ["error"], "properties": {"error": _STRING}}
ARTICLE_RECORD_SCHEMA = {
    "oneOf": [
        {"type": "object", "required": ["id", "text"], "title": "Article record",
         "properties": {k: _STRING for k in
                        ("id", "url", "title", "source", "language", "published", "text")}},
        {"type": "object", "required": ["url"], "title": "A page or feed to fetch",
         "properties": {"url": {"type": "string", "format": "uri"}}},
    ]}
INGESTED_SCHEMA = {
    "oneOf": [
        {"type": "object", "title": "An article record stored",
         "required": ["id", "outcome", "events", "warnings"],
         "properties": {"id": _STRING,
                        "outcome": {"type": "string", "enum": ["added", "updated", "unchanged"]},
                        "events": {"type": "integer"},
                        "warnings": {"type": "array", "items": _STRING}}},
        {"type": "object", "title": "A page or feed fetched and stored",
         "required": ["url", "added", "updated", "unchanged", "events", "failures", "summary"],
         "properties": {"url": _STRING, "added": {"type": "integer"},
                        "updated": {"type": "integer"}, "unchanged": {"type": "integer"},
                        "events": {"type": "integer"}, "summary": _STRING,
                        "failures": {"type": "array", "items": {
                            "type": "object", "properties": {"label": _STRING,
                                                             "reason": _STRING}}}}},
    ]}
EVENT_ID_SCHEMA = {"type": "string", "description": "An article's event id, or a unique "
                   "prefix (each citation of /events/{id}.json gives its `event_id`)."}
MERGE_SCHEMA = {
    "type": "object", "required": ["event", "into"], "additionalProperties": False,
    "properties": {
        "event": EVENT_ID_SCHEMA,
        "into": {"type": "string", "description": "The merged event (ev-…) it belongs in, "
                 "or a unique prefix; it must be of the same type."}}}
UNMERGE_SCHEMA = {
    "type": "object", "required": ["event"], "additionalProperties": False,
    "properties": {"event": EVENT_ID_SCHEMA}}
JUDGEMENT_SCHEMA = {
    "type": "object", "required": ["event_id", "merged_id", "reasons"],
    "properties": {"event_id": _STRING, "merged_id": _STRING,
                   "reasons": {"type": "array", "items": _STRING}}}


def _json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _responses(success: int, described: str, schema: dict[str, Any]) -> dict[int, Any]:
    """The OpenAPI answers every write route gives: its success, and the errors."""
    error = _json_content(ERROR_SCHEMA)
    return {
        success: {"description": described, "content": _json_content(schema)},
        400: {"description": "The body cannot be used (the error says why)", "content": error},
        401: {"description": "No valid bearer token", "content": error},
        403: {"description": "Read-only service, or a request from another origin",
              "content": error},
        413: {"description": "The body is larger than the service takes", "content": error},
        415: {"description": "The body is not application/json", "content": error},
        429: {"description": "Too many failed token attempts from this client; see "
                            "Retry-After", "content": error},
        503: {"description": "Another writer holds the database, or too many URL ingests "
                             "wait; try again after Retry-After seconds", "content": error},
    }


def _write_route(summary: str, body: dict[str, Any], success: int, described: str,
                 answer: dict[str, Any], more: dict[int, str] | None = None
                 ) -> dict[str, Any]:
    responses = _responses(success, described, answer)
    for status, text in (more or {}).items():
        responses[status] = {"description": text, "content": _json_content(ERROR_SCHEMA)}
    return {"tags": ["write"], "summary": summary, "status_code": success,
            "responses": responses,
            "openapi_extra": {"requestBody": {"required": True, "content": _json_content(body)},
                              "security": [{"bearer": []}]}}


class UrlPool:
    """URL ingests, `workers` at a time and at most `waiting` more queued (503 beyond).

    A fetch may take its whole deadline: URL ingests get threads of their own, so the
    threads that answer reads are never all held by them."""

    def __init__(self, workers: int = URL_WORKERS, waiting: int = URL_WAITING) -> None:
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="kizuna-url")
        self.limit = workers + waiting
        self.pending = 0  # changed on the event loop only: no lock needed

    async def run(self, action: Callable[[], Response]) -> Response:
        if self.pending >= self.limit:
            return _error(f"{self.pending} URLs are being fetched; try again later", 503,
                          {"Retry-After": str(URL_RETRY_AFTER)})
        self.pending += 1
        try:
            return await asyncio.wrap_future(self._executor.submit(action))
        finally:
            self.pending -= 1


# --- the routes ---------------------------------------------------------------------------

def register(app: FastAPI) -> None:
    """Add the write routes, and the bearer scheme they name to the OpenAPI description."""

    @app.post("/api/ingest", **_write_route(
        "Store an article record, or fetch a page or feed by URL", ARTICLE_RECORD_SCHEMA,
        201, "Stored: the record's outcome, or the counts of what the URL held",
        INGESTED_SCHEMA, {502: "The URL could not be fetched or read (the error says why)",
                          503: "Too many URLs being fetched; see Retry-After"}))
    async def api_ingest(request: Request) -> Response:
        """An article record (the contract's input shape) is extracted and stored; a
        `{"url": …}` is fetched as `kizuna ingest` would, each feed item an article.

        URLs are fetched in a small pool of their own, so reads never wait on them: 503
        with Retry-After when it is full. Only public addresses are fetched (400 for
        others) unless the service was started with `--allow-private-urls`; a URL that
        cannot be fetched or read answers 502 with the reason."""
        data, refused = await _authorised_json(request)
        if refused is not None:
            return refused
        writer: Writer = request.app.state.writer
        if isinstance(data, dict) and "url" in data and "text" not in data:
            url = str(data["url"])
            if not http_url(url):
                return _error("only http(s) URLs can be fetched", 400)
            return await request.app.state.url_pool.run(lambda: _url_answer(writer, url))
        return await _run(lambda: writer.record(data), 201)

    @app.post("/api/merge", **_write_route(
        "Correct the merging: put an article's event into a merged event", MERGE_SCHEMA,
        200, "Done: the event and the merged event it is now in", JUDGEMENT_SCHEMA))
    async def api_merge(request: Request) -> Response:
        """As `kizuna merge EVENT INTO`: recorded as a person's judgement, which survives
        re-ingesting the article. Only events of one type merge (400 otherwise)."""
        data, refused = await _authorised_json(request)
        if refused is not None:
            return refused
        ids = _string_fields(data, ("event", "into"))
        if isinstance(ids, str):
            return _error(ids, 400)
        writer: Writer = request.app.state.writer
        return await _run(lambda: writer.merge(ids["event"], ids["into"]), 200)

    @app.post("/api/unmerge", **_write_route(
        "Correct the merging: take an article's event out into a merged event of its own",
        UNMERGE_SCHEMA, 200, "Done: the event and its own merged event", JUDGEMENT_SCHEMA))
    async def api_unmerge(request: Request) -> Response:
        """As `kizuna unmerge EVENT`: recorded as a person's judgement; /api/merge puts
        the event back."""
        data, refused = await _authorised_json(request)
        if refused is not None:
            return refused
        ids = _string_fields(data, ("event",))
        if isinstance(ids, str):
            return _error(ids, 400)
        writer: Writer = request.app.state.writer
        return await _run(lambda: writer.unmerge(ids["event"]), 200)

    _describe_bearer_scheme(app)


def _describe_bearer_scheme(app: FastAPI) -> None:
    """The routes' `security: [{"bearer": []}]` must name a scheme the document defines."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        spec = build()  # FastAPI caches it: this adds the scheme once to the cached dict
        spec.setdefault("components", {}).setdefault("securitySchemes", {}).update(
            SECURITY_SCHEMES)
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def _url_answer(writer: Writer, url: str) -> Response:
    """What a URL ingest answers, computed in the URL pool's thread."""
    try:
        return JSONResponse(writer.url(url), status_code=201)
    except UrlFailed as exc:
        return _error(str(exc), 400 if exc.refused else 502)
    except StoreBusy as exc:
        return _error(str(exc), 503, {"Retry-After": str(RETRY_AFTER_S)})
    except KizunaError as exc:
        return _error(str(exc), 400)


async def _run(action: Callable[[], dict[str, Any]], status: int) -> Response:
    try:
        result = await run_in_threadpool(action)
    except StoreBusy as exc:  # another writer holds the database: not the client's fault
        return _error(str(exc), 503, {"Retry-After": str(RETRY_AFTER_S)})
    except (MergeError, KizunaError) as exc:  # bad input, an unknown id, types that differ
        return _error(str(exc), 400)
    return JSONResponse(result, status_code=status)


def _string_fields(data: Any, names: tuple[str, ...]) -> dict[str, str] | str:
    """The named non-empty strings of a JSON object, or what is wrong with it."""
    if not isinstance(data, dict):
        return f"send a JSON object with {', '.join(names)}"
    unknown = sorted(set(data) - set(names))
    if unknown:
        return f"unknown field(s): {', '.join(unknown)}; expected {', '.join(names)}"
    missing = [n for n in names if not isinstance(data.get(n), str) or not data[n].strip()]
    if missing:
        return f"missing or empty: {', '.join(missing)} (ids are strings)"
    return {n: data[n].strip() for n in names}


def _error(message: str, status: int, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse({"error": message}, status, headers=dict(headers or {}))


# --- who may write --------------------------------------------------------------------------

async def _authorised_json(request: Request) -> tuple[Any, Response | None]:
    """The JSON body when the request may write, else the refusal to send."""
    refused = _refusal(request)
    if refused is not None:
        return None, refused
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return None, _error("send the body as application/json", 415)
    try:
        return guards.parse_json(await guards.read_body(request)), None
    except guards.Refused as exc:
        return None, _error(exc.message, exc.status, exc.headers)


def _refusal(request: Request) -> Response | None:
    """403 when read-only, 401 without a valid bearer token, None when writing may go on."""
    state = request.app.state
    if not state.loopback and not state.tokens and not api_tokens.active_tokens(state.store):
        return _error("this service is read-only: it is served beyond loopback and no API "
                      "token is configured", 403)
    limiter: guards.FailureLimiter = state.token_failures
    client = guards.client_key(request)
    wait = limiter.retry_after(client)
    if wait is not None:
        return _error(f"too many failed token attempts from this client; try again in "
                      f"{wait} s", 429, {"Retry-After": str(wait)})
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    valid = scheme.lower() == "bearer" and token and (
        any(hmac.compare_digest(token.encode(), t.encode()) for t in state.tokens)
        or api_tokens.is_valid(state.store, token))
    if not valid:
        limiter.failed(client)
        return _error("a valid API token is needed: Authorization: Bearer TOKEN "
                      "(see `kizuna token create`)", 401, {"WWW-Authenticate": "Bearer"})
    return None


def guard_cross_site_writes(app: FastAPI) -> None:
    """Refuse (403) every request but GET/HEAD/OPTIONS that a browser sent from a page of
    another origin, whatever route it is for."""

    @app.middleware("http")
    async def same_origin_writes(request: Request, call_next: Callable) -> Response:
        if request.method not in SAFE_METHODS:
            reason = cross_origin(request.headers, request.url.scheme)
            if reason:
                return _error(reason, 403)
        return await call_next(request)


def cross_origin(headers: Mapping[str, str], scheme: str) -> str | None:
    """Why a request's headers show it came from a page of another origin, or None.

    Browsers send `Sec-Fetch-Site` (same-site is another port or subdomain: still another
    origin) and, on a POST, `Origin`. Clients such as curl send neither: they are judged
    by their token alone.
    """
    site = headers.get("sec-fetch-site", "").strip().lower()
    if site in ("cross-site", "same-site"):
        return f"refused: a {site} request (only this service's own pages may write)"
    origin = headers.get("origin")
    if origin is not None and not same_origin(origin, scheme, headers.get("host", "")):
        return f"refused: a request from {origin!r}, another origin"
    return None
