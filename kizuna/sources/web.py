"""Fetched inputs: the body, final address and content type of one URL, through one httpx client.

Every fetch has one overall deadline (`DEADLINE_SECONDS`), not only a timeout per read:
a server trickling a byte every few seconds is cut off when the deadline passes.

The CLI fetches whatever the user names (their own machine included). The web service
fetches through `make_client(allow_private=False)`: a `GuardedTransport` that resolves
each request's host once, refuses any address that is not public (`kizuna.sources.
addresses`), and connects to the very address it checked, every redirect hop included.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

import httpx

from kizuna import __version__
from kizuna.errors import FetchError
from kizuna.sources import addresses
from kizuna.sources.addresses import Resolver

USER_AGENT = f"kizuna/{__version__}"
TIMEOUT_SECONDS = 20.0  # any one connect, write or read
DEADLINE_SECONDS = 60.0  # the whole fetch, redirects and body included
MAX_BYTES = 20 * 1024 * 1024


ALLOW = ("the service fetches public addresses only (`kizuna serve --allow-private-urls` "
         "allows others)")


class RefusedAddress(FetchError):
    """The URL leads to an address the service may not fetch from (loopback, private…)."""


@dataclass(frozen=True)
class Fetched:
    """One successful response: where it ended up after redirects, and what it held."""

    url: str
    data: bytes
    content_type: str | None = None


def make_client(transport: httpx.BaseTransport | None = None, allow_private: bool = True,
                resolver: Resolver | None = None) -> httpx.Client:
    """The client kizuna fetches with: its user agent, a timeout, redirects followed.

    With `allow_private=False` (the web service) every request goes through a
    `GuardedTransport`, and proxies from the environment are not used (a proxy would
    make the connection the guard checks).
    """
    if allow_private:
        return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT_SECONDS,
                            follow_redirects=True, transport=transport)
    guarded = transport if isinstance(transport, GuardedTransport) else GuardedTransport(
        transport, resolver or addresses.system_resolver)
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT_SECONDS,
                        follow_redirects=True, transport=guarded, trust_env=False)


class GuardedTransport(httpx.BaseTransport):
    """Sends each request to an address checked to be public, or raises RefusedAddress.

    The host is resolved once (`resolver`); every address it has must be public, and the
    request is sent to the first of them, with the original `Host` header and TLS name
    (SNI, certificate check), so the connection goes where the check looked. Redirects
    come back through here, so every hop is checked. `refused` keeps the reasons given.
    """

    def __init__(self, inner: httpx.BaseTransport | None = None,
                 resolver: Resolver = addresses.system_resolver) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.resolver = resolver
        self.refused: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        address = self._checked_address(str(request.url), host, _port(request.url))
        extensions = {**request.extensions, "sni_hostname": host}
        pinned = httpx.Request(request.method, request.url.copy_with(host=address),
                               headers=request.headers, stream=request.stream,
                               extensions=extensions)
        return self.inner.handle_request(pinned)

    def close(self) -> None:
        self.inner.close()

    def _checked_address(self, url: str, host: str, port: int) -> str:
        if addresses.is_local_name(host):
            self._refuse(f"{url}: refused: {host} is this machine (loopback); {ALLOW}")
        literal = addresses.literal_address(host)
        found = [str(literal)] if literal else self.resolver(host, port)
        if not found:
            raise FetchError(f"{url}: the name {host} could not be resolved; check the address")
        for text in found:
            address = addresses.literal_address(text)
            reason = "not an address" if address is None else addresses.refusal(address)
            if reason:
                shown = host if text == host else f"{host} ({text})"
                self._refuse(f"{url}: refused: {shown} is a {reason} address; {ALLOW}")
        return found[0]

    def _refuse(self, message: str) -> None:
        self.refused.append(message)
        raise RefusedAddress(message)


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


@dataclass
class _Deadline:
    """Shuts every connection a fetch opened when its time is up, so that no read can go
    on past it (a timeout per read would let a trickling server hold a fetch for ever)."""

    seconds: float
    expired: bool = False
    _streams: list[Any] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def trace(self, name: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: note each network stream as it is connected."""
        if name.endswith(("connect_tcp.complete", "start_tls.complete")):
            with self._lock:
                self._streams.append(info.get("return_value"))
                if self.expired:
                    _shut(info.get("return_value"))

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for stream in self._streams:
                _shut(stream)


def _shut(stream: Any) -> None:
    sock = stream.get_extra_info("socket") if stream is not None else None
    if sock is not None:
        with contextlib.suppress(OSError):  # already closed: nothing left to wake
            sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in another thread


def fetch(url: str, client: httpx.Client, max_bytes: int = MAX_BYTES,
          deadline: float | None = None) -> Fetched:
    """The body of `url`; raises FetchError naming the URL for any failure.

    Redirects are followed and the user agent set on every request, so an injected
    client need not be configured; bodies over `max_bytes` are refused, and a fetch
    still going after `deadline` seconds (DEADLINE_SECONDS unless given) is cut off.
    A client's pooled connection that was opened by an earlier fetch is not cut: for
    that, each fetch of the service has a client of its own.
    """
    _check_address(url)
    deadline = DEADLINE_SECONDS if deadline is None else deadline
    timer = _Deadline(deadline)
    try:
        with timer, client.stream("GET", url, headers={"User-Agent": USER_AGENT},
                                  follow_redirects=True,
                                  extensions={"trace": timer.trace}) as response:
            check_status(url, response)
            data = read_capped(url, response, max_bytes)
            if timer.expired:  # the body ended because its connection was shut
                raise _too_slow(url, deadline)
            return Fetched(url=str(response.url), data=data,
                           content_type=response.headers.get("content-type"))
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        if timer.expired:
            raise _too_slow(url, deadline) from exc
        raise _fetch_error(url, exc) from exc


def _too_slow(url: str, deadline: float) -> FetchError:
    return FetchError(f"{url}: took longer than {deadline:g} s and was cut off; try again "
                      "later, or save the page and pass the file")


def _fetch_error(url: str, exc: httpx.HTTPError | httpx.InvalidURL) -> FetchError:
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"{url}: timed out ({type(exc).__name__}); try again later, or "
                          "save the page and pass the file")
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"{url}: redirects too many times; check the address")
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return FetchError(f"{url}: is not a valid web address ({exc}); check it")
    return FetchError(f"{url}: could not be fetched ({type(exc).__name__}: {exc}); "
                      "check the address and your connection")


def _check_address(url: str) -> None:
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: is not a valid web address ({exc}); check it") from exc
    if not host:
        raise FetchError(f"{url}: is not a valid web address (no host name); check it")


def check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400:
        reason = response.reason_phrase or "error"
        raise FetchError(f"{url}: the server answered HTTP {response.status_code} {reason}; "
                         "check the address, or save the page and pass the file")


def read_capped(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    too_big = FetchError(f"{url}: the response is larger than {max_bytes:,} bytes; "
                         "save the article and pass the file")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)
