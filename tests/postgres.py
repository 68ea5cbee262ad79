"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, started on a
free loopback port, stopped and deleted afterwards.

PostgreSQL will not run as root, and CI runs as root: then the server runs as the
unprivileged `postgres` user (which Debian's `postgresql` package creates), through
`runuser`, in a folder that user owns. The binaries are found on PATH (`pg_ctl`,
`initdb`), else in Debian's /usr/lib/postgresql/<version>/bin, or where
KIZUNA_PG_BINDIR says. The server is tuned for throwaway data (no fsync) and trusts
every local connection; it holds nothing but test databases.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import psycopg

BINDIR_VARIABLE = "KIZUNA_PG_BINDIR"
SERVER_USER = "postgres"
SETTINGS = {
    "listen_addresses": "127.0.0.1", "fsync": "off", "synchronous_commit": "off",
    "full_page_writes": "off", "max_connections": "200",
}


class ServerError(RuntimeError):
    """The server could not be set up or started; the message says why."""


def find_bindir() -> Path:
    """The folder holding `initdb` and `pg_ctl` of one PostgreSQL version."""
    if os.environ.get(BINDIR_VARIABLE):
        candidates = [Path(os.environ[BINDIR_VARIABLE])]
    else:
        on_path = [shutil.which(name) for name in ("pg_ctl", "initdb")]
        candidates = [Path(os.path.realpath(p)).parent for p in on_path if p]
        debian = Path("/usr/lib/postgresql").glob("*/bin")
        candidates += sorted(debian, key=lambda p: _version(p.parent.name), reverse=True)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise ServerError("no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in "
                      "/usr/lib/postgresql/*/bin: install the Debian package `postgresql` "
                      f"(or set {BINDIR_VARIABLE}; KIZUNA_SKIP_POSTGRES=1 skips these tests)")


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


class PostgresServer:
    """One running server; each test gets a database of its own.

    `create_database` makes a new one. `checkout` hands out a copy of a template and
    `checkin` takes it back: copying a database costs a tenth of a second or more (far
    more than most tests), so a returned copy whose schema is still the template's is
    emptied (rows deleted, sequences reset) and handed out again; any other is dropped.
    """

    def __init__(self, bindir: Path, folder: Path, port: int):
        self.bindir, self.folder, self.port = bindir, folder, port
        self._admin: psycopg.Connection | None = None
        self._count = 0
        self._ready: dict[str, list[str]] = {}  # template -> emptied copies
        self._shapes: dict[str, str | None] = {}  # template -> its schema, None: not reusable

    @classmethod
    def start(cls, attempts: int = 3) -> PostgresServer:
        """initdb and start a server in a new temporary folder; ServerError if it cannot."""
        bindir = find_bindir()
        folder = Path(tempfile.mkdtemp(prefix="kizuna-pg-"))
        try:
            _hand_over(folder)
            _initdb(bindir, folder)
            for attempt in range(attempts):  # a free port can be taken before we bind it
                server = cls(bindir, folder, _free_port())
                try:
                    server._pg_ctl("start", "-w", "-t", "60", "-l", str(folder / "server.log"),
                                   "-o", server._options())
                    return server
                except ServerError:
                    if attempt == attempts - 1:
                        raise
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        raise AssertionError("unreachable")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, template: str | None = None) -> str:
        """A new database (a copy of `template`, else empty); its name."""
        self._count += 1
        name = f"kizuna_test_{self._count}"
        copy = f" TEMPLATE {template}" if template else ""
        # FILE_COPY copies a small database faster than the default (WAL_LOG) does.
        self.admin().execute(f"CREATE DATABASE {name}{copy} STRATEGY FILE_COPY")
        return name

    def drop_database(self, name: str) -> None:
        """Drop it, closing whatever connections a test left open to it."""
        self.admin().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def checkout(self, template: str) -> str:
        """A database just like `template` (no connection may be open to it): its name."""
        if self._ready.get(template):
            return self._ready[template].pop()
        name = self.create_database(template)
        if template not in self._shapes:
            with self._connect(name) as conn:
                empty = not any(rows for table, rows in _row_counts(conn)
                                if table != MIGRATIONS_TABLE)
                self._shapes[template] = _shape(conn) if empty else None
        return name

    def checkin(self, name: str, template: str) -> None:
        """Take back a database from `checkout`: kept for the next test if the schema is
        still the template's, dropped otherwise."""
        expected = self._shapes.get(template)
        if expected is not None:
            self.admin().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE datname = %s", (name,))
            with self._connect(name) as conn:
                if _shape(conn) == expected:
                    _empty(conn)
                    conn.commit()
                    self._ready.setdefault(template, []).append(name)
                    return
        self.drop_database(name)

    def admin(self) -> psycopg.Connection:
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(host="127.0.0.1", port=self.port, user=SERVER_USER,
                                          dbname="postgres", autocommit=True)
        return self._admin

    def stop(self) -> None:
        """Stop the server and delete its folder."""
        if self._admin is not None:
            self._admin.close()
        try:
            with contextlib.suppress(ServerError):
                self._pg_ctl("stop", "-w", "-m", "immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _connect(self, database: str) -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user=SERVER_USER,
                               dbname=database)

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _options(self) -> str:
        settings = {**SETTINGS, "port": str(self.port),
                    "unix_socket_directories": str(self.folder)}
        return " ".join(f"-c {key}={value}" for key, value in settings.items())

    def _pg_ctl(self, *args: str) -> None:
        _run([str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), *args],
             self.folder, log=self.log)


