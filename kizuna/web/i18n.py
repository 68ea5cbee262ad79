"""The interface in English and Japanese: which language a request reads, and its words.

The language is `?lang=` (then kept in a cookie), else the cookie, else the best of
`Accept-Language`, else English. Words are looked up in `locales/<lang>.toml` by their
English text; a word with no entry stays English. Templates call `_("Events")`,
`_("{n} sources", n=3)` and `_n("{n} source", "{n} sources", n)`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from kizuna.render.languages import DEFAULT, READER_LANGUAGES
from kizuna.render.languages import NAMES as NAMES  # the language menu reads them here

LANGUAGES = READER_LANGUAGES
COOKIE = "kizuna_lang"

Gettext = Callable[..., str]


@cache
def catalog(language: str) -> dict[str, str]:
    if language == DEFAULT:
        return {}
    text = resources.files("kizuna.web").joinpath(f"locales/{language}.toml").read_text("utf-8")
    return dict(tomllib.loads(text)["messages"])


def choose(query: Mapping[str, str], cookies: Mapping[str, str], accept: str | None) -> str:
    """The language a request reads (see the module docstring for the order)."""
    for given in (query.get("lang"), cookies.get(COOKIE)):
        if given in LANGUAGES:
            return given
    return from_accept_language(accept or "") or DEFAULT


def from_accept_language(header: str) -> str | None:
    """The supported language the header ranks highest (`ja;q=0.9, en;q=0.8` → ja)."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def gettext(language: str) -> tuple[Gettext, Gettext]:
    """(_, _n) for `language`."""
    words = catalog(language)

    def _(message: str, **values: Any) -> str:
        text = words.get(message, message)
        return text.format(**values) if values else text

    def _n(singular: str, plural: str, n: int, **values: Any) -> str:
        return _(singular if n == 1 else plural, n=n, **values)

    return _, _n
