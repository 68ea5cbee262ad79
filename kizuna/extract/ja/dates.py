"""Japanese dates ("7日", "先月20日", "令和7年5月", "来週", "6～8日") from
`kizuna/lang/ja/dates.toml`. Japanese dates carry their own unit characters (年, 月, 日,
曜), so no cue words are needed; a bare day number ("7日") is taken in the publication
month or the one before (past) or after (future), whichever the tense allows."""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, date, timedelta
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
    month_period,
    safe_date,
    vocabulary,
    week_monday,
    weekday_date,
    year_for_month,
    year_period,
)
from kizuna.model import DateRef

# Japanese dates carry their own unit characters (年, 月, 日, 曜), so no cue words are
# needed; a bare "7日" is a day of the publication month or a neighbouring one.

_JA_D = "[0-9０-９]"

SHORT_YEAR_AHEAD = 20

FISCAL_YEAR_START = 4  # April


def _ja_number(digits: str) -> int:
    # int() reads full-width digits ("１２") as well as ASCII ones.
    return int(digits)


def _ja_period(year: int, month: str | None, day: str | None) -> Period | None:
    if not MINYEAR <= year <= MAXYEAR:  # "０年", "99999年": no calendar year
        return None
    if month is None:
        return year_period(year)
    if day is None:
        return month_period(year, _ja_number(month)) if 1 <= _ja_number(month) <= 12 else None
    first = safe_date(year, _ja_number(month), _ja_number(day))
    return day_period(first) if first else None


def _ja_day_range(first: date, day2: str | None) -> Period:
    """"6～8日": the second day in the same month, or the next one if it wraps."""
    if day2 is None:
        return day_period(first)
    wraps = _ja_number(day2) < first.day
    year, month = add_months(first, 1) if wraps else (first.year, first.month)
    last = safe_date(year, month, _ja_number(day2))
    return (first, last, "day") if last else day_period(first)


def _month_holding_day(day: int, published: date, direction: int) -> tuple[int, int] | None:
    """The month in which a bare "7日" falls, seen from `published` in `direction`."""
    offsets = {-1: (0, -1), 1: (0, 1), 0: (0, -1, 1)}[direction]
    months = [add_months(published, o) for o in offsets]
    dates = [d for y, m in months if (d := safe_date(y, m, day))]
    fitting = [d for d in dates if direction * (d - published).days >= 0]
    if not fitting:
        return None
    best = min(fitting, key=lambda d: (abs((d - published).days), d))
    return best.year, best.month


