"""What merging compares: an event's facts, the merged events it may report, and how
telling each participant name is.

The store holds countries as ISO codes; the names they stand for (a leader acts for the
United States) come from the caller as `countries` (code -> canonical name): the store
writes and compares what it is given and loads no gazetteer itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, distinct, func, or_, select, true

from kizuna.resolve.merging import (
    DATE_SLACK_DAYS,
    UNDATED_WINDOW_DAYS,
    UNSURE_DATE_DAYS,
    EventFacts,
    compatible,
    with_countries,
)
from kizuna.store import schema as s
from kizuna.store.members import Member, members_of

Countries = Mapping[str, str]  # ISO 3166-1 alpha-3 code -> the country's canonical name


def event_facts(member: Member, countries: Countries) -> EventFacts:
    """What `kizuna.resolve.merging.score` looks at in an article-level event."""
    when = member.date
    parties = [(e.name, e.type, e.country) for e in member.actors + member.targets]
    # the country a leader acts for is on the leader's side too: "Trump signed" and
    # "the United States signed" go the same way (see merging._opposite)
    acting = [(e.name, e.type, e.country) for e in member.actors]
    return EventFacts(id=member.event_id, type=member.type,
                      participants=with_countries(parties, countries),
                      actors=with_countries(acting, countries),
                      start=when.start if when else None, end=when.end if when else None,
                      granularity=when.granularity if when else None,
                      amount=member.amount, published=member.published, status=member.status,
                      date_sure=date_stated(member))


def date_stated(member: Member) -> bool:
    """Whether the event's own clause states its date (not inferred from elsewhere)."""
    when = member.date
    return bool(when and when.text and when.text in member.evidence.text)


def candidate_facts(conn: Connection, member: Member,
                    countries: Countries) -> list[EventFacts]:
    """Merged events of the member's type or a related one sharing a participant name.

    Those whose dates `decide` would find apart are left out here already, through the
    date index: for a dated event only undated merged events and those within
    `UNSURE_DATE_DAYS` of its period can be the same happening. So are those holding
    another event of the same article: an article tells each happening once (see
    `kizuna.resolve.happenings`), so its events are different happenings.
    """
    return candidates(conn, member, holding_articles([member.article_id]), countries)


def candidates(conn: Connection, member: Member, excluded: Any,
               countries: Countries) -> list[EventFacts]:
    """Merged events of the member's type (or a related one) sharing a name, whose dates
    can agree, not in `excluded`: one `EventFacts` per member, under its merged id."""
    names = sorted(member.names)
    if not names:
        return []
    when = member.date
    me, mp, e = s.merged_events, s.merged_participants, s.entities
    named = select(e.c.id).where(e.c.name.in_(names))
    ids = select(mp.c.merged_id).where(mp.c.entity_id.in_(named))
    rows = conn.execute(select(me).where(
        me.c.type.in_(sorted(compatible(member.type))), me.c.id.in_(ids),
        me.c.id.not_in(excluded),
        _near(when.start if when else None, when.end if when else None, member.published))
        .order_by(me.c.id)).all()
    grouped = members_of(conn, [r.id for r in rows])
    return [replace(event_facts(m, countries), id=merged_id)
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


def holding_articles(articles: Any) -> Any:
    """Merged events holding an event of one of `articles` (ids, or a select of them)."""
    mm, ev = s.merged_members, s.events
    return select(mm.c.merged_id).join(ev, ev.c.id == mm.c.event_id).where(
        ev.c.article_id.in_(articles))


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
