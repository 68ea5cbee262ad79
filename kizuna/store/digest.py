"""The daily brief: what the news between two dates added to the record.

Three kinds of line, each about one merged event:
- `new`: the happening was first reported in the window;
- `status`: a report in the window changed its status (planned → happened, happened →
  negated …), with the article that changed it;
- `sources`: a happening known before gained reports in the window.
Lines are grouped by the pair of countries taking part (its dyad) and the event type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kizuna.model import Citation, MergedEvent, StatusChange
from kizuna.store.database import Store
from kizuna.store.merged import reported_since

KINDS = ("new", "status", "sources")


@dataclass(frozen=True)
class DigestLine:
    kind: str  # one of KINDS
    event: MergedEvent
    citations: tuple[Citation, ...]  # the reports published in the window
    change: StatusChange | None = None
    previous: str | None = None  # the status before `change`


@dataclass
class DigestGroup:
    dyad: str
    type: str
    lines: list[DigestLine] = field(default_factory=list)


@dataclass(frozen=True)
class Digest:
    since: date
    until: date | None
    groups: tuple[DigestGroup, ...]

    def count(self, kind: str) -> int:
        return sum(line.kind == kind for g in self.groups for line in g.lines)


def build_digest(store: Store, since: date, until: date | None = None,
                 type: str | None = None, actor: str | None = None,
                 country: str | None = None) -> Digest:
    events = reported_since(store, since, type=type, actor=actor, country=country)
    return digest_of(events, since, until)


def digest_of(events: list[MergedEvent], since: date, until: date | None = None) -> Digest:
    """The brief of `events` for the window [since, until] (pure: no store needed)."""
    groups: dict[tuple[str, str], DigestGroup] = {}
    for event in events:
        line = digest_line(event, since, until)
        if line is None:
            continue
        key = (dyad(event), event.type)
        groups.setdefault(key, DigestGroup(*key)).lines.append(line)
    ordered = sorted(groups.values(), key=lambda g: (g.dyad == "—", g.dyad, g.type))
    for group in ordered:
        group.lines.sort(key=lambda line: (KINDS.index(line.kind), line.event.id))
    return Digest(since, until, tuple(ordered))


def digest_line(event: MergedEvent, since: date, until: date | None) -> DigestLine | None:
    """What the window did to `event`, or None if nothing was published in it."""
    def inside(day: date | None) -> bool:
        return day is not None and day >= since and (until is None or day <= until)

    fresh = tuple(c for c in event.citations if inside(c.published))
    if not fresh:
        return None
    earlier = [c for c in event.citations if c.published is not None and c.published < since]
    if not earlier:
        return DigestLine("new", event, fresh)
    history = list(event.status_history)
    for i in range(len(history) - 1, 0, -1):
        if inside(history[i].as_of) and history[i].status != history[i - 1].status:
            return DigestLine("status", event, fresh, history[i], history[i - 1].status)
    return DigestLine("sources", event, fresh)


def dyad(event: MergedEvent) -> str:
    """"JPN-USA": the countries taking part, sorted; one country alone, or "—"."""
    countries = sorted({e.country for e in (*event.actors, *event.targets) if e.country})
    return "-".join(countries) if countries else "—"
