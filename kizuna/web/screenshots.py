"""`make screenshots`: PNGs of the main pages, over the demo database, for the README.

    python -m kizuna.web.screenshots [--out docs/screenshots] [--db demo.db]

Without `--db` the demo's sample articles are ingested into a temporary database first.
The pages are served on a free loopback port and photographed in headless Chromium
(`kizuna.web.chromium`: Debian's package driven by Playwright, from the `test` extra),
on a laptop's width and, for the event list and the disagreements, a phone's. A page
wider than the phone's screen is an error: the layout must not scroll sideways.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ViewportSize

LAPTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
EVENT = "{event}"  # stands for the merged event with the most sources


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    phone: bool = False


SHOTS = (
    Shot("events", "/events"),
    Shot("event", "/events/" + EVENT),
    Shot("actor", "/actors/shigeru-ishiba"),
    Shot("dyad", "/dyads/JPN-USA"),
    Shot("search-ja", "/search?q=" + quote("石破")),
    Shot("events-phone", "/events", phone=True),
    Shot("digest", "/digest?since=2025-01-01"),
    Shot("commitments", "/commitments"),
    Shot("disagreements", "/disagreements"),
    Shot("disagreements-phone", "/disagreements", phone=True),
    Shot("events-ja", "/events?lang=ja"),
    Shot("event-ja", "/events/" + EVENT + "?lang=ja", phone=True),
)


class Overflow(RuntimeError):
    """A page is wider than the screen it is shown on."""


def best_event(base_url: str) -> str:
    """The id of the Ishiba meeting told by the most articles (else any event with the
    most sources): the page that shows merging across languages best."""
    for params in ({"type": "MEET", "actor": "Shigeru Ishiba"}, {}):
        events = httpx.get(f"{base_url}/events.json", params={**params, "per_page": "200"}
                           ).raise_for_status().json()["events"]
        if events:
            return max(events, key=lambda e: len({c["doc_id"] for c in e["citations"]}))["id"]
    raise LookupError("the database holds no events to photograph")


def capture(browser: Browser, base_url: str, out: Path) -> list[Path]:
    """Photograph every page of SHOTS served at `base_url` into `out`; the files written.

    Raises `Overflow` when a page scrolls sideways on its screen.
    """
    out.mkdir(parents=True, exist_ok=True)
    event = best_event(base_url)
    written = []
    for shot in SHOTS:
        size = PHONE if shot.phone else LAPTOP
        context = browser.new_context(viewport=size, is_mobile=shot.phone,
                                      device_scale_factor=2 if shot.phone else 1)
        try:
            page = context.new_page()
            page.goto(base_url + shot.path.replace(EVENT, event), wait_until="load")
            page.evaluate("document.fonts.ready")  # Japanese glyphs drawn, not fallbacks
            extra = page.evaluate("document.documentElement.scrollWidth"
                                  " - document.documentElement.clientWidth")
            if extra > 0:
                raise Overflow(f"{shot.path} is {extra}px wider than a "
                               f"{size['width']}px screen")
            path = out / f"{shot.name}.png"
            page.screenshot(path=str(path))
            written.append(path)
        finally:
            context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kizuna.web.screenshots",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--db", help="a database to photograph (default: the demo's "
                                     "sample articles, ingested into a temporary one)")
    args = parser.parse_args(argv)

    from kizuna.store import Store
    from kizuna.web import chromium, create_app
    from kizuna.web.live import LiveServer

    reason = chromium.unavailable()
    if reason:
        print(f"error: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or _demo_database(Path(folder) / "demo.db")
        with Store.open(db) as store, LiveServer(create_app(db, store=store)) as server, \
                chromium.launched() as browser:
            try:
                written = capture(browser, server.url, args.out)
            except Overflow as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
    for path in written:
        print(path)
    return 0


def _demo_database(path: Path) -> str:
    from kizuna.demo import store_demo_articles
    from kizuna.store import Store

    print("screenshots: ingesting the demo's sample articles…", file=sys.stderr)
    with Store.open(str(path)) as store:
        report = store_demo_articles(store)
    if report.failures:
        raise SystemExit(f"error: the demo articles did not all go in: {report.summary()}")
    return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
