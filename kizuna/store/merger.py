"""Merging on write: each article-level event joins the merged event it reports, or starts one.

Runs inside the writer's per-article transaction, for the events of a newly written
article:

1. a person's judgement for an event (same article id and local id) wins, when its
   merged event has the event's type (the merged event is recreated if it is gone);
2. the others are placed together by `kizuna.resolve.merging.assign`, which compares
   each with every member of the merged events of its type (or a related one) that
   share a participant name (the best-matching member speaks for its merged event),
   weighting each name by how rare it is: `1 / (1 + ln n)`, n the number of merged
   events it takes part in; events the article states by the very same clause (one
   clause read as two types) end in one merged event (`one_clause_one_happening`);
3. when an event also matches other merged events than the one it joined (by the test
   joining takes), the best of them is folded into it (`fold_bridged`): a fuller report
   can show that two reports, each telling too little to be matched with the other,
   were one happening, so articles arriving in another order end the same way.

Every automatic decision is recorded in `judgements` with its score and reasons. A
merged event's columns are recomputed from its members whenever they change, and a
merged event left without members is deleted.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    delete,
    distinct,
    func,
    insert,
    or_,
    select,
    true,
    update,
)

from kizuna.errors import KizunaError
from kizuna.resolve.gazetteer import default_gazetteer
from kizuna.resolve.merging import (
    DATE_SLACK_DAYS,
    NEAR_SCORE,
    UNDATED_WINDOW_DAYS,
    UNSURE_DATE_DAYS,
    EventFacts,
    Judgement,
    assign,
    bridged,
    compatible,
    one_reading,
    score,
    with_countries,
)
from kizuna.store import schema as s
from kizuna.store.members import Member, load_members, members_of, publication_key, summarise

AUTO, PERSON = "auto", "person"
PREFIX = "ev-"
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


class MergeError(KizunaError):
    """A correction that cannot be made: an unknown id, or types that differ."""


# --- on ingest ----------------------------------------------------------------------

def merge_article(conn: Connection, article_id: str) -> list[Judgement]:
    """Place every event of the article not yet in a merged event; the judgements made.

    Events a person placed go where they said first; the others are placed together by
    `kizuna.resolve.merging.assign`, so each merged event takes at most one of them.
    """
    waiting = []
    for member in load_members(conn, s.events.c.article_id == article_id):
        if member.merged_id is not None:
            continue
        pinned = person_target(conn, member)
        if pinned is None:
            waiting.append(member)
        else:
            _ensure(conn, pinned, member.type)
            attach(conn, member.event_id, pinned)
    facts = [event_facts(m) for m in waiting]
    candidates = {m.event_id: candidate_facts(conn, m) for m in waiting}
    names = {n for f in facts for n in f.participants}
    names |= {n for found in candidates.values() for c in found for n in c.participants}
    weights = participant_weights(conn, names)
    judgements = one_clause_one_happening(waiting, assign(facts, candidates, weights))
    judgements = one_reading_one_happening(facts, judgements)
    happening = _happenings(waiting, facts)
    created: dict[int, str] = {}  # happening -> the merged event begun for it
    for index, (member, judgement) in enumerate(zip(waiting, judgements, strict=True)):
        key = happening[index]
        if judgement.merged_id is None and key in created:
            same_clause = _clause(member) == _clause(waiting[key])
            why = () if same_clause else one_reading(facts[index], facts[key]) or ()
            judgement = judgements[index] = Judgement(
                member.event_id, created[key], 1.0,
                (_SAME_START[same_clause], *why, *judgement.reasons))
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
            folds += _fold_what_it_bridges(conn, fact, judgement.merged_id,
                                           candidates[fact.id], weights)
    return judgements + folds


def one_clause_one_happening(members: list[Member],
                             judgements: list[Judgement]) -> list[Judgement]:
    """An event judged a new happening joins the merged event another event of its
    article joined when both are stated by the very same clause: one clause tells one
    happening, and two types for it are two readings of it, not two happenings. (Events
    of one article in different clauses still never share a merged event.)"""
    joined = {_clause(m): (m, j) for m, j in zip(members, judgements, strict=True)
              if j.merged_id is not None}
    out = []
    for member, judgement in zip(members, judgements, strict=True):
        sibling = joined.get(_clause(member))
        if judgement.merged_id is None and sibling is not None:
            other, placed = sibling
            judgement = Judgement(member.event_id, placed.merged_id, placed.score, (
                f"stated by the same clause as event {other.event_id} ({other.type}), "
                "which joined it", *placed.reasons))
        out.append(judgement)
    return out


_SAME_START = {True: "stated by the same clause as the event that began it",
               False: "read as the same happening as the event of its article that began it"}


def one_reading_one_happening(facts: list[EventFacts],
                              judgements: list[Judgement]) -> list[Judgement]:
    """Events of one article that are readings of one happening (`one_reading`: same
    type, status and day, a shared participant) go where the best-placed of them went:
    the extractor split one meeting into several events, and placed apart they would
    seed several merged events that can never fold, as an article's events never share
    one. Events of the article told on different days stay apart."""
    out = list(judgements)
    for group in _groups(facts):
        placed = [i for i in group if out[i].merged_id is not None]
        if not placed:
            continue
        best = max(placed, key=lambda i: (out[i].score, -i))
        for i in group:
            if out[i].merged_id is None:
                why = one_reading(facts[i], facts[best]) or ()
                out[i] = Judgement(facts[i].id, out[best].merged_id, out[best].score, (
                    f"read as the same happening as event {facts[best].id} of its article, "
                    "which joined it", *why, *out[best].reasons))
    return out


def _groups(facts: list[EventFacts]) -> list[list[int]]:
    """Indexes of the article's events, grouped by `one_reading` (linked pairs chain)."""
    root = list(range(len(facts)))

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i
    for i, a in enumerate(facts):
        for j in range(i):
            if one_reading(a, facts[j]) is not None:
                root[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(facts)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _happenings(members: list[Member], facts: list[EventFacts]) -> list[int]:
    """For each event, the first event of its article it is one happening with: stated
    by the same clause, or read as the same happening (`one_reading`)."""
    first_of_clause: dict[tuple[int, int], int] = {}
    out = []
    for i, member in enumerate(members):
        out.append(first_of_clause.setdefault(_clause(member), i))
    for group in _groups(facts):
        lead = min(out[i] for i in group)
        for i in range(len(out)):
            if out[i] in {out[g] for g in group}:
                out[i] = lead
    return out


def _clause(member: Member) -> tuple[int, int]:
    return member.evidence.start, member.evidence.end


def _fold_what_it_bridges(conn: Connection, fact: EventFacts, merged_id: str,
                          candidates: list[EventFacts],
                          weights: dict[str, float]) -> list[Judgement]:
    folds: list[Judgement] = []
    for other in bridged(fact, candidates, merged_id, weights):
        folds += fold_bridged(conn, merged_id, other, (f"event {fact.id} reports both",))
    return folds


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


def event_facts(member: Member) -> EventFacts:
    """What `decide` looks at in an article-level event."""
    when = member.date
    parties = [(e.name, e.type, e.country) for e in member.actors + member.targets]
    # the country a leader acts for is on the leader's side too: "Trump signed" and
    # "the United States signed" go the same way (see merging._opposite)
    acting = [(e.name, e.type, e.country) for e in member.actors]
    return EventFacts(id=member.event_id, type=member.type,
                      participants=with_countries(parties, country_names()),
                      actors=with_countries(acting, country_names()),
                      start=when.start if when else None, end=when.end if when else None,
                      granularity=when.granularity if when else None,
                      amount=member.amount, published=member.published, status=member.status,
                      date_sure=date_stated(member))


def date_stated(member: Member) -> bool:
    """Whether the event's own clause states its date (not inferred from elsewhere)."""
    when = member.date
    return bool(when and when.text and when.text in member.evidence.text)


def candidate_facts(conn: Connection, member: Member) -> list[EventFacts]:
    """Merged events of the member's type or a related one sharing a participant name.

    Those whose dates `decide` would find apart are left out here already, through the
    date index: for a dated event only undated merged events and those within
    `UNSURE_DATE_DAYS` of its period can be the same happening. So are those holding
    another event of the same article: an article tells each happening once (see
    `kizuna.resolve.happenings`), so its events are different happenings.
    """
    when = member.date
    return _candidates(conn, member.type, member.names, when.start if when else None,
                       when.end if when else None, member.published,
                       _holding_articles([member.article_id]))


def _candidates(conn: Connection, type: str, names: Iterable[str], start: date | None,
                end: date | None, published: date | None,
                excluded: Any) -> list[EventFacts]:
    """Merged events of `type` (or a related one) sharing a name, whose dates can agree,
    not in `excluded`."""
    names = sorted(set(names))
    if not names:
        return []
    me, mp, e = s.merged_events, s.merged_participants, s.entities
    named = select(e.c.id).where(e.c.name.in_(names))
    ids = select(mp.c.merged_id).where(mp.c.entity_id.in_(named))
    rows = conn.execute(select(me).where(me.c.type.in_(sorted(compatible(type))),
                                         me.c.id.in_(ids),
                                         me.c.id.not_in(excluded),
                                         _near(start, end, published))
                        .order_by(me.c.id)).all()
    grouped = members_of(conn, [r.id for r in rows])
    return [replace(event_facts(m), id=merged_id)
            for merged_id, members in grouped.items() for m in members]


def _near(start: date | None, end: date | None, published: date | None) -> ColumnElement[bool]:
    """Merged events whose dates can agree with a period: dated ones within
    `UNSURE_DATE_DAYS` of it (a date only inferred may be off); undated ones (or all,
    for an undated period) only when last reported no more than `UNDATED_WINDOW_DAYS`
    before `published` (see `decide`)."""
    me = s.merged_events
    recent = true() if published is None else me.c.last_published >= published - timedelta(
        days=UNDATED_WINDOW_DAYS)
    if start is None:
        return recent
    slack = timedelta(days=max(DATE_SLACK_DAYS, UNSURE_DATE_DAYS))
    return or_(and_(me.c.date_start.is_(None), recent), and_(
        me.c.date_start <= (end or start) + slack,
        func.coalesce(me.c.date_end, me.c.date_start) >= start - slack))


# --- folding merged events that turn out to be one -----------------------------------

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
    if _arranged_by_person(conn, merged_id) or _arranged_by_person(conn, other):
        return []
    clash = select(mm.c.event_id).where(mm.c.merged_id == other,
                                        mm.c.merged_id.in_(_sharing_an_article(merged_id)))
    if conn.execute(clash.limit(1)).first() is not None:
        return []
    return _absorb(conn, merged_id, other, reasons)


def _absorb(conn: Connection, merged_id: str, other: str,
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


def _sharing_an_article(merged_id: str) -> Any:
    """Merged events holding an event of an article that one of `merged_id`'s is from."""
    mm, ev = s.merged_members, s.events
    return _holding_articles(select(ev.c.article_id).join(mm, mm.c.event_id == ev.c.id)
                             .where(mm.c.merged_id == merged_id))


def _holding_articles(articles: Any) -> Any:
    """Merged events holding an event of one of `articles` (ids, or a select of them)."""
    mm, ev = s.merged_members, s.events
    return select(mm.c.merged_id).join(ev, ev.c.id == mm.c.event_id).where(
        ev.c.article_id.in_(articles))


def _arranged_by_person(conn: Connection, merged_id: str) -> bool:
    """Whether a person's judgement put or kept one of the merged event's members."""
    mm, j = s.merged_members, s.judgements
    return conn.execute(select(j.c.id).join(mm, mm.c.event_id == j.c.event_id).where(
        mm.c.merged_id == merged_id, j.c.decided_by == PERSON).limit(1)).first() is not None


def participant_weights(conn: Connection, names: Iterable[str]) -> dict[str, float]:
    """name -> 1 / (1 + ln n), n the number of merged events it takes part in (n >= 1)."""
    names = sorted(set(names))
    if not names:
        return {}
    mp, e = s.merged_participants, s.entities
    rows = conn.execute(select(e.c.name, func.count(distinct(mp.c.merged_id)))
                        .join(mp, mp.c.entity_id == e.c.id)
                        .where(e.c.name.in_(names)).group_by(e.c.name))
    return {name: 1 / (1 + math.log(n)) for name, n in rows if n >= 1}


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


# --- for the person who checks (read-only) -------------------------------------------

NEAR_LIMIT = 5  # nearly-the-same merged events an event page lists


@dataclass(frozen=True)
class Placement:
    """Why an event is in its merged event: the last judgement that put it there."""

    event_id: str
    decided_by: str
    score: float | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class NearMatch:
    """Another merged event that is nearly the same happening: the best score any of
    the two's members reach together, with its reasons, and which of ours reached it."""

    merged_id: str
    type: str
    score: float
    reasons: tuple[str, ...]
    event_id: str
    shares_an_article: bool  # one article cites both: merging never joins them itself


def placements(conn: Connection, merged_id: str) -> dict[str, Placement]:
    """event id -> the last judgement placing it, for every member of the merged event
    (a "new happening" judgement names no merged event: the one it began)."""
    j, mm = s.judgements, s.merged_members
    rows = conn.execute(select(j.c.event_id, j.c.decided_by, j.c.score, j.c.reasons)
                        .join(mm, mm.c.event_id == j.c.event_id)
                        .where(mm.c.merged_id == merged_id)
                        .order_by(j.c.created_at, j.c.id)).all()
    return {r.event_id: Placement(r.event_id, r.decided_by, r.score,
                                  tuple(json.loads(r.reasons or "[]"))) for r in rows}


def near_matches(conn: Connection, merged_id: str, limit: int = NEAR_LIMIT,
                 floor: float = NEAR_SCORE) -> list[NearMatch]:
    """Merged events nearly the same happening as `merged_id`, best first: each member
    scored against the members of other merged events the way merging does (same
    candidates, weights and `score`), kept from `floor` up. Writes nothing."""
    members = load_members(conn, s.merged_members.c.merged_id == merged_id)
    if not members:
        return []
    mine = {m.article_id for m in members}
    best: dict[str, NearMatch] = {}
    for member in members:
        when = member.date
        found = _candidates(conn, member.type, member.names, when.start if when else None,
                            when.end if when else None, member.published, [merged_id])
        fact = event_facts(member)
        weights = participant_weights(conn, fact.participants | {
            n for c in found for n in c.participants})
        for candidate in found:
            scored = score(fact, candidate, weights)
            if scored is None or scored[0] < floor:
                continue
            if candidate.id not in best or scored[0] > best[candidate.id].score:
                best[candidate.id] = NearMatch(candidate.id, candidate.type, scored[0],
                                               scored[1], member.event_id, False)
    shared = _articles_of(conn, list(best))
    ranked = sorted(best.values(), key=lambda n: (-n.score, n.merged_id))[:limit]
    return [replace(n, shares_an_article=bool(shared.get(n.merged_id, set()) & mine))
            for n in ranked]


def _articles_of(conn: Connection, merged_ids: list[str]) -> dict[str, set[str]]:
    mm, ev = s.merged_members, s.events
    found: dict[str, set[str]] = {}
    for i in range(0, len(merged_ids), _CHUNK):
        rows = conn.execute(select(mm.c.merged_id, ev.c.article_id)
                            .join(ev, ev.c.id == mm.c.event_id)
                            .where(mm.c.merged_id.in_(merged_ids[i:i + _CHUNK])))
        for merged, article in rows:
            found.setdefault(merged, set()).add(article)
    return found


# --- corrections by a person ----------------------------------------------------------

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
    reasons = (f"split by a person from {member.merged_id}",)
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


def resolve_event_id(conn: Connection, key: str) -> str | None:
    """An article-level event id from itself or a unique prefix."""
    return _resolve(conn, s.events.c.id, key)


def resolve_merged_id(conn: Connection, key: str) -> str | None:
    """A merged event id from itself or a unique prefix ("ev-" may be left out)."""
    if key and not key.startswith(PREFIX):
        key = PREFIX + key
    return _resolve(conn, s.merged_events.c.id, key)


def _resolve(conn: Connection, column: Any, key: str) -> str | None:
    if not key:
        return None
    if conn.execute(select(column).where(column == key)).first():
        return key
    found = conn.execute(select(column).where(column.startswith(key, autoescape=True))
                         .limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None


# --- rows ----------------------------------------------------------------------------

def merged_id_for(event_id: str, attempt: int = 0) -> str:
    """"ev-" + a hash of the event that begins the merged event (and a retry count)."""
    key = event_id if attempt == 0 else f"{event_id}\x1f{attempt}"
    return PREFIX + hashlib.sha256(key.encode()).hexdigest()[:16]


def create(conn: Connection, event_id: str, type: str) -> str:
    """A new, empty merged event named after `event_id`; its id."""
    me = s.merged_events
    attempt = 0
    while conn.execute(select(me.c.id).where(me.c.id == merged_id_for(event_id, attempt))
                       ).first() is not None:
        attempt += 1
    merged_id = merged_id_for(event_id, attempt)
    _insert_empty(conn, merged_id, type)
    return merged_id


def attach(conn: Connection, event_id: str, merged_id: str) -> None:
    conn.execute(insert(s.merged_members).values(event_id=event_id, merged_id=merged_id))
    refresh(conn, merged_id)


def refresh(conn: Connection, merged_id: str) -> None:
    """Recompute a merged event's columns and participants from its members; delete it
    if it has none."""
    me, mp, mm, p = (s.merged_events, s.merged_participants, s.merged_members,
                     s.event_participants)
    conn.execute(delete(mp).where(mp.c.merged_id == merged_id))
    members = load_members(conn, mm.c.merged_id == merged_id)
    if not members:
        conn.execute(delete(me).where(me.c.id == merged_id))
        return
    columns = merged_columns(merged_id, members)
    conn.execute(update(me).where(me.c.id == merged_id).values(**columns))
    conn.execute(insert(mp).from_select(
        ["merged_id", "entity_id"],
        select(mm.c.merged_id, p.c.entity_id).distinct()
        .join(p, p.c.event_id == mm.c.event_id).where(mm.c.merged_id == merged_id)))


def record(conn: Connection, judgement: Judgement, decided_by: str) -> None:
    conn.execute(insert(s.judgements).values(
        event_id=judgement.event_id, merged_id=judgement.merged_id, decided_by=decided_by,
        score=judgement.score, reasons=json.dumps(list(judgement.reasons), ensure_ascii=False),
        created_at=datetime.now(UTC)))


def _ensure(conn: Connection, merged_id: str, type: str) -> None:
    """The merged event a person named exists (recreated under its id if it was emptied)."""
    me = s.merged_events
    if conn.execute(select(me.c.id).where(me.c.id == merged_id)).first() is None:
        _insert_empty(conn, merged_id, type)


def _insert_empty(conn: Connection, merged_id: str, type: str) -> None:
    conn.execute(insert(s.merged_events).values(
        id=merged_id, type=type, status="happened", updated_at=datetime.now(UTC)))


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


# --- the store's invariants ---------------------------------------------------------

def merged_type(members: list[Member]) -> str:
    """The type most members have (related types may merge, and one clause read two
    ways gives two); between equally many, the type of the first report, by
    publication and then position in the article (a clause's first reading)."""
    counts: dict[str, int] = {}
    for member in sorted(members, key=publication_key):
        counts[member.type] = counts.get(member.type, 0) + 1
    return max(counts, key=lambda type: counts[type])  # max keeps the first of equals


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> the country's canonical name, from the gazetteer."""
    return {a.country: a.name for a in default_gazetteer().actors
            if a.kind == "countries" and a.country}
