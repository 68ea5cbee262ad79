"""Schema migrations: an ordered list of named functions, each applied once per database.

Applied names are recorded in the `kizuna_migrations` table (the sqlite-utils way), and
each migration runs in its own transaction together with its record, so a failed one
leaves nothing behind and is tried again next time.

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
    MetaData,
    String,
    Table,
    insert,
    select,
)

from kizuna.store import initial_schema, schema

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
    """Who takes part in each merged event, filled from the members already stored."""
    mp, mm, p = schema.merged_participants, schema.merged_members, schema.event_participants
    mp.create(conn)
    conn.execute(insert(mp).from_select(
        ["merged_id", "entity_id"],
        select(mm.c.merged_id, p.c.entity_id).distinct().join(p, p.c.event_id == mm.c.event_id)))


MIGRATIONS: tuple[Migration, ...] = (
    initial_tables, sqlite_fulltext, merged_event_tables, merged_participants_table)


def applied(conn: Connection) -> set[str]:
    return set(conn.execute(select(kizuna_migrations.c.name)).scalars())


def migrate(engine: Engine, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this database has not had yet; the names applied, in order."""
    with engine.begin() as conn:
        _registry.create_all(conn)
        done = applied(conn)
    names = []
    for migration in migrations:
        if migration.__name__ in done:
            continue
        with engine.begin() as conn:
            migration(conn)
            conn.execute(kizuna_migrations.insert().values(
                name=migration.__name__, applied_at=datetime.now(UTC)))
        names.append(migration.__name__)
    return names
