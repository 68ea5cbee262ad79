"""Folding: two merged events found to be one happening become one.

A fuller report can show that two reports, each telling too little to be matched with
the other, were one happening; folding moves every member of one merged event into the
other, so articles arriving in another order end the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from kizuna.resolve.merging import EventFacts, Judgement, bridged
from kizuna.store import schema as s
from kizuna.store.merging.candidates import holding_articles
from kizuna.store.merging.rows import AUTO, PERSON, record, refresh


def fold_what_it_bridges(conn: Connection, fact: EventFacts, merged_id: str,
                         candidates: list[EventFacts],
                         weights: dict[str, float]) -> list[Judgement]:
    """Fold into `merged_id` the other merged event the event just placed there also
    reports (`kizuna.resolve.merging.bridged`)."""
    folds: list[Judgement] = []
    for other in bridged(fact, candidates, merged_id, weights):
        folds += fold_bridged(conn, merged_id, other, (f"event {fact.id} reports both",))
    return folds


def fold_bridged(conn: Connection, merged_id: str, other: str,
                 reasons: tuple[str, ...]) -> list[Judgement]:
    """Fold `other` into `merged_id`, when the event just placed there also reports
    `other`: two reports that each told too little to be matched with the other are one
    happening, whatever order they came in. Not when `other` holds another event of an
    article of `merged_id`'s, nor when a person arranged either."""
    me, mm = s.merged_events, s.merged_members
    alive = conn.execute(select(me.c.id).where(me.c.id.in_([merged_id, other]))).all()
    if len(alive) < 2:
        return []
    if arranged_by_person(conn, merged_id) or arranged_by_person(conn, other):
        return []
    clash = select(mm.c.event_id).where(mm.c.merged_id == other,
                                        mm.c.merged_id.in_(sharing_an_article(merged_id)))
    if conn.execute(clash.limit(1)).first() is not None:
        return []
    return absorb(conn, merged_id, other, reasons)


def absorb(conn: Connection, merged_id: str, other: str,
           reasons: tuple[str, ...]) -> list[Judgement]:
    """Move every member of `other` into `merged_id`, recording why."""
    mm = s.merged_members
    moved = conn.execute(select(mm.c.event_id).where(mm.c.merged_id == other)
                         .order_by(mm.c.event_id)).scalars().all()
    conn.execute(update(mm).where(mm.c.merged_id == other).values(merged_id=merged_id))
    refresh(conn, other)
    refresh(conn, merged_id)
    why = (f"folded from {other} into {merged_id}", *reasons)
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
    mm, j = s.merged_members, s.judgements
    return conn.execute(select(j.c.id).join(mm, mm.c.event_id == j.c.event_id).where(
        mm.c.merged_id == merged_id, j.c.decided_by == PERSON).limit(1)).first() is not None
