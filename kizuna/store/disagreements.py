"""Where the reports of one happening disagree: amount, date, status, who did what.

Reporting that conflicts is information: the merged event keeps one value (see
`members.summarise`), and this module shows every value told, each with the reports
that told it. What counts as a disagreement, not as a report saying less:
- amount: two figures in the same currency more than 1 % apart, or in two currencies
  (a conversion is told beside the figure, not as the event's amount);
- date: two dates whose periods do not overlap ("June" and "June 5" agree);
- status: reports published the same day telling different statuses (planned, then
  happened a day later is news, not a conflict), or one report negating what another
  says happened;
- participants: a party acting in one report and on the receiving end in another
  (who imposed the tariff on whom), for types whose roles matter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import func, select

from kizuna.event_types import role_free_types
from kizuna.store import schema as s
from kizuna.store.database import Store
from kizuna.store.members import Member, members_of

SAME_AMOUNT = 0.01
K = TypeVar("K")


@dataclass(frozen=True)
class Told:
    """One value and the reports (members) that told it."""

    value: str
    members: tuple[Member, ...]


@dataclass(frozen=True)
class Disagreement:
    field: str  # amount | date | status | participants
    told: tuple[Told, ...]


def disagreements(members: list[Member]) -> list[Disagreement]:
    """Every field the members disagree on (none for a merged event of one report)."""
    members = sorted(members, key=lambda m: (m.published or date.min, m.article_id,
                                             m.position))
    found = [_amounts(members), _dates(members), _statuses(members), _roles(members)]
    return [d for d in found if d is not None]


def event_disagreements(store: Store, merged_id: str) -> list[Disagreement]:
    with store.engine.connect() as conn:
        return disagreements(members_of(conn, [merged_id])[merged_id])


def disagreeing_events(store: Store, limit: int = 50) -> list[tuple[str, list[Disagreement]]]:
    """Merged events whose reports disagree, most recently reported first (at most
    `limit`; only merged events of two reports or more are read)."""
    me, mm = s.merged_events, s.merged_members
    several = (select(mm.c.merged_id).group_by(mm.c.merged_id)
               .having(func.count() > 1).subquery())
    found: list[tuple[str, list[Disagreement]]] = []
    with store.engine.connect() as conn:
        ids = conn.execute(select(me.c.id).where(me.c.id.in_(select(several.c.merged_id)))
                           .order_by(me.c.last_published.desc().nulls_last(), me.c.id)
                           ).scalars().all()
        for i in range(0, len(ids), 200):
            grouped = members_of(conn, ids[i:i + 200])
            for merged_id in ids[i:i + 200]:
                conflict = disagreements(grouped[merged_id])
                if conflict:
                    found.append((merged_id, conflict))
                    if len(found) >= limit:
                        return found
    return found


def _amounts(members: list[Member]) -> Disagreement | None:
    with_amount = [m for m in members if m.amount is not None]

    def same(a: tuple[float, str], b: tuple[float, str]) -> bool:
        return a[1] == b[1] and abs(a[0] - b[0]) <= SAME_AMOUNT * max(a[0], b[0])

    groups = _group(with_amount, lambda m: m.amount or (0.0, ""), same)
    if len(groups) < 2:
        return None
    return Disagreement("amount", tuple(Told(f"{key[0]:,.0f} {key[1]}", tuple(told))
                                        for key, told in groups))


def _dates(members: list[Member]) -> Disagreement | None:
    dated = [m for m in members if m.date is not None]

    def overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
        return a[0] <= b[1] and b[0] <= a[1]

    def period(m: Member) -> tuple[date, date]:
        return (m.date.start, m.date.end) if m.date else (date.min, date.max)

    groups = _group(dated, period, overlap)
    if len(groups) < 2:
        return None
    return Disagreement("date", tuple(Told(_period(key), tuple(told)) for key, told in groups))


def _statuses(members: list[Member]) -> Disagreement | None:
    by_day: dict[object, set[str]] = {}
    for member in members:
        by_day.setdefault(member.published, set()).add(member.status)
    said = {m.status for m in members}
    same_day = any(len(statuses) > 1 for statuses in by_day.values())
    if not same_day and not {"happened", "negated"} <= said:
        return None
    groups = _group(members, lambda m: m.status, lambda a, b: a == b)
    return Disagreement("status", tuple(Told(key, tuple(told)) for key, told in groups))


def _roles(members: list[Member]) -> Disagreement | None:
    if not members or members[0].type in role_free_types():
        return None
    acting = {e.name for m in members for e in m.actors}
    receiving = {e.name for m in members for e in m.targets}
    swapped = sorted(acting & receiving)
    if not swapped:
        return None
    told = []
    for name in swapped:
        told.append(Told(f"{name} acts", tuple(m for m in members
                                               if name in {e.name for e in m.actors})))
        told.append(Told(f"{name} is acted on", tuple(m for m in members
                                                      if name in {e.name for e in m.targets})))
    return Disagreement("participants", tuple(told))


def _group(members: list[Member], key: Callable[[Member], K],
           alike: Callable[[K, K], bool]) -> list[tuple[K, list[Member]]]:
    """Members in groups of alike keys, in the members' order (first key speaks)."""
    groups: list[tuple[K, list[Member]]] = []
    for member in members:
        value = key(member)
        home = next((g for g in groups if alike(g[0], value)), None)
        if home is None:
            groups.append((value, [member]))
        else:
            home[1].append(member)
    return groups


def _period(key: tuple[date, date]) -> str:
    start, end = key
    return str(start) if start == end else f"{start} – {end}"
