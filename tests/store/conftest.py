"""Fixtures: every store test runs twice, on SQLite and on PostgreSQL.

`store` is a fresh, migrated store (an SQLite file, or a PostgreSQL database like the
migrated template: a copy, or one emptied after an earlier test); `store_url` names it,
to open it again; `new_database` makes further empty databases of the same kind.
`filled` holds three documents.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kizuna.store import Store
from kizuna.store import schema as s
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
    template = request.getfixturevalue("postgres_template")
    name = server.checkout(template)
    yield server.url(name)
    server.checkin(name, template)


@pytest.fixture
def new_database(backend: str, tmp_path: Path,
                 request: pytest.FixtureRequest) -> Iterator[Callable[..., str]]:
    """Makes more databases of the test's backend: `new_database()` an empty one (not
    migrated), `new_database(migrated=True)` one like `store`'s. Their URLs."""
    made: list[tuple[str, str | None]] = []  # PostgreSQL: (name, template or None)
    files = itertools.count(1)

    def make(migrated: bool = False) -> str:
        if backend == "sqlite":  # opening migrates a new file in milliseconds
            return str(tmp_path / f"new-{next(files)}.db")
        server = request.getfixturevalue("postgres_server")
        if migrated:
            template = request.getfixturevalue("postgres_template")
            made.append((server.checkout(template), template))
        else:
            made.append((server.create_database(), None))
        return server.url(made[-1][0])

    yield make
    if made:
        server = request.getfixturevalue("postgres_server")
        for name, template in made:
            if template is None:
                server.drop_database(name)
            else:
                server.checkin(name, template)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    for doc in (summit_doc(), japanese_doc(), release_doc()):
        store.save_document(doc)
    return store


def grouping(store: Store) -> set[frozenset[str]]:
    """Which article events share a merged event, as sets of "article:local" names."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.merged_members.c.merged_id, s.events.c.article_id,
                                   s.events.c.local_id)
                            .join(s.events, s.events.c.id == s.merged_members.c.event_id)).all()
    groups: dict[str, set[str]] = {}
    for merged_id, article_id, local_id in rows:
        groups.setdefault(merged_id, set()).add(f"{article_id}:{local_id}")
    return {frozenset(g) for g in groups.values()}
