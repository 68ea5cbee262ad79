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

`resolve_dates_ja` does the same for Japanese ("7日", "先月20日", "令和7年5月", "来週",
"6～8日") from `kizuna/lang/ja/dates.toml`; a bare day number ("7日") is taken in the
publication month or the one before (past) or after (future), whichever the tense allows.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache

from kizuna.lang import load
from kizuna.model import DateRef, Span

Period = tuple[date, date, str]
"""The first day, last day and granularity of a resolved expression."""

Resolver = Callable[[re.Match[str], date | None, int], Period | None]

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|,\d)"
_YEAR = r"(?<![\d,.$£€¥])(?:19|20)\d{2}(?![\d%])(?!s\b)"
_DIRECTIONS = {"past": -1, "present": 0, "future": 1}


# --- vocabulary -------------------------------------------------------------------------


def _vocabulary(lang: str) -> dict:
    return load(lang, "dates")


@cache
def _month_numbers() -> dict[str, int]:
    months = _vocabulary("en")["months"]
    return {name: number for number, names in enumerate(months, start=1) for name in names}


@cache
def _weekday_numbers() -> dict[str, int]:
    weekdays = _vocabulary("en")["weekdays"]
    return {name: number for number, names in enumerate(weekdays) for name in names}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation trying longer words first, so "Sept." wins over "Sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _name(group: str, names: Iterable[str]) -> str:
    # Names may end in a dot ("Jan."), so letters, not \b, mark where a word stops.
    return rf"(?<![A-Za-z])(?P<{group}>{_alternation(names)})(?![A-Za-z])"


def _cue(group: str, words: Iterable[str], after: str = r"\s+") -> str:
    return rf"(?:(?<![A-Za-z])(?P<{group}>(?i:{_alternation(words)})){after})?"


# --- calendar arithmetic ----------------------------------------------------------------


def _direction(tense: str) -> int:
    return _DIRECTIONS.get(tense, 0)


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last), "month"


def _year_period(year: int) -> Period:
    return date(year, 1, 1), date(year, 12, 31), "year"


def _day_period(day: date) -> Period:
    return day, day, "day"


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _year_for_month(month: int, published: date, direction: int) -> int:
    """The year of a month named without one, seen from `published` in `direction`."""
    if direction < 0:
        return published.year - (month > published.month)
    if direction > 0:
        return published.year + (month < published.month)
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: abs((y - published.year) * 12 + month - published.month))


def _year_for_modified_month(month: int, published: date, offset: int) -> int:
    """"last March" is strictly before the publication month, "next March" strictly after."""
    if offset < 0:
        return published.year - (month >= published.month)
    if offset > 0:
        return published.year + (month <= published.month)
    return published.year


