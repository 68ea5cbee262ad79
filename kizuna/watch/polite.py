"""HTTP for the watcher: conditional requests, robots.txt obeyed, a pause between requests
to one host. The watcher runs on the user's own machine, like `kizuna ingest`, so local
addresses are allowed (an intranet feed is a normal source)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from kizuna.errors import FetchError
from kizuna.sources import web

ROBOTS_TTL_SECONDS = 24 * 3600


class RobotsRefusal(FetchError):
    """robots.txt asks kizuna not to read this address."""


@dataclass(frozen=True)
class Response:
    """A 200 with its body, or a 304 (not modified) with none."""

    url: str
    status: int
    data: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class PoliteClient:
    """One client for a whole watch run: remembers when it last asked each host and what
    each host's robots.txt says."""

    def __init__(self, client: httpx.Client, delay: float = 1.0,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.client, self.delay, self.clock, self.sleep = client, delay, clock, sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}

    def get(self, url: str, etag: str | None = None,
            last_modified: str | None = None) -> Response:
        """GET `url` if robots.txt allows; with validators, a 304 costs no body."""
        if not self.allowed(url):
            raise RobotsRefusal(f"{url}: robots.txt asks crawlers like kizuna not to read it")
        headers = {"User-Agent": web.USER_AGENT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._request(url, headers)
        if response.status >= 400:
            raise FetchError(f"{url}: the server answered HTTP {response.status}; check the "
                             "address, or save the page and pass the file")
        return response

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        checked = self._robots.get(origin)
        if checked is None or self.clock() - checked[0] > ROBOTS_TTL_SECONDS:
            checked = (self.clock(), self._read_robots(origin))
            self._robots[origin] = checked
        rules = checked[1]
        return rules is None or rules.can_fetch(web.USER_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        """The host's rules; None (all allowed) when it has no robots.txt."""
        rules = RobotFileParser()
        try:
            response = self._request(f"{origin}/robots.txt", {"User-Agent": web.USER_AGENT})
        except FetchError:
            response = None
        if response is not None and 400 <= response.status < 500:
            return None  # no robots.txt: nothing is forbidden (RFC 9309)
        if response is None or response.status >= 500:
            rules.parse(["User-agent: *", "Disallow: /"])  # unreachable: all forbidden
            return rules
        rules.parse(response.data.decode("utf-8", "replace").splitlines())
        return rules

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        """The answer, whatever its status (an error status comes with no body); raises
        FetchError only when there is no answer."""
        self._wait_for_host(url)
        try:
            with self.client.stream("GET", url, headers=headers,
                                    follow_redirects=True) as response:
                if response.status_code == 304:
                    return Response(url=str(response.url), status=304,
                                    etag=response.headers.get("etag"),
                                    last_modified=response.headers.get("last-modified"))
                if response.status_code >= 400:
                    return Response(url=str(response.url), status=response.status_code)
                data = web.read_capped(url, response, web.MAX_BYTES)
                return Response(url=str(response.url), status=response.status_code, data=data,
                                content_type=response.headers.get("content-type"),
                                etag=response.headers.get("etag"),
                                last_modified=response.headers.get("last-modified"))
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: could not be fetched ({type(exc).__name__}: {exc})") from exc
        finally:
            self._last_request[_host(url)] = self.clock()

    def _wait_for_host(self, url: str) -> None:
        last = self._last_request.get(_host(url))
        if last is not None:
            pause = self.delay - (self.clock() - last)
            if pause > 0:
                self.sleep(pause)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
