"""English amounts: a currency prefix, a number, an optional scale ("US$1 trillion",
"$40bn"), or a number, an optional scale and a currency word or code ("100 million
euros", "40 billion USD"); a shared-scale range ("$10-20 billion") gives two."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache

from kizuna.extract.money import Found, alternation, as_decimal, vocabulary

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_RANGE_SEP = r"\s?(?:-|–|—|to)\s?"


def _scale_pattern(scales: Iterable[str]) -> str:
    # A one-letter scale must touch the number ("$5m"); spaced, it is an ordinary word.
    letters = [s for s in scales if len(s) == 1]
    words = [s for s in scales if len(s) > 1]
    return rf"(?i:\s?(?:{alternation(words)})|(?:{alternation(letters)}))\b"


def _number(group: str, scale: str) -> str:
    """A number, an optional second number of a range, an optional scale, as named groups."""
    high = rf"(?:{_RANGE_SEP}(?P<{group}hi>{_NUM}))?"
    return rf"(?P<{group}num>{_NUM}){high}(?P<{group}scale>{scale})?"


@cache
def _english_pattern() -> re.Pattern[str]:
    vocab = vocabulary("en")
    scale = _scale_pattern(vocab["scale"])
    codes = alternation(vocab["code"])
    prefixed = rf"(?<![A-Za-z])(?P<pre>{alternation(vocab['prefix'])}|(?:{codes})(?=\s))\s?"
    suffix = rf"\s(?P<suf>{alternation(vocab['suffix'])}|{codes})\b"
    suffixed = rf"(?<![\w.,$]){_number('s_', scale)}{suffix}"
    return re.compile(rf"{prefixed}{_number('p_', scale)}|{suffixed}")


def _scale_value(scale: str | None) -> Decimal:
    if not scale:
        return Decimal(1)
    return Decimal(vocabulary("en")["scale"][scale.strip().lower()])


def english_amounts(text: str) -> Iterator[Found]:
    vocab = vocabulary("en")
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
        yield m.start(), m.end(), as_decimal(low) * factor, currency
        return
    yield m.start(), m.end(group + "num"), as_decimal(low) * factor, currency
    # "$5 to 10 people": with a prefix and no scale the second number need not be money.
    if scale or group == "s_":
        yield m.start(group + "hi"), m.end(), as_decimal(high) * factor, currency
