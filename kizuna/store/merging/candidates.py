"""What merging compares: an event's facts, the merged events it may report, and how
telling each participant name is.

The store holds countries as ISO codes; the names they stand for (a leader acts for the
United States) come from the caller as `countries` (code -> canonical name): the store
writes and compares what it is given and loads no gazetteer itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache as cache_statement
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    and_,
    bindparam,
    distinct,
    func,
    or_,
    select,
    true,
)

from kizuna.resolve.merging import (
    DATE_SLACK_DAYS,
    UNDATED_WINDOW_DAYS,
    UNSURE_DATE_DAYS,
    EventFacts,
    compatible,
    sides_of,
    unsure_date_days,
    with_countries,
)
from kizuna.store import schema as s
from kizuna.store.members import Member, participants_select

_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit
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
                      sides=sides_of(parties),
                      actors=with_countries(acting, countries),
                      start=when.start if when else None, end=when.end if when else None,
                      granularity=when.granularity if when else None,
                      amount=member.amount, published=member.published, status=member.status,
                      date_sure=date_stated(member))


def date_stated(member: Member) -> bool:
    """Whether the event's own clause states its date (not inferred from elsewhere)."""
    when = member.date
    return bool(when and when.text and when.text in member.evidence.text)


class FactsCache:
    """The members' facts of merged events, as last read, kept between articles: one
    ingest compares its articles with the same few merged events again and again.

    Keyed by the merged event's `updated_at`, which every change of its members sets
    (`rows.refresh`), so a merged event changed since (by this process, a rolled-back
    transaction or another writer) is read again. What the key does not see, an entity
    given its country later, the writer reports through `forget`.
    """

    LIMIT = 50_000  # merged events kept; past it the cache starts over

    def __init__(self) -> None:
        self._facts: dict[str, tuple[Any, list[EventFacts]]] = {}

    def forget(self) -> None:
        self._facts.clear()

    def __len__(self) -> int:
        return len(self._facts)

    def facts(self, conn: Connection, stamps: dict[str, Any],
              countries: Countries) -> dict[str, list[EventFacts]]:
        """merged id -> its members' facts, for every id of `stamps` (id -> updated_at)."""
        stale = [i for i, stamp in stamps.items()
                 if i not in self._facts or self._facts[i][0] != stamp]
        if len(self._facts) + len(stale) > self.LIMIT:
            self._facts.clear()
        for merged_id, found in merged_facts(conn, stale, countries).items():
            self._facts[merged_id] = (stamps[merged_id], found)
        return {i: self._facts[i][1] for i in stamps}


def candidate_facts(conn: Connection, member: Member, countries: Countries,
                    cache: FactsCache | None = None) -> list[EventFacts]:
    """Merged events of the member's type or a related one sharing a participant name.

    Those whose dates `decide` would find apart are left out here already, through the
    date index: for a dated event only undated merged events and those within the days
    an inferred date may be off for its type (`unsure_date_days`) can be the same
    happening. So are those holding another event of the same article: an article tells
    each happening once (see `kizuna.resolve.happenings`), so its events are different
    happenings.
    """
    return candidates(conn, member, countries, Excluded(articles=(member.article_id,)),
                      days=unsure_date_days(member.type), cache=cache)


@dataclass(frozen=True)
class Excluded:
    """Merged events a candidate search leaves out: those holding an event of one of
    `articles`, or those named in `merged`."""

    articles: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()


def candidates(conn: Connection, member: Member, countries: Countries,
               excluded: Excluded = Excluded(), days: int = UNSURE_DATE_DAYS,
               cache: FactsCache | None = None) -> list[EventFacts]:
    """Merged events of the member's type (or a related one) sharing a name, whose dates
    can be at most `days` from its own, not `excluded`: one `EventFacts` per member,
    under its merged id."""
    names = sorted(member.names)
    if not names:
        return []
    when = member.date
    # a member's date may differ from its merged event's (one member's) by up to the
    # same tolerance: twice it keeps every member that can agree
    days = min(2 * days, UNSURE_DATE_DAYS)
    start, end = (when.start, when.end or when.start) if when else (None, None)
    published = member.published
    slack = timedelta(days=max(DATE_SLACK_DAYS, days))
    rows = conn.execute(
        _candidate_select(start is not None, published is not None, bool(excluded.articles)),
        {"types": sorted(compatible(member.type)), "names": names,
         "excluded": list(excluded.articles or excluded.merged),
         "recent_since": published - timedelta(days=UNDATED_WINDOW_DAYS) if published else None,
         "until": end + slack if end else None,
         "since": start - slack if start else None}).all()
    if cache is not None:
        found = cache.facts(conn, {r.id: r.updated_at for r in rows}, countries)
        return [fact for r in rows for fact in found[r.id]]
    found = merged_facts(conn, [r.id for r in rows], countries)
    return [fact for r in rows for fact in found[r.id]]


