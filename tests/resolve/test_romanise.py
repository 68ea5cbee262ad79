"""Romanised aliases for Japanese names kizuna does not know."""

import pytest

from kizuna.resolve.romanise import romanise


@pytest.mark.parametrize(("name", "expected"), [
    ("倉田直美", "Kurata Naomi"),
    ("田中", "Tanaka"),
    ("ソニー", "Sonii"),
])
def test_romanise_japanese_names(name, expected):
    assert romanise(name) == expected


@pytest.mark.parametrize("name", ["Sam Altman", "", "2025"])
def test_names_without_japanese_have_no_reading(name):
    assert romanise(name) is None
