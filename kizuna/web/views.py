"""The view data of every page: plain JSON-ready dicts the HTML and the .json route share.

Each function takes the store and the page's parameters and returns one dict; the
`.json` twin of a page serves it as it is, the HTML page hands it to its template.
Nothing here escapes or marks anything: text from articles stays plain strings, and the
templates (autoescaping) turn it into HTML.

Actor and dyad pages read through `kizuna.store.reads`; the event list, the event page,
articles and search through `kizuna.store.merged` and `kizuna.store.queries`. Nothing
here touches SQL or a connection: the store's read API is the only way in.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from kizuna.contract import document_to_dict, merged_event_to_dict
from kizuna.model import EVENT_TYPES, STATUSES, MergedEvent
from kizuna.render.headlines import headlines
from kizuna.store import merged, queries, reads
from kizuna.store.database import Store
from kizuna.store.disagreements import Disagreement, event_disagreements

PER_PAGE = 25
MAX_PER_PAGE = 200
SEARCH_LIMIT = 50
MAX_PAGE = 100_000  # far past any store's last page; keeps the offset a small number
MAX_SEARCH_WORDS = 32  # every word is one more condition in the query
MAX_SEARCH_CHARS = 500
ACTOR_EVENTS = 100


class NotFound(LookupError):
    """The page's subject does not exist (the route answers 404)."""


class BadRequest(ValueError):
    """A parameter that cannot be read (the route answers 400)."""


@dataclass(frozen=True)
class EventFilters:
    """The filters of /events, as the query string gives them (empty means none)."""

    type: str | None = None
    status: str | None = None
    actor: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None
    sort: str = "newest"

    @classmethod
    def parse(cls, **given: str | None) -> EventFilters:
        """Filters from query parameters; BadRequest for a type, status, date or sort
        that is not one."""
        values = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in given.items()}
        return cls(
            type=_one_of(values.get("type"), EVENT_TYPES, "type"),
            status=_one_of(values.get("status"), STATUSES, "status"),
            actor=values.get("actor"), country=(values.get("country") or "").upper() or None,
            since=_date(values.get("since"), "since"), until=_date(values.get("until"), "until"),
            q=search_words(values.get("q")) or None,
            sort=_one_of(values.get("sort"), merged.SORTS, "sort") or "newest")

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "status": self.status, "actor": self.actor,
                "country": self.country, "since": _iso(self.since),
                "until": _iso(self.until), "q": self.q, "sort": self.sort}

    def store_filters(self) -> dict[str, Any]:
        return {"type": self.type, "status": self.status, "actor": self.actor,
                "country": self.country, "since": self.since, "until": self.until,
                "search": self.q}


# --- pages -----------------------------------------------------------------------------

def event_dict(event: MergedEvent) -> dict[str, Any]:
    """A merged event in the contract's shape, with its headline in both languages."""
    data = merged_event_to_dict(event)
    return {**data, "headline": headlines(data)}


