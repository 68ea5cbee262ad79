"""Properties of every input parser on any input: nothing but an `InputError` escapes.

Decoding, format detection and dispatch, HTML pages, RSS/Atom feeds, article records
(JSON and JSON Lines), and the date and money readers the extractors run on article text
(which must not raise at all, and cite only what is there). Inputs are arbitrary bytes
and text, and structured ones built from the pieces real inputs are made of, so the
parsers get past their first check.

`make fuzz` runs these with many more examples (KIZUNA_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import json
import os
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kizuna.contract import article_from_dict
from kizuna.errors import InputError
from kizuna.extract.en.dates import resolve_dates
from kizuna.extract.ja.dates import resolve_dates_ja
from kizuna.extract.money import find_amounts
from kizuna.model import Article
from kizuna.parse.article_json import parse_article_json
from kizuna.parse.decode import decode_bytes
from kizuna.parse.dispatch import parse_bytes
from kizuna.parse.feed import local_date, parse_feed
from kizuna.parse.html import iso_date, parse_html
from kizuna.parse.language import detect_language
from kizuna.parse.record import ArticleDefaults, language_code

EXAMPLES = int(os.environ.get("KIZUNA_FUZZ_EXAMPLES", "0")) or 150
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- strategies: arbitrary, and shaped like the inputs -------------------------------

TEXT_PIECES = ["Prime Minister", "met", "Tokyo", "on Monday", "$5 billion", "¥3 trillion",
               "1兆円", "令和7年5月", "先月20日", "来週", "2025-02-07", "Feb. 3, 2025",
               "\x00", "\ufeff", "\u202e", "\r\n", "&amp;", "&#0;", "&#x110000;", "\ud7ff",
               "。", "「", "」", " ", "\n\n", "€", "US$", "-", "—", "0", "9" * 30]
text = st.one_of(st.text(max_size=400),
                 st.lists(st.sampled_from(TEXT_PIECES) | st.text(max_size=5), max_size=50)
                 .map("".join))

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=20)
record_field = st.sampled_from(["id", "text", "title", "url", "source", "published",
                                "language", "extra"])
record = st.dictionaries(record_field, json_value | text, max_size=8)

TAGS = ["<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "<article>",
        "</article>", "<p>", "</p>", "<script>", "</script>", "<meta charset='shift_jis'>",
        '<meta property="article:published_time" content="2025-13-45T99:00">',
        '<meta name="date" content="', "<time datetime='x'>", "<br/>", "<![CDATA[", "]]>",
        "<!--", "-->", "<h1>", "</h1>", "<div class='content'>", "</div>", "<"]
html = st.lists(st.sampled_from(TAGS) | text, max_size=40).map("".join)

FEED = ['<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="x-bad"?>',
        '<rss version="2.0">', "</rss>", "<channel>", "</channel>", "<item>", "</item>",
        "<title>", "</title>", "<description>", "</description>", "<pubDate>",
        "</pubDate>", "Mon, 99 Feb 2025 25:61:00 +9999", "<link>", "</link>",
        '<feed xmlns="http://www.w3.org/2005/Atom">', "</feed>", "<entry>", "</entry>",
        "<content type='html'>", "</content>", "<updated>", "</updated>", "<language>",
        "</language>", "&amp;", "&nbsp;", "<![CDATA[", "]]>"]
feed = st.lists(st.sampled_from(FEED) | text, max_size=40).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))

raw = st.one_of(st.binary(max_size=600), text.map(lambda t: t.encode("utf-8", "replace")),
                text.map(lambda t: t.encode("utf-16", "replace")),
                text.map(lambda t: t.encode("shift_jis", "replace")), feed,
                html.map(lambda h: h.encode("utf-8", "replace")),
                record.map(lambda r: json.dumps(r).encode()))
origin = st.sampled_from(["in.txt", "in.html", "in.json", "in.jsonl", "in.xml", "in.rss",
                          "in", "in.article.json", "in.md"])
content_type = st.none() | st.sampled_from([
    "text/html; charset=euc-jp", "application/rss+xml", "application/json",
    "text/plain; charset=bogus", "application/octet-stream", "text/html; charset="])
defaults = st.builds(ArticleDefaults, published=st.none() | st.dates(),
                     language=st.none() | st.sampled_from(["en", "ja", "xx", ""]),
                     title=st.none() | text, source=st.none() | text)


def only_input_errors(call: Any) -> Any:
    """What `call()` returns, or None when it raised an InputError; anything else fails."""
    try:
        return call()
    except InputError as exc:
        assert str(exc).strip(), "an InputError says what is wrong"
        return None


def check_parsed(parsed: Any) -> None:
    """Every item is (label, Article with text) or (label, InputError)."""
    if parsed is None:
        return
    for label, item in parsed:
        assert isinstance(label, str)
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text.strip() and item.id


# --- the properties ---------------------------------------------------------------------

@FUZZ
@given(raw, origin, content_type, st.booleans(), defaults)
def test_any_bytes_parse_to_articles_or_an_input_error(
        data: bytes, name: str, ctype: str | None, fetched: bool,
        given_defaults: ArticleDefaults) -> None:
    url = "https://news.example/a" if fetched else None
    check_parsed(only_input_errors(lambda: parse_bytes(
        data, name, given_defaults, content_type=ctype, url=url)))


@FUZZ
@given(raw, st.none() | st.sampled_from(["utf-8", "shift_jis", "euc-jp", "bogus", "utf-16"]))
def test_decoding_gives_text_or_an_input_error(data: bytes, declared: str | None) -> None:
    decoded = only_input_errors(lambda: decode_bytes(data, "in.txt", declared))
    assert decoded is None or isinstance(decoded, str)


@FUZZ
@given(html, st.none() | st.just("https://news.example/page"))
def test_html_gives_an_article_or_an_input_error(page: str, url: str | None) -> None:
    check_parsed(only_input_errors(lambda: parse_html(page, "in.html", url=url)))


@FUZZ
@given(feed, content_type)
def test_feeds_give_items_or_an_input_error(data: bytes, ctype: str | None) -> None:
    check_parsed(only_input_errors(lambda: parse_feed(data, "in.xml", content_type=ctype)))


@FUZZ
@given(st.one_of(record.map(json.dumps), st.lists(record, max_size=4).map(json.dumps),
                 st.lists(record.map(json.dumps) | text, max_size=5).map("\n".join), text))
def test_records_give_articles_or_input_errors(data: str) -> None:
    check_parsed(only_input_errors(lambda: parse_article_json(data, "in.jsonl")))


@FUZZ
@given(json_value | record)
def test_an_api_record_is_an_article_or_an_input_error(data: Any) -> None:
    article = only_input_errors(lambda: article_from_dict(data, "request"))
    assert article is None or isinstance(article, Article)


@FUZZ
@given(text)
def test_date_and_language_fields_never_raise(value: str) -> None:
    assert iso_date(value) is None or isinstance(iso_date(value), date)
    assert local_date(value) is None or isinstance(local_date(value), date)
    assert language_code(value) is None or isinstance(language_code(value), str)
    assert detect_language(value) in (None, "ja", "en", "zh", "other")


@FUZZ
@given(text, st.none() | st.dates(), st.sampled_from(["past", "present", "future"]))
def test_dates_in_any_text_are_read_without_raising_and_cite_it(
        body: str, published: date | None, tense: str) -> None:
    for read in (resolve_dates, resolve_dates_ja):
        for ref in read(body, 0, len(body), published, tense):
            assert ref.start <= ref.end
            if ref.span is not None:
                assert body[ref.span.start:ref.span.end] == ref.span.text


@FUZZ
@given(text)
def test_money_in_any_text_is_read_without_raising_and_cites_it(body: str) -> None:
    for amount in find_amounts(body):
        assert body[amount.span.start:amount.span.end] == amount.span.text
        assert amount.value == amount.value  # not NaN


def test_a_character_reference_beyond_unicode_is_an_input_error() -> None:
    """Found by the fuzz run: feedparser raised ValueError on `&#2000000;`."""
    data = b'<rss version="2.0"><channel><item><title>&#2000000;</title></item></channel></rss>'
    with pytest.raises(InputError, match=r"in\.xml: is not a readable RSS or Atom feed"):
        parse_feed(data, "in.xml")
