"""Every request gets a quick, honest answer: the limits the service checks before (or
instead of) doing any work, and the JSON answers it gives when one is not met.

- `Host` must name this server (a loopback name, an address, the --host value or a name
  given with --allow-host): a page on attacker.example whose name was rebound to this
  machine's address (DNS rebinding) sends `Host: attacker.example` and is refused (400).
  Any address written as such is accepted, since rebinding needs a name.
- Paths and query strings holding control characters (%00…%1F, %7F) are refused (400).
- Request bodies over `MAX_BODY_BYTES` are refused (413) before they are read, or as
  soon as they pass the limit; JSON nested deeper than `MAX_JSON_DEPTH` is refused (400).
- Failed token attempts are counted per client: past `MAX_FAILURES` in `WINDOW_SECONDS`
  the client gets 429 with Retry-After until the window has passed.
- Anything unexpected answers JSON 500 with a message and is logged with its traceback.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

log = logging.getLogger("kizuna.web")

MAX_BODY_BYTES = 8 * 1024 * 1024  # an article record's text is a few hundred KB at most
MAX_JSON_DEPTH = 32  # a record is 2 deep; nothing the API takes needs more
MAX_FAILURES = 10
WINDOW_SECONDS = 60.0
MAX_CLIENTS_TRACKED = 10_000  # the counter forgets the oldest clients past this

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
ENCODED_CONTROL = re.compile(rb"%(?:[01][0-9a-fA-F]|7[fF])")


class Refused(Exception):
    """A request that breaks a limit: the status and message to answer with."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def error(message: str, status: int, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"error": message}, status, headers=headers)


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names the service answers: loopback names, the address it is served on,
    and the names given (`kizuna serve --allow-host`). Lower case, no port."""
    names = {*LOOPBACK_NAMES, host, *extra}
    return frozenset(n.strip().strip("[]").lower() for n in names if n and n.strip())


def host_name(header: str) -> str:
    """The name of a Host header, without its port: `[::1]:8000` -> `::1`."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].partition("]")[0]
    return value.rpartition(":")[0] if value.count(":") == 1 else value


def host_refusal(header: str | None, allowed: frozenset[str]) -> str | None:
    """Why a request's Host header does not name this server, or None."""
    name = host_name(header or "")
    if not name:
        return "the request has no Host header"
    if name in allowed or _is_address(name):
        return None
    return (f"this server does not answer for the host {name!r}; start it with "
            f"`kizuna serve --allow-host {name}` if that name is its own")


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def control_refusal(path: str, raw_query: bytes) -> str | None:
    """Why a path or query string cannot be read (control characters), or None."""
    if CONTROL.search(path) or CONTROL.search(unquote(path)):
        return "the path holds a control character"
    if CONTROL.search(raw_query.decode("latin-1")) or ENCODED_CONTROL.search(raw_query):
        return "the query string holds a control character (such as %00)"
    return None


def declared_size_refusal(content_length: str | None, limit: int = MAX_BODY_BYTES
                          ) -> str | None:
    if content_length and content_length.strip().isdigit() and int(content_length) > limit:
        return f"the body is larger than {limit:,} bytes"
    return None


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The body, read until it passes `limit` (Refused 413) or ends."""
    refusal = declared_size_refusal(request.headers.get("content-length"), limit)
    if refusal:
        raise Refused(413, refusal)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"the body is larger than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON value of `body`; Refused 400 when it is not JSON or nests too deep.

    The depth is measured on the text before parsing, so a 100,000-deep body costs one
    scan and no recursion."""
    if _depth(body) > max_depth:
        raise Refused(400, f"the JSON nests deeper than {max_depth} levels")
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise Refused(400, "the body is not JSON") from None


_STRING_OR_BRACKET = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _depth(body: bytes) -> int:
    """The deepest nesting of brackets outside strings (stops early once it is deep)."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                break
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


class FailureLimiter:
    """Failed attempts per client in a sliding window; thread-safe, bounded in memory."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures, self.window, self.clock = max_failures, window, clock
        self._failures: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> int | None:
        """Seconds until `client` may try again, or None when it may now."""
        with self._lock:
            recent = self._recent(client)
            if len(recent) < self.max_failures:
                return None
            return max(1, math.ceil(recent[0] + self.window - self.clock()))

    def failed(self, client: str) -> None:
        with self._lock:
            self._recent(client).append(self.clock())
            self._failures.move_to_end(client)
            while len(self._failures) > MAX_CLIENTS_TRACKED:
                self._failures.popitem(last=False)

    def _recent(self, client: str) -> list[float]:
        since = self.clock() - self.window
        kept = [t for t in self._failures.get(client, []) if t > since]
        self._failures[client] = kept
        return kept


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def install(app: FastAPI, hosts: frozenset[str], headers: dict[str, str]) -> None:
    """The request checks as middleware, and JSON answers for errors."""

    @app.middleware("http")
    async def checked_requests(request: Request, call_next: Callable) -> Response:
        reason = host_refusal(request.headers.get("host"), hosts)
        status = 400
        if reason is None:
            reason = control_refusal(request.scope.get("path", ""),
                                     request.scope.get("query_string", b""))
        if reason is None and request.method not in ("GET", "HEAD", "OPTIONS"):
            reason = declared_size_refusal(request.headers.get("content-length"))
            status = 413
        if reason is not None:
            return error(reason, status)
        return await call_next(request)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return error(exc.message, exc.status, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(_problem(e) for e in exc.errors()[:5])
        return error(f"a parameter cannot be read: {problems}", 400)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error answering %s %s", request.method, request.url.path,
                  exc_info=exc)
        # Starlette answers this outside the other middleware: the headers are set here
        return error(f"internal error ({type(exc).__name__}); it has been logged", 500,
                     headers)


def _problem(detail: dict[str, Any]) -> str:
    where = ".".join(str(p) for p in detail.get("loc", ()) if p not in ("query", "path"))
    message = detail.get("msg", "invalid")
    if detail.get("type") == "string_pattern_mismatch":  # the regex says nothing to a user
        message = "not in the form this parameter takes (see /openapi.json)"
    return f"{where}: {message}" if where else message
