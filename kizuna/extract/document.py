"""One parsed article to one Document: every extractor, then resolution, in order."""

from __future__ import annotations

from functools import cache
from typing import Any

from kizuna.extract.dates import resolve_dates, resolve_dates_ja
from kizuna.extract.events import (
    ArticleContext,
    find_events,
    subject_mentions,
    token_entities,
)
from kizuna.extract.ja_events import JapaneseContext, find_events_ja
from kizuna.extract.ja_mentions import find_mentions_ja
from kizuna.extract.mentions import find_mentions
from kizuna.extract.money import find_amounts
from kizuna.extract.parties import with_their_countries
from kizuna.extract.quotes import find_quotes
from kizuna.lang import load
from kizuna.model import Article, DateRef, Document
from kizuna.parse.text import boilerplate_spans, in_spans
from kizuna.resolve.entities import resolve_entities
from kizuna.resolve.gazetteer import default_gazetteer
from kizuna.resolve.happenings import inherit_dates, merge_repeated


def build_document(article: Article, parsed: Any) -> Document:
    if article.language == "ja":
        return build_japanese_document(article, parsed)
    return build_english_document(article, parsed)


def build_japanese_document(article: Article, parsed: Any) -> Document:
    text = article.text
    furniture = boilerplate_spans(text)
    mentions = _outside(find_mentions_ja(text, parsed, default_gazetteer()), furniture)
    resolved = resolve_entities(text, mentions)
    amounts = tuple(_outside(find_amounts(text), furniture))
    ctx = JapaneseContext(text=text, parsed=parsed, entities=resolved, amounts=amounts,
                          find_dates=_date_finder(article, resolve_dates_ja))
    events = with_their_countries(
        inherit_dates(merge_repeated(_outside(find_events_ja(ctx), furniture))), resolved)
    quotes = tuple(_outside(find_quotes(text, None, resolved), furniture))
    return Document(article=article, entities=resolved.entities, events=tuple(events),
                    amounts=amounts, quotes=quotes)


def build_english_document(article: Article, parsed: Any) -> Document:
    text = article.text
    furniture = boilerplate_spans(text)
    mentions = _outside(find_mentions(text, parsed, default_gazetteer()), furniture)
    resolved = resolve_entities(text, mentions)
    amounts = tuple(_outside(find_amounts(text), furniture))
    ctx = ArticleContext(
        text=text, parsed=parsed, entities=resolved,
        token_entity=token_entities(parsed, resolved), amounts=amounts,
        find_dates=_date_finder(article, resolve_dates), leaders=_leaders(resolved),
        subject_mentions=subject_mentions(parsed, resolved),
    )
    events = with_their_countries(
        inherit_dates(merge_repeated(_outside(find_events(ctx), furniture))), resolved)
    quotes = tuple(_outside(find_quotes(text, parsed, resolved), furniture))
    return Document(article=article, entities=resolved.entities, events=tuple(events),
                    amounts=amounts, quotes=quotes)


def _outside(found, furniture: list[tuple[int, int]]) -> list:
    """What was read outside the page furniture (photo credits, copyright and read-more
    lines): a name, amount or quotation by its own span, an event by its trigger."""
    if not furniture:
        return list(found)
    out = []
    for item in found:
        span = getattr(item, "trigger", None) or getattr(item, "span", None) \
            or getattr(item, "evidence", None) or item
        if not in_spans(span.start, span.end, furniture):
            out.append(item)
    return out


def _leaders(resolved) -> frozenset[str]:
    leader_titles = set(load("en", "entities")["references"]["leader_titles"])
    return frozenset(
        entity_id for entity_id, titles in resolved.titles.items()
        if any(_is_leader_title(t, lt) for t in titles for lt in leader_titles))


def _is_leader_title(title: str, leader_title: str) -> bool:
    """"U.S. President" is a leader's title; "Vice President" is not."""
    if title == leader_title:
        return True
    return title.endswith(" " + leader_title) and not title.startswith("vice")


def _date_finder(article: Article, resolve):
    """Dates in a sentence, read in a tense; each sentence and tense is read once."""
    furniture = boilerplate_spans(article.text)

    @cache
    def find(start: int, end: int, tense: str) -> list[DateRef]:
        found = resolve(article.text, start, end, article.published, tense)
        return [d for d in found
                if d.span is None or not in_spans(d.span.start, d.span.end, furniture)]
    return find
