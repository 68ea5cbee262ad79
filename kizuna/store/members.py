"""Members of merged events: article-level events with their article, loaded and folded.

`load_members` reads article-level events (with their article's metadata and their
participants' canonical names) for merged events, for one article or by event id.
`summarise` folds the members of one merged event into a `MergedEvent`: the writer
stores its columns, the read side returns it whole. Folding is pure and ignores the
order members come in, so the same members always give the same merged event.

The rules:
- participants: the union of the members', in publication order; a name that is an actor
  anywhere is an actor; for role-free types (MEET, AGREE, COOPERATE) everyone is an actor;
- date: the member with the most precise date (day over month over year), ties to the
  most recently published article;
- status: the one the most recently published article reports (on the same day:
  happened over negated over planned over considered, a later day's news being likelier);
- status_history: each change in that same order; a day whose articles disagree lists
  every status reported that day, so contradictions stay visible;
- location, object, amount: from the most recently published member that has one;
- citations: one per member, in publication order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, bindparam, select

from kizuna.event_types import role_free_types
from kizuna.model import Citation, DateRef, Entity, MergedEvent, Span, StatusChange
from kizuna.store import schema as s

Day = date  # Member has a field named `date`: its annotations name the type through this
ROLE_FREE = role_free_types()
PRECISION = {"day": 0, "month": 1, "year": 2}
# Same-day order of statuses: the last is the one kept when two reports disagree.
STATUS_ORDER = ("considered", "planned", "negated", "happened")
_CHUNK = 500


@dataclass(frozen=True)
class Member:
    """One article-level event as merging sees it, with its article's metadata."""

    event_id: str
    merged_id: str | None
    article_id: str
    local_id: str
    position: int
    type: str
    status: str
    evidence: Span
    date: DateRef | None = None
    location: str | None = None
    location_id: int | None = None
    object: str | None = None
    amount: tuple[float, str] | None = None
    published: Day | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    title: str | None = None
    actors: tuple[Entity, ...] = ()
    targets: tuple[Entity, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        """Canonical names of every participant, whatever the role."""
        return frozenset(e.name for e in self.actors + self.targets)


def load_members(conn: Connection, where: ColumnElement[bool],
                 parties: bool = True) -> list[Member]:
    """Article-level events matching `where` (on events, articles or merged_members);
    without their actors and targets when `parties` is false (what a merged event's
    stored columns are computed from does not need them)."""
    return _members(conn, conn.execute(_member_select().where(where)).all(), parties)


def members_in(conn: Connection, merged_id: str, parties: bool = True) -> list[Member]:
    """The members of one merged event (`load_members` through a statement built once:
    merging reads one merged event's members after every change to it)."""
    return _members(conn, conn.execute(_members_in_select(), {"merged_id": merged_id}).all(),
                    parties)


def _members(conn: Connection, rows: Sequence[Any], parties: bool) -> list[Member]:
    roles = _roles(conn, [r.event_id for r in rows]) if parties else defaultdict(_no_roles)
    return [_member(row, roles[row.event_id]) for row in rows]


@cache
def _members_in_select() -> Any:
    return _member_select().where(s.merged_members.c.merged_id == bindparam("merged_id"))


def _no_roles() -> dict[str, list[Entity]]:
    return {"actor": [], "target": []}


def members_of(conn: Connection, merged_ids: Iterable[str]) -> dict[str, list[Member]]:
    """merged id -> its members, for every id given."""
    ids = list(dict.fromkeys(merged_ids))
    grouped: dict[str, list[Member]] = {i: [] for i in ids}
    for i in range(0, len(ids), _CHUNK):
        # events found through the membership index first: a plain IN on the join lets
        # SQLite's planner read every event
        chosen = select(s.merged_members.c.event_id).where(
            s.merged_members.c.merged_id.in_(ids[i:i + _CHUNK]))
        for member in load_members(conn, s.events.c.id.in_(chosen)):
            grouped[member.merged_id or ""].append(member)
    return grouped


def summarise(merged_id: str, type: str, members: list[Member]) -> MergedEvent:
    """The merged event `members` make (see the module docstring for the rules)."""
    ordered = sorted(members, key=status_key)
    latest = ordered[-1] if ordered else None
    actors, targets = _parties(type, sorted(members, key=publication_key))
    return MergedEvent(
        id=merged_id, type=type, status=latest.status if latest else "happened",
        actors=actors, targets=targets, date=best_date(members),
        location=_latest(members, "location"), object=_latest(members, "object"),
        amount=_latest(members, "amount"), status_history=status_history(members),
        citations=tuple(_citation(m) for m in sorted(members, key=publication_key)))


def publication_key(member: Member) -> tuple[Any, ...]:
    """Oldest article first; undated articles before any dated one."""
    return (member.published or date.min, member.article_id, member.position)


def status_key(member: Member) -> tuple[Any, ...]:
    """Publication order, with same-day reports ordered by `STATUS_ORDER`."""
    rank = STATUS_ORDER.index(member.status) if member.status in STATUS_ORDER else -1
    return (member.published or date.min, rank, member.article_id, member.position)


def best_date(members: Iterable[Member]) -> DateRef | None:
    """The most precise date any member gives, ties to the most recent article."""
    dated = [(m.date, m) for m in members if m.date is not None]
    if not dated:
        return None
    return max(dated, key=lambda pair: (-PRECISION.get(pair[0].granularity, len(PRECISION)),
                                        *publication_key(pair[1])))[0]


def status_history(members: Iterable[Member]) -> tuple[StatusChange, ...]:
    """Each change of reported status, in publication order.

    A day whose articles disagree lists each status reported that day, even one that
    repeats the day before: the contradiction stays visible.
    """
    days: dict[date | None, list[Member]] = defaultdict(list)
    for member in sorted(members, key=status_key):
        days[member.published].append(member)
    changes: list[StatusChange] = []
    for day_members in days.values():
        firsts = {m.status: m for m in reversed(day_members)}  # first report of each
        reported = sorted(firsts.values(), key=status_key)
        for member in reported:
            if len(reported) > 1 or not changes or changes[-1].status != member.status:
                changes.append(StatusChange(member.status, member.published, member.article_id))
    return tuple(changes)


def _latest(members: Iterable[Member], name: str) -> Any:
    having = [m for m in members if getattr(m, name) is not None]
    return getattr(max(having, key=publication_key), name) if having else None


def _parties(type: str, members: list[Member]) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    actors: dict[str, Entity] = {}
    targets: dict[str, Entity] = {}
    for member in members:
        for entity in member.actors:
            actors.setdefault(entity.name, entity)
        for entity in member.targets:
            targets.setdefault(entity.name, entity)
    if type in ROLE_FREE:
        return tuple({**actors, **{k: v for k, v in targets.items() if k not in actors}}
                     .values()), ()
    return tuple(actors.values()), tuple(v for k, v in targets.items() if k not in actors)


def _citation(member: Member) -> Citation:
    return Citation(doc_id=member.article_id, event_id=member.event_id,
                    evidence=member.evidence, status=member.status, url=member.url,
                    source=member.source, published=member.published,
                    language=member.language, title=member.title)


@cache  # built once: constructing the statement costs more than SQLite running it
def _member_select() -> Any:
    ev, a, mm = s.events, s.articles, s.merged_members
    location = s.entities.alias("location")
    return (select(ev.c.id.label("event_id"), mm.c.merged_id, ev.c.article_id, ev.c.local_id,
                   ev.c.position, ev.c.type, ev.c.status, ev.c.date_start, ev.c.date_end,
                   ev.c.date_granularity, ev.c.date_text, location.c.name.label("location"),
                   ev.c.location_entity_id, ev.c.object, ev.c.amount_value,
                   ev.c.amount_currency, ev.c.evidence_start, ev.c.evidence_end,
                   ev.c.evidence_text, a.c.published, a.c.url, a.c.source, a.c.language,
                   a.c.title)
            .join(a, a.c.id == ev.c.article_id)
            .outerjoin(mm, mm.c.event_id == ev.c.id)
            .outerjoin(location, location.c.id == ev.c.location_entity_id)
            .order_by(ev.c.article_id, ev.c.position))


def _member(row: Row[Any], roles: dict[str, list[Entity]]) -> Member:
    date_ref = None
    if row.date_start is not None:
        date_ref = DateRef(row.date_text or "", row.date_start, row.date_end or row.date_start,
                           row.date_granularity or "day")
    amount = None
    if row.amount_value is not None:
        amount = (row.amount_value, row.amount_currency or "")
    return Member(
        event_id=row.event_id, merged_id=row.merged_id, article_id=row.article_id,
        local_id=row.local_id, position=row.position, type=row.type, status=row.status,
        evidence=Span(row.evidence_start, row.evidence_end, row.evidence_text),
        date=date_ref, location=row.location, location_id=row.location_entity_id,
        object=row.object, amount=amount, published=row.published, url=row.url,
        source=row.source, language=row.language, title=row.title,
        actors=tuple(roles["actor"]), targets=tuple(roles["target"]))


def _roles(conn: Connection, event_ids: list[str]) -> dict[str, dict[str, list[Entity]]]:
    """event id -> role -> canonical entities (`id` is the name), in the event's order."""
    roles: dict[str, dict[str, list[Entity]]] = defaultdict(_no_roles)
    for i in range(0, len(event_ids), _CHUNK):
        rows = conn.execute(participants_select(), {"event_ids": event_ids[i:i + _CHUNK]})
        for row in rows:
            roles[row.event_id][row.role].append(
                Entity(id=row.name, name=row.name, type=row.type, country=row.country))
    return roles


@cache
def participants_select() -> Any:
    """(event id, role, canonical name, type, country) of each participant of the events
    bound as `event_ids`, in each event's order."""
    p, e = s.event_participants, s.entities
    return (select(p.c.event_id, p.c.role, e.c.name, e.c.type, e.c.country)
            .join(e, e.c.id == p.c.entity_id)
            .where(p.c.event_id.in_(bindparam("event_ids", expanding=True)))
            .order_by(p.c.event_id, p.c.position))
