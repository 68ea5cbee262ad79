"""Fixtures: article files on disk, a database path, and a store holding known documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kizuna.store import Store
from tests.store.factory import japanese_doc, release_doc, summit_doc

GOOD_ARTICLES = {
    "summit": {
        "id": "cli-summit", "title": "Ishiba meets Trump", "source": "The Example Times",
        "published": "2025-02-08", "language": "en", "url": "https://news.example/summit",
        "text": "Prime Minister Shigeru Ishiba met U.S. President Donald Trump at the White "
                "House on Friday. The two leaders agreed to deepen cooperation on artificial "
                "intelligence and semiconductors.",
    },
    "stargate": {
        "id": "cli-stargate", "title": "SoftBank and OpenAI", "source": "Tech Daily",
        "published": "2025-01-22", "language": "en",
        "text": "SoftBank Group and OpenAI announced on Tuesday that they will invest "
                "$500 billion in AI infrastructure in the United States.",
    },
}


def write_article(folder: Path, name: str, record: dict) -> Path:
    path = folder / f"{name}.article.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def good_files(tmp_path: Path) -> list[Path]:
    return [write_article(tmp_path, name, record) for name, record in GOOD_ARTICLES.items()]


@pytest.fixture
def broken_file(tmp_path: Path) -> Path:
    path = tmp_path / "broken.article.json"
    path.write_text('{"id": "broken", "text": ', encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def filled_db(db: str) -> str:
    """A database holding the hand-built documents of `tests.store.factory`."""
    with Store.open(db) as store:
        for doc in (summit_doc(), japanese_doc(), release_doc()):
            store.save_document(doc)
    return db
