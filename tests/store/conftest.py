"""Fixtures: a fresh store in a temporary file, and one already holding three documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kizuna.store import Store
from tests.store.factory import japanese_doc, release_doc, summit_doc


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "test.db")) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    for doc in (summit_doc(), japanese_doc(), release_doc()):
        store.save_document(doc)
    return store
