"""Process-wide tallies for `/metrics`: how many articles this process extracted and how
long extraction took. Counters only go up; a scrape reads them, nothing resets them."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Tally:
    """A count and a running total of seconds, safe to add to from several threads."""

    count: int = 0
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, count: int, seconds: float) -> None:
        with self._lock:
            self.count += count
            self.seconds += seconds

    @contextmanager
    def timing(self, count: int) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(count, time.perf_counter() - started)


# Articles extracted in this process (by the pipeline, whoever called it).
EXTRACTION = Tally()
