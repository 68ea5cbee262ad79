"""Arrival order: the merged events are those placing in publication order gives.

Placing is greedy: each report joins the best merged event the store holds when it is
placed. So the result would depend on the order reports arrive in (a report read
before the fuller one that ties it to others starts a happening of its own; of two
merged events, the one formed first takes the next report). One `kizuna ingest` places
its articles oldest first; so that an article arriving late ends where it would have
ended had it come in its turn, the reports published after it that it bears on are
placed again after it, oldest first:

1. the article's events are scored with the merged events they may report
   (`candidates`); the articles published after it with an event in one they nearly
   match (`REPLAY_SCORE`) are its *later reports*;
2. those reports' automatic placements are undone, and the folds they caused (never
   in a merged event a person arranged or took an event out of: it stays as they
   left it, as folding leaves it);
3. the article is placed, then each later report, oldest first, each in turn taking
   its own later reports along (a worklist in publication order, at most
   `REPLAY_LIMIT` articles for one arrival, so one article cannot re-place a store).

Every re-placement is recorded as a judgement like any other, naming the article whose
arrival caused it.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, and_, delete, or_, select

from kizuna.resolve.merging import NEAR_SCORE, EventFacts, Judgement, score
from kizuna.store import schema as s
from kizuna.store.merging.corrections import split_from
from kizuna.store.merging.folding import unfold
from kizuna.store.merging.rows import PERSON, refresh

REPLAY_LIMIT = 40  # later reports placed again for one arriving article, at most
REPLAY_SCORE = NEAR_SCORE  # a later report this close may match once weighed in its turn

P = TypeVar("P")  # what placing an article needs, read once


def article_key(conn: Connection, article_id: str) -> tuple[date, str]:
    """Where an article stands in publication order (undated first, ties by id), the
    order one `kizuna ingest` stores in."""
    published = conn.execute(select(s.articles.c.published)
                             .where(s.articles.c.id == article_id)).scalar()
    return published or date.min, article_id


def matched(facts: list[EventFacts], candidates: dict[str, list[EventFacts]],
            weights: dict[str, float]) -> set[str]:
    """Merged events some event of the article nearly matches (`REPLAY_SCORE`): the
    later report in one is placed after it in publication order, with its own weights
    (the news up to it, which includes this article), and may then match where this
    article, weighing the same names against fewer reports, did not."""
    out = set()
    for fact in facts:
        for candidate in candidates.get(fact.id, []):
            found = score(fact, candidate, weights)
            if found is not None and found[0] >= REPLAY_SCORE:
                out.add(candidate.id)
    return out


def later_reports(conn: Connection, key: tuple[date, str], merged_ids: set[str]) -> list[
        tuple[date, str]]:
    """Articles published after `key` with an automatically placed event in one of
    `merged_ids` (not one a person arranged or split), oldest first."""
    merged_ids = merged_ids - as_a_person_left(conn, merged_ids)
    if not merged_ids:
        return []
    mm, ev, a = s.merged_members, s.events, s.articles
    published, article_id = key
    after = or_(a.c.published > published,
                and_(a.c.published == published, a.c.id > article_id))
    if published == date.min:  # undated: every dated article is later
        after = or_(a.c.published.is_not(None), a.c.id > article_id)
    rows = conn.execute(select(a.c.id, a.c.published).distinct()
                        .join(ev, ev.c.article_id == a.c.id)
                        .join(mm, mm.c.event_id == ev.c.id)
                        .where(mm.c.merged_id.in_(sorted(merged_ids)), after,
                               ev.c.id.not_in(placed_by_person()))).all()
    return sorted((r.published or date.min, r.id) for r in rows)


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
                         matches: Callable[[P], set[str]],
                         place: Callable[[P, str | None], list[Judgement]]) -> list[Judgement]:
    """Place the arriving article, and again every later report it bears on (and theirs,
    in turn), oldest first. `prepare(article)` reads what placing its unplaced events
    needs, `matches(prepared)` names the merged events they could join, and
    `place(prepared, why)` places them (`why`: the reason a report is placed again)."""
    queue = [article_key(conn, article_id)]
    queued = {article_id}
    budget = REPLAY_LIMIT
    out: list[Judgement] = []
    while queue:
        key = heapq.heappop(queue)
        prepared = prepare(key[1])
        later = [k for k in later_reports(conn, key, matches(prepared)) if k[1] not in queued]
        if later[:budget]:
            for found in later[:budget]:
                queued.add(found[1])
                unplace(conn, found[1])
                heapq.heappush(queue, found)
            budget -= len(later[:budget])
            prepared = prepare(key[1])  # what it may join changed
        why = None if key[1] == article_id else (
            f"placed again, in publication order, after article {article_id} "
            "(published earlier) arrived")
        out += place(prepared, why)
    return out
