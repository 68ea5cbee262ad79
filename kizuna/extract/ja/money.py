"""Japanese amounts: digit groups closed by 兆/億/万 and a currency word ("5000億ドル",
"1兆7225億円")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from kizuna.extract.money import Found, alternation, as_decimal, vocabulary

_JA_DIGITS = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"


@cache
def _japanese_pattern() -> re.Pattern[str]:
    vocab = vocabulary("ja")
    units = f"[{''.join(vocab['multiplier'])}]?[{''.join(vocab['scale'])}]"
    number = rf"(?:{_JA_DIGITS}{units})+(?:{_JA_DIGITS})?|{_JA_DIGITS}"
    suffix = alternation(vocab["suffix"])
    return re.compile(rf"(?<![0-9０-９.,．，])(?P<num>{number})(?P<suf>{suffix})")


def _japanese_value(number: str) -> Decimal:
    vocab = vocabulary("ja")
    total = Decimal(0)
    units = {**vocab["multiplier"], **vocab["scale"]}
    # Each group is digits, an optional 千/百/十 and an optional 兆/億/万: "3千億" is 3e11.
    group = rf"({_JA_DIGITS})([{''.join(vocab['multiplier'])}])?([{''.join(vocab['scale'])}])?"
    for m in re.finditer(group, number):
        factor = Decimal(1)
        for unit in filter(None, m.groups()[1:]):
            factor *= Decimal(units[unit])
        total += as_decimal(m.group(1)) * factor
    return total


def japanese_amounts(text: str) -> Iterator[Found]:
    vocab = vocabulary("ja")
    scales = tuple(vocab["scale"])
    for m in _japanese_pattern().finditer(text):
        number, suffix = m.group("num"), m.group("suf")
        if suffix in vocab["needs_scale"]["words"] and not number.endswith(scales):
            continue
        yield m.start(), m.end(), _japanese_value(number), vocab["suffix"][suffix]
