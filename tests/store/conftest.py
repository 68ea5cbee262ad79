"""Fixtures: every store test runs twice, on SQLite and on PostgreSQL.

`store` is a fresh, migrated store (an SQLite file, or a PostgreSQL database copied from
the migrated template); `store_url` names it, to open it again; `new_database` makes
further empty databases of the same kind. `filled` holds three documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kizuna.store import Store
from tests.store.factory import japanese_doc, release_doc, summit_doc

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "sqlite":
        yield str(tmp_path / "test.db")
        return
    server = request.getfixturevalue("postgres_server")
    name = server.create_database(template=request.getfixturevalue("postgres_template"))
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def new_database(backend: str, tmp_path: Path,
                 request: pytest.FixtureRequest) -> Iterator[Callable[[], str]]:
    """Makes new, empty (unmigrated) databases of the test's backend: their URLs."""
    made: list[str] = []

    def make() -> str:
        if backend == "sqlite":
            made.append(str(tmp_path / f"new-{len(made)}.db"))
            return made[-1]
        made.append(request.getfixturevalue("postgres_server").create_database())
        return request.getfixturevalue("postgres_server").url(made[-1])

    yield make
    if backend == "postgresql":
        for name in made:
            request.getfixturevalue("postgres_server").drop_database(name)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    for doc in (summit_doc(), japanese_doc(), release_doc()):
        store.save_document(doc)
    return store
