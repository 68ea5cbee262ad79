"""Dates in every language: periods (first day, last day, granularity) resolved against
the publication date and the tense, and the scan that keeps the longest expression where
two overlap. Each language's patterns are in its folder (`en/dates.py`, `ja/dates.py`)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

from kizuna.lang import load
from kizuna.model import DateRef, Span

Period = tuple[date, date, str]
"""The first day, last day and granularity of a resolved expression."""

Resolver = Callable[[re.Match[str], date | None, int], Period | None]

_DIRECTIONS = {"past": -1, "present": 0, "future": 1}


def vocabulary(lang: str) -> dict:
    return load(lang, "dates")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation trying longer words first, so "Sept." wins over "Sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def direction_of(tense: str) -> int:
    return _DIRECTIONS.get(tense, 0)


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last), "month"


def year_period(year: int) -> Period:
    return date(year, 1, 1), date(year, 12, 31), "year"


def day_period(day: date) -> Period:
    return day, day, "day"


def add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def year_for_month(month: int, published: date, direction: int) -> int:
    """The year of a month named without one, seen from `published` in `direction`."""
    if direction < 0:
        return published.year - (month > published.month)
    if direction > 0:
        return published.year + (month < published.month)
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: abs((y - published.year) * 12 + month - published.month))


def year_for_modified_month(month: int, published: date, offset: int) -> int:
    """"last March" is strictly before the publication month, "next March" strictly after."""
    if offset < 0:
        return published.year - (month >= published.month)
    if offset > 0:
        return published.year + (month <= published.month)
    return published.year


def weekday_on_or_before(weekday: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _weekday_on_or_after(weekday: int, published: date) -> date:
    return published + timedelta(days=(weekday - published.weekday()) % 7)


def weekday_date(weekday: int, published: date, direction: int) -> date:
    before = weekday_on_or_before(weekday, published)
    after = _weekday_on_or_after(weekday, published)
    if direction == 0:
        return before if published - before <= after - published else after
    return before if direction < 0 else after


def modified_weekday(weekday: int, published: date, offset: int) -> date:
    if offset < 0:
        return weekday_on_or_before(weekday, published - timedelta(days=1))
    if offset > 0:
        return _weekday_on_or_after(weekday, published + timedelta(days=1))
    return published + timedelta(days=weekday - published.weekday())


def week_monday(published: date, offset: int) -> date:
    return published - timedelta(days=published.weekday()) + timedelta(weeks=offset)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def matching(
    patterns: Iterable[tuple[re.Pattern[str], Resolver]],
    text: str, start: int, end: int, published: date | None, direction: int,
) -> Iterator[tuple[int, int, Period]]:
    for pattern, resolver in patterns:
        for m in pattern.finditer(text, start, end):
            period = resolver(m, published, direction)
            if period is not None:
                yield m.start(), m.end(), period


def longest_first(found: Iterable[tuple[int, int, Period]]) -> Iterator[tuple[int, int, Period]]:
    taken_until = -1
    for item in sorted(found, key=lambda f: (f[0], -f[1])):
        if item[0] >= taken_until:
            taken_until = item[1]
            yield item


def date_ref(text: str, start: int, end: int, period: Period) -> DateRef:
    """A `DateRef` for `text[start:end]` naming `period`."""
    first, last, granularity = period
    return DateRef(text[start:end], first, last, granularity, Span.of(text, start, end))


def words_of(ref: DateRef) -> Span:
    """The words of a date read in the text (every date found in a sentence has them)."""
    assert ref.span is not None, "a date read in the text has its words"
    return ref.span
