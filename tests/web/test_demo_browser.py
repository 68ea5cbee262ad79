"""/disagreements over the demo's own samples, in headless Chromium on a laptop and a
phone: what the README's screenshot shows is what a reader gets.

The demo's samples are ingested through the real extraction pipeline; the page is
checked against the JSON twin and against what the samples say (JERA's gas purchase
signed in one report, still being negotiated in another published the same day).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Locator, expect

from kizuna.demo import store_demo_articles
from kizuna.store import Store
from kizuna.web import create_app
from kizuna.web.live import LiveServer

LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("demo-browser") / "demo.db")
    with Store.open(db) as store:
        report = store_demo_articles(store)
        assert report.failures == [], report.summary()
        with LiveServer(create_app("", store=store)) as server:
            yield server.url


def lng_status_conflict(url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The merged event and its status disagreement told by Example Energy Report and The
    Demo Herald, as /disagreements.json lists it."""
    listed = httpx.get(f"{url}/disagreements.json").raise_for_status().json()["events"]
    for item in listed:
        for d in item["disagreements"]:
            sources = {r["source"] for t in d["told"] for r in t["reports"]}
            values = {t["value"] for t in d["told"]}
            if d["field"] == "status" and values == {"happened", "planned"} and \
                    sources == {"Example Energy Report", "The Demo Herald"}:
                return item["event"], d
    raise AssertionError(f"no LNG status disagreement among {len(listed)} events")


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_disagreements_page_shows_both_values_with_their_sources(
        browser: Browser, demo_url: str, size: dict[str, int]) -> None:
    event, conflict = lng_status_conflict(demo_url)
    phone = size is PHONE
    context = browser.new_context(viewport=size, is_mobile=phone,  # type: ignore[arg-type]
                                  device_scale_factor=2 if phone else 1)
    try:
        page = context.new_page()
        page.goto(demo_url + "/disagreements")
        entry = page.locator("article.disagreeing").filter(
            has=page.locator(f'a[href="/events/{event["id"]}"]'))
        expect(entry).to_have_count(1)
        section = entry.locator("section.disagreement").filter(has_text="on the status")
        for told in conflict["told"]:
            row = section.locator("tbody tr").filter(
                has=page.locator("td:first-child", has_text=told["value"]))
            expect(row).to_have_count(1)
            for report in told["reports"]:
                _shows_report(row, report)
        for told, other in zip(conflict["told"], reversed(conflict["told"]), strict=True):
            # each value sits beside its own reports only, not the other's
            row = section.locator("tbody tr").filter(
                has=page.locator("td:first-child", has_text=told["value"]))
            for report in other["reports"]:
                expect(row.get_by_role("link", name=report["source"])).to_have_count(0)
        width = page.evaluate("document.documentElement.clientWidth")
        assert width == size["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def _shows_report(row: Locator, report: dict[str, Any]) -> None:
    link = row.get_by_role("link", name=report["source"])
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", f"/articles/{report['doc_id']}")
    expect(row.locator("q", has_text=report["evidence"])).to_be_visible()
