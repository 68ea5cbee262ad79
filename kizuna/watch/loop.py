"""Rounds until told to stop: SIGTERM or Ctrl-C end the run after the article in hand."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from kizuna.engines import Engine
from kizuna.store import Store, watching
from kizuna.watch.config import WatchedSource
from kizuna.watch.polite import PoliteClient
from kizuna.watch.rounds import Log, RoundReport, run_round

# The longest the loop sleeps in one go: a source added to the file is picked up by the
# next start, but a long wait is still cut short at once by a stop.
_SHORTEST_WAIT = 1.0


def watch(store: Store, sources: list[WatchedSource], http: PoliteClient, *,
          once: bool = False, stop: threading.Event | None = None,
          log: Log = print, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
          engine: Engine | None = None) -> list[RoundReport]:
    """Run rounds until `stop` is set (or one round with `once`); their reports."""
    stop = stop or threading.Event()
    reports = []
    while True:
        report = run_round(store, sources, http, now=clock(), stop=stop.is_set, log=log,
                           engine=engine)
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
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
