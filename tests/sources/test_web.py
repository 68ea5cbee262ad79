"""Fetching URLs through an injected client: redirects, status errors, timeouts, size cap."""

from __future__ import annotations

import httpx
import pytest

from kizuna.errors import FetchError
from kizuna.sources.web import USER_AGENT, fetch

PAGE = b"<html><body><p>Ministers met in Tokyo on Monday.</p></body></html>"


def answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path == "/page":
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})
    if path == "/moved":
        return httpx.Response(301, headers={"location": "/page"})
    if path == "/loop":
        return httpx.Response(302, headers={"location": "/loop"})
    if path == "/agent":
        return httpx.Response(200, text=request.headers.get("user-agent", ""))
    if path == "/slow":
        raise httpx.ReadTimeout("read timed out", request=request)
    if path == "/down":
        raise httpx.ConnectError("connection refused", request=request)
    if path == "/broken":
        return httpx.Response(500)
    if path == "/big":
        return httpx.Response(200, content=b"x" * 5000)
    return httpx.Response(404)


def test_fetches_body_and_content_type(mock_client) -> None:
    fetched = fetch("https://harbor.example/page", mock_client(answer))
    assert fetched.data == PAGE
    assert fetched.content_type == "text/html"
    assert fetched.url == "https://harbor.example/page"


def test_follows_redirects_and_reports_the_final_address(mock_client) -> None:
    fetched = fetch("https://harbor.example/moved", mock_client(answer))
    assert fetched.url == "https://harbor.example/page"
    assert fetched.data == PAGE


def test_sends_the_kizuna_user_agent(mock_client) -> None:
    assert fetch("https://harbor.example/agent", mock_client(answer)).data == USER_AGENT.encode()


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/slow", "timed out"),
    ("/down", r"could not be fetched \(ConnectError"),
    ("/loop", "redirects too many times"),
])
def test_failures_raise_fetch_error_naming_the_url(mock_client, path: str, message: str) -> None:
    url = f"https://harbor.example{path}"
    with pytest.raises(FetchError, match=message) as caught:
        fetch(url, mock_client(answer))
    assert str(caught.value).startswith(f"{url}: ")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("url", ["https://", "http://[::1", "https://harbor.example/\x00"])
def test_invalid_addresses_raise_fetch_error(mock_client, url: str) -> None:
    with pytest.raises(FetchError, match="is not a valid web address"):
        fetch(url, mock_client(answer))


def test_refuses_bodies_over_the_size_cap(mock_client) -> None:
    with pytest.raises(FetchError, match="larger than 1,000 bytes"):
        fetch("https://harbor.example/big", mock_client(answer), max_bytes=1000)
    assert len(fetch("https://harbor.example/big", mock_client(answer)).data) == 5000
