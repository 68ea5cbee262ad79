"""Stored rows back into `Document` records, so exports go through `kizuna.contract`.

Local ids are restored from what the writer kept; spans are re-cut from the stored
article text, so every rebuilt span slices its article exactly. Two things the contract
does not carry are not stored and come back empty: an event's trigger span and the span
of its date expression.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Row, select

from kizuna.model import Article, DateRef, Document, Entity, Event, Money, Quote, Span
from kizuna.store import schema as s


def load_document(conn: Connection, article_id: str) -> Document | None:
    """The document stored for `article_id`, or None."""
    row = conn.execute(select(s.articles).where(s.articles.c.id == article_id)).first()
    if row is None:
        return None
    article = Article(id=row.id, text=row.text, language=row.language, title=row.title,
                      url=row.url, source=row.source, published=row.published)
    entities, local = _entities(conn, article)
    amounts = _amounts(conn, article)
    return Document(article=article, entities=entities,
                    events=_events(conn, article, local, {m.id: m for m in amounts}),
                    amounts=amounts, quotes=_quotes(conn, article, local))


def _entities(conn: Connection, article: Article) -> tuple[tuple[Entity, ...], dict[int, str]]:
    """The document's entities, and canonical id -> local id."""
    links = conn.execute(
        select(s.article_entities.c.local_id, s.entities)
        .join(s.entities, s.entities.c.id == s.article_entities.c.entity_id)
        .where(s.article_entities.c.article_id == article.id)
        .order_by(s.article_entities.c.position)).all()
    aliases = _grouped(conn.execute(
        select(s.entity_aliases.c.entity_id, s.entity_aliases.c.alias)
        .where(s.entity_aliases.c.article_id == article.id)
        .order_by(s.entity_aliases.c.position)))
    mentions = _grouped(conn.execute(
        select(s.mentions.c.entity_id, s.mentions.c.start, s.mentions.c.end)
        .where(s.mentions.c.article_id == article.id).order_by(s.mentions.c.id)))
    entities = tuple(
        Entity(id=row.local_id, name=row.name, type=row.type, country=row.country,
               aliases=tuple(a.alias for a in aliases[row.id]),
               mentions=tuple(_span(article, m.start, m.end) for m in mentions[row.id]))
        for row in links)
    return entities, {row.id: row.local_id for row in links}


def _amounts(conn: Connection, article: Article) -> tuple[Money, ...]:
    rows = conn.execute(select(s.amounts).where(s.amounts.c.article_id == article.id)
                        .order_by(s.amounts.c.position))
    return tuple(Money(id=r.local_id, value=r.value, currency=r.currency,
                       span=_span(article, r.start, r.end)) for r in rows)


def _events(conn: Connection, article: Article, local: dict[int, str],
            amounts: dict[str, Money]) -> tuple[Event, ...]:
    rows = conn.execute(select(s.events).where(s.events.c.article_id == article.id)
                        .order_by(s.events.c.position)).all()
    roles = _participants(conn, article.id, local)
    return tuple(_event(article, row, local, amounts, roles[row.id]) for row in rows)


def _event(article: Article, row: Row[Any], local: dict[int, str], amounts: dict[str, Money],
           roles: dict[str, list[str]]) -> Event:
    evidence = _span(article, row.evidence_start, row.evidence_end)
    return Event(
        id=row.local_id, type=row.type, status=row.status, evidence=evidence,
        actors=tuple(roles["actor"]), targets=tuple(roles["target"]),
        date=_date(row), location=local.get(row.location_entity_id), object=row.object,
        amount=_money(row, amounts, evidence))


def _participants(conn: Connection, article_id: str,
                  local: dict[int, str]) -> dict[str, dict[str, list[str]]]:
    """event id -> role -> local entity ids, in the order the document gave them."""
    p = s.event_participants
    rows = conn.execute(
        select(p.c.event_id, p.c.entity_id, p.c.role)
        .join(s.events, s.events.c.id == p.c.event_id)
        .where(s.events.c.article_id == article_id).order_by(p.c.event_id, p.c.position))
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "target": []})
    for row in rows:
        if row.entity_id in local:
            roles[row.event_id][row.role].append(local[row.entity_id])
    return roles


def _date(row: Row[Any]) -> DateRef | None:
    if row.date_start is None:
        return None
    return DateRef(text=row.date_text or "", start=row.date_start,
                   end=row.date_end or row.date_start,
                   granularity=row.date_granularity or "day")


def _money(row: Row[Any], amounts: dict[str, Money], evidence: Span) -> Money | None:
    if row.amount_value is None:
        return None
    if row.amount_id in amounts:
        return amounts[row.amount_id]
    # An event amount not among the document's amounts: its sentence is the best
    # span there is (the contract's event amount carries no offsets anyway).
    return Money(id=row.amount_id or "", value=row.amount_value,
                 currency=row.amount_currency or "", span=evidence)


def _quotes(conn: Connection, article: Article, local: dict[int, str]) -> tuple[Quote, ...]:
    rows = conn.execute(select(s.quotes).where(s.quotes.c.article_id == article.id)
                        .order_by(s.quotes.c.position))
    return tuple(Quote(id=r.local_id, text=r.text, span=_span(article, r.start, r.end),
                       speaker=local.get(r.speaker_entity_id)) for r in rows)


def _span(article: Article, start: int, end: int) -> Span:
    return Span.of(article.text, start, end)


def _grouped(rows: Any) -> defaultdict[int, list[Row[Any]]]:
    groups: defaultdict[int, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    return groups
