"""Correcting the merging from an event page, in a real headless Chromium: a token holder
merges a nearly-same event into this one and takes a citation out again, through
/api/merge and /api/unmerge; without a token nothing can be pressed; a wrong token is
told as the API's 401.

Each test has its own store (the corrections change it) of four reports the tests write
(`near_match_docs`): two of one meeting, one undated report naming its two leaders among
four more (nearly the same happening, below the merging bar) and one unrelated meeting.
Served by uvicorn on a free loopback port. Waiting uses Playwright's `expect`, which
retries until its condition holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from kizuna.store import Store, database, event_id, locks
from kizuna.store import schema as s
from kizuna.store.locks import writing
from kizuna.store.tokens import create_token
from kizuna.store.writer import delete_article
from kizuna.web import create_app
from kizuna.web.live import LiveServer
from tests.web.conftest import near_match_docs

TOKEN_KEY = "kizuna-write-token"  # corrections.js keeps the token under this key


@dataclass(frozen=True)
class Site:
    url: str
    store: Store
    token: str

    def merged_of(self, article_id: str) -> str:
        with self.store.engine.connect() as conn:
            return conn.execute(select(s.merged_members.c.merged_id).where(
                s.merged_members.c.event_id == event_id(article_id, "v1"))).scalar_one()

    def members(self, merged_id: str) -> set[str]:
        """The articles whose events the merged event holds."""
        with self.store.engine.connect() as conn:
            return set(conn.execute(
                select(s.events.c.article_id)
                .join(s.merged_members, s.merged_members.c.event_id == s.events.c.id)
                .where(s.merged_members.c.merged_id == merged_id)).scalars())

    def last_judgement(self, article_id: str) -> tuple[str, str | None, list[str]]:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(s.judgements).where(
                s.judgements.c.event_id == event_id(article_id, "v1"))
                .order_by(s.judgements.c.id.desc()).limit(1)).one()
        return row.decided_by, row.merged_id, row.reasons

    def judgement_count(self) -> int:
        with self.store.engine.connect() as conn:
            return len(conn.execute(select(s.judgements.c.id)).all())


@contextmanager
def served(path: Path) -> Iterator[Site]:
    with Store.open(str(path)) as store:
        for doc in near_match_docs():
            store.save_document(doc)
        token = create_token(store)
        with LiveServer(create_app("", store=store)) as server:
            yield Site(server.url, store, token)


@pytest.fixture
def site(tmp_path: Path, request: pytest.FixtureRequest,
         monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    if getattr(request, "param", None) == "impatient":
        # the server's writer gives up on a held database in a fraction of a second
        monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.1)
        monkeypatch.setattr(locks, "WRITE_WAIT_S", 0.3)
    with served(tmp_path / "corrections.db") as site:
        yield site


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    """A fresh page; fails the test on a script error or a request to another host.

    The browser's own console line for a 401 or 400 answer is expected (the tests ask
    for them); any other console error fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}")
            if msg.type == "error" and "Failed to load resource" not in msg.text else None)
    page.on("request", lambda request: errors.append(f"request elsewhere: {request.url}")
            if not request.url.startswith(site.url + "/") else None)
    yield page
    assert [c for c in context.cookies() if site.token in c["value"]] == []
    context.close()
    assert errors == []


def test_the_fixture_is_two_merged_events_nearly_the_same(site: Site) -> None:
    meeting = site.merged_of("a")
    assert site.members(meeting) == {"a", "a2"}
    assert site.members(site.merged_of("crowd")) == {"crowd"}
    assert site.merged_of("far") not in (meeting, site.merged_of("crowd"))


def enter_token(page: Page, token: str) -> None:
    page.locator("section.corrections input.token").fill(token)
    page.locator("section.corrections form.token-form button[type=submit]").click()


def test_a_token_holder_merges_a_near_match_in_and_takes_a_citation_out(page: Page,
                                                                        site: Site) -> None:
    meeting, crowd = site.merged_of("a"), site.merged_of("crowd")
    page.goto(f"{site.url}/events/{meeting}")
    near = page.locator(f'li.near-match:has(a[href="/events/{crowd}"])')
    merge = near.locator("button.merge-in")
    expect(merge).to_be_hidden()
    enter_token(page, site.token)
    expect(merge).to_be_enabled()
    assert site.token not in page.url
    assert page.evaluate(f"sessionStorage.getItem('{TOKEN_KEY}')") == site.token

    merge.click()
    expect(page.locator("li.citation")).to_have_count(3)
    assert page.url == f"{site.url}/events/{meeting}"
    assert site.members(meeting) == {"a", "a2", "crowd"}
    assert site.merged_of("far") != meeting
    decided_by, into, reasons = site.last_judgement("crowd")
    assert (decided_by, into) == ("person", meeting)
    assert f"merged by a person (was in {crowd})" in reasons
    expect(page.locator(f'li.near-match:has(a[href="/events/{crowd}"])')).to_have_count(0)

    # the token is still there after the page changed: take the second report out again
    second = event_id("a2", "v1")
    take_out = page.locator(f'li.citation button.take-out[data-event="{second}"]')
    expect(take_out).to_be_enabled()
    take_out.click()
    expect(page.locator("li.citation")).to_have_count(2)
    alone = site.merged_of("a2")
    assert alone != meeting
    assert site.members(meeting) == {"a", "crowd"} and site.members(alone) == {"a2"}
    decided_by, into, reasons = site.last_judgement("a2")
    assert (decided_by, into) == ("person", alone)
    assert f"split by a person from {meeting}" in reasons
    note = page.locator(".correction-message")
    expect(note).to_contain_text("Taken out")
    expect(note.locator("a")).to_have_attribute("href", f"/events/{alone}")


