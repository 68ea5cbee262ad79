"""The tables, as SQLAlchemy Core objects: what the writer fills and the queries read.

Canonical entities are shared by every article; everything else belongs to one article
and is deleted with it when the article is written again. Local ids (`e1`, `v1`, `m1`,
`q1`) are kept so a stored document exports in the shape it was extracted in.

Merged events are the knowledge base across articles: each article-level event is a
member of exactly one merged event (`merged_members`; the union of the members'
participants is kept in `merged_participants`), and every decision that put it there,
by `kizuna.resolve.merging.decide` or by a person, is kept in `judgements`. A merged
event's columns summarise its members (see `members.summarise`); its participants with
their roles, and its citations, are read through its members.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    column,
    table,
)

metadata = MetaData()

FTS_TABLE = "articles_fts"


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

merged_events = Table(
    "merged_events", metadata,
    Column("id", String, primary_key=True),  # "ev-" + a hash of the event that began it
    Column("type", String(16), nullable=False, index=True),
    Column("status", String(16), nullable=False),  # the latest reported
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("date_granularity", String(8)),
    Column("location_entity_id", Integer, ForeignKey("entities.id")),
    Column("object", Text),
    Column("amount_value", Float),
    Column("amount_currency", String(3)),
    Column("last_published", Date, index=True),  # of its latest article
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Which merged event each article-level event belongs to: one each.
merged_members = Table(
    "merged_members", metadata,
    Column("event_id", String, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("merged_id", String, ForeignKey("merged_events.id"), nullable=False, index=True),
)

# Which canonical entities take part in a merged event (any role, any member): kept by
# the merger so candidates and name frequencies come from one indexed lookup. The merged
# event's `last_published` is copied here so how often a name was reported by a given
# day is counted from an index alone (`candidates.participant_weights`).
merged_participants = Table(
    "merged_participants", metadata,
    Column("merged_id", String, ForeignKey("merged_events.id"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True, index=True),
    Column("last_published", Date),
)

# Every merging decision, kept after its event or merged event is gone: ids are plain
# strings, not foreign keys. `event_id` is stable for an (article, local id), so a
# person's judgement still names the event after its article is extracted again.
judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String, nullable=False),
    Column("merged_id", String),  # None: judged a new happening
    Column("decided_by", String(8), nullable=False),  # auto | person
    Column("score", Float, nullable=False),
    Column("reasons", Text, nullable=False),  # a JSON list of strings
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_judgements_event_by", "event_id", "decided_by"),
)

MERGED_TABLES = (merged_events, merged_members, merged_participants, judgements)

# Children of an article, in the order the writer deletes them (participants first,
# since they hang off events rather than the article).
ARTICLE_CHILDREN = (mentions, entity_aliases, article_entities, amounts, quotes, events)

# The FTS5 index as a lightweight table clause, so the writer and queries can use Core
# statements on it; it exists only on SQLite (see migrations.sqlite_fulltext).
articles_fts = table(FTS_TABLE, column("article_id"), column("title"), column("text"))

# API tokens for writing over the web service: only a SHA-256 hash of each token is
# kept, with its first characters so `kizuna token revoke` can name it (see `tokens`).
api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

# What `kizuna watch` knows of each source it polls, so a restart resumes where it was:
# the validators for conditional requests, when it last asked and succeeded, and how
# many times in a row it failed (which sets how long it waits before asking again).
watched_sources = Table(
    "watched_sources", metadata,
    Column("url", String, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", DateTime(timezone=True)),
    Column("last_ok", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False),
    Column("last_error", Text),
    Column("articles", Integer, nullable=False),  # stored from this source, all rounds
)

# Every item the watcher has read, by canonical URL ("url:…") and by a digest of its
# text ("text:…"), so nothing is read twice, whichever source or address brings it.
seen_items = Table(
    "seen_items", metadata,
    Column("key", String, primary_key=True),
    Column("article_id", String),
    Column("first_seen", DateTime(timezone=True), nullable=False),
)

WATCH_TABLES = (watched_sources, seen_items)
