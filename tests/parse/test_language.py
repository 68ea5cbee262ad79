"""Language detection from the scripts and words a text uses."""

from __future__ import annotations

import pytest

from kizuna.parse.language import detect_language


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan and Canada held talks on energy trade in Ottawa on Monday, officials said.", "en"),
    ("石破首相は7日、ワシントンでトランプ大統領と会談した。", "ja"),
    ("今天天气很好，我们去公园散步吧。", "zh"),
    ("Le ministre a rencontré les représentants de la société à Paris lundi dernier.", "other"),
    ("12 34", None),
])
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected
