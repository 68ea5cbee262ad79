"""The watch loop over a database another writer holds: it pauses and tries the round
again instead of ending, and keeps what it stored."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from kizuna.store import Store, locks
from kizuna.store import database as store_database
from kizuna.store.locks import StoreBusy
from kizuna.watch import loop
from kizuna.watch.config import WatchedSource
from kizuna.watch.polite import PoliteClient
from tests.watch import stories
from tests.watch.conftest import NewsSite, rss

EVERY = timedelta(minutes=15)


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer gives up on a held database in a fraction of a second, not half a minute."""
    monkeypatch.setattr(store_database, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(locks, "WRITE_WAIT_S", 0.3)


def _feed(site: NewsSite) -> str:
    return site.put("/feed.xml", rss([
        {"title": "Leaders meet", "link": site.url("/politics/summit"),
         "date": "Sat, 08 Feb 2025 01:00:00 GMT", "description": " ".join(stories.SUMMIT * 2)},
    ]), "application/rss+xml")


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_busy_database_pauses_the_round_and_it_is_tried_again(news_site, tmp_path,
                                                                 short_waits) -> None:
    path = tmp_path / "watch.db"
    with Store.open(str(path)) as store, httpx.Client(timeout=10) as client:
        other = _hold_write_lock(path)
        lines: list[str] = []

        def log(line: str) -> None:
            lines.append(line)
            if line.startswith("busy:"):
                other.rollback()  # the other writer finishes during the pause

        reports = loop.watch(store, [WatchedSource(_feed(news_site), EVERY)],
                             PoliteClient(client, delay=0), once=True, log=log,
                             busy_pause=0.5)
        other.close()
    busy = [line for line in lines if line.startswith("busy:")]
    assert busy and "tried again in 0.5 s" in busy[0]
    assert [r.stored for r in reports] == [1]
    assert _count(path) == 1


def test_a_once_run_gives_up_after_its_tries_and_stores_nothing_half(news_site, tmp_path,
                                                                    short_waits) -> None:
    path = tmp_path / "watch.db"
    with Store.open(str(path)) as store, httpx.Client(timeout=10) as client:
        other = _hold_write_lock(path)
        lines: list[str] = []
        try:
            with pytest.raises(StoreBusy):
                loop.watch(store, [WatchedSource(_feed(news_site), EVERY)],
                           PoliteClient(client, delay=0), once=True, log=lines.append,
                           busy_pause=0.1)
        finally:
            other.rollback()
            other.close()
    assert [line.split(" in ")[-1] for line in lines if line.startswith("busy:")] == [
        "0.1 s", "0.2 s"]  # the pause doubles
    assert _count(path) == 0


def test_a_stop_during_the_pause_ends_the_watch(news_site, tmp_path, short_waits) -> None:
    path = tmp_path / "watch.db"
    stop = threading.Event()
    with Store.open(str(path)) as store, httpx.Client(timeout=10) as client:
        other = _hold_write_lock(path)
        threading.Timer(0.2, stop.set).start()
        try:
            reports = loop.watch(store, [WatchedSource(_feed(news_site), EVERY)],
                                 PoliteClient(client, delay=0), stop=stop,
                                 log=lambda line: None, busy_pause=30)
        finally:
            other.rollback()
            other.close()
    assert reports == []
