"""The read side of the knowledge base: merged events, filtered, one in full, all for export.

Every merged event is folded from its members by `members.summarise`, the same fold the
writer stores the columns of, so what is listed and what is exported agree. Filters work
on the stored columns (type, status, date) and through the members (participants, text).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Connection, Select, func, select

from kizuna.model import Citation, MergedEvent
from kizuna.store import schema as s
from kizuna.store.database import Store
from kizuna.store.ids import resolve_merged_id
from kizuna.store.members import members_of, summarise
from kizuna.store.merger import NearMatch, Placement, near_matches, placements
from kizuna.store.queries import _from_country, _matches, _named, sentence_context

_CHUNK = 500  # merged events folded per round trip in `iter_merged_events`


@dataclass(frozen=True)
class MergedDetail:
    """One merged event with the text of each article it cites, for showing sentences."""

    event: MergedEvent
    texts: dict[str, str]

    def context(self, citation: Citation) -> tuple[str, str, str]:
        """(before, evidence, after) of one citation, widened to whole sentences."""
        text = self.texts.get(citation.doc_id, "")
        return sentence_context(text, citation.evidence.start, citation.evidence.end)


def sources(event: MergedEvent) -> int:
    """How many articles report the event."""
    return len({c.doc_id for c in event.citations})


SORTS = ("newest", "oldest", "type")


def list_merged_events(
    store: Store, type: str | None = None, actor: str | None = None,
    country: str | None = None, status: str | None = None, since: date | None = None,
    until: date | None = None, search: str | None = None, limit: int | None = None,
    offset: int = 0, sort: str = "newest",
) -> list[MergedEvent]:
    """Merged events, newest first (or as `sort` says: one of SORTS), narrowed by every
    filter given; `offset` and `limit` cut one page of them.

    The filters mean what they mean for `queries.list_events`: `actor` and `country` match
    any participant of any member, `since`/`until` bound the merged date (the latest
    publication for an undated event), `search` the text of any member's article.
    """
    me = s.merged_events
    when = merged_when()
    order = {"oldest": (when.asc().nulls_first(), me.c.id),
             "type": (me.c.type, when.desc().nulls_last(), me.c.id)}.get(
                 sort, (when.desc().nulls_last(), me.c.id))
    stmt = (select(me.c.id, me.c.type)
            .where(*_conditions(store, type, actor, country, status, since, until, search))
            .order_by(*order).limit(limit).offset(offset or None))
    with store.engine.connect() as conn:
        return folded(conn, conn.execute(stmt).all())


def count_merged_events(
    store: Store, type: str | None = None, actor: str | None = None,
    country: str | None = None, status: str | None = None, since: date | None = None,
    until: date | None = None, search: str | None = None,
) -> int:
    """How many merged events `list_merged_events` would give with no limit."""
    stmt = (select(func.count()).select_from(s.merged_events)
            .where(*_conditions(store, type, actor, country, status, since, until, search)))
    with store.engine.connect() as conn:
        return conn.execute(stmt).scalar_one()


def _conditions(store: Store, type: str | None, actor: str | None, country: str | None,
                status: str | None, since: date | None, until: date | None,
                search: str | None) -> list[ColumnElement[bool]]:
    me = s.merged_events
    when = merged_when()
    conditions = [
        me.c.type == type.upper() if type else None,
        me.c.status == status.lower() if status else None,
        with_participant(_named(actor)) if actor else None,
        with_participant(_from_country(country)) if country else None,
        when >= since if since else None,
        when <= until if until else None,
        _with_member(_through_text(store, search)) if search and search.strip() else None,
    ]
    return [c for c in conditions if c is not None]


def reported_since(store: Store, since: date, type: str | None = None,
                   actor: str | None = None, country: str | None = None) -> list[MergedEvent]:
    """Merged events with a report published on or after `since` (whatever their own date):
    what a brief of the news since then is made from."""
    me = s.merged_events
    conditions = _conditions(store, type, actor, country, None, None, None, None)
    stmt = (select(me.c.id, me.c.type).where(me.c.last_published >= since, *conditions)
            .order_by(me.c.last_published.desc(), me.c.id))
    with store.engine.connect() as conn:
        return folded(conn, conn.execute(stmt).all())


def get_merged_event(store: Store, merged_id: str) -> MergedDetail | None:
    """One merged event by its id, or by a prefix of it that names one only."""
    with store.engine.connect() as conn:
        key = resolve_merged_id(conn, merged_id.strip())
        if key is None:
            return None
        rows = conn.execute(select(s.merged_events.c.id, s.merged_events.c.type)
                            .where(s.merged_events.c.id == key)).all()
        (event,) = folded(conn, rows)
        doc_ids = sorted({c.doc_id for c in event.citations})
        texts = dict(conn.execute(select(s.articles.c.id, s.articles.c.text)
                                  .where(s.articles.c.id.in_(doc_ids))).all())
        return MergedDetail(event, texts)


def merge_scoring(store: Store, merged_id: str) -> tuple[dict[str, Placement],
                                                         list[NearMatch]]:
    """Why each member is in the merged event (event id -> its last placement) and the
    other merged events nearly the same happening, scored the way merging scores."""
    with store.engine.connect() as conn:  # read-only: the merger's own scoring
        return placements(conn, merged_id), near_matches(conn, merged_id)


def merged_ids_in_article(store: Store, article_id: str) -> dict[str, str]:
    """The article's event local ids (e1, e2, …) -> the merged event each is in."""
    ev, mm = s.events, s.merged_members
    stmt = (select(ev.c.local_id, mm.c.merged_id)
            .join(mm, mm.c.event_id == ev.c.id).where(ev.c.article_id == article_id))
    with store.engine.connect() as conn:
        return {local_id: merged_id for local_id, merged_id in conn.execute(stmt).all()}


