"""One parsed article to one Document: every extractor, then resolution, in order."""

from __future__ import annotations

from typing import Any

from kizuna.model import Article, Document


def build_document(article: Article, parsed: Any) -> Document:
    return Document(article=article)
