"""The service in a real headless Chromium: a uvicorn server on a free loopback port over a
database these tests fill by ingesting articles they write (English, Japanese, hostile)
through the real extraction pipeline.

Waiting uses Playwright's `expect`, which retries until its condition holds; nothing
here measures time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from kizuna.ingest import ingest
from kizuna.store import Store
from kizuna.web import create_app
from kizuna.web.live import LiveServer
from kizuna.web.urls import http_url

ENGLISH = {
    "id": "browser-summit-en", "title": "Ishiba and Trump agree on AI chips",
    "source": "Browser Test Wire", "published": "2025-02-08", "language": "en",
    "url": "https://news.example/en/summit",
    "text": "Prime Minister Shigeru Ishiba met U.S. President Donald Trump at the White House "
            "on Friday. The two leaders agreed to deepen cooperation on artificial intelligence "
            "and semiconductors. SoftBank Group will invest $500 billion in data centres in "
            "the United States, the company said. Ishiba told reporters that Trump had been "
            "\"warm and direct\" in their talks.",
}
JAPANESE = {
    "id": "browser-summit-ja", "title": "日米首脳が初会談　AI協力で一致",
    "source": "ブラウザ試験新聞", "published": "2025-02-08", "language": "ja",
    "url": "https://news.example/ja/summit",
    "text": "石破茂首相は7日、ホワイトハウスでトランプ米大統領と初めて会談した。両首脳は人工知能"
            "（AI）や半導体の分野で協力を深めることで一致した。",
}
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_URL = "javascript:window.__pwned=1"
HOSTILE = {
    "id": "browser-hostile", "title": f"Hostile {SCRIPT} title",
    "source": f"Hostile {IMG} Source", "published": "2025-03-03", "language": "en",
    "url": HOSTILE_URL,
    "text": "Prime Minister Shigeru Ishiba met Nvidia chief Jensen Huang in Tokyo on Monday. "
            f"{SCRIPT} The article then said {IMG} in plain words.",
}
ARTICLES = (ENGLISH, JAPANESE, HOSTILE)


@dataclass(frozen=True)
class Site:
    url: str
    store: Store

    def json(self, path: str, **params: str) -> dict:
        response = httpx.get(self.url + path, params=params)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The three articles ingested (real extraction) and served on a free loopback port."""
    folder = tmp_path_factory.mktemp("browser")
    paths = []
    for record in ARTICLES:
        path = folder / f"{record['id']}.article.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    with Store.open(str(folder / "browser.db")) as store:
        report = ingest(paths, store)
        assert (report.added, report.failures) == (3, []), report.summary()
        with LiveServer(create_app("", store=store)) as server:
            yield Site(server.url, store)


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    """A fresh page; fails the test on any script error or request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}")
            if msg.type == "error" else None)
    page.on("request", lambda request: errors.append(f"request elsewhere: {request.url}")
            if not request.url.startswith(site.url + "/") else None)
    yield page
    context.close()
    assert errors == []


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


# --- pages --------------------------------------------------------------------------------

MAIN_PAGES = ["/events", "/actors/shigeru-ishiba", "/dyads/JPN-USA", "/search?q=Trump",
              "/articles/browser-summit-ja", "/docs", "/digest", "/commitments", "/disagreements"]


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_the_main_pages_load_styled(page: Page, site: Site, path: str) -> None:
    response = page.goto(site.url + path)
    assert response is not None and response.status == 200
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("header.site .brand")).to_have_text("kizuna 絆")
    # the stylesheet applied: the header is a flex row, main is centred at 68rem
    assert page.eval_on_selector("header.site", "e => getComputedStyle(e).display") == "flex"
    assert page.eval_on_selector("main", "e => getComputedStyle(e).maxWidth") == "1088px"


def test_the_language_switch_turns_the_interface_japanese_and_back(page: Page,
                                                                  site: Site) -> None:
    page.goto(site.url + "/events?type=MEET")
    page.locator("nav.languages a[lang=ja]").click()
    expect(page.locator("main h1")).to_have_text("イベント")
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert query(page)["type"] == ["MEET"]  # the filters stay
    page.goto(site.url + "/dyads/JPN-USA")  # the choice is remembered
    expect(page.locator("main h2").first).to_have_text("最新のイベント")
    page.locator("nav.languages a[lang=en]").click()
    expect(page.locator("main h2").first).to_have_text("Latest events")


def test_the_brief_links_each_line_to_its_event(page: Page, site: Site) -> None:
    page.goto(site.url + "/digest?since=2000-01-01")
    link = page.locator("ul.digest-lines a").first
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("main h1")).to_be_visible()
    assert "/events/ev-" in page.url


def test_the_feed_is_announced_and_served(page: Page, site: Site) -> None:
    page.goto(site.url + "/events")
    href = page.locator("footer a.atom-link").get_attribute("href")
    assert href == "/events.atom"
    response = page.request.get(site.url + href)
    assert response.status == 200 and b"<feed" in response.body()


def test_an_event_page_loads(page: Page, site: Site) -> None:
    event = site.json("/events.json", type="MEET")["events"][0]
    page.goto(f"{site.url}/events/{event['id']}")
    expect(page.locator("main h1 .type")).to_have_text("MEET")
    expect(page.locator("li.citation")).to_have_count(len(
        {c["doc_id"] for c in event["citations"]}))


def test_the_actor_timeline_is_drawn_on_the_server(page: Page, site: Site) -> None:
    page.goto(site.url + "/actors/shigeru-ishiba")
    marks = page.locator("figure.timeline-chart svg circle.mark")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 1
    box = page.locator("figure.timeline-chart svg").bounding_box()
    assert box is not None and box["width"] > 100


def test_the_dyad_chart_is_drawn_on_the_server(page: Page, site: Site) -> None:
    page.goto(site.url + "/dyads/JPN-USA")
    chart = page.locator("figure.chart:not(.timeline-chart) svg")
    expect(chart).to_be_visible()
    assert chart.locator("rect.bar.cooperative").count() >= 1
    assert chart.bounding_box()["width"] > 600


# --- search ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "article"), [
    ("石破", "browser-summit-ja"), ("会談", "browser-summit-ja"), ("Trump", "browser-summit-en"),
])
def test_search_from_the_header_in_both_languages(page: Page, site: Site, words: str,
                                                  article: str) -> None:
    page.goto(site.url + "/events")
    box = page.locator("header form.search input[name=q]")
    box.fill(words)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q="))
    assert query(page) == {"q": [words]}
    expect(page.locator("main h1")).to_have_text("Search")
    expect(page.locator("form.search-big input[name=q]")).to_have_value(words)
    expect(page.locator(f'ul.articles a[href="/articles/{article}"]')).to_be_visible()
    assert page.locator("ol.timeline li.event").count() >= 1


def test_japanese_text_is_set_in_a_japanese_font(page: Page, site: Site) -> None:
    page.goto(site.url + "/articles/browser-summit-ja")
    assert page.get_attribute("html", "lang") == "ja"
    text = page.locator(".article-text")
    expect(text).to_contain_text("石破茂首相は7日")
    family = text.evaluate("e => getComputedStyle(e).fontFamily")
    assert "Noto Sans CJK JP" in family
    # the glyphs take up room: the text was set, not shown as empty boxes of zero width
    assert text.bounding_box()["height"] > 20


# --- filters --------------------------------------------------------------------------------

def test_filters_keep_their_state_in_the_url(page: Page, site: Site) -> None:
    page.goto(site.url + "/events")
    everything = page.locator("ol.timeline li.event").count()
    form = page.locator("form.filters")
    form.locator("select[name=type]").select_option("MEET")
    form.locator("input[name=actor]").fill("Ishiba")
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"type=MEET"))
    params = query(page)
    assert params["type"] == ["MEET"] and params["actor"] == ["Ishiba"]
    rows = page.locator("ol.timeline li.event")
    expect(rows.first).to_be_visible()
    assert 1 <= rows.count() < everything
    assert set(rows.locator(".type").all_inner_texts()) == {"MEET"}
    expected = site.json("/events.json", type="MEET", actor="Ishiba")["total"]
    expect(page.locator("p.count")).to_contain_text(f"{expected} event")

    page.reload()  # the state lives in the URL: a reload (or a shared link) keeps it
    expect(form.locator("select[name=type]")).to_have_value("MEET")
    expect(form.locator("input[name=actor]")).to_have_value("Ishiba")
    assert rows.count() == expected
    page.go_back()
    expect(page.locator("ol.timeline li.event")).to_have_count(everything)


def test_a_japanese_actor_filter(page: Page, site: Site) -> None:
    page.goto(site.url + "/events")
    page.locator("form.filters input[name=actor]").fill("石破")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"actor=%E7%9F%B3%E7%A0%B4"))
    expected = site.json("/events.json", actor="石破")["total"]
    assert expected >= 1
    expect(page.locator("ol.timeline li.event")).to_have_count(expected)


# --- following an event to its sentence -----------------------------------------------------

def test_follow_an_event_to_its_cited_sentence(page: Page, site: Site) -> None:
    page.goto(site.url + "/events?type=MEET&actor=Trump")
    page.locator("ol.timeline li.event a.event-link").first.click()
    expect(page).to_have_url(re.compile(r"/events/ev-[0-9a-f]+$"))
    evidence = page.locator("li.citation mark.evidence").first
    expect(evidence).to_be_visible()
    expect(evidence).to_be_in_viewport()
    sentence = evidence.inner_text()
    assert "Trump" in sentence or "トランプ" in sentence
    assert any(sentence in record["text"] for record in (ENGLISH, JAPANESE))
    highlight = evidence.evaluate("e => getComputedStyle(e).backgroundColor")
    assert highlight == "rgb(255, 241, 168)"  # --mark: the sentence stands out

    page.locator("li.citation .cite-head a").first.click()  # on to the article itself
    expect(page).to_have_url(re.compile(r"/articles/browser-summit-(en|ja)$"))
    expect(page.locator(".article-text mark.event").first).to_be_visible()


# --- a hostile article --------------------------------------------------------------------------

def hostile_event(site: Site) -> dict:
    events = site.json("/events.json", actor="Jensen Huang")["events"]
    assert events, "the hostile article's meeting was not extracted"
    return events[0]


def test_a_hostile_article_shows_its_text_and_runs_nothing(browser: Browser,
                                                           site: Site) -> None:
    # The page's Content-Security-Policy would block inline script on its own: bypass it
    # here, so that only the escaping stands between the article and the browser.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    showing_the_text = ["/articles/browser-hostile", f"/events/{hostile_event(site)['id']}",
                        "/search?q=Huang"]
    try:
        for path in [*showing_the_text, "/events?q=Huang", "/actors/jensen-huang"]:
            page.goto(site.url + path)
            expect(page.locator("main h1")).to_be_visible()
            if path in showing_the_text:
                expect(page.locator("main")).to_contain_text(SCRIPT)  # as the text it is
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            # the event page's own corrections script is the only script there is
            assert page.locator('script:not([src="/static/corrections.js"])').count() == 0, path
            assert page.locator("img").count() == 0, path
        page.goto(site.url + "/articles/browser-hostile")
        expect(page.locator("main h1")).to_have_text(HOSTILE["title"])
        expect(page.locator("main .profile")).to_contain_text(IMG)
        expect(page.locator(".article-text")).to_contain_text(f"{SCRIPT} The article")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
    finally:
        context.close()


def test_a_javascript_url_is_not_a_link(page: Page, site: Site) -> None:
    page.goto(site.url + "/articles/browser-hostile")
    expect(page.locator(".unlinked-url")).to_have_text(HOSTILE_URL)
    links = page.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(http_url(href) for href in links), links
    page.locator(".unlinked-url").click()  # text, so clicking goes nowhere
    assert page.url == site.url + "/articles/browser-hostile"
    assert page.evaluate("typeof window.__pwned") == "undefined"


# --- a form on another origin ---------------------------------------------------------------------

def test_a_form_on_another_origin_cannot_write(browser: Browser, site: Site) -> None:
    event = hostile_event(site)
    event_id = site.json(f"/events/{event['id']}.json")["citations"][0]["event_id"]
    form = (f'<form method="post" action="{site.url}/api/unmerge">'
            f'<input name="event" value="{event_id}"><button>send</button></form>')
    other = Starlette(routes=[Route("/", lambda _: HTMLResponse(form))])
    # another port of the same host: another origin (browsers call it same-site)
    context = browser.new_context()
    page = context.new_page()
    try:
        with LiveServer(other) as elsewhere:
            page.goto(elsewhere.url + "/")
            with page.expect_response(f"{site.url}/api/unmerge") as answer:
                page.locator("button").click()
            assert answer.value.status == 403
            assert answer.value.json()["error"] == (
                "refused: a same-site request (only this service's own pages may write)")
    finally:
        context.close()
    assert hostile_event(site)["id"] == event["id"]


# --- a phone -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/events", "/events?type=MEET", "/actors/shigeru-ishiba",
                                  "/dyads/JPN-USA", "/search?q=石破",
                                  "/articles/browser-summit-ja", "/articles/browser-hostile",
                                  "/digest", "/commitments", "/disagreements",
                                  "/events?lang=ja", "/actors/shigeru-ishiba?lang=ja",
                                  "/commitments?lang=ja", "/digest?lang=ja"])
def test_a_phone_width_page_has_no_horizontal_overflow(browser: Browser, site: Site,
                                                       path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(site.url + path)
        expect(page.locator("main h1")).to_be_visible()
        width = page.evaluate("document.documentElement.clientWidth")
        assert width == 390
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    finally:
        context.close()


def test_screenshots_of_the_main_pages(browser: Browser, site: Site, tmp_path: Path) -> None:
    from kizuna.web.screenshots import capture

    written = capture(browser, site.url, tmp_path)
    assert [p.name for p in written] == [f"{name}.png" for name, *_ in _shot_names()]
    for path in written:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert width in (1280, 390 * 2), path.name


def _shot_names() -> list[tuple[str, ...]]:
    from kizuna.web.screenshots import SHOTS

    return [(shot.name,) for shot in SHOTS]
