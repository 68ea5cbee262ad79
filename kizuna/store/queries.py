"""The read side: events filtered and searched, one event in full, documents for export.

Everything returned is a plain frozen record, ready for a table, JSON or a web page.
Search uses the FTS5 trigram index where there is one and the query term is long enough
for trigrams (three characters); otherwise it falls back to a case-insensitive LIKE. On
PostgreSQL every term is an ILIKE: pg_trgm's indexes answer it from three characters on
(see `migrations.postgres_trigram_search`), a scan below that.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    and_,
    func,
    literal_column,
    or_,
    select,
    union,
)

from kizuna.model import Document
from kizuna.store import schema as s
from kizuna.store.database import Store
from kizuna.store.documents import load_document
from kizuna.store.ids import resolve_event_id

TRIGRAM = 3
_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit
# A full stop after an initial or a title ("U.S. President", "Mr. Son") ends no sentence.
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!Mrs)(?<!St)[.!?][\"'”’)]*\s|[。！？]」?|\n")


@dataclass(frozen=True)
class EventRow:
    """One stored event with its participants' names and its article's metadata."""

    id: str
    article_id: str
    type: str
    status: str
    date_start: date | None
    date_end: date | None
    date_granularity: str | None
    date_text: str | None
    location: str | None
    object: str | None
    amount_value: float | None
    amount_currency: str | None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    title: str | None
    source: str | None
    published: date | None
    url: str | None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    @property
    def participants(self) -> tuple[str, ...]:
        return self.actors + tuple(t for t in self.targets if t not in self.actors)

    def to_dict(self) -> dict[str, Any]:
        """A flat, JSON-ready mapping (dates as ISO strings, names as lists)."""
        data = {name: getattr(self, name) for name in EVENT_FIELDS}
        for key in ("date_start", "date_end", "published"):
            data[key] = data[key].isoformat() if data[key] else None
        data["actors"], data["targets"] = list(self.actors), list(self.targets)
        return data


EVENT_FIELDS = (
    "id", "type", "status", "date_start", "date_end", "date_granularity", "date_text",
    "actors", "targets", "location", "object", "amount_value", "amount_currency",
    "evidence_start", "evidence_end", "evidence_text",
    "article_id", "title", "source", "published", "url",
)


@dataclass(frozen=True)
class Participant:
    name: str
    type: str
    country: str | None
    role: str  # actor | target


@dataclass(frozen=True)
class EventDetail:
    """One event in full: its row, who took part, and the text it was read from."""

    event: EventRow
    participants: tuple[Participant, ...]
    article_text: str
    language: str | None = None
    merged_id: str | None = None  # the merged event it is a member of

    def context(self) -> tuple[str, str, str]:
        """(before, evidence, after): the sentence(s) around the evidence span."""
        return sentence_context(self.article_text, self.event.evidence_start,
                                self.event.evidence_end)


def list_events(
    store: Store, type: str | None = None, actor: str | None = None,
    country: str | None = None, status: str | None = None, since: date | None = None,
    until: date | None = None, search: str | None = None, limit: int | None = None,
) -> list[EventRow]:
    """Stored events, newest first, narrowed by every filter given.

    `actor` is any participant (actor or target), by canonical name or alias, any case;
    `country` the ISO3 code of any participant; `since`/`until` bound the event's start
    date, or the article's publication date for an event without one.
    """
    when = _when()
    stmt = _event_select().order_by(when.desc().nulls_last(), s.events.c.article_id,
                                    s.events.c.position)
    conditions = [
        s.events.c.type == type.upper() if type else None,
        s.events.c.status == status.lower() if status else None,
        _with_participant(_named(actor)) if actor else None,
        _with_participant(_from_country(country)) if country else None,
        when >= since if since else None,
        when <= until if until else None,
        _matches(store, search) if search and search.strip() else None,
    ]
    stmt = stmt.where(*[c for c in conditions if c is not None]).limit(limit)
    with store.engine.connect() as conn:
        return _with_names(conn, conn.execute(stmt).all())


def get_event(store: Store, event_id: str) -> EventDetail | None:
    """One event by its id, or by a prefix of it that names one event only."""
    with store.engine.connect() as conn:
        key = resolve_event_id(conn, event_id.strip())
        if key is None:
            return None
        row = conn.execute(_event_select().where(s.events.c.id == key)).one()
        (event,) = _with_names(conn, [row])
        article = conn.execute(select(s.articles.c.text, s.articles.c.language)
                               .where(s.articles.c.id == event.article_id)).one()
        merged_id = conn.execute(select(s.merged_members.c.merged_id)
                                 .where(s.merged_members.c.event_id == key)).scalar()
        return EventDetail(event=event, participants=_participants(conn, key),
                           article_text=article.text, language=article.language,
                           merged_id=merged_id)


def get_document(store: Store, article_id: str) -> Document | None:
    """One stored article rebuilt as its `Document` (None when there is no such id)."""
    with store.engine.connect() as conn:
        return load_document(conn, article_id)


def iter_documents(store: Store) -> Iterator[Document]:
    """Every stored document, by publication date then id, one at a time."""
    with store.engine.connect() as conn:
        ids = conn.execute(select(s.articles.c.id).order_by(
            s.articles.c.published.nulls_first(), s.articles.c.id)).scalars().all()
        for article_id in ids:
            doc = load_document(conn, article_id)
            if doc is not None:
                yield doc


def search_articles(store: Store, query: str, limit: int | None = None) -> list[Any]:
    """Articles whose title or text holds every word of `query` (id, title, source, …)."""
    a = s.articles
    conditions = [_article_matches(store, term) for term in query.split()]
    stmt = (select(a.c.id, a.c.title, a.c.source, a.c.published, a.c.url).where(*conditions)
            .order_by(a.c.published.desc().nulls_last(), a.c.id).limit(limit))
    with store.engine.connect() as conn:
        return list(conn.execute(stmt).all())


def latest_publication(store: Store) -> date | None:
    """The publication date of the newest article stored."""
    with store.engine.connect() as conn:
        return conn.execute(select(func.max(s.articles.c.published))).scalar()


def table_counts(store: Store, names: tuple[str, ...] | None = None) -> dict[str, int]:
    """Rows in each table (or in the tables `names` lists), for summaries and metrics."""
    tables = [t for t in s.metadata.sorted_tables if names is None or t.name in names]
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in tables}


def sentence_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, text[start:end], after), widened to whole sentences on both sides."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    if end > 0 and _SENTENCE_END.match(text, end - 1):
        right = end  # the evidence already ends its sentence
    elif following := _SENTENCE_END.search(text, end):
        right = following.end()
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip()


def _when() -> ColumnElement[Any]:
    return func.coalesce(s.events.c.date_start, s.articles.c.published)


def _event_select() -> Select[Any]:
    ev, a = s.events, s.articles
    location = s.entities.alias("location")
    return (select(ev.c.id, ev.c.article_id, ev.c.type, ev.c.status, ev.c.date_start,
                   ev.c.date_end, ev.c.date_granularity, ev.c.date_text,
                   location.c.name.label("location"), ev.c.object, ev.c.amount_value,
                   ev.c.amount_currency, ev.c.evidence_start, ev.c.evidence_end,
                   ev.c.evidence_text, a.c.title, a.c.source, a.c.published, a.c.url)
            .join(a, a.c.id == ev.c.article_id)
            .outerjoin(location, location.c.id == ev.c.location_entity_id))


def _with_participant(entity_ids: Select[Any] | CompoundSelect[Any]) -> ColumnElement[bool]:
    p = s.event_participants
    return s.events.c.id.in_(select(p.c.event_id).where(p.c.entity_id.in_(entity_ids)))


def _named(name: str) -> CompoundSelect[Any]:
    """Ids of entities called `name`, canonically or by any alias, ignoring case."""
    key = name.strip().lower()
    return union(
        select(s.entities.c.id).where(func.lower(s.entities.c.name) == key),
        select(s.entity_aliases.c.entity_id).where(func.lower(s.entity_aliases.c.alias) == key),
    )


def _from_country(country: str) -> Select[Any]:
    return select(s.entities.c.id).where(s.entities.c.country == country.strip().upper())


def _matches(store: Store, query: str) -> ColumnElement[bool]:
    """Every word of `query` is in the event's article. That covers its evidence and
    object, which are cut from the article's text: looking in them too would scan every
    event row for nothing."""
    return and_(*(_article_matches(store, term) for term in query.split()))


def _article_matches(store: Store, term: str) -> ColumnElement[bool]:
    a = s.articles
    if store.fulltext and len(term) >= TRIGRAM:
        phrase = '"' + term.replace('"', '""') + '"'  # one quoted phrase: no FTS syntax
        fts = s.articles_fts
        return a.c.id.in_(select(fts.c.article_id)
                          .where(literal_column(s.FTS_TABLE).op("MATCH")(phrase)))
    if store.engine.dialect.name == "postgresql":
        # ILIKE, not lower(…) LIKE: the trigram indexes are on the columns as they are.
        pattern = "%" + re.sub(r"([/%_])", r"/\1", term) + "%"
        return or_(a.c.title.ilike(pattern, escape="/"), a.c.text.ilike(pattern, escape="/"))
    # Trigrams cannot match one or two characters (会談), so short terms scan with LIKE.
    return or_(a.c.title.icontains(term, autoescape=True),
               a.c.text.icontains(term, autoescape=True))


def _with_names(conn: Connection, rows: Sequence[Any]) -> list[EventRow]:
    names = _participant_names(conn, [r.id for r in rows])
    return [EventRow(**r._asdict(), actors=tuple(names[r.id]["actor"]),
                     targets=tuple(names[r.id]["target"])) for r in rows]


def _participant_names(conn: Connection, event_ids: list[str]) -> dict[str, dict[str, list]]:
    p, e = s.event_participants, s.entities
    names: dict[str, dict[str, list]] = defaultdict(lambda: {"actor": [], "target": []})
    for i in range(0, len(event_ids), _CHUNK):
        rows = conn.execute(select(p.c.event_id, p.c.role, e.c.name)
                            .join(e, e.c.id == p.c.entity_id)
                            .where(p.c.event_id.in_(event_ids[i:i + _CHUNK]))
                            .order_by(p.c.event_id, p.c.position))
        for row in rows:
            names[row.event_id][row.role].append(row.name)
    return names


def _participants(conn: Connection, event_id: str) -> tuple[Participant, ...]:
    p, e = s.event_participants, s.entities
    rows = conn.execute(select(e.c.name, e.c.type, e.c.country, p.c.role)
                        .join(e, e.c.id == p.c.entity_id)
                        .where(p.c.event_id == event_id).order_by(p.c.position))
    return tuple(Participant(*row) for row in rows)
