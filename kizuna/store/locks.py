"""One writer at a time: how several processes share one PostgreSQL database safely.

Every transaction that writes — storing an article (with its merging), a person's
correction, a migration — begins with `lock_for_writing`, which on PostgreSQL takes a
transaction-level advisory lock (`pg_advisory_xact_lock`) on one fixed key. Writers
therefore run one after another; the lock is released by COMMIT or ROLLBACK, so a writer
that fails or dies never leaves it held. Readers take no lock and are never blocked.

Why one lock for the whole write, and not row locks or SERIALIZABLE:

- Merging reads the knowledge base as a whole: a new event is compared with every merged
  event of its type that shares a participant, and participant weights count merged
  events. Two transactions merging at the same moment cannot see each other's uncommitted
  merged events, so two reports of one happening stored at once would each start a merged
  event of their own, a duplicate no unique constraint can catch. Only running merges one
  at a time prevents that.
- SERIALIZABLE would detect those conflicts, but nearly every pair of concurrent merges
  reads what the other writes (the same participants, the same weights), so most would
  abort and retry: the same serial order, reached by wasted work.
- Taking the lock as the transaction's first statement, rather than just before merging,
  means a writer holds no row lock while it waits (an entity it inserted, an article it
  replaces), so writers cannot deadlock; and the lock also covers the rest of the write:
  two processes storing the same article find it in turn ("added", then "unchanged"),
  never both inserting it, and a canonical entity (unique by name and type) is looked up
  after the previous writer committed it, never inserted twice.

This relies on READ COMMITTED, which `database` sets for PostgreSQL engines: each
statement sees what was committed before it began, so everything after the lock sees the
previous writer's work. (Under REPEATABLE READ the snapshot would be taken by the locking
statement itself, before the wait, and miss it.)

The cost is small: the slow part of ingesting, extraction, runs before the transaction
and in parallel; only the database writes, milliseconds per article, take turns.

SQLite lets one writer at a time into the whole file; what it needs is that writers wait
for each other instead of failing with "database is locked":

- The file is in WAL mode (set by `database`), so readers never wait for a writer, nor a
  writer for readers.
- A write transaction begins with BEGIN IMMEDIATE (`writing`), taking the file's write
  lock before its first read. A transaction that read first and wrote later could find
  another writer had committed in between, and SQLite would refuse it at once, busy
  timeout or not; taking the lock first means the wait happens at BEGIN, where it is safe.
- BEGIN IMMEDIATE waits up to the busy timeout (`BUSY_TIMEOUT_S`) and is retried, with a
  growing pause, until `WRITE_WAIT_S` have passed; then `StoreBusy` says so. The CLI
  reports it as an error; the API answers 503 with Retry-After.

On PostgreSQL a writer waits for the advisory lock at most `write_lock_wait_s()` seconds
(10 by default, `KIZUNA_WRITE_WAIT` to change it): the wait runs under `SET LOCAL
lock_timeout`, and PostgreSQL's "lock timeout" becomes `StoreBusy` too. Without it a
writer stuck behind a long one (a migration, a hung process holding its transaction)
would hold an API worker, or a CLI, without end.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, RootTransaction, func, select
from sqlalchemy.exc import OperationalError

from kizuna.errors import StoreError

# SQLite: how long one BEGIN IMMEDIATE waits for the lock, and how long a writer keeps
# trying in all. Storing one article holds the lock for milliseconds, so another process
# ingesting articles lets a writer in well within this.
BUSY_TIMEOUT_S = 5.0
WRITE_WAIT_S = 30.0
# What a busy database answers: seconds a client should wait before trying again.
RETRY_AFTER_S = 5
# PostgreSQL: how long a writer waits for the write lock by default, and the variable
# that changes it. A writer holds it for milliseconds per article, so ten seconds of
# waiting means something holds it far longer than any ingest does.
WRITE_LOCK_WAIT_S = 10.0
WRITE_WAIT_VARIABLE = "KIZUNA_WRITE_WAIT"
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for "canceling statement due to lock timeout"


class StoreBusy(StoreError):
    """Another writer held the database for longer than a writer waits; try again later."""

# The advisory lock key: "kizuna" in ASCII, one 64-bit key shared by every kizuna writer.
WRITE_LOCK = int.from_bytes(b"kizuna", "big")


def lock_for_writing(conn: Connection) -> None:
    """Wait until no other transaction writes to this database; held until this one ends.

    Call it first in the transaction. A no-op on SQLite.
    """
    if conn.dialect.name != "postgresql":
        return
    wait = write_lock_wait_s()
    # a bounded wait for this lock only: the transaction's own later waits keep the
    # server's setting, which this restores once the lock is held
    previous = conn.execute(select(func.current_setting("lock_timeout"))).scalar_one()
    conn.execute(select(func.set_config("lock_timeout", f"{round(wait * 1000)}ms", True)))
    try:
        conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) != LOCK_NOT_AVAILABLE:
            raise
        raise StoreBusy(f"the database is busy: another writer has held it for more than "
                        f"{wait:g} s; try again in a few seconds (set {WRITE_WAIT_VARIABLE} "
                        f"to wait longer)") from exc
    conn.execute(select(func.set_config("lock_timeout", previous, True)))


def write_lock_wait_s() -> float:
    """Seconds a PostgreSQL writer waits for the write lock: $KIZUNA_WRITE_WAIT, else
    `WRITE_LOCK_WAIT_S`. Read at each write, so a long-running server can be told."""
    raw = os.environ.get(WRITE_WAIT_VARIABLE, "").strip()
    if not raw:
        return WRITE_LOCK_WAIT_S
    try:
        wait = float(raw)
    except ValueError:
        wait = 0.0
    if not 0 < wait <= 86_400:
        raise StoreError(f"{WRITE_WAIT_VARIABLE} must be a number of seconds above 0 "
                        f"(at most a day), not {raw!r}")
    return wait


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises.

    SQLite: BEGIN IMMEDIATE, retried while another writer holds the file (`StoreBusy`
    after `WRITE_WAIT_S`). PostgreSQL: the advisory write lock, as `lock_for_writing`.
    """
    conn, transaction = _begin_writing(engine)
    with conn, transaction:
        lock_for_writing(conn)
        yield conn


def _begin_writing(engine: Engine) -> tuple[Connection, RootTransaction]:
    deadline = time.monotonic() + WRITE_WAIT_S
    pause = 0.05
    while True:
        conn = engine.connect().execution_options(kizuna_write=True)
        try:
            return conn, conn.begin()
        except OperationalError as exc:
            conn.close()
            if not is_busy(exc):
                raise
            if time.monotonic() + pause >= deadline:
                raise StoreBusy(f"the database is busy: another writer held it for more "
                                f"than {WRITE_WAIT_S:g} s; try again") from exc
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def is_busy(exc: BaseException) -> bool:
    """Whether a driver error says another connection holds the lock (SQLite)."""
    message = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in message or "database is busy" in message


def begin_statement(conn: Connection) -> str:
    """SQLite's BEGIN for this connection: IMMEDIATE inside `writing`, deferred for reads."""
    return "BEGIN IMMEDIATE" if conn.get_execution_options().get("kizuna_write") else "BEGIN"