def events_view(store: Store, filters: EventFilters, page: int = 1,
                per_page: int = PER_PAGE) -> dict[str, Any]:
    """/events: one page of merged events in the contract's shape, and how many in all."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    if page > MAX_PAGE:
        raise BadRequest(f"page {page} is past the last page there can be ({MAX_PAGE:,})")
    total = merged.count_merged_events(store, **filters.store_filters())
    events = merged.list_merged_events(store, **filters.store_filters(), limit=per_page,
                                       offset=(page - 1) * per_page, sort=filters.sort)
    return {"events": [event_dict(e) for e in events], "page": page,
            "per_page": per_page, "pages": max(1, math.ceil(total / per_page)),
            "total": total, "filters": filters.to_dict(),
            "choices": {"type": list(EVENT_TYPES), "status": list(STATUSES),
                        "sort": list(merged.SORTS)}}


def event_view(store: Store, event_id: str) -> dict[str, Any]:
    """/events/{id}: one merged event, each citation with its sentence in context."""
    detail = merged.get_merged_event(store, event_id)
    if detail is None:
        raise NotFound(f"no event {event_id!r}")
    data = event_dict(detail.event)
    placed, near = merged.merge_scoring(store, detail.event.id)
    citations = []
    for citation, as_dict in zip(detail.event.citations, data["citations"], strict=True):
        before, evidence, after = detail.context(citation)
        why = placed.get(citation.event_id)
        citations.append({**as_dict, "title": citation.title, "event_id": citation.event_id,
                          "context": {"before": before, "evidence": evidence,
                                      "after": after},
                          "joined": why and {"decided_by": why.decided_by,
                                             "score": why.score, "reasons": list(why.reasons)}})
    return {"event": data, "citations": citations, "sources": merged.sources(detail.event),
            "participants": _participant_links(detail.event),
            "disagreements": _disagreements(store, detail.event.id),
            "near": _near_dicts(store, near)}


def _near_dicts(store: Store, near: list[merged.NearMatch]) -> list[dict[str, Any]]:
    """The near matches as view data, each with the article events it holds (`members`):
    what a person moves, one /api/merge each, to make it one happening with this one."""
    members = {e.id: [c.event_id for c in e.citations]
               for e in merged.merged_events_by_id(store, [n.merged_id for n in near])}
    return [{"id": n.merged_id, "type": n.type, "score": round(n.score, 2),
             "reasons": list(n.reasons), "event_id": n.event_id,
             "shares_an_article": n.shares_an_article,
             "members": members.get(n.merged_id, [])} for n in near]


def _disagreements(store: Store, merged_id: str) -> list[dict[str, Any]]:
    return disagreement_dicts(event_disagreements(store, merged_id))


def disagreement_dicts(found: list[Disagreement]) -> list[dict[str, Any]]:
    """Disagreements as view data: each value told, with the reports and their clauses."""
    return [{"field": d.field, "told": [
        {"value": t.value, "reports": [
            {"doc_id": m.article_id, "event_id": m.event_id, "source": m.source,
             "published": m.published.isoformat() if m.published else None,
             "url": m.url, "evidence": m.evidence.text} for m in t.members]}
        for t in d.told]} for d in found]



def actor_view(store: Store, slug: str, limit: int = ACTOR_EVENTS) -> dict[str, Any]:
    """/actors/{slug}: who the actor is, their events newest first, who they meet most."""
    name = actor_name(store, slug)
    profile = reads.actor_profile(store, name) if name else None
    if profile is None:
        raise NotFound(f"no actor {slug!r}")
    events = reads.actor_events(store, profile.name, limit=limit)
    partners = [{**p.to_dict(), "slug": slugify(p.name)} for p in profile.partners]
    return {"actor": {**profile.to_dict(), "partners": partners, "slug": slugify(profile.name)},
            "events": [event_dict(e) for e in events]}


def dyad_view(store: Store, pair: str) -> dict[str, Any]:
    """/dyads/{A}-{B}: the monthly cooperation series of two countries, latest events."""
    a, sep, b = pair.partition("-")
    if not sep:
        raise BadRequest(f"{pair!r} is not a pair of country codes like JPN-USA")
    try:
        series = reads.dyad_series(store, a, b)
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    data = series.to_dict()
    data["latest"] = [{**e, "headline": headlines(e)} for e in data["latest"]]
    return data


def search_view(store: Store, q: str | None, limit: int = SEARCH_LIMIT) -> dict[str, Any]:
    """/search?q=: merged events and articles whose text holds every word of `q`."""
    query = search_words(q)
    if not query:
        return {"q": "", "events": [], "articles": []}
    events = merged.list_merged_events(store, search=query, limit=limit)
    articles = queries.search_articles(store, query, limit=limit)
    return {"q": query, "events": [event_dict(e) for e in events],
            "articles": [{"id": a.id, "title": a.title, "source": a.source,
                          "published": _iso(a.published), "url": a.url} for a in articles]}


def article_view(store: Store, article_id: str) -> dict[str, Any]:
    """/articles/{id}: the article's text and every span extracted from it."""
    doc = queries.get_document(store, article_id)
    if doc is None:
        raise NotFound(f"no article {article_id!r}")
    merged_of = merged.merged_ids_in_article(store, article_id)
    data = document_to_dict(doc)
    for event in data["events"]:
        event["merged_id"] = merged_of.get(event["id"])
    return {**data, "text": doc.article.text}


def search_words(q: str | None) -> str:
    """The search text, stripped; BadRequest when it is too long or has too many words."""
    query = (q or "").strip()
    if len(query) > MAX_SEARCH_CHARS:
        raise BadRequest(f"the search is longer than {MAX_SEARCH_CHARS} characters")
    if len(query.split()) > MAX_SEARCH_WORDS:
        raise BadRequest(f"the search has more than {MAX_SEARCH_WORDS} words")
    return query


# --- helpers the templates and routes share ------------------------------------------------

def slugify(name: str) -> str:
    """An actor's URL slug: its canonical name, lower case, words joined by hyphens.

    Letters of any script stay ("石破茂" is its own slug); everything else separates words.
    """
    folded = unicodedata.normalize("NFKC", name).lower()
    return re.sub(r"[\W_]+", "-", folded).strip("-")


def actor_name(store: Store, slug: str) -> str | None:
    """The canonical name a slug stands for; a name or alias given as is also works."""
    wanted = slugify(slug)
    if not wanted:
        return None
    found = sorted(n for n in reads.entity_names(store) if slugify(n) == wanted)
    return found[0] if found else slug.strip()


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The text cut at every span boundary: [{"text", "kinds"}], kinds the spans covering
    each piece (empty for plain text). Pieces stay plain strings; the template escapes."""
    cuts = {0, len(text)}
    for start, end, _ in spans:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    bounds = sorted(cuts)
    out = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        kinds = sorted({kind for start, end, kind in spans if start <= left and right <= end})
        out.append({"text": text[left:right], "kinds": kinds})
    return out


def article_spans(view: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Every extracted span of an article view, with its kind."""
    spans = [(e["evidence"]["start"], e["evidence"]["end"], "event") for e in view["events"]]
    spans += [(m["start"], m["end"], "entity") for e in view["entities"] for m in e["mentions"]]
    spans += [(m["start"], m["end"], "amount") for m in view["amounts"]]
    spans += [(q["start"], q["end"], "quote") for q in view["quotes"]]
    return spans


def _participant_links(event: MergedEvent) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for role, parties in (("actor", event.actors), ("target", event.targets)):
        for p in parties:
            seen.setdefault(p.name, {"name": p.name, "type": p.type, "country": p.country,
                                     "role": role, "slug": slugify(p.name)})
    return list(seen.values())


def _one_of(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if value is None:
        return None
    match = next((a for a in allowed if a.lower() == value.lower()), None)
    if match is None:
        raise BadRequest(f"{name} {value!r} is not one of {', '.join(allowed)}")
    return match


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name} {value!r} is not a date like 2025-02-06") from None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
