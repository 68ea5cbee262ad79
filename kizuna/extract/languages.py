"""The languages kizuna reads, one folder each under `kizuna/extract/<code>/`, chosen here.

Each folder's `__init__.py` describes its language as a `Language`: the functions of its
own modules (`mentions`, `events`, `dates`, `money`, `quotes`) that the language-free
steps in `kizuna/extract/` call. Nothing outside this module asks which language an
article is in; it asks `language_for(code)` for the functions to call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from kizuna.model import DateRef, Event, NameMention

if TYPE_CHECKING:
    from kizuna.extract.events import EventInputs
    from kizuna.extract.money import Found
    from kizuna.extract.quotes import Frame, Marked, QuotedArticle
    from kizuna.resolve.gazetteer import Gazetteer

# Language code -> the package describing it. An article in a language not listed is
# read as English, the default.
LANGUAGES = {"en": "kizuna.extract.en", "ja": "kizuna.extract.ja"}
DEFAULT = "en"


@dataclass(frozen=True)
class QuoteReader:
    """A language's rules for quotations: which ones it reads, which are speech, and who
    said one."""

    claims: Callable[[str, Marked], bool]
    keep: Callable[[str, Marked], bool]
    speaker: Callable[[QuotedArticle, Marked, Frame], str | None]
    # words ending in a full stop that end no sentence ("Mr.", "Corp.")
    abbreviations: Callable[[], frozenset[str]] = frozenset
    any_script: bool = False  # reads quotations in any script: tried after the others


@dataclass(frozen=True)
class Language:
    """The functions one language folder gives the language-free steps."""

    code: str
    find_mentions: Callable[[str, Any, Gazetteer], list[NameMention]]
    find_events: Callable[[EventInputs], list[Event]]
    resolve_dates: Callable[[str, int, int, date | None, str], list[DateRef]]
    find_amounts: Callable[[str], Iterable[Found]]
    quotes: QuoteReader
    quotes_read_parse: bool  # whether the quote rules are given the article's parse
    sentence_rules: str  # the spaCy component that fixes the parser's sentence starts


@cache
def language_for(code: str) -> Language:
    """The language an article written in `code` is read in."""
    language: Language = import_module(LANGUAGES.get(code, LANGUAGES[DEFAULT])).LANGUAGE
    return language


def all_languages() -> tuple[Language, ...]:
    """Every language, in `LANGUAGES` order."""
    return tuple(language_for(code) for code in LANGUAGES)


@cache
def quote_readers() -> tuple[QuoteReader, ...]:
    """Each language's quote rules, those that claim quotations by their script first."""
    return tuple(sorted((language.quotes for language in all_languages()),
                        key=lambda reader: reader.any_script))


@cache
def sentence_abbreviations() -> frozenset[str]:
    """Words ending in a full stop that end no sentence ("Mr.", "Corp."), in any language."""
    return frozenset().union(*(language.quotes.abbreviations() for language in all_languages()))
