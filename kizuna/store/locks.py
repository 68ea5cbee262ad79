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

SQLite needs nothing here: it lets one writer at a time into the whole database file.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

# The advisory lock key: "kizuna" in ASCII, one 64-bit key shared by every kizuna writer.
WRITE_LOCK = int.from_bytes(b"kizuna", "big")


def lock_for_writing(conn: Connection) -> None:
    """Wait until no other transaction writes to this database; held until this one ends.

    Call it first in the transaction. A no-op on SQLite.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