def test_without_a_token_nothing_can_be_pressed(page: Page, site: Site) -> None:
    meeting = site.merged_of("a")
    page.goto(f"{site.url}/events/{meeting}")
    expect(page.locator("section.corrections")).to_be_visible()  # the script ran
    buttons = page.locator("button.correction")
    assert buttons.count() == 3  # two citations to take out, one near match to merge in
    for i in range(buttons.count()):
        expect(buttons.nth(i)).to_be_hidden()
        expect(buttons.nth(i)).to_be_disabled()
    before = site.judgement_count()
    buttons.first.dispatch_event("click")  # even a click the page cannot make does nothing
    expect(page.locator(".correction-message")).to_have_text("")

    enter_token(page, site.token)  # on, then forgotten: off again
    expect(buttons.first).to_be_enabled()
    page.locator("section.corrections button.forget-token").click()
    expect(buttons.first).to_be_hidden()
    expect(buttons.first).to_be_disabled()
    assert page.evaluate(f"sessionStorage.getItem('{TOKEN_KEY}')") is None
    assert site.judgement_count() == before
    assert site.members(meeting) == {"a", "a2"}


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "The token was not accepted (401): a valid API token is needed"),
    ("ja", "トークンが受け付けられませんでした（401）： a valid API token is needed"),
])
def test_a_wrong_token_is_told_as_401_and_changes_nothing(page: Page, site: Site,
                                                          lang: str, told: str) -> None:
    meeting, crowd = site.merged_of("a"), site.merged_of("crowd")
    page.goto(f"{site.url}/events/{meeting}?lang={lang}")
    enter_token(page, "kz_not-a-token")
    before = site.judgement_count()
    with page.expect_response(f"{site.url}/api/merge") as answer:
        page.locator("button.merge-in").click()
    assert answer.value.status == 401
    message = page.locator(".correction-message.error")
    expect(message).to_contain_text(told)
    expect(page.locator("button.merge-in")).to_be_enabled()  # it can be tried again
    assert page.url == f"{site.url}/events/{meeting}?lang={lang}"
    assert site.judgement_count() == before
    assert site.members(meeting) == {"a", "a2"} and site.members(crowd) == {"crowd"}


def test_a_refused_correction_shows_the_api_s_reason(page: Page, site: Site) -> None:
    """The near match's article was removed after the page was drawn: the API answers
    400 for its event, the page shows the API's reason, and nothing changed."""
    meeting = site.merged_of("a")
    page.goto(f"{site.url}/events/{meeting}")
    enter_token(page, site.token)
    with writing(site.store.engine) as conn:
        delete_article(conn, "crowd")
    page.locator("button.merge-in").click()
    gone = event_id("crowd", "v1")
    expect(page.locator(".correction-message.error")).to_have_text(re.compile(
        rf"^The correction was refused \(400\): no article event with id '{gone}'"))
    assert site.members(meeting) == {"a", "a2"}
    assert site.last_judgement("a")[0] == "auto"


@pytest.mark.parametrize("site", ["impatient"], indirect=True)
def test_a_busy_database_is_told_as_503_and_the_correction_can_be_tried_again(
        page: Page, site: Site) -> None:
    """Another writer holds the database (SQLite's write lock, taken here through a
    second connection): the API answers 503 and the page says to try again; once the
    lock is let go, the same button does it."""
    meeting, crowd = site.merged_of("a"), site.merged_of("crowd")
    page.goto(f"{site.url}/events/{meeting}")
    enter_token(page, site.token)
    button = page.locator("button.merge-in")
    with Store.open(str(site.store.engine.url.database)) as other, writing(other.engine):
        with page.expect_response(f"{site.url}/api/merge") as answer:
            button.click()
        assert answer.value.status == 503
        expect(page.locator(".correction-message.error")).to_contain_text(
            "The database is busy; try again in a moment (503): the database is busy")
    assert site.members(crowd) == {"crowd"}
    button.click()
    expect(page.locator("li.citation")).to_have_count(3)
    assert site.members(meeting) == {"a", "a2", "crowd"}


def test_a_merge_refused_halfway_says_how_much_was_moved(page: Page, site: Site) -> None:
    """From the undated report's page the meeting is the near match, two reports to
    move; the article of the one moved last is removed after the page was drawn: the
    first move stands (each /api/merge is one correction) and the page says so."""
    meeting, crowd = site.merged_of("a"), site.merged_of("crowd")
    page.goto(f"{site.url}/events/{crowd}")
    enter_token(page, site.token)
    button = page.locator(f'li.near-match:has(a[href="/events/{meeting}"]) button.merge-in')
    article_of = {event_id(a, "v1"): a for a in ("a", "a2")}
    first, second = (article_of[e] for e in button.get_attribute("data-members").split())
    with writing(site.store.engine) as conn:
        delete_article(conn, second)  # the one moved last
    button.click()
    expect(page.locator(".correction-message.error")).to_have_text(re.compile(
        r"^The correction was refused \(400\): no article event with id '\w+' "
        r"1 of 2 reports were moved before this\.$"))
    assert site.members(crowd) == {"crowd", first}
    assert site.last_judgement(first)[:2] == ("person", crowd)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_corrections_fit_a_phone(browser: Browser, site: Site, lang: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{site.url}/events/{site.merged_of('a')}?lang={lang}")
        enter_token(page, site.token)
        expect(page.locator("button.merge-in")).to_be_visible()
        width = page.evaluate("document.documentElement.clientWidth")
        assert width == 390
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
