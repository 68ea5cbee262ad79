"""Atom 1.0 feeds of merged events: any list a page shows, for a feed reader.

One entry per merged event: a stable id (`urn:kizuna:event:ev-…`), `updated` its latest
report, a link to its page, a summary of type, status, participants, date and sources.
Newest change first. Written with ElementTree, so everything from an article is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
EPOCH = "1970-01-01T00:00:00Z"


def atom_feed(title: str, self_url: str, page_url: str, base_url: str,
              events: Iterable[dict[str, Any]]) -> bytes:
    """The feed document for merged events in the contract's shape."""
    ET.register_namespace("", ATOM)
    entries = sorted(events, key=lambda e: (updated(e), e["id"]), reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"urn:kizuna:feed:{self_url.removeprefix(base_url)}")
    _text(feed, "title", title)
    _text(feed, "updated", max((updated(e) for e in entries), default=EPOCH))
    _link(feed, self_url, "self")
    _link(feed, page_url, "alternate")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "kizuna")
    _text(feed, "generator", "kizuna")
    for event in entries:
        feed.append(_entry(event, base_url))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def updated(event: dict[str, Any]) -> str:
    """When the event last changed: the publication date of its latest report."""
    days = [c["published"] for c in event.get("citations", []) if c.get("published")]
    days += [c["as_of"] for c in event.get("status_history", []) if c.get("as_of")]
    return f"{max(days)}T00:00:00Z" if days else EPOCH


def summary(event: dict[str, Any]) -> str:
    """"MEET · happened · Shigeru Ishiba, Donald Trump · 2025-02-07 · 3 sources"."""
    names = [p["name"] for p in (*event.get("actors", []), *event.get("targets", []))]
    parts = [event["type"], event["status"], ", ".join(names) or "no parties named"]
    if event.get("date"):
        parts.append(event["date"]["start"])
    if event.get("object"):
        parts.append(event["object"])
    sources = len({c["doc_id"] for c in event.get("citations", [])})
    outlets = ", ".join(dict.fromkeys(c["source"] for c in event.get("citations", [])
                                      if c.get("source")))
    parts.append(f"{sources} source{'' if sources == 1 else 's'}"
                 + (f" ({outlets})" if outlets else ""))
    return " · ".join(parts)


def _entry(event: dict[str, Any], base_url: str) -> ET.Element:
    entry = ET.Element(f"{{{ATOM}}}entry")
    _text(entry, "id", f"urn:kizuna:event:{event['id']}")
    names = [p["name"] for p in (*event.get("actors", []), *event.get("targets", []))]
    told = event.get("headline") or {}
    _text(entry, "title", told.get("en") or f"{event['type'].title()}: "
                          f"{', '.join(names) or event['id']}")
    _text(entry, "updated", updated(event))
    first = min((c["published"] for c in event.get("citations", []) if c.get("published")),
                default=None)
    if first:
        _text(entry, "published", f"{first}T00:00:00Z")
    _link(entry, f"{base_url}/events/{event['id']}", "alternate")
    _text(entry, "summary", summary(event) + (f" · {told['ja']}" if told.get("ja") else ""))
    category = ET.SubElement(entry, f"{{{ATOM}}}category")
    category.set("term", event["type"])
    return entry


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = _xml_safe(value)


def _link(parent: ET.Element, href: str, rel: str) -> None:
    link = ET.SubElement(parent, f"{{{ATOM}}}link")
    link.set("rel", rel)
    link.set("href", href)


def _xml_safe(value: str) -> str:
    """Characters XML 1.0 cannot hold (control characters) left out."""
    return "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 0x20)


