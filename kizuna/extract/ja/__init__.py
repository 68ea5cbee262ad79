"""Japanese: GiNZA's tokens and entities, with clauses and topics read from particles."""

from __future__ import annotations

from kizuna.extract.ja import dates, events, mentions, money, quotes
from kizuna.extract.languages import Language, QuoteReader

LANGUAGE = Language(
    code="ja",
    find_mentions=mentions.find_mentions_ja,
    find_events=events.read_events,
    resolve_dates=dates.resolve_dates_ja,
    find_amounts=money.japanese_amounts,
    quotes=QuoteReader(claims=quotes.claims, keep=quotes.keep, speaker=quotes.speaker),
    quotes_read_parse=False,  # the rules read GiNZA's parse no better than the text
    sentence_rules="quotes_unbroken",
)
