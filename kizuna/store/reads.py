"""Reading the knowledge base by actor and by pair of countries.

- `actor_events`: every merged event one canonical actor takes part in, newest first;
- `actor_profile`: who the actor is, what kinds of events they appear in, and who they
  appear with most;
- `dyad_series`: for two countries, a monthly count of cooperative and restrictive merged
  events involving both, with a cooperation index, and the latest such events.

An actor is named by its canonical name or by any alias an article used for it, in any
case and either language ("石破茂", "ishiba" and "Shigeru Ishiba" are one actor). A name
that is some entity's canonical name means that entity, before any alias of another; of
several candidates the one with the most merged events wins. Entities sharing the chosen
canonical name (one name typed two ways by two articles) are read as one actor.

A country takes part in an event through any participant acting for it: the participant
entity's `country` (Shigeru Ishiba counts for JPN, Donald Trump and the United States for
USA). Everything here is portable SQLAlchemy Core; the queries lean on the indexes of the
`read_indexes` migration.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, extract, func, intersect, select

from kizuna.contract import merged_event_to_dict
from kizuna.event_types import types_with_stance
from kizuna.model import MergedEvent
from kizuna.store import schema as s
from kizuna.store.database import Store
from kizuna.store.merged import folded, merged_when, with_participant

COOPERATIVE = types_with_stance("cooperative")
RESTRICTIVE = types_with_stance("restrictive")
# A report that something did not or will not happen is no cooperation and no restriction.
NOT_COUNTED = ("negated",)
TOP_PARTNERS = 10
LATEST = 10
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Partner:
    """Someone an actor takes part in events with, and in how many merged events."""

    name: str
    type: str
    country: str | None
    events: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "country": self.country,
                "events": self.events}


@dataclass(frozen=True)
class ActorProfile:
    """Who an actor is and what the knowledge base holds about them."""

    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]  # forms articles used, the most used first
    events: int  # merged events they take part in
    by_type: dict[str, int]  # merged events by type, the most frequent first
    partners: tuple[Partner, ...]  # top co-participants, the most frequent first
    first: date | None = None  # date of their earliest and latest event
    last: date | None = None
    others: tuple[str, ...] = ()  # other actors the name given could also mean

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "country": self.country,
                "aliases": list(self.aliases), "events": self.events,
                "by_type": dict(self.by_type),
                "partners": [p.to_dict() for p in self.partners],
                "first": _iso(self.first), "last": _iso(self.last),
                "others": list(self.others)}


@dataclass(frozen=True)
class DyadMonth:
    """One month of a dyad: its cooperative and restrictive merged events."""

    month: str  # "YYYY-MM"
    cooperative: int
    restrictive: int

    @property
    def index(self) -> float:
        return cooperation_index(self.cooperative, self.restrictive)

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "cooperative": self.cooperative,
                "restrictive": self.restrictive, "index": round(self.index, 4)}


@dataclass(frozen=True)
class DyadSeries:
    """Two countries' cooperative and restrictive events by month, and the latest ones.

    `months` runs without gaps from the first month with an event (or `since`) to the last
    (or `until`); a month without events counts 0 and 0 and has index 0. `undated` counts
    the events with no date and no publication date either, in no month.
    """

    countries: tuple[str, str]
    months: tuple[DyadMonth, ...]
    latest: tuple[MergedEvent, ...] = field(default=())
    undated: int = 0
    since: date | None = None
    until: date | None = None

    @property
    def cooperative(self) -> int:
        return sum(m.cooperative for m in self.months)

    @property
    def restrictive(self) -> int:
        return sum(m.restrictive for m in self.months)

    @property
    def index(self) -> float:
        """The cooperation index over the whole series."""
        return cooperation_index(self.cooperative, self.restrictive)

    def to_dict(self) -> dict[str, Any]:
        return {"countries": list(self.countries), "since": _iso(self.since),
                "until": _iso(self.until), "cooperative_types": list(COOPERATIVE),
                "restrictive_types": list(RESTRICTIVE), "cooperative": self.cooperative,
                "restrictive": self.restrictive, "index": round(self.index, 4),
                "undated": self.undated, "months": [m.to_dict() for m in self.months],
                "latest": [merged_event_to_dict(e) for e in self.latest]}


def cooperation_index(cooperative: int, restrictive: int) -> float:
    """(cooperative − restrictive) / (cooperative + restrictive), from −1 to 1; 0 for none."""
    total = cooperative + restrictive
    return (cooperative - restrictive) / total if total else 0.0


# --- actors --------------------------------------------------------------------------

def actor_events(store: Store, name: str, since: date | None = None,
                 until: date | None = None, limit: int | None = None) -> list[MergedEvent]:
    """Every merged event the actor `name` takes part in (any role), newest first.

    `since`/`until` bound the merged event's date, or its latest publication when it has
    none; an unknown name gives an empty list.
    """
    with store.engine.connect() as conn:
        actor = _resolve_actor(conn, name)
        if actor is None:
            return []
        stmt = (select(s.merged_events.c.id, s.merged_events.c.type)
                .where(with_participant(actor.ids), *_between(since, until))
                .order_by(merged_when().desc().nulls_last(), s.merged_events.c.id.desc())
                .limit(limit))
        return folded(conn, conn.execute(stmt).all())


def entity_names(store: Store) -> list[str]:
    """Every distinct canonical entity name stored (what actor slugs are matched on)."""
    with store.engine.connect() as conn:
        return list(conn.execute(select(s.entities.c.name).distinct()).scalars().all())


def actor_profile(store: Store, name: str, top: int = TOP_PARTNERS) -> ActorProfile | None:
    """Who `name` is, their merged events by type, and their `top` co-participants."""
    me, mp, e, al = s.merged_events, s.merged_participants, s.entities, s.entity_aliases
    when = merged_when()
    with store.engine.connect() as conn:
        actor = _resolve_actor(conn, name)
        if actor is None:
            return None
        kinds = conn.execute(
            select(me.c.type, func.count().label("n"), func.min(when).label("first"),
                   func.max(when).label("last"))
            .where(with_participant(actor.ids)).group_by(me.c.type)).all()
        aliases = conn.execute(
            select(al.c.alias).where(al.c.entity_id.in_(actor.ids)).group_by(al.c.alias)
            .order_by(func.count().desc(), al.c.alias)).scalars().all()
        own = mp.alias("own")
        # (merged_id, entity_id) is unique: with one entity, each partner row is one event
        count = func.count() if len(actor.ids) == 1 else func.count(func.distinct(mp.c.merged_id))
        top_ids = conn.execute(
            select(mp.c.entity_id, count.label("n")).select_from(own)
            .join(mp, mp.c.merged_id == own.c.merged_id)
            .where(own.c.entity_id.in_(actor.ids), mp.c.entity_id.notin_(actor.ids))
            .group_by(mp.c.entity_id).order_by(count.desc(), mp.c.entity_id)
            .limit(top)).all()
        names = {row.id: row for row in conn.execute(
            select(e.c.id, e.c.name, e.c.type, e.c.country)
            .where(e.c.id.in_([r.entity_id for r in top_ids])))}
    by_type = dict(sorted(((k.type, k.n) for k in kinds), key=lambda kv: (-kv[1], kv[0])))
    firsts = [d for d in (_as_date(k.first) for k in kinds) if d is not None]
    lasts = [d for d in (_as_date(k.last) for k in kinds) if d is not None]
    partners = tuple(Partner(names[r.entity_id].name, names[r.entity_id].type,
                             names[r.entity_id].country, r.n) for r in top_ids)
    return ActorProfile(
        name=actor.name, type=actor.type, country=actor.country,
        aliases=tuple(dict.fromkeys([actor.name, *aliases])), events=sum(by_type.values()),
        by_type=by_type, partners=partners, first=min(firsts, default=None),
        last=max(lasts, default=None), others=actor.others)


@dataclass(frozen=True)
class _Actor:
    name: str
    type: str
    country: str | None
    ids: tuple[int, ...]  # every entity with the canonical name
    others: tuple[str, ...]


def _resolve_actor(conn: Connection, name: str) -> _Actor | None:
    """The canonical actor `name` means (see the module docstring), or None."""
    given = name.strip()
    if not given:
        return None
    # SQLite's lower() folds A-Z only, PostgreSQL's every letter: ask for both foldings.
    keys = sorted({given.lower(), _ascii_lower(given)})
    e, al = s.entities, s.entity_aliases
    ids = conn.execute(select(e.c.id).where(func.lower(e.c.name).in_(keys))).scalars().all()
    if not ids:
        ids = conn.execute(select(al.c.entity_id).distinct()
                           .where(func.lower(al.c.alias).in_(keys))).scalars().all()
    if not ids:
        return None
    rows = conn.execute(select(e.c.id, e.c.name).where(e.c.id.in_(ids))).all()
    ranked = sorted({r.name for r in rows})
    if len(ranked) > 1:  # an alias of several actors: the one in most merged events
        counts = _event_counts(conn, [r.id for r in rows])
        per_name: Counter[str] = Counter()
        for row in rows:
            per_name[row.name] += counts.get(row.id, 0)
        ranked.sort(key=lambda n: -per_name[n])
    chosen = ranked[0]
    same = conn.execute(select(e.c.id, e.c.type, e.c.country)
                        .where(e.c.name == chosen).order_by(e.c.id)).all()
    main = same[0]
    if len(same) > 1:  # one name typed two ways: described as the one in most events
        counts = _event_counts(conn, [r.id for r in same])
        main = max(same, key=lambda r: (counts.get(r.id, 0), r.country is not None, -r.id))
    return _Actor(name=chosen, type=main.type, country=main.country,
                  ids=tuple(r.id for r in same), others=tuple(ranked[1:]))


def _event_counts(conn: Connection, entity_ids: list[int]) -> dict[int, int]:
    mp = s.merged_participants
    return dict(conn.execute(select(mp.c.entity_id, func.count())
                             .where(mp.c.entity_id.in_(entity_ids))
                             .group_by(mp.c.entity_id)).all())


# --- dyads ---------------------------------------------------------------------------

def dyad_series(store: Store, a_iso3: str, b_iso3: str, since: date | None = None,
                until: date | None = None, latest: int = LATEST) -> DyadSeries:
    """Cooperative and restrictive merged events involving both countries, by month.

    An event counts for a month by its date (its latest publication when it has none);
    negated events count for neither side. `latest` of the events counted come with the
    series, newest first. Raises ValueError unless both are three-letter codes, different.
    """
    a, b = _iso3(a_iso3), _iso3(b_iso3)
    if a == b:
        raise ValueError(f"a dyad needs two different countries, not {a} twice")
    me = s.merged_events
    when = merged_when()
    both = intersect(_involving(a), _involving(b)).subquery("dyad")
    year, month = extract("year", when), extract("month", when)
    stmt = (select(year.label("y"), month.label("m"), me.c.type, func.count().label("n"),
                   func.aggregate_strings(me.c.id, " ").label("ids"))
            .select_from(me).join(both, both.c.merged_id == me.c.id)
            .where(me.c.type.in_(COOPERATIVE + RESTRICTIVE), me.c.status.notin_(NOT_COUNTED),
                   *_between(since, until))
            .group_by(year, month, me.c.type))
    coop: Counter[tuple[int, int]] = Counter()
    restrict: Counter[tuple[int, int]] = Counter()
    ids: dict[tuple[int, int] | None, list[str]] = {}
    undated = 0
    with store.engine.connect() as conn:
        for row in conn.execute(stmt):
            bucket = None if row.y is None else (int(row.y), int(row.m))
            ids.setdefault(bucket, []).extend(row.ids.split(" "))
            if bucket is None:
                undated += row.n
            else:
                (restrict if row.type in RESTRICTIVE else coop)[bucket] += row.n
        events = _latest(conn, ids, latest)
    months = tuple(DyadMonth(f"{y:04d}-{m:02d}", coop[(y, m)], restrict[(y, m)])
                   for y, m in _month_range(set(coop) | set(restrict), since, until))
    return DyadSeries(countries=(a, b), months=months, latest=tuple(events),
                      undated=undated, since=since, until=until)


def _latest(conn: Connection, ids: dict[tuple[int, int] | None, list[str]],
            count: int) -> list[MergedEvent]:
    """The `count` newest of the merged events `ids` holds by month (None: undated).

    Only the newest months are looked at, as many as hold `count` events."""
    if count <= 0:
        return []
    candidates: list[str] = []
    for bucket in [*sorted((k for k in ids if k is not None), reverse=True), None]:
        if len(candidates) >= count:
            break
        candidates += ids.get(bucket, [])
    me = s.merged_events
    rows: list[Any] = []
    for i in range(0, len(candidates), _CHUNK):
        rows += conn.execute(select(me.c.id, me.c.type, merged_when().label("when"))
                             .where(me.c.id.in_(candidates[i:i + _CHUNK]))).all()
    rows.sort(key=lambda r: (r.when is not None, str(r.when or ""), r.id), reverse=True)
    return folded(conn, rows[:count])


def _iso3(code: str) -> str:
    value = code.strip().upper()
    if len(value) != 3 or not value.isascii() or not value.isalpha():
        raise ValueError(f"{code!r} is not an ISO 3166 alpha-3 country code (like JPN, USA)")
    return value


def _involving(country: str) -> Select[Any]:
    """Ids of merged events with a participant acting for `country`."""
    mp, e = s.merged_participants, s.entities
    return (select(mp.c.merged_id).join(e, e.c.id == mp.c.entity_id)
            .where(e.c.country == country))


def _month_range(months: set[tuple[int, int]], since: date | None,
                 until: date | None) -> list[tuple[int, int]]:
    bounds = sorted(months)
    first = (since.year, since.month) if since else (bounds[0] if bounds else None)
    last = (until.year, until.month) if until else (bounds[-1] if bounds else None)
    if first is None or last is None:
        return []
    out = []
    y, m = first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# --- shared --------------------------------------------------------------------------

def _between(since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    when = merged_when()
    return [c for c in (when >= since if since else None, when <= until if until else None)
            if c is not None]


def _ascii_lower(text: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def _as_date(value: Any) -> date | None:
    """A date from an aggregate (SQLite returns min/max of a date column as text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
