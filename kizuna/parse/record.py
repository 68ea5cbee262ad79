"""Finished Article records: stable ids, command-line defaults and detected language applied."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date

from kizuna.errors import InputError
from kizuna.model import Article
from kizuna.parse.decode import normalise_text
from kizuna.parse.language import detect_language


@dataclass(frozen=True)
class ArticleDefaults:
    """What the command line says about inputs that do not say it themselves."""

    published: date | None = None
    language: str | None = None
    title: str | None = None
    source: str | None = None


NO_DEFAULTS = ArticleDefaults()

# What a parser gives for each article an input holds: a label naming it, and the
# Article or the InputError saying why that one could not be read.
Parsed = tuple[str, Article | InputError]


def article_id(url: str | None, text: str) -> str:
    """A content id: the same URL and text give the same id on every run."""
    digest = hashlib.sha256(f"{url or ''}\n{text}".encode()).hexdigest()
    return f"a-{digest[:16]}"


def build_article(
    text: str, origin: str, defaults: ArticleDefaults = NO_DEFAULTS, *,
    title: str | None = None, url: str | None = None, source: str | None = None,
    published: date | None = None, language: str | None = None,
) -> Article:
    """An Article for extracted `text`; raises InputError when there is no text in it."""
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"no article text found in {origin}; check that it holds an article")
    url = _clean(url)
    article = Article(id=article_id(url, text), text=text, language=language,
                      title=_clean(title), url=url, source=_clean(source),
                      published=published)
    return complete(article, defaults)


def complete(article: Article, defaults: ArticleDefaults = NO_DEFAULTS) -> Article:
    """`article` with gaps filled from `defaults`, and its language normalised or detected.

    The publication date is never guessed: without one in the input or the defaults it
    stays None. The title default is for plain text only and is not applied here.
    """
    language = language_code(article.language) or language_code(defaults.language)
    return replace(
        article,
        language=language or detect_language(article.text),
        source=article.source or defaults.source,
        published=article.published or defaults.published,
    )


def language_code(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased: `en-US` → `en`, `JA` → `ja`."""
    if not isinstance(tag, str) or not tag.strip():
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower() or None


def _clean(value: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
