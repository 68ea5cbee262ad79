"""The one place where records become the contract's JSON shape, and back."""

from __future__ import annotations

from datetime import date
from typing import Any

from kizuna.errors import InputError
from kizuna.event_types import event_type
from kizuna.model import (
    Article,
    Citation,
    DateRef,
    Document,
    Entity,
    Event,
    MergedEvent,
    Money,
    Pledge,
    Quote,
    Span,
    StatusChange,
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def span_to_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "url": article.url, "title": article.title,
        "source": article.source, "language": article.language,
        "published": _iso(article.published),
    }


def date_to_dict(ref: DateRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"text": ref.text, "start": _iso(ref.start), "end": _iso(ref.end),
            "granularity": ref.granularity}


def money_to_dict(money: Money) -> dict[str, Any]:
    return {"id": money.id, "text": money.span.text, "value": _number(money.value),
            "currency": money.currency, "start": money.span.start, "end": money.span.end}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type,
            "country": entity.country, "aliases": list(entity.aliases),
            "mentions": [span_to_dict(m) for m in entity.mentions]}


def event_to_dict(event: Event) -> dict[str, Any]:
    amount = None
    if event.amount is not None:
        amount = {"value": _number(event.amount.value), "currency": event.amount.currency}
    return {"id": event.id, "type": event.type, "status": event.status,
            "actors": list(event.actors), "targets": list(event.targets),
            "date": date_to_dict(event.date), "location": event.location,
            "object": event.object, "amount": amount,
            "evidence": span_to_dict(event.evidence)}


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    return {"id": quote.id, "speaker": quote.speaker, "text": quote.text,
            "start": quote.span.start, "end": quote.span.end}


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "doc": article_to_dict(doc.article),
        "entities": [entity_to_dict(e) for e in doc.entities],
        "events": [event_to_dict(e) for e in doc.events],
        "amounts": [money_to_dict(m) for m in doc.amounts],
        "quotes": [quote_to_dict(q) for q in doc.quotes],
    }


def party_to_dict(entity: Entity) -> dict[str, Any]:
    """A merged event's participant: its canonical name, type and country."""
    return {"name": entity.name, "type": entity.type, "country": entity.country}


def citation_to_dict(citation: Citation) -> dict[str, Any]:
    return {"doc_id": citation.doc_id, "url": citation.url, "source": citation.source,
            "published": _iso(citation.published), "language": citation.language,
            "status": citation.status, "evidence": span_to_dict(citation.evidence)}


def status_change_to_dict(change: StatusChange) -> dict[str, Any]:
    return {"status": change.status, "as_of": _iso(change.as_of), "doc_id": change.doc_id}


def merged_event_to_dict(event: MergedEvent) -> dict[str, Any]:
    """The contract's merged event ("Merged events": what `export events` writes)."""
    date = None
    if event.date is not None:
        date = {"start": _iso(event.date.start), "end": _iso(event.date.end),
                "granularity": event.date.granularity}
    amount = None
    if event.amount is not None:
        amount = {"value": _number(event.amount[0]), "currency": event.amount[1]}
    codes = event_type(event.type)
    return {"id": event.id, "type": event.type, "status": event.status,
            "plover": codes.plover, "cameo": codes.cameo,
            "actors": [party_to_dict(e) for e in event.actors],
            "targets": [party_to_dict(e) for e in event.targets],
            "date": date, "location": event.location, "object": event.object,
            "amount": amount,
            "status_history": [status_change_to_dict(c) for c in event.status_history],
            "citations": [citation_to_dict(c) for c in event.citations]}


def pledge_to_dict(pledge: Pledge) -> dict[str, Any]:
    """One line of the commitments ledger: the pledge once, with every event reporting it."""
    when = pledge.when
    return {
        "id": pledge.id,
        "amount": {"value": _number(pledge.amount[0]), "currency": pledge.amount[1]},
        "also_reported_as": [{"value": _number(v), "currency": c}
                             for v, c in pledge.also_reported_as],
        "pledgers": [party_to_dict(e) for e in pledge.pledgers],
        "recipients": [party_to_dict(e) for e in pledge.recipients],
        "date": _iso(when), "status": pledge.status,
        "status_history": [status_change_to_dict(c) for c in pledge.status_history],
        "types": list(pledge.types), "events": [e.id for e in pledge.events],
        "sources": pledge.sources,
    }


PLEDGE_CSV_FIELDS = ("id", "date", "pledgers", "recipients", "amount_value", "amount_currency",
                     "also_reported_as", "status", "types", "sources", "events")


def pledge_to_row(pledge: Pledge) -> dict[str, Any]:
    return pledge_dict_to_row(pledge_to_dict(pledge))


def pledge_dict_to_row(data: dict[str, Any]) -> dict[str, Any]:
    """One CSV row of the ledger from a pledge in its JSON shape (`pledge_to_dict`)."""
    return {
        "id": data["id"], "date": data["date"],
        "pledgers": "; ".join(p["name"] for p in data["pledgers"]),
        "recipients": "; ".join(p["name"] for p in data["recipients"]),
        "amount_value": data["amount"]["value"], "amount_currency": data["amount"]["currency"],
        "also_reported_as": "; ".join(f"{a['value']} {a['currency']}"
                                      for a in data["also_reported_as"]),
        "status": data["status"], "types": "; ".join(data["types"]),
        "sources": data["sources"], "events": "; ".join(data["events"]),
    }


MERGED_CSV_FIELDS = (
    "id", "type", "plover", "cameo", "status", "date_start", "date_end", "date_granularity",
    "actors", "targets", "location", "object", "amount_value", "amount_currency", "sources",
    "status_history", "citations",
)


def merged_event_to_row(event: MergedEvent) -> dict[str, Any]:
    """One flat CSV row of a merged event: names, history and cited articles joined by "; "."""
    data = merged_event_to_dict(event)
    date, amount = data["date"] or {}, data["amount"] or {}
    return {
        "id": event.id, "type": event.type, "plover": data["plover"],
        "cameo": data["cameo"], "status": event.status,
        "date_start": date.get("start"), "date_end": date.get("end"),
        "date_granularity": date.get("granularity"),
        "actors": "; ".join(p["name"] for p in data["actors"]),
        "targets": "; ".join(p["name"] for p in data["targets"]),
        "location": event.location, "object": event.object,
        "amount_value": amount.get("value"), "amount_currency": amount.get("currency"),
        "sources": len({c.doc_id for c in event.citations}),
        "status_history": "; ".join(f"{c['status']} {c['as_of'] or '?'} {c['doc_id']}"
                                    for c in data["status_history"]),
        "citations": "; ".join(dict.fromkeys(c.doc_id for c in event.citations)),
    }


def article_from_dict(data: Any, origin: str = "<record>") -> Article:
    """Read an article record, saying plainly what is wrong with a bad one."""
    if not isinstance(data, dict):
        raise InputError(f"{origin}: an article record must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{origin}: the article record has no text")
    if not data.get("id"):
        raise InputError(f"{origin}: the article record has no id")
    return Article(
        id=str(data["id"]), text=text, language=data.get("language") or None,
        title=data.get("title") or None, url=data.get("url") or None,
        source=data.get("source") or None,
        published=parse_iso_date(data.get("published"), origin),
    )


def parse_iso_date(value: Any, origin: str = "<record>") -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{origin}: published {value!r} is not an ISO date (YYYY-MM-DD)") from exc
