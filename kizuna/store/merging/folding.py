"""Folding: two merged events found to be one happening become one.

A fuller report can show that two reports, each telling too little to be matched with
the other, were one happening; folding moves every member of one merged event into the
other, so articles arriving in another order end the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from kizuna.resolve.merging import EventFacts, Judgement, bridged
from kizuna.store import schema as s
from kizuna.store.merging.candidates import holding_articles
from kizuna.store.merging.rows import AUTO, PERSON, create, insert_empty, record, refresh


def fold_what_it_bridges(conn: Connection, fact: EventFacts, merged_id: str,
                         candidates: list[EventFacts],
                         weights: dict[str, float]) -> list[Judgement]:
    """Fold into `merged_id` the other merged event the event just placed there also
    reports (`kizuna.resolve.merging.bridged`)."""
    folds: list[Judgement] = []
    for other in bridged(fact, candidates, merged_id, weights):
        folds += fold_bridged(conn, merged_id, other, (bridging(fact.id),))
    return folds


def bridging(event_id: str) -> str:
    """The reason naming the event whose report of both merged events folded them."""
    return f"event {event_id} reports both"


FOLDED = "folded from "  # a fold's first reason: "folded from OTHER into MERGED"


def fold_bridged(conn: Connection, merged_id: str, other: str,
                 reasons: tuple[str, ...]) -> list[Judgement]:
    """Fold `other` into `merged_id`, when the event just placed there also reports
    `other`: two reports that each told too little to be matched with the other are one
    happening, whatever order they came in. Not when `other` holds another event of an
    article of `merged_id`'s, nor when a person arranged either."""
    statements = _statements()
    pair = {"merged_id": merged_id, "other": other}
    if len(conn.execute(statements.alive, pair).all()) < 2:
        return []
    if arranged_by_person(conn, merged_id) or arranged_by_person(conn, other):
        return []
    if conn.execute(statements.clash, pair).first() is not None:
        return []
    return absorb(conn, merged_id, other, reasons)


@dataclass(frozen=True)
class _Statements:
    alive: Any
    clash: Any
    arranged: Any
    moved: Any
    move: Any


@cache  # built once: folding is tried for every event placed
def _statements() -> _Statements:
    me, mm, j = s.merged_events, s.merged_members, s.judgements
    merged_id: Any = bindparam("merged_id")
    other: Any = bindparam("other")
    return _Statements(
        alive=select(me.c.id).where(me.c.id.in_([merged_id, other])),
        clash=select(mm.c.event_id).where(mm.c.merged_id == other,
                                          mm.c.merged_id.in_(sharing_an_article(merged_id)))
        .limit(1),
        arranged=select(j.c.id).join(mm, mm.c.event_id == j.c.event_id)
        .where(mm.c.merged_id == merged_id, j.c.decided_by == PERSON).limit(1),
        moved=select(mm.c.event_id).where(mm.c.merged_id == other).order_by(mm.c.event_id),
        move=update(mm).where(mm.c.merged_id == other).values(merged_id=merged_id))


def absorb(conn: Connection, merged_id: str, other: str,
           reasons: tuple[str, ...]) -> list[Judgement]:
    """Move every member of `other` into `merged_id`, recording why."""
    statements, pair = _statements(), {"merged_id": merged_id, "other": other}
    moved = conn.execute(statements.moved, pair).scalars().all()
    conn.execute(statements.move, pair)
    refresh(conn, other)
    refresh(conn, merged_id)
    why = (f"{FOLDED}{other} into {merged_id}", *reasons)
    out = [Judgement(event_id, merged_id, 1.0, why) for event_id in moved]
    for judgement in out:
        record(conn, judgement, AUTO)
    return out


def sharing_an_article(merged_id: str) -> Any:
    """Merged events holding an event of an article that one of `merged_id`'s is from."""
    mm, ev = s.merged_members, s.events
    return holding_articles(select(ev.c.article_id).join(mm, mm.c.event_id == ev.c.id)
                            .where(mm.c.merged_id == merged_id))


def arranged_by_person(conn: Connection, merged_id: str) -> bool:
    """Whether a person's judgement put or kept one of the merged event's members."""
    return conn.execute(_statements().arranged, {"merged_id": merged_id}).first() is not None


def unfold(conn: Connection, event_ids: list[str]) -> list[Judgement]:
    """Undo the folds these events caused, before they are placed again (`replaying`):
    the members a fold moved, still where it put them, go back to a merged event of
    their own, as they were; placed again in its turn, the event folds what it then
    reports. Not where a person arranged the merged event since."""
    if not event_ids:
        return []
    mm, j = s.merged_members, s.judgements
    holding = select(mm.c.merged_id).where(mm.c.event_id.in_(event_ids))
    rows = conn.execute(select(mm.c.event_id, mm.c.merged_id, j.c.merged_id.label("into"),
                               j.c.decided_by, j.c.reasons)
                        .join(j, j.c.event_id == mm.c.event_id)
                        .where(mm.c.merged_id.in_(holding)).order_by(j.c.id)).all()
    last = {row.event_id: row for row in rows}  # each member's latest judgement
    causes = {bridging(event_id) for event_id in event_ids}
    moved: dict[tuple[str, str, str], list[str]] = {}  # (merged, origin, cause) -> events
    for event_id, row in last.items():
        why = json.loads(row.reasons)
        if (row.decided_by == AUTO and row.into == row.merged_id and len(why) > 1
                and why[1] in causes and why[0].startswith(FOLDED)):
            origin = why[0].removeprefix(FOLDED).split(" into ")[0]
            moved.setdefault((row.merged_id, origin, why[1]), []).append(event_id)
    out: list[Judgement] = []
    for (merged_id, origin, cause), events in sorted(moved.items()):
        if not arranged_by_person(conn, merged_id):
            out += _restore(conn, merged_id, origin, sorted(events), cause)
    return out


def _restore(conn: Connection, merged_id: str, origin: str, events: list[str],
             cause: str) -> list[Judgement]:
    """Move `events` out of `merged_id` into a merged event of their own: `origin`, the
    one they were folded from, unless its id has since been taken."""
    me, mm, ev = s.merged_events, s.merged_members, s.events
    type = conn.execute(select(ev.c.type).where(ev.c.id == events[0])).scalar_one()
    if conn.execute(select(me.c.id).where(me.c.id == origin)).first() is None:
        insert_empty(conn, origin, type)
    else:
        origin = create(conn, events[0], type)
    conn.execute(update(mm).where(mm.c.event_id.in_(events)).values(merged_id=origin))
    refresh(conn, merged_id)
    refresh(conn, origin)
    why = (f"unfolded from {merged_id} back into {origin}",
           f"{cause.replace('reports both', 'reported both')} and is placed again")
    out = [Judgement(event_id, origin, 1.0, why) for event_id in events]
    for judgement in out:
        record(conn, judgement, AUTO)
    return out
