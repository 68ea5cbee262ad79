"""The tables as the first migration (`initial_tables`) created them, frozen.

A copy of `schema.py` as it shipped, so a new database replays history exactly: later
migrations add to these tables and create others, and `schema.py` shows the result.
Never edit this file.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("language", String(8)),
    Column("published", Date, index=True),
    Column("text", Text, nullable=False),
    # Hash of the extracted document, not only the text: re-ingesting after the
    # extractor improved must rewrite the article, re-ingesting as-is must not.
    Column("content_hash", String(64), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(3)),
    UniqueConstraint("name", "type", name="uq_entities_name_type"),
)

# Which canonical entities a document has, under the local id it gave them.
article_entities = Table(
    "article_entities", metadata,
    Column("article_id", String, _article_fk(), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("local_id", String, nullable=False),
    Column("position", Integer, nullable=False),
)

# Aliases are per article, so a document exports with the forms it used and a
# rewritten article takes its stale aliases with it.
entity_aliases = Table(
    "entity_aliases", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("article_id", String, _article_fk(), primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("position", Integer, nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, _article_fk(), nullable=False, index=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, _article_fk(), nullable=False, index=True),
    Column("local_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("type", String(16), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("date_granularity", String(8)),
    Column("date_text", Text),
    Column("location_entity_id", Integer, ForeignKey("entities.id")),
    Column("object", Text),
    Column("amount_id", String),
    Column("amount_value", Float),
    Column("amount_currency", String(3)),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
)

event_participants = Table(
    "event_participants", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True, index=True),
    Column("role", String(8), primary_key=True),  # actor | target
    Column("position", Integer, nullable=False),
)

amounts = Table(
    "amounts", metadata,
    Column("article_id", String, _article_fk(), primary_key=True),
    Column("local_id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("article_id", String, _article_fk(), primary_key=True),
    Column("local_id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id")),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