@cache_statement  # built once per shape: candidates are searched for every event placed
def _candidate_select(dated: bool, published: bool, by_article: bool) -> Any:
    me, mp, e = s.merged_events, s.merged_participants, s.entities
    named = select(e.c.id).where(e.c.name.in_(bindparam("names", expanding=True)))
    # asked of each merged event of the type whose dates can agree (read from the
    # `migrations.CANDIDATE_INDEX` alone), not a list of every merged event of a common name
    sharing = select(mp.c.merged_id).where(mp.c.merged_id == me.c.id,
                                           mp.c.entity_id.in_(named)).exists()
    excluded: Any = bindparam("excluded", expanding=True)
    return select(me.c.id, me.c.updated_at).where(
        me.c.type.in_(bindparam("types", expanding=True)),
        me.c.id.not_in(holding_articles(excluded) if by_article else excluded),
        near(dated, published), sharing).order_by(me.c.id)


def merged_facts(conn: Connection, merged_ids: list[str],
                 countries: Countries) -> dict[str, list[EventFacts]]:
    """merged id -> the `event_facts` of each of its members (in article and position
    order), under the merged id, for every id given: read straight from the rows, not
    through whole `Member`s (what candidates cost is mostly this, in a large store)."""
    out: dict[str, list[EventFacts]] = {i: [] for i in dict.fromkeys(merged_ids)}
    ids = list(out)
    for i in range(0, len(ids), _CHUNK):
        rows = conn.execute(_facts_select(), {"merged_ids": ids[i:i + _CHUNK]}).all()
        parties = _parties(conn, [r.id for r in rows])
        for row in rows:
            out[row.merged_id].append(_facts(row, parties.get(row.id, []), countries))
    return out


@cache_statement  # built once: with lists bound as parameters, not coerced one by one
def _facts_select() -> Any:
    ev, a, mm = s.events, s.articles, s.merged_members
    chosen = select(mm.c.event_id).where(
        mm.c.merged_id.in_(bindparam("merged_ids", expanding=True)))
    return (select(mm.c.merged_id, ev.c.id, ev.c.type, ev.c.status, ev.c.date_start,
                   ev.c.date_end, ev.c.date_granularity, ev.c.date_text, ev.c.evidence_text,
                   ev.c.amount_value, ev.c.amount_currency, a.c.published)
            .join(a, a.c.id == ev.c.article_id).join(mm, mm.c.event_id == ev.c.id)
            .where(ev.c.id.in_(chosen)).order_by(ev.c.article_id, ev.c.position))


def _facts(row: Any, parties: list[tuple[str, str, str, str | None]],
           countries: Countries) -> EventFacts:
    """`event_facts` of a member from its row and its (role, name, type, country)s."""
    dated = row.date_start is not None
    amount = None if row.amount_value is None else (row.amount_value,
                                                    row.amount_currency or "")
    return EventFacts(
        id=row.merged_id, type=row.type,
        participants=with_countries([p[1:] for p in parties], countries),
        sides=sides_of([p[1:] for p in parties]),
        actors=with_countries([p[1:] for p in parties if p[0] == "actor"], countries),
        start=row.date_start if dated else None,
        end=(row.date_end or row.date_start) if dated else None,
        granularity=(row.date_granularity or "day") if dated else None,
        amount=amount, published=row.published, status=row.status,
        date_sure=bool(dated and row.date_text and row.date_text in row.evidence_text),
        member=row.id)