MIGRATIONS_TABLE = "kizuna_migrations"  # rows that belong to the schema: kept


def _shape(conn: psycopg.Connection) -> str:
    """The public schema, as text: relations with their columns, constraints, extensions,
    functions, and the migrations recorded."""
    parts = conn.execute("""
        SELECT c.relkind::text || ' ' || c.relname || ' ' || coalesce(string_agg(
                   a.attname || ':' || format_type(a.atttypid, a.atttypmod), ','
                   ORDER BY a.attnum), '')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                                AND NOT a.attisdropped
        WHERE n.nspname = 'public' GROUP BY c.relkind, c.relname
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension
        UNION ALL
        SELECT 'function ' || oid::regprocedure::text FROM pg_proc
        WHERE pronamespace = 'public'::regnamespace
        ORDER BY 1""").fetchall()
    if conn.execute("SELECT to_regclass(%s)", (MIGRATIONS_TABLE,)).fetchone()[0]:
        parts += conn.execute(f"SELECT 'migration ' || name FROM {MIGRATIONS_TABLE} "
                              "ORDER BY name").fetchall()
    return "\n".join(part for (part,) in parts)


def _tables(conn: psycopg.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'")]


def _row_counts(conn: psycopg.Connection) -> list[tuple[str, int]]:
    return [(table, conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in _tables(conn)]


def _empty(conn: psycopg.Connection) -> None:
    """Delete every row but the migrations' and restart every sequence, in the caller's
    transaction; foreign keys are not checked meanwhile (every referencing row goes too)."""
    conn.execute("SET LOCAL session_replication_role = replica")
    for table in _tables(conn):
        if table != MIGRATIONS_TABLE:
            conn.execute(f"DELETE FROM {table}")
    conn.execute("SELECT setval(c.oid, 1, false) FROM pg_class c "
                 "WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace")


def _initdb(bindir: Path, folder: Path) -> None:
    base = [str(bindir / "initdb"), "-D", str(folder / "data"), "-U", SERVER_USER,
            "--auth=trust", "--encoding=UTF8", "--no-sync"]
    try:  # C.UTF-8: pg_trgm then counts Japanese characters as parts of words
        _run([*base, "--locale=C.UTF-8"], folder)
    except ServerError:
        shutil.rmtree(folder / "data", ignore_errors=True)
        _run([*base, "--locale=C"], folder)


def _hand_over(folder: Path) -> None:
    """As root, give the folder to the unprivileged user the server will run as."""
    if os.geteuid() != 0:
        return
    try:
        user = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise ServerError(f"running as root, PostgreSQL needs an unprivileged user to run "
                          f"as, and there is no {SERVER_USER!r} user") from None
    os.chown(folder, user.pw_uid, user.pw_gid)


def _run(command: list[str], folder: Path, log: Callable[[], str] | None = None) -> None:
    if os.geteuid() == 0:
        command = ["runuser", "-u", SERVER_USER, "--", *command]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    if done.returncode != 0:
        detail = (done.stdout + done.stderr).strip()
        server_log = log() if log else ""
        raise ServerError(f"{' '.join(command)} failed ({done.returncode}):\n{detail}"
                          + (f"\nserver log:\n{server_log[-4000:]}" if server_log else ""))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
