"""The format of an input (`json`, `text`, `html` or `feed`), by its name, type or content."""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

Format = Literal["json", "text", "html", "feed"]

_BY_SUFFIX: dict[str, Format] = {
    ".json": "json", ".jsonl": "json",
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_BY_MEDIA_TYPE: dict[str, Format] = {
    "application/json": "json", "application/x-ndjson": "json",
    "text/plain": "text", "text/markdown": "text",
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
}
_JSON_START = re.compile(r"\{\s*[\"}]|\[\s*[\[{\]]")
_FEED_ROOT = re.compile(r"<(?:[A-Za-z][\w.-]*:)?(?:rss|feed|RDF)[\s>]")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I)
_LEADING_NOISE = re.compile(r"(?:\s|<!--.*?-->|<\?xml[^>]*\?>|<!DOCTYPE\s+(?!html)[^>]*>)*",
                            re.I | re.S)


def format_from_name(name: str) -> Format | None:
    """The format a file name or URL path's extension says, if it is one kizuna reads."""
    if "://" in name:
        name = urlsplit(name).path
    lowered = name.lower().replace("\\", "/").rsplit("/", 1)[-1]
    suffix = "." + lowered.rsplit(".", 1)[-1] if "." in lowered else ""
    return _BY_SUFFIX.get(suffix)


def format_from_content_type(content_type: str | None) -> Format | None:
    """The format an HTTP Content-Type header says (parameters such as charset ignored)."""
    if not content_type:
        return None
    media_type = content_type.split(";", 1)[0].strip().lower()
    return _BY_MEDIA_TYPE.get(media_type)


def sniff_format(text: str) -> Format | None:
    """The format the start of the content shows, or None when it looks like plain text."""
    head = text[:2048].lstrip("\ufeff")
    noise = _LEADING_NOISE.match(head)
    rest = head[noise.end():] if noise else head
    if _JSON_START.match(rest):
        return "json"
    if _HTML_START.match(rest):
        return "html"
    if _FEED_ROOT.match(rest):
        return "feed"
    if head.lstrip().startswith("<?xml"):
        return "feed" if _FEED_ROOT.search(head) else "html" if _HTML_START.search(head) else None
    return None


def detect_format(
    name: str, text: str, content_type: str | None = None, *, prefer_content: bool = False
) -> Format:
    """The parser for an input: by extension for files, by content first for URLs.

    A URL's extension and Content-Type often mislead (feeds served as text/html, pages at
    `.php`), so `prefer_content` lets what the bytes show decide first.
    """
    by_name = format_from_name(name)
    by_type = format_from_content_type(content_type)
    sniffed = sniff_format(text)
    if by_name == "feed" and sniffed == "html":  # `.xml` is also what XHTML pages are saved as
        by_name = "html"
    order = (sniffed, by_type, by_name) if prefer_content else (by_name, by_type, sniffed)
    return next((found for found in order if found is not None), "text")
