"""Schema migrations: an ordered list of named functions, each applied once per database.

Applied names are recorded in the `kizuna_migrations` table (the sqlite-utils way), and
each migration runs in its own transaction together with its record, so a failed one
leaves nothing behind and is tried again next time. Each of those transactions holds the
write lock (`locks`), so two processes opening one new PostgreSQL database at once apply
each migration once: the second finds it recorded and skips it.

To change the schema, append a function to `MIGRATIONS`; never edit or reorder one that
has shipped. `initial_tables` builds from the frozen copy in `initial_schema.py`;
`merged_event_tables` and `merged_participants_table` build their tables from `schema.py`,
so the first time one of those changes, copy its definition into the migration that
creates it before adding the ALTER one.
Only portable DDL here (SQLAlchemy Core), apart from what a dialect check guards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)

from kizuna.store import initial_schema, schema
from kizuna.store.locks import writing

Migration = Callable[[Connection], None]

_registry = MetaData()
kizuna_migrations = Table(
    "kizuna_migrations", _registry,
    Column("name", String, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def initial_tables(conn: Connection) -> None:
    """Articles, canonical entities and every per-article record."""
    initial_schema.metadata.create_all(conn)


def sqlite_fulltext(conn: Connection) -> None:
    """An FTS5 index over article title and text; trigrams, so Japanese needs no tokenizer.

    Other databases search with LIKE until they get their own index (pg_trgm).
    """
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {schema.FTS_TABLE} USING fts5("
        "article_id UNINDEXED, title, text, tokenize='trigram')")


def merged_event_tables(conn: Connection) -> None:
    """Merged events across articles, their members, and the judgements that made them.

    Articles stored before this migration have no merged events yet; each is merged the
    next time it is ingested, even unchanged (see `writer.save_document`).
    """
    tables = [schema.merged_events, schema.merged_members, schema.judgements]
    schema.metadata.create_all(conn, tables=tables)


def merged_participants_table(conn: Connection) -> None:
    """Who takes part in each merged event, filled from the members already stored.

    A frozen copy of `schema.merged_participants` as it first was (its publication day
    came with `participants_by_day`)."""
    mp = Table(
        "merged_participants", MetaData(),
        Column("merged_id", String, ForeignKey(schema.merged_events.c.id), primary_key=True),
        Column("entity_id", Integer, ForeignKey(schema.entities.c.id), primary_key=True,
               index=True),
    )
    mm, p = schema.merged_members, schema.event_participants
    mp.create(conn)
    conn.execute(insert(mp).from_select(
        ["merged_id", "entity_id"],
        select(mm.c.merged_id, p.c.entity_id).distinct().join(p, p.c.event_id == mm.c.event_id)))


def api_tokens_table(conn: Connection) -> None:
    """Hashed API tokens for writing over the web service (`kizuna token create`).

    A frozen copy of `schema.api_tokens`, so later changes to it get their own migration.
    """
    tokens = Table(
        "api_tokens", MetaData(),
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("token_hash", String(64), nullable=False, unique=True),
        Column("prefix", String(16), nullable=False, index=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("revoked_at", DateTime(timezone=True)),
    )
    tokens.create(conn)


# Trigram indexes PostgreSQL searches articles with: index name -> column of `articles`.
TRIGRAM_INDEXES = {"ix_articles_title_trgm": "title", "ix_articles_text_trgm": "text"}


def postgres_trigram_search(conn: Connection) -> None:
    """PostgreSQL's counterpart of `sqlite_fulltext`: pg_trgm and trigram GIN indexes on
    article title and text.

    Search there is `ILIKE '%term%'` (see `queries._article_matches`), which these indexes
    answer for terms of three characters or more, Japanese included; a term of one or two
    characters (会談, AI) is found all the same, by the scan the planner falls back to.
    pg_trgm is a trusted extension: a database's owner may create it without superuser.
    """
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRIGRAM_INDEXES.items():
        conn.exec_driver_sql(
            f"CREATE INDEX {name} ON {schema.articles.name} USING gin ({column} gin_trgm_ops)")


# Indexes the actor and dyad reads (`reads`) lean on: index name -> "table (columns)".
READ_INDEXES = {
    # an actor's or a country's merged events, from the index alone
    "ix_merged_participants_entity_merged": "merged_participants (entity_id, merged_id)",
    # an actor by canonical name or alias, any case (the reads compare lower(...))
    "ix_entities_lower_name": "entities (lower(name))",
    "ix_entity_aliases_lower_alias": "entity_aliases (lower(alias), entity_id)",
    "ix_entities_country": "entities (country)",
}


def read_indexes(conn: Connection) -> None:
    """Indexes for reading by actor and by pair of countries (same DDL on both databases)."""
    for name, target in READ_INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX {name} ON {target}")


def watch_tables(conn: Connection) -> None:
    """The watcher's state: polled sources and the items already read (frozen copies)."""
    frozen = MetaData()
    Table(
        "watched_sources", frozen,
        Column("url", String, primary_key=True),
        Column("etag", Text),
        Column("last_modified", Text),
        Column("last_polled", DateTime(timezone=True)),
        Column("last_ok", DateTime(timezone=True)),
        Column("next_poll", DateTime(timezone=True)),
        Column("failures", Integer, nullable=False),
        Column("last_error", Text),
        Column("articles", Integer, nullable=False),
    )
    Table(
        "seen_items", frozen,
        Column("key", String, primary_key=True),
        Column("article_id", String),
        Column("first_seen", DateTime(timezone=True), nullable=False),
    )
    frozen.create_all(conn)


