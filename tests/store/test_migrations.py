"""Migrations: applied once each, recorded by name, atomic, and giving the declared schema."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Connection, delete, inspect, select, text, update

from kizuna.store import Store, initial_schema, migrations, schema, writer
from kizuna.store.invariants import breaches
from kizuna.store.queries import table_counts
from tests.store.factory import summit_doc


def recorded(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        table = migrations.kizuna_migrations
        return list(conn.execute(select(table.c.name)
                                 .order_by(table.c.applied_at, table.c.name)).scalars())


def test_a_new_database_gets_every_migration_in_order(new_database: Callable[[], str]) -> None:
    with Store.open(new_database()) as store:
        assert recorded(store) == [m.__name__ for m in migrations.MIGRATIONS]


def test_migrating_again_applies_nothing(store: Store, store_url: str) -> None:
    assert migrations.migrate(store.engine) == []
    with Store.open(store_url) as again:
        assert recorded(again) == [m.__name__ for m in migrations.MIGRATIONS]


def test_the_migrated_tables_are_the_declared_ones(store: Store) -> None:
    found = inspect(store.engine)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == set(table.c.keys()), table.name
    if store.engine.dialect.name == "sqlite":
        assert schema.FTS_TABLE in found.get_table_names()
    else:
        assert schema.FTS_TABLE not in found.get_table_names()
        indexes = {i["name"] for i in found.get_indexes(schema.articles.name)}
        assert set(migrations.TRIGRAM_INDEXES) <= indexes


def test_a_new_migration_is_applied_to_an_existing_database(store: Store) -> None:
    def add_notes(conn: Connection) -> None:
        conn.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY)")

    applied = migrations.migrate(store.engine, (*migrations.MIGRATIONS, add_notes))
    assert applied == ["add_notes"]
    assert "notes" in inspect(store.engine).get_table_names()


def test_a_failing_migration_leaves_nothing_and_is_not_recorded(store: Store) -> None:
    def half_done(conn: Connection) -> None:
        conn.exec_driver_sql("CREATE TABLE half (id INTEGER)")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        migrations.migrate(store.engine, (*migrations.MIGRATIONS, half_done))
    assert "half" not in inspect(store.engine).get_table_names()
    assert "half_done" not in recorded(store)


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(Exception, match="(?i)foreign key"), store.engine.begin() as conn:
        conn.execute(text("INSERT INTO mentions (article_id, entity_id, start, \"end\", text) "
                          "VALUES ('missing', 1, 0, 1, 'x')"))


def test_a_database_from_before_merging_gets_merged_tables_and_catches_up(
        new_database: Callable[[], str]) -> None:
    url = new_database()
    # Back to the schema before merged events, and an article stored then.
    with Store.open(url) as store, store.engine.begin() as conn:
        for table in reversed(schema.MERGED_TABLES):
            table.drop(conn)
        conn.execute(delete(migrations.kizuna_migrations).where(
            migrations.kizuna_migrations.c.name.in_(["merged_event_tables",
                                                     "merged_participants_table",
                                                     "participants_by_day",
                                                     "merging_indexes"])))
        doc = summit_doc()
        writer.insert_document(conn, doc, writer.content_hash(doc))
    with Store.open(url) as store:
        assert recorded(store)[-4:] == ["merged_event_tables", "merged_participants_table",
                                        "participants_by_day", "merging_indexes"]
        assert table_counts(store)["merged_members"] == 0
        assert store.save_document(summit_doc()) == "unchanged"
        assert table_counts(store)["merged_members"] == 3


def test_merged_participants_are_filled_from_stored_members(store: Store) -> None:
    store.save_document(summit_doc())
    with store.engine.begin() as conn:
        before = set(conn.execute(select(schema.merged_participants)).all())
        schema.merged_participants.drop(conn)
        migrations.merged_participants_table(conn)
        migrations.participants_by_day(conn)
        assert set(conn.execute(select(schema.merged_participants)).all()) == before
    assert len(before) == 6  # three merged events of two participants each
    assert {row.last_published for row in before} == {summit_doc().article.published}


def test_participants_get_their_merged_events_day_and_the_index_counting_by_it(
        store: Store) -> None:
    store.save_document(summit_doc())
    mp = schema.merged_participants
    with store.engine.begin() as conn:
        conn.execute(update(mp).values(last_published=None))
        conn.exec_driver_sql(f"DROP INDEX {migrations.PARTICIPANTS_BY_DAY}")
        conn.exec_driver_sql(f"ALTER TABLE {mp.name} DROP COLUMN last_published")
        migrations.participants_by_day(conn)
    with store.engine.connect() as conn:
        days = set(conn.execute(select(mp.c.last_published)).scalars())
        assert breaches(conn) == []
    assert days == {summit_doc().article.published}
    assert migrations.PARTICIPANTS_BY_DAY in {
        i["name"] for i in inspect(store.engine).get_indexes(mp.name)}


def test_merged_events_get_the_index_candidates_are_searched_with(store: Store) -> None:
    columns = {i["name"]: i["column_names"]
               for i in inspect(store.engine).get_indexes(schema.merged_events.name)}
    assert columns[migrations.CANDIDATE_INDEX][:3] == ["type", "date_start", "date_end"]


def test_initial_tables_are_frozen(store: Store) -> None:
    """The first migration creates what it always did, whatever schema.py says now."""
    with store.engine.connect() as conn:
        migrations.initial_tables(conn)  # create_all skips the tables that exist
    assert set(initial_schema.metadata.tables) == \
        set(schema.metadata.tables) - {t.name for t in (*schema.MERGED_TABLES, schema.api_tokens,
                                                        *schema.WATCH_TABLES)}
