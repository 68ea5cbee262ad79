"""An Article from plain text: the text as given, titled by --title or its first short line."""

from __future__ import annotations

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
