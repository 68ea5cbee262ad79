"""English: spaCy's parse read for clauses, subjects and objects."""

from __future__ import annotations

from kizuna.extract.en import dates, events, mentions, money, quotes
from kizuna.extract.languages import Language, QuoteReader

LANGUAGE = Language(
    code="en",
    find_mentions=mentions.find_mentions,
    find_events=events.read_events,
    resolve_dates=dates.resolve_dates,
    find_amounts=money.english_amounts,
    quotes=QuoteReader(claims=quotes.claims, keep=quotes.keep, speaker=quotes.speaker,
                       abbreviations=quotes.abbreviations, any_script=True),
    quotes_read_parse=True,
    sentence_rules="line_breaks",
)
