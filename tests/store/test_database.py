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


def test_a_file_store_keeps_its_rows_across_opens(tmp_path: Path) -> None:
    path = str(tmp_path / "k.db")
    with Store.open(path) as store:
        store.save_document(summit_doc())
    with Store.open(f"sqlite:///{path}") as store:
        assert table_counts(store)["articles"] == 1


def test_an_in_memory_store_is_one_database() -> None:
    with Store.open(":memory:") as store:
        assert store.save_document(summit_doc()) == "added"
        assert table_counts(store)["events"] == 3


@pytest.mark.parametrize(("target", "message"), [
    ("{tmp}/missing/k.db", "does not exist"),
    ("{tmp}", "it is a folder"),
    ("nosuchdialect://host/db", "cannot use database"),
    ("postgresql://kizuna@localhost/news", "driver is not installed"),
    ("sqlite:///{tmp}/missing/k.db", "cannot open database"),
    ("sqlite://host:port/db", "not a database URL"),
])
def test_an_unusable_database_is_one_store_error(tmp_path: Path, target: str,
                                                  message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(target.format(tmp=tmp_path))


def test_a_read_only_database_fails_to_write_as_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    Store.open(str(path)).close()
    # SQLite's own read-only mode: file permissions do not stop root, which CI may be.
    with Store.open(f"sqlite:///file:{path}?mode=ro&uri=true") as store, \
            pytest.raises(StoreError, match="readonly"):
        store.save_document(summit_doc())
