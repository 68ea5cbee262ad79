"""The rows of merged events: created, joined, recomputed from their members, judged.

A merged event's columns are recomputed from its members whenever they change, and a
merged event left without members is deleted. Every placement is recorded in
`judgements` with its score and reasons.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Date, bindparam, delete, insert, select, update

from kizuna.resolve.merging import Judgement
from kizuna.store import schema as s
from kizuna.store.ids import merged_id_for
from kizuna.store.members import Member, members_in, publication_key, summarise

AUTO, PERSON = "auto", "person"  # who decided: merging itself, or a person's correction


def create(conn: Connection, event_id: str, type: str) -> str:
    """A new, empty merged event named after `event_id`; its id."""
    attempt = 0
    while conn.execute(_statements().find, {"merged_id": merged_id_for(event_id, attempt)}
                       ).first() is not None:
        attempt += 1
    merged_id = merged_id_for(event_id, attempt)
    insert_empty(conn, merged_id, type)
    return merged_id


def attach(conn: Connection, event_id: str, merged_id: str) -> None:
    conn.execute(_statements().join, {"event_id": event_id, "merged_id": merged_id})
    refresh(conn, merged_id)


def refresh(conn: Connection, merged_id: str) -> None:
    """Recompute a merged event's columns and participants from its members; delete it
    if it has none."""
    statements = _statements()
    conn.execute(statements.forget_participants, {"merged_id": merged_id})
    members = members_in(conn, merged_id, parties=False)
    if not members:
        conn.execute(statements.delete, {"merged_id": merged_id})
        return
    columns = merged_columns(merged_id, members)
    conn.execute(statements.update, {"merged_id": merged_id, **columns})
    conn.execute(statements.add_participants,
                 {"merged_id": merged_id, "published": columns["last_published"]})


@dataclass(frozen=True)
class _Statements:
    find: Any
    begin: Any
    join: Any
    judge: Any
    forget_participants: Any
    delete: Any
    update: Any
    add_participants: Any


@cache  # built once: these run for every event placed and every change it makes
def _statements() -> _Statements:
    me, mp, mm, p = (s.merged_events, s.merged_participants, s.merged_members,
                     s.event_participants)
    merged_id: Any = bindparam("merged_id")
    # inserts and the update take their values as parameters named after the columns
    return _Statements(
        find=select(me.c.id).where(me.c.id == merged_id),
        begin=insert(me), join=insert(mm), judge=insert(s.judgements),
        forget_participants=delete(mp).where(mp.c.merged_id == merged_id),
        delete=delete(me).where(me.c.id == merged_id),
        update=update(me).where(me.c.id == merged_id),
        add_participants=insert(mp).from_select(
            ["merged_id", "entity_id", "last_published"],
            select(mm.c.merged_id, p.c.entity_id, bindparam("published", type_=Date()))
            .distinct().join(p, p.c.event_id == mm.c.event_id)
            .where(mm.c.merged_id == merged_id)))


def record(conn: Connection, judgement: Judgement, decided_by: str) -> None:
    conn.execute(_statements().judge, {
        "event_id": judgement.event_id, "merged_id": judgement.merged_id,
        "decided_by": decided_by, "score": judgement.score,
        "reasons": json.dumps(list(judgement.reasons), ensure_ascii=False),
        "created_at": datetime.now(UTC)})


def ensure(conn: Connection, merged_id: str, type: str) -> None:
    """The merged event a person named exists (recreated under its id if it was emptied)."""
    if conn.execute(_statements().find, {"merged_id": merged_id}).first() is None:
        insert_empty(conn, merged_id, type)


def insert_empty(conn: Connection, merged_id: str, type: str) -> None:
    conn.execute(_statements().begin, {"id": merged_id, "type": type, "status": "happened",
                                       "updated_at": datetime.now(UTC)})


def merged_columns(merged_id: str, members: list[Member]) -> dict[str, Any]:
    """The stored summary of a merged event: what filters and candidates read."""
    type = merged_type(members)
    event = summarise(merged_id, type, members)
    located = [m for m in members if m.location_id is not None]
    location_id = max(located, key=publication_key).location_id if located else None
    published = [m.published for m in members if m.published is not None]
    return {
        "type": type, "status": event.status,
        "date_start": event.date.start if event.date else None,
        "date_end": event.date.end if event.date else None,
        "date_granularity": event.date.granularity if event.date else None,
        "location_entity_id": location_id, "object": event.object,
        "amount_value": event.amount[0] if event.amount else None,
        "amount_currency": event.amount[1] if event.amount else None,
        "last_published": max(published) if published else None,
        "updated_at": datetime.now(UTC),
    }


def merged_type(members: list[Member]) -> str:
    """The type most members have (related types may merge, and one clause read two
    ways gives two); between equally many, the type of the first report, by
    publication and then position in the article (a clause's first reading)."""
    counts: dict[str, int] = {}
    for member in sorted(members, key=publication_key):
        counts[member.type] = counts.get(member.type, 0) + 1
    return max(counts, key=lambda type: counts[type])  # max keeps the first of equals
