"""One parsed article to one Document: every extractor, then resolution, in order."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kizuna.extract.events import ArticleContext, find_events, token_entities
from kizuna.extract.mentions import find_mentions
from kizuna.extract.money import find_amounts
from kizuna.model import Article, DateRef, Document
from kizuna.resolve.entities import resolve_entities
from kizuna.resolve.gazetteer import default_gazetteer


def build_document(article: Article, parsed: Any) -> Document:
    text = article.text
    mentions = find_mentions(text, parsed, default_gazetteer())
    resolved = resolve_entities(text, mentions)
    amounts = tuple(find_amounts(text))
    ctx = ArticleContext(
        text=text, parsed=parsed, entities=resolved,
        token_entity=token_entities(parsed, resolved), amounts=amounts,
        find_dates=_date_finder(article),
    )
    events = find_events(ctx)
    return Document(article=article, entities=resolved.entities, events=tuple(events),
                    amounts=amounts)


def _date_finder(article: Article):
    @lru_cache(maxsize=None)
    def find(start: int, end: int, tense: str) -> list[DateRef]:
        try:
            from kizuna.extract.dates import resolve_dates
        except ImportError:
            return []
        return resolve_dates(article.text, start, end, article.published, tense)
    return find
