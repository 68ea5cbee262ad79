"""POST /api/ingest: a bearer token from `kizuna token create`, or 401; read-only beyond
loopback without tokens."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kizuna.cli import app as cli
from kizuna.store import Store
from kizuna.store.tokens import create_token, is_valid
from kizuna.web import create_app
from kizuna.web.writing import Writer
from tests.web.conftest import BASE_URL, fake_extract, make_client

RECORD = {"id": "posted-1", "title": "Posted", "source": "Wire", "language": "en",
          "published": "2025-05-02", "url": "https://news.example/posted", "text": "x"}
runner = CliRunner()


def db_path(store: Store) -> str:
    return str(store.engine.url.database)


def cli_token(store: Store) -> str:
    result = runner.invoke(cli, ["token", "create", "--db", db_path(store)])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def post(client: TestClient, body: dict, token: str | None = None, **headers: str):
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post("/api/ingest", json=body, headers=headers)


def test_writing_without_a_token_is_401(client: TestClient) -> None:
    response = post(client, RECORD)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert post(client, RECORD, token="kz_wrong").status_code == 401
    assert client.post("/api/ingest", json=RECORD,
                       headers={"Authorization": "Basic dXNlcjpwYXNz"}).status_code == 401
    assert client.get("/events.json", params={"q": "posted"}).json()["total"] == 0


def test_a_token_from_the_cli_writes(client: TestClient, store: Store) -> None:
    token = cli_token(store)
    assert token.startswith("kz_") and len(token) > 40
    response = post(client, RECORD, token)
    assert response.status_code == 201, response.text
    assert response.json() == {"id": "posted-1", "outcome": "added", "events": 1,
                               "warnings": []}
    assert post(client, RECORD, token).json()["outcome"] == "unchanged"
    assert client.get("/articles/posted-1.json").json()["doc"]["source"] == "Wire"


def test_only_the_tokens_hash_is_stored(store: Store) -> None:
    token = cli_token(store)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT token_hash, prefix FROM api_tokens").all()
    assert token not in {value for row in rows for value in row}
    assert any(len(h) == 64 and token.startswith(p) for h, p in rows)


def test_a_revoked_token_is_401(client: TestClient, store: Store) -> None:
    token, other = cli_token(store), cli_token(store)
    result = runner.invoke(cli, ["token", "revoke", token[:12], "--db", db_path(store)])
    assert result.exit_code == 0, result.output
    assert post(client, RECORD, token).status_code == 401
    assert post(client, RECORD, other).status_code == 201
    result = runner.invoke(cli, ["token", "revoke", other, "--db", db_path(store)])
    assert result.exit_code == 0 and not is_valid(store, other)
    again = runner.invoke(cli, ["token", "revoke", other, "--db", db_path(store)])
    assert again.exit_code == 1


def test_beyond_loopback_without_tokens_it_is_read_only(store: Store) -> None:
    client = make_client(store, host="0.0.0.0")
    assert post(client, RECORD, token="kz_anything").status_code == 403
    assert client.get("/events.json").status_code == 200
    token = create_token(store)
    assert post(client, RECORD).status_code == 401
    assert post(client, RECORD, token).status_code == 201


def test_a_token_given_to_the_app_writes(store: Store) -> None:
    client = make_client(store, host="192.168.1.5", tokens=("s3cret-token",))
    assert post(client, RECORD, "s3cret-token").status_code == 201
    assert post(client, RECORD, "s3cret-tokeN").status_code == 401


def test_bad_bodies(client: TestClient, store: Store) -> None:
    token = create_token(store)
    auth = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/ingest", content="id=1", headers={
        **auth, "Content-Type": "application/x-www-form-urlencoded"}).status_code == 415
    assert client.post("/api/ingest", content="{", headers={
        **auth, "Content-Type": "application/json"}).status_code == 400
    no_text = post(client, {"id": "x"}, token)
    assert no_text.status_code == 400 and "no text" in no_text.json()["error"]
    assert post(client, {"url": "javascript:alert(1)"}, token).status_code == 400
    assert post(client, ["not", "a", "record"], token).status_code == 400


def test_a_url_goes_through_the_ingest_sources(store: Store, tmp_path: Path) -> None:
    fetched = []

    def ingest_inputs(inputs: list[str], _store: Store, client: object) -> SimpleNamespace:
        fetched.extend(inputs)
        return SimpleNamespace(added=2, updated=0, unchanged=1, events=5, failures=[],
                               summary=lambda: "2 added, 1 unchanged; 5 events")

    app = create_app("", store=store, writer=Writer(store, fake_extract, ingest_inputs))
    client = TestClient(app, base_url=BASE_URL)
    response = post(client, {"url": "https://news.example/feed.xml"}, create_token(store))
    assert response.status_code == 201
    assert fetched == ["https://news.example/feed.xml"]
    assert response.json()["added"] == 2
