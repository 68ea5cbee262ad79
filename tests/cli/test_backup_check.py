"""`kizuna backup` copies a store while it may be in use; `kizuna check` reports whether a
store is sound (integrity, migrations, invariants, counts) and exits 1 when it is not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kizuna.cli import app as cli
from kizuna.store import Store
from kizuna.store.migrations import MIGRATIONS
from kizuna.store.queries import table_counts
from tests.store.factory import japanese_doc, release_doc, summit_doc

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "kizuna.db")
    with Store.open(path) as store:
        for doc in (summit_doc(), japanese_doc(), release_doc()):
            store.save_document(doc)
    return path


def test_a_sound_store_checks_clean(db: str) -> None:
    result = runner.invoke(cli, ["check", "--db", db])
    assert result.exit_code == 0, result.output
    n = len(MIGRATIONS)
    assert result.output.splitlines()[:3] == ["integrity: ok", f"migrations: {n} of {n} applied",
                                              "invariants: all hold"]
    assert "3 articles" in result.output


def test_a_backup_is_a_sound_copy_taken_while_a_reader_holds_the_store(
        db: str, tmp_path: Path) -> None:
    out = tmp_path / "copy.db"
    with Store.open(db) as store, store.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()  # a reader, open
        result = runner.invoke(cli, ["backup", "--db", db, str(out)])
        assert result.exit_code == 0, result.output
        before = table_counts(store)
    with Store.open(str(out)) as copy:
        assert table_counts(copy) == before
    assert runner.invoke(cli, ["check", "--db", str(out)]).exit_code == 0
    again = runner.invoke(cli, ["backup", "--db", db, str(out)])
    assert again.exit_code == 2 and "exists already" in again.output


def test_postgresql_backup_says_what_to_run_without_the_password() -> None:
    url = "postgresql+psycopg://kizuna:s3cret@127.0.0.1:5432/news"
    result = runner.invoke(cli, ["backup", "--db", url, "news.dump"])
    assert result.exit_code == 0, result.output
    assert "pg_dump --format=custom --file news.dump postgresql://kizuna@127.0.0.1:5432/news" \
        in result.output
    assert "s3cret" not in result.output


def test_a_broken_invariant_is_reported_and_exits_1(db: str) -> None:
    raw = sqlite3.connect(db, isolation_level=None)  # foreign keys are not enforced here
    raw.execute("DELETE FROM merged_members WHERE rowid = (SELECT min(rowid) FROM "
                "merged_members)")
    raw.close()
    result = runner.invoke(cli, ["check", "--db", db])
    assert result.exit_code == 1
    assert "invariants: BROKEN" in result.output
    assert "events in no merged event: 1" in result.output


def test_a_damaged_file_is_reported_not_a_traceback(db: str) -> None:
    data = bytearray(Path(db).read_bytes())
    data[4096:4096 * 4] = b"\xa5" * (4096 * 3)  # pages 2 to 4: garbage
    Path(db).write_bytes(bytes(data))
    Path(db + "-wal").unlink(missing_ok=True)
    result = runner.invoke(cli, ["check", "--db", db])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "integrity: FAILED" in result.output


def test_check_neither_creates_nor_migrates(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = runner.invoke(cli, ["check", "--db", str(missing)])
    assert result.exit_code == 2 and "no database" in result.output
    assert not missing.exists()
    sqlite3.connect(tmp_path / "empty.db").close()
    result = runner.invoke(cli, ["check", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1 and f"migrations: 0 of {len(MIGRATIONS)} applied" in result.output
