"""`kizuna watch` as a user runs it: a real process polling a loopback site."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from kizuna.store import Store
from tests.watch import stories
from tests.watch.conftest import page, rss

KIZUNA = [sys.executable, "-m", "kizuna.cli"]


def feed(site) -> str:
    site.put("/ohio", page("SoftBank picks Ohio", stories.DATA_CENTER_PAGE))
    return site.put("/feed.xml", rss([
        {"title": "SoftBank picks Ohio", "link": site.url("/ohio"),
         "date": "Wed, 12 Mar 2025 03:00:00 GMT", "description": stories.DATA_CENTER_SUMMARY},
    ]), "application/rss+xml")


def articles_in(db: Path) -> int:
    with Store.open(str(db)) as store, store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM articles").scalar_one()


def test_once_runs_one_round_and_a_second_run_reads_nothing_again(news_site, tmp_path):
    db = tmp_path / "w.db"
    url = feed(news_site)
    first = subprocess.run([*KIZUNA, "watch", url, "--db", str(db), "--once", "--delay", "0"],
                           capture_output=True, text=True, timeout=180)
    assert first.returncode == 0, first.stderr
    assert "1 polled, 1 new article" in first.stderr
    second = subprocess.run([*KIZUNA, "watch", url, "--db", str(db), "--once", "--delay", "0"],
                            capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr
    assert "0 polled, 1 not due, 0 new articles" in second.stderr
    assert articles_in(db) == 1


def test_sigterm_ends_the_watch_cleanly(news_site, tmp_path):
    db = tmp_path / "w.db"
    process = subprocess.Popen([*KIZUNA, "watch", feed(news_site), "--db", str(db),
                                "--every", "1h", "--delay", "0"],
                               stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()  # the first round's line: now it waits an hour
        assert "round: 1 polled, 1 new article" in line
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert articles_in(db) == 1


def test_nothing_to_watch_says_what_to_give(tmp_path):
    done = subprocess.run([*KIZUNA, "watch", "--db", str(tmp_path / "w.db")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "give feed or page URLs, or --sources FILE" in done.stderr


def test_a_bad_interval_is_refused_before_anything_runs(tmp_path):
    started = time.monotonic()
    done = subprocess.run([*KIZUNA, "watch", "https://news.example/feed", "--every", "often",
                           "--db", str(tmp_path / "w.db")], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and "write it as 90s, 15m, 2h or 1d" in done.stderr
    assert time.monotonic() - started < 60
