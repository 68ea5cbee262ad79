"""The watcher's memory in the store: each source's poll state, and the items already read.

Kept in the database beside the articles they led to, so a watcher that restarts (or
runs from cron with `--once`) resumes where it was and never reads an item twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine, insert, select, update

from kizuna.store import schema
from kizuna.store.locks import lock_for_writing

if TYPE_CHECKING:
    from kizuna.store.database import Store


@dataclass(frozen=True)
class SourceState:
    """What the last rounds learnt of one polled source."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None
    last_ok: datetime | None = None
    next_poll: datetime | None = None
    failures: int = 0
    last_error: str | None = None
    articles: int = 0


def source_state(engine: Engine, url: str) -> SourceState:
    """The stored state of `url`, or a fresh one for a source never polled."""
    ws = schema.watched_sources
    with engine.connect() as conn:
        row = conn.execute(select(ws).where(ws.c.url == url)).mappings().first()
    return SourceState(**_aware(dict(row))) if row else SourceState(url=url)


def all_source_states(store: Store) -> list[SourceState]:
    """Every source the watcher has polled, by URL (part of the store's read API: what
    /metrics tells of the watcher, read without reaching for the engine)."""
    ws = schema.watched_sources
    with store.engine.connect() as conn:
        rows = conn.execute(select(ws).order_by(ws.c.url)).mappings().all()
    return [SourceState(**_aware(dict(row))) for row in rows]


def save_source_state(engine: Engine, state: SourceState) -> None:
    """Write `state` over what is stored for its URL."""
    ws = schema.watched_sources
    values = {k: getattr(state, k) for k in (c.name for c in ws.columns) if k != "url"}
    with engine.begin() as conn:
        lock_for_writing(conn)
        changed = conn.execute(update(ws).where(ws.c.url == state.url).values(**values))
        if not changed.rowcount:
            conn.execute(insert(ws).values(url=state.url, **values))


def seen_any(engine: Engine, keys: Iterable[str]) -> bool:
    """Whether any of `keys` was read before."""
    keys = list(keys)
    if not keys:
        return False
    si = schema.seen_items
    with engine.connect() as conn:
        found = conn.execute(select(si.c.key).where(si.c.key.in_(keys)).limit(1)).first()
    return found is not None


def mark_seen(engine: Engine, keys: Iterable[str], article_id: str | None) -> None:
    """Remember `keys` as read (keys already known are left as they were)."""
    si = schema.seen_items
    now = datetime.now(UTC)
    with engine.begin() as conn:
        lock_for_writing(conn)
        for key in dict.fromkeys(keys):
            if conn.execute(select(si.c.key).where(si.c.key == key)).first() is None:
                conn.execute(insert(si).values(key=key, article_id=article_id, first_seen=now))


def _aware(row: dict) -> dict:
    """SQLite gives back naive datetimes; every time here is UTC."""
    for key, value in row.items():
        if isinstance(value, datetime) and value.tzinfo is None:
            row[key] = value.replace(tzinfo=UTC)
    return row
