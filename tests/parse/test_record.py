"""Article ids, language codes and the filling of defaults."""

from __future__ import annotations

from datetime import date

import pytest

from kizuna.model import Article
from kizuna.parse.record import ArticleDefaults, article_id, build_article, complete, language_code


def test_article_id_is_stable_and_depends_on_url_and_text() -> None:
    assert article_id("https://a.example/1", "Text.") == article_id("https://a.example/1", "Text.")
    assert article_id(None, "Text.") == article_id("", "Text.")
    ids = {article_id(None, "Text."), article_id("https://a.example/1", "Text."),
           article_id(None, "Other text.")}
    assert len(ids) == 3
    assert all(i.startswith("a-") and len(i) == 18 for i in ids)


@pytest.mark.parametrize(("tag", "expected"), [
    ("en", "en"), ("en-US", "en"), ("JA_jp", "ja"), (" ja ", "ja"), ("", None), (None, None),
])
def test_language_code(tag: str | None, expected: str | None) -> None:
    assert language_code(tag) == expected


def test_complete_fills_only_gaps() -> None:
    defaults = ArticleDefaults(published=date(2025, 1, 1), language="ja", source="Wire")
    bare = Article(id="x", text="Tokyo stocks rose on Monday, traders said.")
    assert complete(bare, defaults) == Article(id="x", text=bare.text, language="ja",
                                               source="Wire", published=date(2025, 1, 1))
    own = Article(id="y", text=bare.text, language="en", source="Own",
                  published=date(2024, 5, 5))
    assert complete(own, defaults) == own


def test_build_article_normalises_and_cleans() -> None:
    article = build_article("Tokyo stocks rose.\r\nTraders said so.\x00", "x.txt",
                            title="  Stocks \n rise ", url=" ", source="")
    assert article.text == "Tokyo stocks rose.\nTraders said so."
    assert (article.title, article.url, article.source, article.published) == (
        "Stocks rise", None, None, None)
