"""The whole flow in a few lines: read inputs, extract documents, store them.

    sources.iter_articles -> pipeline.extract_many -> store.save_document

Articles are stored oldest first (by publication date, then id), whatever order the
inputs name them in: each article's events are merged with what is already stored, so
one run gives the same merged events however its inputs are listed, and earlier reports
are there for later ones to join.

One bad input never stops the rest: unreadable inputs, unsupported languages and
extraction errors are collected, with their input's label, in the `IngestReport`. Only
a failing database stops an ingest (it raises `StoreError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

import httpx

from kizuna import pipeline
from kizuna.errors import KizunaError
from kizuna.model import Article, Document
from kizuna.sources import ArticleDefaults, iter_articles
from kizuna.store import RejectedDocument, Store

# Articles extracted per call when single-process, so progress moves as it goes and
# only one batch of parsed documents is held at a time.
BATCH = 16


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
) -> IngestReport:
    """Read, extract and store every article `inputs` hold; what happened, counted.

    URLs are fetched with `client` when one is given (the web service's guarded one)."""
    report = IngestReport()
    tracker = _Tracker(report, progress)
    labels, articles = [], []
    for label, item in iter_articles(inputs, defaults or ArticleDefaults(), client):
        if isinstance(item, KizunaError):
            tracker.failed(label, item)
        else:
            labels.append(label)
            articles.append(item)
    tracker.expect(len(articles))
    labels, articles = _oldest_first(labels, articles)
    for label, result in zip(labels, _extract(articles, workers), strict=True):
        if isinstance(result, Exception):
            tracker.failed(label, result)
        else:
            _save(store, label, result, tracker)
    return report


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


def _extract(articles: list[Article], workers: int) -> Iterator[Document | Exception]:
    if workers > 1:
        # One process pool for the whole run: each worker loads the models once.
        yield from pipeline.extract_many(articles, workers=workers)
        return
    for i in range(0, len(articles), BATCH):
        yield from pipeline.extract_many(articles[i:i + BATCH])


class _Tracker:
    """Counts outcomes into the report and tells `progress` about each one."""

    def __init__(self, report: IngestReport, progress: Progress | None):
        self.report, self.progress = report, progress
        self.expected: int | None = None

    def expect(self, articles: int) -> None:
        self.expected = articles + self.report.failed

    def saved(self, label: str, outcome: str, events: int, warnings: tuple[str, ...] = ()) -> None:
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        self.report.events += events
        self.report.unsupported += bool(warnings)
        self._step(label, outcome, "; ".join(warnings) or None)

    def failed(self, label: str, exc: Exception) -> None:
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
