"""One round of watching: each due source asked once, each new item read, extracted, stored.

Order of checks for an item, cheapest first: its canonical URL was read before → skip;
its feed text is only a summary → read the page it links to; its text was read before
under another address → skip; else extract and store it. Items are stored oldest first,
as `kizuna ingest` does, so later reports find the earlier ones to merge with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from kizuna import pipeline
from kizuna.errors import InputError, KizunaError, NothingToRead
from kizuna.model import Article
from kizuna.parse.dispatch import parse_bytes
from kizuna.parse.record import ArticleDefaults
from kizuna.store import RejectedDocument, Store, watching
from kizuna.watch.canonical import text_key, url_key
from kizuna.watch.config import WatchedSource
from kizuna.watch.polite import PoliteClient, Response

# A feed item with less text than this is a summary: the page it links to is read instead.
FOLLOW_BELOW = 600
# However often a source fails, it is asked again at least once a day.
MAX_BACKOFF = timedelta(days=1)


@dataclass
class RoundReport:
    """What one round did, for its log line."""

    started: datetime
    polled: int = 0
    not_modified: int = 0
    not_due: int = 0
    stored: int = 0
    events: int = 0
    already_read: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One log line: "2026-12-02T08:00:00Z round: 3 polled (1 not modified), …"."""
        parts = [f"{self.polled} polled"
                 + (f" ({self.not_modified} not modified)" if self.not_modified else "")]
        if self.not_due:
            parts.append(f"{self.not_due} not due")
        parts.append(f"{self.stored} new article{'' if self.stored == 1 else 's'} "
                     f"({self.events} event{'' if self.events == 1 else 's'})")
        if self.already_read:
            parts.append(f"{self.already_read} already read")
        if self.failures:
            parts.append(f"{len(self.failures)} failed")
        return f"{self.started:%Y-%m-%dT%H:%M:%SZ} round: {', '.join(parts)}"


Stop = Callable[[], bool]
Log = Callable[[str], None]


def run_round(store: Store, sources: list[WatchedSource], http: PoliteClient,
              now: datetime | None = None, stop: Stop = lambda: False,
              log: Log = lambda line: None) -> RoundReport:
    """Poll every source that is due at `now`; stops between articles once `stop()` holds.

    A failing source or item is logged and counted, and the rest go on; only a failing
    database ends the round (`StoreError`).
    """
    report = RoundReport(started=now or datetime.now(UTC))
    for source in sources:
        if stop():
            break
        state = watching.source_state(store.engine, source.url)
        if state.next_poll is not None and state.next_poll > report.started:
            report.not_due += 1
            continue
        _poll(store, source, state, http, report, stop, log)
    return report


def _poll(store: Store, source: WatchedSource, state: watching.SourceState,
          http: PoliteClient, report: RoundReport, stop: Stop, log: Log) -> None:
    now = report.started
    report.polled += 1
    try:
        response = http.get(source.url, state.etag, state.last_modified)
        articles = [] if response.not_modified else _articles(response, source, report, log)
    except InputError as exc:
        failures = state.failures + 1
        backoff = min(source.every * 2 ** (failures - 1), MAX_BACKOFF)
        watching.save_source_state(store.engine, replace(
            state, last_polled=now, failures=failures, last_error=str(exc),
            next_poll=now + max(backoff, source.every)))
        _fail(report, log, str(exc))
        return
    report.not_modified += response.not_modified
    stored = sum(_read_item(store, article, http, report, log)
                 for article in _oldest_first(articles) if not stop())
    watching.save_source_state(store.engine, replace(
        state, etag=response.etag or state.etag,
        last_modified=response.last_modified or state.last_modified,
        last_polled=now, last_ok=now, failures=0, last_error=None,
        next_poll=now + source.every, articles=state.articles + stored))


def _articles(response: Response, source: WatchedSource, report: RoundReport,
              log: Log) -> list[Article]:
    try:
        parsed = parse_bytes(response.data, source.url, source.defaults,
                             content_type=response.content_type, url=response.url)
    except NothingToRead:  # a feed with no items yet is a quiet source, not a broken one
        return []
    found = []
    for label, item in parsed:
        if isinstance(item, KizunaError):
            _fail(report, log, f"{label}: {item}")
        else:
            found.append(item)
    return found


def _read_item(store: Store, article: Article, http: PoliteClient, report: RoundReport,
               log: Log) -> bool:
    """Store one item unless it was read before; whether it was stored."""
    keys = [url_key(article.url)] if article.url else []
    if watching.seen_any(store.engine, keys):
        report.already_read += 1
        return False
    article = _with_page_text(article, http, report, log)
    keys.append(text_key(article.text))
    if watching.seen_any(store.engine, keys[-1:]):
        watching.mark_seen(store.engine, keys, None)
        report.already_read += 1
        return False
    result = next(pipeline.extract_many([article]))
    if isinstance(result, Exception):
        _fail(report, log, f"{article.url or article.id}: could not be extracted ({result})")
        watching.mark_seen(store.engine, keys, None)  # reading it again would fail again
        return False
    try:
        store.save_document(result)
    except RejectedDocument as exc:
        _fail(report, log, f"{article.url or article.id}: {exc}")
        return False
    watching.mark_seen(store.engine, keys, article.id)
    report.stored += 1
    report.events += len(result.events)
    return True


def _with_page_text(article: Article, http: PoliteClient, report: RoundReport,
                    log: Log) -> Article:
    """The article with its page's main text when the feed gave only a summary; the feed's
    title, date and source are kept where the page lacks them."""
    if len(article.text) >= FOLLOW_BELOW or not article.url:
        return article
    defaults = replace(_defaults_of(article), title=None)
    try:
        response = http.get(article.url)
        parsed = parse_bytes(response.data, article.url, defaults,
                             content_type=response.content_type, url=response.url)
    except InputError as exc:
        log(f"warning: {article.url}: page not read, the feed's summary is stored ({exc})")
        return article
    pages = [item for _, item in parsed if isinstance(item, Article)]
    if not pages or len(pages[0].text) <= len(article.text):
        return article
    page = pages[0]
    return replace(page, url=article.url, title=page.title or article.title,
                   published=article.published or page.published,
                   source=article.source or page.source)


def _defaults_of(article: Article) -> ArticleDefaults:
    return ArticleDefaults(published=article.published, language=article.language,
                           source=article.source)


def _oldest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published or date.min, a.id))


def _fail(report: RoundReport, log: Log, message: str) -> None:
    report.failures.append(message)
    log(f"error: {message}")
