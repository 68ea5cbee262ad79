"""POST /api/merge and /api/unmerge: merge corrections over the API, as `kizuna merge` and
`kizuna unmerge` make them, behind the same bearer token as /api/ingest."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kizuna.store import Store
from kizuna.store.tokens import create_token
from tests.web.conftest import make_client


@pytest.fixture
def token(store: Store) -> str:
    return create_token(store)


def merged_meets(client: TestClient) -> list[dict]:
    return client.get("/events.json", params={"type": "MEET"}).json()["events"]


def article_event(client: TestClient, merged_id: str, doc_id: str) -> str:
    """The id of `doc_id`'s event among the citations of a merged event."""
    citations = client.get(f"/events/{merged_id}.json").json()["citations"]
    found = next(c["event_id"] for c in citations if c["doc_id"] == doc_id)
    # the page shows it too, for an analyst to correct by hand
    assert f'<code class="event-id">{found}</code>' in client.get(f"/events/{merged_id}").text
    return found


def post(client: TestClient, path: str, body: object, token: str | None = None,
         **headers: str):
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post(path, json=body, headers=headers)


def test_unmerge_then_merge_back(client: TestClient, token: str) -> None:
    [meet] = merged_meets(client)
    assert {c["doc_id"] for c in meet["citations"]} == {"summit-en", "summit-ja"}
    japanese = article_event(client, meet["id"], "summit-ja")

    out = post(client, "/api/unmerge", {"event": japanese[:8]}, token)
    assert out.status_code == 200, out.text
    assert out.json()["event_id"] == japanese
    alone = out.json()["merged_id"]
    assert alone.startswith("ev-") and alone != meet["id"]
    assert any("by a person" in reason for reason in out.json()["reasons"])
    after = {e["id"]: {c["doc_id"] for c in e["citations"]} for e in merged_meets(client)}
    assert after == {meet["id"]: {"summit-en"}, alone: {"summit-ja"}}

    back = post(client, "/api/merge", {"event": japanese, "into": meet["id"][:10]}, token)
    assert back.status_code == 200, back.text
    assert back.json()["merged_id"] == meet["id"]
    [again] = merged_meets(client)
    assert {c["doc_id"] for c in again["citations"]} == {"summit-en", "summit-ja"}


def test_only_events_of_one_type_merge(client: TestClient, token: str) -> None:
    [meet] = merged_meets(client)
    release = client.get("/events.json", params={"type": "RELEASE"}).json()["events"][0]
    moved = article_event(client, release["id"], "release")
    out = post(client, "/api/merge", {"event": moved, "into": meet["id"]}, token)
    assert out.status_code == 400
    assert "only events of one type merge" in out.json()["error"]
    assert len(merged_meets(client)[0]["citations"]) == 2


@pytest.mark.parametrize(("path", "body", "error"), [
    ("/api/unmerge", {"event": "zzzz"}, "no article event"),
    ("/api/merge", {"event": "zzzz", "into": "ev-zzzz"}, "no article event"),
    ("/api/unmerge", {}, "missing or empty: event"),
    ("/api/unmerge", {"event": ""}, "missing or empty: event"),
    ("/api/merge", {"event": "x"}, "missing or empty: into"),
    ("/api/merge", {"event": 3, "into": "ev-1"}, "missing or empty: event"),
    ("/api/unmerge", {"event": "x", "extra": 1}, "unknown field(s): extra"),
    ("/api/unmerge", ["x"], "send a JSON object"),
])
def test_bad_corrections_are_400(client: TestClient, token: str, path: str, body: object,
                                 error: str) -> None:
    out = post(client, path, body, token)
    assert out.status_code == 400
    assert error in out.json()["error"]


def test_an_unknown_merged_event_is_400(client: TestClient, token: str) -> None:
    [meet] = merged_meets(client)
    japanese = article_event(client, meet["id"], "summit-ja")
    out = post(client, "/api/merge", {"event": japanese, "into": "ev-zzzz"}, token)
    assert out.status_code == 400 and "no merged event" in out.json()["error"]


@pytest.mark.parametrize("path", ["/api/merge", "/api/unmerge"])
def test_corrections_need_a_valid_token(client: TestClient, store: Store, path: str) -> None:
    [meet] = merged_meets(client)
    body = {"event": article_event(client, meet["id"], "summit-ja")}
    if path == "/api/merge":
        body["into"] = meet["id"]
    for refused in (post(client, path, body), post(client, path, body, "kz_wrong")):
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == "Bearer"
    token = create_token(store)
    form = client.post(path, data=body, headers={"Authorization": f"Bearer {token}"})
    assert form.status_code == 415  # an HTML form cannot send JSON
    assert len(merged_meets(client)) == 1  # nothing changed
    assert post(client, path, body, token).status_code == 200


def test_beyond_loopback_without_tokens_corrections_are_read_only(store: Store) -> None:
    client = make_client(store, host="0.0.0.0")
    out = post(client, "/api/unmerge", {"event": "anything"}, "kz_anything")
    assert out.status_code == 403 and "read-only" in out.json()["error"]
