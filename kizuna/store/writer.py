"""The write side: one `Document` in, one transaction, its old rows replaced.

An article is written whole or not at all: its previous rows are deleted and the new
ones inserted inside a single transaction, so an interrupted ingest never leaves half
an article. A document identical to the stored one (same content hash) writes nothing.

Merging happens in the same transaction: the old events leave their merged events before
they are deleted, and the new ones are placed by `merging.placing.merge_article` once
written, with the country names (code -> canonical name) the caller gives.

On PostgreSQL several processes may write at once: each transaction first waits for the
database's write lock (`locks.lock_for_writing`), so articles, entities and merged events
are written as if one process wrote them all, in turn.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from kizuna.contract import document_to_dict
from kizuna.errors import StoreError
from kizuna.model import Article, Document, Entity, Event
from kizuna.store import schema as s
from kizuna.store.locks import StoreBusy, is_busy, writing
from kizuna.store.merging.candidates import Countries, FactsCache
from kizuna.store.merging.placing import detach_article, merge_article, unmerged

ADDED, UNCHANGED, UPDATED = "added", "unchanged", "updated"


class RejectedDocument(StoreError):
    """This one document cannot be stored (it breaks a constraint); others still can."""


def save_document(engine: Engine, doc: Document, countries: Countries,
                  cache: FactsCache | None = None) -> str:
    """Store `doc`, replacing what its article had; "added", "unchanged" or "updated".

    `countries` names the countries participants' codes stand for, for merging; `cache`
    keeps the facts of merged events merging read, for the next document."""
    digest = content_hash(doc)
    try:
        with writing(engine) as conn:  # the write lock first: what follows sees the
            # previous writer's commit
            stored = conn.execute(select(s.articles.c.content_hash)
                                  .where(s.articles.c.id == doc.article.id)).scalar()
            if stored == digest:
                if unmerged(conn, doc.article.id):  # stored before merging existed
                    merge_article(conn, doc.article.id, countries, cache)
                return UNCHANGED
            if stored is not None:
                delete_article(conn, doc.article.id)
            insert_document(conn, doc, digest, cache)
            merge_article(conn, doc.article.id, countries, cache)
    except (IntegrityError, DataError) as exc:  # this document's data, not the database
        raise RejectedDocument(f"{doc.article.id}: cannot be stored: {reason(exc)}") from exc
    except SQLAlchemyError as exc:
        if is_busy(exc):
            raise StoreBusy(f"cannot write article {doc.article.id!r}: the database is busy "
                            f"({reason(exc)}); try again") from exc
        raise StoreError(f"cannot write article {doc.article.id!r}: {reason(exc)}") from exc
    return ADDED if stored is None else UPDATED


def reason(exc: SQLAlchemyError) -> str:
    """The driver's own message on one line, without SQLAlchemy's SQL dump and link.

    PostgreSQL's messages run over several lines (a DETAIL, a HINT): they are joined.
    """
    orig = getattr(exc, "orig", None)
    message = str(orig) if orig is not None else str(exc).split("\n")[0]
    return " ".join(line.strip() for line in message.splitlines() if line.strip())


def content_hash(doc: Document) -> str:
    """A digest of the text and everything extracted from it."""
    data = {"text": doc.article.text, **document_to_dict(doc)}
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def event_id(article_id: str, local_id: str) -> str:
    """A stable id for an event: the same article and local id give the same id."""
    return hashlib.sha256(f"{article_id}\x1f{local_id}".encode()).hexdigest()[:16]


def delete_article(conn: Connection, article_id: str) -> None:
    """Remove an article and every row of its document; canonical entities stay.

    Its events leave their merged events first; judgements are kept.
    """
    detach_article(conn, article_id)
    event_ids = select(s.events.c.id).where(s.events.c.article_id == article_id)
    conn.execute(delete(s.event_participants)
                 .where(s.event_participants.c.event_id.in_(event_ids)))
    for child in s.ARTICLE_CHILDREN:
        conn.execute(delete(child).where(child.c.article_id == article_id))
    if conn.dialect.name == "sqlite":
        conn.execute(delete(s.articles_fts).where(s.articles_fts.c.article_id == article_id))
    conn.execute(delete(s.articles).where(s.articles.c.id == article_id))


def insert_document(conn: Connection, doc: Document, digest: str,
                    cache: FactsCache | None = None) -> None:
    """Insert every row of `doc`; the caller holds the transaction. An entity given its
    country here changes what stored events say: `cache` forgets what it kept."""
    _insert_article(conn, doc.article, digest)
    entity_ids = _insert_entities(conn, doc, cache)
    _insert_amounts(conn, doc)
    _insert_events(conn, doc, entity_ids)
    _insert_quotes(conn, doc, entity_ids)
    _index_text(conn, doc.article)


def _insert_article(conn: Connection, article: Article, digest: str) -> None:
    conn.execute(insert(s.articles).values(
        id=article.id, url=article.url, title=article.title, source=article.source,
        language=article.language, published=article.published, text=article.text,
        content_hash=digest, ingested_at=datetime.now(UTC)))


def _insert_entities(conn: Connection, doc: Document,
                     cache: FactsCache | None = None) -> dict[str, int]:
    """Link the document's entities to canonical ones; local id -> canonical id.

    Two local entities with the same name and type are one canonical entity, listed
    once under the first local id, with the mentions and aliases of both.
    """
    ids: dict[str, int] = {}
    links: dict[int, dict[str, Any]] = {}
    aliases: dict[tuple[int, str], None] = {}  # a dict keeps first-seen order
    mention_rows: list[dict[str, Any]] = []
    for position, entity in enumerate(doc.entities):
        canonical = ids[entity.id] = _canonical_entity(conn, entity, cache)
        links.setdefault(canonical, {"article_id": doc.article.id, "entity_id": canonical,
                                     "local_id": entity.id, "position": position})
        aliases.update(dict.fromkeys((canonical, alias) for alias in entity.aliases))
        mention_rows += [{"article_id": doc.article.id, "entity_id": canonical,
                          "start": m.start, "end": m.end, "text": m.text}
                         for m in entity.mentions]
    _insert_many(conn, s.article_entities, links.values())
    _insert_many(conn, s.entity_aliases, (
        {"entity_id": e, "article_id": doc.article.id, "alias": a, "position": i}
        for i, (e, a) in enumerate(aliases)))
    _insert_many(conn, s.mentions, mention_rows)
    return ids


def _canonical_entity(conn: Connection, entity: Entity,
                      cache: FactsCache | None = None) -> int:
    """The id of the shared entity with this name and type, created if new."""
    table = s.entities
    row = conn.execute(select(table.c.id, table.c.country).where(
        table.c.name == entity.name, table.c.type == entity.type)).first()
    if row is None:
        inserted = conn.execute(insert(table).values(
            name=entity.name, type=entity.type, country=entity.country))
        return int(inserted.inserted_primary_key[0])  # type: ignore[index]  # never None here
    if row.country is None and entity.country:
        # A later article may know the country an earlier one did not; the first
        # known country is kept, so one article cannot flip an actor's allegiance.
        conn.execute(update(table).where(table.c.id == row.id).values(country=entity.country))
        if cache is not None:
            cache.forget()
    return row.id


def _insert_amounts(conn: Connection, doc: Document) -> None:
    _insert_many(conn, s.amounts, (
        {"article_id": doc.article.id, "local_id": m.id, "position": i, "value": m.value,
         "currency": m.currency, "start": m.span.start, "end": m.span.end,
         "text": m.span.text}
        for i, m in enumerate(doc.amounts)))


def _insert_events(conn: Connection, doc: Document, entity_ids: dict[str, int]) -> None:
    rows, participants = [], []
    for position, event in enumerate(doc.events):
        row = _event_row(doc.article.id, event, position, entity_ids)
        rows.append(row)
        participants += _participant_rows(row["id"], event, entity_ids)
    _insert_many(conn, s.events, rows)
    _insert_many(conn, s.event_participants, participants)


def _event_row(article_id: str, event: Event, position: int,
               entity_ids: dict[str, int]) -> dict[str, Any]:
    date, amount = event.date, event.amount
    return {
        "id": event_id(article_id, event.id), "article_id": article_id,
        "local_id": event.id, "position": position, "type": event.type,
        "status": event.status, "object": event.object,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_granularity": date.granularity if date else None,
        "date_text": date.text if date else None,
        "location_entity_id": entity_ids.get(event.location or ""),
        "amount_id": amount.id if amount else None,
        "amount_value": amount.value if amount else None,
        "amount_currency": amount.currency if amount else None,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
    }


def _participant_rows(event_key: str, event: Event,
                      entity_ids: dict[str, int]) -> list[dict[str, Any]]:
    """One row per (entity, role); references to unknown entities are dropped."""
    rows: dict[tuple[int, str], dict[str, Any]] = {}
    for role, refs in (("actor", event.actors), ("target", event.targets)):
        for ref in refs:
            if (entity := entity_ids.get(ref)) is not None:
                rows.setdefault((entity, role), {"event_id": event_key, "entity_id": entity,
                                                 "role": role, "position": len(rows)})
    return list(rows.values())


def _insert_quotes(conn: Connection, doc: Document, entity_ids: dict[str, int]) -> None:
    _insert_many(conn, s.quotes, (
        {"article_id": doc.article.id, "local_id": q.id, "position": i,
         "speaker_entity_id": entity_ids.get(q.speaker or ""), "text": q.text,
         "start": q.span.start, "end": q.span.end}
        for i, q in enumerate(doc.quotes)))


def _index_text(conn: Connection, article: Article) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(insert(s.articles_fts).values(
            article_id=article.id, title=article.title or "", text=article.text))


def _insert_many(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if rows:
        conn.execute(insert(table), rows)
