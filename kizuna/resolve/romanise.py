"""A Latin-letter alias for a Japanese name kizuna does not know ("倉田直美" -> "Kurata Naomi")."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def romanise(name: str) -> str | None:
    """The Hepburn reading of a name written in Japanese, word by word; None for a name
    with no Japanese characters."""
    if not _JAPANESE.search(name):
        return None
    words = [part["hepburn"] for part in _converter().convert(name) if part["hepburn"].strip()]
    reading = " ".join(w.strip().capitalize() for w in words if w.strip())
    return reading or None


@cache
def _converter() -> Any:
    import pykakasi  # only Japanese text needs it

    return pykakasi.kakasi()
