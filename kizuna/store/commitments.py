"""The commitments ledger: every pledge of money once, however many outlets told it and
however they typed it.

A pledge is a merged INVEST, TRADE or AGREE event that carries an amount. Outlets tell one
pledge as an agreement, an investment, even a tariff deal (RESTRICT), so merged events
of those types with the same amount (within 1 %, same currency) and the same pledger
are one pledge: they name a party in common, or, where a pledger is a country or acts for
one (a government, a leader), their countries meet. Companies must be named alike: two
firms of one country pledging the same sum are two pledges. A RESTRICT event only joins
a pledge, never starts one (a tariff with a figure is not a promise).

Totals count each pledge once, by currency, leaving out pledges last reported negated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select

from kizuna.model import Entity, MergedEvent, Pledge
from kizuna.store import schema as s
from kizuna.store.database import Store
from kizuna.store.merged import list_merged_events

PLEDGE_TYPES = ("INVEST", "TRADE", "AGREE")
JOINING_TYPES = ("RESTRICT",)  # may join a pledge, never start one
SAME_AMOUNT = 0.01  # relative difference under which two figures are one amount
# Characters between an amount and its conversion: "5500億ドル（約80兆円）", "$550 billion
# (about ¥80 trillion)".
CONVERSION_GAP = 10
# Parties that speak for their country: a pledge by the government or its leader is the
# country's pledge.
STATE_TYPES = ("GPE", "PERSON")


def list_commitments(store: Store, actor: str | None = None, country: str | None = None,
                     since: date | None = None, until: date | None = None) -> list[Pledge]:
    """Every pledge the store holds, newest first, narrowed like `kizuna events`."""
    events = [e for t in (*PLEDGE_TYPES, *JOINING_TYPES)
              for e in list_merged_events(store, type=t, actor=actor, country=country,
                                          since=since, until=until)
              if e.amount is not None]
    pledges = group_pledges(events)
    conversions = _conversions(store, pledges)
    for pledge in pledges:
        pledge.also_reported_as = conversions.get(pledge.id, [])
    return sorted(pledges, key=lambda p: (p.when or date.min, p.id), reverse=True)


def group_pledges(events: Iterable[MergedEvent]) -> list[Pledge]:
    """Merged events with amounts, one Pledge per promise (see the module's rules)."""
    ordered = sorted(events, key=lambda e: (e.type in JOINING_TYPES, _first_seen(e), e.id))
    pledges: list[Pledge] = []
    for event in ordered:
        if event.amount is None:
            continue
        home = next((p for p in pledges if _same_pledge(p, event)), None)
        if home is not None:
            home.events.append(event)
        elif event.type not in JOINING_TYPES:
            pledgers, recipients = _roles(event)
            pledges.append(Pledge(event.amount, pledgers, recipients, [event]))
    return pledges


def totals(pledges: Iterable[Pledge]) -> dict[str, dict[str, dict[str, float]]]:
    """Sums by pledger, by dyad (pledger's country-recipient's country) and by year, each
    {currency: total}; negated pledges left out."""
    out: dict[str, dict[str, dict[str, float]]] = {
        "by_pledger": defaultdict(lambda: defaultdict(float)),
        "by_dyad": defaultdict(lambda: defaultdict(float)),
        "by_year": defaultdict(lambda: defaultdict(float)),
    }
    for pledge in pledges:
        if pledge.status == "negated":
            continue
        value, currency = pledge.amount
        for name in dict.fromkeys(e.id for e in pledge.pledgers) or ("unknown",):
            out["by_pledger"][name][currency] += value
        out["by_dyad"][dyad_of(pledge)][currency] += value
        year = str(pledge.when.year) if pledge.when else "undated"
        out["by_year"][year][currency] += value
    return {kind: {k: dict(v) for k, v in sorted(groups.items())}
            for kind, groups in out.items()}


def dyad_of(pledge: Pledge) -> str:
    """"JPN-USA": the pledger's country, then the recipient's; "?" where unknown."""
    def country(parties: tuple[Entity, ...]) -> str:
        return next((e.country for e in parties if e.country), "?")

    return f"{country(pledge.pledgers)}-{country(pledge.recipients)}"


def _same_pledge(pledge: Pledge, event: MergedEvent) -> bool:
    value, currency = pledge.amount
    other, other_currency = event.amount or (0.0, "")
    if currency != other_currency or abs(value - other) > SAME_AMOUNT * max(value, other):
        return False
    theirs, _ = _roles(event)
    if {e.id for e in pledge.pledgers} & {e.id for e in _parties(event)}:
        return True
    return bool(_state_countries(pledge.pledgers) & _state_countries(theirs))


def _roles(event: MergedEvent) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """(pledgers, recipients): actors and targets; for a role-free agreement, the party
    that acts (the first named) pledges to the others."""
    if event.targets or event.type != "AGREE":
        return event.actors, event.targets
    return event.actors[:1], event.actors[1:]


def _parties(event: MergedEvent) -> tuple[Entity, ...]:
    return (*event.actors, *event.targets)


def _state_countries(parties: tuple[Entity, ...]) -> set[str]:
    return {e.country for e in parties if e.country and e.type in STATE_TYPES}


def _first_seen(event: MergedEvent) -> date:
    published = [c.published for c in event.citations if c.published]
    return min(published, default=date.max)


def _conversions(store: Store, pledges: list[Pledge]) -> dict[str, list[tuple[float, str]]]:
    """For each pledge, the amounts in another currency its articles give right after its
    own figure (a conversion in brackets), largest first."""
    event_ids = {c.event_id: p.id for p in pledges for e in p.events for c in e.citations}
    if not event_ids:
        return {}
    ev, am = s.events, s.amounts
    found: dict[str, set[tuple[float, str]]] = defaultdict(set)
    with store.engine.connect() as conn:
        own = conn.execute(
            select(ev.c.id, ev.c.article_id, am.c.end, am.c.currency)
            .join(am, (am.c.article_id == ev.c.article_id) & (am.c.local_id == ev.c.amount_id))
            .where(ev.c.id.in_(list(event_ids)))).all()
        articles = {(row.article_id, row.end, row.currency, event_ids[row.id]) for row in own}
        ids = list({article_id for article_id, _, _, _ in articles})
        nearby = conn.execute(select(am.c.article_id, am.c.start, am.c.value, am.c.currency)
                              .where(am.c.article_id.in_(ids))).all() if ids else []
    for article_id, end, currency, pledge_id in articles:
        for row in nearby:
            if (row.article_id == article_id and row.currency != currency
                    and 0 <= row.start - end <= CONVERSION_GAP):
                found[pledge_id].add((row.value, row.currency))
    return {pid: sorted(values, reverse=True) for pid, values in found.items()}
