"""A news site on loopback for the watcher to poll: feeds, pages and robots.txt the tests
write, ETag and Last-Modified honoured, every request counted."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

LAST_MODIFIED = "Mon, 01 Dec 2025 08:00:00 GMT"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200


@dataclass
class NewsSite:
    """Routes by path; `requests` counts each path asked for, `answers` each (path, status)."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: Counter = field(default_factory=Counter)
    answers: Counter = field(default_factory=Counter)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def put(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
            status: int = 200) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, status)
        return self.url(path)


def _handler(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = self.path
            site.requests[path] += 1
            route = site.routes.get(path)
            if route is None:
                return self._answer(path, 404, b"not here", "text/plain")
            etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self._answer(path, 304, b"", None, etag)
            self._answer(path, route.status, route.body, route.content_type, etag)

        def _answer(self, path: str, status: int, body: bytes, content_type: str | None,
                    etag: str | None = None) -> None:
            site.answers[(path, status)] += 1
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    site = NewsSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def rss(items: list[dict[str, str]], title: str = "Example Wire") -> str:
    """An RSS 2.0 feed of `items` (title, link, date, description)."""
    entries = "".join(
        f"<item><title>{i['title']}</title><link>{i['link']}</link>"
        f"<pubDate>{i['date']}</pubDate><description>{i['description']}</description></item>"
        for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link><language>en</language>"
            f"{entries}</channel></rss>")


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | "
            f"World | Markets</nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright Example Wire</footer></body></html>")