def _parties(conn: Connection, event_ids: list[str]
             ) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """event id -> (role, canonical name, type, country) of each participant."""
    found: dict[str, list[tuple[str, str, str, str | None]]] = {}
    for i in range(0, len(event_ids), _CHUNK):
        rows = conn.execute(participants_select(), {"event_ids": event_ids[i:i + _CHUNK]})
        for row in rows:
            found.setdefault(row.event_id, []).append(
                (row.role, row.name, row.type, row.country))
    return found


def near(dated: bool, published: bool) -> ColumnElement[bool]:
    """Merged events whose dates can agree with a period (bound as `since` and `until`,
    widened by the days a date only inferred may be off): dated ones overlapping it;
    undated ones (or all, for an undated period) only when last reported since
    `recent_since`, `UNDATED_WINDOW_DAYS` before the report's publication (see `decide`)."""
    me = s.merged_events
    # a merged event of articles without a publication day is recent to any report, as
    # any report is to them (`_reported_together`): either way round, the same candidates
    recent = true() if not published else or_(
        me.c.last_published.is_(None),
        me.c.last_published >= bindparam("recent_since", type_=Date()))
    if not dated:
        return recent
    return or_(and_(me.c.date_start.is_(None), recent), and_(
        me.c.date_start <= bindparam("until", type_=Date()),
        func.coalesce(me.c.date_end, me.c.date_start) >= bindparam("since", type_=Date())))


def holding_articles(articles: Any) -> Any:
    """Merged events holding an event of one of `articles` (ids, or a select of them)."""
    mm, ev = s.merged_members, s.events
    return select(mm.c.merged_id).join(ev, ev.c.id == mm.c.event_id).where(
        ev.c.article_id.in_(articles))


class _Now:
    """`participant_weights` over the whole store as it is."""


NOW = _Now()


def participant_weights(conn: Connection, names: Iterable[str],
                        by: date | None | _Now = NOW) -> dict[str, float]:
    """name -> 1 / (1 + ln n), n the number of merged events it takes part in (n >= 1);
    with `by` (a report's publication day, None for an undated report), only those
    last reported by that day (undated reports come first in publication order).

    How telling a name is, is judged by the news as it stood when the report appeared,
    not by what the store holds when it arrives: a report placed in its turn and the
    same report placed again after later news arrived weigh its names alike
    (`replaying`). In publication order every merged event in the store is last
    reported by the day of the report being placed, so one ingest weighs as before.
    (Merged events begun earlier but reported again after the day are left out: reading
    each one's first report instead costs more than merging may, in a large store.)"""
    names = sorted(set(names))
    if not names:
        return {}
    kind = "now" if isinstance(by, _Now) else "undated" if by is None else "by"
    day = None if isinstance(by, _Now) else by
    # counted per entity, which needs no DISTINCT (an entity is in a merged event once);
    # a name two entities share (a person and a company) is counted again over both
    counts: dict[str, int] = {}
    shared: set[str] = set()
    for name, n in conn.execute(_weights_select(kind, False), {"names": names, "by": day}):
        if name in counts:
            shared.add(name)
        counts[name] = n
    if shared:
        counts.update((name, n) for name, n in conn.execute(
            _weights_select(kind, True), {"names": sorted(shared), "by": day}))
    return {name: 1 / (1 + math.log(n)) for name, n in counts.items() if n >= 1}


@cache_statement  # built once per kind: names are weighed for every article placed
def _weights_select(kind: str, by_name: bool) -> Any:
    mp, e = s.merged_participants, s.entities
    count = func.count(distinct(mp.c.merged_id)) if by_name else func.count()
    query = (select(e.c.name, count).join(mp, mp.c.entity_id == e.c.id)
             .where(e.c.name.in_(bindparam("names", expanding=True))))
    if kind != "now":
        # the merged event's day as copied next to its participants: counted from the
        # (entity, day, merged event) index alone, without reading each merged event
        undated = mp.c.last_published.is_(None)
        query = query.where(undated if kind == "undated" else
                            or_(undated, mp.c.last_published <= bindparam("by", type_=Date())))
    return query.group_by(e.c.name if by_name else e.c.id)
