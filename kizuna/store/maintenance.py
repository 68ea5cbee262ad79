"""Keeping a store safe: `backup` copies it while in use, `check` says whether it is sound.

SQLite is copied with its online backup API, page by page under the database's own locks,
so a backup taken during an ingest is a consistent snapshot (never half an article). For
PostgreSQL, `pg_dump` is the tool; `backup` says what to run.

`check` reads only: SQLite's own integrity and foreign-key checks, the migrations the
store has and should have, the invariants of `kizuna.store.invariants`, and row counts.
"""

from __future__ import annotations

import shlex
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, inspect, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from kizuna.errors import StoreError
from kizuna.store import migrations
from kizuna.store import schema as s
from kizuna.store.database import Store, database_url
from kizuna.store.invariants import Breach, breaches
from kizuna.store.writer import reason

COUNTED = (s.articles, s.events, s.merged_events, s.entities, s.judgements)


@dataclass
class CheckReport:
    """What `check` found; sound when `problems` is empty."""

    integrity: list[str] = field(default_factory=list)  # SQLite's complaints
    missing_migrations: list[str] = field(default_factory=list)
    breaches: list[Breach] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    applied: int = 0

    @property
    def problems(self) -> list[str]:
        return ([f"integrity: {line}" for line in self.integrity]
                + [f"migration not applied: {name}" for name in self.missing_migrations]
                + [f"invariant broken: {b}" for b in self.breaches])

    def lines(self) -> list[str]:
        """The readable report, one finding a line."""
        expected = len(migrations.MIGRATIONS)
        out = [f"integrity: {'ok' if not self.integrity else 'FAILED'}",
               f"migrations: {self.applied} of {expected} applied",
               f"invariants: {'all hold' if not self.breaches else 'BROKEN'}"]
        out += [f"  {p}" for p in self.problems]
        out.append("counts: " + ", ".join(f"{n:,} {name}" for name, n in self.counts.items()))
        return out


def check(store: Store) -> CheckReport:
    """Everything `kizuna check` reports on `store`; writes nothing. A database too
    damaged to read is reported as an integrity failure, with the driver's reason."""
    report = CheckReport()
    try:
        _check(store, report)
    except SQLAlchemyError as exc:
        report.integrity.append(f"cannot be read: {reason(exc)}")
    return report


def _check(store: Store, report: CheckReport) -> None:
    with store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            report.integrity = _sqlite_integrity(conn)
        if not inspect(conn).has_table(migrations.kizuna_migrations.name):
            report.missing_migrations = [m.__name__ for m in migrations.MIGRATIONS]
            return  # not a kizuna store (or an empty one): nothing more to read
        done = migrations.applied(conn)
        report.applied = len(done)
        report.missing_migrations = [m.__name__ for m in migrations.MIGRATIONS
                                     if m.__name__ not in done]
        if report.missing_migrations:
            return  # tables may be missing; the invariants would fail to read
        report.breaches = breaches(conn)
        report.counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                         for t in COUNTED}


def _sqlite_integrity(conn: Connection) -> list[str]:
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    problems = [r for r in rows if r != "ok"]
    problems += [f"foreign key: {table} row {rowid} names a missing {parent} row"
                 for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return problems


def backup(target: str, out: Path) -> str:
    """Copy the SQLite store `target` names to `out` (which must not exist) while it may be
    in use; the message to show. For PostgreSQL nothing is copied or even connected to:
    the message is the pg_dump command."""
    url = database_url(target)
    if url.get_backend_name() == "postgresql":
        plain = URL.create("postgresql", username=url.username, host=url.host,  # no password
                           port=url.port, database=url.database, query=url.query)
        shown = plain.render_as_string(hide_password=False)
        return ("PostgreSQL is backed up with pg_dump (the password from PGPASSWORD or "
                "~/.pgpass):\n  pg_dump --format=custom --file "
                f"{shlex.quote(str(out))} {shlex.quote(shown)}\n"
                f"restore with: pg_restore --dbname DATABASE_URL {shlex.quote(str(out))}")
    if not url.database or url.database == ":memory:":
        raise StoreError("an in-memory database cannot be backed up")
    if not Path(url.database).is_file():  # sqlite3 would create an empty one
        raise StoreError(f"no database at {url.database!r}")
    if out.exists():
        raise StoreError(f"{str(out)!r} exists already; name a new file")
    if not out.parent.is_dir():
        raise StoreError(f"cannot write {str(out)!r}: folder {str(out.parent)!r} does not exist")
    source = sqlite3.connect(str(url.database))
    try:
        copy = sqlite3.connect(out)
        try:
            source.backup(copy, pages=1024)  # in steps, so writers are not held up long
        finally:
            copy.close()
    except sqlite3.Error as exc:
        out.unlink(missing_ok=True)
        raise StoreError(f"cannot back up {url.database!r} to {str(out)!r}: {exc}") from exc
    finally:
        source.close()
    return f"backed up {url.database} to {out} ({out.stat().st_size:,} bytes)"
