"""Where articles come from: paths, folders, URLs and feeds, each made into Article records.

`iter_articles` is the one entry point: it yields `(label, Article)` for every article an
input holds, or `(label, InputError)` for an input that could not be read, and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kizuna.contract import article_from_dict
from kizuna.errors import InputError
from kizuna.model import Article


@dataclass(frozen=True)
class ArticleDefaults:
    """What the command line says about inputs that do not say it themselves."""

    published: date | None = None
    language: str | None = None
    title: str | None = None
    source: str | None = None


def iter_articles(
    inputs: Sequence[str], defaults: ArticleDefaults = ArticleDefaults()
) -> Iterator[tuple[str, Article | InputError]]:
    for item in inputs:
        try:
            data = json.loads(Path(item).read_text(encoding="utf-8"))
            yield item, article_from_dict(data, item)
        except (OSError, ValueError) as exc:
            yield item, InputError(f"{item}: {exc}")
        except InputError as exc:
            yield item, exc
