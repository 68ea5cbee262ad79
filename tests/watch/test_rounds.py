"""One round and the next: new items stored once, summaries replaced by their pages,
conditional requests, duplicates across sources, robots.txt, failing sources."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from kizuna.store import Store, merged, watching
from kizuna.watch.config import WatchedSource
from kizuna.watch.polite import PoliteClient
from kizuna.watch.rounds import run_round
from tests.watch import stories
from tests.watch.conftest import NewsSite, page, rss

NOW = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)
EVERY = timedelta(minutes=15)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(str(tmp_path / "watch.db")) as opened:
        yield opened


@pytest.fixture
def http():
    with httpx.Client(timeout=10) as client:
        yield PoliteClient(client, delay=0)


def wire_feed(site: NewsSite, data_center_link: str = "/business/ohio") -> str:
    site.put(data_center_link.split("?")[0], page("SoftBank picks Ohio", stories.DATA_CENTER_PAGE))
    return site.put("/feed.xml", rss([
        {"title": "Ishiba and Trump meet", "link": site.url("/politics/summit"),
         "date": "Sat, 08 Feb 2025 01:00:00 GMT", "description": " ".join(stories.SUMMIT * 2)},
        {"title": "SoftBank picks Ohio", "link": site.url(data_center_link),
         "date": "Wed, 12 Mar 2025 03:00:00 GMT",
         "description": stories.DATA_CENTER_SUMMARY},
    ]), "application/rss+xml")


def stored_texts(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.exec_driver_sql("SELECT text FROM articles ORDER BY published")
                    .scalars())


def test_a_round_stores_each_item_and_reads_the_page_behind_a_summary(news_site, store, http):
    feed = wire_feed(news_site)
    report = run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW)
    assert (report.polled, report.stored, report.failures) == (1, 2, [])
    summit, data_center = stored_texts(store)
    assert "first meeting between the two leaders" in summit
    assert "$3 billion" in data_center  # the page's text, not the feed's one-line summary
    assert "Home | World" not in data_center  # the page's main text only
    types = {e.type for e in merged.list_merged_events(store)}
    assert {"MEET", "INVEST"} <= types
    assert report.events >= 2


def test_the_next_round_asks_conditionally_and_reads_nothing_twice(news_site, store, http):
    feed = wire_feed(news_site)
    run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW)
    again = run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW + EVERY)
    assert (again.polled, again.not_modified, again.stored) == (1, 1, 0)
    assert news_site.answers[("/feed.xml", 304)] == 1
    assert news_site.requests["/business/ohio"] == 1


def test_a_source_is_not_asked_before_it_is_due(news_site, store, http):
    feed = wire_feed(news_site)
    run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW)
    early = run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW + EVERY / 2)
    assert (early.polled, early.not_due) == (0, 1)
    assert news_site.requests["/feed.xml"] == 1


def test_a_restart_resumes_from_the_stored_state(news_site, tmp_path, http):
    feed = wire_feed(news_site)
    with Store.open(str(tmp_path / "w.db")) as first:
        run_round(first, [WatchedSource(feed, EVERY)], http, now=NOW)
    with httpx.Client() as client, Store.open(str(tmp_path / "w.db")) as second:
        report = run_round(second, [WatchedSource(feed, EVERY)], PoliteClient(client, delay=0),
                           now=NOW + EVERY)
        state = watching.source_state(second.engine, feed)
    assert report.not_modified == 1
    assert state.articles == 2 and state.last_ok == NOW + EVERY and state.etag


def test_the_same_story_from_another_source_or_address_is_read_once(news_site, store, http):
    feed = wire_feed(news_site)
    run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW)
    # Another feed: the Ohio story under a tracking parameter, the summit under a new address.
    other = news_site.put("/partner.xml", rss([
        {"title": "SoftBank picks Ohio", "link": news_site.url("/business/ohio?utm_source=rss"),
         "date": "Wed, 12 Mar 2025 03:00:00 GMT", "description": stories.DATA_CENTER_SUMMARY},
        {"title": "Leaders meet", "link": news_site.url("/syndicated/summit-copy"),
         "date": "Sat, 08 Feb 2025 02:00:00 GMT", "description": " ".join(stories.SUMMIT * 2)},
    ], title="Partner Wire"), "application/rss+xml")
    report = run_round(store, [WatchedSource(other, EVERY)], http, now=NOW)
    assert (report.stored, report.already_read) == (0, 2)
    assert len(stored_texts(store)) == 2


def test_robots_txt_is_obeyed(news_site, store, http):
    news_site.put("/robots.txt", "User-agent: *\nDisallow: /business/\n", "text/plain")
    feed = wire_feed(news_site)
    report = run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW)
    assert news_site.requests["/business/ohio"] == 0
    assert report.stored == 2  # the Ohio item is kept with the summary the feed gave
    assert stories.DATA_CENTER_SUMMARY in stored_texts(store)[1]


def test_a_failing_source_backs_off_and_the_others_go_on(news_site, store, http):
    broken = news_site.put("/broken.xml", "server trouble", "text/plain", status=503)
    feed = wire_feed(news_site)
    sources = [WatchedSource(broken, EVERY), WatchedSource(feed, EVERY)]
    first = run_round(store, sources, http, now=NOW)
    assert first.stored == 2 and len(first.failures) == 1 and "503" in first.failures[0]
    state = watching.source_state(store.engine, broken)
    assert (state.failures, state.next_poll) == (1, NOW + EVERY)
    run_round(store, sources, http, now=NOW + EVERY)
    state = watching.source_state(store.engine, broken)
    assert (state.failures, state.next_poll) == (2, NOW + 3 * EVERY)  # waits twice as long
    news_site.put("/broken.xml", rss([]), "application/rss+xml")  # mended, with no items yet
    later = run_round(store, sources, http, now=NOW + 3 * EVERY)
    state = watching.source_state(store.engine, broken)
    assert (state.failures, state.last_error, state.next_poll) == (0, None, NOW + 4 * EVERY)
    assert (later.polled, later.failures) == (2, [])


def test_stopping_finishes_the_article_in_hand_and_reads_no_more(news_site, store, http):
    feed = wire_feed(news_site)

    def stop() -> bool:  # SIGTERM arrives while the first article is being stored
        return len(stored_texts(store)) >= 1

    report = run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW, stop=stop)
    assert report.stored == 1 and len(stored_texts(store)) == 1
    # The article not stored is not marked read: the next run reads it.
    again = run_round(store, [WatchedSource(feed, EVERY)], http, now=NOW + EVERY)
    assert again.stored == 1 and len(stored_texts(store)) == 2