def _weekday_on_or_before(weekday: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _weekday_on_or_after(weekday: int, published: date) -> date:
    return published + timedelta(days=(weekday - published.weekday()) % 7)


def _weekday_date(weekday: int, published: date, direction: int) -> date:
    before = _weekday_on_or_before(weekday, published)
    after = _weekday_on_or_after(weekday, published)
    if direction == 0:
        return before if published - before <= after - published else after
    return before if direction < 0 else after


def _modified_weekday(weekday: int, published: date, offset: int) -> date:
    if offset < 0:
        return _weekday_on_or_before(weekday, published - timedelta(days=1))
    if offset > 0:
        return _weekday_on_or_after(weekday, published + timedelta(days=1))
    return published + timedelta(days=weekday - published.weekday())


def _week_monday(published: date, offset: int) -> date:
    return published - timedelta(days=published.weekday()) + timedelta(weeks=offset)


def _day_number(day: str) -> int:
    """The number of "20", "1st" or "03"."""
    return int(re.match(r"\d+", day).group())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- resolvers: one per pattern ---------------------------------------------------------


def _modifier(m: re.Match[str]) -> int | None:
    """The offset of "last"/"next"/"this", None when absent or a bare "the"."""
    word = m.groupdict().get("mod")
    if not word or (word.lower() == "the" and not m.groupdict().get("part")):
        return None
    return _vocabulary("en")["modifiers"][word.lower()]


def _has_cue(m: re.Match[str]) -> bool:
    groups = m.groupdict()
    return any(groups.get(g) for g in ("prep", "part", "fiscal")) or _modifier(m) is not None


def _resolve_iso(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    day = _safe_date(int(m["year"]), int(m["month_n"]), int(m["day"]))
    return _day_period(day) if day else None


def _explicit_year(
    m: re.Match[str], month: int, published: date | None, direction: int
) -> int | None:
    if m.groupdict().get("year"):
        return int(m["year"])
    return _year_for_month(month, published, direction) if published else None


def _resolve_month_day(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    month = _month_numbers()[m["month"]]
    year = _explicit_year(m, month, published, direction)
    if year is None:
        return None
    first = _safe_date(year, month, _day_number(m["day"]))
    if first is None or not m.groupdict().get("day2"):
        return _day_period(first) if first else None
    return _day_range(first, m)


def _day_range(first: date, m: re.Match[str]) -> Period | None:
    """"Nov. 20 and 21", or "Dec. 30 to Jan. 2" ending in the next year; not "Jan. 20 and 2"."""
    month = _month_numbers()[m["month2"]] if m["month2"] else first.month
    last = _safe_date(first.year, month, _day_number(m["day2"]))
    if last is not None and last <= first and m["month2"]:
        last = _safe_date(first.year + 1, month, last.day)
    return (first, last, "day") if last and last > first else None


def _resolve_month_year(m: re.Match[str], published: date | None, direction: int) -> Period:
    return _month_period(int(m["year"]), _month_numbers()[m["month"]])


def _resolve_month(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None or not _has_cue(m):
        return None
    month = _month_numbers()[m["month"]]
    offset = _modifier(m)
    if offset is None:
        return _month_period(_year_for_month(month, published, direction), month)
    return _month_period(_year_for_modified_month(month, published, offset), month)


def _resolve_weekday(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    weekday = _weekday_numbers()[m["weekday"]]
    if m["weekday2"]:
        return _weekday_range(weekday, _weekday_numbers()[m["weekday2"]], published, direction)
    offset = _modifier(m)
    if offset is None:
        return _day_period(_weekday_date(weekday, published, direction))
    return _day_period(_modified_weekday(weekday, published, offset))


def _weekday_range(first: int, last: int, published: date, direction: int) -> Period:
    # A past range must be over by publication, so it is anchored on its last day.
    length = timedelta(days=(last - first) % 7)
    if direction < 0:
        end = _weekday_on_or_before(last, published)
        return end - length, end, "day"
    start = _weekday_date(first, published, direction)
    return start, start + length, "day"


def _resolve_day_word(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    offset = _vocabulary("en")["days"][m["word"].lower()]
    return _day_period(published + timedelta(days=offset))


def _resolve_unit(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    offset = _modifier(m)
    if published is None or offset is None:
        return None
    unit = _vocabulary("en")["units"][m["unit"].lower()]
    if unit == "year":
        return _year_period(published.year + offset)
    if unit == "month":
        return _month_period(*_add_months(published, offset))
    monday = _week_monday(published, offset)
    if unit == "weekend":
        return monday + timedelta(days=5), monday + timedelta(days=6), "day"
    return monday, monday + timedelta(days=6), "day"


def _resolve_year(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    return _year_period(int(m["year"])) if _has_cue(m) else None


# --- patterns ---------------------------------------------------------------------------


def _fragments() -> dict[str, str]:
    vocab = _vocabulary("en")
    return {
        "prep": _cue("prep", vocab["prepositions"]),
        "part": _cue("part", vocab["parts"], after=r"(?:\s+|-)"),
        "mod": _cue("mod", vocab["modifiers"]),
        "fiscal": _cue("fiscal", vocab["fiscal"], after=r"\s*"),
        "join": rf"\s*(?i:{_alternation(vocab['range_joiners'])})\s*",
        "wd": rf"(?:{_name('wd_prefix', _weekday_numbers())},?\s+)?",
        "year": rf",?\s+(?P<year>{_YEAR})",
    }


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], Resolver], ...]:
    f = _fragments()
    month, month2 = _name("month", _month_numbers()), _name("month2", _month_numbers())
    weekday, weekday2 = _name("weekday", _weekday_numbers()), _name("weekday2", _weekday_numbers())
    vocab = _vocabulary("en")
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
        (rf"{f['prep']}\b(?P<word>(?i:{_alternation(vocab['days'])}))\b", _resolve_day_word),
        (
            rf"{f['prep']}{f['part']}{f['mod']}(?P<unit>(?i:{_alternation(vocab['units'])}))\b",
            _resolve_unit,
        ),
        (rf"{f['prep']}{f['part']}{f['fiscal']}(?P<year>{_YEAR})", _resolve_year),
    ]
    # A date never starts inside a word: the look-behind lets the engine skip those
    # positions at once instead of trying every optional prefix there.
    return tuple((re.compile(rf"(?<!\w){pattern}"), resolver) for pattern, resolver in rules)


# --- public API -------------------------------------------------------------------------


def _matches(
    patterns: Iterable[tuple[re.Pattern[str], Resolver]],
    text: str, start: int, end: int, published: date | None, direction: int,
) -> Iterator[tuple[int, int, Period]]:
    for pattern, resolver in patterns:
        for m in pattern.finditer(text, start, end):
            period = resolver(m, published, direction)
            if period is not None:
                yield m.start(), m.end(), period


def _longest_first(found: Iterable[tuple[int, int, Period]]) -> Iterator[tuple[int, int, Period]]:
    taken_until = -1
    for item in sorted(found, key=lambda f: (f[0], -f[1])):
        if item[0] >= taken_until:
            taken_until = item[1]
            yield item


def date_ref(text: str, start: int, end: int, period: Period) -> DateRef:
    """A `DateRef` for `text[start:end]` naming `period`."""
    first, last, granularity = period
    return DateRef(text[start:end], first, last, granularity, Span.of(text, start, end))


def resolve_dates(
    text: str, start: int, end: int, published: date | None, tense: str
) -> list[DateRef]:
    """Every date expression in `text[start:end]`, resolved, in text order.

    `tense` is "past", "present" or "future", the tense of the clause the expressions
    belong to; relative expressions are dropped when `published` is None.
    """
    found = _matches(_patterns(), text, start, end, published, _direction(tense))
    return [date_ref(text, s, e, period) for s, e, period in _longest_first(found)]


# --- Japanese ---------------------------------------------------------------------------
# Japanese dates carry their own unit characters (年, 月, 日, 曜), so no cue words are
# needed; a bare "7日" is a day of the publication month or a neighbouring one.

_JA_D = "[0-9０-９]"


def _ja_number(digits: str) -> int:
    # int() reads full-width digits ("１２") as well as ASCII ones.
    return int(digits)


def _ja_period(year: int, month: str | None, day: str | None) -> Period | None:
    if not MINYEAR <= year <= MAXYEAR:  # "０年", "99999年": no calendar year
        return None
    if month is None:
        return _year_period(year)
    if day is None:
        return _month_period(year, _ja_number(month)) if 1 <= _ja_number(month) <= 12 else None
    first = _safe_date(year, _ja_number(month), _ja_number(day))
    return _day_period(first) if first else None


def _ja_day_range(first: date, day2: str | None) -> Period:
    """"6～8日": the second day in the same month, or the next one if it wraps."""
    if day2 is None:
        return _day_period(first)
    wraps = _ja_number(day2) < first.day
    year, month = _add_months(first, 1) if wraps else (first.year, first.month)
    last = _safe_date(year, month, _ja_number(day2))
    return (first, last, "day") if last else _day_period(first)


def _month_holding_day(day: int, published: date, direction: int) -> tuple[int, int] | None:
    """The month in which a bare "7日" falls, seen from `published` in `direction`."""
    offsets = {-1: (0, -1), 1: (0, 1), 0: (0, -1, 1)}[direction]
    months = [_add_months(published, o) for o in offsets]
    dates = [d for y, m in months if (d := _safe_date(y, m, day))]
    fitting = [d for d in dates if direction * (d - published).days >= 0]
    if not fitting:
        return None
    best = min(fitting, key=lambda d: (abs((d - published).days), d))
    return best.year, best.month


def _ja_resolve_absolute(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if m["era"]:
        vocab = _vocabulary("ja")
        number = 1 if m["eyear"] == vocab["first_year"] else _ja_number(m["eyear"])
        year = vocab["eras"][m["era"]] + number
    else:
        year = _ja_number(m["year"])
    return _ja_period(year, m["month"], m["day"])


def _ja_resolve_short_year(m: re.Match[str], published: date | None,
                           direction: int) -> Period | None:
    """"27年": news writes this century's years with two digits once the full year is
    clear; a short year more than SHORT_YEAR_AHEAD years past publication is the 1900s."""
    if published is None:
        return None
    year = 2000 + _ja_number(m["short"])
    if year > published.year + SHORT_YEAR_AHEAD:
        year -= 100
    return _ja_period(year, m["month"], m["day"])


SHORT_YEAR_AHEAD = 20


def _ja_resolve_relative_year(
    m: re.Match[str], published: date | None, direction: int
) -> Period | None:
    if published is None:
        return None
    year = published.year + _vocabulary("ja")["years"][m["rel_year"]]
    return _ja_period(year, m["month"], m["day"])


def _ja_resolve_fiscal_year(
    m: re.Match[str], published: date | None, direction: int
) -> Period | None:
    """今年度, 来年度: Japan's fiscal year, April to the next March."""
    if published is None:
        return None
    current = published.year if published.month >= FISCAL_YEAR_START else published.year - 1
    year = current + _vocabulary("ja")["years"][m["rel_year"]]
    if not MINYEAR <= year < MAXYEAR:
        return None
    return date(year, FISCAL_YEAR_START, 1), date(year + 1, FISCAL_YEAR_START - 1, 31), "month"


FISCAL_YEAR_START = 4  # April


def _ja_resolve_relative_month(
    m: re.Match[str], published: date | None, direction: int
) -> Period | None:
    if published is None:
        return None
    year, month = _add_months(published, _vocabulary("ja")["months"][m["rel_month"]])
    if m["day"] is None:
        return _month_period(year, month)
    first = _safe_date(year, month, _ja_number(m["day"]))
    return _ja_day_range(first, m["day2"]) if first else None


def _ja_resolve_month(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    month = _ja_number(m["month"])
    if published is None or not 1 <= month <= 12:
        return None
    year = _year_for_month(month, published, direction)
    if m["day"] is None:
        return _month_period(year, month)
    first = _safe_date(year, month, _ja_number(m["day"]))
    return _ja_day_range(first, m["day2"]) if first else None


def _ja_resolve_day(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    day = _ja_number(m["day"])
    holding = _month_holding_day(day, published, direction) if published else None
    if holding is None:
        return None
    return _ja_day_range(date(*holding, day), m["day2"])


def _ja_resolve_week(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    monday = _week_monday(published, _vocabulary("ja")["weeks"][m["rel_week"]])
    if m["weekday"] is None:
        return monday, monday + timedelta(days=6), "day"
    weekday = _vocabulary("ja")["weekdays"].index(m["weekday"])
    return _day_period(monday + timedelta(days=weekday))


def _ja_resolve_weekday(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    weekday = _vocabulary("ja")["weekdays"].index(m["weekday"])
    return _day_period(_weekday_date(weekday, published, direction))


def _ja_resolve_day_word(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    return _day_period(published + timedelta(days=_vocabulary("ja")["days"][m["rel_day"]]))


def _ja_fragments() -> dict[str, str]:
    vocab = _vocabulary("ja")
    d = _JA_D
    day2 = rf"(?:日?(?:{_alternation(vocab['range_joiners'])})(?P<day2>{d}{{1,2}}))?"
    return {
        "part": rf"(?:{_alternation(vocab['parts'])})?",
        "month_day": rf"(?:(?P<month>{d}{{1,2}})月(?:(?P<day>{d}{{1,2}})日)?)?",
        "day_range": rf"(?P<day>{d}{{1,2}}){day2}日(?:{re.escape(vocab['range_end'])})?",
        "not_duration": rf"(?!{_alternation(vocab['not_after_day'])})",
        "weekday": rf"(?P<weekday>[{''.join(vocab['weekdays'])}])曜日?",
    }


@cache
def _ja_patterns() -> tuple[tuple[re.Pattern[str], Resolver], ...]:
    vocab, f, d = _vocabulary("ja"), _ja_fragments(), _JA_D
    era = rf"(?P<era>{_alternation(vocab['eras'])})(?P<eyear>{d}{{1,2}}|{vocab['first_year']})"
    rules: list[tuple[str, Resolver]] = [
        (rf"(?:{era}|(?<!{d})(?P<year>{d}{{4}}))年度?{f['month_day']}{f['part']}",
         _ja_resolve_absolute),
        (rf"(?<![0-9０-９.．,，])(?P<short>{d}{{2}})年(?=(?:{_alternation(vocab['short_year_follow'])}|{d}))"
         rf"{f['month_day']}{f['part']}", _ja_resolve_short_year),
        (rf"(?P<rel_year>{_alternation(vocab['years'])})度", _ja_resolve_fiscal_year),
        (rf"(?P<rel_year>{_alternation(vocab['years'])})の?{f['month_day']}{f['part']}",
         _ja_resolve_relative_year),
        (rf"(?P<rel_month>{_alternation(vocab['months'])})(?:{f['day_range']})?{f['part']}",
         _ja_resolve_relative_month),
        (rf"(?<![0-9０-９.．])(?P<month>{d}{{1,2}})月(?:{f['day_range']}{f['not_duration']})?"
         rf"{f['part']}", _ja_resolve_month),
        (rf"(?<![0-9０-９.．月年]){f['day_range']}{f['not_duration']}", _ja_resolve_day),
        (rf"(?P<rel_week>{_alternation(vocab['weeks'])})(?:の?{f['weekday']})?",
         _ja_resolve_week),
        (f["weekday"], _ja_resolve_weekday),
        (rf"(?P<rel_day>{_alternation(vocab['days'])})", _ja_resolve_day_word),
    ]
    return tuple((re.compile(pattern), resolver) for pattern, resolver in rules)


def resolve_dates_ja(
    text: str, start: int, end: int, published: date | None, tense: str
) -> list[DateRef]:
    """`resolve_dates` for Japanese text: "7日", "先月20日", "令和7年5月", "来週"."""
    found = _matches(_ja_patterns(), text, start, end, published, _direction(tense))
    return [date_ref(text, s, e, period) for s, e, period in _longest_first(found)]
