"""Amounts and dates as people write them, in English and Japanese.

    amount_text(5.5e11, "USD", "en") -> "$550 billion"   ("ja": "5500億ドル")
    amount_text(8e13, "JPY", "en")   -> "¥80 trillion"   ("ja": "80兆円")
    date_text(date(2025, 2, 7), None, "day", "en") -> "Feb. 7, 2025"  ("ja": "2025年2月7日")
"""

from __future__ import annotations

from datetime import date

SYMBOLS = {"USD": "$", "JPY": "¥", "EUR": "€", "GBP": "£", "CNY": "CN¥", "KRW": "₩"}
JA_UNITS = {"USD": "ドル", "JPY": "円", "EUR": "ユーロ", "GBP": "ポンド", "CNY": "元",
            "KRW": "ウォン", "TWD": "台湾ドル"}
EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
JA_SCALES = ((1e12, "兆"), (1e8, "億"), (1e4, "万"))
# AP style, as wires write them.
EN_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec.")
EN_MONTHS_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


def amount_text(value: float, currency: str, language: str = "en") -> str:
    return _japanese_amount(value, currency) if language == "ja" else _english_amount(value,
                                                                                  currency)


def _english_amount(value: float, currency: str) -> str:
    number = _number(value)
    for size, word in EN_SCALES:
        if value >= size:
            number = f"{_short(value / size)} {word}"
            break
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def _japanese_amount(value: float, currency: str) -> str:
    unit = JA_UNITS.get(currency, currency)
    parts, rest = [], value
    for size, word in JA_SCALES:
        if rest >= size:
            whole = int(rest // size)
            parts.append(f"{whole}{word}")
            rest -= whole * size
            if word == "兆":  # 1兆2000億円: the next scale down, then stop
                continue
            break
    if not parts:
        return f"{_number(value)}{unit}"
    return "".join(parts) + unit


def date_text(start: date | None, end: date | None, granularity: str,
              language: str = "en") -> str:
    if start is None:
        return ""
    ja = language == "ja"
    if granularity == "year":
        return f"{start.year}年" if ja else str(start.year)
    if granularity == "month":
        return f"{start.year}年{start.month}月" if ja else \
            f"{EN_MONTHS_FULL[start.month - 1]} {start.year}"
    one = f"{start.year}年{start.month}月{start.day}日" if ja else \
        f"{EN_MONTHS[start.month - 1]} {start.day}, {start.year}"
    if end is None or end == start:
        return one
    if ja:
        return f"{one}～{end.month}月{end.day}日" if end.year == start.year else \
            f"{one}～{end.year}年{end.month}月{end.day}日"
    return f"{one} – {EN_MONTHS[end.month - 1]} {end.day}, {end.year}"


def _short(number: float) -> str:
    text = f"{number:.1f}".rstrip("0").rstrip(".")
    return text


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
