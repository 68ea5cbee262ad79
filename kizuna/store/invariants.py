"""What must hold in every store, checked from its rows: `breaches(conn)` lists what does
not, one readable line each (an empty list for a sound store).

`kizuna check` reports them; the property tests check them after every ingest step.

- every article-level event is in exactly one merged event, of its own type, a type
  related to it (`kizuna.resolve.merging.related_types`), or the type of another member
  its article states by the very same clause (one clause read two ways), and no merged
  event is without members;
- nothing refers to a row that is gone (members, participants, mentions, quotes, events
  and their articles, entities): no dangling citation;
- every event's evidence is the article text at its offsets (a citation quotes the text);
- each merged event's status is the last of the status history its members give, that
  history runs in publication order, and its last publication date and participants are
  its members';
- every event placed in a merged event has the judgement that placed it, and every
  judgement was decided by "auto" or a "person".

Plain SELECTs only, the same on SQLite and PostgreSQL; nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, and_, false, func, or_, select

from kizuna.resolve.merging import related_types
from kizuna.store import schema as s
from kizuna.store.members import members_of, status_history, summarise
from kizuna.store.merging.rows import merged_columns

# How many examples of one breach a report names; the count is always given.
EXAMPLES = 5
_BATCH = 500  # merged events summarised at a time


@dataclass(frozen=True)
class Breach:
    """One invariant that does not hold: which, how many rows, a few examples."""

    rule: str
    count: int
    examples: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.examples)
        more = f" (and {self.count - len(self.examples)} more)" if self.count > len(
            self.examples) else ""
        return f"{self.rule}: {self.count} ({shown}{more})"


def breaches(conn: Connection) -> list[Breach]:
    """Every invariant that does not hold in the store `conn` reads."""
    found = [*_membership(conn), *_dangling(conn), *_citations(conn), *_judgements(conn),
             *_summaries(conn)]
    return [b for b in found if b.count]


def _breach(rule: str, ids: Sequence[object]) -> Breach:
    return Breach(rule, len(ids), tuple(str(i) for i in ids[:EXAMPLES]))


def _ids(conn: Connection, query: object) -> list[object]:
    return list(conn.execute(query).scalars())  # type: ignore[call-overload]


def _membership(conn: Connection) -> Iterator[Breach]:
    ev, mm, me = s.events, s.merged_members, s.merged_events
    yield _breach("events in no merged event", _ids(conn, select(ev.c.id).outerjoin(
        mm, mm.c.event_id == ev.c.id).where(mm.c.merged_id.is_(None)).order_by(ev.c.id)))
    yield _breach("merged events without members", _ids(conn, select(me.c.id).outerjoin(
        mm, mm.c.merged_id == me.c.id).where(mm.c.event_id.is_(None)).order_by(me.c.id)))
    yield _breach("events in a merged event of another type", _ids(conn, select(ev.c.id)
                  .join(mm, mm.c.event_id == ev.c.id).join(me, me.c.id == mm.c.merged_id)
                  .where(ev.c.type != me.c.type, ~_related(ev.c.type, me.c.type),
                         ~_reading_of_a_sibling(ev, mm))
                  .order_by(ev.c.id)))


def _reading_of_a_sibling(ev: Any, mm: Any) -> ColumnElement[bool]:
    """Whether another member of the event's merged event is stated by the very same
    clause of its article: one clause read as two types is one happening (the merger's
    `one_clause_one_happening`), whatever the types."""
    other, theirs = s.events.alias("sibling"), s.merged_members.alias("sibling_member")
    return select(other.c.id).join(theirs, theirs.c.event_id == other.c.id).where(
        theirs.c.merged_id == mm.c.merged_id, other.c.id != ev.c.id,
        other.c.article_id == ev.c.article_id, other.c.evidence_start == ev.c.evidence_start,
        other.c.evidence_end == ev.c.evidence_end).exists()


def _related(own: Column, merged: Column) -> ColumnElement[bool]:
    """Whether two type columns hold types related in the related-types data (the one
    source of truth merging reads too)."""
    pairs = sorted((a, b) for a, others in related_types().items() for b in others)
    return or_(false(), *(and_(own == a, merged == b) for a, b in pairs))


# (child column, parent column): every non-null child value must name a parent row.
_REFERENCES: tuple[tuple[Column, Column], ...] = (
    (s.merged_members.c.event_id, s.events.c.id),
    (s.merged_members.c.merged_id, s.merged_events.c.id),
    (s.merged_participants.c.merged_id, s.merged_events.c.id),
    (s.merged_participants.c.entity_id, s.entities.c.id),
    (s.merged_events.c.location_entity_id, s.entities.c.id),
    (s.events.c.article_id, s.articles.c.id),
    (s.events.c.location_entity_id, s.entities.c.id),
    (s.event_participants.c.event_id, s.events.c.id),
    (s.event_participants.c.entity_id, s.entities.c.id),
    (s.mentions.c.article_id, s.articles.c.id),
    (s.mentions.c.entity_id, s.entities.c.id),
    (s.quotes.c.article_id, s.articles.c.id),
    (s.quotes.c.speaker_entity_id, s.entities.c.id),
    (s.amounts.c.article_id, s.articles.c.id),
    (s.article_entities.c.article_id, s.articles.c.id),
    (s.article_entities.c.entity_id, s.entities.c.id),
    (s.entity_aliases.c.article_id, s.articles.c.id),
    (s.entity_aliases.c.entity_id, s.entities.c.id),
)


def _dangling(conn: Connection) -> Iterator[Breach]:
    for child, parent in _REFERENCES:
        query = (select(child).outerjoin(parent.table, parent == child)
                 .where(child.is_not(None), parent.is_(None)).order_by(child))
        yield _breach(f"{child.table.name}.{child.name} naming no {parent.table.name} row",
                      _ids(conn, query))


def _citations(conn: Connection) -> Iterator[Breach]:
    ev, a = s.events, s.articles
    length = ev.c.evidence_end - ev.c.evidence_start
    quoted = func.substr(a.c.text, ev.c.evidence_start + 1, length)
    yield _breach("events whose evidence is not the article text at its offsets", _ids(
        conn, select(ev.c.id).join(a, a.c.id == ev.c.article_id).where(
            (ev.c.evidence_start < 0) | (length < 0)
            | (ev.c.evidence_end > func.length(a.c.text)) | (quoted != ev.c.evidence_text))
        .order_by(ev.c.id)))


def _judgements(conn: Connection) -> Iterator[Breach]:
    mm, j = s.merged_members, s.judgements
    judged = select(j.c.id).where(j.c.event_id == mm.c.event_id).exists()
    yield _breach("events placed without a judgement", _ids(
        conn, select(mm.c.event_id).where(~judged).order_by(mm.c.event_id)))
    yield _breach("judgements by neither auto nor a person", _ids(
        conn, select(j.c.id).where(j.c.decided_by.not_in(("auto", "person"))).order_by(j.c.id)))


def _summaries(conn: Connection) -> Iterator[Breach]:
    me, mm, p, mp = s.merged_events, s.merged_members, s.event_participants, \
        s.merged_participants
    status, history, published, participants, columns = [], [], [], [], []
    wanted = _pairs(conn, select(mm.c.merged_id, p.c.entity_id)
                    .join(p, p.c.event_id == mm.c.event_id))
    stored = _pairs(conn, select(mp.c.merged_id, mp.c.entity_id))
    ids = _ids(conn, select(me.c.id).order_by(me.c.id))
    for i in range(0, len(ids), _BATCH):
        chunk = [str(x) for x in ids[i:i + _BATCH]]
        rows = {r.id: r for r in conn.execute(select(me).where(me.c.id.in_(chunk)))}
        for merged_id, members in members_of(conn, chunk).items():
            if not members:
                continue  # reported by _membership
            row = rows[merged_id]
            changes = status_history(members)
            expected = summarise(merged_id, row.type, members)
            if row.status != expected.status or changes[-1].status != row.status:
                status.append(merged_id)
            days = [c.as_of or date.min for c in changes]
            if days != sorted(days):
                history.append(merged_id)
            dated = [m.published for m in members if m.published is not None]
            if row.last_published != (max(dated) if dated else None):
                published.append(merged_id)
            if stored.get(merged_id, set()) != wanted.get(merged_id, set()):
                participants.append(merged_id)
            computed = merged_columns(merged_id, members)
            if any(getattr(row, k) != v for k, v in computed.items() if k != "updated_at"):
                columns.append(merged_id)
    yield _breach("merged events whose columns are not what the writer computes from "
                  "their members", columns)
    yield _breach("merged events whose status is not their members' latest", status)
    yield _breach("merged events whose status history is out of order", history)
    yield _breach("merged events whose last publication date is not their members'",
                  published)
    yield _breach("merged events whose participants are not their members'", participants)
    yield _breach("merged events whose participants carry another last publication date",
                  _ids(conn, select(mp.c.merged_id).distinct()
                       .join(me, me.c.id == mp.c.merged_id)
                       .where(mp.c.last_published.is_distinct_from(me.c.last_published))
                       .order_by(mp.c.merged_id)))


def _pairs(conn: Connection, query: object) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for merged_id, entity_id in conn.execute(query):  # type: ignore[call-overload]
        found.setdefault(merged_id, set()).add(entity_id)
    return found


def holds(conn: Connection) -> bool:
    """Whether every invariant holds."""
    return not breaches(conn)


__all__ = ["Breach", "breaches", "holds"]
