"""One English and one Japanese article about the same actors, ingested through the CLI:
both are stored, each actor is one canonical entity linked to mentions in both, and the
event queries find events of either language by canonical name or by Japanese text.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from kizuna.cli import app
from kizuna.store import Store
from kizuna.store import schema as s
from tests.cli.conftest import write_article

runner = CliRunner()

ENGLISH = {
    "id": "mixed-en", "title": "Ishiba and Trump hold first summit", "source": "Example Wire",
    "published": "2025-02-08", "language": "en", "url": "https://news.example/en/summit",
    "text": "Prime Minister Shigeru Ishiba met U.S. President Donald Trump at the White House "
            "on Friday. The two leaders agreed to deepen cooperation on artificial intelligence "
            "and semiconductors.",
}
JAPANESE = {
    "id": "mixed-ja", "title": "日米首脳が初会談", "source": "例示新聞",
    "published": "2025-02-08", "language": "ja", "url": "https://news.example/ja/summit",
    "text": "石破茂首相は7日、ホワイトハウスでトランプ米大統領と初めて会談した。両首脳は人工知能"
            "（AI）や半導体の分野で協力を深めることで一致した。首相は会談後、記者団に「信頼関係を"
            "築くことができた」と語った。",
}


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding both articles, ingested once through `kizuna ingest`."""
    folder = tmp_path_factory.mktemp("mixed")
    paths = [write_article(folder, "en", ENGLISH), write_article(folder, "ja", JAPANESE)]
    db = str(folder / "mixed.db")
    result = run("ingest", *map(str, paths), "--db", db, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 added"), result.stdout
    return db


def events_jsonl(db: str, *options: str) -> list[dict]:
    result = run("events", "--db", db, "--format", "jsonl", "--articles", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_both_articles_are_stored(mixed_db: str) -> None:
    with Store.open(mixed_db) as store, store.engine.connect() as conn:
        rows = conn.execute(select(s.articles.c.id, s.articles.c.language)).all()
    assert sorted(rows) == [("mixed-en", "en"), ("mixed-ja", "ja")]


@pytest.mark.parametrize(("name", "japanese"), [
    ("Shigeru Ishiba", "石破茂"),
    ("Donald Trump", "トランプ"),
])
def test_one_entity_linked_to_mentions_in_both_articles(
        mixed_db: str, name: str, japanese: str) -> None:
    e, m = s.entities, s.mentions
    with Store.open(mixed_db) as store, store.engine.connect() as conn:
        ids = conn.execute(select(e.c.id).where(e.c.name == name)).scalars().all()
        assert len(ids) == 1, ids
        mentions = conn.execute(select(m.c.article_id, m.c.text)
                                .where(m.c.entity_id == ids[0])).all()
        articles = conn.execute(select(func.count()).select_from(s.article_entities)
                                .where(s.article_entities.c.entity_id == ids[0])).scalar_one()
    assert articles == 2  # listed by both documents
    assert {article for article, _ in mentions} == {"mixed-en", "mixed-ja"}
    assert ("mixed-ja", japanese) in set(mentions)
    for article, text in mentions:
        source = ENGLISH if article == "mixed-en" else JAPANESE
        assert text in source["text"]


def test_mention_offsets_slice_each_article(mixed_db: str) -> None:
    a, m = s.articles, s.mentions
    with Store.open(mixed_db) as store, store.engine.connect() as conn:
        rows = conn.execute(select(a.c.text, m.c.start, m.c.end, m.c.text)
                            .join(a, a.c.id == m.c.article_id)).all()
    assert rows
    for text, start, end, cited in rows:
        assert text[start:end] == cited


def test_events_by_actor_list_both_languages(mixed_db: str) -> None:
    events = events_jsonl(mixed_db, "--actor", "Shigeru Ishiba")
    assert {e["article_id"] for e in events} == {"mixed-en", "mixed-ja"}
    for event in events:
        assert "Shigeru Ishiba" in event["actors"] + event["targets"]
    meetings = {e["article_id"] for e in events if e["type"] == "MEET"
                and "Donald Trump" in e["actors"] + e["targets"]}
    assert meetings == {"mixed-en", "mixed-ja"}


def test_events_by_japanese_alias(mixed_db: str) -> None:
    events = events_jsonl(mixed_db, "--actor", "石破茂")
    assert "mixed-ja" in {e["article_id"] for e in events}


def test_search_in_japanese_finds_the_japanese_article(mixed_db: str) -> None:
    events = events_jsonl(mixed_db, "--search", "石破")
    assert events
    assert {e["article_id"] for e in events} == {"mixed-ja"}
    longer = events_jsonl(mixed_db, "--search", "ホワイトハウス")  # long enough for trigrams
    assert {e["article_id"] for e in longer} == {"mixed-ja"}
