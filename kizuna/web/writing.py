"""Writing over the API: an article record or a URL (page or feed) in, stored documents
out; merge corrections by hand.

`Writer` is what `POST /api/ingest`, `/api/merge` and `/api/unmerge` call. Extraction
is injectable so tests can store a hand-built document without loading language models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from kizuna.contract import article_from_dict
from kizuna.errors import KizunaError
from kizuna.model import Article, Document
from kizuna.resolve.merging import Judgement
from kizuna.sources import web
from kizuna.sources.addresses import Resolver, system_resolver
from kizuna.store.database import Store

Extract = Callable[[Article], Document]
IngestInputs = Callable[..., Any]  # like kizuna.ingest.ingest(inputs, store, client=…)


class UrlFailed(KizunaError):
    """The URL itself could not be fetched or read: nothing was stored from it.
    `refused` when its address is one the service may not fetch from."""

    def __init__(self, message: str, refused: bool) -> None:
        super().__init__(message)
        self.refused = refused


def _extract(article: Article) -> Document:
    from kizuna import pipeline

    (result,) = pipeline.extract_many([article])
    if isinstance(result, Exception):
        raise result
    return result


def _ingest(inputs: list[str], store: Store, client: httpx.Client | None = None) -> Any:
    from kizuna.ingest import ingest

    return ingest(inputs, store, client=client)


@dataclass
class Writer:
    """Stores what the API is given; raises `kizuna.errors.KizunaError` for bad input."""

    store: Store
    extract: Extract = _extract
    ingest_inputs: IngestInputs = _ingest
    allow_private: bool = False  # `kizuna serve --allow-private-urls`
    resolver: Resolver | None = None  # tests resolve names themselves
    transport: httpx.BaseTransport | None = None  # tests answer requests themselves

    def record(self, data: Any) -> dict[str, Any]:
        """One article record (the contract's input shape): extracted and stored."""
        article = article_from_dict(data, "request")
        doc = self.extract(article)
        outcome = self.store.save_document(doc)
        return {"id": article.id, "outcome": outcome, "events": len(doc.events),
                "warnings": list(doc.warnings)}

    def url(self, url: str) -> dict[str, Any]:
        """A page or a feed, fetched by the ingest sources, every article stored.

        Fetched through a client of its own (one deadline, its connections closed after):
        public addresses only unless `allow_private`. Raises `UrlFailed` when the URL
        gave nothing to store because it could not be fetched or read."""
        guard = None if self.allow_private else web.GuardedTransport(
            self.transport, self.resolver or system_resolver)
        with web.make_client(guard or self.transport,
                             allow_private=self.allow_private) as client:
            report = self.ingest_inputs([url], self.store, client=client)
        _raise_if_nothing_came(url, report, bool(guard and guard.refused))
        return {"url": url, "added": report.added, "updated": report.updated,
                "unchanged": report.unchanged, "events": report.events,
                "failures": [{"label": f.label, "reason": f.reason}
                             for f in report.failures],
                "summary": report.summary()}

    def merge(self, event_id: str, merged_id: str) -> dict[str, Any]:
        """A person's correction, as `kizuna merge`: the article's event joins the merged
        event. Raises `MergeError` for an unknown id or a merged event of another type."""
        return _judged(self.store.merge_event(event_id, merged_id))

    def unmerge(self, event_id: str) -> dict[str, Any]:
        """A person's correction, as `kizuna unmerge`: the event on its own."""
        return _judged(self.store.unmerge_event(event_id))


def _raise_if_nothing_came(url: str, report: Any, refused: bool) -> None:
    """UrlFailed when the URL's own failure is all the report holds."""
    stored = report.added + report.updated + report.unchanged + getattr(report, "unsupported", 0)
    own = [f for f in report.failures if f.label == url]
    if not stored and own:
        raise UrlFailed(f"{url}: {own[0].reason}", refused)


def _judged(judgement: Judgement) -> dict[str, Any]:
    return {"event_id": judgement.event_id, "merged_id": judgement.merged_id,
            "reasons": list(judgement.reasons)}