def participants_by_day(conn: Connection) -> None:
    """Each merged event's last publication day next to its participants, and an index
    counting a name's merged events reported by a given day from the index alone (what
    merging weighs names by, for every event it places)."""
    mp, me = schema.merged_participants, schema.merged_events
    conn.exec_driver_sql(f"ALTER TABLE {mp.name} ADD COLUMN last_published DATE")
    conn.execute(update(mp).values(last_published=select(me.c.last_published)
                                   .where(me.c.id == mp.c.merged_id).scalar_subquery()))
    conn.exec_driver_sql(f"CREATE INDEX {PARTICIPANTS_BY_DAY} ON {mp.name} "
                         "(entity_id, last_published, merged_id)")


PARTICIPANTS_BY_DAY = "ix_merged_participants_entity_published"


def merging_indexes(conn: Connection) -> None:
    """Indexes merging reads through for every article it places (`MERGING_INDEXES`)."""
    for name, target in MERGING_INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX {name} ON {target}")


CANDIDATE_INDEX = "ix_merged_events_candidates"
MERGING_INDEXES = {
    # what the search for merged events an event may report filters on (type, dates,
    # last publication day), so it reads no table row
    CANDIDATE_INDEX: "merged_events (type, date_start, date_end, last_published, id, "
                     "updated_at)",
    # a person's judgements, which placing again never undoes: few among many automatic
    "ix_judgements_by_event": "judgements (decided_by, event_id)",
}

MIGRATIONS: tuple[Migration, ...] = (
    initial_tables, sqlite_fulltext, merged_event_tables, merged_participants_table,
    api_tokens_table, postgres_trigram_search, read_indexes, watch_tables,
    participants_by_day, merging_indexes)


def applied(conn: Connection) -> set[str]:
    return set(conn.execute(select(kizuna_migrations.c.name)).scalars())


def migrate(engine: Engine, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this database has not had yet; the names applied, in order."""
    with writing(engine) as conn:
        _registry.create_all(conn)
        done = applied(conn)
    names = []
    for migration in migrations:
        if migration.__name__ in done:
            continue
        with writing(engine) as conn:
            if migration.__name__ in applied(conn):  # another process was quicker
                continue
            migration(conn)
            conn.execute(kizuna_migrations.insert().values(
                name=migration.__name__, applied_at=datetime.now(UTC)))
        names.append(migration.__name__)
    return names
