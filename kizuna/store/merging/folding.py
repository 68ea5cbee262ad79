"""Folding: two merged events found to be one happening become one.

A fuller report can show that two reports, each telling too little to be matched with
the other, were one happening; folding moves every member of one merged event into the
other, so articles arriving in another order end the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from kizuna.resolve.merging import (
    MIN_SCORE,
    EventFacts,
    Judgement,
    bridged,
    contradicts,
    score,
    with_countries,
)
from kizuna.store import schema as s
from kizuna.store.members import members_of
from kizuna.store.merging.candidates import (
    Countries,
    event_facts,
    holding_articles,
    participant_weights,
)
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


FOLD_ROUNDS = 8  # folds of one merged event per article, at most: each needs a new match


def fold_matching(conn: Connection, merged_id: str, others: list[str],
                  countries: Countries) -> list[Judgement]:
    """Fold into `merged_id` those of `others` that match it as wholes; `others` are
    the merged events an event just placed in it also reports (`bridged`, every one).

    `fold_what_it_bridges` folds a report's single best other match only, so that one
    loose report cannot chain many happenings of a large store; the other merged
    events it reports stay apart, and which ones depends on the order reports came in.
    Each of them is folded too when the two merged events themselves match, compared
    whole (`merged_facts`: everyone any member names, the merged date, status and
    amount) by `score` at `MIN_SCORE`, and no member of one contradicts a member of
    the other (`contradicts`: a whole's date is one member's, which may be misread):
    the best first, then the rest compared with what it became.
    """
    folds: list[Judgement] = []
    for _ in range(FOLD_ROUNDS):
        if not others:
            break
        ids = [merged_id, *others]
        facts = merged_facts(conn, ids, countries)
        mine = facts.get(merged_id)
        if mine is None:
            break
        names = {n for f in facts.values() for n in f.participants}
        weights = participant_weights(conn, names)
        scored = []
        for other in ids[1:]:
            found = score(mine, facts[other], weights) if other in facts else None
            if found is not None and found[0] >= MIN_SCORE:
                scored.append((-found[0], other, found[1]))
        folded: list[Judgement] = []
        for negative, other, reasons in sorted(scored):
            if _members_contradict(conn, merged_id, other, countries):
                continue
            folded = fold_bridged(conn, merged_id, other, (
                f"the merged events match as wholes ({-negative:.2f})", *reasons))
            if folded:
                others = [o for o in others if o != other]
                break
        if not folded:
            break
        folds += folded
    return folds


def _members_contradict(conn: Connection, merged_id: str, other: str,
                        countries: Countries) -> bool:
    """Whether a member of one merged event cannot be one happening with a member of
    the other (`contradicts`): a whole's date is one member's, which may be misread."""
    grouped = members_of(conn, [merged_id, other])
    mine = [event_facts(m, countries) for m in grouped[merged_id]]
    theirs = [event_facts(m, countries) for m in grouped[other]]
    return any(contradicts(a, b) for a in mine for b in theirs)


def merged_facts(conn: Connection, merged_ids: list[str],
                 countries: Countries) -> dict[str, EventFacts]:
    """What `score` looks at in merged events as wholes: everyone any member names (an
    actor anywhere is an actor), the merged event's date, status and amount, its last
    report's day. Its date counts as stated (`date_sure`): two merged events fold only
    when their dates agree, or one has none."""
    me, mm, p, e = s.merged_events, s.merged_members, s.event_participants, s.entities
    rows = conn.execute(select(me).where(me.c.id.in_(merged_ids))).all()
    parties: dict[str, list[tuple[str, str, tuple[str, str, str | None]]]] = {}
    for merged, role, name, type, country in conn.execute(
            select(mm.c.merged_id, p.c.role, e.c.name, e.c.type, e.c.country)
            .join(p, p.c.event_id == mm.c.event_id).join(e, e.c.id == p.c.entity_id)
            .where(mm.c.merged_id.in_(merged_ids))):
        parties.setdefault(merged, []).append((role, name, (name, type, country)))
    out = {}
    for row in rows:
        found = parties.get(row.id, [])
        amount = None if row.amount_value is None else (row.amount_value,
                                                         row.amount_currency or "")
        out[row.id] = EventFacts(
            id=row.id, type=row.type,
            participants=with_countries([p for _, _, p in found], countries),
            actors=with_countries([p for role, _, p in found if role == "actor"], countries),
            start=row.date_start, end=row.date_end, granularity=row.date_granularity,
            amount=amount, published=row.last_published, status=row.status)
    return out
