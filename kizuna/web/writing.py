"""Writing over the API: an article record or a URL (page or feed) in, stored documents out.

`Writer` is what `POST /api/ingest` calls. Extraction is injectable so tests can store
a hand-built document without loading language models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kizuna.contract import article_from_dict
from kizuna.model import Article, Document
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
