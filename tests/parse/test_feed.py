"""RSS and Atom feeds: one article per item, with the feed's name as source."""

from __future__ import annotations

from datetime import date

import pytest

from kizuna.errors import InputError
from kizuna.model import Article
from kizuna.parse.feed import local_date, parse_feed
from kizuna.parse.record import ArticleDefaults

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbor Times</title>
  <link>https://harbor.example/</link>
  <language>en-us</language>
  <item>
    <title>Port of Kobe to open new terminal</title>
    <link>https://harbor.example/kobe</link>
    <pubDate>Fri, 07 Feb 2025 08:30:00 +0900</pubDate>
    <description>&lt;p&gt;The port authority said on Friday that it would open a new
      container terminal next spring.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Ministers meet in Ottawa</title>
    <link>https://harbor.example/ottawa</link>
    <pubDate>Mon, 03 Mar 2025 16:00:00 -0500</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Japan and Canada held talks on energy trade in Ottawa
      on Monday.</p><p>Both sides agreed to meet again &amp; review progress.</p>]]>
    </content:encoded>
  </item>
  <item>
    <title>Shipping rates steady</title>
    <link>https://harbor.example/rates</link>
    <description>Freight rates between Asia and Europe held steady this week, brokers said.
    </description>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Bay Wire</title>
  <id>urn:bay-wire</id>
  <updated>2025-03-02T10:00:00Z</updated>
  <entry>
    <title>Canada and Japan hold trade talks</title>
    <link href="https://bay.example/talks"/>
    <id>urn:bay:1</id>
    <updated>2025-03-01T23:30:00-05:00</updated>
    <content type="html">&lt;p&gt;Canada and Japan held talks on trade in Ottawa.&lt;/p&gt;
    </content>
  </entry>
  <entry>
    <title>Energy exports rise</title>
    <link href="https://bay.example/energy"/>
    <id>urn:bay:2</id>
    <published>2025-03-02T10:00:00Z</published>
    <summary type="text">Officials met in Ottawa on Monday to discuss energy exports.</summary>
  </entry>
</feed>
"""


def articles(results: list) -> list[Article]:
    return [item for _, item in results if isinstance(item, Article)]


def test_rss_gives_one_article_per_item() -> None:
    results = parse_feed(RSS, "harbor.rss")
    assert [label for label, _ in results] == ["harbor.rss[0]", "harbor.rss[1]", "harbor.rss[2]"]
    kobe, ottawa, rates = articles(results)
    assert kobe.title == "Port of Kobe to open new terminal"
    assert kobe.url == "https://harbor.example/kobe"
    assert kobe.source == "Harbor Times"
    assert kobe.published == date(2025, 2, 7)  # the date as written in Kobe, not in UTC
    assert kobe.text == ("The port authority said on Friday that it would open a new "
                         "container terminal next spring.")
    assert kobe.language == "en"
    assert ottawa.text == ("Japan and Canada held talks on energy trade in Ottawa on Monday.\n"
                           "Both sides agreed to meet again & review progress.")
    assert ottawa.published == date(2025, 3, 3)
    assert rates.published is None


def test_atom_gives_one_article_per_entry() -> None:
    talks, energy = articles(parse_feed(ATOM, "bay.atom"))
    assert (talks.title, talks.url, talks.source) == (
        "Canada and Japan hold trade talks", "https://bay.example/talks", "Bay Wire")
    assert talks.text == "Canada and Japan held talks on trade in Ottawa."
    assert talks.published == date(2025, 3, 1)
    assert energy.text == "Officials met in Ottawa on Monday to discuss energy exports."
    assert energy.published == date(2025, 3, 2)


def test_feed_ids_are_stable_and_distinct() -> None:
    first = [a.id for a in articles(parse_feed(RSS, "harbor.rss"))]
    again = [a.id for a in articles(parse_feed(RSS, "copy.xml"))]
    assert first == again
    assert len(set(first)) == 3


def test_defaults_fill_missing_dates_only() -> None:
    defaults = ArticleDefaults(published=date(2025, 3, 5), source="Ignored")
    kobe, _, rates = articles(parse_feed(RSS, "harbor.rss", defaults))
    assert kobe.published == date(2025, 2, 7) and kobe.source == "Harbor Times"
    assert rates.published == date(2025, 3, 5)


def test_item_without_body_is_an_error_and_the_rest_go_on() -> None:
    feed = RSS.replace(b"<description>Short teaser.</description>", b"").replace(
        b"<content:encoded>", b"<!--").replace(b"</content:encoded>", b"-->")
    results = parse_feed(feed, "harbor.rss")
    assert isinstance(results[1][1], InputError)
    assert "no article text found in harbor.rss[1]" in str(results[1][1])
    assert len(articles(results)) == 2


@pytest.mark.parametrize(("data", "message"), [
    (b"<rss><channel><title>Harbor", "is not a readable RSS or Atom feed"),
    (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title></channel></rss>",
     "the feed has no items"),
    (b"This is plain text about shipping, not a feed.", "is not a readable RSS or Atom feed"),
], ids=["broken", "no-items", "not-a-feed"])
def test_broken_or_empty_feed_raises(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_feed(data, "harbor.rss")
    assert str(caught.value).startswith("harbor.rss: ")


@pytest.mark.parametrize(("value", "expected"), [
    ("Fri, 07 Feb 2025 08:30:00 +0900", date(2025, 2, 7)),
    ("2025-03-01T23:30:00-05:00", date(2025, 3, 1)),
    ("2025-03-02T10:00:00Z", date(2025, 3, 2)),
    ("2025-03-02", date(2025, 3, 2)),
    ("sometime last week", None),
    ("", None),
    (None, None),
])
def test_local_date(value: str | None, expected: date | None) -> None:
    assert local_date(value) == expected
