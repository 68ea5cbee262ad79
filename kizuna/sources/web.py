"""Fetched inputs: the body, final address and content type of one URL, through one httpx client."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from kizuna.errors import FetchError

USER_AGENT = "kizuna/0.1"
TIMEOUT_SECONDS = 20.0
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    """One successful response: where it ended up after redirects, and what it held."""

    url: str
    data: bytes
    content_type: str | None = None


def make_client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The client kizuna fetches with: its user agent, a timeout, redirects followed."""
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT_SECONDS,
                        follow_redirects=True, transport=transport)


def fetch(url: str, client: httpx.Client, max_bytes: int = MAX_BYTES) -> Fetched:
    """The body of `url`; raises FetchError naming the URL for any failure.

    Redirects are followed and the user agent set on every request, so an injected
    client need not be configured; bodies over `max_bytes` are refused.
    """
    _check_address(url)
    try:
        with client.stream("GET", url, headers={"User-Agent": USER_AGENT},
                           follow_redirects=True) as response:
            check_status(url, response)
            data = read_capped(url, response, max_bytes)
            return Fetched(url=str(response.url), data=data,
                           content_type=response.headers.get("content-type"))
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out ({type(exc).__name__}); try again later, or save "
                         "the page and pass the file") from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url}: redirects too many times; check the address") from exc
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(f"{url}: is not a valid web address ({exc}); check it") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: could not be fetched ({type(exc).__name__}: {exc}); check "
                         "the address and your connection") from exc


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
