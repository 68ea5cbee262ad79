"""The whole flow in a few lines: read inputs, extract documents, store them.

    sources.iter_articles -> engine.extract -> store.save_document

Inputs stream through in windows of WINDOW articles: a window is read, extracted (by the
local or the Ray engine) and stored before the next is read, so memory does not grow
with the number of inputs. Within a window articles are stored oldest first (by
publication date, then id), whatever order the inputs name them in: each article's
events are merged with what is already stored, so earlier reports are there for later
ones to join. (Across windows the inputs' order holds; merging compares each event with
every stored one, so the result moves little with it.)

One bad input never stops the rest: unreadable inputs, unsupported languages and
extraction errors are collected, with their input's label, in the `IngestReport`. Only
a failing database stops an ingest (it raises `StoreError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import httpx

from kizuna.engines import Engine, open_engine
from kizuna.errors import KizunaError
from kizuna.model import Article, Document
from kizuna.sources import ArticleDefaults, iter_articles
from kizuna.store import RejectedDocument, Store

# Articles read, extracted and stored at a time: what bounds an ingest's memory.
WINDOW = 500


@dataclass(frozen=True)
class Failure:
    """One input that could not be ingested, and why."""

    label: str
    reason: str


@dataclass(frozen=True)
class Step:
    """What happened to one input: "added", "unchanged", "updated" or "failed"."""

    label: str
    outcome: str
    done: int
    total: int | None  # None while inputs are still being read
    reason: str | None = None


Progress = Callable[[Step], None]


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    updated: int = 0
    unsupported: int = 0  # stored without extraction: a language kizuna does not read
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def total(self) -> int:
        return self.added + self.unchanged + self.updated + self.failed

    def summary(self) -> str:
        """"3 added, 1 unchanged, 1 failed; 12 events" (zero counts left out)."""
        counts = [(self.added, "added"), (self.unchanged, "unchanged"),
                  (self.updated, "updated"), (self.failed, "failed"),
                  (self.unsupported, "in an unsupported language")]
        parts = ", ".join(f"{n} {word}" for n, word in counts if n) or "no articles"
        return f"{parts}; {self.events} event{'' if self.events == 1 else 's'}"


def ingest(
    inputs: Sequence[str], store: Store, defaults: ArticleDefaults | None = None,
    workers: int = 1, progress: Progress | None = None, client: httpx.Client | None = None,
    engine: str = "local", ray_address: str | None = None, window: int = WINDOW,
    extractor: Engine | None = None,
) -> IngestReport:
    """Read, extract and store every article `inputs` hold; what happened, counted.

    URLs are fetched with `client` when one is given (the web service's guarded one).
    `engine` is where extraction runs ("local" or "ray", see `kizuna.engines`), or
    `extractor`, an engine already open (kept open after: a watcher's, a benchmark's)."""
    report = IngestReport()
    tracker = _Tracker(report, progress)
    readable = _readable(iter_articles(inputs, defaults or ArticleDefaults(), client), tracker)
    with _engine(extractor, engine, workers, ray_address) as extractor:
        for labels, articles in _windows(readable, window, tracker):
            for label, result in zip(labels, extractor.extract(articles), strict=True):
                if isinstance(result, Exception):
                    tracker.failed(label, result)
                else:
                    _save(store, label, result, tracker)
    return report


@contextmanager
def _engine(given: Engine | None, name: str, workers: int,
            ray_address: str | None) -> Iterator[Engine]:
    if given is not None:
        yield given
        return
    with open_engine(name, workers, ray_address) as opened:
        yield opened


def _readable(items: Iterator[tuple[str, Article | KizunaError]],
              tracker: _Tracker) -> Iterator[tuple[str, Article]]:
    """The articles read; an input that cannot be read is reported as it comes."""
    for label, item in items:
        if isinstance(item, KizunaError):
            tracker.failed(label, item, unread=True)
        else:
            yield label, item


def _windows(readable: Iterator[tuple[str, Article]], size: int,
             tracker: _Tracker) -> Iterator[tuple[list[str], list[Article]]]:
    """Windows of at most `size` articles, each oldest first. One article is read ahead,
    so the last window is known as such and the tracker learns the total before it is
    extracted (the progress bar gets its end)."""
    read = 0
    ahead = next(readable, None)
    while ahead is not None:
        window = [ahead, *islice(readable, size - 1)]
        ahead = next(readable, None)
        read += len(window)
        if ahead is None:
            tracker.expect(read)
        yield _oldest_first([label for label, _ in window], [a for _, a in window])
    if read == 0:
        tracker.expect(0)


def _oldest_first(labels: list[str],
                  articles: list[Article]) -> tuple[list[str], list[Article]]:
    """Both lists in publication order (undated articles first), ties by article id."""
    order = sorted(range(len(articles)), key=lambda i: (
        articles[i].published or date.min, articles[i].id))
    return [labels[i] for i in order], [articles[i] for i in order]


def _save(store: Store, label: str, doc: Document, tracker: _Tracker) -> None:
    try:
        outcome = store.save_document(doc)
    except RejectedDocument as exc:
        tracker.failed(label, exc)
        return
    tracker.saved(label, outcome, len(doc.events), doc.warnings)


class _Tracker:
    """Counts outcomes into the report and tells `progress` about each one."""

    def __init__(self, report: IngestReport, progress: Progress | None):
        self.report, self.progress = report, progress
        self.expected: int | None = None
        self.unread = 0  # inputs that could not be read at all

    def expect(self, articles: int) -> None:
        """All inputs are read: `articles` of them readable (the failed ones are counted)."""
        self.expected = articles + self.unread

    def saved(self, label: str, outcome: str, events: int, warnings: tuple[str, ...] = ()) -> None:
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        self.report.events += events
        self.report.unsupported += bool(warnings)
        self._step(label, outcome, "; ".join(warnings) or None)

    def failed(self, label: str, exc: Exception, unread: bool = False) -> None:
        self.unread += unread
        reason = _reason(label, exc)
        self.report.failures.append(Failure(label, reason))
        self._step(label, "failed", reason)

    def _step(self, label: str, outcome: str, reason: str | None = None) -> None:
        if self.progress is not None:
            self.progress(Step(label, outcome, self.report.total, self.expected, reason))


def _reason(label: str, exc: Exception) -> str:
    """The error's message without a leading copy of the input's label."""
    message = str(exc) or type(exc).__name__
    if message.startswith(f"{label}: "):
        message = message[len(label) + 2:]
    if not isinstance(exc, KizunaError):
        message = f"{type(exc).__name__}: {message}"  # an extractor bug: say what kind
    return message
