"""Which language an article is written in, from the scripts its text uses."""

from __future__ import annotations

import re

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[A-Za-z]+")
_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "was",
    "are", "at", "from", "it", "its", "be", "has", "have",
})


def detect_language(text: str) -> str | None:
    """`ja`, `en`, `zh`, `other`, or None when the text has too few letters to tell.

    Kana only occur in Japanese, so a little kana decides it; English needs most
    letters to be basic Latin.
    """
    sample = text[:5000]
    letters = len(_LETTER.findall(sample))
    if letters < 3:
        return None
    if len(_KANA.findall(sample)) >= max(2, letters * 0.02):
        return "ja"
    if len(_HAN.findall(sample)) > letters * 0.3:
        return "zh"
    if len(_LATIN.findall(sample)) >= letters * 0.8 and _looks_english(sample):
        return "en"
    return "other"


def _looks_english(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 8:
        return True  # too short to tell a headline from another Latin-script language
    hits = sum(w in _ENGLISH_FUNCTION_WORDS for w in words)
    return hits >= len(words) * 0.08
