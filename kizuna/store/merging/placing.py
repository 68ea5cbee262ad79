"""On ingest: each article-level event joins the merged event it reports, or starts one.

Runs inside the writer's per-article transaction, for the events of a newly written
article:

1. a person's judgement for an event (same article id and local id) wins, when its
   merged event has the event's type (the merged event is recreated if it is gone);
2. the others are placed together by `kizuna.resolve.merging.assign`, which compares
   each with every member of the merged events of its type (or a related one) that
   share a participant name (the best-matching member speaks for its merged event),
   weighting each name by how rare it is: `1 / (1 + ln n)`, n the number of merged
   events it takes part in; events of the article that are one happening are
   combined into one merged event (`combining`);
3. when an event also matches other merged events than the one it joined (by the test
   joining takes), the best of them is folded into it (`folding`).

Every automatic decision is recorded in `judgements` with its score and reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection, delete, select

from kizuna.resolve.merging import EventFacts, Judgement, assign, compatible, one_reading
from kizuna.store import schema as s
from kizuna.store.members import Member, load_members
from kizuna.store.merging.candidates import (
    Countries,
    FactsCache,
    candidate_facts,
    event_facts,
    participant_weights,
)
from kizuna.store.merging.combining import (
    SAME_START,
    clause,
    happenings,
    readings_together,
    same_clause_together,
)
from kizuna.store.merging.folding import fold_what_it_bridges
from kizuna.store.merging.replaying import in_publication_order, matched
from kizuna.store.merging.rows import AUTO, PERSON, attach, create, ensure, record, refresh


def merge_article(conn: Connection, article_id: str, countries: Countries,
                  cache: FactsCache | None = None) -> list[Judgement]:
    """Place every event of the article not yet in a merged event, and again the later
    reports it bears on (`replaying`: the result is the one publication order gives);
    the judgements made.

    Events a person placed go where they said first; the others are placed together by
    `kizuna.resolve.merging.assign`, so each merged event takes at most one of them.
    """
    def prepare(article: str) -> Pending:
        return pending(conn, article, countries, cache)

    def place(ready: Pending, why: str | None) -> list[Judgement]:
        return place_pending(conn, ready, why)

    return in_publication_order(conn, article_id, prepare,
                                lambda ready: matched(ready.facts, ready.candidates,
                                                      ready.weights), place)


@dataclass(frozen=True)
class Pending:
    """An article's events waiting to be placed, with what they are compared with."""

    members: list[Member]
    facts: list[EventFacts]
    candidates: dict[str, list[EventFacts]]
    weights: dict[str, float]


def pending(conn: Connection, article_id: str, countries: Countries,
            cache: FactsCache | None) -> Pending:
    """The article's events in no merged event, those a person placed put back first."""
    waiting = []
    for member in load_members(conn, s.events.c.article_id == article_id):
        if member.merged_id is not None:
            continue
        pinned = person_target(conn, member)
        if pinned is None:
            waiting.append(member)
        else:
            ensure(conn, pinned, member.type)
            attach(conn, member.event_id, pinned)
    facts = [event_facts(m, countries) for m in waiting]
    candidates = {m.event_id: candidate_facts(conn, m, countries, cache) for m in waiting}
    names = {n for f in facts for n in f.participants}
    names |= {n for found in candidates.values() for c in found for n in c.participants}
    published = waiting[0].published if waiting else None
    return Pending(waiting, facts, candidates,
                   participant_weights(conn, names, published))


def place_pending(conn: Connection, ready: Pending, why: str | None = None) -> list[Judgement]:
    """Place the waiting events (`why`, when given, is added to every reason list: the
    reason they are placed again)."""
    waiting, facts, candidates, weights = (ready.members, ready.facts, ready.candidates,
                                           ready.weights)
    judgements = same_clause_together(waiting, assign(facts, candidates, weights))
    judgements = readings_together(facts, judgements)
    happening = happenings(waiting, facts)
    created: dict[int, str] = {}  # happening -> the merged event begun for it
    for index, (member, judgement) in enumerate(zip(waiting, judgements, strict=True)):
        key = happening[index]
        if judgement.merged_id is None and key in created:
            same_clause = clause(member) == clause(waiting[key])
            reading = () if same_clause else one_reading(facts[index], facts[key]) or ()
            judgement = Judgement(member.event_id, created[key], 1.0,
                                  (SAME_START[same_clause], *reading, *judgement.reasons))
        if why is not None:
            judgement = replace(judgement, reasons=(*judgement.reasons, why))
        judgements[index] = judgement
        merged_id = judgement.merged_id or create(conn, member.event_id, member.type)
        if judgement.merged_id is None:
            created[key] = merged_id
        attach(conn, member.event_id, merged_id)
        record(conn, judgement, AUTO)
    # Folds only once every event is placed: a fold deletes the merged event it empties,
    # which another event of this article may have been judged to join; placed first,
    # that event keeps it from being folded (two events of one article never share one).
    folds: list[Judgement] = []
    for fact, judgement in zip(facts, judgements, strict=True):
        if judgement.merged_id is not None:
            folds += fold_what_it_bridges(conn, fact, judgement.merged_id,
                                          candidates[fact.id], weights)
    return judgements + folds


def person_target(conn: Connection, member: Member) -> str | None:
    """The merged event a person last put this event in, if it can still take it."""
    j, me = s.judgements, s.merged_events
    target = conn.execute(select(j.c.merged_id).where(
        j.c.event_id == member.event_id, j.c.decided_by == PERSON, j.c.merged_id.is_not(None))
        .order_by(j.c.created_at.desc(), j.c.id.desc()).limit(1)).scalar()
    if target is None:
        return None
    stored_type = conn.execute(select(me.c.type).where(me.c.id == target)).scalar()
    return target if stored_type is None or stored_type in compatible(member.type) else None


def unmerged(conn: Connection, article_id: str) -> bool:
    """Whether any event of the article is in no merged event (stored before merging)."""
    ev, mm = s.events, s.merged_members
    return conn.execute(select(ev.c.id).outerjoin(mm, mm.c.event_id == ev.c.id)
                        .where(ev.c.article_id == article_id, mm.c.merged_id.is_(None))
                        .limit(1)).first() is not None


def detach_article(conn: Connection, article_id: str) -> None:
    """Take the article's events out of their merged events, before they are deleted."""
    mm = s.merged_members
    event_ids = select(s.events.c.id).where(s.events.c.article_id == article_id)
    affected = conn.execute(select(mm.c.merged_id).distinct()
                            .where(mm.c.event_id.in_(event_ids))).scalars().all()
    conn.execute(delete(mm).where(mm.c.event_id.in_(event_ids)))
    for merged_id in affected:
        refresh(conn, merged_id)
