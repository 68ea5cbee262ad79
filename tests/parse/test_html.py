"""HTML pages: main text and metadata by trafilatura, and the plain tag strip for fragments."""

from __future__ import annotations

from datetime import date

import pytest

from kizuna.errors import InputError
from kizuna.parse.html import html_to_text, parse_html
from kizuna.parse.record import ArticleDefaults

BODY = """
<article>
  <h1>Japan and Australia sign defence pact</h1>
  <p>Japan and Australia signed a defence cooperation pact in Tokyo on Tuesday,
  officials from both countries said.</p>
  <p>The agreement covers joint training and the sharing of satellite data, the two
  defence ministers said in a joint statement after the ceremony.</p>
</article>
"""


def page(head: str = "", body: str = BODY) -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head>"
            f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>{body}"
            "<footer>Copyright Harbor Times. All rights reserved.</footer></body></html>")


FULL_HEAD = (
    "<title>Japan and Australia sign defence pact | Harbor Times</title>"
    "<meta property='og:title' content='Japan and Australia sign defence pact'>"
    "<meta property='og:site_name' content='Harbor Times'>"
    "<meta property='article:published_time' content='2025-02-04T18:30:00+09:00'>"
    "<link rel='canonical' href='https://harbor.example/world/pact'>"
)


def test_title_date_and_site_name() -> None:
    [(label, article)] = parse_html(page(FULL_HEAD), "pact.html")
    assert label == "pact.html"
    assert article.title == "Japan and Australia sign defence pact"
    assert article.published == date(2025, 2, 4)
    assert article.source == "Harbor Times"
    assert article.url == "https://harbor.example/world/pact"
    assert article.language == "en"
    assert "signed a defence cooperation pact" in article.text
    assert "joint statement" in article.text
    assert "Copyright" not in article.text and "<p>" not in article.text


def test_fetched_url_wins_over_the_page_canonical() -> None:
    [(_, article)] = parse_html(page(FULL_HEAD), "https://m.harbor.example/p",
                                url="https://m.harbor.example/p")
    assert article.url == "https://m.harbor.example/p"


def test_page_without_date_keeps_published_none() -> None:
    body = BODY.replace("on Tuesday", "on Feb. 3, 2025")  # a date in the story is not its date
    [(_, article)] = parse_html(page("<title>Pact</title>", body), "pact.html")
    assert article.published is None


def test_defaults_fill_what_the_page_does_not_say() -> None:
    defaults = ArticleDefaults(published=date(2025, 2, 5), source="Saved pages", title="Unused")
    [(_, bare)] = parse_html(page(), "pact.html", defaults)
    assert (bare.published, bare.source) == (date(2025, 2, 5), "Saved pages")
    [(_, own)] = parse_html(page(FULL_HEAD), "pact.html", defaults)
    assert (own.published, own.source) == (date(2025, 2, 4), "Harbor Times")


def test_same_page_same_id() -> None:
    [(_, first)] = parse_html(page(FULL_HEAD), "a.html")
    [(_, again)] = parse_html(page(FULL_HEAD), "b.html")
    assert first.id == again.id


@pytest.mark.parametrize("html", [
    "<html><body><div",
    "<html></html>",
    "<html><head><script>var x = 1;</script></head><body></body></html>",
    "<<<>>> &&& <",
], ids=["truncated", "empty-document", "script-only", "garbage"])
def test_broken_or_empty_html_raises(html: str) -> None:
    with pytest.raises(InputError, match="no article text found in broken.html"):
        parse_html(html, "broken.html")


@pytest.mark.parametrize(("fragment", "expected"), [
    ("<p>Japan &amp; Australia signed.</p><p>Talks  went\n well.</p>",
     "Japan & Australia signed.\nTalks went well."),
    ("Officials met<br/>on Monday.", "Officials met\non Monday."),
    ("<div><script>track()</script><style>p{}</style>Kept text.</div>", "Kept text."),
    ("<ul><li>One</li><li>Two</li></ul>", "One\nTwo"),
    ("plain words, no tags", "plain words, no tags"),
    ("<p>unclosed <b>bold", "unclosed bold"),
])
def test_html_to_text(fragment: str, expected: str) -> None:
    assert html_to_text(fragment) == expected
