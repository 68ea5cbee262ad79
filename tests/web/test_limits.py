"""Every request gets a quick, honest answer: the limits, reproduced from what used to
answer a bare 500 (or read 50 MB whole), each now a JSON 4xx saying why."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kizuna.store import Store
from kizuna.store.tokens import create_token
from kizuna.web import create_app, guards
from kizuna.web.writing import Writer
from tests.web.conftest import BASE_URL, fake_extract, make_client


def error(response, status: int) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()["error"]


@pytest.mark.parametrize(("path", "params", "says"), [
    ("/events.json", {"page": str(10**20)}, "page: Input should be less than or equal to 100000"),
    ("/events", {"page": str(10**20)}, None),
    ("/events.json", {"page": "abc"}, "page"),
    ("/search.json", {"q": " ".join(f"w{i}" for i in range(40))}, "more than 32 words"),
    ("/search.json", {"q": " ".join(f"word{i}" for i in range(340))}, "at most 500 characters"),
    ("/events.json", {"q": " ".join("ab" for _ in range(60))}, "more than 32 words"),
    ("/search.json", {"q": "\x00abc"}, "control character"),
    ("/events.json", {"actor": "a\x1fb"}, "control character"),
    ("/dyads/JPNUSA.json", {}, "pair: not in the form this parameter takes"),
])
def test_bad_parameters_answer_400(client: TestClient, path: str, params: dict[str, str],
                                   says: str | None) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    if says:
        assert says in error(response, 400)


def test_control_characters_in_a_path_answer_400(client: TestClient) -> None:
    assert "control character" in error(client.get("/events/%00abc.json"), 400)
    assert "control character" in error(client.get("/articles/a%0Ab"), 400)


def test_an_unknown_id_answers_404(client: TestClient) -> None:
    assert "no event" in error(client.get("/events/ev-0000.json"), 404)
    assert "no article" in error(client.get("/articles/none.json"), 404)
    assert "no actor" in error(client.get("/actors/nobody-at-all.json"), 404)


def test_search_within_the_caps_still_works(client: TestClient) -> None:
    words = " ".join(["Tokyo"] * 32)
    assert client.get("/search.json", params={"q": words}).status_code == 200
    assert client.get("/events.json", params={"page": "100000"}).json()["events"] == []


@pytest.fixture
def auth(store: Store) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token(store)}",
            "Content-Type": "application/json"}


@pytest.mark.parametrize("body", ["[" * 1000 + "]" * 1000, '{"a":' * 1000 + "1" + "}" * 1000,
                                  "[" * 100_000])
def test_deep_json_answers_400(client: TestClient, auth: dict[str, str], body: str) -> None:
    assert "nests deeper than 32" in error(client.post("/api/ingest", content=body,
                                                       headers=auth), 400)


def test_brackets_inside_strings_are_not_nesting() -> None:
    assert guards.parse_json(b'{"text": "' + b"[[[{" * 100 + b'"}') == {"text": "[[[{" * 100}


def test_a_body_over_the_cap_answers_413_before_it_is_read(client: TestClient,
                                                           auth: dict[str, str]) -> None:
    big = b'{"id":"x","text":"' + b"a" * (guards.MAX_BODY_BYTES + 10) + b'"}'
    assert "larger than" in error(client.post("/api/ingest", content=big, headers=auth), 413)

    def chunks():  # no Content-Length: counted as it comes
        yield b'{"id":"x","text":"'
        for _ in range(guards.MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536

    assert "larger than" in error(client.post("/api/ingest", content=chunks(),
                                              headers=auth), 413)
    assert client.get("/articles/x.json").status_code == 404


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil"])
def test_a_host_the_server_was_not_started_for_is_refused(client: TestClient,
                                                          host: str) -> None:
    assert "--allow-host" in error(client.get("/events.json", headers={"Host": host}), 400)


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:80", "LOCALHOST:1",
                                  "10.0.0.7:8000"])
def test_loopback_names_and_addresses_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/events.json", headers={"Host": host}).status_code == 200


def test_names_given_at_start_are_answered(store: Store) -> None:
    app = create_app("", store=store, host="0.0.0.0", allowed_hosts=["news.internal"],
                     writer=Writer(store, fake_extract))
    client = TestClient(app, base_url="http://news.internal:8000")
    assert client.get("/events.json").status_code == 200
    assert client.get("/events.json", headers={"Host": "other.internal"}).status_code == 400


def test_failed_token_attempts_are_limited_per_client(store: Store) -> None:
    client = make_client(store)
    bad = {"Authorization": "Bearer kz_guess"}
    answers = [client.post("/api/unmerge", json={"event": "x"}, headers=bad).status_code
               for _ in range(guards.MAX_FAILURES + 2)]
    assert answers == [401] * guards.MAX_FAILURES + [429, 429]
    limited = client.post("/api/unmerge", json={"event": "x"},
                          headers={"Authorization": f"Bearer {create_token(store)}"})
    assert limited.status_code == 429 and 1 <= int(limited.headers["retry-after"]) <= 60
    assert client.get("/events.json").status_code == 200  # reading is not limited


def test_the_limiter_forgets_failures_after_its_window() -> None:
    now = [0.0]
    limiter = guards.FailureLimiter(max_failures=2, window=10.0, clock=lambda: now[0])
    limiter.failed("a")
    limiter.failed("a")
    assert limiter.retry_after("a") == 10 and limiter.retry_after("b") is None
    now[0] = 10.5
    assert limiter.retry_after("a") is None


def test_an_unexpected_error_answers_json_500_and_is_logged(
        store: Store, caplog: pytest.LogCaptureFixture) -> None:
    def broken(article):  # type: ignore[no-untyped-def]
        raise RuntimeError("a bug in extraction")

    app = create_app("", store=store, writer=Writer(store, broken))
    client = TestClient(app, base_url=BASE_URL, raise_server_exceptions=False)
    out = client.post("/api/ingest", json={"id": "a", "text": "x", "language": "en"},
                      headers={"Authorization": f"Bearer {create_token(store)}"})
    assert "internal error (RuntimeError)" in error(out, 500)
    assert out.headers["content-security-policy"].startswith("default-src 'self'")
    assert "a bug in extraction" in caplog.text
