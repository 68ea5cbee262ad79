"""Article to Document: parse once, run each extractor over the parsed text, resolve.

The flow reads top to bottom in `extract_document`; each step is a plain function
in `kizuna.extract` or `kizuna.resolve` taking what the step before produced.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from kizuna.errors import UnsupportedLanguage
from kizuna.extract.document import build_document
from kizuna.metrics import EXTRACTION
from kizuna.model import Article, Document
from kizuna.nlp import backend
from kizuna.parse.language import detect_language


def with_language(article: Article) -> Article:
    """The article with its language filled in when the record did not say."""
    if article.language:
        return article
    return replace(article, language=detect_language(article.text))


def extract_document(article: Article, parsed: Any | None = None) -> Document:
    """Extract every record the contract asks for from one article."""
    article = with_language(article)
    if article.language not in backend.supported_languages():
        raise UnsupportedLanguage(
            f"{article.id}: language {article.language!r} is not supported "
            f"(kizuna reads {', '.join(backend.supported_languages())})")
    if parsed is None:
        parsed = backend.parse(article.language, article.text)
    return build_document(article, parsed)


def extract_many(articles: Iterable[Article], workers: int = 1) -> Iterator[Document | Exception]:
    """Documents in input order; a failing article yields its exception, the rest go on."""
    articles = [with_language(a) for a in articles]
    if workers > 1 and len(articles) > 1:
        yield from _extract_in_processes(articles, workers)
        return
    yield from _extract_batch(articles)


def _extract_batch(articles: list[Article]) -> Iterator[Document | Exception]:
    by_language: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        by_language.setdefault(article.language or "", []).append(i)
    results: dict[int, Document | Exception] = {}
    for language, indices in by_language.items():
        if language not in backend.supported_languages():
            for i in indices:
                results[i] = unsupported_document(articles[i])
            continue
        texts = (articles[i].text for i in indices)
        with EXTRACTION.timing(len(indices)):
            for i, parsed in zip(indices, backend.parse_many(language, texts), strict=True):
                results[i] = _safe_build(articles[i], parsed)
    for i in range(len(articles)):
        yield results[i]


def unsupported_document(article: Article) -> Document:
    """An article in a language kizuna does not read: kept, with nothing extracted, and
    a warning that says so (never parsed as if it were English)."""
    language = article.language or "unknown"
    supported = ", ".join(backend.supported_languages())
    warning = (f"language {language!r} is not supported (kizuna reads {supported}); "
               "stored without extraction")
    return Document(article=article, warnings=(warning,))


def _safe_build(article: Article, parsed: Any) -> Document | Exception:
    try:
        return build_document(article, parsed)
    except Exception as exc:  # one bad article must not stop the batch
        return exc


def _extract_chunk(articles: list[Article]) -> list[Document | Exception]:
    return list(_extract_batch(articles))


def _load_models(languages: tuple[str, ...]) -> None:
    """Worker initializer: load each model the articles need once, as the process starts."""
    for language in languages:
        backend.load(language)


def _extract_in_processes(articles: list[Article], workers: int) -> Iterator[Document | Exception]:
    size = max(1, -(-len(articles) // (workers * 4)))
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    languages = tuple(sorted({a.language for a in articles
                              if a.language in backend.supported_languages()}))
    with ProcessPoolExecutor(max_workers=workers, initializer=_load_models,
                             initargs=(languages,)) as pool:
        for chunk_result in pool.map(_extract_chunk, chunks):
            yield from chunk_result
