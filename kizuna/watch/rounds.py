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

from kizuna.engines import Engine, LocalEngine
from kizuna.errors import InputError, KizunaError, NothingToRead
from kizuna.model import Article, Document
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
              log: Log = lambda line: None, engine: Engine | None = None) -> RoundReport:
    """Poll every source that is due at `now`; stops between articles once `stop()` holds.

    New items are extracted by `engine` (in this process by default) and stored here,
    oldest first. A failing source or item is logged and counted, and the rest go on;
    only a failing database ends the round (`StoreError`).
    """
    report = RoundReport(started=now or datetime.now(UTC))
    engine = engine or LocalEngine()
    for source in sources:
        if stop():
            break
        state = watching.source_state(store.engine, source.url)
        if state.next_poll is not None and state.next_poll > report.started:
            report.not_due += 1
            continue
        _poll(store, source, state, _Round(http, engine, report, stop, log))
    return report


@dataclass
class _Round:
    """What every step of a round needs: how to fetch and extract, where to report."""

    http: PoliteClient
    engine: Engine
    report: RoundReport
    stop: Stop
    log: Log

    def fail(self, message: str) -> None:
        self.report.failures.append(message)
        self.log(f"error: {message}")


def _poll(store: Store, source: WatchedSource, state: watching.SourceState,
          work: _Round) -> None:
    now = work.report.started
    work.report.polled += 1
    try:
        response = work.http.get(source.url, state.etag, state.last_modified)
        articles = [] if response.not_modified else _articles(response, source, work)
    except InputError as exc:
        failures = state.failures + 1
        backoff = min(source.every * 2 ** (failures - 1), MAX_BACKOFF)
        watching.save_source_state(store.engine, replace(
            state, last_polled=now, failures=failures, last_error=str(exc),
            next_poll=now + max(backoff, source.every)))
        work.fail(str(exc))
        return
    work.report.not_modified += response.not_modified
    stored = _store_new(store, _oldest_first(articles), work)
    if work.stop():  # items left unread: keep the old validators, ask again next start
        watching.save_source_state(store.engine, replace(
            state, last_polled=now, articles=state.articles + stored))
        return
    watching.save_source_state(store.engine, replace(
        state, etag=response.etag or state.etag,
        last_modified=response.last_modified or state.last_modified,
        last_polled=now, last_ok=now, failures=0, last_error=None,
        next_poll=now + source.every, articles=state.articles + stored))


def _articles(response: Response, source: WatchedSource, work: _Round) -> list[Article]:
    try:
        parsed = parse_bytes(response.data, source.url, source.defaults,
                             content_type=response.content_type, url=response.url)
    except NothingToRead:  # a feed with no items yet is a quiet source, not a broken one
        return []
    found = []
    for label, item in parsed:
        if isinstance(item, KizunaError):
            work.fail(f"{label}: {item}")
        else:
            found.append(item)
    return found


def _store_new(store: Store, articles: list[Article], work: _Round) -> int:
    """Extract and store the articles not read before; how many were stored."""
    fresh: list[tuple[Article, list[str]]] = []
    for article in articles:
        if work.stop():
            break
        found = _unread(store, article, fresh, work)
        if found is not None:
            fresh.append(found)
    if not fresh:
        return 0
    stored = 0
    results = work.engine.extract([article for article, _ in fresh])
    for (article, keys), result in zip(fresh, results, strict=True):
        if work.stop():
            break
        stored += _save(store, article, keys, result, work)
    return stored


def _unread(store: Store, article: Article, fresh: list[tuple[Article, list[str]]],
            work: _Round) -> tuple[Article, list[str]] | None:
    """The article (its page's text if the feed gave a summary) and its keys, unless it
    was read before, in an earlier round or earlier in this one."""
    keys = [url_key(article.url)] if article.url else []
    taken = {key for _, earlier in fresh for key in earlier}
    if taken.intersection(keys) or watching.seen_any(store.engine, keys):
        work.report.already_read += 1
        return None
    article = _with_page_text(article, work.http, work.log)
    keys.append(text_key(article.text))
    if keys[-1] in taken or watching.seen_any(store.engine, keys[-1:]):
        watching.mark_seen(store.engine, keys, None)
        work.report.already_read += 1
        return None
    return article, keys


def _save(store: Store, article: Article, keys: list[str], result: Document | Exception,
          work: _Round) -> int:
    if isinstance(result, Exception):
        work.fail(f"{article.url or article.id}: could not be extracted ({result})")
        watching.mark_seen(store.engine, keys, None)  # reading it again would fail again
        return 0
    try:
        store.save_document(result)
    except RejectedDocument as exc:
        work.fail(f"{article.url or article.id}: {exc}")
        return 0
    watching.mark_seen(store.engine, keys, article.id)
    work.report.stored += 1
    work.report.events += len(result.events)
    return 1


def _with_page_text(article: Article, http: PoliteClient, log: Log) -> Article:
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
