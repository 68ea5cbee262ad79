"""A person's corrections: an event moved into another merged event, or split out.

Recorded as a person's judgement, which wins when the article is ingested again
(`placing.person_target`) and which folding and placing again (`replaying`) never undo.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, select

from kizuna.errors import KizunaError
from kizuna.resolve.merging import Judgement, compatible
from kizuna.store import schema as s
from kizuna.store.ids import resolve_event_id, resolve_merged_id
from kizuna.store.members import Member, load_members
from kizuna.store.merging.rows import PERSON, attach, create, record, refresh

SPLIT_FROM = "split by a person from "  # a split's reason, naming the merged event left


def split_from(conn: Connection) -> set[str]:
    """Merged events a person took an event out of: what stayed there is as the person
    left it (`replaying` does not place it again)."""
    j = s.judgements
    rows = conn.execute(select(j.c.reasons).where(
        j.c.decided_by == PERSON, j.c.reasons.like(f'%"{SPLIT_FROM}%'))).scalars()
    return {why.removeprefix(SPLIT_FROM) for reasons in rows for why in json.loads(reasons)
            if why.startswith(SPLIT_FROM)}


class MergeError(KizunaError):
    """A correction that cannot be made: an unknown id, or types that differ."""


def move(conn: Connection, event_id: str, merged_id: str) -> Judgement:
    """Put an article-level event into an existing merged event, as a person decided."""
    member = _member(conn, event_id)
    key = resolve_merged_id(conn, merged_id.strip())
    if key is None:
        raise MergeError(f"no merged event with id {merged_id!r}")
    merged_id = key
    stored_type = conn.execute(select(s.merged_events.c.type)
                               .where(s.merged_events.c.id == merged_id)).scalar()
    if stored_type not in compatible(member.type):
        raise MergeError(f"event {event_id} is {member.type}, merged event {merged_id} is "
                         f"{stored_type}: only events of one type merge (or of related "
                         "types)")
    reasons = (f"merged by a person (was in {member.merged_id})",)
    return _relocate(conn, member, merged_id, reasons)


def split(conn: Connection, event_id: str) -> Judgement:
    """Take an article-level event out of its merged event into a new one of its own."""
    member = _member(conn, event_id)
    if member.merged_id is not None and _alone(conn, member):
        return _relocate(conn, member, member.merged_id, ("kept on its own by a person",))
    merged_id = create(conn, member.event_id, member.type)
    reasons = (f"{SPLIT_FROM}{member.merged_id}",)
    return _relocate(conn, member, merged_id, reasons)


def _alone(conn: Connection, member: Member) -> bool:
    mm = s.merged_members
    others = select(mm.c.event_id).where(mm.c.merged_id == member.merged_id,
                                         mm.c.event_id != member.event_id).limit(1)
    return conn.execute(others).first() is None


def _relocate(conn: Connection, member: Member, merged_id: str,
              reasons: tuple[str, ...]) -> Judgement:
    if member.merged_id != merged_id:
        conn.execute(delete(s.merged_members)
                     .where(s.merged_members.c.event_id == member.event_id))
        if member.merged_id is not None:
            refresh(conn, member.merged_id)
        attach(conn, member.event_id, merged_id)
    judgement = Judgement(member.event_id, merged_id, 1.0, reasons)
    record(conn, judgement, PERSON)
    return judgement


def _member(conn: Connection, event_id: str) -> Member:
    key = resolve_event_id(conn, event_id.strip())
    found = load_members(conn, s.events.c.id == key) if key else []
    if not found:
        raise MergeError(f"no article event with id {event_id!r}")
    return found[0]
