"""Rounds until told to stop: SIGTERM or Ctrl-C end the run after the article in hand.

A busy database (another writer held it past the writer's wait, `StoreBusy`) pauses the
watch instead of ending it: what was stored stays stored, the round is tried again after
a growing pause, and its sources' items read before are skipped then. Only a `--once` run
gives up, after a few tries, so that a cron job reports the failure.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from kizuna.engines import Engine
from kizuna.store import Store, watching
from kizuna.store.locks import RETRY_AFTER_S, StoreBusy
from kizuna.watch.config import WatchedSource
from kizuna.watch.polite import PoliteClient
from kizuna.watch.rounds import Log, RoundReport, run_round

# The longest the loop sleeps in one go: a source added to the file is picked up by the
# next start, but a long wait is still cut short at once by a stop.
_SHORTEST_WAIT = 1.0
# A busy database: the pause before the first retry doubles up to this, and a --once run
# tries this many times in all.
LONGEST_BUSY_PAUSE = 300.0
TRIES_WHEN_ONCE = 3


def watch(store: Store, sources: list[WatchedSource], http: PoliteClient, *,
          once: bool = False, stop: threading.Event | None = None,
          log: Log = print, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
          engine: Engine | None = None, busy_pause: float = RETRY_AFTER_S) -> list[RoundReport]:
    """Run rounds until `stop` is set (or one round with `once`); their reports."""
    stop = stop or threading.Event()
    reports: list[RoundReport] = []
    busy = 0
    while True:
        try:
            report = run_round(store, sources, http, now=clock(), stop=stop.is_set, log=log,
                               engine=engine)
        except StoreBusy as exc:
            busy += 1
            if once and busy >= TRIES_WHEN_ONCE:
                raise
            pause = min(busy_pause * 2 ** (busy - 1), LONGEST_BUSY_PAUSE)
            log(f"busy: {exc}; the round is tried again in {pause:g} s")
            if stop.wait(pause):
                return reports
            continue
        busy = 0
        reports.append(report)
        log(report.line())
        if once or stop.is_set():
            return reports
        stop.wait(seconds_to_next_poll(store, sources, clock()))
        if stop.is_set():
            return reports


def seconds_to_next_poll(store: Store, sources: list[WatchedSource], now: datetime) -> float:
    """How long until the first source is due again (at least a second)."""
    due = []
    for source in sources:
        state = watching.source_state(store.engine, source.url)
        due.append(state.next_poll or now)
    wait = min(due, default=now + timedelta(minutes=15)) - now
    return max(wait.total_seconds(), _SHORTEST_WAIT)


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT while inside; the old handlers come back after."""
    stop = threading.Event()

    def handle(signum: int, frame: object) -> None:
        # Event.set takes the event's own lock, which this very thread may be holding
        # (inside stop.wait) when the signal lands, and would wait on for ever: set it
        # from another thread, which waits its turn instead
        threading.Thread(target=stop.set, daemon=True).start()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
