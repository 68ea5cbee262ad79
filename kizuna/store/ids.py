"""Ids people type: a whole id or a unique prefix of it, for events and merged events.

One lookup for every reader and every correction (the read side finds an article-level
event by prefix, a correction names a merged event by prefix).
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, select

from kizuna.store import schema as s

PREFIX = "ev-"  # every merged event id starts so


def merged_id_for(event_id: str, attempt: int = 0) -> str:
    """"ev-" + a hash of the event that begins the merged event (and a retry count)."""
    key = event_id if attempt == 0 else f"{event_id}\x1f{attempt}"
    return PREFIX + hashlib.sha256(key.encode()).hexdigest()[:16]


def resolve_event_id(conn: Connection, key: str) -> str | None:
    """An article-level event id from itself or a unique prefix."""
    return resolve_prefix(conn, s.events.c.id, key)


def resolve_merged_id(conn: Connection, key: str) -> str | None:
    """A merged event id from itself or a unique prefix ("ev-" may be left out)."""
    if key and not key.startswith(PREFIX):
        key = PREFIX + key
    return resolve_prefix(conn, s.merged_events.c.id, key)


def resolve_prefix(conn: Connection, column: Any, key: str) -> str | None:
    """The value of `column` equal to `key`, or the only one starting with it."""
    if not key:
        return None
    if conn.execute(select(column).where(column == key)).first():
        return key
    found = conn.execute(select(column).where(column.startswith(key, autoescape=True))
                         .limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None
