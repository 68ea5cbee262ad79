"""Monetary amounts in raw news text: "$500 billion", "3 trillion yen", "1兆7225億円".

Money needs its own small grammar: off-the-shelf price parsers drop "billion" and 億 or
read ¥ as yuan (docs/DEPENDENCIES.md). The words come from `kizuna/lang/<lang>/money.toml`;
this module only combines them. English: a currency prefix, a number, an optional scale
("US$1 trillion", "$40bn"), or a number, an optional scale and a currency word or code
("100 million euros", "40 billion USD"). Japanese: digit groups closed by 兆/億/万 and a
currency word ("5000億ドル"). A shared-scale range ("$10-20 billion") gives two amounts.
A currency is required, so years, percentages and bare numbers never match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from kizuna.extract.languages import all_languages
from kizuna.lang import load
from kizuna.model import Money, Span

Found = tuple[int, int, Decimal, str]
"""One amount before numbering: start, end, value, ISO 4217 currency."""


def vocabulary(lang: str) -> dict:
    return load(lang, "money")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation trying longer words first, so "US$" wins over "$"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def as_decimal(digits: str) -> Decimal:
    return Decimal(unicodedata.normalize("NFKC", digits).replace(",", ""))


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _without_overlaps(found: Iterable[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f[0], -f[1])):
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def find_amounts(text: str) -> list[Money]:
    """Every monetary amount in `text`, in text order, with ids "m1", "m2", …"""
    # every language's grammar reads every article: a Japanese story quotes dollars as
    # US$ and an English one may give 億円
    found = _without_overlaps(
        [amount for language in all_languages() for amount in language.find_amounts(text)])
    return [
        Money(id=f"m{i}", value=_plain(value), currency=currency, span=Span.of(text, start, end))
        for i, (start, end, value, currency) in enumerate(found, start=1)
    ]
