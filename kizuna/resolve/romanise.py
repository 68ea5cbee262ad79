"""A Latin-letter alias for a Japanese name kizuna does not know, from its reading:
倉田直美 is read クラタ ナオミ, which is "Kurata Naomi"."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from kizuna.lang import load

SOKUON = "ッ"  # doubles the consonant after it


@cache
def _kana() -> dict[str, str]:
    return load("ja", "kana")["kana"]


def romanise_reading(reading: str) -> str:
    """Hepburn romaji for a katakana reading; characters it does not know are left out."""
    kana, out, double = _kana(), [], False
    i = 0
    while i < len(reading):
        pair, char = reading[i:i + 2], reading[i]
        syllable = kana.get(pair) if len(pair) == 2 else None
        step = 2 if syllable else 1
        syllable = syllable or kana.get(char, "")
        if char == SOKUON:
            double = True
        elif syllable:
            doubled = double and syllable[0] not in "aeiou"
            out.append(syllable[0] + syllable if doubled else syllable)
            double = False
        i += step
    return "".join(out)


def romanise(readings: Sequence[str]) -> str | None:
    """"Kurata Naomi" for the readings ("クラタ", "ナオミ") of a name's words."""
    words = [romanise_reading(r).capitalize() for r in readings]
    words = [w for w in words if w]
    return " ".join(words) or None
