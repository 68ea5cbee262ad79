"""Article to Document: parse once, run each extractor over the parsed text, resolve.

The flow reads top to bottom in `extract_document`; each step is a plain function
in `kizuna.extract` or `kizuna.resolve` taking what the step before produced.

Every article stands alone: a text too long to read, a parser or extractor failure, even
a worker process that dies, becomes that article's `KizunaError` (an `InputError` or an
`ExtractionError`, one line naming the article) and the other articles go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any

from kizuna.errors import InputError, KizunaError, UnsupportedLanguage
from kizuna.extract.document import build_document
from kizuna.metrics import EXTRACTION
from kizuna.model import Article, Document
from kizuna.nlp import backend
from kizuna.parse.language import detect_language


class ExtractionError(KizunaError):
    """Extraction failed on this article (a bug, reported as one line); others go on."""


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
    too_long = _too_long(article)
    if too_long is not None:
        raise too_long
    if parsed is None:
        parsed = backend.parse(article.language, article.text)
    return build_document(article, parsed)


def _too_long(article: Article) -> InputError | None:
    if len(article.text) <= backend.MAX_TEXT_CHARS:
        return None
    return InputError(f"{article.id}: the text is {len(article.text):,} characters; kizuna "
                      f"reads at most {backend.MAX_TEXT_CHARS:,} per article (split it)")


def _failed(article: Article, exc: Exception) -> KizunaError:
    """The exception as one line naming the article; kizuna's own errors as they are."""
    if isinstance(exc, KizunaError):
        return exc
    message = " ".join(str(exc).split()) or "no message"
    return ExtractionError(f"{article.id}: extraction failed ({type(exc).__name__}: "
                           f"{message[:300]})")


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
        readable = []
        for i in indices:
            too_long = _too_long(articles[i])
            if too_long is None:
                readable.append(i)
            else:
                results[i] = too_long
        with EXTRACTION.timing(len(readable)):
            parsed_all = _parse_each(language, [articles[i] for i in readable])
            for i, parsed in zip(readable, parsed_all, strict=True):
                results[i] = (_failed(articles[i], parsed) if isinstance(parsed, Exception)
                              else _safe_build(articles[i], parsed))
    for i in range(len(articles)):
        yield results[i]


def _parse_each(language: str, articles: list[Article]) -> Iterator[Any]:
    """A parsed `Doc` or the exception per article, in order. Parsed in batches; when a
    batch fails, the articles from there on are parsed one by one, so only the article
    that fails gets its exception."""
    done = 0
    try:
        for parsed in backend.parse_many(language, (a.text for a in articles)):
            done += 1
            yield parsed
    except Exception:  # which article failed is found below, one by one
        for article in articles[done:]:
            try:
                yield backend.parse(language, article.text)
            except Exception as exc:  # one bad article must not stop the batch
                yield exc


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
        return _failed(article, exc)


def _extract_chunk(articles: list[Article]) -> list[Document | Exception]:
    return list(_extract_batch(articles))


def _load_models(languages: tuple[str, ...]) -> None:
    """Worker initializer: load each model the articles need once, as the process starts."""
    for language in languages:
        backend.load(language)


def _extract_in_processes(articles: list[Article], workers: int) -> Iterator[Document | Exception]:
    languages = tuple(sorted({a.language for a in articles
                              if a.language in backend.supported_languages()}))
    with ProcessPoolExecutor(max_workers=workers, initializer=_load_models,
                             initargs=(languages,)) as pool:
        yield from extract_in_pool(pool, articles, workers)


def extract_in_pool(pool: ProcessPoolExecutor, articles: list[Article],
                    workers: int) -> Iterator[Document | Exception]:
    """Documents in input order from a pool the caller keeps (its processes load each
    model once, at first use, and keep it for every later call)."""
    size = max(1, -(-len(articles) // (workers * 4)))
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    futures = [pool.submit(_extract_chunk, chunk) for chunk in chunks]
    for chunk, future in zip(chunks, futures, strict=True):
        yield from _chunk_results(chunk, future)


def _chunk_results(chunk: list[Article], future: Any) -> list[Document | Exception]:
    """A chunk's results; if its worker died (killed, out of memory) each of its articles
    fails with that reason, and the chunks of other workers still count."""
    try:
        return future.result()
    except BrokenProcessPool:
        return [ExtractionError(f"{a.id}: the extraction process stopped (out of memory?)")
                for a in chunk]
    except Exception as exc:  # a result that could not be sent back, say
        return [_failed(a, exc) for a in chunk]
