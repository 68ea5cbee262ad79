"""Whatever an article holds is shown as text: no script runs, no javascript: link."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kizuna.store import Store
from kizuna.store.tokens import create_token
from kizuna.web.app import http_url, is_loopback


def hostile_pages(client: TestClient) -> list[str]:
    event_id = client.get("/events.json", params={"type": "STATEMENT", "status": "happened"}
                          ).json()["events"][0]["id"]
    return ["/articles/hostile", f"/events/{event_id}", "/search?q=onerror",
            "/events?q=onerror", "/actors/shigeru-ishiba"]


def test_a_hostile_article_is_shown_escaped_everywhere(client: TestClient) -> None:
    for path in hostile_pages(client):
        body = client.get(path).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, path
        # the event page's own corrections script is the only script there is
        own = '<script src="/static/corrections.js" defer></script>'
        assert "<script" not in body.replace(own, ""), path
        assert "<img" not in body and "onerror=alert" not in body.replace(
            "&lt;img src=x onerror=alert(1)&gt;", ""), path


def test_a_javascript_url_is_text_not_a_link(client: TestClient) -> None:
    body = client.get("/articles/hostile").text
    assert '<span class="unlinked-url">javascript:alert(1)</span>' in body
    assert 'href="javascript:' not in body.lower()
    assert client.get("/articles/hostile.json").json()["doc"]["url"] == "javascript:alert(1)"


def test_the_json_twin_keeps_the_text_as_it_was(client: TestClient) -> None:
    data = client.get("/articles/hostile.json").json()
    assert "<script>alert(1)</script>" in data["text"]
    assert client.get("/articles/hostile.json").headers["content-type"] == "application/json"


def test_every_response_carries_a_content_security_policy(client: TestClient) -> None:
    for path in ("/events", "/events.json", "/static/kizuna.css", "/nothing"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].startswith("default-src 'self'"), path
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(("url", "linked"), [
    ("https://news.example/a", True), ("http://news.example/a", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    (" javascript:alert(1)", False), ("data:text/html,<b>x</b>", False),
    ("//evil.example/x", False), ("https:///nohost", False), (None, False),
])
def test_only_http_urls_become_links(url: str | None, linked: bool) -> None:
    assert bool(http_url(url)) is linked


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.10", False), ("::", False), ("example.org", False),
])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


# --- writes from pages of other origins --------------------------------------------------

RECORD = {"id": "cross-1", "text": "x", "language": "en", "published": "2025-05-02"}


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": "http://127.0.0.1.evil.example"},
    {"Origin": "http://127.0.0.1:8001"},  # another port is another origin
    {"Origin": "null"},  # a sandboxed frame or a file
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
    {"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1"},
])
def test_writes_from_another_origin_are_refused_before_the_token_counts(
        client: TestClient, store: Store, headers: dict[str, str]) -> None:
    token = create_token(store)
    for path, body in (("/api/ingest", RECORD), ("/api/unmerge", {"event": "x"}),
                       ("/api/merge", {"event": "x", "into": "ev-x"})):
        out = client.post(path, json=body,
                          headers={**headers, "Authorization": f"Bearer {token}"})
        assert out.status_code == 403, (path, out.text)
        assert out.json()["error"].startswith("refused:")
        assert out.headers["content-security-policy"].startswith("default-src 'self'")
    assert client.get("/articles/cross-1.json").status_code == 404  # nothing was stored


@pytest.mark.parametrize("headers", [
    {}, {"Origin": "http://127.0.0.1"}, {"Origin": "HTTP://127.0.0.1"},
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1"},
    {"Sec-Fetch-Site": "none"},
])
def test_writes_from_the_same_origin_or_no_browser_go_on(
        client: TestClient, store: Store, headers: dict[str, str]) -> None:
    out = client.post("/api/ingest", json=RECORD, headers={
        **headers, "Authorization": f"Bearer {create_token(store)}"})
    assert out.status_code == 201, out.text


def test_reading_from_another_site_is_allowed(client: TestClient) -> None:
    headers = {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
    assert client.get("/events", headers=headers).status_code == 200
    assert client.head("/events", headers=headers).status_code != 403