def merged_events_by_id(store: Store, merged_ids: list[str]) -> list[MergedEvent]:
    """The merged events named, in the order given (unknown ids left out)."""
    me = s.merged_events
    with store.engine.connect() as conn:
        rows = conn.execute(select(me.c.id, me.c.type).where(me.c.id.in_(merged_ids))).all()
        found = {e.id: e for e in folded(conn, rows)}
    return [found[i] for i in merged_ids if i in found]


def iter_merged_events(store: Store) -> Iterator[MergedEvent]:
    """Every merged event, oldest first (by date, or latest publication), in chunks."""
    me = s.merged_events
    with store.engine.connect() as conn:
        rows = conn.execute(select(me.c.id, me.c.type)
                            .order_by(merged_when().nulls_first(), me.c.id)).all()
        for i in range(0, len(rows), _CHUNK):
            yield from folded(conn, rows[i:i + _CHUNK])


# --- shared with `reads` (their one home) ----------------------------------------------

def folded(conn: Connection, rows: Sequence[Any]) -> list[MergedEvent]:
    """`rows` (id, type) folded into merged events, in the order given."""
    grouped = members_of(conn, [r.id for r in rows])
    return [summarise(r.id, r.type, grouped[r.id]) for r in rows]


def merged_when() -> ColumnElement[Any]:
    """A merged event's date, or the latest publication of one without."""
    me = s.merged_events
    return func.coalesce(me.c.date_start, me.c.last_published)


def _with_member(event_ids: Select[Any]) -> ColumnElement[bool]:
    mm = s.merged_members
    return s.merged_events.c.id.in_(select(mm.c.merged_id).where(mm.c.event_id.in_(event_ids)))


def with_participant(entity_ids: Select[Any] | CompoundSelect[Any] | tuple[int, ...]
                     ) -> ColumnElement[bool]:
    """Merged events with a participant among `entity_ids` (a query or the ids)."""
    mp = s.merged_participants
    return s.merged_events.c.id.in_(select(mp.c.merged_id).where(mp.c.entity_id.in_(entity_ids)))


def _through_text(store: Store, search: str) -> Select[Any]:
    ev, a = s.events, s.articles
    return select(ev.c.id).join(a, a.c.id == ev.c.article_id).where(_matches(store, search))
