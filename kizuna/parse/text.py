"""An Article from plain text: the text as given, titled by --title or its first short line."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from kizuna.parse.record import NO_DEFAULTS, ArticleDefaults, Parsed, build_article

MAX_TITLE_CHARS = 150


def parse_text(
    text: str, origin: str, defaults: ArticleDefaults = NO_DEFAULTS, url: str | None = None
) -> list[Parsed]:
    """The one article a plain-text input holds; raises InputError when it has no text."""
    title = defaults.title or first_line_title(text)
    return [(origin, build_article(text, origin, defaults, title=title, url=url))]


def first_line_title(text: str) -> str | None:
    """The first non-empty line when it reads like a headline: short, with more text after it.

    A Markdown heading marker (`# `) is dropped; a first line ending in a full stop is a
    sentence, not a headline.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    first = lines[0].lstrip("#").strip()
    if not first or len(first) > MAX_TITLE_CHARS or _ends_sentence(first):
        return None
    return first


def _ends_sentence(line: str) -> bool:
    """True for a line ending in a full stop that is not part of an abbreviation (`U.S.`)."""
    if line.endswith("。"):
        return True
    return line.endswith(".") and "." not in line.split()[-1][:-1]


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the page furniture inside an article's text: photo credits,
    licensing and copyright lines, read-more and navigation lines, ticker links, a
    metadata stamp. The text is not changed (offsets must keep pointing into the article
    as given); extractors drop what falls in these spans."""
    spans = sorted((m.start(), m.end()) for pattern in _boilerplate_patterns()
                   for m in pattern.finditer(text) if m.end() > m.start())
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of `spans`."""
    return any(s < end and start < e for s, e in spans)


@cache
def _boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    data = tomllib.loads(resources.files("kizuna.parse").joinpath("boilerplate.toml")
                         .read_text(encoding="utf-8"))
    return tuple(re.compile(p, re.MULTILINE) for p in data["patterns"])
