"""Articles from the raw bytes of one input: decoded, its format detected, its parser run."""

from __future__ import annotations

import re

from kizuna.parse.article_json import parse_article_json
from kizuna.parse.decode import decode_bytes
from kizuna.parse.detect import detect_format
from kizuna.parse.feed import parse_feed
from kizuna.parse.html import parse_html
from kizuna.parse.record import NO_DEFAULTS, ArticleDefaults, Parsed
from kizuna.parse.text import parse_text

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\"';\s]+)", re.I)


def parse_bytes(
    data: bytes, origin: str, defaults: ArticleDefaults = NO_DEFAULTS, *,
    content_type: str | None = None, url: str | None = None,
) -> list[Parsed]:
    """One `(label, Article | InputError)` per article in `data`; raises InputError if none.

    `origin` names the input in messages and, for files, its extension picks the format;
    `url` marks fetched content, whose bytes are trusted over its name for the format.
    """
    text = decode_bytes(data, origin, charset(content_type))
    found = detect_format(url or origin, text, content_type, prefer_content=url is not None)
    if found == "json":
        return parse_article_json(text, origin, defaults)
    if found == "html":
        return parse_html(text, origin, defaults, url=url)
    if found == "feed":
        return parse_feed(data, origin, defaults, content_type)
    return parse_text(text, origin, defaults, url=url)


def charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if it has one."""
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None
