"""For the person who checks (read-only): why each event is in its merged event, and
which other merged events are nearly the same happening."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from sqlalchemy import Connection, select

from kizuna.resolve.merging import NEAR_SCORE, score
from kizuna.store import schema as s
from kizuna.store.members import load_members
from kizuna.store.merging.candidates import (
    Countries,
    Excluded,
    candidates,
    event_facts,
    participant_weights,
)

NEAR_LIMIT = 5  # nearly-the-same merged events an event page lists
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit


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


def near_matches(conn: Connection, merged_id: str, countries: Countries,
                 limit: int = NEAR_LIMIT, floor: float = NEAR_SCORE) -> list[NearMatch]:
    """Merged events nearly the same happening as `merged_id`, best first: each member
    scored against the members of other merged events the way merging does (same
    candidates, weights and `score`), kept from `floor` up. Writes nothing."""
    members = load_members(conn, s.merged_members.c.merged_id == merged_id)
    if not members:
        return []
    mine = {m.article_id for m in members}
    best: dict[str, NearMatch] = {}
    for member in members:
        found = candidates(conn, member, countries, Excluded(merged=(merged_id,)))
        fact = event_facts(member, countries)
        weights = participant_weights(conn, fact.participants | {
            n for c in found for n in c.participants}, member.published)
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
