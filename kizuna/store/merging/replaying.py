"""Arrival order: the merged events are those placing in publication order gives.

Placing is greedy: each report joins the best merged event the store holds when it is
placed. So the result would depend on the order reports arrive in (a report read
before the fuller one that ties it to others starts a happening of its own; of two
merged events, the one formed first takes the next report). One `kizuna ingest` places
its articles oldest first; so that an article arriving late ends where it would have
ended had it come in its turn, the reports published after it that it bears on are
placed again after it, oldest first:

1. the article's events are scored with the members of the merged events they may
   report (`candidates`); reports published no earlier (and at most `REPLAY_DAYS`
   after it) whose event they nearly match (`REPLAY_SCORE`), and which are held where
   they are by no more than that match plus `WEIGHT_SLACK`, are its *later reports*. A
   report that joined a merged event is held by the score it joined with; one that
   began it, by the best score another member still there joined with (placed again,
   it is compared with those members; alone, it is held by nothing). Most reports of
   a store dense with reports of one happening are held by their siblings and left;
2. those reports' automatic placements are undone, and the folds they caused (never
   in a merged event a person arranged or took an event out of: it stays as they
   left it, as folding leaves it);
3. the article is placed, then each later report, oldest first; one that ends
   elsewhere than it was takes its own later reports along in turn (a worklist in
   publication order, at most `REPLAY_LIMIT` articles for one arrival; its own later
   reports are looked for only once it has moved).

Names are weighed by the merged events last reported by the report's own day
(`candidates.participant_weights`), so a report placed again weighs them as it did in
its turn. Every re-placement is recorded as a judgement like any other, naming the
article whose arrival caused it.

What this costs: each report placed again costs about as much as storing an article.
In a store dense with related reports published after the arriving one (issue 11's
benchmark stores the dev articles, 2024-2025, into 20,000 generated ones of 2023-2025)
that is many, and storing into it is far slower than into an empty store.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Connection, and_, delete, or_, select

from kizuna.resolve.merging import NEAR_SCORE, EventFacts, Judgement, score
from kizuna.store import schema as s
from kizuna.store.merging.corrections import split_from
from kizuna.store.merging.folding import unfold
from kizuna.store.merging.rows import PERSON, refresh

# Later reports placed again for one arriving article, at most. Each costs about as
# much as storing an article; in issue 11's cost benchmark (slack 0.1) 40 stores the
# dev articles in ~4.6 s, 10 in ~4.1 s, 5 in ~3.7 s, 2 in ~3.2 s, none in ~2.1 s;
# dev in five orders gives the same spread (0.013) with 40 and with 5, 0.051 with 3
# and 0.073 with 2.
REPLAY_LIMIT = 5
# Later reports published more than this many days after the arriving article are left
# as they are: reports of one happening come out within days of each other, and each
# later report placed again costs about as much as storing an article (issue 11's
# merging-cost bar). On dev-real 3 gives the publication-order result in every order
# tried; 1 leaves a spread of 0.019 in pair F1 across five orders.
REPLAY_DAYS = 3
REPLAY_SCORE = NEAR_SCORE  # a later report this close may match once weighed in its turn
# How much a pair's score may differ by whose news up to it weighs the names: a later
# report held where it is by a score more than this above the arriving article's stays
# put. Measured (issue 11's cost benchmark, dev in five orders): 0.25 stores the dev
# articles into the 20,000-article store in ~8 s, 0.1 in ~4.6 s, both with a dev spread
# of 0.013; 0 in ~3-5 s but, with a limit of 2, a dev spread of 0.073.
WEIGHT_SLACK = 0.1

P = TypeVar("P")  # what placing an article needs, read once


def article_key(conn: Connection, article_id: str) -> tuple[date, str]:
    """Where an article stands in publication order (undated first, ties by id), the
    order one `kizuna ingest` stores in."""
    published = conn.execute(select(s.articles.c.published)
                             .where(s.articles.c.id == article_id)).scalar()
    return published or date.min, article_id


def matched(facts: list[EventFacts], candidates: dict[str, list[EventFacts]],
            weights: dict[str, float]) -> dict[str, float]:
    """Reports published no earlier than the article that one of its events nearly
    matches (`REPLAY_SCORE`): member event id -> the best score. Placed after it, in
    publication order, such a report may have joined it instead."""
    out: dict[str, float] = {}
    for fact in facts:
        for candidate in candidates.get(fact.id, []):
            if candidate.member is None or not _not_before(candidate.published,
                                                           fact.published):
                continue
            found = score(fact, candidate, weights)
            if found is not None and found[0] >= REPLAY_SCORE:
                out[candidate.member] = max(found[0], out.get(candidate.member, 0.0))
    return out


def _not_before(published: date | None, than: date | None) -> bool:
    """Whether a report published on `published` may come after one of `than` in
    publication order (undated first; the same day is settled by id, in SQL)."""
    if than is None:
        return True
    return published is not None and published >= than


def later_reports(conn: Connection, key: tuple[date, str],
                  near: dict[str, float]) -> list[tuple[date, str]]:
    """Articles after `key` in publication order with an automatically placed event of
    `near` (event id -> how well the article matches it) that may be placed otherwise
    after it: one that began a happening, or joined one with a score the article's
    comes within `WEIGHT_SLACK` of (each side weighs names by the news up to itself).
    Not in a merged event a person arranged or split. Oldest first."""
    if not near:
        return []
    mm, ev, a = s.merged_members, s.events, s.articles
    published, article_id = key
    after = or_(a.c.published > published,
                and_(a.c.published == published, a.c.id > article_id))
    if published == date.min:  # undated: every dated article is later
        after = or_(a.c.published.is_not(None), a.c.id > article_id)
    else:
        after = and_(after, a.c.published <= published + timedelta(days=REPLAY_DAYS))
    ids = sorted(near)
    rows = conn.execute(select(ev.c.id, mm.c.merged_id, a.c.id.label("article"), a.c.published)
                        .join(a, a.c.id == ev.c.article_id)
                        .join(mm, mm.c.event_id == ev.c.id)
                        .where(ev.c.id.in_(ids), after,
                               ev.c.id.not_in(placed_by_person()))).all()
    left = as_a_person_left(conn, {r.merged_id for r in rows})
    rows = [r for r in rows if r.merged_id not in left]
    if not rows:
        return []
    members = member_ids(conn, {r.merged_id for r in rows})
    placed = last_placements(conn, {e for found in members.values() for e in found})
    moving: set[str] = set()
    while True:  # a report that may move frees those that only it held in place
        more = {r.id for r in rows if r.id not in moving
                and near[r.id] >= _held(r.id, members[r.merged_id], placed, moving)
                - WEIGHT_SLACK}
        if not more:
            break
        moving |= more
    return sorted({(r.published or date.min, r.article) for r in rows if r.id in moving})


def _held(event: str, members: list[str], placed: dict[str, tuple[str | None, float]],
          moving: set[str]) -> float:
    """How strongly the event is held in its merged event: the score it joined with;
    for one that began it, the best score another member still there joined with (a
    report placed again compares the arriving article with the members that stay, and
    a lone one is held by nothing)."""
    merged_id, judged = placed.get(event, (None, 0.0))
    if merged_id is not None:
        return judged
    return max((placed.get(other, (None, 0.0))[1] for other in members
                if other != event and other not in moving
                and placed.get(other, (None, 0.0))[0] is not None), default=0.0)


def member_ids(conn: Connection, merged_ids: set[str]) -> dict[str, list[str]]:
    """merged id -> its member event ids."""
    mm = s.merged_members
    out: dict[str, list[str]] = {m: [] for m in merged_ids}
    for event, merged_id in conn.execute(select(mm.c.event_id, mm.c.merged_id)
                                         .where(mm.c.merged_id.in_(sorted(merged_ids)))):
        out[merged_id].append(event)
    return out


def last_placements(conn: Connection, events: set[str]) -> dict[str, tuple[str | None, float]]:
    """event id -> (the merged event its last judgement put it in, None for a new
    happening; that judgement's score)."""
    j = s.judgements
    placed: dict[str, tuple[str | None, float]] = {}
    for event, merged_id, judged in conn.execute(
            select(j.c.event_id, j.c.merged_id, j.c.score)
            .where(j.c.event_id.in_(sorted(events))).order_by(j.c.id)):
        placed[event] = (merged_id, judged)
    return placed


def as_a_person_left(conn: Connection, merged_ids: set[str]) -> set[str]:
    """Those of `merged_ids` a person arranged (moved an event in, or kept one there) or
    took an event out of: they stay as the person left them, as folding leaves them."""
    if not merged_ids:
        return set()
    mm = s.merged_members
    arranged = conn.execute(select(mm.c.merged_id).distinct().where(
        mm.c.merged_id.in_(sorted(merged_ids)),
        mm.c.event_id.in_(placed_by_person()))).scalars()
    return set(arranged) | (split_from(conn) & merged_ids)


def placed_by_person() -> Any:
    """Events a person placed: their placement is never undone."""
    j = s.judgements
    return select(j.c.event_id).where(j.c.decided_by == PERSON)


def unplace(conn: Connection, article_id: str) -> None:
    """Take the article's automatically placed events out of their merged events, to
    be placed again, and undo the folds they caused (`folding.unfold`)."""
    mm, ev = s.merged_members, s.events
    events = select(ev.c.id).where(ev.c.article_id == article_id,
                                   ev.c.id.not_in(placed_by_person()))
    unfold(conn, list(conn.execute(events).scalars()))
    affected = conn.execute(select(mm.c.merged_id).distinct()
                            .where(mm.c.event_id.in_(events))).scalars().all()
    conn.execute(delete(mm).where(mm.c.event_id.in_(events)))
    for merged_id in affected:
        refresh(conn, merged_id)


def in_publication_order(conn: Connection, article_id: str, prepare: Callable[[str], P],
                         matches: Callable[[P], dict[str, float]],
                         place: Callable[[P, str | None], list[Judgement]]) -> list[Judgement]:
    """Place the arriving article, and again every later report it bears on, oldest
    first; a report placed again that ends elsewhere than before takes its own later
    reports along in turn (one that ends where it was changes nothing after it).
    `prepare(article)` reads what placing its unplaced events needs, `matches(prepared)`
    the later reports they nearly match, `place(prepared, why)` places them (`why`: the
    reason a report is placed again)."""
    queue = [article_key(conn, article_id)]
    queued = {article_id}
    was: dict[str, str] = {}  # event placed again -> the merged event it was in
    budget = REPLAY_LIMIT
    out: list[Judgement] = []
    why = (f"placed again, in publication order, after article {article_id} "
           "(published earlier) arrived")

    def later_of(key: tuple[date, str], prepared: P) -> list[tuple[date, str]]:
        return [k for k in later_reports(conn, key, matches(prepared))
                if k[1] not in queued][:max(budget, 0)]

    def take_along(later: list[tuple[date, str]]) -> None:
        """Undo the placements of these later reports, and queue them."""
        nonlocal budget
        for found in later:
            queued.add(found[1])
            was.update(placements_of(conn, found[1]))
            unplace(conn, found[1])
            heapq.heappush(queue, found)
        budget -= len(later)

    while queue:
        key = heapq.heappop(queue)
        prepared = prepare(key[1])
        if key[1] == article_id:
            later = later_of(key, prepared)
            if later:
                take_along(later)
                prepared = prepare(key[1])  # what it may join changed
            out += place(prepared, None)
            continue
        placed = place(prepared, why)
        if any(was.get(j.event_id) != j.merged_id for j in placed):
            # it moved: what came after it may move too, placed after it again (its
            # later reports are looked for only now, most placed again stay put)
            later = later_of(key, prepared)
            if later:
                unplace(conn, key[1])
                take_along(later)
                placed = place(prepare(key[1]), why)
        out += placed
    return out


def placements_of(conn: Connection, article_id: str) -> dict[str, str]:
    """event id -> merged id, for the article's events."""
    mm, ev = s.merged_members, s.events
    rows = conn.execute(select(mm.c.event_id, mm.c.merged_id)
                        .join(ev, ev.c.id == mm.c.event_id)
                        .where(ev.c.article_id == article_id))
    return {row.event_id: row.merged_id for row in rows}
