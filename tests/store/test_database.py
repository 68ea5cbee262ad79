"""Opening a store: URLs and paths, and one clear StoreError for each way it can fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from kizuna.errors import StoreError
from kizuna.store import Store, database_url
from kizuna.store.queries import table_counts
from tests.store.factory import summit_doc


def test_a_plain_path_is_an_sqlite_file(tmp_path: Path) -> None:
    url = database_url(str(tmp_path / "k.db"))
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "k.db")


def test_a_url_is_taken_as_given() -> None:
    assert str(database_url("postgresql://kizuna@localhost/news")) == \
        "postgresql://kizuna@localhost/news"


def test_a_store_keeps_its_rows_across_opens(store_url: str, backend: str) -> None:
    with Store.open(store_url) as store:
        store.save_document(summit_doc())
    again = f"sqlite:///{store_url}" if backend == "sqlite" else store_url  # a path, as a URL
    with Store.open(again) as store:
        assert table_counts(store)["articles"] == 1


def test_an_in_memory_store_is_one_database() -> None:
    with Store.open(":memory:") as store:
        assert store.save_document(summit_doc()) == "added"
        assert table_counts(store)["events"] == 3


@pytest.mark.parametrize(("target", "message"), [
    ("{tmp}/missing/k.db", "does not exist"),
    ("{tmp}", "it is a folder"),
    ("nosuchdialect://host/db", "cannot use database"),
    ("postgresql+psycopg2://kizuna@localhost/news", "driver is not installed"),
    ("postgresql://kizuna@127.0.0.1:1/news", "cannot open database.*refused"),
    ("sqlite:///{tmp}/missing/k.db", "cannot open database"),
    ("sqlite://host:port/db", "not a database URL"),
])
def test_an_unusable_database_is_one_store_error(tmp_path: Path, target: str,
                                                  message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(target.format(tmp=tmp_path))


def test_a_missing_postgresql_database_is_one_store_error(postgres_server) -> None:
    with pytest.raises(StoreError, match='cannot open database.*"nothing_here" does not exist'):
        Store.open(postgres_server.url("nothing_here"))


def test_a_read_only_database_fails_to_write_as_a_store_error(store_url: str,
                                                               backend: str) -> None:
    Store.open(store_url).close()
    # SQLite's own read-only mode: file permissions do not stop root, which CI may be;
    # PostgreSQL's read-only transactions.
    read_only = (f"sqlite:///file:{store_url}?mode=ro&uri=true" if backend == "sqlite"
                 else f"{store_url}?options=-c%20default_transaction_read_only%3Don")
    with Store.open(read_only) as store, pytest.raises(StoreError, match="readonly|read-only"):
        store.save_document(summit_doc())
