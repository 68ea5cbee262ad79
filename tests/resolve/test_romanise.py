"""Romanised aliases for Japanese names kizuna does not know, from their readings."""

import pytest

from kizuna.resolve.romanise import romanise, romanise_reading


@pytest.mark.parametrize(("reading", "expected"), [
    ("クラタ", "kurata"),
    ("アツヨシ", "atsuyoshi"),
    ("キョウコ", "kyouko"),
    ("ハットリ", "hattori"),
    ("シンイチ", "shinichi"),
    ("ジュンコ", "junko"),
    ("ティム", "timu"),
    ("ソニー", "soni"),
])
def test_readings_become_hepburn(reading, expected):
    assert romanise_reading(reading) == expected


def test_a_name_is_its_words_capitalised():
    assert romanise(["クラタ", "ナオミ"]) == "Kurata Naomi"


@pytest.mark.parametrize("readings", [[], ["abc"], [""]])
def test_no_reading_no_alias(readings):
    assert romanise(readings) is None
