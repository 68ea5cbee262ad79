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
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache

from kizuna.lang import load
from kizuna.model import Money, Span

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_RANGE_SEP = r"\s?(?:-|–|—|to)\s?"
_JA_DIGITS = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"

Found = tuple[int, int, Decimal, str]
"""One amount before numbering: start, end, value, ISO 4217 currency."""


def _vocabulary(lang: str) -> dict:
    return load(lang, "money")


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation trying longer words first, so "US$" wins over "$"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _scale_pattern(scales: Iterable[str]) -> str:
    # A one-letter scale must touch the number ("$5m"); spaced, it is an ordinary word.
    letters = [s for s in scales if len(s) == 1]
    words = [s for s in scales if len(s) > 1]
    return rf"(?i:\s?(?:{_alternation(words)})|(?:{_alternation(letters)}))\b"


def _number(group: str, scale: str) -> str:
    """A number, an optional second number of a range, an optional scale, as named groups."""
    high = rf"(?:{_RANGE_SEP}(?P<{group}hi>{_NUM}))?"
    return rf"(?P<{group}num>{_NUM}){high}(?P<{group}scale>{scale})?"


@cache
def _english_pattern() -> re.Pattern[str]:
    vocab = _vocabulary("en")
    scale = _scale_pattern(vocab["scale"])
    codes = _alternation(vocab["code"])
    prefixed = rf"(?<![A-Za-z])(?P<pre>{_alternation(vocab['prefix'])}|(?:{codes})(?=\s))\s?"
    suffix = rf"\s(?P<suf>{_alternation(vocab['suffix'])}|{codes})\b"
    suffixed = rf"(?<![\w.,$]){_number('s_', scale)}{suffix}"
    return re.compile(rf"{prefixed}{_number('p_', scale)}|{suffixed}")


@cache
def _japanese_pattern() -> re.Pattern[str]:
    vocab = _vocabulary("ja")
    units = f"[{''.join(vocab['multiplier'])}]?[{''.join(vocab['scale'])}]"
    number = rf"(?:{_JA_DIGITS}{units})+(?:{_JA_DIGITS})?|{_JA_DIGITS}"
    suffix = _alternation(vocab["suffix"])
    return re.compile(rf"(?<![0-9０-９.,．，])(?P<num>{number})(?P<suf>{suffix})")


def _decimal(digits: str) -> Decimal:
    return Decimal(unicodedata.normalize("NFKC", digits).replace(",", ""))


def _scale_value(scale: str | None) -> Decimal:
    if not scale:
        return Decimal(1)
    return Decimal(_vocabulary("en")["scale"][scale.strip().lower()])


def _english_amounts(text: str) -> Iterator[Found]:
    vocab = _vocabulary("en")
    currencies = {**vocab["prefix"], **vocab["code"], **vocab["suffix"]}
    for m in _english_pattern().finditer(text):
        group = "p_" if m.group("pre") else "s_"
        if m.group("suf") in vocab["needs_scale"]["words"] and not m.group("s_scale"):
            continue
        yield from _english_found(m, group, currencies[m.group("pre") or m.group("suf")])


def _english_found(m: re.Match[str], group: str, currency: str) -> Iterator[Found]:
    """One amount, or two for a range sharing its scale and currency ("$10-20 billion")."""
    low, high, scale = (m.group(group + name) for name in ("num", "hi", "scale"))
    factor = _scale_value(scale)
    if high is None:
        yield m.start(), m.end(), _decimal(low) * factor, currency
        return
    yield m.start(), m.end(group + "num"), _decimal(low) * factor, currency
    # "$5 to 10 people": with a prefix and no scale the second number need not be money.
    if scale or group == "s_":
        yield m.start(group + "hi"), m.end(), _decimal(high) * factor, currency


def _japanese_value(number: str) -> Decimal:
    vocab = _vocabulary("ja")
    total = Decimal(0)
    units = {**vocab["multiplier"], **vocab["scale"]}
    # Each group is digits, an optional 千/百/十 and an optional 兆/億/万: "3千億" is 3e11.
    group = rf"({_JA_DIGITS})([{''.join(vocab['multiplier'])}])?([{''.join(vocab['scale'])}])?"
    for m in re.finditer(group, number):
        factor = Decimal(1)
        for unit in filter(None, m.groups()[1:]):
            factor *= Decimal(units[unit])
        total += _decimal(m.group(1)) * factor
    return total


def _japanese_amounts(text: str) -> Iterator[Found]:
    vocab = _vocabulary("ja")
    scales = tuple(vocab["scale"])
    for m in _japanese_pattern().finditer(text):
        number, suffix = m.group("num"), m.group("suf")
        if suffix in vocab["needs_scale"]["words"] and not number.endswith(scales):
            continue
        yield m.start(), m.end(), _japanese_value(number), vocab["suffix"][suffix]


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
    found = _without_overlaps([*_english_amounts(text), *_japanese_amounts(text)])
    return [
        Money(id=f"m{i}", value=_plain(value), currency=currency, span=Span.of(text, start, end))
        for i, (start, end, value, currency) in enumerate(found, start=1)
    ]

