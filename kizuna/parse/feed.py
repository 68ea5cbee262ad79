"""Articles from an RSS or Atom feed: one per item, its body as text and the feed as source."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from kizuna.errors import InputError, NothingToRead
from kizuna.model import Article
from kizuna.parse.html import html_to_text
from kizuna.parse.record import NO_DEFAULTS, ArticleDefaults, Parsed, build_article, language_code

_DATE_KEYS = ("published", "updated", "created")


def parse_feed(
    data: bytes, origin: str, defaults: ArticleDefaults = NO_DEFAULTS,
    content_type: str | None = None,
) -> list[Parsed]:
    """One `(label, Article | InputError)` per feed item; raises InputError for a bad feed."""
    import feedparser  # imported here: only feeds need it

    headers = {"content-type": content_type} if content_type else {}
    # A stream, never str or bytes: feedparser treats those as a URL or file name to open.
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except (ValueError, OverflowError, LookupError, AttributeError, TypeError) as exc:
        # feedparser's loose parser has its own bugs on hostile input (a character
        # reference beyond U+10FFFF raises ValueError, found by the fuzz tests)
        raise InputError(f"{origin}: is not a readable RSS or Atom feed "
                         f"({type(exc).__name__}: {exc}); check the file or URL") from exc
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError(f"{origin}: is not a readable RSS or Atom feed "
                             f"({_reason(parsed.get('bozo_exception'))}); check the file or URL")
        raise NothingToRead(f"{origin}: the feed has no items; nothing to read")
    feed = parsed.get("feed", {})
    source = feed.get("title") or None
    language = language_code(feed.get("language"))
    return [
        (label, _item_article(entry, label, defaults, source, language))
        for label, entry in ((f"{origin}[{i}]", e) for i, e in enumerate(parsed.entries))
    ]


def item_text(entry: Any) -> str:
    """The fullest body an item carries (content, else summary) as plain text."""
    bodies = [c for c in entry.get("content", []) if c.get("value")]
    if entry.get("summary_detail", {}).get("value"):
        bodies.append(entry["summary_detail"])
    elif entry.get("summary"):
        bodies.append({"value": entry["summary"], "type": "text/html"})
    if not bodies:
        return ""
    body = max(bodies, key=lambda b: len(b["value"]))
    value = body["value"]
    return value.strip() if body.get("type") == "text/plain" else html_to_text(value)


def item_date(entry: Any) -> date | None:
    """The item's publication date as the feed wrote it (its own time zone, not UTC)."""
    for key in _DATE_KEYS:
        found = local_date(entry.get(key))
        if found is not None:
            return found
    for key in _DATE_KEYS:
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def local_date(value: Any) -> date | None:
    """The calendar date of an RFC 822 or ISO 8601 timestamp, in the zone it was written in."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _item_article(
    entry: Any, label: str, defaults: ArticleDefaults, source: str | None, language: str | None
) -> Article | InputError:
    try:
        article = build_article(item_text(entry), label, defaults, title=entry.get("title"),
                                url=entry.get("link"), source=source, published=item_date(entry))
    except InputError as exc:
        return exc
    if article.language is None and language:  # too little text to tell; trust the feed
        article = replace(article, language=language)
    return article


def _reason(exc: Any) -> str:
    text = str(exc or "malformed XML").strip().splitlines()
    reason = text[0] if text else "malformed XML"
    return reason if len(reason) <= 120 else reason[:117] + "..."
