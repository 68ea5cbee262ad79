"""Opening a store: a database URL or a plain file path in, a migrated `Store` out.

The URL picks the database: SQLite by default (a plain path is an SQLite file), or
PostgreSQL (`postgresql://user@host/db`, driven by psycopg 3). Everything that differs
between them is behind a check on `engine.dialect.name`. Several processes may write to
one PostgreSQL database at once: see `locks` for how they take turns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from kizuna.errors import StoreError
from kizuna.model import Document
from kizuna.resolve.gazetteer import country_names
from kizuna.resolve.merging import Judgement
from kizuna.store import migrations, writer
from kizuna.store.locks import BUSY_TIMEOUT_S, StoreBusy, begin_statement, is_busy, writing
from kizuna.store.merging import corrections
from kizuna.store.merging.candidates import FactsCache

# What any read raises when the database does not answer (or answers an error): the
# web's /health catches it by this name, so that nothing outside the store names
# SQLAlchemy.
DatabaseError = SQLAlchemyError


class Store:
    """One database holding articles, their documents and the canonical entities.

    Open with `Store.open(target)`: a path or an `sqlite:///…` URL, or a
    `postgresql://…` (`postgresql+psycopg://…`) one.
    """

    def __init__(self, engine: Engine, countries: Mapping[str, str] | None = None):
        self.engine = engine
        self._countries = countries
        self._facts = FactsCache()  # what merging read, for the next document

    @classmethod
    def open(cls, target: str, migrate: bool = True,
             countries: Mapping[str, str] | None = None) -> Store:
        """Open (creating and migrating if need be) the database `target` names.

        `migrate=False` opens it as it is, for looking at (`kizuna check`): an SQLite file
        must then exist already. `countries` (ISO code -> canonical name) is what merging
        takes a participant's country code for; by default, the resolver's gazetteer's.
        """
        url = database_url(target)
        if not migrate and url.get_backend_name() == "sqlite" and url.database and \
                not Path(url.database).is_file():
            raise StoreError(f"no database at {url.database!r}")
        engine = _engine(url)
        try:
            if migrate:
                migrations.migrate(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot open database {describe(url)}: {_reason(exc)}") from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, countries)

    @property
    def countries(self) -> Mapping[str, str]:
        """ISO code -> country name, as the resolver gives them (read when first needed:
        a store opened only to read never loads the gazetteer)."""
        if self._countries is None:
            self._countries = country_names()
        return self._countries

    @property
    def fulltext(self) -> bool:
        """Whether the FTS5 index exists (SQLite). PostgreSQL searches with ILIKE on
        trigram indexes instead (see `migrations.postgres_trigram_search`)."""
        return self.engine.dialect.name == "sqlite"

    def save_document(self, doc: Document) -> str:
        """Write one document: "added", "unchanged" or "updated"."""
        return writer.save_document(self.engine, doc, self.countries, self._facts)

    def merge_event(self, event_id: str, merged_id: str) -> Judgement:
        """A person's correction: the article event joins the merged event (ids or prefixes).

        Recorded as a person's judgement, which wins when the article is ingested again.
        Raises `corrections.MergeError` for an unknown id or a merged event of another type.
        """
        return self._correct(lambda conn: corrections.move(conn, event_id, merged_id))

    def unmerge_event(self, event_id: str) -> Judgement:
        """A person's correction: the article event becomes a merged event of its own."""
        return self._correct(lambda conn: corrections.split(conn, event_id))

    def _correct(self, action: Callable[[Connection], Judgement]) -> Judgement:
        try:
            with writing(self.engine) as conn:
                return action(conn)
        except SQLAlchemyError as exc:
            if is_busy(exc):
                raise StoreBusy(f"the database is busy: {_reason(exc)}; try again") from exc
            raise StoreError(f"cannot record the correction: {_reason(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({describe(self.engine.url)})"


def database_url(target: str) -> URL:
    """An SQLAlchemy URL as given, or an SQLite URL for a plain file path."""
    if "://" in target:
        try:
            return make_url(target)
        except (ArgumentError, ValueError) as exc:  # ValueError: a port that is no number
            raise StoreError(f"{target!r} is not a database URL: {exc}") from exc
    if target == ":memory:":
        return URL.create("sqlite")
    return URL.create("sqlite", database=str(_checked_path(Path(target))))


def describe(url: URL) -> str:
    """The URL for messages, without its password."""
    return url.render_as_string(hide_password=True)


def _checked_path(path: Path) -> Path:
    # SQLite's own message for these is "unable to open database file", which names
    # neither the file nor the problem.
    if path.is_dir():
        raise StoreError(f"cannot open database {str(path)!r}: it is a folder")
    if not path.parent.is_dir():
        raise StoreError(f"cannot open database {str(path)!r}: "
                         f"folder {str(path.parent)!r} does not exist")
    return path.resolve()


def _engine(url: URL) -> Engine:
    try:
        engine = create_engine(url, **_engine_options(url))
    except ArgumentError as exc:
        raise StoreError(f"cannot use database {describe(url)}: {exc}") from exc
    except ImportError as exc:
        raise StoreError(f"cannot use database {describe(url)}: "
                         f"its driver is not installed ({exc.name})") from exc
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    return engine


def _engine_options(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        # One shared connection, or each new connection would see an empty database.
        return {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    if url.get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": BUSY_TIMEOUT_S}}  # SQLite's busy timeout
    if url.get_backend_name() == "postgresql":
        # Whatever the server's default: writers rely on it (see `locks`).
        return {"isolation_level": "READ COMMITTED"}
    return {}


def _sqlite_setup(engine: Engine) -> None:
    """Real transactions on SQLite, DDL included, enforced foreign keys, and WAL.

    Python's sqlite3 driver opens transactions itself and only before DML, so a
    migration's CREATE statements would each commit on their own; SQLAlchemy's
    documented recipe hands BEGIN back to us, and writers begin IMMEDIATE (`locks`).
    WAL lets readers (the web pages) read while a writer writes; the mode is stored in
    the file, so setting it again is a no-op.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            _wal(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_statement(conn))


def _wal(dbapi_connection: Any) -> None:
    import sqlite3

    # Busy: another connection is switching it, or it is in use in the old mode; the
    # file keeps working either way and the next connection tries again.
    with suppress(sqlite3.OperationalError):
        dbapi_connection.execute("PRAGMA journal_mode = WAL")


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own message, on one line, without SQLAlchemy's SQL dump and link."""
    return writer.reason(exc)
