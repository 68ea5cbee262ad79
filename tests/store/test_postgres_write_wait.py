"""PostgreSQL writers wait for the write lock within a deadline: one connection holds the
advisory lock, and a writer behind it gives up after $KIZUNA_WRITE_WAIT seconds with
`StoreBusy`, which the API answers with 503 and Retry-After and the CLI as an error
saying what to do. Against a real server (tests/postgres.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kizuna.cli import app as cli
from kizuna.errors import StoreError
from kizuna.store import Store, locks
from kizuna.store.tokens import create_token
from kizuna.web import create_app
from kizuna.web.writing import Writer
from tests.postgres import PostgresServer
from tests.store.factory import release_doc, summit_doc

WAIT_S = 0.5


@pytest.fixture
def database(postgres_server: PostgresServer, postgres_template: str,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A migrated database holding one article; writers wait WAIT_S for the lock."""
    monkeypatch.setenv(locks.WRITE_WAIT_VARIABLE, str(WAIT_S))
    name = postgres_server.create_database(postgres_template)
    url = postgres_server.url(name)
    with Store.open(url) as store:
        store.save_document(release_doc())
    yield url
    postgres_server.drop_database(name)


class Holder:
    """Another session holding kizuna's write lock in an open transaction."""

    def __init__(self, url: str):
        self.conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (locks.WRITE_LOCK,))

    def release(self) -> None:
        self.conn.rollback()
        self.conn.close()


@pytest.fixture
def held(database: str) -> Iterator[Store]:
    """The store, opened (and migrated: a write) before another session took the lock."""
    with Store.open(database) as store:
        holder = Holder(database)
        try:
            yield store
        finally:
            holder.release()


def test_a_writer_behind_a_held_lock_gives_up_in_time(held: Store) -> None:
    for write in (lambda: held.save_document(summit_doc()),
                  lambda: held.unmerge_event("0" * 16)):
        started = time.monotonic()
        with pytest.raises(locks.StoreBusy, match=r"more than 0\.5 s; try again"):
            write()
        waited = time.monotonic() - started
        assert WAIT_S * 0.9 <= waited < WAIT_S + 3, waited
    with held.engine.connect() as conn:  # readers are not blocked
        assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 1


def test_opening_a_store_to_migrate_it_gives_up_in_time_too(held: Store) -> None:
    url = held.engine.url.render_as_string(hide_password=False)
    with pytest.raises(locks.StoreBusy):
        Store.open(url).close()


def test_once_the_lock_is_free_the_write_goes_through(database: str) -> None:
    with Store.open(database) as store:
        holder = Holder(database)
        with pytest.raises(locks.StoreBusy):
            store.save_document(summit_doc())
        holder.release()
        assert store.save_document(summit_doc()) == "added"


def test_the_deadline_covers_the_lock_wait_only(database: str) -> None:
    """Once the lock is held, the transaction's other waits keep the server's setting."""
    with Store.open(database) as store:
        with store.engine.connect() as conn:
            server_setting = conn.exec_driver_sql("SHOW lock_timeout").scalar()
        with locks.writing(store.engine) as conn:
            assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == server_setting
    assert server_setting != "500ms"


def test_the_api_answers_503_with_retry_after_within_the_deadline(database: str) -> None:
    with Store.open(database) as store:
        token = create_token(store)  # a write too: before the lock is taken
        app = create_app("", store=store,
                         writer=Writer(store, extract=lambda article: summit_doc(article.id)))
        client = TestClient(app, base_url="http://127.0.0.1")
        headers = {"Authorization": f"Bearer {token}"}
        requests = [("/api/unmerge", {"event": "0" * 16}),
                    ("/api/merge", {"event": "0" * 16, "into": "ev-0"}),
                    ("/api/ingest", {"id": "busy-1", "language": "en", "text": "Talks."})]
        holder = Holder(database)
        try:
            for path, body in requests:
                started = time.monotonic()
                response = client.post(path, json=body, headers=headers)
                assert time.monotonic() - started < WAIT_S + 3
                assert response.status_code == 503, (path, response.text)
                assert int(response.headers["retry-after"]) > 0
                assert "the database is busy" in response.json()["error"]
        finally:
            holder.release()
        answer = client.post("/api/ingest", json=requests[2][1], headers=headers)
        assert answer.status_code == 201, answer.text


def test_the_cli_says_what_to_do(held: Store) -> None:
    url = held.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(cli, ["unmerge", "0" * 16, "--db", url])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: the database is busy")
    assert f"set {locks.WRITE_WAIT_VARIABLE} to wait longer" in result.stderr


def test_a_wait_that_is_not_a_number_of_seconds_is_refused(
        database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(database) as store:
        monkeypatch.setenv(locks.WRITE_WAIT_VARIABLE, "soon")
        with pytest.raises(StoreError, match="KIZUNA_WRITE_WAIT must be a number.*'soon'"):
            store.save_document(summit_doc())
