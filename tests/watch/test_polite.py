"""The polite client against a loopback site: pauses per host, robots.txt, validators."""

import httpx
import pytest

from kizuna.errors import FetchError
from kizuna.watch.polite import PoliteClient, RobotsRefusal


class FakeClock:
    def __init__(self) -> None:
        self.now, self.slept = 100.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def client():
    with httpx.Client(timeout=10) as made:
        yield made


def test_requests_to_one_host_are_spaced(news_site, client):
    clock = FakeClock()
    polite = PoliteClient(client, delay=2.0, clock=clock, sleep=clock.sleep)
    news_site.put("/a", "one")
    news_site.put("/b", "two")
    polite.get(news_site.url("/a"))  # robots.txt, then /a: one pause between them
    clock.now += 0.5
    polite.get(news_site.url("/b"))
    assert clock.slept == [2.0, 1.5]


def test_a_disallowed_address_is_not_requested(news_site, client):
    news_site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    news_site.put("/private/memo", "secret")
    polite = PoliteClient(client, delay=0)
    with pytest.raises(RobotsRefusal, match="robots.txt"):
        polite.get(news_site.url("/private/memo"))
    assert news_site.requests["/private/memo"] == 0
    assert polite.allowed(news_site.url("/public/news"))


def test_an_unreachable_robots_txt_forbids_everything(news_site, client):
    news_site.put("/robots.txt", "down", "text/plain", status=503)
    news_site.put("/news", "text")
    polite = PoliteClient(client, delay=0)
    assert not polite.allowed(news_site.url("/news"))
    assert news_site.requests["/robots.txt"] == 1  # remembered, not asked each time
    assert not polite.allowed(news_site.url("/other"))
    assert news_site.requests["/robots.txt"] == 1


def test_validators_turn_an_unchanged_page_into_a_304(news_site, client):
    news_site.put("/feed", "<rss/>", "application/rss+xml")
    polite = PoliteClient(client, delay=0)
    first = polite.get(news_site.url("/feed"))
    second = polite.get(news_site.url("/feed"), first.etag, first.last_modified)
    assert (first.status, second.status, second.not_modified, second.data) == (
        200, 304, True, b"")


def test_an_error_status_is_a_fetch_error(news_site, client):
    with pytest.raises(FetchError, match="HTTP 404"):
        PoliteClient(client, delay=0).get(news_site.url("/missing"))
