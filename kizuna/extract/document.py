"""One parsed article to one Document: every extractor, then resolution, in order.

The steps are the same in every language; `language_for` gives the language's own
readers of names, events and dates (`kizuna/extract/<code>/`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

from kizuna.extract import doc_index
from kizuna.extract.events import EventInputs
from kizuna.extract.languages import language_for
from kizuna.extract.money import find_amounts
from kizuna.extract.parties import with_their_countries
from kizuna.extract.quotes import find_quotes
from kizuna.model import Article, DateRef, Document
from kizuna.parse.text import boilerplate_spans, in_spans
from kizuna.resolve.entities import resolve_entities
from kizuna.resolve.gazetteer import default_gazetteer
from kizuna.resolve.happenings import inherit_dates, merge_repeated

T = TypeVar("T")
DateResolver = Callable[..., list[DateRef]]


def build_document(article: Article, parsed: Any) -> Document:
    try:
        return _build(article, parsed)
    finally:
        doc_index.release(parsed)  # every extractor has run: the caches are done with


def _build(article: Article, parsed: Any) -> Document:
    language = language_for(article.language)
    text = article.text
    furniture = boilerplate_spans(text)
    mentions = _outside(language.find_mentions(text, parsed, default_gazetteer()), furniture)
    resolved = resolve_entities(text, mentions)
    amounts = tuple(_outside(find_amounts(text), furniture))
    inputs = EventInputs(text=text, parsed=parsed, entities=resolved, amounts=amounts,
                         find_dates=_date_finder(article, language.resolve_dates, furniture),
                         published=article.published)
    events = with_their_countries(
        inherit_dates(merge_repeated(_outside(language.find_events(inputs), furniture))),
        resolved)
    quote_parse = parsed if language.quotes_read_parse else None
    quotes = tuple(_outside(find_quotes(text, quote_parse, resolved), furniture))
    return Document(article=article, entities=resolved.entities, events=tuple(events),
                    amounts=amounts, quotes=quotes)


def _outside(found: Iterable[T], furniture: list[tuple[int, int]]) -> list[T]:
    """What was read outside the page furniture (photo credits, copyright and read-more
    lines): a name, amount or quotation by its own span, an event by its trigger."""
    if not furniture:
        return list(found)
    out = []
    for item in found:
        span: Any = getattr(item, "trigger", None) or getattr(item, "span", None) \
            or getattr(item, "evidence", None) or item
        if not in_spans(span.start, span.end, furniture):
            out.append(item)
    return out


def _date_finder(article: Article, resolve: DateResolver,
                 furniture: list[tuple[int, int]]) -> Callable[[int, int, str], list[DateRef]]:
    """Dates in a sentence, read in a tense, outside the page furniture (the article's
    `boilerplate_spans`); each sentence and tense is read once."""

    @cache
    def find(start: int, end: int, tense: str) -> list[DateRef]:
        found = resolve(article.text, start, end, article.published, tense)
        return [d for d in found
                if d.span is None or not in_spans(d.span.start, d.span.end, furniture)]
    return find