def _ja_resolve_absolute(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if m["era"]:
        vocab = vocabulary("ja")
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


def _ja_resolve_relative_year(
    m: re.Match[str], published: date | None, direction: int
) -> Period | None:
    if published is None:
        return None
    year = published.year + vocabulary("ja")["years"][m["rel_year"]]
    return _ja_period(year, m["month"], m["day"])


def _ja_resolve_fiscal_year(
    m: re.Match[str], published: date | None, direction: int
) -> Period | None:
    """今年度, 来年度: Japan's fiscal year, April to the next March."""
    if published is None:
        return None
    current = published.year if published.month >= FISCAL_YEAR_START else published.year - 1
    year = current + vocabulary("ja")["years"][m["rel_year"]]
    if not MINYEAR <= year < MAXYEAR:
        return None
    return date(year, FISCAL_YEAR_START, 1), date(year + 1, FISCAL_YEAR_START - 1, 31), "month"


def _ja_resolve_relative_month(
    m: re.Match[str], published: date | None, direction: int
) -> Period | None:
    if published is None:
        return None
    year, month = add_months(published, vocabulary("ja")["months"][m["rel_month"]])
    if m["day"] is None:
        return month_period(year, month)
    first = safe_date(year, month, _ja_number(m["day"]))
    return _ja_day_range(first, m["day2"]) if first else None


def _ja_resolve_month(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    month = _ja_number(m["month"])
    if published is None or not 1 <= month <= 12:
        return None
    year = year_for_month(month, published, direction)
    if m["day"] is None:
        return month_period(year, month)
    first = safe_date(year, month, _ja_number(m["day"]))
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
    monday = week_monday(published, vocabulary("ja")["weeks"][m["rel_week"]])
    if m["weekday"] is None:
        return monday, monday + timedelta(days=6), "day"
    weekday = vocabulary("ja")["weekdays"].index(m["weekday"])
    return day_period(monday + timedelta(days=weekday))


def _ja_resolve_weekday(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    weekday = vocabulary("ja")["weekdays"].index(m["weekday"])
    return day_period(weekday_date(weekday, published, direction))


def _ja_resolve_day_word(m: re.Match[str], published: date | None, direction: int) -> Period | None:
    if published is None:
        return None
    return day_period(published + timedelta(days=vocabulary("ja")["days"][m["rel_day"]]))


def _ja_fragments() -> dict[str, str]:
    vocab = vocabulary("ja")
    d = _JA_D
    day2 = rf"(?:日?(?:{alternation(vocab['range_joiners'])})(?P<day2>{d}{{1,2}}))?"
    return {
        "part": rf"(?:{alternation(vocab['parts'])})?",
        "month_day": rf"(?:(?P<month>{d}{{1,2}})月(?:(?P<day>{d}{{1,2}})日)?)?",
        "day_range": rf"(?P<day>{d}{{1,2}}){day2}日(?:{re.escape(vocab['range_end'])})?",
        "not_duration": rf"(?!{alternation(vocab['not_after_day'])})",
        "weekday": rf"(?P<weekday>[{''.join(vocab['weekdays'])}])曜日?",
    }


@cache
def _ja_patterns() -> tuple[tuple[re.Pattern[str], Resolver], ...]:
    vocab, f, d = vocabulary("ja"), _ja_fragments(), _JA_D
    era = rf"(?P<era>{alternation(vocab['eras'])})(?P<eyear>{d}{{1,2}}|{vocab['first_year']})"
    rules: list[tuple[str, Resolver]] = [
        (rf"(?:{era}|(?<!{d})(?P<year>{d}{{4}}))年度?{f['month_day']}{f['part']}",
         _ja_resolve_absolute),
        (rf"(?<![0-9０-９.．,，])(?P<short>{d}{{2}})年(?=(?:{alternation(vocab['short_year_follow'])}|{d}))"
         rf"{f['month_day']}{f['part']}", _ja_resolve_short_year),
        (rf"(?P<rel_year>{alternation(vocab['years'])})度", _ja_resolve_fiscal_year),
        (rf"(?P<rel_year>{alternation(vocab['years'])})の?{f['month_day']}{f['part']}",
         _ja_resolve_relative_year),
        (rf"(?P<rel_month>{alternation(vocab['months'])})(?:{f['day_range']})?{f['part']}",
         _ja_resolve_relative_month),
        (rf"(?<![0-9０-９.．])(?P<month>{d}{{1,2}})月(?:{f['day_range']}{f['not_duration']})?"
         rf"{f['part']}", _ja_resolve_month),
        (rf"(?<![0-9０-９.．月年]){f['day_range']}{f['not_duration']}", _ja_resolve_day),
        (rf"(?P<rel_week>{alternation(vocab['weeks'])})(?:の?{f['weekday']})?",
         _ja_resolve_week),
        (f["weekday"], _ja_resolve_weekday),
        (rf"(?P<rel_day>{alternation(vocab['days'])})", _ja_resolve_day_word),
    ]
    return tuple((re.compile(pattern), resolver) for pattern, resolver in rules)


def resolve_dates_ja(
    text: str, start: int, end: int, published: date | None, tense: str
) -> list[DateRef]:
    """`resolve_dates` for Japanese text: "7日", "先月20日", "令和7年5月", "来週"."""
    found = matching(_ja_patterns(), text, start, end, published, direction_of(tense))
    return [date_ref(text, s, e, period) for s, e, period in longest_first(found)]
