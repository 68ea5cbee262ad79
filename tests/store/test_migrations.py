"""Migrations: applied once each, recorded by name, atomic, and giving the declared schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, select, text

from kizuna.store import Store, migrations, schema


def recorded(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(migrations.kizuna_migrations.c.name)).scalars())


def test_a_new_database_gets_every_migration_in_order(store: Store) -> None:
    assert recorded(store) == [m.__name__ for m in migrations.MIGRATIONS]


def test_migrating_again_applies_nothing(store: Store, tmp_path: Path) -> None:
    assert migrations.migrate(store.engine) == []
    with Store.open(str(tmp_path / "test.db")) as again:
        assert recorded(again) == [m.__name__ for m in migrations.MIGRATIONS]


def test_the_migrated_tables_are_the_declared_ones(store: Store) -> None:
    found = inspect(store.engine)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == set(table.c.keys()), table.name
    assert schema.FTS_TABLE in found.get_table_names()


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
    with pytest.raises(Exception, match="FOREIGN KEY"), store.engine.begin() as conn:
        conn.execute(text("INSERT INTO mentions (article_id, entity_id, start, \"end\", text) "
                          "VALUES ('missing', 1, 0, 1, 'x')"))
