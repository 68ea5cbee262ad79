"""Date expressions in one sentence, resolved against the publication date and the tense.

`resolve_dates` scans `text[start:end]` with a handful of patterns built from
`kizuna/lang/en/dates.toml` ("on Monday", "Jan. 20", "in early February", "last week",
"fiscal 2025", "from Thursday to Saturday") and turns each into a `DateRef` whose span
slices the whole article text. Where two patterns overlap the longest wins, so "on Monday,
Feb. 3, 2025" is one absolute date rather than a weekday.

Relative expressions need `published`; without it only absolute dates are returned.
The tense of the clause decides direction when the text leaves it open:

- a weekday: past is the latest such day on or before publication, future the earliest on
  or after it, present the nearer of those two (ties go back). A weekday naming the
  publication day is that day in both directions, because wire copy writes "on Friday" for
  the day it is filed ("will travel on Wednesday" in a Wednesday story is that Wednesday).
  "last Monday" is strictly before publication, "next Monday" strictly after, "this Monday"
  the one in the publication date's Monday-to-Sunday week.
- a month or a month and day without a year: the publication year, moved back a year for
  past tense when the month is later than the publication month, forward a year for future
  tense when it is earlier; present takes the nearest. "last March" is strictly before the
  publication month, "next March" strictly after.
- a weekday range ("from Thursday to Saturday") ends on or before publication in the past
  and starts on or after it in the future; present starts at the nearer start day.

A month is written as its first and last day with granularity "month", a year as 1 January
to 31 December with granularity "year", a week ("last week") as Monday to Sunday with
granularity "day". Part words ("early February", "the end of March", "late last month")
name the whole month or year: the contract has no finer unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from kizuna.extract.dates import (
    Period,
    Resolver,
    add_months,
    alternation,
    date_ref,
    day_period,
    direction_of,
    longest_first,
    matching,
    modified_weekday,
    month_period,
    safe_date,
    vocabulary,
    week_monday,
    weekday_date,
    weekday_on_or_before,
    year_for_modified_month,
    year_for_month,
    year_period,
)
from kizuna.model import DateRef

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|,\d)"

_YEAR = r"(?<![\d,.$£€¥])(?:19|20)\d{2}(?![\d%])(?!s\b)"


@cache
def _month_numbers() -> dict[str, int]:
    months = vocabulary("en")["months"]
    return {name: number for number, names in enumerate(months, start=1) for name in names}


@cache
def _weekday_numbers() -> dict[str, int]:
    weekdays = vocabulary("en")["weekdays"]
    return {name: number for number, names in enumerate(weekdays) for name in names}


def _name(group: str, names: Iterable[str]) -> str:
    # Names may end in a dot ("Jan."), so letters, not \b, mark where a word stops.
    return rf"(?<![A-Za-z])(?P<{group}>{alternation(names)})(?![A-Za-z])"


def _cue(group: str, words: Iterable[str], after: str = r"\s+") -> str:
    return rf"(?:(?<![A-Za-z])(?P<{group}>(?i:{alternation(words)})){after})?"


def _day_number(day: str) -> int:
    """The number of "20", "1st" or "03"."""
    digits = re.match(r"\d+", day)
    assert digits is not None, "a day is written in digits"
    return int(digits.group())


def _modifier(m: re.Match[str]) -> int | None:
    """The offset of "last"/"next"/"this", None when absent or a bare "the"."""
    word = m.groupdict().get("mod")
    if not word or (word.lower() == "the" and not m.groupdict().get("part")):
        return None
    return vocabulary("en")["modifiers"][word.lower()]


def _has_cue(m: re.Match[str]) -> bool:
    groups = m.groupdict()
    return any(groups.get(g) for g in ("prep", "part", "fiscal")) or _modifier(m) is not None


def _resolve_iso(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    day = safe_date(int(m["year"]), int(m["month_n"]), int(m["day"]))
    return day_period(day) if day else None


def _explicit_year(
    m: re.Match[str], month: int, published: date | None, direction: int
) -> int | None:
    if m.groupdict().get("year"):
        return int(m["year"])
    return year_for_month(month, published, direction) if published else None


def _resolve_month_day(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    month = _month_numbers()[m["month"]]
    year = _explicit_year(m, month, published, direction)
    if year is None:
        return None
    first = safe_date(year, month, _day_number(m["day"]))
    if first is None or not m.groupdict().get("day2"):
        return day_period(first) if first else None
    return _day_range(first, m)


def _day_range(first: date, m: re.Match[str]) -> Period | None:
    """"Nov. 20 and 21", or "Dec. 30 to Jan. 2" ending in the next year; not "Jan. 20 and 2"."""
    month = _month_numbers()[m["month2"]] if m["month2"] else first.month
    last = safe_date(first.year, month, _day_number(m["day2"]))
    if last is not None and last <= first and m["month2"]:
        last = safe_date(first.year + 1, month, last.day)
    return (first, last, "day") if last and last > first else None


def _resolve_month_year(m: re.Match[str], published: date | None, direction: int) -> Period:
    return month_period(int(m["year"]), _month_numbers()[m["month"]])


def _resolve_month(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None or not _has_cue(m):
        return None
    month = _month_numbers()[m["month"]]
    offset = _modifier(m)
    if offset is None:
        return month_period(year_for_month(month, published, direction), month)
    return month_period(year_for_modified_month(month, published, offset), month)


def _resolve_weekday(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    weekday = _weekday_numbers()[m["weekday"]]
    if m["weekday2"]:
        return _weekday_range(weekday, _weekday_numbers()[m["weekday2"]], published, direction)
    offset = _modifier(m)
    if offset is None:
        return day_period(weekday_date(weekday, published, direction))
    return day_period(modified_weekday(weekday, published, offset))


def _weekday_range(first: int, last: int, published: date, direction: int) -> Period:
    # A past range must be over by publication, so it is anchored on its last day.
    length = timedelta(days=(last - first) % 7)
    if direction < 0:
        end = weekday_on_or_before(last, published)
        return end - length, end, "day"
    start = weekday_date(first, published, direction)
    return start, start + length, "day"


def _resolve_day_word(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    offset = vocabulary("en")["days"][m["word"].lower()]
    return day_period(published + timedelta(days=offset))


def _resolve_unit(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    offset = _modifier(m)
    if published is None or offset is None:
        return None
    unit = vocabulary("en")["units"][m["unit"].lower()]
    if unit == "year":
        return year_period(published.year + offset)
    if unit == "month":
        return month_period(*add_months(published, offset))
    monday = week_monday(published, offset)
    if unit == "weekend":
        return monday + timedelta(days=5), monday + timedelta(days=6), "day"
    return monday, monday + timedelta(days=6), "day"


def _resolve_year(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    return year_period(int(m["year"])) if _has_cue(m) else None


def _fragments() -> dict[str, str]:
    vocab = vocabulary("en")
    return {
        "prep": _cue("prep", vocab["prepositions"]),
        "part": _cue("part", vocab["parts"], after=r"(?:\s+|-)"),
        "mod": _cue("mod", vocab["modifiers"]),
        "fiscal": _cue("fiscal", vocab["fiscal"], after=r"\s*"),
        "join": rf"\s*(?i:{alternation(vocab['range_joiners'])})\s*",
        "wd": rf"(?:{_name('wd_prefix', _weekday_numbers())},?\s+)?",
        "year": rf",?\s+(?P<year>{_YEAR})",
    }


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], Resolver], ...]:
    f = _fragments()
    month, month2 = _name("month", _month_numbers()), _name("month2", _month_numbers())
    weekday, weekday2 = _name("weekday", _weekday_numbers()), _name("weekday2", _weekday_numbers())
    vocab = vocabulary("en")
    rules: list[tuple[str, Resolver]] = [
        (r"(?<!\d)(?P<year>\d{4})-(?P<month_n>\d{2})-(?P<day>\d{2})(?!\d)", _resolve_iso),
        (rf"{f['prep']}{f['wd']}{month}\s*(?P<day>{_DAY})(?:{f['year']})?", _resolve_month_day),
        # A range is its own rule so that a range that fails ("Jan. 20 and 2 others") still
        # leaves its first date to the rule above.
        (
            rf"{f['prep']}{f['wd']}{month}\s*(?P<day>{_DAY})"
            rf"{f['join']}(?:{month2}\s*)?(?P<day2>{_DAY})(?:{f['year']})?",
            _resolve_month_day,
        ),
        (
            rf"{f['prep']}{f['wd']}(?<![\w,.])(?P<day>{_DAY})\s+(?:of\s+)?{month}(?:{f['year']})?",
            _resolve_month_day,
        ),
        (rf"{f['prep']}{f['part']}{month}(?:\s+of)?{f['year']}", _resolve_month_year),
        (rf"{f['prep']}{f['part']}{f['mod']}{month}", _resolve_month),
        (rf"{f['prep']}{f['mod']}{weekday}(?:{f['join']}{weekday2})?", _resolve_weekday),
        (rf"{f['prep']}\b(?P<word>(?i:{alternation(vocab['days'])}))\b", _resolve_day_word),
        (
            rf"{f['prep']}{f['part']}{f['mod']}(?P<unit>(?i:{alternation(vocab['units'])}))\b",
            _resolve_unit,
        ),
        (rf"{f['prep']}{f['part']}{f['fiscal']}(?P<year>{_YEAR})", _resolve_year),
    ]
    # A date never starts inside a word: the look-behind lets the engine skip those
    # positions at once instead of trying every optional prefix there.
    return tuple((re.compile(rf"(?<!\w){pattern}"), resolver) for pattern, resolver in rules)


def resolve_dates(
    text: str, start: int, end: int, published: date | None, tense: str
) -> list[DateRef]:
    """Every date expression in `text[start:end]`, resolved, in text order.

    `tense` is "past", "present" or "future", the tense of the clause the expressions
    belong to; relative expressions are dropped when `published` is None.
    """
    found = matching(_patterns(), text, start, end, published, direction_of(tense))
    return [date_ref(text, s, e, period) for s, e, period in longest_first(found)]
