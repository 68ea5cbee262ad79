"""POST /api/ingest {"url": …} for real: through the ingest sources and the guarded
fetch. Public names are resolved by the test and answered by a MockTransport; the only
real connections go to a slow server the test runs on 127.0.0.1 (allow-private apps)."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from kizuna.ingest import ingest
from kizuna.sources import web
from kizuna.store import Store
from kizuna.store.tokens import create_token
from kizuna.web import api, create_app
from kizuna.web.writing import Writer
from tests.sources.slow_server import SlowServer
from tests.web.conftest import BASE_URL, fake_extract, read_without_extracting

PUBLIC = "8.8.4.4"  # only ever handed to a MockTransport: nothing is sent there
PAGE = (b"<html><head><title>Port talks</title></head><body><article><p>"
        + b"Ministers of both countries met at the port on Monday to talk about trade. " * 8
        + b"</p></article></body></html>")




def app_client(store: Store, **writer: object) -> tuple[TestClient, dict[str, str]]:
    app = create_app("", store=store, writer=Writer(store, fake_extract, **writer))
    return (TestClient(app, base_url=BASE_URL),
            {"Authorization": f"Bearer {create_token(store)}"})


def answer(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/broken":
        return httpx.Response(500)
    return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/", "http://127.1/", "http://2130706433/", "http://0.0.0.0/",
    "http://[::ffff:127.0.0.1]/", "http://localhost/", "http://intranet.example/",
    "http://169.254.169.254/latest/meta-data/",
])
def test_a_url_to_a_private_address_is_refused(store: Store, url: str) -> None:
    sent: list[httpx.Request] = []
    client, auth = app_client(store, ingest_inputs=ingest,
                              resolver=lambda host, port: {"intranet.example":
                                                           ["10.1.1.1"]}.get(host, []),
                              transport=httpx.MockTransport(lambda r: sent.append(r)))
    out = client.post("/api/ingest", json={"url": url}, headers=auth)
    assert out.status_code == 400, out.text
    assert "refused" in out.json()["error"] and "--allow-private-urls" in out.json()["error"]
    assert sent == []


def test_a_public_url_is_fetched_at_the_address_checked(store: Store) -> None:
    sent: list[httpx.Request] = []

    def recorded(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answer(request)

    client, auth = app_client(store, ingest_inputs=read_without_extracting,
                              resolver=lambda host, port: [PUBLIC],
                              transport=httpx.MockTransport(recorded))
    out = client.post("/api/ingest", json={"url": "https://news.example/talks"}, headers=auth)
    assert out.status_code == 201, out.text
    assert out.json()["added"] == 1
    assert [(r.url.host, r.headers["host"]) for r in sent] == [(PUBLIC, "news.example")]


def test_a_failed_fetch_answers_502_with_the_reason(store: Store) -> None:
    client, auth = app_client(store, ingest_inputs=ingest,
                              resolver=lambda host, port: [PUBLIC],
                              transport=httpx.MockTransport(answer))
    out = client.post("/api/ingest", json={"url": "https://news.example/broken"},
                      headers=auth)
    assert out.status_code == 502
    assert out.json()["error"] == ("https://news.example/broken: the server answered HTTP "
                                   "500 Internal Server Error; check the address, or save "
                                   "the page and pass the file")


def test_allow_private_urls_fetches_loopback_within_the_deadline(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "DEADLINE_SECONDS", 1.0)
    client, auth = app_client(store, ingest_inputs=ingest, allow_private=True)
    with SlowServer(pause=0.2) as server:
        started = time.monotonic()
        out = client.post("/api/ingest", json={"url": server.url + "/slow"}, headers=auth)
        took = time.monotonic() - started
    assert out.status_code == 502 and "took longer than 1 s" in out.json()["error"]
    assert took < 3.0, took


def test_url_ingests_wait_in_their_own_pool_and_reads_do_not(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "DEADLINE_SECONDS", 1.5)
    client, auth = app_client(store, ingest_inputs=ingest, allow_private=True)
    client.app.state.url_pool = api.UrlPool(workers=1, waiting=1)
    answers: list[int] = []
    with SlowServer(pause=0.2) as server:
        def send() -> None:
            answers.append(client.post("/api/ingest", json={"url": server.url + "/"},
                                       headers=auth).status_code)

        senders = [threading.Thread(target=send) for _ in range(4)]
        for sender in senders:
            sender.start()
            time.sleep(0.05)
        read_times = []
        for _ in range(5):
            started = time.monotonic()
            assert client.get("/events.json").status_code == 200
            read_times.append(time.monotonic() - started)
        for sender in senders:
            sender.join(timeout=10)
    assert sorted(answers) == [502, 502, 503, 503]  # two cut at the deadline, two turned away
    assert max(read_times) < 0.5, read_times
