"""Where articles come from: paths, folders, URLs and feeds, each made into Article records.

`iter_articles` is the one entry point: it yields `(label, Article)` for every article an
input holds, or `(label, InputError)` for an input that could not be read, and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

import httpx

from kizuna.errors import InputError
from kizuna.model import Article
from kizuna.parse.dispatch import parse_bytes
from kizuna.parse.record import NO_DEFAULTS, ArticleDefaults, Parsed
from kizuna.sources import web
from kizuna.sources.files import article_files, is_json_lines, is_url, iter_lines, read_bytes

__all__ = ["ArticleDefaults", "iter_articles"]


def iter_articles(
    inputs: Sequence[str], defaults: ArticleDefaults = NO_DEFAULTS,
    client: httpx.Client | None = None,
) -> Iterator[tuple[str, Article | InputError]]:
    """Every article the inputs hold, in order; a failed input yields its InputError.

    URLs are fetched with `client`, or with a client made (and closed) here when the
    inputs hold a URL and none was given.
    """
    owned: httpx.Client | None = None
    try:
        for item in inputs:
            if is_url(item):
                if client is None:
                    client = owned = web.make_client()
                yield from _guarded(item, partial(_url_articles, item, defaults, client))
            else:
                yield from _path_articles(item, defaults)
    finally:
        if owned is not None:
            owned.close()


def _path_articles(item: str, defaults: ArticleDefaults) -> Iterator[Parsed]:
    try:
        paths = article_files(item)
    except InputError as exc:
        yield item, exc
        return
    for path in paths:
        if is_json_lines(path):
            yield from _record_lines(path, defaults)
        else:
            yield from _guarded(str(path), partial(_file_articles, path, defaults))


def _record_lines(path: Path, defaults: ArticleDefaults) -> Iterator[Parsed]:
    """A JSON Lines file record by record: any size streams, a bad line fails alone."""
    try:
        for number, line in iter_lines(path):
            label = f"{path}:{number}"
            if isinstance(line, InputError):
                yield label, line
            else:
                yield from _guarded(label, partial(parse_bytes, line, label, defaults,
                                                   content_type="application/json"))
    except InputError as exc:
        yield str(path), exc


def _file_articles(path: Path, defaults: ArticleDefaults) -> list[Parsed]:
    return parse_bytes(read_bytes(path), str(path), defaults)


def _url_articles(url: str, defaults: ArticleDefaults, client: httpx.Client) -> list[Parsed]:
    fetched = web.fetch(url, client)
    return parse_bytes(fetched.data, url, defaults, content_type=fetched.content_type,
                       url=fetched.url)


def _guarded(label: str, read: Callable[[], list[Parsed]]) -> list[Parsed]:
    """What `read` gives, or one InputError for `label` whatever went wrong inside it."""
    try:
        return read()
    except InputError as exc:
        return [(label, exc)]
    except Exception as exc:  # a bug or a library surprise must not end the batch
        return [(label, InputError(f"{label}: could not be read ({type(exc).__name__}: {exc}); "
                                   "please report this with the input"))]
