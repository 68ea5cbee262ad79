"""Session fixtures: a PostgreSQL server the tests start themselves, and a migrated
template database to copy for each test (see `tests.postgres`).

The server starts the first time a test asks for it. If it cannot start, every test that
asks fails with the reason; KIZUNA_SKIP_POSTGRES=1 skips them instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from kizuna.store import Store
from tests.postgres import PostgresServer, ServerError

SKIP_VARIABLE = "KIZUNA_SKIP_POSTGRES"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{SKIP_VARIABLE}=1: no PostgreSQL")
    try:
        server = PostgresServer.start()
    except ServerError as exc:
        pytest.fail(f"cannot start the test PostgreSQL server ({SKIP_VARIABLE}=1 skips the "
                    f"PostgreSQL tests): {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A database with every migration applied, for `CREATE DATABASE … TEMPLATE`."""
    name = postgres_server.create_database()
    Store.open(postgres_server.url(name)).close()  # migrates; no connection left open
    return name


def xfail(reason: str) -> pytest.MarkDecorator:
    """A table row the code gets wrong today, `reason` naming the defect. Strict: the row
    fails loudly once the defect is fixed, so the mark cannot outlive it."""
    return pytest.mark.xfail(reason=reason, strict=True)
