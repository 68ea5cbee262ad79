"""Writing over the API: an article record or a URL (page or feed) in, stored documents
out; merge corrections by hand.

`Writer` is what `POST /api/ingest`, `/api/merge` and `/api/unmerge` call. Extraction
is injectable so tests can store a hand-built document without loading language models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kizuna.contract import article_from_dict
from kizuna.model import Article, Document
from kizuna.resolve.merging import Judgement
from kizuna.store.database import Store

Extract = Callable[[Article], Document]
IngestInputs = Callable[[list[str], Store], Any]  # like kizuna.ingest.ingest


def _extract(article: Article) -> Document:
    from kizuna import pipeline

    (result,) = pipeline.extract_many([article])
    if isinstance(result, Exception):
        raise result
    return result


def _ingest(inputs: list[str], store: Store) -> Any:
    from kizuna.ingest import ingest

    return ingest(inputs, store)


@dataclass
class Writer:
    """Stores what the API is given; raises `kizuna.errors.KizunaError` for bad input."""

    store: Store
    extract: Extract = _extract
    ingest_inputs: IngestInputs = _ingest

    def record(self, data: Any) -> dict[str, Any]:
        """One article record (the contract's input shape): extracted and stored."""
        article = article_from_dict(data, "request")
        doc = self.extract(article)
        outcome = self.store.save_document(doc)
        return {"id": article.id, "outcome": outcome, "events": len(doc.events),
                "warnings": list(doc.warnings)}

    def url(self, url: str) -> dict[str, Any]:
        """A page or a feed, fetched by the ingest sources, every article stored."""
        report = self.ingest_inputs([url], self.store)
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


def _judged(judgement: Judgement) -> dict[str, Any]:
    return {"event_id": judgement.event_id, "merged_id": judgement.merged_id,
            "reasons": list(judgement.reasons)}
